"""What every command shares: the typer app, the two consoles, the common options, and
the helpers that open the lens and the store or fail with a one-line error."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from scenariodesk import __version__
from scenariodesk.lens import Lens, LensError, load_lens
from scenariodesk.store import ENV_DB, Store, StoreError, default_db_path

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    help="Turn election news and analysis into a cited, quantified scenario matrix.",
)
# Piped output (a file, a pager) gets 120 columns, the width the matrix is laid out for.
out = Console(soft_wrap=False, width=None if sys.stdout.isatty() else 120)
err = Console(stderr=True, highlight=False, soft_wrap=True)  # one-line errors stay one line

DbOption = Annotated[
    str | None,
    typer.Option(
        "--db",
        help=f"SQLite file or postgresql://user@host/dbname URL (default: ${ENV_DB} or ./scenariodesk.db).",
        show_default=False,
    ),
]
LensOption = Annotated[
    Path | None,
    typer.Option(
        "--lens",
        help="Lens YAML laid over the default lens (us-election-korea).",
        show_default=False,
    ),
]
FormatOption = Annotated[str, typer.Option("--format", "-f", help="table, md, json or csv.")]
CycleOption = Annotated[
    str | None,
    typer.Option(
        "--cycle",
        help="An election cycle (a year of the lens's cycles: its campaign and the winner's term), "
        "or 'all'. Default: the latest cycle in the store.",
        show_default=False,
    ),
]
# The evidence list and the scores look at every cycle unless told otherwise.
EveryCycleOption = Annotated[
    str,
    typer.Option(
        "--cycle",
        help="An election cycle (a year of the lens's cycles), or 'all' (the default).",
    ),
]
DEMO_DB = "scenariodesk-demo.db"


def safe(text: str) -> str:
    """Text from an article or a file name, printable on one terminal line: control
    characters (newlines, escape sequences) shown as escapes, never interpreted."""
    return "".join(ch if ch.isprintable() else repr(ch)[1:-1] for ch in text)


def fail(message: str) -> typer.Exit:
    err.print(f"error: {message}", markup=False)
    return typer.Exit(2)


def open_lens(path: Path | None) -> Lens:
    try:
        return load_lens(path)
    except LensError as exc:
        raise fail(str(exc)) from None


def open_store(path: str | None, *, create: bool = False) -> Store:
    """The store at `path`. Only commands that add documents (`create`) make a new one: a
    mistyped path for any other command is an error, not an empty database."""
    from scenariodesk.store import exists

    path = path or default_db_path()
    if not create and not exists(path):
        raise fail(f"{path}: no such database (scenariodesk ingest creates one)")
    global _opened
    _opened = path
    try:
        return Store(path)
    except StoreError as exc:
        raise fail(str(exc)) from None


_opened = ""  # the database the command opened, for errors raised while reading it


def run() -> None:
    """The console entry point: the typer app, with a database that turns out damaged in
    the middle of a command reported in one line (exit 2), not a traceback."""
    import sqlite3

    from scenariodesk.store import damaged_message

    try:
        app()
    except sqlite3.DatabaseError as exc:
        err.print(f"error: {damaged_message(_opened or default_db_path(), exc)}", markup=False)
        sys.exit(2)


def check_format(fmt: str, allowed: tuple[str, ...] | str) -> str:
    """`fmt` if it is one of `allowed`, or of the formats the renderer registry has for a
    kind of result (`allowed` given as its name); else a one-line error."""
    if isinstance(allowed, str):
        from scenariodesk.render import formats

        allowed = formats(allowed)
    if fmt not in allowed:
        raise fail(f"--format must be one of {', '.join(allowed)} (got {fmt!r})")
    return fmt


def show_version(value: bool) -> None:
    if value:
        out.print(f"scenariodesk {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[
        bool,
        typer.Option("--version", callback=show_version, is_eager=True, help="Print the version and exit."),
    ] = False,
) -> None:
    """Turn election news and analysis into a cited, quantified scenario matrix."""


def pick_cycle(store: Store, lens: Lens, value: str | None) -> int | None:
    """The cycle a command shows (aggregate.pick_cycle: a year, 'all', or by default the
    latest in the store), or a one-line error. Says on stderr how many statements the
    choice leaves out."""
    from scenariodesk.aggregate import UnknownCycle
    from scenariodesk.aggregate import pick_cycle as choose
    from scenariodesk.models import StatementFilter

    try:
        year = choose(store, lens, value)
    except UnknownCycle as exc:
        raise fail(f"--cycle: {exc}") from None
    if year is not None:
        shown, total = store.count_statements(StatementFilter(cycle=year)), store.count_statements()
        if shown < total:
            err.print(f"cycle {year}: {shown} of {total} statements (--cycle all for every cycle)")
    return year


def check_ids(lens: Lens, outcome: str | None, domain: str | None) -> None:
    if outcome and outcome not in lens.outcome_ids:
        raise fail(f"unknown outcome {outcome!r}; the lens has {', '.join(lens.outcome_ids)}")
    if domain and domain not in lens.domain_ids:
        raise fail(f"unknown domain {domain!r}; the lens has {', '.join(lens.domain_ids)}")


def prior_option(text: str | None, lens: Lens, cycle: int | None = None) -> dict[str, float]:
    from scenariodesk.simulate import checked_prior, parse_prior

    if text is None:
        return lens.default_prior(cycle)
    try:
        return checked_prior(parse_prior(text), lens.outcome_ids)
    except ValueError as exc:
        raise fail(f"--prior: {exc}") from None


def emit(kind: str, fmt: str, value: object, **context: object) -> None:
    """Print `value` through the renderer registry: text formats exactly as rendered
    (other programs read them), terminal renderables through rich."""
    from scenariodesk.render import render

    for part in render(kind, fmt, value, **context):
        if isinstance(part, str):
            sys.stdout.write(part)
            sys.stdout.flush()
        else:
            out.print(part)
