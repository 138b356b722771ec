"""Statements (the evidence) as a terminal table with highlights, Markdown, JSON or CSV."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from rich import box
from rich.table import Table
from rich.text import Text

from scenariodesk.models import DIRECTION_WORDS, StoredStatement
from scenariodesk.render.registry import renderer
from scenariodesk.render.text import csv_text, md_escape
from scenariodesk.schemas import statement_out

CSV_FIELDS = [
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


def statement_to_dict(stored: StoredStatement) -> dict[str, Any]:
    """A statement with its document's provenance, as the CLI and the API print it
    (schemas.StatementOut)."""
    return statement_out(stored).model_dump()


@renderer("statements", "json")
def _json(rows: list[StoredStatement]) -> str:
    return json.dumps([statement_to_dict(r) for r in rows], ensure_ascii=False, indent=1) + "\n"


@renderer("statements", "csv")
def _csv(rows: list[StoredStatement]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=CSV_FIELDS, extrasaction="ignore")
    writer.writeheader()
    for r in rows:
        d = statement_to_dict(r)
        d["domains"] = " ".join(d["domains"])
        d["cue"] = d["cue"]["text"]
        d["condition_phrase"] = (d["condition_phrase"] or {}).get("text", "")
        d["rules"] = " ".join(d["rules"])
        for key in ("document", "outlet", "cue", "condition_phrase", "source", "sentence"):
            d[key] = csv_text(d[key] or "")
        writer.writerow(d)
    return buffer.getvalue()


@renderer("statements", "md")
def _markdown(rows: list[StoredStatement]) -> str:
    lines = []
    for r in rows:
        st = r.statement
        lines.append(
            f"- **{st.condition}** {', '.join(st.domains)}, {DIRECTION_WORDS[st.direction]}, {st.likelihood} "
            f"(cue “{md_escape(st.cue.text)}”), {md_escape(st.source)}: “{md_escape(st.sentence)}” "
            f"(document {r.document.id})\n"
        )
    return "".join(lines)


@renderer("statements", "table")
def _table(rows: list[StoredStatement]) -> Any:
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
    return table


def _highlight(text: Text, offset: int, start: int, end: int, style: str) -> None:
    """Style [start, end) of the document inside a sentence shown from `offset` on; the
    sentence is whitespace-collapsed, so this is best effort for multi-space spans."""
    local = start - offset
    if 0 <= local < len(text.plain):
        text.stylize(style, local, min(len(text.plain), end - offset))
