"""Server time of the web UI on a large store (target: every median < 100 ms at
1,000,000 statements).

Fills a store with N synthetic statements (default 100,000; seeded, so every run sees the
same data) over documents built from seed sentences, groups its developments once (as
`analyze` does when it finishes), then times the pages through the app in-process and
prints the median of each.

    python benchmarks/web.py [--statements 100000] [--runs 15]
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from pathlib import Path

from fastapi.testclient import TestClient

from scenariodesk.dedupe import fingerprint
from scenariodesk.developments import warm_developments
from scenariodesk.lens import load_lens
from scenariodesk.models import Analysis, Document, Span, Statement
from scenariodesk.store import Store
from scenariodesk.web import create_app

PER_DOCUMENT = 20
WORDS = [
    "summit",
    "talks",
    "alliance",
    "troops",
    "tariffs",
    "denuclearization",
    "provocation",
    "cost-sharing",
    "sanctions",
    "Pyongyang",
    "Seoul",
    "Washington",
    "China",
    "trade",
    "exports",
    "deterrence",
    "missile",
    "negotiations",
]


def fill(db: Path, statements: int, seed: int = 42) -> None:
    lens = load_lens()
    rng = random.Random(seed)
    outcomes = [o for o in lens.outcome_ids if o != "clinton"]
    bands = list(lens.model.bands)
    sources = ["author"] * 6 + ["Victor Cha", "John Hamre", "Mason Richey", "National Intelligence Service"]
    outlets = ["The Korea Times", "Yonhap", "The Diplomat", "Dong-A Ilbo", "JoongAng Daily"]
    with Store(db) as store:
        for d in range(statements // PER_DOCUMENT):
            sentences = [
                "If Trump wins, " + " ".join(rng.choice(WORDS) for _ in range(12)) + f" could follow {d}-{i}."
                for i in range(PER_DOCUMENT)
            ]
            text = "\n".join(sentences)
            doc = Document(
                text=text,
                path=f"synthetic/{d}.txt",
                title=f"Synthetic article {d}",
                date=f"2024-{rng.randint(1, 10):02d}-{rng.randint(1, 28):02d}",
                outlet=rng.choice(outlets),
            )
            doc_id = store.add_document(doc, fingerprint(text))
            found, offset = [], 0
            for sentence in sentences:
                band = rng.choice(bands)
                found.append(
                    Statement(
                        sentence=sentence,
                        sentence_span=(offset, offset + len(sentence)),
                        condition=rng.choice(outcomes),
                        domains=tuple(rng.sample(lens.domain_ids, rng.randint(1, 3))),
                        direction=rng.choice("+-0"),
                        likelihood=band,
                        probability=lens.band_probability(band),
                        cue=Span(offset + len(sentence) - 16, offset + len(sentence) - 11, "could"),
                        condition_phrase=Span(offset, offset + 13, "If Trump wins"),
                        source=rng.choice(sources),
                        source_phrase="",
                        rules=("cue:could", "condition:trump:template0"),
                    )
                )
                offset += len(sentence) + 1
            cycle = lens.cycle_for_date(doc.date)  # as analysis records it
            analysis = Analysis(statements=tuple(found), cycle=cycle.year if cycle else None)
            store.save_analysis(doc_id, analysis, lens.fingerprint)


def median_ms(client: TestClient, path: str, runs: int) -> float:
    client.get(path)  # warm caches once
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        response = client.get(path)
        times.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200, (path, response.status_code)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--statements", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="scenariodesk-webbench-") as tmp:
        db = Path(tmp) / "web.db"
        start = time.perf_counter()
        fill(db, args.statements)
        with Store(db) as store:
            count = store.count_statements()
            print(f"store: {count:,} statements, filled in {time.perf_counter() - start:.1f} s")
            start = time.perf_counter()
            warm_developments(store, load_lens())
            print(
                f"developments grouped in {time.perf_counter() - start:.1f} s (once per change of the store)"
            )
        with TestClient(create_app(db), base_url="http://127.0.0.1") as client:  # a host the guard allows
            for name, path in (
                ("matrix page", "/"),  # the latest cycle (every statement here is of 2024)
                ("matrix, all cycles", "/?cycle=all"),
                ("cell page", "/cells/trump/alliance"),
                ("search", "/search?q=summit+deterrence"),
                ("API statements page", "/api/v1/statements?domain=alliance&limit=50&offset=1000"),
                ("documents page", "/documents"),
                ("documents API", "/api/v1/documents?limit=50&offset=1000"),
                ("developments page", "/developments"),
                ("sources page", "/sources"),
            ):
                print(f"{name:20} {path:55} median {median_ms(client, path, args.runs):7.1f} ms")


if __name__ == "__main__":
    main()
