"""The shapes the CLI's JSON and the JSON API share, as pydantic models.

`scenariodesk matrix --format json`, `/download/matrix.json` and `GET /api/v1/matrix`
print one `MatrixOut`; `statements --format json` and `GET /api/v1/statements` print
`StatementOut`s. The API declares them as response models, so `/openapi.json` publishes
them. Built from the records of models.py, whose dataclasses (Evidence, Span) they embed
as they are; nothing here reads the store.
"""

from __future__ import annotations

import math
from dataclasses import asdict

from pydantic import BaseModel, ConfigDict, Field

from scenariodesk.models import Cell, CorpusSummary, Evidence, Matrix, Span, StoredStatement


class _Out(BaseModel):
    model_config = ConfigDict(frozen=True)


class CellOut(_Out):
    outcome: str
    domain: str
    statements: int
    sources: int
    net_direction: float = Field(
        description="-1..+1: each source votes once (its statements' signed likelihoods averaged), "
        "the votes summed and divided by the number of sources plus one"
    )
    mean_likelihood: float
    dissent: float = Field(description="Share of sources whose vote opposes the net direction")
    strength: float = Field(
        description="0.2..1: the cell's statements relative to the fullest cell, log scale"
    )
    evidence: list[Evidence] = Field(description="The strongest statements on each side")


class LabelOut(_Out):
    id: str
    label: str
    short: str


class MatrixRowOut(_Out):
    outcome: str
    label: str
    cells: list[CellOut | None] = Field(description="One per domain, in `domains` order; null when empty")


class MatrixOut(_Out):
    cycle: int | None = Field(description="The election cycle shown; null for every cycle")
    cycles: list[int] | None = Field(default=None, description="Every cycle in the store")
    subject: str = Field(default="", description="Whose interests the directions are about")
    domains: list[LabelOut]
    rows: list[MatrixRowOut]
    statements: int | None = None
    documents: int | None = None
    sources: int | None = None
    first_date: str | None = None
    last_date: str | None = None


class StatementOut(_Out):
    id: int
    document_id: int
    document: str = Field(description="The document's path or URL as ingested")
    document_title: str
    outlet: str
    date: str
    sentence: str
    sentence_span: list[int]
    condition: str = Field(description="The outcome the consequence depends on")
    condition_phrase: Span | None
    domains: list[str]
    direction: str
    likelihood: str
    probability: float
    cue: Span
    source: str
    source_phrase: str
    proposition: str = Field(description="The consequence clause as a reader can quote it")
    rules: list[str] = Field(description="The trace: which rule of each step decided")


class StatementsPage(_Out):
    total: int
    limit: int
    offset: int
    statements: list[StatementOut]


def strength(statements: int, most: int) -> float:
    """0.2..1: how much evidence a cell has next to the fullest cell (log scale)."""
    return round(0.2 + 0.8 * math.log1p(statements) / math.log1p(max(most, 1)), 3)


def matrix_out(
    matrix: Matrix,
    cycle: int | None,
    *,
    subject: str = "",
    cycles: list[int] | None = None,
    corpus: CorpusSummary | None = None,
) -> MatrixOut:
    most = max((c.statements for c in matrix.cells.values()), default=1)

    def cell(c: Cell | None) -> CellOut | None:
        if c is None:
            return None
        return CellOut(
            **{**c.__dict__, "evidence": list(c.evidence), "strength": strength(c.statements, most)}
        )

    return MatrixOut(
        cycle=cycle,
        cycles=cycles,
        subject=subject,
        domains=[
            LabelOut(id=d, label=matrix.labels.get(d, d), short=matrix.short_labels.get(d, d))
            for d in matrix.domains
        ],
        rows=[
            MatrixRowOut(
                outcome=o,
                label=matrix.labels.get(o, o),
                cells=[cell(matrix.cell(o, d)) for d in matrix.domains],
            )
            for o in matrix.outcomes
        ],
        **(asdict(corpus) if corpus else {}),
    )


def statement_out(stored: StoredStatement) -> StatementOut:
    st, doc = stored.statement, stored.document
    return StatementOut(
        id=stored.id,
        document_id=doc.id,
        document=doc.path,
        document_title=doc.title,
        outlet=doc.outlet,
        date=doc.date,
        sentence=st.sentence,
        sentence_span=list(st.sentence_span),
        condition=st.condition,
        condition_phrase=st.condition_phrase,
        domains=list(st.domains),
        direction=st.direction,
        likelihood=st.likelihood,
        probability=st.probability,
        cue=st.cue,
        source=st.source,
        source_phrase=st.source_phrase,
        proposition=st.proposition,
        rules=list(st.rules),
    )
