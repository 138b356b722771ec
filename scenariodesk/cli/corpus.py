"""Commands that fill and inspect the store: ingest, analyze, status, demo."""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import Annotated

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from scenariodesk.cli.common import (
    DEMO_DB,
    DbOption,
    LensOption,
    app,
    emit,
    err,
    fail,
    open_lens,
    open_store,
    out,
    safe,
)


# --------------------------------------------------------------------------- ingest
@app.command()
def ingest(
    paths: Annotated[
        list[Path],
        typer.Argument(help="Files or folders (.txt .md .html .htm .jsonl), recursively."),
    ],
    metadata: Annotated[
        Path | None,
        typer.Option("--metadata", help="CSV of file,outlet,date,date_precision,title,author,language."),
    ] = None,
    lens_path: LensOption = None,
    db: DbOption = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Only errors and the summary.")] = False,
) -> None:
    """Read, clean and store articles; skip exact and near duplicates.

    Exit code 1 when any file or line could not be read (the rest are still stored).
    """
    from scenariodesk.pipeline import IngestEvent, ingest_paths

    lens = open_lens(lens_path)
    if metadata is not None and not metadata.is_file():
        raise fail(f"{metadata}: metadata file not found")

    def show(event: IngestEvent) -> None:
        message = safe(event.message)  # a file name may hold a newline or an escape sequence
        if event.kind in ("error", "warning"):
            err.print(f"{event.kind}: {message}", markup=False, highlight=False)
        elif not quiet:
            out.print(("  " if event.kind == "added" else "  = ") + message, markup=False, highlight=False)

    with open_store(db, create=True) as store:
        report = ingest_paths(store, paths, lens, metadata=metadata, on_event=show)
    summary = f"{report.added} added, {report.duplicates} duplicates skipped, {len(report.errors)} errors"
    if report.added == 0 and report.duplicates and not report.errors:
        summary += " (nothing new)"
    err.print(summary)
    if report.errors:
        raise typer.Exit(1)


# --------------------------------------------------------------------------- analyze
GroupOption = Annotated[
    bool,
    typer.Option(
        "--group/--no-group",
        help="Group each cycle's developments when done, so pages, simulate and brief need not "
        "(--no-group for a bulk load that analyzes again soon; they group on first use).",
    ),
]


@app.command()
def analyze(
    lens_path: LensOption = None,
    workers: Annotated[int, typer.Option("--workers", "-w", min=1, help="Worker processes.")] = 1,
    cluster: Annotated[
        str | None,
        typer.Option(
            "--cluster", help="Run on a Dask cluster: tcp://scheduler:8786, or local:N to start N workers."
        ),
    ] = None,
    group: GroupOption = True,
    db: DbOption = None,
) -> None:
    """Find scenario statements in every document not yet analyzed with this lens version."""
    from scenariodesk.developments import warm_developments
    from scenariodesk.nlp import ModelMissing
    from scenariodesk.pipeline import analyze_store

    lens = open_lens(lens_path)
    with open_store(db) as store:
        pending = store.count_documents(pending_for=lens.fingerprint)
        if pending == 0:
            err.print(
                f"nothing to analyze: all {store.count_documents()} documents are up to date with {lens.fingerprint}"
            )
            return
        with Progress(
            TextColumn("analyzing"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeRemainingColumn(),
            console=err,
            transient=True,
        ) as progress:
            task = progress.add_task("analyze", total=pending)
            report = lambda d, _t: progress.update(task, completed=d)  # noqa: E731
            failures: list[int] = []

            def failed(doc_id: int, reason: str) -> None:
                failures.append(doc_id)
                progress.console.print(
                    f"error: document {doc_id} could not be analyzed (skipped): {safe(reason)}",
                    markup=False,
                )

            try:
                if cluster:
                    from scenariodesk.cluster import ClusterError, analyze_on_cluster

                    try:
                        done, found = analyze_on_cluster(
                            store,
                            lens,
                            cluster,
                            on_progress=report,
                            on_dashboard=lambda link: progress.console.print(
                                f"Dask dashboard: {link}", markup=False
                            ),
                            on_failure=failed,
                        )
                    except ClusterError as exc:
                        raise fail(str(exc)) from None
                else:
                    done, found = analyze_store(
                        store, lens, workers=workers, on_progress=report, on_failure=failed
                    )
            except ModelMissing as exc:
                raise fail(str(exc)) from None
            if done and group:
                with err.status("grouping developments…"):
                    warm_developments(store, lens)
    failed_note = f", {len(failures)} could not be analyzed (see `scenariodesk status`)" if failures else ""
    err.print(f"{done} documents analyzed, {found} scenario statements{failed_note} ({lens.fingerprint})")
    if failures:
        raise typer.Exit(1)


@app.command()
def status(lens_path: LensOption = None, db: DbOption = None) -> None:
    """What the store holds: documents, how many are analyzed with this lens, how many are
    pending, and every document analysis could not read, with the reason."""
    lens = open_lens(lens_path)
    with open_store(db) as store:
        total = store.count_documents()
        pending = store.count_documents(pending_for=lens.fingerprint)
        failures = store.analysis_failures()
        statements = store.count_statements()
    out.print(
        f"{total} documents: {total - pending} analyzed with {lens.fingerprint}, {pending} pending; "
        f"{statements} scenario statements; {len(failures)} could not be analyzed",
        markup=False,
    )
    for doc_id, path, reason in failures:
        out.print(f"  document {doc_id} {safe(path)}: {safe(reason)}", markup=False, highlight=False)


# --------------------------------------------------------------------------- demo
@app.command()
def demo(
    db: Annotated[Path, typer.Option("--db", help="Database to build the demo in (replaced).")] = Path(
        DEMO_DB
    ),
    workers: Annotated[int, typer.Option("--workers", "-w", min=1, help="Worker processes.")] = 1,
) -> None:
    """Ingest the bundled seed articles, analyze them and print the scenario matrix of
    each election cycle they cover."""
    from scenariodesk.aggregate import load_matrix
    from scenariodesk.pipeline import analyze_store, ingest_paths

    lens = open_lens(None)
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    corpus = resources.files("scenariodesk").joinpath("demo_corpus")
    with resources.as_file(corpus) as folder, open_store(db, create=True) as store:
        report = ingest_paths(store, [folder], lens)
        err.print(f"ingested {report.added} bundled articles into {db}")
        with err.status("analyzing (spaCy + lens rules)…"):
            done, found = analyze_store(store, lens, workers=workers)
        err.print(f"{done} documents analyzed, {found} scenario statements\n")
        for year in store.cycles():
            emit("matrix", "table", load_matrix(store, lens, cycle=year), cycle=year)
    err.print(f"\nexplore: scenariodesk statements --db {db}   |   scenariodesk matrix --db {db} --format md")
