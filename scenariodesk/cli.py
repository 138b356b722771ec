"""The `scenariodesk` command: one thin command per stage over the library modules."""

from __future__ import annotations

import json
import sys
from importlib import resources
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
from rich.text import Text

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
    int | None,
    typer.Option(
        "--cycle",
        help="Only articles of this election cycle (a year of the lens's cycles: its campaign and the winner's term).",
        show_default=False,
    ),
]
DEMO_DB = "scenariodesk-demo.db"


def _safe(text: str) -> str:
    """Text from an article or a file name, printable on one terminal line: control
    characters (newlines, escape sequences) shown as escapes, never interpreted."""
    return "".join(ch if ch.isprintable() else repr(ch)[1:-1] for ch in text)


def _fail(message: str) -> typer.Exit:
    err.print(f"error: {message}", markup=False)
    return typer.Exit(2)


def _lens(path: Path | None) -> Lens:
    try:
        return load_lens(path)
    except LensError as exc:
        raise _fail(str(exc)) from None


def _store(path: str | None, *, create: bool = False) -> Store:
    """The store at `path`. Only commands that add documents (`create`) make a new one: a
    mistyped path for any other command is an error, not an empty database."""
    from scenariodesk.store import exists

    path = path or default_db_path()
    if not create and not exists(path):
        raise _fail(f"{path}: no such database (scenariodesk ingest creates one)")
    global _opened
    _opened = path
    try:
        return Store(path)
    except StoreError as exc:
        raise _fail(str(exc)) from None


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


def _check_format(fmt: str, allowed: tuple[str, ...]) -> str:
    if fmt not in allowed:
        raise _fail(f"--format must be one of {', '.join(allowed)} (got {fmt!r})")
    return fmt


def _version(value: bool) -> None:
    if value:
        out.print(f"scenariodesk {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit."),
    ] = False,
) -> None:
    """Turn election news and analysis into a cited, quantified scenario matrix."""


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

    lens = _lens(lens_path)
    if metadata is not None and not metadata.is_file():
        raise _fail(f"{metadata}: metadata file not found")

    def show(event: IngestEvent) -> None:
        message = _safe(event.message)  # a file name may hold a newline or an escape sequence
        if event.kind in ("error", "warning"):
            err.print(f"{event.kind}: {message}", markup=False, highlight=False)
        elif not quiet:
            out.print(("  " if event.kind == "added" else "  = ") + message, markup=False, highlight=False)

    with _store(db, create=True) as store:
        report = ingest_paths(store, paths, lens, metadata=metadata, on_event=show)
    summary = f"{report.added} added, {report.duplicates} duplicates skipped, {len(report.errors)} errors"
    if report.added == 0 and report.duplicates and not report.errors:
        summary += " (nothing new)"
    err.print(summary)
    if report.errors:
        raise typer.Exit(1)


# --------------------------------------------------------------------------- analyze
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
    db: DbOption = None,
) -> None:
    """Find scenario statements in every document not yet analyzed with this lens version."""
    from scenariodesk.nlp import ModelMissing
    from scenariodesk.pipeline import analyze_store

    lens = _lens(lens_path)
    with _store(db) as store:
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
                    f"error: document {doc_id} could not be analyzed (skipped): {_safe(reason)}",
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
                        raise _fail(str(exc)) from None
                else:
                    done, found = analyze_store(
                        store, lens, workers=workers, on_progress=report, on_failure=failed
                    )
            except ModelMissing as exc:
                raise _fail(str(exc)) from None
    failed_note = f", {len(failures)} could not be analyzed (see `scenariodesk status`)" if failures else ""
    err.print(f"{done} documents analyzed, {found} scenario statements{failed_note} ({lens.fingerprint})")
    if failures:
        raise typer.Exit(1)


@app.command()
def status(lens_path: LensOption = None, db: DbOption = None) -> None:
    """What the store holds: documents, how many are analyzed with this lens, how many are
    pending, and every document analysis could not read, with the reason."""
    lens = _lens(lens_path)
    with _store(db) as store:
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
        out.print(f"  document {doc_id} {_safe(path)}: {_safe(reason)}", markup=False, highlight=False)


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
    from scenariodesk.aggregate import build_matrix, load_matrix
    from scenariodesk.models import StatementFilter
    from scenariodesk.render import FORMATS, render_matrix

    _check_format(fmt, FORMATS)
    lens = _lens(lens_path)
    _check_ids(lens, outcome, domain)
    with _store(db) as store:
        if cycle is None:
            result = load_matrix(store, lens, outcome=outcome, domain=domain)
        else:  # the articles of one election cycle, streamed
            date_from, date_to = _cycle_dates(lens, cycle)
            rows = store.iter_statements(StatementFilter(date_from=date_from, date_to=date_to))
            result = build_matrix(rows, lens, outcome=outcome, domain=domain)
    if not result.cells and fmt == "table":
        err.print("no scenario statements yet: run `scenariodesk ingest PATH` then `scenariodesk analyze`")
        return
    render_matrix(result, fmt, out)


def _cycle_dates(lens: Lens, year: int) -> tuple[str | None, str | None]:
    try:
        return lens.cycle_dates(year)
    except KeyError as exc:
        raise _fail(str(exc.args[0])) from None


def _check_ids(lens: Lens, outcome: str | None, domain: str | None) -> None:
    if outcome and outcome not in lens.outcome_ids:
        raise _fail(f"unknown outcome {outcome!r}; the lens has {', '.join(lens.outcome_ids)}")
    if domain and domain not in lens.domain_ids:
        raise _fail(f"unknown domain {domain!r}; the lens has {', '.join(lens.domain_ids)}")


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
    cycle: CycleOption = None,
    lens_path: LensOption = None,
    db: DbOption = None,
) -> None:
    """List the evidence: each statement with its document, sentence, cue, condition and rules."""
    from scenariodesk.models import StatementFilter
    from scenariodesk.render import FORMATS, render_statements

    _check_format(fmt, FORMATS)
    lens = _lens(lens_path)
    _check_ids(lens, outcome, domain)
    date_from, date_to = _cycle_dates(lens, cycle) if cycle is not None else (None, None)
    with _store(db) as store:
        rows = store.iter_statements(
            StatementFilter(
                outcome=outcome,
                domain=domain,
                source=source,
                document_id=doc,
                language=language,
                date_from=date_from,
                date_to=date_to,
            )
        )
        count = render_statements(rows, fmt, out)
    if fmt == "table":
        err.print(f"{count} statements")


# --------------------------------------------------------------------------- eval
@app.command("eval")
def evaluate(
    gold: Annotated[
        Path | None, typer.Option("--gold", help="Gold .jsonl file, or a folder of them.", show_default=False)
    ] = None,
    corpus: Annotated[
        Path | None,
        typer.Option("--corpus", help="Folder of the articles the gold annotates.", show_default=False),
    ] = None,
    sets: Annotated[
        list[Path] | None,
        typer.Option(
            "--set",
            help="A gold set folder holding gold/ and corpus/ (repeat for several); figures per set.",
            show_default=False,
        ),
    ] = None,
    lens_path: LensOption = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object.")] = False,
    errors: Annotated[
        bool,
        typer.Option("--errors", help="List the misses grouped by kind (condition, cue, direction, ...)."),
    ] = False,
) -> None:
    """Score extraction against gold annotations (ANNOTATION.md) on a throw-away database."""
    from scenariodesk.evaluate import GoldError

    lens = _lens(lens_path)
    pairs: list[tuple[str, Path, Path]] = []
    if gold is not None or corpus is not None:
        if gold is None or corpus is None:
            raise _fail("--gold and --corpus go together")
        pairs.append((corpus.name, gold, corpus))
    for folder in sets or []:
        pairs.append((folder.name, folder / "gold", folder / "corpus"))
    if not pairs:
        raise _fail("name a set: --gold FILE --corpus DIR, or --set DIR (holding gold/ and corpus/)")
    results = {}
    for name, gold_path, corpus_dir in pairs:
        if not corpus_dir.is_dir():
            raise _fail(f"{corpus_dir}: corpus folder not found")
        try:
            results[name] = _score_set(gold_path, corpus_dir, lens)
        except GoldError as exc:
            raise _fail(str(exc)) from None
    if as_json:
        for result in results.values():
            result.pop("mismatched")
        payload = next(iter(results.values())) if len(results) == 1 else results
        sys.stdout.write(json.dumps(payload, ensure_ascii=False) + "\n")
        return
    if len(results) > 1:
        _print_set_table(results)
    for name, result in results.items():
        if len(results) > 1:
            out.print(f"\n== {name}", markup=False)
        _print_scores(result, errors)


@app.command()
def train(
    sets: Annotated[
        list[Path] | None,
        typer.Option("--set", help="A gold set folder holding gold/ and corpus/ (repeat for several)."),
    ] = None,
    golds: Annotated[
        list[Path] | None,
        typer.Option("--gold", help="A gold file or folder; pairs in order with --corpus (repeatable)."),
    ] = None,
    corpora: Annotated[
        list[Path] | None, typer.Option("--corpus", help="The folder of the articles the --gold annotates.")
    ] = None,
    out_path: Annotated[
        Path | None,
        typer.Option(
            "--out",
            help="Where to write the model (default: the lens's direction.model).",
            show_default=False,
        ),
    ] = None,
    c: Annotated[float, typer.Option("--c", help="Inverse regularization strength.")] = 0.1,
    folds: Annotated[int, typer.Option("--folds", help="Cross-validation folds, grouped by article.")] = 5,
    lens_path: LensOption = None,
) -> None:
    """Train the learned direction step on gold sets and print its cross-validated accuracy.

    Needs scikit-learn (pip install 'scenariodesk[train]'); the model it writes is JSON and
    runs without it. A set folder holds gold/*.jsonl and corpus/ as in ../shared/sets.
    """
    try:
        from scenariodesk import train as training
    except ImportError as exc:  # pragma: no cover - depends on the install
        raise _fail(f"training needs scikit-learn: pip install 'scenariodesk[train]' ({exc})") from None
    lens = _lens(lens_path)
    if len(golds or []) != len(corpora or []):
        raise _fail("each --gold needs its --corpus")
    pairs = [(folder / "gold", folder / "corpus") for folder in sets or []]
    pairs += list(zip(golds or [], corpora or [], strict=True))
    if not pairs:
        raise _fail("name the training data: --set DIR, or --gold FILE --corpus DIR")
    for gold, corpus in pairs:
        if not gold.exists() or not corpus.is_dir():
            raise _fail(f"{gold} / {corpus}: gold not found or corpus is not a folder")
    with err.status("reading and parsing the gold sets") as status:
        data = training.examples(pairs, lens, on_doc=lambda name: status.update(f"parsing {name}"))
    if len({e.group for e in data}) < folds:
        raise _fail(f"{len({e.group for e in data})} articles: fewer than --folds {folds}")
    cv = training.cross_validate(data, c=c, folds=folds)
    target = out_path or training.default_model_path(lens)
    training.fit_and_save(
        data, target, c=c, meta={"sets": [f"{g} {c}" for g, c in pairs], "examples": len(data), "cv": cv}
    )
    out.print(
        f"direction model: {len(data)} gold statements from {len({e.group for e in data})} articles; "
        f"cross-validated accuracy {cv['accuracy']:.3f} ({folds} folds grouped by article) -> {target}",
        markup=False,
    )


def _score_set(gold: Path, corpus: Path, lens: Lens) -> dict:  # type: ignore[type-arg]
    from scenariodesk.evaluate import score_corpus

    return score_corpus(gold, corpus, lens, on_error=lambda m: err.print(f"error: {m}", markup=False))


def _print_set_table(results: dict) -> None:  # type: ignore[type-arg]
    from rich.table import Table

    table = Table(title="Extraction figures per set")
    for column in ("set", "P", "R", "F1", "domains F1", "direction", "likelihood", "source", "gold"):
        table.add_column(column, justify="left" if column == "set" else "right")
    for name, r in results.items():
        d = r["detection"]
        table.add_row(
            name,
            *(
                f"{v:.2f}"
                for v in (
                    d["precision"],
                    d["recall"],
                    d["f1"],
                    r["domains"]["f1"],
                    r["direction"]["accuracy"],
                    r["likelihood"]["accuracy"],
                    r["source"]["accuracy"],
                )
            ),
            str(d["tp"] + d["fn"]),
        )
    out.print(table)


def _print_scores(result: dict, errors: bool = False) -> None:  # type: ignore[type-arg]
    d = result["detection"]
    out.print(
        f"detection   P {d['precision']:.3f}  R {d['recall']:.3f}  F1 {d['f1']:.3f}  "
        f"(tp {d['tp']}, fp {d['fp']}, fn {d['fn']})",
        markup=False,
    )
    out.print(f"domains     F1 {result['domains']['f1']:.3f}", markup=False)
    out.print(
        f"direction   accuracy {result['direction']['accuracy']:.3f}  (n {result['direction']['n']})",
        markup=False,
    )
    lk = result["likelihood"]
    out.print(
        f"likelihood  accuracy {lk['accuracy']:.3f}  MAE {lk['mae']:.3f}  (n {lk['n']})",
        markup=False,
    )
    out.print(
        f"source      accuracy {result['source']['accuracy']:.3f}  (n {result['source']['n']})",
        markup=False,
    )
    if not errors:
        missed, spurious = len(result["missed"]), len(result["spurious"])
        out.print(f"{missed} missed, {spurious} spurious: --errors lists them by kind", markup=False)
        return
    from scenariodesk.evaluate import errors_by_kind

    for kind, items in errors_by_kind(result).items():
        out.print(f"\n{kind} ({len(items)}):", markup=False)
        for item in items:
            if "gold" in item:
                g, p = item["gold"], item["predicted"]
                field = {"condition": "condition", "domain": "domains"}.get(kind, kind)
                extra = f" cue {p['cue']!r}" if kind in ("likelihood", "direction") else ""
                out.print(
                    f"  {g['doc']} gold {g[field]} / predicted {p[field]}{extra}: {g['sentence']}",
                    markup=False,
                    highlight=False,
                )
            else:
                out.print(
                    f"  {item['doc']} [{item['condition']}] {item['sentence']}", markup=False, highlight=False
                )


# --------------------------------------------------------------------------- developments
@app.command()
def developments(
    fmt: Annotated[str, typer.Option("--format", "-f", help="table, json or md.")] = "table",
    outcome: Annotated[str | None, typer.Option("--outcome", help="Only this outcome id.")] = None,
    lens_path: LensOption = None,
    db: DbOption = None,
) -> None:
    """Group statements into developments: projected events with pooled probability and support."""
    from dataclasses import asdict

    from rich.table import Table
    from rich.text import Text

    from scenariodesk.developments import find_developments

    _check_format(fmt, ("table", "json", "md"))
    lens = _lens(lens_path)
    _check_ids(lens, outcome, None)
    with _store(db) as store:
        found = find_developments(store.iter_statements(), lens, outcome=outcome)
    if fmt == "json":
        sys.stdout.write(json.dumps([asdict(d) for d in found], ensure_ascii=False, indent=1) + "\n")
    elif fmt == "md":
        from scenariodesk.render import DIRECTION_WORDS, md_escape, plural

        for d in found:
            out.out(
                f"- **{d.id}** {md_escape(d.label)}: p={d.probability:.2f}, {DIRECTION_WORDS[d.direction]}, {', '.join(d.domains)}; "
                f"{plural(d.support, 'statement')}, {plural(len(d.sources), 'source')}, "
                f"{plural(len(d.outlets), 'outlet')}",
                highlight=False,
            )
    else:
        table = Table(title=f"{len(found)} developments", title_justify="left")
        for name in ("id", "p", "dir", "domains", "support", "development"):
            table.add_column(name, overflow="fold")
        for d in found:
            table.add_row(
                d.id,
                f"{d.probability:.2f}",
                d.direction,
                "\n".join(d.domains),
                f"{d.support} st / {len(d.sources)} src",
                Text(d.label),
            )
        out.print(table)


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
    from dataclasses import asdict

    from rich.table import Table

    from scenariodesk.developments import find_developments
    from scenariodesk.simulate import simulate as run_simulation

    _check_format(fmt, ("table", "json"))
    lens = _lens(lens_path)
    chosen = _prior(prior, lens)
    with _store(db) as store:
        found = find_developments(store.iter_statements(), lens)
    try:
        result = run_simulation(found, lens.domain_ids, chosen, runs=runs, seed=seed)
    except ValueError as exc:
        raise _fail(f"--prior: {exc}") from None
    if fmt == "json":
        sys.stdout.write(json.dumps(asdict(result), ensure_ascii=False) + "\n")
        return
    table = Table(
        title=f"{runs:,} runs, seed {seed}, {len(found)} developments; prior "
        + ", ".join(f"{k}={v:.2f}" for k, v in result.prior.items()),
        caption="net direction of what happens in a domain per run, -1 unfavourable .. +1 favourable; "
        "drivers: expected impact; sensitivity: change of P(unfav.) for +0.1 on that outcome's prior",
        title_justify="left",
    )
    for name in ("domain", "net (mean)", "5%..95%", "P(unfav.)", "main drivers", "P(unfav.) per +0.1 prior"):
        table.add_column(name, overflow="fold")
    for d in result.domains:
        table.add_row(
            d.domain,
            f"{d.mean:+.2f}",
            f"{d.p5:+.2f}..{d.p95:+.2f}",
            f"{d.unfavourable:.2f}",
            "\n".join(f"{c.development} {c.mean:+.2f}" for c in d.contributions),
            ", ".join(f"{o} {v:+.3f}" for o, v in d.sensitivity.items()),
        )
    out.print(table)


def _prior(text: str | None, lens: Lens) -> dict[str, float]:
    from scenariodesk.simulate import parse_prior

    if text is None:
        return lens.default_prior()
    try:
        chosen = parse_prior(text)
    except ValueError as exc:
        raise _fail(f"--prior: {exc}") from None
    unknown = [o for o in chosen if o not in lens.outcome_ids or o == "any"]
    if unknown:
        raise _fail(
            f"--prior: unknown outcome {unknown[0]!r}; the lens has {', '.join(o for o in lens.outcome_ids if o != 'any')}"
        )
    return chosen


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
    lens_path: LensOption = None,
    db: DbOption = None,
) -> None:
    """Write the briefing memo: summary, matrix, domains, simulation, playbook, signposts, fact check, sources."""
    from scenariodesk.memo import FORMATS, MemoError, build_memo, write_memo

    _check_format(fmt, FORMATS)
    lens = _lens(lens_path)
    chosen = _prior(prior, lens)
    target = out_path or Path(f"brief.{fmt}")
    with _store(db) as store, err.status("building the memo…"):
        memo = build_memo(store, lens, prior=chosen, runs=runs, seed=seed, web_url=web_url)
    try:
        write_memo(memo, fmt, target)
    except MemoError as exc:
        raise _fail(str(exc)) from None
    err.print(f"wrote {target} ({len(memo['references'])} references, {memo['statements']} statements)")


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
    from scenariodesk.track import ResolutionError, load_resolutions, match_event

    lens = _lens(lens_path)
    try:
        resolutions = load_resolutions(file, lens)
    except ResolutionError as exc:
        raise _fail(str(exc)) from None
    with _store(db) as store:
        for cycle in resolutions.cycles:
            out.print(
                f"cycle {cycle.year}: {cycle.winner} won ({cycle.citation})", markup=False, highlight=False
            )
        matches = []
        for event in resolutions.events:
            found = match_event(store, lens, event)
            matches.append((event, found))
            out.print(
                f"\nevent {event.id}: {'happened' if event.happened else 'did not happen'} — {len(found)} forecasts",
                markup=False,
                highlight=False,
            )
            for f in found:
                st = f.statement
                out.print(
                    f"  [{st.condition}] p={st.probability:.2f} {st.source}: {st.sentence[:110]}",
                    markup=False,
                    highlight=False,
                )
        if not yes and not typer.confirm("\nStore these resolutions?", default=False):
            err.print("nothing stored")
            raise typer.Exit(1)
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
    from dataclasses import asdict

    from rich.table import Table

    from scenariodesk.track import GROUPS, reliability_png, score_forecasts

    _check_format(fmt, ("table", "json", "md"))
    if by not in GROUPS:
        raise _fail(f"--by must be one of {', '.join(GROUPS)} (got {by!r})")
    lens = _lens(lens_path)
    with _store(db) as store:
        report = score_forecasts(store, lens, by)
    if plot is not None:
        plot.write_bytes(reliability_png(report.calibration, report.scored))
        err.print(f"wrote {plot}")
    if fmt == "json":
        sys.stdout.write(json.dumps(asdict(report), ensure_ascii=False) + "\n")
        return
    if fmt == "md":
        from scenariodesk.render import md_escape

        out.out(f"| {by} | forecasts | brier | log score |\n|---|---|---|---|", highlight=False)
        for g in [*report.groups, report.overall]:
            out.out(f"| {md_escape(g.group)} | {g.n} | {g.brier:.3f} | {g.log_score:.3f} |", highlight=False)
        out.out(
            f"\n{report.scored} forecasts scored; {report.set_aside} set aside (conditioned on an outcome that lost).",
            highlight=False,
        )
        return
    table = Table(title=f"Forecast scores by {by} (lower Brier is better)", title_justify="left")
    for name in (by, "forecasts", "brier", "log score"):
        table.add_column(name)
    for g in [*report.groups, report.overall]:
        table.add_row(
            Text(g.group),
            str(g.n),
            f"{g.brier:.3f}",
            f"{g.log_score:.3f}",
            end_section=g is report.groups[-1] if report.groups else False,
        )
    out.print(table)
    calibration = Table(title="Calibration", title_justify="left")
    for name in ("stated", "forecasts", "mean stated", "observed"):
        calibration.add_column(name)
    for c in report.calibration:
        if c["n"]:
            calibration.add_row(c["bin"], str(c["n"]), f"{c['mean_probability']:.2f}", f"{c['observed']:.2f}")
    out.print(calibration)
    err.print(
        f"{report.scored} forecasts scored; {report.set_aside} set aside (conditioned on an outcome that lost)"
    )


# --------------------------------------------------------------------------- watch
@app.command()
def watch(
    paths: Annotated[
        list[str], typer.Argument(help="Folders or files to poll (articles, RSS/Atom files), or feed URLs.")
    ],
    interval: Annotated[float, typer.Option("--interval", min=0.05, help="Seconds between passes.")] = 60.0,
    webhook: Annotated[
        str | None, typer.Option("--webhook", help="POST each alert as JSON to this URL.")
    ] = None,
    log: Annotated[Path, typer.Option("--log", help="JSONL file alerts are appended to.")] = Path(
        "scenariodesk-alerts.jsonl"
    ),
    threshold: Annotated[
        float,
        typer.Option("--threshold", min=0.0, help="Alert when a cell's net direction moves more than this."),
    ] = 0.3,
    once: Annotated[bool, typer.Option("--once", help="One pass, then exit (for cron).")] = False,
    lens_path: LensOption = None,
    db: DbOption = None,
) -> None:
    """Poll for new articles, ingest and analyze them, and raise ALERT lines for signposts and moves."""
    from scenariodesk.watch import Watcher

    lens = _lens(lens_path)
    with _store(db, create=True) as store:
        watcher = Watcher(
            store,
            lens,
            paths,
            log=log,
            webhook=webhook,
            threshold=threshold,
            say=_say_line,
            warn=lambda line: err.print(line, markup=False),
        )
        if not once:
            err.print(
                f"watching {', '.join(paths)} every {interval:g} s; alerts to {log}"
                + (f" and {webhook}" if webhook else "")
            )
        try:
            watcher.run(interval, once=once)
        except KeyboardInterrupt:
            err.print("stopped")


def _say_line(line: str) -> None:
    """One alert, one line, never wrapped: other programs read these."""
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


# --------------------------------------------------------------------------- serve
@app.command()
def serve(
    host: Annotated[
        str, typer.Option("--host", help="Address to bind; anything but loopback needs a token.")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", min=1, max=65535, help="Port.")] = 8000,
    token: Annotated[
        str | None,
        typer.Option(
            "--token",
            envvar="SCENARIODESK_TOKEN",
            help="Token every request must carry ($SCENARIODESK_TOKEN).",
            show_default=False,
        ),
    ] = None,
    allowed_host: Annotated[
        list[str] | None,
        typer.Option(
            "--allowed-host",
            help="Another host name the server answers to (a proxy's or DNS name); repeatable.",
            show_default=False,
        ),
    ] = None,
    lens_path: LensOption = None,
    db: DbOption = None,
) -> None:
    """Serve the web UI and the JSON API (/api/v1, documented at /openapi.json)."""
    import uvicorn

    from scenariodesk.web import create_app

    if not _is_loopback(host) and not token:
        raise _fail(f"refusing to serve on {host} without a token: pass --token or set SCENARIODESK_TOKEN")
    from scenariodesk.store import exists

    lens = _lens(lens_path)
    path = db or default_db_path()
    if not exists(path):
        raise _fail(f"{path}: no such database (scenariodesk ingest creates one)")
    try:
        web = create_app(path, lens=lens, token=token, allowed_hosts=[host, *(allowed_host or [])])
    except StoreError as exc:
        raise _fail(str(exc)) from None
    err.print(f"serving {path} on http://{host}:{port}/" + (" (token required)" if token else ""))
    uvicorn.run(web, host=host, port=port, log_level="warning")


def _is_loopback(host: str) -> bool:
    import ipaddress

    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


# --------------------------------------------------------------------------- demo
@app.command()
def demo(
    db: Annotated[Path, typer.Option("--db", help="Database to build the demo in (replaced).")] = Path(
        DEMO_DB
    ),
    workers: Annotated[int, typer.Option("--workers", "-w", min=1, help="Worker processes.")] = 1,
) -> None:
    """Ingest the bundled seed articles, analyze them and print the scenario matrix."""
    from scenariodesk.aggregate import load_matrix
    from scenariodesk.pipeline import analyze_store, ingest_paths
    from scenariodesk.render import render_matrix

    lens = _lens(None)
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    corpus = resources.files("scenariodesk").joinpath("demo_corpus")
    with resources.as_file(corpus) as folder, _store(db, create=True) as store:
        report = ingest_paths(store, [folder], lens)
        err.print(f"ingested {report.added} bundled articles into {db}")
        with err.status("analyzing (spaCy + lens rules)…"):
            done, found = analyze_store(store, lens, workers=workers)
        err.print(f"{done} documents analyzed, {found} scenario statements\n")
        result = load_matrix(store, lens)
    render_matrix(result, "table", out)
    err.print(f"\nexplore: scenariodesk statements --db {db}   |   scenariodesk matrix --db {db} --format md")


if __name__ == "__main__":  # pragma: no cover
    app()
