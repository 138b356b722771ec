"""Statements -> the scenario matrix: outcome x domain cells with consensus, dissent and evidence."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from scenariodesk.lens import Lens
from scenariodesk.models import (
    Cell,
    CellSums,
    Evidence,
    Matrix,
    StatementFilter,
    StoredStatement,
    sign_of,
    source_key,
    strength_key,
)
from scenariodesk.schemas import MatrixOut, matrix_out
from scenariodesk.store import Store

EVIDENCE_PER_CELL = 3
# A cell's net direction: each source's vote is the mean of its statements' signed
# likelihoods (+p favourable, -p unfavourable, 0 mixed), so one talkative article is one
# vote; the votes are summed and divided by the number of sources plus this many neutral
# pseudo-sources, so a cell backed by one "could" reads -0.25, not a saturated -1.00, and
# grows toward its sources' consensus as more of them agree.
SHRINKAGE_SOURCES = 1


def build_matrix(
    statements: Iterable[StoredStatement],
    lens: Lens,
    *,
    outcome: str | None = None,
    domain: str | None = None,
    rows: Iterable[str] | None = None,
) -> Matrix:
    """One pass over the statements; only per-cell sums and the top evidence are kept.
    `rows` limits the outcomes shown (a cycle's candidates and "any")."""
    allowed = set(rows) if rows is not None else None
    acc: dict[tuple[str, str], _Accumulator] = defaultdict(_Accumulator)
    for stored in statements:
        st = stored.statement
        if (outcome and st.condition != outcome) or (allowed is not None and st.condition not in allowed):
            continue
        for d in st.domains:
            if domain and d != domain:
                continue
            acc[(st.condition, d)].add(stored)
    outcomes = tuple(o for o in lens.outcome_ids if any(k[0] == o for k in acc))
    domains = tuple(d for d in lens.domain_ids if not domain or d == domain)
    cells = {key: a.cell(*key) for key, a in acc.items()}
    return Matrix(
        outcomes=outcomes,
        domains=domains,
        cells=cells,
        labels=lens.labels,
        short_labels=lens.short_labels,
    )


class UnknownCycle(ValueError):
    """A cycle the lens does not have, or a value that is no cycle; the message says which."""


def pick_cycle(store: Store, lens: Lens, value: str | None) -> int | None:
    """The cycle a view shows: a year of the lens's cycles, every cycle for "all" (None),
    or by default (None or "") the latest cycle in the store (None when no document has one)."""
    if value == "all":
        return None
    if not value:
        known = store.cycles()
        return known[-1] if known else None
    if not value.isdigit():
        raise UnknownCycle(f"a cycle is a year of the lens's cycles or 'all' (got {value!r})")
    try:
        lens.cycle_outcomes(int(value))
    except KeyError as exc:
        raise UnknownCycle(str(exc.args[0])) from None
    return int(value)


def load_matrix(
    store: Store,
    lens: Lens,
    *,
    outcome: str | None = None,
    domain: str | None = None,
    cycle: int | None = None,
) -> Matrix:
    """The same matrix as `build_matrix` over the store's statements, aggregated in SQL:
    fast on stores of hundreds of thousands of statements. With one `cycle`, that cycle's
    statements, with its candidates (and "any") as rows."""
    sums = store.cell_sums(outcome=outcome, domain=domain, cycle=cycle)
    if cycle is not None:
        shown = set(lens.cycle_outcomes(cycle))
        sums = [c for c in sums if c.outcome in shown]
    top = {
        (c.outcome, c.domain): store.cell_evidence(c.outcome, c.domain, EVIDENCE_PER_CELL, cycle)
        for c in sums
    }
    wanted = [i for c in sums for i in top[(c.outcome, c.domain)]]
    by_id = {st.id: st for st in store.get_statements(wanted)}
    cells = {}
    for c in sums:
        acc = _Accumulator.from_sums(c)
        acc.top = [
            ((0.0, 0, 0), evidence_of(by_id[i])) for i in top.get((c.outcome, c.domain), []) if i in by_id
        ]
        cells[(c.outcome, c.domain)] = acc.cell(c.outcome, c.domain)
    outcomes = tuple(o for o in lens.outcome_ids if any(k[0] == o for k in cells))
    domains = tuple(d for d in lens.domain_ids if not domain or d == domain)
    return Matrix(
        outcomes=outcomes, domains=domains, cells=cells, labels=lens.labels, short_labels=lens.short_labels
    )


def matrix_view(
    store: Store, lens: Lens, cycle: int | None, *, outcome: str | None = None, domain: str | None = None
) -> tuple[Matrix, MatrixOut]:
    """A cycle's matrix and its schemas.MatrixOut with the corpus figures under the same
    filters: what `matrix --format json` prints and GET /api/v1/matrix answers."""
    matrix = load_matrix(store, lens, outcome=outcome, domain=domain, cycle=cycle)
    view = matrix_out(
        matrix,
        cycle,
        subject=lens.model.subject,
        cycles=store.cycles(),
        corpus=store.corpus_summary(StatementFilter(outcome=outcome, domain=domain, cycle=cycle)),
    )
    return matrix, view


def evidence_of(stored: StoredStatement) -> Evidence:
    """How a stored statement is cited."""
    st, doc = stored.statement, stored.document
    return Evidence(
        statement_id=stored.id,
        sentence=st.sentence,
        source=st.source,
        document_id=doc.id or 0,
        document_title=doc.title,
        outlet=doc.outlet,
        date=doc.date,
        direction=st.direction,
        likelihood=st.likelihood,
        probability=st.probability,
        sentence_start=st.sentence_span[0],
    )


class _Accumulator:
    def __init__(self) -> None:
        self.n = 0
        self.votes: float | None = None  # the sum of per-source votes, when counted elsewhere
        self.per_source: dict[str, list[float]] = defaultdict(list)
        self.weight = 0.0
        self.signs = {1: 0, -1: 0, 0: 0}
        self.sources: set[str] = set()
        self.source_count: int | None = None  # set when the sources were counted elsewhere
        self.top: list[tuple[tuple[float, int, int], Evidence]] = []

    @classmethod
    def from_sums(cls, sums: CellSums) -> _Accumulator:
        acc = cls()
        acc.n = sums.statements
        acc.votes = sums.weighted
        acc.weight = sums.weight
        acc.signs = {  # sources voting each way
            1: sums.favourable,
            -1: sums.unfavourable,
            0: sums.sources - sums.favourable - sums.unfavourable,
        }
        acc.source_count = sums.sources
        return acc

    def add(self, stored: StoredStatement) -> None:
        st, doc = stored.statement, stored.document
        sign = sign_of(st.direction)
        self.n += 1
        self.weight += st.probability
        key = source_key(st.source, doc.outlet, doc.id)
        self.sources.add(key)
        self.per_source[key].append(sign * st.probability)
        evidence = evidence_of(stored)
        # Strongest: most likely first, a named source before the author, then earliest.
        key = strength_key(st.probability, st.source, stored.id)
        self.top.append((key, evidence))
        self.top.sort(key=lambda item: item[0])
        del self.top[EVIDENCE_PER_CELL:]

    def cell(self, outcome: str, domain: str) -> Cell:
        sources = self.source_count if self.source_count is not None else len(self.sources)
        if self.votes is None:
            means = [sum(values) / len(values) for values in self.per_source.values()]
            votes = sum(means)
            self.signs = {1: sum(m > 0 for m in means), -1: sum(m < 0 for m in means), 0: 0}
            self.signs[0] = len(means) - self.signs[1] - self.signs[-1]
        else:
            votes = self.votes
        net = votes / (sources + SHRINKAGE_SOURCES) if sources else 0.0
        if net > 0:
            against = self.signs[-1]
        elif net < 0:
            against = self.signs[1]
        else:
            against = min(self.signs[1], self.signs[-1])
        return Cell(
            outcome=outcome,
            domain=domain,
            statements=self.n,
            sources=sources,
            net_direction=round(net, 3),
            mean_likelihood=round(self.weight / self.n, 3) if self.n else 0.0,
            dissent=round(against / sources, 3) if sources else 0.0,
            evidence=tuple(e for _, e in self.top),
        )
