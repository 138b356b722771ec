"""Kill `scenariodesk analyze --workers 2` with SIGKILL at random moments, then finish the
run, and check that nothing was lost or stored twice and that no worker printed a
traceback or outlived its parent.

    python benchmarks/crash.py [--kills 50] [--articles 150] [--seed 1]

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
    from scenariodesk.store import StatementFilter, Store

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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kills", type=int, default=50)
    parser.add_argument("--articles", type=int, default=150)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="scenariodesk-crash-") as tmp:
        result = crash_run(Path(tmp), args.kills, args.articles, args.seed)
    for key, value in result.items():
        print(f"{key}: {value if key != 'stray output' else len(value)}")
    for text in result["stray output"]:  # type: ignore[union-attr]
        print("---\n" + text)
    sys.exit(0 if result["identical"] and not result["stray output"] and not result["orphan workers"] else 1)


if __name__ == "__main__":
    main()
