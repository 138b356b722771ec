"""Commands that measure and train extraction: eval, train."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer

from scenariodesk.cli.common import (
    LensOption,
    app,
    emit,
    err,
    fail,
    open_lens,
    out,
)
from scenariodesk.lens import Lens


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

    lens = open_lens(lens_path)
    pairs: list[tuple[str, Path, Path]] = []
    if gold is not None or corpus is not None:
        if gold is None or corpus is None:
            raise fail("--gold and --corpus go together")
        pairs.append((corpus.name, gold, corpus))
    for folder in sets or []:
        pairs.append((folder.name, folder / "gold", folder / "corpus"))
    if not pairs:
        raise fail("name a set: --gold FILE --corpus DIR, or --set DIR (holding gold/ and corpus/)")
    results = {}
    for name, gold_path, corpus_dir in pairs:
        if not corpus_dir.is_dir():
            raise fail(f"{corpus_dir}: corpus folder not found")
        try:
            results[name] = _score_set(gold_path, corpus_dir, lens)
        except GoldError as exc:
            raise fail(str(exc)) from None
    if as_json:
        for result in results.values():
            result.pop("mismatched")
        payload = next(iter(results.values())) if len(results) == 1 else results
        sys.stdout.write(json.dumps(payload, ensure_ascii=False) + "\n")
        return
    if len(results) > 1:
        emit("eval-sets", "table", results)
    for name, result in results.items():
        if len(results) > 1:
            out.print(f"\n== {name}", markup=False)
        emit("eval", "text", result, errors=errors)


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
    c: Annotated[
        float | None,
        typer.Option(
            "--c",
            help="Inverse regularization strength, learning words too (default: C and the feature set"
            " chosen with each article held out in turn).",
            show_default=False,
        ),
    ] = None,
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
        raise fail(f"training needs scikit-learn: pip install 'scenariodesk[train]' ({exc})") from None
    lens = open_lens(lens_path)
    if len(golds or []) != len(corpora or []):
        raise fail("each --gold needs its --corpus")
    pairs = [(folder / "gold", folder / "corpus") for folder in sets or []]
    pairs += list(zip(golds or [], corpora or [], strict=True))
    if not pairs:
        raise fail("name the training data: --set DIR, or --gold FILE --corpus DIR")
    for gold, corpus in pairs:
        if not gold.exists() or not corpus.is_dir():
            raise fail(f"{gold} / {corpus}: gold not found or corpus is not a folder")
    with err.status("reading and parsing the gold sets") as status:
        data = training.examples(pairs, lens, on_doc=lambda name: status.update(f"parsing {name}"))
    if len({e.group for e in data}) < folds:
        raise fail(f"{len({e.group for e in data})} articles: fewer than --folds {folds}")
    chosen_by = None
    feature_set = "lexical"
    with err.status("cross-validating by article"):
        if c is None:  # C and the feature set, holding out each article in turn
            c, feature_set, chosen_by = training.choose_settings(data)
        data = training.restricted(data, feature_set)
        cv = training.cross_validate(data, c=c, folds=folds)
    target = out_path or training.default_model_path(lens)
    meta = {"sets": [f"{g} {k}" for g, k in pairs], "examples": len(data), "cv": cv, "c": c}
    meta |= {"features": feature_set} | ({"chosen_by": chosen_by} if chosen_by else {})
    training.fit_and_save(data, target, c=c, meta=meta)
    out.print(
        f"direction model: {len(data)} gold statements from {len({e.group for e in data})} articles; "
        f"C {c:g}, {feature_set} features, cross-validated accuracy {cv['accuracy']:.3f}"
        f", log-loss {cv['log_loss']:.3f}"
        f" ({folds} folds grouped by article) -> {target}",
        markup=False,
    )


def _score_set(gold: Path, corpus: Path, lens: Lens) -> dict:  # type: ignore[type-arg]
    from scenariodesk.evaluate import score_corpus

    return score_corpus(gold, corpus, lens, on_error=lambda m: err.print(f"error: {m}", markup=False))
