"""Text helpers every renderer shares: Markdown escaping, plurals, direction words and
arrows (from the direction scale in models.py)."""

from __future__ import annotations

import html

from scenariodesk.models import DIRECTION_WORDS, direction_of, sign_of

__all__ = ["DIRECTION_WORDS", "arrow", "md_escape", "plural", "style"]

_ARROW = {1: "▲", -1: "▼", 0: "◆"}


def arrow(net: float) -> str:
    return _ARROW[int(sign_of(direction_of(net)))]


def style(net: float) -> str:
    return {"+": "green", "-": "red"}.get(direction_of(net), "yellow")


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


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_text(value: object) -> str:
    """Article text for a CSV cell: a leading =, +, -, @ would make a spreadsheet run it
    as a formula ("CSV injection"), so such a cell starts with an apostrophe."""
    text = str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text
