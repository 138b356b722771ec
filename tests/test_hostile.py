"""Hostile and careless input: what one file, one page or one process must not break.

Each case is a row a user hit: the input, and what must hold afterwards.
"""

from __future__ import annotations

import json
import time

import pytest
from typer.testing import CliRunner

from scenariodesk.cli import app
from scenariodesk.models import StatementFilter
from scenariodesk.store import Store

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
    client = TestClient(create_app(str(db), lens=load_lens()), base_url="http://127.0.0.1")
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


# ---------------------------------------------------------------------- the web's wall
@pytest.fixture
def web(tmp_path):
    from fastapi.testclient import TestClient

    from scenariodesk.web.app import create_app

    with TestClient(create_app(tmp_path / "w.db"), base_url="http://127.0.0.1") as client:
        yield client


ONE_FILE = {"files": ("a.txt", GOOD.encode(), "text/plain")}


@pytest.mark.parametrize(
    ("method", "path", "headers", "status"),
    [
        ("get", "/", {"host": "attacker.example"}, 400),  # DNS rebinding
        ("get", "/api/v1/matrix", {"host": "attacker.example:8000"}, 400),
        ("get", "/", {"host": "localhost:8000"}, 200),
        ("get", "/", {"host": "[::1]:8000"}, 200),
        ("post", "/ingest", {"origin": "http://evil.example"}, 403),  # cross-site form post
        ("post", "/api/v1/documents", {"origin": "http://127.0.0.1:9999"}, 403),  # another port
        ("post", "/api/v1/documents", {"referer": "http://evil.example/page"}, 403),
        ("post", "/api/v1/documents", {"origin": "null"}, 403),
        ("post", "/api/v1/documents", {"origin": "http://127.0.0.1"}, 202),  # the desk's own page
        ("post", "/api/v1/documents", {}, 202),  # an API client (no browser, no Origin)
    ],
)
def test_hosts_and_cross_site_writes(web, method, path, headers, status):
    kwargs = {"files": ONE_FILE} if method == "post" else {}
    answer = getattr(web, method)(path, headers=headers, **kwargs)
    assert answer.status_code in ((status, 303) if path == "/ingest" and status < 400 else (status,)), (
        answer.text
    )


def test_every_response_carries_the_security_headers(web):
    for path in ("/", "/api/v1/matrix", "/static/style.css", "/nowhere"):
        headers = web.get(path).headers
        assert "frame-ancestors 'none'" in headers["content-security-policy"], path
        assert headers["x-frame-options"] == "DENY"
        assert headers["x-content-type-options"] == "nosniff"
        assert headers["referrer-policy"] == "same-origin"


def test_a_chunked_upload_past_the_limit_is_refused_as_it_streams(web, monkeypatch):
    from scenariodesk.web import app as web_app

    limit = 64 * 1024
    monkeypatch.setattr(web_app, "MAX_REQUEST_BYTES", limit)
    from fastapi.testclient import TestClient

    with TestClient(web_app.create_app(web.app.state.jobs.db_path), base_url="http://127.0.0.1") as small:

        def chunks():  # no Content-Length: the size is known only by counting
            for _ in range(40):
                yield b"--x\r\n" + b"a" * 4096

        answer = small.post(
            "/api/v1/documents", content=chunks(), headers={"content-type": "multipart/form-data; boundary=x"}
        )
        assert answer.status_code == 413, answer.text
        assert small.app.state.jobs.running() is None  # nothing was queued


def test_uploads_queue_in_one_bounded_queue_and_every_job_answers(web, monkeypatch):
    import threading

    from scenariodesk.web import jobs as jobs_module

    release = threading.Event()
    before = set(threading.enumerate())
    real = jobs_module.Jobs._run
    monkeypatch.setattr(
        jobs_module.Jobs, "_run", lambda self, job, files: (release.wait(5), real(self, job, files))
    )
    answers = [web.post("/api/v1/documents", files=ONE_FILE) for _ in range(jobs_module.QUEUE_LIMIT + 3)]
    codes = [a.status_code for a in answers]
    assert codes.count(202) >= jobs_module.QUEUE_LIMIT and 503 in codes
    for a in answers:
        if a.status_code == 202:  # queued jobs exist from the moment their 202 is sent
            assert web.get(a.json()["progress"]).status_code == 200
    started = [t for t in set(threading.enumerate()) - before if t.name.startswith("scenariodesk-jobs")]
    assert len(started) == 1  # one worker, not a thread per upload
    release.set()


# ---------------------------------------------------------------------- parameters, lenses, databases
@pytest.mark.parametrize(
    "path",
    [
        "/documents/9223372036854775808",
        "/api/v1/documents/9223372036854775808",
        "/api/v1/jobs/9223372036854775808",
        "/api/v1/statements?offset=9223372036854775808",
        "/api/v1/statements?document_id=9223372036854775808",
        "/api/v1/statements?limit=9223372036854775808",
        "/api/v1/cells/trump/alliance?offset=99999999999999999999",
        "/cells/trump/alliance?offset=9223372036854775808",
        "/api/v1/search?q=x&limit=9223372036854775808",
        "/api/v1/documents/-1",
    ],
)
def test_integers_past_the_stores_range_are_4xx_json(web, path):
    answer = web.get(path)
    assert 400 <= answer.status_code < 500, (path, answer.status_code)
    assert "detail" in answer.json()


BAD_LENSES = [
    ({"continuations": ["(unclosed"]}, "continuations.0"),
    ({"contrast_markers": ["[bad"]}, "contrast_markers.0"),
    ({"clause_breaks": ["a)b"]}, "clause_breaks.0"),
    ({"impact": {"favourable": ["good"], "unfavourable": ["bad"], "negators": ["(no"]}}, "impact.negators.0"),
    (
        {
            "cues": [
                {"id": "a", "pattern": "(?P<x>will)", "band": "likely"},
                {"id": "b", "pattern": "(?P<x>may)", "band": "likely"},
            ]
        },
        "cues: patterns do not combine",
    ),
    (
        {
            "cues": [
                {"id": "a", "pattern": "will", "band": "likely"},
                {"id": "b", "pattern": "(?i)may", "band": "likely"},
            ]
        },
        "cues: patterns do not combine",
    ),
]


@pytest.mark.parametrize(("data", "key"), BAD_LENSES)
def test_a_bad_lens_pattern_is_one_line_naming_file_and_key_exit_2(tmp_path, data, key):
    import yaml

    lens_file = tmp_path / "bad.yaml"
    lens_file.write_text(yaml.safe_dump(data))
    result = run("status", "--lens", lens_file, "--db", tmp_path / "none.db")
    assert result.exit_code == 2
    (line,) = result.stderr.strip().splitlines()
    assert str(lens_file) in line and key in line


def _cli(*args):
    """The installed entry point, as a user runs it (its own process)."""
    import subprocess
    import sys

    code = "from scenariodesk.cli import run; run()"
    return subprocess.run([sys.executable, "-c", code, *map(str, args)], capture_output=True, text=True)


def test_a_foreign_sqlite_file_is_refused_and_left_unchanged(tmp_path):
    import sqlite3

    other = tmp_path / "other_app.db"
    with sqlite3.connect(other) as c:
        c.execute("CREATE TABLE users (id INTEGER)")
    result = run("matrix", "--db", other)
    assert result.exit_code == 2 and "not a scenariodesk database" in result.stderr
    with sqlite3.connect(other) as c:
        assert [r[0] for r in c.execute("SELECT name FROM sqlite_master")] == ["users"]


@pytest.mark.parametrize("command", ["matrix", "statements", "simulate", "status", "analyze", "serve"])
def test_a_mistyped_database_path_is_an_error_not_an_empty_store(tmp_path, command):
    result = run(command, "--db", tmp_path / "typo.db")
    assert result.exit_code == 2 and "no such database" in result.stderr
    assert not (tmp_path / "typo.db").exists()


def test_a_damaged_database_is_one_line_suggesting_recover(tmp_path, seed_dir):
    db = tmp_path / "desk.db"
    assert run("ingest", seed_dir, "--db", db).exit_code == 0
    run("analyze", "--db", db)
    size = db.stat().st_size
    with open(db, "r+b") as f:  # the middle half of the pages overwritten
        f.seek(size // 4)
        f.write(b"\xff" * (size // 2))
    for command in ("matrix", "statements", "status"):
        result = _cli(command, "--db", db)
        assert result.returncode == 2, (command, result.stderr)
        (line,) = result.stderr.strip().splitlines()
        assert "damaged" in line and ".recover" in line and "Traceback" not in result.stderr


# ---------------------------------------------------------------------- ingest messages
def _ingest(tmp_path, folder):
    return run("ingest", folder, "--db", tmp_path / "i.db")


def test_links_that_lead_nowhere_are_reported(tmp_path):
    import os

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "ok.txt").write_text(GOOD)
    os.symlink("missing.txt", folder / "dangling.txt")
    os.symlink(folder / "b.txt", folder / "a.txt")
    os.symlink(folder / "a.txt", folder / "b.txt")
    result = _ingest(tmp_path, folder)
    assert result.exit_code == 1
    assert "dangling.txt: broken symbolic link" in result.stderr
    assert "a.txt: symbolic link loop" in result.stderr and "b.txt: symbolic link loop" in result.stderr
    assert "1 added" in result.stderr


def test_a_file_name_with_control_characters_is_printed_escaped(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "evil\nname\x1b[31m.txt").write_text(GOOD)
    result = _ingest(tmp_path, folder)
    assert "\x1b" not in result.output and "evil\\nname\\x1b[31m.txt" in result.stdout


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-32"])
def test_utf16_and_utf32_text_is_decoded_not_called_binary(tmp_path, encoding):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "wide.txt").write_bytes(GOOD.encode(encoding))
    result = _ingest(tmp_path, folder)
    assert result.exit_code == 0, result.stderr
    with Store(tmp_path / "i.db") as store:
        (doc,) = store.iter_documents()
        assert "tariffs on Korean cars" in doc.text and doc.date == "2024-09-01"


def test_an_unreadable_date_header_is_a_warning(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("DATE: not-a-date\n\nIf Trump wins, tariffs would rise.\n")
    result = _ingest(tmp_path, folder)
    assert result.exit_code == 0
    assert "warning:" in result.stderr and "'not-a-date' is not a date" in result.stderr


def test_a_copyright_year_is_a_year_at_most(tmp_path):
    from scenariodesk.ingest import read_documents
    from scenariodesk.lens import load_lens

    page = (
        "<html><head><title>Alliance outlook</title></head><body><article><h1>Alliance outlook</h1>"
        + "<p>If Trump wins, the alliance could be strained by demands for higher payments.</p>" * 5
        + "</article><footer>© 2024 Example News. All rights reserved.</footer></body></html>"
    )
    path = tmp_path / "page.html"
    path.write_text(page)
    ((_, doc),) = list(read_documents([path], load_lens()))
    assert doc.date_precision in ("year", "") and not (
        doc.date.endswith("-01-01") and doc.date_precision == "day"
    )


@pytest.mark.parametrize(
    ("record", "problem"),
    [
        (
            {"text": "If Trump wins, tariffs would rise.", "title": {"a": 1}},
            '"title" must be a string, got an object',
        ),
        (
            {"text": "If Trump wins, tariffs would rise.", "outlet": ["x"]},
            '"outlet" must be a string, got a list',
        ),
        ({"text": 42}, 'each article needs a string "text"'),
    ],
)
def test_jsonl_fields_of_the_wrong_type_reject_the_line(tmp_path, record, problem):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.jsonl").write_text(
        json.dumps(record) + "\n" + json.dumps({"text": "If Harris wins, talks could resume."}) + "\n"
    )
    result = _ingest(tmp_path, folder)
    assert result.exit_code == 1 and f"a.jsonl:1: {problem}" in result.stderr
    assert "1 added" in result.stderr


# ---------------------------------------------------------------------- races between processes
def _open_store(path):
    Store(path).close()


def test_a_store_waits_out_a_lock_while_switching_to_wal():
    """Switching a new file to WAL can answer "database is locked" at once, without the
    busy timeout, while another process creates the same store (seen in about one round
    in thirty of six processes): opening waits and tries again, and still fails on any
    other error."""
    import sqlite3

    from scenariodesk.store.db import _wal

    class Busy:
        def __init__(self, failures, message="database is locked"):
            self.failures, self.message, self.calls = failures, message, 0

        def execute(self, sql):
            self.calls += 1
            if self.calls <= self.failures:
                raise sqlite3.OperationalError(self.message)

    conn = Busy(3)
    _wal(conn)
    assert conn.calls == 4
    with pytest.raises(sqlite3.OperationalError, match="disk I/O error"):
        _wal(Busy(1, "disk I/O error"))
    with pytest.raises(sqlite3.OperationalError, match="locked"):
        _wal(Busy(10**6), patience=0.05)


def test_processes_creating_one_database_at_once_all_succeed(tmp_path):
    import multiprocessing as mp

    context = mp.get_context("fork")
    for round_ in range(10):
        path = tmp_path / f"race{round_}.db"
        procs = [context.Process(target=_open_store, args=(path,)) for _ in range(3)]
        for p in procs:
            p.start()
        for p in procs:
            p.join(60)
        assert [p.exitcode for p in procs] == [0, 0, 0], round_
        with Store(path) as store:
            versions = [
                r[0] for r in store.db.execute("SELECT version FROM schema_migrations ORDER BY version")
            ]
            assert versions == list(range(1, len(versions) + 1))


def _ingest_folder(db, folder):
    from scenariodesk.lens import load_lens
    from scenariodesk.pipeline import ingest_paths

    with Store(db) as store:
        ingest_paths(store, [folder], load_lens())


def test_concurrent_ingests_of_near_duplicates_store_one_of_each(tmp_path):
    import multiprocessing as mp
    import random

    rng = random.Random(7)
    words = [
        "alliance",
        "tariffs",
        "summit",
        "troops",
        "sanctions",
        "missile",
        "talks",
        "trade",
        "export",
        "deterrence",
        "pressure",
    ]
    a, b = tmp_path / "a", tmp_path / "b"
    a.mkdir()
    b.mkdir()
    for i in range(40):
        body = " ".join(rng.choice(words) for _ in range(300))
        (a / f"{i}.txt").write_text(f"Article {i}. {body}\n")
        (b / f"{i}.txt").write_text(f"Article {i}. {body} extra\n")  # a near duplicate
    db = tmp_path / "race.db"
    Store(db).close()
    context = mp.get_context("fork")
    procs = [context.Process(target=_ingest_folder, args=(db, folder)) for folder in (a, b)]
    for p in procs:
        p.start()
    for p in procs:
        p.join(120)
    assert [p.exitcode for p in procs] == [0, 0]
    with Store(db) as store:
        assert store.count_documents() == 40


def test_killing_analyze_with_workers_loses_nothing_and_prints_nothing(tmp_path):
    """A short run of benchmarks/crash.py: SIGKILL `analyze --workers 2` three times at
    random moments, then finish; the statements equal an uninterrupted run's."""
    import importlib.util
    import sys
    from pathlib import Path

    bench = Path(__file__).parents[1] / "benchmarks"
    sys.path.insert(0, str(bench))
    try:
        spec = importlib.util.spec_from_file_location("crash", bench / "crash.py")
        crash = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(crash)
        result = crash.crash_run(tmp_path, kills=3, articles=200, seed=3)
    finally:
        sys.path.remove(str(bench))
    assert result["identical"], result
    assert result["stray output"] == [] and result["orphan workers"] == 0, result


def test_fuzzed_inputs_never_crash_ingest_or_analysis(tmp_path):
    """A short seeded run of benchmarks/fuzz.py (the benchmark feeds 10,000 inputs)."""
    import importlib.util
    from pathlib import Path

    spec = importlib.util.spec_from_file_location(
        "fuzz", Path(__file__).parents[1] / "benchmarks" / "fuzz.py"
    )
    fuzz = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(fuzz)
    result = fuzz.fuzz(tmp_path, inputs=600, seed=11)
    assert result["crashes"] == 0, result["crash samples"]
    assert result["integrity"] == "ok" and result["statements outside their document"] == 0
    assert result["left pending"] == 0
