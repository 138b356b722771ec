"""Every output of every kind of result in one registry keyed by (kind, format), as
datasette's output renderers are: the CLI, the memo and the web downloads ask it for
"matrix as csv" instead of formatting inline.

A renderer takes the value (and keyword context) and returns what to show: a string
(Markdown, JSON, CSV: written as is) or a rich renderable (terminal tables), or a list
of them. Register one with `@renderer("kind", "format")`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

Output = Any  # str, or a rich renderable
Renderer = Callable[..., Output | list[Output]]
_REGISTRY: dict[tuple[str, str], Renderer] = {}


class UnknownFormat(ValueError):
    """No renderer for this (kind, format); the message lists the formats there are."""


def renderer(kind: str, fmt: str) -> Callable[[Renderer], Renderer]:
    def register(fn: Renderer) -> Renderer:
        _REGISTRY[(kind, fmt)] = fn
        return fn

    return register


def formats(kind: str) -> tuple[str, ...]:
    """The formats `kind` renders to, in registration order."""
    return tuple(f for k, f in _REGISTRY if k == kind)


def render(kind: str, fmt: str, value: Any, **context: Any) -> list[Output]:
    """The outputs of `value` as `fmt`, in order."""
    fn = _REGISTRY.get((kind, fmt))
    if fn is None:
        raise UnknownFormat(f"{kind} cannot be shown as {fmt!r}; choose one of {', '.join(formats(kind))}")
    result = fn(value, **context)
    return result if isinstance(result, list) else [result]


def render_text(kind: str, fmt: str, value: Any, **context: Any) -> str:
    """A text format (md, json, csv) as one string, for files and downloads."""
    parts = render(kind, fmt, value, **context)
    if not all(isinstance(p, str) for p in parts):
        raise UnknownFormat(f"{kind} as {fmt!r} is for the terminal, not a file")
    return "".join(parts)
