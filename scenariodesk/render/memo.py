"""The briefing memo laid out: HTML or Markdown through the templates in memo_templates/
(the memo's content is built by memo.py; a PDF is the HTML printed by Chromium)."""

from __future__ import annotations

import re
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
# a quotation mark, not an apostrophe (one between two letters: "Seoul’s", "don't")
_MARK = re.compile(r"[\"“”‘]|(?<![^\W\d_])['’]|['’](?![^\W\d_])")


def unquoted(sentence: str) -> str:
    """A sentence to set inside the memo's own quotation marks: the quote marks that open
    or close it dropped where they are its own, that is where they enclose all of it or
    open or close a quotation that runs on into another sentence (a quotation sentence
    would otherwise read “"If Biden …”); any other mark kept as a quotation within a
    quotation (“An official said, ‘Even if ….’”, “‘A freeze … next door to us,’ said Ahn”)."""
    text = sentence.strip()
    opened, closed = text[:1] in _QUOTE_MARKS, len(text) > 1 and text[-1:] in _QUOTE_MARKS
    inside = len(_MARK.findall(text, 1, len(text) - 1))
    if opened and closed and not inside:  # the whole sentence is one quotation
        text = text[1:-1]
    elif opened and not closed and not inside:  # it opens a quotation that runs on
        text = text[1:]
    elif closed and not opened and not inside:  # it closes a quotation opened before it
        text = text[:-1]
    elif closed and not opened and not _balanced(text):
        text = text[:-1]  # closes one from before and holds a quotation of its own
    return _inner(text.strip())


def _inner(text: str) -> str:
    """Double quotation marks inside the memo's own set as single ones, as a quotation
    within a quotation is (“An official said, ‘Even if …’”)."""
    marks = iter("‘’" * (text.count('"') // 2) + "‘" * (text.count('"') % 2))
    text = re.sub('"', lambda _: next(marks), text)
    return text.replace("“", "‘").replace("”", "’")


def _balanced(text: str) -> bool:
    """Whether the double quotation marks in `text` pair up."""
    return text.count('"') % 2 == 0 and text.count("“") == text.count("”")


@renderer("memo", "html")
def _html(memo: dict[str, Any]) -> str:
    return _environment().get_template("memo.html").render(memo=memo)


@renderer("memo", "md")
def _markdown(memo: dict[str, Any]) -> str:
    return _environment().get_template("memo.md").render(memo=memo)
