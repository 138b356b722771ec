"""Commands that read the analysis: matrix, statements, developments, simulate, brief."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from scenariodesk.cli.common import (
    CycleOption,
    DbOption,
    EveryCycleOption,
    FormatOption,
    LensOption,
    app,
    check_format,
    check_ids,
    emit,
    err,
    fail,
    open_lens,
    open_store,
    pick_cycle,
    prior_option,
)
from scenariodesk.models import StatementFilter


# --------------------------------------------------------------------------- matrix
@app.command()
def matrix(
    fmt: FormatOption = "table",
    outcome: Annotated[str | None, typer.Option("--outcome", help="Only this outcome id.")] = None,
    domain: Annotated[str | None, typer.Option("--domain", help="Only this domain id.")] = None,
    cycle: CycleOption = None,
    lens_path: LensOption = None,
    db: DbOption = None,
) -> None:
    """Print the scenario matrix (outcome x domain) with the evidence of each cell."""
    from scenariodesk.aggregate import matrix_view

    check_format(fmt, "matrix")
    lens = open_lens(lens_path)
    check_ids(lens, outcome, domain)
    with open_store(db) as store:
        year = pick_cycle(store, lens, cycle)
        result, view = matrix_view(store, lens, year, outcome=outcome, domain=domain)
    if not result.cells and fmt == "table":
        err.print("no scenario statements yet: run `scenariodesk ingest PATH` then `scenariodesk analyze`")
        return
    emit("matrix", fmt, result, cycle=year, view=view)


# --------------------------------------------------------------------------- statements
@app.command()
def statements(
    fmt: FormatOption = "table",
    outcome: Annotated[str | None, typer.Option("--outcome", help="Only this outcome id.")] = None,
    domain: Annotated[str | None, typer.Option("--domain", help="Only this domain id.")] = None,
    source: Annotated[
        str | None, typer.Option("--source", help="Source name contains this (case-insensitive).")
    ] = None,
    doc: Annotated[int | None, typer.Option("--doc", help="Only this document id.")] = None,
    language: Annotated[
        str | None,
        typer.Option("--language", help="Only statements from documents in this language (en, ko)."),
    ] = None,
    cycle: EveryCycleOption = "all",
    lens_path: LensOption = None,
    db: DbOption = None,
) -> None:
    """List the evidence: each statement with its document, sentence, cue, condition and rules."""

    check_format(fmt, "statements")
    lens = open_lens(lens_path)
    check_ids(lens, outcome, domain)
    with open_store(db) as store:
        year = pick_cycle(store, lens, cycle)
        rows = list(
            store.iter_statements(
                StatementFilter(
                    outcome=outcome,
                    domain=domain,
                    source=source,
                    document_id=doc,
                    language=language,
                    cycle=year,
                )
            )
        )
    emit("statements", fmt, rows)
    if fmt == "table":
        err.print(f"{len(rows)} statements")


# --------------------------------------------------------------------------- developments
@app.command()
def developments(
    fmt: FormatOption = "table",
    outcome: Annotated[str | None, typer.Option("--outcome", help="Only this outcome id.")] = None,
    cycle: CycleOption = None,
    lens_path: LensOption = None,
    db: DbOption = None,
) -> None:
    """Group statements into developments: projected events with pooled probability and support."""
    from scenariodesk.developments import developments_of

    check_format(fmt, "developments")
    lens = open_lens(lens_path)
    check_ids(lens, outcome, None)
    with open_store(db) as store:
        year = pick_cycle(store, lens, cycle)
        found = developments_of(store, lens, year, outcome=outcome)
    emit("developments", fmt, found)


# --------------------------------------------------------------------------- simulate
@app.command()
def simulate(
    prior: Annotated[
        str | None,
        typer.Option(
            "--prior", help="Outcome probabilities, e.g. trump=0.55,harris=0.45 (default: the lens's)."
        ),
    ] = None,
    runs: Annotated[int, typer.Option("--runs", min=1, max=10_000_000, help="Monte Carlo runs.")] = 10_000,
    seed: Annotated[
        int, typer.Option("--seed", help="Random seed: the same seed gives the same result.")
    ] = 0,
    fmt: Annotated[str, typer.Option("--format", "-f", help="table or json.")] = "table",
    cycle: CycleOption = None,
    lens_path: LensOption = None,
    db: DbOption = None,
) -> None:
    """Monte Carlo over outcomes and developments, per domain.

    Each run draws a winner from the prior and lets each of its developments happen with
    its pooled probability. A domain's figure for a run is the net direction (-1..+1) of
    what happened in it: the mean impact of its developments that happened (0 if none).
    The table gives its mean and 5th..95th percentiles over the runs, P(unfav.) = the
    share of runs below 0, the developments with the largest expected impact, and how
    P(unfav.) changes when one outcome's prior rises by 0.1 (absolute; the rest scaled).
    """
    from scenariodesk.developments import developments_of
    from scenariodesk.simulate import simulate as run_simulation

    check_format(fmt, "simulation")
    lens = open_lens(lens_path)
    with open_store(db) as store:
        year = pick_cycle(store, lens, cycle)
        chosen = prior_option(prior, lens, year)
        found = developments_of(store, lens, year, every_statement=False)
    try:
        result = run_simulation(found, lens.domain_ids, chosen, runs=runs, seed=seed)
    except ValueError as exc:
        raise fail(f"--prior: {exc}") from None
    emit("simulation", fmt, result, developments=len(found))


# --------------------------------------------------------------------------- brief
@app.command()
def brief(
    out_path: Annotated[
        Path | None, typer.Option("--out", help="File to write (default: brief.FORMAT).")
    ] = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="html, md or pdf.")] = "html",
    prior: Annotated[
        str | None, typer.Option("--prior", help="Outcome probabilities for the simulation.")
    ] = None,
    runs: Annotated[int, typer.Option("--runs", min=1, help="Simulation runs.")] = 10_000,
    seed: Annotated[int, typer.Option("--seed", help="Simulation seed.")] = 0,
    web_url: Annotated[
        str | None,
        typer.Option("--web-url", help="Link references to this running web UI, e.g. http://127.0.0.1:8000."),
    ] = None,
    cycle: CycleOption = None,
    lens_path: LensOption = None,
    db: DbOption = None,
) -> None:
    """Write the briefing memo: summary, matrix, domains, simulation, playbook, signposts, fact check, sources."""
    from scenariodesk.memo import FORMATS, MemoError, build_memo, write_memo

    check_format(fmt, FORMATS)
    lens = open_lens(lens_path)
    target = out_path or Path(f"brief.{fmt}")
    with open_store(db) as store:
        year = pick_cycle(store, lens, cycle)
        chosen = prior_option(prior, lens, year)
        with err.status("building the memo…"):
            memo = build_memo(store, lens, prior=chosen, runs=runs, seed=seed, web_url=web_url, cycle=year)
    try:
        write_memo(memo, fmt, target)
    except MemoError as exc:
        raise fail(str(exc)) from None
    err.print(f"wrote {target} ({len(memo['references'])} references, {memo['statements']} statements)")


# --------------------------------------------------------------------------- export-datasette
@app.command("export-datasette")
def export_datasette(
    out_path: Annotated[Path, typer.Option("--out", help="Where to write Datasette's metadata.json.")] = Path(
        "metadata.json"
    ),
    lens_path: LensOption = None,
    db: DbOption = None,
) -> None:
    """Write metadata.json for browsing the store in Datasette (titles, facets, the
    statements_full view; index tables hidden). Datasette is not installed with scenariodesk."""
    import json

    from scenariodesk.browse import datasette_metadata
    from scenariodesk.store import default_db_path

    lens = open_lens(lens_path)
    path = db or default_db_path()
    if "://" in path:
        raise fail("Datasette reads SQLite files; this store is a PostgreSQL URL")
    open_store(db).close()  # the file exists and is migrated (statements_full is a view of it)
    out_path.write_text(json.dumps(datasette_metadata(lens, path), indent=2, ensure_ascii=False) + "\n")
    err.print(f"wrote {out_path}; browse with: datasette {path} --metadata {out_path}")
