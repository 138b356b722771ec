"""Analysis on a Dask cluster, and the shard formats large corpora come in."""

from __future__ import annotations

import json

import pytest

from scenariodesk.cluster import ClusterError, analyze_on_cluster
from scenariodesk.ingest import IngestError, read_documents
from scenariodesk.pipeline import ingest_paths
from scenariodesk.store import Store

pytestmark = pytest.mark.slow


def _key(store):
    return sorted(
        (
            r.document.path.rsplit("/", 1)[-1],
            r.statement.sentence_span,
            r.statement.condition,
            r.statement.source,
        )
        for r in store.iter_statements()
    )


def test_cluster_analysis_matches_one_process_and_never_writes_twice(tmp_path, seed_dir, lens, seeded_db):
    with Store(tmp_path / "c.db") as store:
        ingest_paths(store, [seed_dir], lens)
        progress = []
        done, found = analyze_on_cluster(
            store, lens, "local:1", on_progress=lambda d, t: progress.append((d, t))
        )
        assert (done, progress[-1]) == (5, (5, 5))
        with Store(seeded_db) as reference:
            assert _key(store) == _key(reference)
        # a restarted run analyzes the same partitions again: results replace, not add
        store.db.execute("UPDATE documents SET analyzed_with = NULL")
        assert analyze_on_cluster(store, lens, "local:1") == (done, found)
        assert store.count_statements() == found


def test_cluster_bad_address_is_one_clear_error():
    with pytest.raises(ClusterError, match="local:N needs a number"):
        analyze_on_cluster(None, None, "local:two")  # type: ignore[arg-type]


ARTICLE = (
    "If Trump wins the election, Washington is likely to demand that Seoul pay more for U.S. troops, "
    "according to several analysts who follow the alliance closely. Sentence {i} adds its own detail."
)


def test_ingest_reads_parquet_shards_and_dedupes_across_shards(tmp_path, lens):
    import pyarrow as pa
    import pyarrow.parquet as pq

    long = " ".join(ARTICLE.format(i=k) for k in range(6))
    rows = [
        {"text": long.replace("Seoul", f"Seoul ({i})"), "title": f"A{i}", "date": "2024-10-01", "outlet": "O"}
        for i in range(3)
    ]
    rows.append({"text": "", "title": "empty", "date": None, "outlet": None})
    pq.write_table(pa.Table.from_pylist(rows), tmp_path / "shard-0001.parquet")
    (tmp_path / "shard-0002.jsonl").write_text(json.dumps({"text": rows[0]["text"], "title": "again"}) + "\n")
    items = [i for _, i in read_documents([tmp_path / "shard-0001.parquet"], lens)]
    assert [i.title for i in items if not isinstance(i, IngestError)] == ["A0", "A1", "A2"]
    assert [str(i) for i in items if isinstance(i, IngestError)] == [
        f"{tmp_path / 'shard-0001.parquet'}:4: empty text"
    ]
    with Store(tmp_path / "s.db") as store:
        report = ingest_paths(store, [tmp_path], lens)
    assert (report.added, report.duplicates, len(report.errors)) == (1, 3, 1)  # near-duplicates across shards


def test_ingest_refuses_a_broken_parquet_file(tmp_path, lens):
    bad = tmp_path / "broken.parquet"
    bad.write_bytes(b"PAR1 not really parquet")
    (item,) = [i for _, i in read_documents([bad], lens)]
    assert isinstance(item, IngestError) and "Parquet" in str(item)
