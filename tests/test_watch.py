"""The watcher: alerts once per signpost and article, matrix moves, restarts and kills."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from scenariodesk.store import Store
from scenariodesk.watch import Watcher

TEST_REPORT = (
    "TITLE: Pyongyang tests again\nDATE: 2024-11-20\n\n"
    "North Korea conducted its seventh nuclear test on Wednesday, the Joint Chiefs of Staff said. "
    "Regardless of who takes office, North Korea is expected to stage more provocations, analysts said.\n"
)


def _article(i: int, sentence: str) -> str:
    return f"TITLE: Article {i}\nDATE: 2024-09-{(i % 27) + 1:02d}\n\n{sentence} Paragraph number {i} adds its own detail here.\n"


def _watcher(db, lens, folder, log, lines, threshold=0.3):
    return Watcher(
        Store(db), lens, [str(folder)], log=log, threshold=threshold, say=lines.append, warn=lines.append
    )


def test_watch_alerts_once_per_signpost_and_article(tmp_path, lens):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(TEST_REPORT)
    log, lines = tmp_path / "alerts.jsonl", []
    watcher = _watcher(tmp_path / "w.db", lens, folder, log, lines)
    first = watcher.run_once()
    assert (first.files, first.added, first.alerts) == (1, 1, 1)
    assert len(lines) == 1 and lines[0].startswith(
        "ALERT signpost: North Korea conducts a seventh nuclear test"
    )
    again = watcher.run_once()
    assert (again.files, again.alerts) == (0, 0)
    (folder / "b.txt").write_text(TEST_REPORT.replace("Wednesday", "Thursday morning, state media confirmed"))
    third = watcher.run_once()
    assert third.alerts == 1  # the same signpost in another article
    keys = [json.loads(line)["key"] for line in log.read_text().splitlines()]
    assert len(keys) == len(set(keys)) == 2


def test_watch_alerts_when_a_cell_moves(tmp_path, lens):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "1.txt").write_text(
        _article(1, "A second Trump term would strengthen the alliance and reassure Seoul.")
    )
    log, lines = tmp_path / "alerts.jsonl", []
    watcher = _watcher(tmp_path / "w.db", lens, folder, log, lines)
    watcher.run_once()
    assert lines == []  # the first pass sets the baseline
    for i, verb in enumerate(["strain", "weaken", "undermine"], start=2):
        (folder / f"{i}.txt").write_text(
            _article(i, f"A second Trump term could {verb} the alliance with Seoul.")
        )
    watcher.run_once()
    assert any(
        line.startswith("ALERT cell: trump × alliance net direction moved +0.44 → -") for line in lines
    ), lines


def test_watch_restart_delivers_pending_alerts_but_never_repeats(tmp_path, lens):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(TEST_REPORT)
    db, log = tmp_path / "w.db", tmp_path / "alerts.jsonl"
    lines: list[str] = []
    watcher = _watcher(db, lens, folder, log, lines)
    watcher.deliver = lambda: 0  # killed after recording the alert, before delivering it
    watcher.run_once()
    assert lines == [] and not log.exists()
    restarted = _watcher(db, lens, folder, log, lines)
    restarted.run(0, once=True)
    assert len(lines) == 1
    with Store(db) as store:
        store.db.execute("UPDATE alerts SET delivered = 0")  # killed after logging, before marking
    _watcher(db, lens, folder, log, lines).run(0, once=True)
    assert len(lines) == 1 and len(log.read_text().splitlines()) == 1


def test_watch_reads_rss_feed_files(tmp_path, lens):
    feed = tmp_path / "news.rss"
    feed.write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Seoul Wire</title>'
        "<item><title>USFK</title><link>http://example.com/a</link><pubDate>Thu, 21 Nov 2024 10:00:00 GMT</pubDate>"
        "<description>&lt;p&gt;The Pentagon announced a reduction of U.S. troops in South Korea on Thursday. "
        "If Trump wins, Seoul could face more cost-sharing demands, experts said.&lt;/p&gt;</description></item>"
        "</channel></rss>"
    )
    log, lines = tmp_path / "alerts.jsonl", []
    report = _watcher(tmp_path / "w.db", lens, feed, log, lines).run_once()
    assert report.added == 1
    assert any("USFK reduction announced" in line and "Seoul Wire" in line for line in lines)


def test_watch_killed_mid_ingest_loses_and_duplicates_nothing(tmp_path, seed_dir):
    """Kill -9 the watcher while it ingests, restart it: every article is stored once."""
    folder = tmp_path / "in"
    folder.mkdir()
    sentences = [
        s for p in sorted(seed_dir.glob("*.txt")) for s in p.read_text().split(". ") if len(s.split()) > 12
    ]
    for i in range(40):
        (folder / f"{i:03d}.txt").write_text(_article(i, ". ".join(sentences[3 * i : 3 * i + 3]) + "."))
    (folder / "report.txt").write_text(TEST_REPORT)
    db, log = tmp_path / "w.db", tmp_path / "alerts.jsonl"
    cli = Path(sys.executable).parent / "scenariodesk"
    command = [str(cli), "watch", str(folder), "--db", str(db), "--log", str(log), "--interval", "0.2"]
    proc = subprocess.Popen(
        command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with sqlite3.connect(db) as conn:
                if conn.execute("SELECT count(*) FROM documents").fetchone()[0] >= 5:
                    break
        except sqlite3.Error:
            pass
        time.sleep(0.05)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait(timeout=10)
    done = subprocess.run([*command, "--once"], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    clean = tmp_path / "clean.db"  # what one uninterrupted ingest of the folder stores
    subprocess.run(
        [str(cli), "ingest", str(folder), "--db", str(clean), "-q"], capture_output=True, check=True
    )
    with sqlite3.connect(clean) as conn:
        expected = sorted(r[0] for r in conn.execute("SELECT content_hash FROM documents"))
    with sqlite3.connect(db) as conn:
        stored = sorted(r[0] for r in conn.execute("SELECT content_hash FROM documents"))
        pending = conn.execute("SELECT count(*) FROM documents WHERE analyzed_with IS NULL").fetchone()[0]
    assert stored == expected and len(stored) > 30
    assert pending == 0
    keys = [json.loads(line)["key"] for line in log.read_text().splitlines()]
    assert keys.count("signpost:nk-nuclear-test:" + keys[0].rsplit(":", 1)[1]) <= 1
    assert len(keys) == len(set(keys)) >= 1


def _ingest_report(db, lens, tmp_path):
    from scenariodesk.pipeline import analyze_store, ingest_paths

    report = tmp_path / "before.txt"
    report.write_text(TEST_REPORT)
    with Store(db) as store:
        ingest_paths(store, [report], lens)
        analyze_store(store, lens)


def test_a_first_watch_takes_what_the_store_holds_as_its_baseline(tmp_path, lens):
    db, folder = tmp_path / "w.db", tmp_path / "in"
    folder.mkdir()
    _ingest_report(db, lens, tmp_path)  # stored before any watch began
    log, lines = tmp_path / "alerts.jsonl", []
    _watcher(db, lens, folder, log, lines).run(0, once=True)
    assert not [line for line in lines if line.startswith("ALERT")]
    assert any(line.startswith("watch baseline: 1 signpost report") for line in lines)
    (folder / "new.txt").write_text(TEST_REPORT.replace("Wednesday", "Friday, state media confirmed"))
    _watcher(db, lens, folder, log, lines).run(0, once=True)
    assert [line for line in lines if line.startswith("ALERT signpost")]  # what arrives later alerts


def test_since_alerts_on_stored_articles_dated_from_that_day(tmp_path, lens):
    db, folder = tmp_path / "w.db", tmp_path / "in"
    folder.mkdir()
    _ingest_report(db, lens, tmp_path)  # dated 2024-11-20
    log, lines = tmp_path / "alerts.jsonl", []
    Watcher(
        Store(db), lens, [str(folder)], log=log, say=lines.append, warn=lines.append, since="2024-11-01"
    ).run(0, once=True)
    assert [line for line in lines if line.startswith("ALERT signpost")]
