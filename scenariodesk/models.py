"""Frozen records handed from one stage to the next: Document, Statement, Cell, Matrix."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass(frozen=True)
class Document:
    """A cleaned article as ingested: body text plus provenance."""

    text: str
    path: str = ""
    title: str = ""
    date: str = ""  # ISO date, "" when unknown
    date_precision: str = ""  # day | month | year | approx | ""
    outlet: str = ""
    author: str = ""
    url: str = ""
    language: str = "en"
    removed: tuple[str, ...] = ()  # junk lines dropped by the cleaner, in order
    id: int | None = None
    warnings: tuple[str, ...] = ()  # what ingest noticed but read anyway (not stored)


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Statement:
    """One scenario statement: a projected consequence under an election outcome."""

    sentence: str
    sentence_span: tuple[int, int]
    condition: str
    domains: tuple[str, ...]
    direction: str  # "+", "-" or "0"
    likelihood: str  # ICD-203 band id
    probability: float
    cue: Span
    condition_phrase: Span | None
    source: str  # canonical name, or "author"
    source_phrase: str  # the words that attributed it ("experts said"), "" for the author
    rules: tuple[str, ...]
    doc_id: int | None = None
    # The clause that carries the consequence, as a reader can quote it (proposition.py);
    # "" where analysis did not give one (the sentence stands in).
    proposition: str = ""

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @property
    def quotable(self) -> str:
        """The proposition, or the sentence when there is none."""
        return self.proposition or self.sentence


@dataclass(frozen=True)
class Recommendation:
    """Advice or a planned response for the subject country ("Seoul should ...")."""

    sentence: str
    sentence_span: tuple[int, int]
    outcome: str  # the outcome it prepares for, "any" when none is named or in context
    domains: tuple[str, ...]
    rule: str
    source: str


@dataclass(frozen=True)
class SignpostHit:
    """A sentence that reports one of the lens's signposts."""

    signpost: str
    sentence: str
    sentence_span: tuple[int, int]
    match: Span


@dataclass(frozen=True)
class FactClaim:
    """A number the text gives for one of the lens's reference facts."""

    fact: str
    value: float
    sentence: str
    sentence_span: tuple[int, int]
    match: Span
    source: str
    verdict: str  # "consistent" | "contradicts"


@dataclass(frozen=True)
class Analysis:
    """Everything analysis finds in one document."""

    statements: tuple[Statement, ...] = ()
    recommendations: tuple[Recommendation, ...] = ()
    signposts: tuple[SignpostHit, ...] = ()
    claims: tuple[FactClaim, ...] = ()
    failure: str = ""  # why the document could not be analyzed ("" when it was)
    cycle: int | None = None  # the election cycle the lens places the document in


@dataclass(frozen=True)
class Evidence:
    """A statement as a cell, a memo or a page cites it: what was said, by whom, where."""

    statement_id: int
    sentence: str
    source: str
    document_id: int
    document_title: str
    outlet: str
    date: str
    direction: str
    likelihood: str
    probability: float
    sentence_start: int = 0  # where the sentence starts in its document (the link anchor)


@dataclass(frozen=True)
class Cell:
    outcome: str
    domain: str
    statements: int
    sources: int
    net_direction: float  # in [-1, 1], likelihood-weighted mean of +1/-1/0
    mean_likelihood: float
    dissent: float  # share of sources whose vote opposes the cell's net direction
    evidence: tuple[Evidence, ...] = ()


@dataclass(frozen=True)
class Matrix:
    outcomes: tuple[str, ...]
    domains: tuple[str, ...]
    cells: dict[tuple[str, str], Cell] = field(default_factory=dict)
    labels: dict[str, str] = field(default_factory=dict)
    short_labels: dict[str, str] = field(default_factory=dict)

    def cell(self, outcome: str, domain: str) -> Cell | None:
        return self.cells.get((outcome, domain))


# ---------------------------------------------------------------- stored records
# What the store hands back; every module that reads the store takes its types from here.


@dataclass(frozen=True)
class StatementFilter:
    """Which statements a query returns; None means any."""

    outcome: str | None = None
    domain: str | None = None
    source: str | None = None  # case-insensitive substring of the source name
    document_id: int | None = None
    outlet: str | None = None  # exact outlet name
    language: str | None = None  # the document's language ("en", "ko")
    date_from: str | None = None  # ISO dates, inclusive
    date_to: str | None = None
    min_probability: float | None = None
    direction: str | None = None
    cycle: int | None = None  # the election cycle analysis placed the document in

    def documents_only(self) -> StatementFilter:
        """The fields that filter documents (outlet, language, dates), for lists and
        passages that have no statement."""
        return StatementFilter(
            outlet=self.outlet,
            language=self.language,
            date_from=self.date_from,
            date_to=self.date_to,
            cycle=self.cycle,
        )


@dataclass(frozen=True)
class CorpusSummary:
    """What a set of statements stands on: articles, statements, sources, date range."""

    documents: int
    statements: int
    sources: int  # one per named source, one per outlet's unsigned voice
    first_date: str
    last_date: str


@dataclass(frozen=True)
class DocumentRow:
    """One line of the documents list."""

    id: int
    title: str
    date: str
    outlet: str
    language: str
    path: str
    statements: int
    status: str  # analyzed | pending | failed


@dataclass(frozen=True)
class CellSums:
    """Per-cell sums from which aggregate.py derives consensus and dissent."""

    outcome: str
    domain: str
    statements: int
    sources: int
    weighted: float  # sum over sources of each source's mean signed probability (its vote)
    weight: float  # sum of probability
    favourable: int  # sources whose vote is favourable
    unfavourable: int  # sources whose vote is unfavourable


@dataclass(frozen=True)
class SearchHit:
    kind: str  # "statement" or "passage"
    id: int
    document_id: int
    document_title: str
    outlet: str
    date: str
    snippet: str  # the matching text, with the hits between \x02 and \x03
    condition: str = ""
    source: str = ""


@dataclass(frozen=True)
class DocumentRef:
    """A stored document's provenance without its text: what a statement cites."""

    id: int
    path: str = ""
    title: str = ""
    date: str = ""
    outlet: str = ""
    url: str = ""
    author: str = ""  # the byline, when the metadata has one
    language: str = "en"


@dataclass(frozen=True)
class StoredStatement:
    id: int
    statement: Statement
    document: DocumentRef


@dataclass(frozen=True)
class Alert:
    key: str
    kind: str  # "signpost" | "cell"
    message: str
    payload: dict[str, object]

    def line(self) -> str:
        return f"ALERT {self.kind}: {self.message}"


@dataclass(frozen=True)
class Finding:
    """A sentence analysis found besides statements, with its document's provenance."""

    id: int
    document_id: int
    sentence: str
    sentence_start: int
    sentence_end: int
    document_title: str
    outlet: str
    date: str


@dataclass(frozen=True)
class StoredRecommendation(Finding):
    outcome: str = ""
    domains: tuple[str, ...] = ()
    rule: str = ""
    source: str = "author"


@dataclass(frozen=True)
class SignpostReport(Finding):
    signpost: str = ""
    match: str = ""
    alert_key: str = ""  # one alert per signpost and document


@dataclass(frozen=True)
class StoredFactClaim(Finding):
    fact: str = ""
    value: float = 0.0
    match: str = ""
    source: str = "author"
    verdict: str = ""


AUTHOR = "author"  # the source of a projection the article itself makes


def source_key(source: str, outlet: str, document_id: int | None) -> str:
    """Who a statement counts as when sources vote ("one source, one vote"): a named
    source by name; the unnamed author per outlet ("author@Yonhap"), or per document
    when the outlet is unknown."""
    return source if source != AUTHOR else f"{AUTHOR}@{outlet or document_id}"


# ---------------------------------------------------------------- the direction scale
# One place for how a direction reads: the sign of "+"/"-"/"0", the thresholds past which
# a net direction (-1..+1) leans or is broad, and the words for each.
DIRECTION_WORDS = {"+": "favourable", "-": "unfavourable", "0": "mixed"}
LEANING = 0.15  # |net| above this leans one way
BROAD = 0.5  # |net| above this is broadly one way


def sign_of(direction: str) -> float:
    """+1, -1 or 0 for a statement's direction."""
    return {"+": 1.0, "-": -1.0}.get(direction, 0.0)


def direction_of(net: float) -> str:
    """The direction a net value (-1..+1) reads as: "+", "-", or "0" inside ±LEANING."""
    return "+" if net > LEANING else "-" if net < -LEANING else "0"


def verdict(net: float) -> str:
    """A net direction in words: broadly or leaning favourable/unfavourable, or mixed."""
    word = DIRECTION_WORDS[direction_of(net)]
    if word == "mixed":
        return word
    return f"{'broadly' if abs(net) > BROAD else 'leaning'} {word}"


def strength_key(probability: float, source: str, statement_id: int) -> tuple[float, int, int]:
    """The strongest evidence first: likeliest, a named source before the author, then the
    earliest statement (the store's STRONGEST_FIRST and cell_evidence order the same way)."""
    return (-probability, 0 if source != AUTHOR else 1, statement_id)
