"""Running the stages against a store: workers, incremental and resumable analysis."""

from __future__ import annotations

from scenariodesk.pipeline import analyze_store, ingest_paths
from scenariodesk.store import Store


def _rows(store):
    return [(r.document.id, r.statement) for r in store.iter_statements()]


def test_analyze_with_two_workers_gives_the_same_statements(tmp_path, seed_dir, lens, seeded_db):
    with Store(tmp_path / "w2.db") as store:
        ingest_paths(store, [seed_dir], lens)
        done, found = analyze_store(store, lens, workers=2)
        with Store(seeded_db) as reference:
            assert _rows(store) == _rows(reference)
    assert done == 5 and found > 50


def test_analyze_resumes_and_reports_progress(tmp_path, seed_dir, lens):
    progress = []
    with Store(tmp_path / "r.db") as store:
        ingest_paths(store, [seed_dir], lens)
        first = next(iter(store.iter_documents()))
        store.save_statements(first.id, [], lens.fingerprint)  # as if a run stopped after it
        done, _ = analyze_store(store, lens, on_progress=lambda d, t: progress.append((d, t)))
        assert done == 4
        assert progress[-1] == (4, 4)
        assert analyze_store(store, lens) == (0, 0)
        assert store.count_documents(pending_for=lens.fingerprint) == 0
