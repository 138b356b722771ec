"""Output formats for every kind of result, through one registry (`registry.py`):
`render("matrix", "csv", matrix)`. Importing the package registers every renderer."""

from scenariodesk.render import developments, evaluation, matrix, memo, scores, simulation, statements, tables
from scenariodesk.render.registry import UnknownFormat, formats, render, render_text, renderer
from scenariodesk.render.statements import statement_to_dict
from scenariodesk.render.text import DIRECTION_WORDS, md_escape, plural

__all__ = [
    "DIRECTION_WORDS",
    "UnknownFormat",
    "developments",
    "evaluation",
    "formats",
    "matrix",
    "memo",
    "md_escape",
    "plural",
    "render",
    "render_text",
    "renderer",
    "scores",
    "simulation",
    "statement_to_dict",
    "statements",
    "tables",
]
