"""Time and memory of `developments` and `brief` on a large store (target: each < 30 s
and < 1 GiB on 100,000 statements).

Fills a store with the synthetic statements of benchmarks/web.py (seeded), then runs, each
in a fresh process as the CLI would: `scenariodesk developments --format json` and
`scenariodesk brief --format md`, every cycle, and prints wall time and peak memory.

    python benchmarks/brief.py [--statements 100000]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from web import fill  # noqa: E402

BIN = Path(sys.executable).parent / "scenariodesk"


def measured(command: list[str]) -> tuple[float, float]:
    """(seconds, peak MiB) of one command, from /usr/bin/time's report."""
    started = time.perf_counter()
    done = subprocess.run(["/usr/bin/time", "-f", "%M", *command], capture_output=True, text=True)
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        sys.exit(f"{' '.join(command)} failed: {done.stderr.strip().splitlines()[-2:]}")
    peak_kib = int(done.stderr.strip().splitlines()[-1])
    return seconds, peak_kib / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--statements", type=int, default=100_000)
    args = parser.parse_args()
    if not Path("/usr/bin/time").exists():
        sys.exit("needs /usr/bin/time (apt-get install time) to read peak memory")
    with tempfile.TemporaryDirectory(prefix="scenariodesk-brief-") as tmp:
        db = Path(tmp) / "big.db"
        started = time.perf_counter()
        fill(db, args.statements)
        print(f"filled {args.statements:,} statements in {time.perf_counter() - started:.0f} s")
        runs = {
            "developments": [str(BIN), "developments", "--db", str(db), "--cycle", "all", "--format", "json"],
            "brief (md)": [
                str(BIN),
                "brief",
                "--db",
                str(db),
                "--cycle",
                "all",
                "--format",
                "md",
                "--out",
                str(Path(tmp) / "brief.md"),
            ],
        }
        for name, command in runs.items():
            seconds, mib = measured(command)
            verdict = "ok" if seconds < 30 and mib < 1024 else "over target"
            print(f"{name:14} {seconds:6.1f} s  peak {mib:6.0f} MiB  ({verdict}: < 30 s, < 1024 MiB)")


if __name__ == "__main__":
    main()
