"""Hostile and careless input: what one file, one page or one process must not break.

Each case is a row a user hit: the input, and what must hold afterwards.
"""

from __future__ import annotations

import json
import time

import pytest
from typer.testing import CliRunner

from scenariodesk.cli import app
from scenariodesk.store import StatementFilter, Store

pytestmark = pytest.mark.slow

GOOD = "URL: https://example.org/a\nDATE: 2024-09-01\n\nIf Trump wins, tariffs on Korean cars would rise sharply.\n"
# spaCy refuses a text over 1,000,000 characters (E088): one such paragraph used to stop
# every later analysis run, good documents included.
HUGE = "DATE: 2024-09-01\n\n" + "x" * 1_050_000 + "\n\nIf Harris wins, talks with Pyongyang could resume.\n"


def run(*args):
    return CliRunner().invoke(app, [str(a) for a in args], catch_exceptions=False)


@pytest.fixture
def corpus(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text(GOOD)
    (folder / "huge.txt").write_text(HUGE)
    return folder


@pytest.mark.parametrize("workers", [1, 2])
def test_a_paragraph_over_a_million_characters_blocks_nothing(tmp_path, corpus, workers):
    db = tmp_path / "desk.db"
    assert run("ingest", corpus, "--db", db).exit_code == 0
    result = run("analyze", "--db", db, "--workers", workers)
    assert result.exit_code == 0, result.output
    with Store(db) as store:
        conditions = sorted(r.statement.condition for r in store.iter_statements(StatementFilter()))
        assert conditions == ["harris", "trump"]  # the huge document's own statement too
        assert store.count_documents(pending_for=None) == 2
    assert "0 could not be analyzed" in run("status", "--db", db).stdout


def test_a_document_that_fails_is_recorded_skipped_and_blocks_no_other(tmp_path, corpus, monkeypatch):
    from scenariodesk import analyze

    real = analyze._Extractor.walk

    def walk(self, document, sentences, features):
        if "Harris" in document.text:
            raise RuntimeError("simulated parser crash")
        return real(self, document, sentences, features)

    monkeypatch.setattr(analyze._Extractor, "walk", walk)
    db = tmp_path / "desk.db"
    run("ingest", corpus, "--db", db)
    result = run("analyze", "--db", db)
    assert result.exit_code == 1
    assert "could not be analyzed (skipped): RuntimeError: simulated parser crash" in result.stderr
    with Store(db) as store:
        assert [r.statement.condition for r in store.iter_statements(StatementFilter())] == ["trump"]
        ((_, path, reason),) = store.analysis_failures()
        assert path.endswith("huge.txt") and "simulated parser crash" in reason
    again = run("analyze", "--db", db)  # nothing left to do: the failure is not retried forever
    assert again.exit_code == 0 and "nothing to analyze" in again.stderr
    status = run("status", "--db", db).stdout
    assert "1 could not be analyzed" in status and "huge.txt" in status


def test_the_huge_document_through_the_web_upload(tmp_path):
    from fastapi.testclient import TestClient

    from scenariodesk.lens import load_lens
    from scenariodesk.web.app import create_app

    db = tmp_path / "web.db"
    client = TestClient(create_app(str(db), lens=load_lens()))
    files = [
        ("files", ("huge.txt", HUGE.encode(), "text/plain")),
        ("files", ("good.txt", GOOD.encode(), "text/plain")),
    ]
    answer = client.post("/api/v1/documents", files=files)
    assert answer.status_code == 202, answer.text
    job_url = answer.json()["progress"]

    for _ in range(300):
        job = client.get(job_url).json()
        if job["state"] in ("done", "failed"):
            break
        time.sleep(0.1)  # the job runs on the server's background thread
    assert job["state"] == "done", job
    assert job["statements"] == 2, json.dumps(job)


def test_the_huge_document_on_the_dask_path(tmp_path, corpus, lens):
    from scenariodesk.cluster import analyze_on_cluster
    from scenariodesk.pipeline import ingest_paths

    with Store(tmp_path / "dask.db") as store:
        ingest_paths(store, [corpus], lens)
        failures = []
        done, found = analyze_on_cluster(
            store, lens, "local:1", on_failure=lambda doc_id, why: failures.append(why)
        )
        assert (done, found, failures) == (2, 2, [])
