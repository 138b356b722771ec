"""Commands that judge forecasts once outcomes are known: resolve, score."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from scenariodesk.cli.common import (
    DbOption,
    LensOption,
    app,
    check_format,
    emit,
    err,
    fail,
    open_lens,
    open_store,
    out,
)


# --------------------------------------------------------------------------- resolve, score
@app.command()
def resolve(
    file: Annotated[
        Path, typer.Argument(help="Resolution YAML: cycle winners and events that happened or not.")
    ],
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Store without asking.")] = False,
    lens_path: LensOption = None,
    db: DbOption = None,
) -> None:
    """Record what happened; show the statements each event resolves, and ask before storing."""
    from scenariodesk.track import ResolutionError, event_probability, load_resolutions, match_event

    lens = open_lens(lens_path)
    try:
        resolutions = load_resolutions(file, lens)
    except ResolutionError as exc:
        raise fail(str(exc)) from None
    with open_store(db) as store:
        for cycle in resolutions.cycles:
            out.print(
                f"cycle {cycle.year}: {cycle.winner} won ({cycle.citation})", markup=False, highlight=False
            )
        matches = []
        for event in resolutions.events:
            found = [(f, event_probability(f, event, lens)) for f in match_event(store, lens, event)]
            matches.append((event, found))
            out.print(
                f"\nevent {event.id}: {'happened' if event.happened else 'did not happen'} — {len(found)} forecasts",
                markup=False,
                highlight=False,
            )
            for f, p in found:
                st = f.statement
                out.print(
                    f"  [{st.condition}] p={p:.2f} {st.source}: {st.sentence[:110]}",
                    markup=False,
                    highlight=False,
                )
        if not yes and not typer.confirm("\nStore these resolutions?", default=False):
            err.print("nothing stored")
            raise typer.Exit(0)  # the user said no: not a failure
        for cycle in resolutions.cycles:
            store.record_cycle(cycle.year, cycle.winner, cycle.note, cycle.citation)
        for event, found in matches:
            store.record_event(
                event.id,
                event.happened,
                event.by.isoformat() if event.by else None,
                event.note,
                event.citation,
                found,
            )
    err.print(
        f"stored {len(resolutions.cycles)} cycle results and {len(matches)} events ({sum(len(f) for _, f in matches)} forecasts)"
    )


@app.command()
def score(
    by: Annotated[str, typer.Option("--by", help="source, outlet or domain.")] = "source",
    fmt: Annotated[str, typer.Option("--format", "-f", help="table, json or md.")] = "table",
    plot: Annotated[
        Path | None, typer.Option("--plot", help="Write the reliability diagram to this PNG.")
    ] = None,
    lens_path: LensOption = None,
    db: DbOption = None,
) -> None:
    """Score resolved forecasts: Brier and log score per group, calibration, reliability diagram."""
    from scenariodesk.render.scores import scored_line
    from scenariodesk.track import GROUPS, reliability_png, score_forecasts

    check_format(fmt, "scores")
    if by not in GROUPS:
        raise fail(f"--by must be one of {', '.join(GROUPS)} (got {by!r})")
    lens = open_lens(lens_path)
    with open_store(db) as store:
        report = score_forecasts(store, lens, by)
    if plot is not None:
        plot.write_bytes(reliability_png(report.calibration, report.scored))
        err.print(f"wrote {plot}")
    emit("scores", fmt, report)
    if fmt == "table":
        err.print(scored_line(report))
