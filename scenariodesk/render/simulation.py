"""The Monte Carlo result as a terminal table or JSON."""

from __future__ import annotations

import json
from dataclasses import asdict
from typing import Any

from rich.table import Table

from scenariodesk.render.registry import renderer
from scenariodesk.simulate import SimulationResult

CAPTION = (
    "net direction of what happens in a domain per run, -1 unfavourable .. +1 favourable; "
    "drivers: expected impact; sensitivity: change of P(unfav.) for +0.1 on that outcome's prior"
)


@renderer("simulation", "json")
def _json(result: SimulationResult, developments: int = 0) -> str:
    return json.dumps(asdict(result), ensure_ascii=False) + "\n"


@renderer("simulation", "table")
def _table(result: SimulationResult, developments: int = 0) -> Any:
    table = Table(
        title=f"{result.runs:,} runs, seed {result.seed}, {developments} developments; prior "
        + ", ".join(f"{k}={v:.2f}" for k, v in result.prior.items()),
        caption=CAPTION,
        title_justify="left",
    )
    for name in ("domain", "net (mean)", "5%..95%", "P(unfav.)", "main drivers", "P(unfav.) per +0.1 prior"):
        table.add_column(name, overflow="fold")
    for d in result.domains:
        table.add_row(
            d.domain,
            f"{d.mean:+.2f}",
            f"{d.p5:+.2f}..{d.p95:+.2f}",
            f"{d.unfavourable:.2f}",
            "\n".join(f"{c.development} {c.mean:+.2f}" for c in d.contributions),
            ", ".join(f"{o} {v:+.3f}" for o, v in d.sensitivity.items()),
        )
    return table
