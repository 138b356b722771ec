"""How well statements are grouped into developments: B-cubed precision, recall and F1
against the development gold (benchmarks/data/developments-gold.jsonl).

The gold says, for each gold statement of the seeds and of ../shared/sets/train, which
projected event it is about ("trump20-summit", "biden-cost-sharing-quick"). It names
sentences by a hash of their text, so no article text is kept in the repository. The
corpora are ingested and analyzed as `scenariodesk` does; each analyzed statement that
matches a gold statement (the scorer's rule: same document and condition, one sentence
contains the other) takes its event; developments are found per election cycle as the CLI
does. Gold clusters are (cycle, event). Target: F1 >= 0.8.

Also prints, per set, the gold events split over more than one development.

    python benchmarks/developments.py [--shared ../shared] [--set seeds --set train]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

from scenariodesk.developments import find_developments
from scenariodesk.evaluate import bcubed, collapse, load_gold
from scenariodesk.lens import load_lens
from scenariodesk.models import StatementFilter
from scenariodesk.pipeline import analyze_store, ingest_paths
from scenariodesk.store import Store

GOLD = Path(__file__).parent / "data" / "developments-gold.jsonl"
SETS = {"seeds": ("gold/seeds.jsonl", "corpus/seeds"), "train": ("sets/train/gold", "sets/train/corpus")}


def sentence_key(sentence: str) -> str:
    return hashlib.sha1(collapse(sentence).encode()).hexdigest()[:16]


def gold_events(shared: Path, names: list[str]) -> dict[tuple[str, str], list[tuple[str, str]]]:
    """(document, condition) -> [(collapsed gold sentence, event)] for the chosen sets."""
    events = {}
    for line in GOLD.read_text("utf-8").splitlines():
        row = json.loads(line)
        events[(row["doc"], row["sentence_sha1"], row["condition"])] = row["event"]
    out: dict[tuple[str, str], list[tuple[str, str]]] = defaultdict(list)
    for name in names:
        for item in load_gold(shared / SETS[name][0]):
            event = events.get((item.doc, sentence_key(item.sentence), item.condition))
            if event is None:
                sys.exit(f"{GOLD}: no event for a {name} gold statement of {item.doc}; update the gold")
            out[(item.doc, item.condition)].append((collapse(item.sentence), event))
    return out


def evaluate(shared: Path, name: str, lens, tmp: Path) -> dict:  # type: ignore[no-untyped-def]
    events = gold_events(shared, [name])
    db = tmp / f"{name}.db"
    with Store(db) as store:
        ingest_paths(store, [shared / SETS[name][1]], lens)
        analyze_store(store, lens)
        predicted: dict[int, str] = {}
        gold: dict[int, str] = {}
        started = time.perf_counter()
        for year in store.cycles():  # as the CLI groups them: one cycle at a time
            stored = list(store.iter_statements(StatementFilter(cycle=year)))
            for dev in find_developments(stored, lens):
                for sid in dev.statements:
                    predicted[sid] = f"{year}:{dev.id}"
            for s in stored:
                doc = Path(s.document.path).name
                sentence = collapse(s.statement.sentence)
                for gold_sentence, event in events.get((doc, s.statement.condition), []):
                    if sentence in gold_sentence or gold_sentence in sentence:
                        gold[s.id] = f"{year}:{event}"
                        break
        seconds = time.perf_counter() - started
    p, r, f1 = bcubed(predicted, gold)
    split = defaultdict(set)
    for sid, event in gold.items():
        split[event].add(predicted[sid])
    return {
        "set": name,
        "statements": len(gold),
        "events": len(set(gold.values())),
        "developments": len({predicted[s] for s in gold}),
        "precision": p,
        "recall": r,
        "f1": f1,
        "split": sorted(e for e, devs in split.items() if len(devs) > 1),
        "seconds": seconds,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=Path(__file__).resolve().parents[2] / "shared")
    parser.add_argument("--set", dest="sets", action="append", choices=sorted(SETS))
    parser.add_argument("--show-split", action="store_true", help="Name the events split over developments.")
    args = parser.parse_args()
    if not (args.shared / "gold").is_dir():
        sys.exit(f"{args.shared}: not the shared data folder (--shared PATH)")
    lens = load_lens()
    with tempfile.TemporaryDirectory(prefix="scenariodesk-devbench-") as tmp:
        for name in args.sets or ["seeds", "train"]:
            r = evaluate(args.shared, name, lens, Path(tmp))
            print(
                f"{r['set']:6} B-cubed P {r['precision']:.3f} R {r['recall']:.3f} F1 {r['f1']:.3f}"
                f"  ({r['statements']} matched statements, {r['events']} gold events,"
                f" {r['developments']} developments; {len(r['split'])} events split; "
                f"grouping {r['seconds']:.2f} s)"
            )
            if args.show_split:
                for event in r["split"]:
                    print(f"    split: {event}")


if __name__ == "__main__":
    main()
