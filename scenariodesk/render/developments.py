"""Developments (projected events) as a terminal table, Markdown, JSON or CSV."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import asdict
from typing import Any

from rich.table import Table
from rich.text import Text

from scenariodesk.developments import Development
from scenariodesk.models import DIRECTION_WORDS
from scenariodesk.render.registry import renderer
from scenariodesk.render.text import csv_text, md_escape, plural


def development_to_dict(d: Development) -> dict[str, Any]:
    return asdict(d)


@renderer("developments", "table")
def _table(found: list[Development]) -> Any:
    table = Table(title=f"{plural(len(found), 'development')}", title_justify="left")
    for name in ("id", "p", "dir", "domains", "support", "development"):
        table.add_column(name, overflow="fold")
    for d in found:
        table.add_row(
            d.id,
            f"{d.probability:.2f}",
            d.direction,
            "\n".join(d.domains),
            f"{d.support} st / {len(d.sources)} src",
            Text(d.label),
        )
    return table


@renderer("developments", "md")
def _markdown(found: list[Development]) -> str:
    return "".join(
        f"- **{d.id}** {md_escape(d.label)}: p={d.probability:.2f}, {DIRECTION_WORDS[d.direction]}, "
        f"{', '.join(d.domains)}; {plural(d.support, 'statement')}, {plural(len(d.sources), 'source')}, "
        f"{plural(len(d.outlets), 'outlet')}\n"
        for d in found
    )


@renderer("developments", "json")
def _json(found: list[Development]) -> str:
    return json.dumps([development_to_dict(d) for d in found], ensure_ascii=False, indent=1) + "\n"


@renderer("developments", "csv")
def _csv(found: list[Development]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(
        ["id", "outcome", "label", "domains", "probability", "impact", "direction", "statements", "sources"]
    )
    for d in found:
        writer.writerow(
            [
                d.id,
                d.outcome,
                csv_text(d.label),
                " ".join(d.domains),
                d.probability,
                d.impact,
                d.direction,
                " ".join(map(str, d.statements)),
                csv_text("; ".join(d.sources)),
            ]
        )
    return buffer.getvalue()
