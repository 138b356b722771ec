"""Score predicted statements against gold items exactly as ANNOTATION.md says."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from scenariodesk.lens import Lens

DIRECTIONS = ("+", "-", "0")


@dataclass(frozen=True)
class Item:
    """One statement in the annotation's terms (gold or predicted)."""

    doc: str
    sentence: str
    condition: str
    domains: tuple[str, ...]
    direction: str
    likelihood: str
    cue: str
    source: str


class GoldError(ValueError):
    pass


def collapse(text: str) -> str:
    return " ".join(text.split())


def load_gold(path: str | Path) -> list[Item]:
    """Gold items from a .jsonl file, or every .jsonl file in a folder."""
    path = Path(path)
    files = sorted(path.rglob("*.jsonl")) if path.is_dir() else [path]
    if not files:
        raise GoldError(f"{path}: no .jsonl gold files")
    items = []
    for file in files:
        try:
            lines = file.read_text("utf-8").splitlines()
        except (OSError, UnicodeDecodeError) as exc:
            raise GoldError(f"{file}: cannot read: {exc}") from exc
        for number, line in enumerate(lines, start=1):
            if not line.strip():
                continue
            try:
                raw = json.loads(line)
                items.append(
                    Item(
                        doc=raw["doc"],
                        sentence=collapse(raw["sentence"]),
                        condition=raw["condition"],
                        domains=tuple(raw["domains"]),
                        direction=raw["direction"],
                        likelihood=raw["likelihood"],
                        cue=raw.get("cue", ""),
                        source=raw["source"],
                    )
                )
            except (json.JSONDecodeError, KeyError, TypeError) as exc:
                raise GoldError(f"{file}:{number}: not a gold item ({exc})") from exc
    return items


def score_corpus(
    gold: str | Path, corpus: str | Path, lens: Lens, on_error: Callable[[str], None] | None = None
) -> dict[str, Any]:
    """Ingest `corpus` into a throw-away store, analyze it and score it against `gold`.
    `on_error` hears of every file that could not be read and every document that could
    not be analyzed (its statements are then missing from the figures)."""
    import tempfile

    from scenariodesk.models import StatementFilter
    from scenariodesk.pipeline import analyze_store, ingest_paths
    from scenariodesk.store import Store

    gold_items = load_gold(gold)
    root = Path(corpus).resolve()
    with (
        tempfile.TemporaryDirectory(prefix="scenariodesk-eval-") as tmp,
        Store(Path(tmp) / "eval.db") as store,
    ):
        report = ingest_paths(store, [corpus], lens)
        for message in report.errors:
            if on_error:
                on_error(message)
        analyze_store(store, lens)
        for _, path, reason in store.analysis_failures():
            if on_error:
                on_error(f"{_relative(path, root)}: could not be analyzed ({reason})")
        predicted = [
            Item(
                doc=_relative(r.document.path, root),
                sentence=r.statement.sentence,
                condition=r.statement.condition,
                domains=r.statement.domains,
                direction=r.statement.direction,
                likelihood=r.statement.likelihood,
                cue=r.statement.cue.text,
                source=r.statement.source,
            )
            for r in store.iter_statements(StatementFilter())
        ]
    return score(gold_items, predicted, lens)


def figures(result: dict[str, Any]) -> dict[str, float]:
    """The five headline figures of a scored set."""
    return {
        "detection": result["detection"]["f1"],
        "domains": result["domains"]["f1"],
        "direction": result["direction"]["accuracy"],
        "likelihood": result["likelihood"]["accuracy"],
        "source": result["source"]["accuracy"],
    }


def _relative(path: str, root: Path) -> str:
    try:
        return str(Path(path).resolve().relative_to(root))
    except ValueError:
        return Path(path).name


def _same_sentence(a: str, b: str) -> bool:
    return a == b or a in b or b in a


def score(gold: Iterable[Item], predicted: Iterable[Item], lens: Lens) -> dict[str, Any]:
    gold = list(gold)
    seen: set[tuple[str, str, str]] = set()
    preds = []
    for p in predicted:
        key = (p.doc, collapse(p.sentence), p.condition)
        if key not in seen:
            seen.add(key)
            preds.append(p)
    unmatched = set(range(len(preds)))
    pairs: list[tuple[Item, Item]] = []
    missed: list[Item] = []
    for g in gold:
        candidates = [
            i
            for i in sorted(unmatched)
            if preds[i].doc == g.doc
            and preds[i].condition == g.condition
            and _same_sentence(collapse(preds[i].sentence), g.sentence)
        ]
        if not candidates:
            missed.append(g)
            continue
        exact = [i for i in candidates if collapse(preds[i].sentence) == g.sentence]
        chosen = (exact or candidates)[0]
        unmatched.discard(chosen)
        pairs.append((g, preds[chosen]))
    spurious = [preds[i] for i in sorted(unmatched)]
    tp, fp, fn = len(pairs), len(spurious), len(missed)

    def canonical(name: str) -> str:
        return lens.actor_aliases.get(name.lower(), name).lower()

    n = len(pairs)
    midpoint = lens.band_probability
    return {
        "detection": _prf(tp, fp, fn) | {"tp": tp, "fp": fp, "fn": fn},
        "domains": _domain_figures(pairs),
        "direction": {
            "accuracy": _ratio(sum(g.direction == p.direction for g, p in pairs), n),
            "n": n,
            "confusion": _confusion(pairs),
        },
        "likelihood": {
            "accuracy": _ratio(sum(g.likelihood == p.likelihood for g, p in pairs), n),
            "mae": round(sum(abs(midpoint(g.likelihood) - midpoint(p.likelihood)) for g, p in pairs) / n, 4)
            if n
            else 0.0,
            "n": n,
        },
        "source": {
            "accuracy": _ratio(sum(canonical(g.source) == canonical(p.source) for g, p in pairs), n),
            "n": n,
        },
        "missed": [_as_dict(g) for g in missed],
        "spurious": [_as_dict(p) for p in spurious],
        "mismatched": [
            {"gold": _as_dict(g), "predicted": _as_dict(p)}
            for g, p in pairs
            if (set(g.domains), g.direction, g.likelihood, canonical(g.source))
            != (set(p.domains), p.direction, p.likelihood, canonical(p.source))
        ],
    }


def _domain_figures(pairs: list[tuple[Item, Item]]) -> dict[str, Any]:
    """Micro-averaged P/R/F1 of the matched pairs' domain sets, and each domain's own with
    how many statements gold and prediction give it."""
    counts: dict[str, Counter[str]] = {}
    for g, p in pairs:
        gs, ps = set(g.domains), set(p.domains)
        for domain in gs | ps:
            kind = "tp" if domain in gs & ps else "fp" if domain in ps else "fn"
            counts.setdefault(domain, Counter())[kind] += 1
    total: Counter[str] = sum(counts.values(), Counter())
    per_domain = {
        d: _prf(c["tp"], c["fp"], c["fn"]) | {"gold": c["tp"] + c["fn"], "predicted": c["tp"] + c["fp"]}
        for d, c in sorted(counts.items())
    }
    return _prf(total["tp"], total["fp"], total["fn"]) | {"per_domain": per_domain}


def _confusion(pairs: list[tuple[Item, Item]]) -> dict[str, dict[str, int]]:
    """Gold direction -> predicted direction -> matched statements."""
    table = {a: dict.fromkeys(DIRECTIONS, 0) for a in DIRECTIONS}
    for g, p in pairs:
        if g.direction in table and p.direction in table:
            table[g.direction][p.direction] += 1
    return table


def _prf(tp: int, fp: int, fn: int) -> dict[str, float]:
    precision = _ratio(tp, tp + fp)
    recall = _ratio(tp, tp + fn)
    f1 = round(2 * precision * recall / (precision + recall), 4) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1}


def _ratio(a: int, b: int) -> float:
    return round(a / b, 4) if b else 0.0


def _as_dict(item: Item) -> dict[str, Any]:
    return {
        "doc": item.doc,
        "sentence": item.sentence,
        "condition": item.condition,
        "domains": list(item.domains),
        "direction": item.direction,
        "likelihood": item.likelihood,
        "cue": item.cue,
        "source": item.source,
    }


ERROR_KINDS = ("condition", "missed", "spurious", "domain", "direction", "likelihood", "source")


def errors_by_kind(result: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
    """The scorer's misses grouped by what went wrong, so that work can be aimed:

    - condition: the sentence was found, under another outcome (gold and prediction);
    - missed: a gold statement whose sentence no prediction covers;
    - spurious: a prediction whose sentence no gold statement covers;
    - domain, direction, likelihood, source: a matched pair that differs in that field.
    """
    kinds: dict[str, list[dict[str, Any]]] = {k: [] for k in ERROR_KINDS}

    def covers(a: dict[str, Any], b: dict[str, Any]) -> bool:
        return a["doc"] == b["doc"] and _same_sentence(a["sentence"], b["sentence"])

    spurious = list(result["spurious"])
    for g in result["missed"]:
        other = [p for p in spurious if covers(g, p)]
        if other:
            kinds["condition"].append({"gold": g, "predicted": other[0]})
            spurious.remove(other[0])
        else:
            kinds["missed"].append(g)
    kinds["spurious"] = spurious
    for pair in result.get("mismatched", []):
        g, p = pair["gold"], pair["predicted"]
        if set(g["domains"]) != set(p["domains"]):
            kinds["domain"].append(pair)
        for field in ("direction", "likelihood", "source"):
            if str(g[field]).lower() != str(p[field]).lower():
                kinds[field].append(pair)
    return kinds


def bcubed(predicted: dict[int, str], gold: dict[int, str]) -> tuple[float, float, float]:
    """B-cubed precision, recall and F1 of a clustering (item -> cluster) against gold
    clusters, over the items the gold has (developments: benchmarks/developments.py)."""
    by_pred: dict[str, set[int]] = {}
    by_gold: dict[str, set[int]] = {}
    for item in gold:
        by_pred.setdefault(predicted[item], set()).add(item)
        by_gold.setdefault(gold[item], set()).add(item)
    precision = recall = 0.0
    for item in gold:
        same_pred, same_gold = by_pred[predicted[item]], by_gold[gold[item]]
        both = len(same_pred & same_gold)
        precision += both / len(same_pred)
        recall += both / len(same_gold)
    n = len(gold) or 1
    p, r = precision / n, recall / n
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)
