"""Feed generated hostile inputs through ingest and analyze; count crashes, check integrity.

Inputs are seeded (the same run every time): random bytes, the seed articles truncated
and mutated (control characters, quotes, stray markup, invalid UTF-8), as .txt, .html
and .jsonl, huge lines, and odd encodings (UTF-16/32 with and without BOM, Latin-1). A
crash is any exception that escapes `ingest_paths` or `analyze_store`; integrity is
SQLite's integrity_check plus every statement's span lying inside its document.

    python benchmarks/fuzz.py [--inputs 10000] [--seed 7]
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import time
import traceback
from importlib import resources
from pathlib import Path

SPECIALS = [
    "\x00",
    "\x1b[31m",
    "\r",
    "\u2028",
    "\ufeff",
    '"',
    "“",
    "”",
    "<script>",
    "</p>",
    "&amp;",
    "\t",
    "\\",
    "If ",
    "would ",
    "Trump",
    "Harris ",
]


def _seed_texts() -> list[str]:
    folder = resources.files("scenariodesk").joinpath("demo_corpus")
    return [f.read_text("utf-8") for f in folder.iterdir() if f.name.endswith(".txt")]


def _mutate(rng: random.Random, text: str) -> str:
    chars = list(text[: rng.randint(0, len(text))])
    for _ in range(rng.randint(0, 40)):
        at = rng.randint(0, len(chars))
        chars[at:at] = list(rng.choice(SPECIALS))
    return "".join(chars)


def generate(rng: random.Random, texts: list[str]) -> tuple[str, bytes]:
    """(file name, bytes) of one hostile input."""
    kind = rng.randrange(9)
    base = rng.choice(texts)
    if kind == 0:
        return "random.txt", rng.randbytes(rng.randint(0, 3000))
    if kind == 1:
        return "mutated.txt", _mutate(rng, base).encode("utf-8", "surrogatepass")
    if kind == 2:
        body = _mutate(rng, base).replace("\n\n", "</p><p>")
        html = f"<html><head><title>{body[:40]}</title></head><body><article><p>{body}</p></article></body></html>"
        return "page.html", html[: rng.randint(0, len(html))].encode("utf-8", "replace")
    if kind == 3:
        lines = []
        for _ in range(rng.randint(1, 5)):
            choice = rng.randrange(4)
            if choice == 0:
                lines.append(
                    json.dumps(
                        {"text": _mutate(rng, base), "title": rng.choice(["t", 3, None, {"a": 1}, [1]])}
                    )
                )
            elif choice == 1:
                lines.append(
                    json.dumps(
                        {
                            "text": rng.choice([1, None, "", [], "x"]),
                            "date": rng.choice(["2024-01-01", "bad", 5]),
                        }
                    )
                )
            elif choice == 2:
                lines.append(json.dumps(_mutate(rng, base))[: rng.randint(0, 200)])
            else:
                lines.append(rng.randbytes(50).decode("latin-1"))
        return "shard.jsonl", "\n".join(lines).encode("utf-8", "replace")
    if kind == 4:
        word = rng.choice(["x", "alliance ", "If Trump wins, tariffs would rise. ", "“quoted ", "가나다 "])
        return "huge.txt", (word * (200_000 // len(word))).encode("utf-8")
    if kind == 5:
        encoding = rng.choice(["utf-16", "utf-16-le", "utf-16-be", "utf-32", "latin-1"])
        return "wide.txt", base[: rng.randint(1, 2000)].encode(encoding, "replace")
    if kind == 6:
        header = rng.choice(
            [
                "DATE: not-a-date",
                "DATE: 2024-13-45",
                "URL: javascript:alert(1)",
                "TITLE: <b>x</b>",
                "DATE: 2024-10 (approx)",
            ]
        )
        return "header.txt", f"{header}\n\n{_mutate(rng, base)}".encode()
    if kind == 7:
        data = bytearray(base.encode())
        for _ in range(rng.randint(1, 30)):
            if data:
                data[rng.randrange(len(data))] = rng.randrange(256)
        return "bytes.txt", bytes(data)
    return "short.md", rng.choice(["", " ", "\n\n", "?", "If", "“", "Trump would"]).encode()


def fuzz(work: Path, inputs: int, seed: int, batch: int = 250) -> dict[str, object]:
    from scenariodesk.lens import load_lens
    from scenariodesk.models import StatementFilter
    from scenariodesk.pipeline import analyze_store, ingest_paths
    from scenariodesk.store import Store

    rng = random.Random(seed)
    texts = _seed_texts()
    lens = load_lens()
    db = work / "fuzz.db"
    crashes: list[str] = []
    errors = added = 0
    for start in range(0, inputs, batch):
        folder = work / f"batch{start}"
        folder.mkdir()
        for i in range(start, min(inputs, start + batch)):
            name, data = generate(rng, texts)
            (folder / f"{i:05d}-{name}").write_bytes(data)
        try:
            with Store(db) as store:
                report = ingest_paths(store, [folder], lens)
                errors += len(report.errors)
                added += report.added
                analyze_store(store, lens)
        except Exception:  # noqa: BLE001 - that is what is being counted
            crashes.append(traceback.format_exc(limit=3))
    with Store(db) as store:
        integrity = store.db.execute("PRAGMA integrity_check").fetchone()[0]
        lengths: dict[int, int] = {}
        bad_spans = 0
        for r in store.iter_statements(StatementFilter()):
            doc_id = r.document.id or 0
            if doc_id not in lengths:
                stored = store.get_document(doc_id)
                lengths[doc_id] = len(stored.text) if stored else -1
            start, end = r.statement.sentence_span
            bad_spans += not 0 <= start < end <= lengths[doc_id]
        pending = store.count_documents(pending_for=lens.fingerprint)
        failed = len(store.analysis_failures())
    return {
        "inputs": inputs,
        "documents added": added,
        "refused with an error line": errors,
        "analysis failures recorded": failed,
        "left pending": pending,
        "crashes": len(crashes),
        "integrity": integrity,
        "statements outside their document": bad_spans,
        "crash samples": crashes[:3],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--inputs", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="scenariodesk-fuzz-") as tmp:
        result = fuzz(Path(tmp), args.inputs, args.seed)
    for key, value in result.items():
        if key != "crash samples":
            print(f"{key}: {value}")
    for sample in result["crash samples"]:  # type: ignore[union-attr]
        print("---\n" + sample)
    print(f"seconds: {time.perf_counter() - started:.0f}")
    ok = (
        not result["crashes"]
        and result["integrity"] == "ok"
        and not result["statements outside their document"]
    )
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
