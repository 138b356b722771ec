"""Extraction figures (`scenariodesk eval`): a table per set, each set's figures, and
with errors, the misses grouped by kind."""

from __future__ import annotations

from typing import Any

from rich.table import Table

from scenariodesk.evaluate import errors_by_kind
from scenariodesk.render.registry import renderer

FIELDS = ("direction", "likelihood", "source")


@renderer("eval-sets", "table")
def _sets(results: dict[str, dict[str, Any]]) -> Any:
    table = Table(title="Extraction figures per set")
    for column in ("set", "P", "R", "F1", "domains F1", "direction", "likelihood", "source", "gold"):
        table.add_column(column, justify="left" if column == "set" else "right")
    for name, r in results.items():
        d = r["detection"]
        figures = (
            d["precision"],
            d["recall"],
            d["f1"],
            r["domains"]["f1"],
            *(r[f]["accuracy"] for f in FIELDS),
        )
        table.add_row(name, *(f"{v:.2f}" for v in figures), str(d["tp"] + d["fn"]))
    return table


@renderer("eval", "text")
def _figures(result: dict[str, Any], errors: bool = False) -> str:
    d, lk = result["detection"], result["likelihood"]
    lines = [
        f"detection   P {d['precision']:.3f}  R {d['recall']:.3f}  F1 {d['f1']:.3f}  "
        f"(tp {d['tp']}, fp {d['fp']}, fn {d['fn']})",
        f"domains     F1 {result['domains']['f1']:.3f}",
        *_per_domain(result["domains"].get("per_domain", {})),
        f"direction   accuracy {result['direction']['accuracy']:.3f}  (n {result['direction']['n']})",
        *_confusion(result["direction"].get("confusion", {})),
        f"likelihood  accuracy {lk['accuracy']:.3f}  MAE {lk['mae']:.3f}  (n {lk['n']})",
        f"source      accuracy {result['source']['accuracy']:.3f}  (n {result['source']['n']})",
    ]
    if not errors:
        missed, spurious = len(result["missed"]), len(result["spurious"])
        lines.append(f"{missed} missed, {spurious} spurious: --errors lists them by kind")
        return "\n".join(lines) + "\n"
    for kind, items in errors_by_kind(result).items():
        lines.append(f"\n{kind} ({len(items)}):")
        lines += [_error_line(kind, item) for item in items]
    return "\n".join(lines) + "\n"


def _per_domain(per_domain: dict[str, dict[str, float]]) -> list[str]:
    """Each domain's precision, recall and F1 over matched statements, with how many
    statements gold and prediction give it: where domain F1 is lost."""
    if not per_domain:
        return []
    width = max(map(len, per_domain))
    lines = [f"  {'':{width}}  P     R     F1    gold  predicted"]
    for domain, f in per_domain.items():
        lines.append(
            f"  {domain:{width}}  {f['precision']:.2f}  {f['recall']:.2f}  {f['f1']:.2f}"
            f"  {f['gold']:4}  {f['predicted']:4}"
        )
    return lines


def _confusion(confusion: dict[str, dict[str, int]]) -> list[str]:
    """Gold direction (rows) against predicted direction (columns), in statements: which
    mistakes direction makes, as figures (no sentence), so a held-out set can be read too."""
    if not confusion:
        return []
    signs = list(confusion)
    corner = "gold \\ predicted"
    lines = [f"  {corner:<17}  " + "".join(f"{s:>5}" for s in signs)]
    for gold in signs:
        lines.append(f"  {gold:<17}  " + "".join(f"{confusion[gold].get(p, 0):5}" for p in signs))
    return lines


def _error_line(kind: str, item: dict[str, Any]) -> str:
    if "gold" not in item:
        return f"  {item['doc']} [{item['condition']}] {item['sentence']}"
    g, p = item["gold"], item["predicted"]
    field = {"condition": "condition", "domain": "domains"}.get(kind, kind)
    extra = f" cue {p['cue']!r}" if kind in ("likelihood", "direction") else ""
    return f"  {g['doc']} gold {g[field]} / predicted {p[field]}{extra}: {g['sentence']}"
