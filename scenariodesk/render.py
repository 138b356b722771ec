"""Matrix and statements as a terminal table, Markdown, JSON or CSV."""

from __future__ import annotations

import csv
import html
import io
import json
from collections.abc import Iterable
from dataclasses import asdict
from typing import Any

from rich import box
from rich.console import Console, Group
from rich.markup import escape
from rich.table import Table
from rich.text import Text

from scenariodesk.models import Cell, Matrix, StoredStatement

FORMATS = ("table", "md", "json", "csv")
_ARROW = {1: "▲", -1: "▼", 0: "◆"}


def _arrow(net: float) -> str:
    return _ARROW[(net > 0.15) - (net < -0.15)]


def _style(net: float) -> str:
    return "green" if net > 0.15 else "red" if net < -0.15 else "yellow"


def matrix_to_dict(matrix: Matrix) -> dict[str, Any]:
    return {
        "outcomes": [{"id": o, "label": matrix.labels.get(o, o)} for o in matrix.outcomes],
        "domains": [{"id": d, "label": matrix.labels.get(d, d)} for d in matrix.domains],
        "cells": [
            asdict(c) for (o, d), c in sorted(matrix.cells.items(), key=lambda kv: _order(matrix, kv[0]))
        ],
    }


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


def render_matrix(matrix: Matrix, fmt: str, console: Console) -> None:
    if fmt == "json":
        console.print_json(json.dumps(matrix_to_dict(matrix)))
    elif fmt == "csv":
        console.out(matrix_csv(matrix), end="", highlight=False)
    elif fmt == "md":
        console.out(matrix_markdown(matrix), highlight=False)
    else:
        console.print(matrix_table(matrix))
        console.print(evidence_list(matrix))


def matrix_table(matrix: Matrix) -> Table:
    """Outcome rows x domain columns; each cell: net direction and counts. Fits 120 columns."""
    table = Table(
        title="Scenario matrix: net impact on the subject (▲ favourable ▼ unfavourable ◆ mixed)",
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
                f"{_arrow(cell.net_direction)}{cell.net_direction:+.2f}\n",
                style=_style(cell.net_direction),
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
        head = Text(f"\n{cell.outcome} × {cell.domain}", style="bold " + _style(cell.net_direction))
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
                style=_style(_sign(ev.direction)),
            )
            line.append(f"{ev.source}: ", style="italic")
            line.append(f"“{ev.sentence}”")
            line.append(
                f" [doc {ev.document_id}, {ev.outlet or 'unknown outlet'}, {ev.date or 'undated'}]",
                style="dim",
            )
            parts.append(line)
    return Group(*parts)


def _sign(direction: str) -> float:
    return {"+": 1.0, "-": -1.0}.get(direction, 0.0)


DIRECTION_WORDS = {"+": "favourable", "-": "unfavourable", "0": "mixed"}


def plural(n: int, word: str) -> str:
    """'1 statement', '2 statements'."""
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def md_escape(text: object) -> str:
    """Article text as inert Markdown on one line: HTML escaped, Markdown punctuation
    backslashed (safe in a table cell, a list item or a quotation)."""
    out = html.escape(" ".join(str(text).split()), quote=False)
    for ch in "\\`*_[]#|":
        out = out.replace(ch, "\\" + ch)
    return out


def matrix_markdown(matrix: Matrix) -> str:
    lines = ["| outcome | " + " | ".join(matrix.labels.get(d, d) for d in matrix.domains) + " |"]
    lines.append("|---" * (len(matrix.domains) + 1) + "|")
    for o in matrix.outcomes:
        row = [matrix.labels.get(o, o)]
        for d in matrix.domains:
            c = matrix.cell(o, d)
            row.append(
                f"{_arrow(c.net_direction)} {c.net_direction:+.2f} ({c.statements}/{c.sources})" if c else ""
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


# ------------------------------------------------------------------------- statements
def statement_to_dict(stored: StoredStatement) -> dict[str, Any]:
    """A statement with its document's provenance, as the CLI and the API print it."""
    st, doc = stored.statement, stored.document
    return {
        "id": stored.id,
        "document_id": doc.id,
        "document": doc.path,
        "document_title": doc.title,
        "outlet": doc.outlet,
        "date": doc.date,
        "sentence": st.sentence,
        "sentence_span": list(st.sentence_span),
        "condition": st.condition,
        "condition_phrase": asdict(st.condition_phrase) if st.condition_phrase else None,
        "domains": list(st.domains),
        "direction": st.direction,
        "likelihood": st.likelihood,
        "probability": st.probability,
        "cue": asdict(st.cue),
        "source": st.source,
        "source_phrase": st.source_phrase,
        "rules": list(st.rules),
    }


def render_statements(rows: Iterable[StoredStatement], fmt: str, console: Console) -> int:
    rows = list(rows)
    if fmt == "json":
        console.print_json(json.dumps([statement_to_dict(r) for r in rows]))
    elif fmt == "csv":
        buffer = io.StringIO()
        fields = [
            "id",
            "document_id",
            "document",
            "outlet",
            "date",
            "condition",
            "domains",
            "direction",
            "likelihood",
            "probability",
            "cue",
            "condition_phrase",
            "source",
            "sentence",
            "rules",
        ]
        writer = csv.DictWriter(buffer, fieldnames=fields, extrasaction="ignore")
        writer.writeheader()
        for r in rows:
            d = statement_to_dict(r)
            d["domains"] = " ".join(d["domains"])
            d["cue"] = d["cue"]["text"]
            d["condition_phrase"] = (d["condition_phrase"] or {}).get("text", "")
            d["rules"] = " ".join(d["rules"])
            writer.writerow(d)
        console.out(buffer.getvalue(), end="", highlight=False)
    elif fmt == "md":
        for r in rows:
            st = r.statement
            console.out(
                f"- **{st.condition}** {', '.join(st.domains)}, {DIRECTION_WORDS[st.direction]}, {st.likelihood} "
                f"(cue “{md_escape(st.cue.text)}”), {md_escape(st.source)}: “{md_escape(st.sentence)}” "
                f"(document {r.document.id})",
                highlight=False,
            )
    else:
        table = Table(box=box.SIMPLE_HEAD, show_lines=True, expand=True)
        for name, kw in (
            ("doc", {"width": 4}),
            ("if", {"width": 7}),
            ("domains", {"width": 14}),
            ("dir", {"width": 3}),
            ("likelihood", {"width": 16}),
            ("source", {"width": 14}),
            ("statement", {"ratio": 1}),
        ):
            table.add_column(name, overflow="fold", **kw)
        for r in rows:
            st = r.statement
            sentence = Text(st.sentence)
            _highlight(sentence, st.sentence_span[0], st.cue.start, st.cue.end, "bold magenta")
            if st.condition_phrase:
                c = st.condition_phrase
                _highlight(sentence, st.sentence_span[0], c.start, c.end, "bold cyan")
            sentence.append(f"\n{' '.join(st.rules)}", style="dim")
            table.add_row(
                str(r.document.id),
                st.condition,
                "\n".join(st.domains),
                st.direction,
                Text(f"{st.likelihood}\n“{st.cue.text}” {st.probability:.2f}"),
                Text(st.source),
                sentence,
            )
        console.print(table)
    return len(rows)


def _highlight(text: Text, offset: int, start: int, end: int, style: str) -> None:
    """Style [start, end) of the document inside a sentence shown from `offset` on; the
    sentence is whitespace-collapsed, so this is best effort for multi-space spans."""
    local = start - offset
    if 0 <= local < len(text.plain):
        text.stylize(style, local, min(len(text.plain), end - offset))
