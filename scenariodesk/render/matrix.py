"""The scenario matrix as a terminal table with its evidence, Markdown, JSON or CSV."""

from __future__ import annotations

import csv
import io
from typing import Any

from rich import box
from rich.console import Group
from rich.markup import escape
from rich.table import Table
from rich.text import Text

from scenariodesk.models import DIRECTION_WORDS, Cell, Matrix, sign_of
from scenariodesk.render.registry import renderer
from scenariodesk.render.text import arrow, md_escape, plural, style
from scenariodesk.schemas import MatrixOut, matrix_out


# Every format takes the Matrix; `view` (schemas.MatrixOut with the corpus figures, built
# where the store is at hand) is what JSON prints, the same model as GET /api/v1/matrix.
@renderer("matrix", "table")
def _table(matrix: Matrix, cycle: int | None = None, view: MatrixOut | None = None) -> list[Any]:
    return [matrix_table(matrix, cycle), evidence_list(matrix)]


@renderer("matrix", "md")
def _markdown(matrix: Matrix, cycle: int | None = None, view: MatrixOut | None = None) -> str:
    heading = f"**The {cycle} election**\n\n" if cycle is not None else ""
    return heading + matrix_markdown(matrix) + "\n"


@renderer("matrix", "json")
def _json(matrix: Matrix, cycle: int | None = None, view: MatrixOut | None = None) -> str:
    return (view or matrix_out(matrix, cycle)).model_dump_json(indent=1) + "\n"


@renderer("matrix", "csv")
def _csv(matrix: Matrix, cycle: int | None = None, view: MatrixOut | None = None) -> str:
    return matrix_csv(matrix)


def _order(matrix: Matrix, key: tuple[str, str]) -> tuple[int, int]:
    o, d = key
    return (
        matrix.outcomes.index(o) if o in matrix.outcomes else 99,
        matrix.domains.index(d) if d in matrix.domains else 99,
    )


def _ordered_cells(matrix: Matrix) -> list[Cell]:
    return [
        c
        for _, c in sorted(matrix.cells.items(), key=lambda kv: _order(matrix, kv[0]))
        if c.domain in matrix.domains
    ]


def matrix_table(matrix: Matrix, cycle: int | None = None) -> Table:
    """Outcome rows x domain columns; each cell: net direction and counts. Fits 120 columns."""
    election = f", the {cycle} election" if cycle is not None else ""
    table = Table(
        title=f"Scenario matrix{election}: net impact on the subject (▲ favourable ▼ unfavourable ◆ mixed)",
        caption="cell: net direction (-1..+1) / statements·sources / dissent %",
        box=box.SIMPLE_HEAD,
        padding=(0, 0),
        collapse_padding=True,
        title_justify="left",
    )
    table.add_column("outcome", no_wrap=True, style="bold")
    for d in matrix.domains:
        table.add_column(matrix.short_labels.get(d, d), justify="center", width=10, overflow="fold")
    for o in matrix.outcomes:
        row: list[Text | str] = [escape(o)]
        for d in matrix.domains:
            cell = matrix.cell(o, d)
            if cell is None:
                row.append(Text("·", style="dim"))
                continue
            text = Text(
                f"{arrow(cell.net_direction)}{cell.net_direction:+.2f}\n",
                style=style(cell.net_direction),
            )
            text.append(f"{cell.statements}·{cell.sources}", style="default")
            if cell.dissent:
                text.append(f" {cell.dissent:.0%}", style="dim")
            row.append(text)
        table.add_row(*row, end_section=True)
    return table


def evidence_list(matrix: Matrix) -> Group:
    parts = [Text("\nEvidence (strongest statements per cell)", style="bold")]
    for cell in _ordered_cells(matrix):
        head = Text(f"\n{cell.outcome} × {cell.domain}", style="bold " + style(cell.net_direction))
        head.append(
            f"  net {cell.net_direction:+.2f}, likelihood {cell.mean_likelihood:.2f}, "
            f"dissent {cell.dissent:.0%}, {plural(cell.statements, 'statement')} from "
            f"{plural(cell.sources, 'source')}",
            style="default",
        )
        parts.append(head)
        for ev in cell.evidence:
            line = Text(
                f"  {ev.direction} {ev.likelihood} ({ev.probability:.2f}) ",
                style=style(sign_of(ev.direction)),
            )
            line.append(f"{ev.source}: ", style="italic")
            line.append(f"“{ev.sentence}”")
            line.append(
                f" [doc {ev.document_id}, {ev.outlet or 'unknown outlet'}, {ev.date or 'undated'}]",
                style="dim",
            )
            parts.append(line)
    return Group(*parts)


def matrix_markdown(matrix: Matrix) -> str:
    lines = ["| outcome | " + " | ".join(matrix.labels.get(d, d) for d in matrix.domains) + " |"]
    lines.append("|---" * (len(matrix.domains) + 1) + "|")
    for o in matrix.outcomes:
        row = [matrix.labels.get(o, o)]
        for d in matrix.domains:
            c = matrix.cell(o, d)
            row.append(
                f"{arrow(c.net_direction)} {c.net_direction:+.2f} ({c.statements}/{c.sources})" if c else ""
            )
        lines.append("| " + " | ".join(row) + " |")
    lines.append("")
    for cell in _ordered_cells(matrix):
        lines.append(
            f"### {matrix.labels.get(cell.outcome, cell.outcome)} × {matrix.labels.get(cell.domain, cell.domain)}\n\n"
            f"Net {cell.net_direction:+.2f}, mean likelihood {cell.mean_likelihood:.2f}, dissent "
            f"{cell.dissent:.0%}, {plural(cell.statements, 'statement')} from {plural(cell.sources, 'source')}.\n"
        )
        for ev in cell.evidence:
            lines.append(
                f"- {DIRECTION_WORDS[ev.direction]}, {ev.likelihood} ({ev.probability:.2f}), {md_escape(ev.source)}: “{md_escape(ev.sentence)}” "
                f"(document {ev.document_id}, {md_escape(ev.outlet or 'unknown outlet')}, {ev.date or 'undated'})"
            )
        lines.append("")
    return "\n".join(lines)


def matrix_csv(matrix: Matrix) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(
        [
            "outcome",
            "domain",
            "statements",
            "sources",
            "net_direction",
            "mean_likelihood",
            "dissent",
            "evidence_ids",
        ]
    )
    for c in _ordered_cells(matrix):
        writer.writerow(
            [
                c.outcome,
                c.domain,
                c.statements,
                c.sources,
                c.net_direction,
                c.mean_likelihood,
                c.dissent,
                " ".join(str(e.statement_id) for e in c.evidence),
            ]
        )
    return buffer.getvalue()
