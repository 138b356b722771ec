"""The briefing memo laid out: HTML or Markdown through the templates in memo_templates/
(the memo's content is built by memo.py; a PDF is the HTML printed by Chromium)."""

from __future__ import annotations

from functools import cache
from typing import Any

import jinja2

from scenariodesk.render.registry import renderer
from scenariodesk.render.text import DIRECTION_WORDS, md_escape, plural


@cache
def _environment() -> jinja2.Environment:
    loader = jinja2.PackageLoader("scenariodesk", "memo_templates")
    env = jinja2.Environment(
        loader=loader, autoescape=jinja2.select_autoescape(["html"]), trim_blocks=True, lstrip_blocks=True
    )
    env.filters["md"] = md_escape
    env.filters["refs"] = lambda ns: "".join(f"[{n}]" for n in ns)
    env.filters["unquoted"] = unquoted
    env.filters["plural"] = plural
    env.globals["direction_words"] = DIRECTION_WORDS
    return env


_QUOTE_MARKS = "\"“”'‘’"


def unquoted(sentence: str) -> str:
    """A sentence to set inside the memo's own quotation marks: the quote marks that open
    or close it dropped (a quotation sentence would otherwise read “"If Biden …”)."""
    return sentence.strip().strip(_QUOTE_MARKS).strip()


@renderer("memo", "html")
def _html(memo: dict[str, Any]) -> str:
    return _environment().get_template("memo.html").render(memo=memo)


@renderer("memo", "md")
def _markdown(memo: dict[str, Any]) -> str:
    return _environment().get_template("memo.md").render(memo=memo)
