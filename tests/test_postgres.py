"""The same store on a real PostgreSQL server: schema, queries, concurrency, end to end."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from scenariodesk.aggregate import load_matrix
from scenariodesk.cli import app
from scenariodesk.dedupe import fingerprint
from scenariodesk.models import Document, StatementFilter
from scenariodesk.pipeline import analyze_store, ingest_paths
from scenariodesk.store import MIGRATIONS, Store


def test_postgres_migrates_once_and_round_trips(pg_url):
    with Store(pg_url) as s:
        assert s.schema_version == len(MIGRATIONS)
        doc = Document(
            text="One paragraph.\n\nTwo tariffs here.", path="a.txt", title="T", removed=("nav-ui: Menu",)
        )
        doc_id = s.add_document(doc, fingerprint(doc.text))
        assert s.get_document(doc_id).removed == ("nav-ui: Menu",)
        assert s.find_duplicate(fingerprint(doc.text)) == (doc_id, "exact")
        assert [h.document_id for h in s.search("tariffs")] == [doc_id]
    with Store(pg_url) as s:  # reopening migrates nothing
        assert s.schema_version == len(MIGRATIONS)


def test_postgres_gives_the_same_results_as_sqlite(pg_url, seeded_db, seed_dir, lens):
    with Store(pg_url) as pg:
        ingest_paths(pg, [seed_dir], lens)
        analyze_store(pg, lens)
        with Store(seeded_db) as lite:
            key = lambda r: (Path(r.document.path).name, r.statement.sentence_span, r.statement.condition)  # noqa: E731
            assert sorted(map(key, pg.iter_statements())) == sorted(map(key, lite.iter_statements()))
            assert load_matrix(pg, lens).cells.keys() == load_matrix(lite, lens).cells.keys()
            for k, cell in load_matrix(lite, lens).cells.items():
                other = load_matrix(pg, lens).cells[k]
                assert (other.statements, other.sources, other.net_direction) == (
                    cell.statements,
                    cell.sources,
                    cell.net_direction,
                )
            cha = StatementFilter(source="cha", outcome="biden")
            assert pg.count_statements(cha) == lite.count_statements(cha) > 0
        assert {h.kind for h in pg.search("fourth summit")} == {"statement", "passage"}


def test_postgres_concurrent_ingests_lose_and_duplicate_nothing(pg_url, seed_dir, tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    texts = [p.read_text() for p in sorted(seed_dir.glob("*.txt"))]
    for i, text in enumerate(texts):
        (folder / f"{i}.txt").write_text(text)
    cli = str(Path(sys.executable).parent / "scenariodesk")
    Store(pg_url).close()  # schema first; the race below is about documents
    runs = [subprocess.Popen([cli, "ingest", str(folder), "--db", pg_url, "-q"]) for _ in range(3)]
    assert [r.wait(timeout=120) for r in runs] == [0, 0, 0]
    analyzers = [
        subprocess.Popen([cli, "analyze", "--db", pg_url], stderr=subprocess.DEVNULL) for _ in range(2)
    ]
    assert [a.wait(timeout=300) for a in analyzers] == [0, 0]
    with Store(pg_url) as s:
        assert s.count_documents() == len(texts)
        spans = [
            (r.document.id, r.statement.sentence_span, r.statement.condition) for r in s.iter_statements()
        ]
        assert len(spans) == len(set(spans)) > 50


def test_postgres_end_to_end_through_the_cli(pg_url, seed_dir, runner):
    assert runner.invoke(app, ["ingest", str(seed_dir), "--db", pg_url, "-q"]).exit_code == 0
    assert runner.invoke(app, ["analyze", "--db", pg_url]).exit_code == 0
    matrix = json.loads(runner.invoke(app, ["matrix", "--db", pg_url, "--format", "json"]).stdout)
    cells = [c for row in matrix["rows"] for c in row["cells"] if c]
    assert any(c["outcome"] == "trump" and c["domain"] == "alliance" for c in cells)
    statements = json.loads(
        runner.invoke(app, ["statements", "--db", pg_url, "--format", "json", "--source", "cha"]).stdout
    )
    assert statements and {s["source"] for s in statements} == {"Victor Cha"}


def test_postgres_behind_the_web_app(pg_url, seed_dir, lens):
    from fastapi.testclient import TestClient

    from scenariodesk.web import create_app

    with Store(pg_url) as s:
        ingest_paths(s, [seed_dir], lens)
        analyze_store(s, lens)
    with TestClient(create_app(pg_url), base_url="http://127.0.0.1") as client:
        assert client.get("/").status_code == 200
        hits = client.get("/api/v1/search", params={"q": "cost-sharing"}).json()["hits"]
        assert hits and all(h["document_id"] for h in hits)
        assert client.get("/cells/trump/alliance").status_code == 200


def test_postgres_tracking_findings_and_lists_match_sqlite(pg_url, seed_dir, lens, tmp_path):
    with Store(pg_url) as pg, Store(tmp_path / "lite.db") as lite:
        for store in (pg, lite):
            ingest_paths(store, [seed_dir], lens)
            analyze_store(store, lens)
            forecasts = list(store.iter_statements(StatementFilter(outcome="trump"), limit=3))
            store.record_event(
                "summit-2025", False, "2025-12-31", "", "a citation", [(f, 0.3) for f in forecasts]
            )

        def forecast(row):
            stored, happened, probability = row
            return Path(stored.document.path).name, stored.statement.sentence_span, happened, probability

        assert sorted(map(forecast, pg.resolved_forecasts())) == sorted(
            map(forecast, lite.resolved_forecasts())
        )
        assert len(list(pg.resolved_forecasts())) == 3
        assert [(h.signpost, h.sentence) for h in pg.signpost_reports()] == [
            (h.signpost, h.sentence) for h in lite.signpost_reports()
        ]
        assert [r.sentence for r in pg.recommendations()] == [r.sentence for r in lite.recommendations()]
        assert [(c.fact, c.value) for c in pg.fact_claims()] == [
            (c.fact, c.value) for c in lite.fact_claims()
        ]
        assert pg.signpost_reports() and pg.recommendations() and pg.fact_claims()
        english = StatementFilter(language="en")
        assert pg.list_documents(english, status="analyzed", lens=lens.fingerprint)[0] == 5
        assert lite.list_documents(english, status="analyzed", lens=lens.fingerprint)[0] == 5
