"""Kill `scenariodesk analyze --workers 2`, or `scenariodesk watch`, with SIGKILL at random
moments, then finish the run, and check that nothing was lost or stored twice (documents,
statements, alerts) and that no worker printed a traceback or outlived its parent.

    python benchmarks/crash.py [--target analyze|watch] [--kills 50] [--articles 150] [--seed 1]

Prints the number of kills, the statements of an uninterrupted reference run and of the
interrupted one, and any stray output. `tests/test_hostile.py` runs a short version.
"""

from __future__ import annotations

import argparse
import random
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

CLI = [sys.executable, "-c", "from scenariodesk.cli import run; run()"]


def statement_keys(db: Path) -> list[tuple]:
    from scenariodesk.models import StatementFilter
    from scenariodesk.store import Store

    with Store(db) as store:
        return sorted(
            (r.document.path, r.statement.sentence_span, r.statement.condition, r.statement.source)
            for r in store.iter_statements(StatementFilter())
        )


def _children(pid: int) -> list[int]:
    out = subprocess.run(["ps", "-o", "pid=", "--ppid", str(pid)], capture_output=True, text=True).stdout
    return [int(p) for p in out.split()]


def _alive(pid: int) -> bool:
    """Running (a zombie waiting for its new parent to reap it has ended)."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except (OSError, IndexError):
        return False


def crash_run(work: Path, kills: int, articles: int, seed: int) -> dict[str, object]:
    from throughput import build_corpus

    corpus = work / "corpus.jsonl"
    build_corpus(corpus, articles, 24, seed=seed)
    reference, crashed = work / "reference.db", work / "crashed.db"
    for db in (reference, crashed):
        subprocess.run([*CLI, "ingest", corpus, "--db", db, "--quiet"], check=True, capture_output=True)
    subprocess.run([*CLI, "analyze", "--db", reference], check=True, capture_output=True)
    rng = random.Random(seed)
    stray: list[str] = []
    orphans = 0
    for _ in range(kills):
        log = work / "stderr.log"
        with log.open("w") as err:
            proc = subprocess.Popen(
                [*CLI, "analyze", "--db", crashed, "--workers", "2"], stderr=err, stdout=err
            )
            time.sleep(rng.uniform(0.3, 3.0))
            workers = _children(proc.pid)
            proc.send_signal(signal.SIGKILL)
            proc.wait()
            time.sleep(1.0)
            orphans += sum(1 for w in workers if _alive(w))
        text = log.read_text()
        if "Traceback" in text or "Error" in text:
            stray.append(text[-500:])
    subprocess.run([*CLI, "analyze", "--db", crashed], check=True, capture_output=True)
    expected, got = statement_keys(reference), statement_keys(crashed)
    return {
        "kills": kills,
        "reference statements": len(expected),
        "statements after kills": len(got),
        "identical": expected == got,
        "orphan workers": orphans,
        "stray output": stray,
    }


SIGNPOST = (
    "DATE: 2025-02-01\n\nNorth Korea conducted its seventh nuclear test on Saturday, state media said. "
    "If the talks collapse, tensions on the peninsula could rise sharply, analysts said.\n"
)


def watch_crash_run(work: Path, kills: int, articles: int, seed: int) -> dict[str, object]:
    """Kill the watcher mid-pass `kills` times, then let one pass finish; compare with one
    uninterrupted pass over the same folder."""
    import json
    import os

    from throughput import build_corpus

    corpus = work / "corpus.jsonl"
    build_corpus(corpus, articles, 12, seed=seed)
    folder = work / "in"
    folder.mkdir()
    for i, line in enumerate(corpus.read_text().splitlines()):
        record = json.loads(line)
        (folder / f"{i:04d}.txt").write_text(f"DATE: {record['date']}\n\n{record['text']}\n")
    (folder / "signpost.txt").write_text(SIGNPOST)

    def watch(db: Path, log: Path, *extra: str) -> list[str]:
        return [*CLI, "watch", str(folder), "--db", str(db), "--log", str(log), *extra]

    reference, ref_log = work / "reference.db", work / "reference.jsonl"
    subprocess.run(watch(reference, ref_log, "--once"), check=True, capture_output=True)
    crashed, log = work / "crashed.db", work / "crashed.jsonl"
    rng = random.Random(seed)
    stray: list[str] = []
    for _ in range(kills):
        err_log = work / "stderr.log"
        with err_log.open("w") as err:
            proc = subprocess.Popen(
                watch(crashed, log, "--interval", "0.2"),
                stdout=subprocess.DEVNULL,
                stderr=err,
                start_new_session=True,
            )
            time.sleep(rng.uniform(0.3, 3.0))
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
        if "Traceback" in err_log.read_text():
            stray.append(err_log.read_text()[-500:])
    final = subprocess.run(watch(crashed, log, "--once"), capture_output=True, text=True)
    if final.returncode not in (0, 1):
        raise RuntimeError(f"the watcher's last pass failed: {final.stderr.strip()[-500:]}")

    def alerts(path: Path) -> list[str]:
        return [json.loads(line)["key"] for line in path.read_text().splitlines()] if path.exists() else []

    def hashes(db: Path) -> list[str]:
        from scenariodesk.store import Store

        with Store(db) as store:
            return sorted(r[0] for r in store.db.execute("SELECT content_hash FROM documents"))

    got_alerts, want_alerts = alerts(log), alerts(ref_log)
    return {
        "kills": kills,
        "reference documents": len(hashes(reference)),
        "documents after kills": len(hashes(crashed)),
        "identical": hashes(reference) == hashes(crashed)
        and statement_keys(reference) == statement_keys(crashed),
        "alerts": f"{len(got_alerts)} (reference {len(want_alerts)})",
        "alerts identical": sorted(got_alerts) == sorted(want_alerts)
        and len(set(got_alerts)) == len(got_alerts),
        "orphan workers": 0,
        "stray output": stray,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--target", choices=["analyze", "watch"], default="analyze")
    parser.add_argument("--kills", type=int, default=50)
    parser.add_argument("--articles", type=int, default=150)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="scenariodesk-crash-") as tmp:
        run = crash_run if args.target == "analyze" else watch_crash_run
        result = run(Path(tmp), args.kills, args.articles, args.seed)
    for key, value in result.items():
        print(f"{key}: {value if key != 'stray output' else len(value)}")
    for text in result["stray output"]:  # type: ignore[union-attr]
        print("---\n" + text)
    ok = result["identical"] and result.get("alerts identical", True) and not result["stray output"]
    sys.exit(0 if ok and not result["orphan workers"] else 1)


if __name__ == "__main__":
    main()
