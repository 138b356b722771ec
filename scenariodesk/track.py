"""Forecasts that answer for themselves: record what happened, then score who saw it coming.

A resolution file (YAML) records which outcome won each election cycle and which
projected events happened, each with a note and a citation. An event is tied to the
statements that forecast it by a development id or a text query; every such statement
is then a scored forecast, unless it was conditioned on an outcome that did not win or
on a condition of its own ("possible only when ...").

The probability a statement gives an event is read where the sentence names it: the
likelihood cue of the clause that mentions the event, not the sentence's main cue ("the
alliance could be stabilized, ... but there are little prospects for a summit" gives the
summit `very_unlikely`, 0.125), and the complement when that clause negates it ("there
will be no summit"). A statement found through its development, whose sentence does not
name the event, gives its own probability.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from scenariodesk.lens import Lens
from scenariodesk.models import Document, DocumentRef, StatementFilter, StoredStatement
from scenariodesk.nlp import lemma_forms
from scenariodesk.store import Store

GROUPS = ("source", "outlet", "domain")
BINS = 10  # calibration bins of width 0.1


class ResolutionError(ValueError):
    pass


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class CycleResult(_Strict):
    year: int
    winner: str
    note: str = ""
    citation: str = Field(min_length=1)


class Event(_Strict):
    id: str = Field(pattern=r"^[A-Za-z0-9][\w.-]*$")
    happened: bool
    by: dt.date | None = None
    query: str | None = None  # words a statement must contain; "a | b" for alternatives
    development: str | None = None
    outcome: str | None = None
    domain: str | None = None
    cycle: int | None = None
    note: str = ""
    citation: str = Field(min_length=1)


class Resolutions(_Strict):
    description: str = ""
    cycles: list[CycleResult] = []
    events: list[Event] = []


def load_resolutions(path: str | Path, lens: Lens) -> Resolutions:
    path = Path(path)
    try:
        data = yaml.safe_load(path.read_text("utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise ResolutionError(f"{path}: cannot read: {exc}".replace("\n", " ")) from exc
    try:
        res = Resolutions.model_validate(data or {})
    except ValidationError as exc:
        first = exc.errors()[0]
        raise ResolutionError(f"{path}: {'.'.join(map(str, first['loc']))}: {first['msg']}") from exc
    for i, event in enumerate(res.events):
        if not (event.query or event.development):
            raise ResolutionError(f"{path}: events.{i}: give a development id or a text query")
        for key, value, known in (
            ("outcome", event.outcome, lens.outcome_ids),
            ("domain", event.domain, lens.domain_ids),
        ):
            if value and value not in known:
                raise ResolutionError(f"{path}: events.{i}.{key}: unknown {key} {value!r}")
    for i, cycle in enumerate(res.cycles):
        if cycle.winner not in lens.outcome_ids:
            raise ResolutionError(f"{path}: cycles.{i}.winner: unknown outcome {cycle.winner!r}")
    return res


def match_event(store: Store, lens: Lens, event: Event) -> list[StoredStatement]:
    """The statements that forecast `event`: its development's, or those its query finds."""
    if event.development:
        from scenariodesk.developments import developments_of

        # ids are a cycle's (as `developments --cycle` shows them), every cycle's without one
        devs = {d.id: d for d in developments_of(store, lens, event.cycle)}
        dev = devs.get(event.development)
        ids = list(dev.statements) if dev else []
    else:
        where = StatementFilter(outcome=event.outcome, domain=event.domain)
        ids = []
        for alternative in (event.query or "").split("|"):  # "talks | agreement": either
            ids += [
                h.id
                for h in store.search(alternative, where, limit=500)
                if h.kind == "statement" and h.id not in ids
            ]
    found = store.get_statements(ids)
    if event.cycle is not None:
        found = [
            s
            for s in found
            if (c := lens.cycle_for_date(s.document.date)) is not None and c.year == event.cycle
        ]
    return found


_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_NEGATIONS = {"no", "not", "never", "n't", "without", "nor"}


def event_probability(stored: StoredStatement, event: Event, lens: Lens) -> float:
    """The probability `stored` gives `event` (see the module's docstring)."""
    st = stored.statement
    text = st.sentence
    terms = [
        frozenset(lemma_forms(w))
        for part in (event.query or "").split("|")
        for w in _WORD.findall(part.lower())
    ]
    words = [(m.start(), m.end(), lemma_forms(m.group().lower())) for m in _WORD.finditer(text)]
    mention = next((w for w in words if any(w[2] & t for t in terms)), None)
    if mention is None:
        return st.probability
    start, end = _clause_at(text, mention[0], lens)
    cues = [(rule, m) for rule, m in lens.cues_in(False).finditer(text) if start <= m.start() < end]
    if not cues:
        return st.probability
    rule, cue = min(cues, key=lambda rm: abs(rm[1].start() - mention[0]))
    p = lens.cue_value(lens.cue_by_id[rule], cue)[1]
    between = text[min(cue.end(), mention[0]) : max(cue.start(), mention[0])].lower()
    between = between.replace("’", "'").replace("n't", " n't")  # "won’t" as "won't"
    if _NEGATIONS & set(between.split()):
        p = 1 - p  # "there will be no summit": a forecast that it will not happen
    return round(p, 3)


def _clause_at(text: str, at: int, lens: Lens) -> tuple[int, int]:
    start, end = 0, len(text)
    for m in lens.clause_breaks.finditer(text):
        if m.end() <= at:
            start = m.end()
        elif m.start() > at:
            end = m.start()
            break
    return start, end


# ------------------------------------------------------------------------ scoring
@dataclass
class GroupScore:
    group: str
    n: int = 0
    brier: float = 0.0
    log_score: float = 0.0


@dataclass(frozen=True)
class ScoredForecast:
    """One resolved forecast as scored: the statement, who made it, what happened."""

    statement_id: int
    document_id: int
    sentence_start: int
    sentence: str
    forecaster: str
    outlet: str
    date: str
    condition: str
    probability: float  # what the statement gave the event (event_probability)
    happened: bool
    brier: float


@dataclass
class ScoreReport:
    by: str
    scored: int
    set_aside: int  # conditioned on an outcome that did not win
    groups: list[GroupScore]
    overall: GroupScore
    calibration: list[dict[str, Any]] = field(default_factory=list)
    forecasts: list[ScoredForecast] = field(default_factory=list)  # every scored forecast


def forecaster(source: str, document: Document | DocumentRef) -> str:
    """Who is scored for a forecast: the named source, else the article's byline, else
    the outlet's unnamed author ("author (The Korea Times)"), never one "author" for all."""
    if source != "author":
        return source
    if document.author:
        return document.author
    return f"author ({document.outlet or 'unknown outlet'})"


def score_forecasts(store: Store, lens: Lens, by: str = "source") -> ScoreReport:
    if by not in GROUPS:
        raise ValueError(f"--by must be one of {', '.join(GROUPS)}")
    winners = {int(year): winner for year, winner in store.cycle_winners().items()}
    for cycle in lens.model.cycles:
        if cycle.winner:
            winners.setdefault(cycle.year, cycle.winner)
    sums: dict[str, list[float]] = defaultdict(lambda: [0, 0.0, 0.0])
    total = [0, 0.0, 0.0]
    bins = [[0, 0.0, 0] for _ in range(BINS)]
    set_aside = 0
    forecasts: list[ScoredForecast] = []
    conditional = lens.conditional_forecast
    for stored, happened, stated in store.resolved_forecasts():
        st, doc = stored.statement, stored.document
        if conditional.search(st.sentence):
            # "A summit will be possible only when Pyongyang ...": a forecast under a
            # condition of its own, not of the event; set aside with the lost outcomes.
            set_aside += 1
            continue
        cycle = lens.cycle_for_date(doc.date)
        winner = winners.get(cycle.year) if cycle else None
        if st.condition != "any" and winner is not None and st.condition != winner:
            set_aside += 1
            continue
        p = min(max(stated, 0.01), 0.99)
        y = 1.0 if happened else 0.0
        brier = (p - y) ** 2
        forecasts.append(_scored(stored, happened, stated, round(brier, 4)))
        log = math.log(p if happened else 1 - p)
        keys = {
            "source": [forecaster(st.source, doc)],
            "outlet": [doc.outlet or "unknown"],
            "domain": list(st.domains),
        }[by]
        for key in keys:
            acc = sums[key]
            acc[0] += 1
            acc[1] += brier
            acc[2] += log
        total[0] += 1
        total[1] += brier
        total[2] += log
        b = bins[min(int(p * BINS), BINS - 1)]
        b[0] += 1
        b[1] += p
        b[2] += int(happened)

    def finish(name: str, acc: list[float]) -> GroupScore:
        n = int(acc[0])
        return GroupScore(name, n, round(acc[1] / n, 4) if n else 0.0, round(acc[2] / n, 4) if n else 0.0)

    groups = sorted((finish(k, v) for k, v in sums.items()), key=lambda g: (g.brier, -g.n, g.group))
    calibration = [
        {
            "bin": f"{i / BINS:.1f}-{(i + 1) / BINS:.1f}",
            "n": n,
            "mean_probability": round(psum / n, 3) if n else None,
            "observed": round(hits / n, 3) if n else None,
        }
        for i, (n, psum, hits) in enumerate(bins)
    ]
    return ScoreReport(by, int(total[0]), set_aside, groups, finish("all", total), calibration, forecasts)


def _scored(stored: StoredStatement, happened: bool, probability: float, brier: float) -> ScoredForecast:
    st, doc = stored.statement, stored.document
    return ScoredForecast(
        statement_id=stored.id,
        document_id=doc.id,
        sentence_start=st.sentence_span[0],
        sentence=st.sentence,
        forecaster=forecaster(st.source, doc),
        outlet=doc.outlet,
        date=doc.date,
        condition=st.condition,
        probability=probability,
        happened=happened,
        brier=brier,
    )


def reliability_png(calibration: list[dict[str, Any]], scored: int) -> bytes:
    """Reliability diagram: observed frequency against stated probability, per bin."""
    import io

    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(4.5, 4.2))
    ax.plot([0, 1], [0, 1], "--", color="#999", label="perfect calibration")
    points = [(c["mean_probability"], c["observed"], c["n"]) for c in calibration if c["n"]]
    if points:
        xs, ys, ns = zip(*points, strict=True)
        ax.scatter(
            xs, ys, s=[30 + 12 * n for n in ns], color="#1f2a37", zorder=3, label="forecasts (size = count)"
        )
        ax.plot(xs, ys, color="#1f2a37")
    ax.set_xlim(0, 1)
    ax.set_ylim(0, 1)
    ax.set_xlabel("stated probability")
    ax.set_ylabel("observed frequency")
    ax.set_title(f"Reliability ({scored} scored forecasts)")
    ax.legend(loc="upper left", fontsize=8)
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=120, bbox_inches="tight")
    plt.close(fig)
    return buffer.getvalue()
