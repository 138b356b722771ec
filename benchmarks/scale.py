"""One process against a local Dask cluster on the same synthetic corpus.

Analyzes the corpus of benchmarks/throughput.py with `scenariodesk analyze` (one process)
and with `--cluster local:2`, both as whole processes, and prints words per second for
each, their ratio (target >= 1.7 on this 2-core machine) and whether both produced the
same statements.

    python benchmarks/scale.py [--articles 2000]
"""

from __future__ import annotations

import argparse
import shutil
import sqlite3
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from throughput import BIN, build_corpus, run_measured  # noqa: E402


def statements(db: Path) -> list[tuple]:
    with sqlite3.connect(db) as conn:
        return sorted(
            conn.execute(
                "SELECT d.path, s.sentence_start, s.condition, s.direction, s.likelihood, s.source"
                " FROM statements s JOIN documents d ON d.id = s.document_id"
            )
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="scenariodesk-scale-") as tmp:
        work = Path(tmp)
        corpus = work / "corpus.jsonl"
        words = build_corpus(corpus, args.articles, 30)
        cli = str(BIN / "scenariodesk")
        base = work / "base.db"
        run_measured([cli, "ingest", str(corpus), "--db", str(base), "--quiet"])
        print(f"corpus: {args.articles} articles, {words:,} words")
        results = {}
        for name, extra in (("one process", []), ("--cluster local:2", ["--cluster", "local:2"])):
            db = work / f"{len(results)}.db"
            shutil.copy(base, db)
            seconds, peak, _ = run_measured([cli, "analyze", "--db", str(db), *extra])
            results[name] = (seconds, statements(db))
            print(
                f"{name:18} {seconds:6.1f} s  {words / seconds:9,.0f} words/s  peak {peak:.0f} MiB (all processes)"
            )
        one, two = results["one process"], results["--cluster local:2"]
        print(f"ratio cluster / one process: {one[0] / two[0]:.2f}x")
        print(f"same statements: {one[1] == two[1]} ({len(one[1])} statements)")


if __name__ == "__main__":
    main()
