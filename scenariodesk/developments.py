"""Group statements under each outcome into developments: the projected events they share.

A statement is represented by the lemmas of what it projects: its proposition (the clause
that carries the consequence, proposition.py), or for statements stored without one its
sentence without the condition phrase ("If Trump wins"), the likelihood cue and the
attribution ("said Victor Cha, a professor at ..."); never the names of candidates or
of the source. Lemmas are weighted by TF-IDF over the statements being grouped. Statements are taken in reading order (article by article) and
each joins the development whose statements it is most similar to on average, if that
similarity passes `SIMILARITY`; otherwise it starts a new one. Similarity is the cosine of
the lemma vectors plus smaller terms for shared domains, for the same direction of impact
(the alliance restored and the alliance shaken are two developments, however alike their
words) and for sitting near each other in one article (a source developing one point
over several sentences). Only statements
under the same outcome are compared; callers group one election cycle at a time.

One pass with an inverted index (a statement is compared only with developments that
share one of its weightiest lemmas, or its article), so it streams over large stores:
`benchmarks/developments.py` prints B-cubed precision/recall against the development gold
and the time on 100,000 statements.
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, Any

from spacy.lang.en.stop_words import STOP_WORDS

from scenariodesk.lens import Lens
from scenariodesk.models import (
    Statement,
    StatementFilter,
    StoredStatement,
    direction_of,
    sign_of,
    source_key,
)

if TYPE_CHECKING:
    from scenariodesk.store import Store
from scenariodesk.nlp import lemma

# Weights chosen on the development gold of the seeds and train (benchmarks/developments.py).
SIMILARITY = 0.45  # mean similarity to a development's statements above which a statement joins
SHARED_DOMAINS = 0.3  # x mean Jaccard of domain sets (approximated from counts)
SAME_DIRECTION = 0.2  # x share of statements with the statement's direction
SAME_ARTICLE = 0.05  # x share of statements from the same article
NEARBY = 0.2  # x share of statements within NEARBY_CHARS in the same article, same first domain
NEARBY_CHARS = 600
CANDIDATE_LEMMAS = 6  # a statement looks up developments through its weightiest lemmas...
CANDIDATES_PER_LEMMA = 32  # ...and the most recent developments holding each
_WORD = re.compile(r"[^\W\d_][\w'’-]+")


@dataclass(frozen=True)
class Development:
    id: str
    outcome: str
    label: str
    domains: tuple[str, ...]
    probability: float  # pooled: mean log-odds of each source's mean log-odds
    impact: float  # likelihood-weighted mean of +1/-1/0, in [-1, 1]
    direction: str
    statements: tuple[int, ...]
    sources: tuple[str, ...]
    outlets: tuple[str, ...]
    dates: tuple[str, ...]
    representative: int  # id of the strongest statement
    # How many statements back it; -1: count `statements` (a development read for a page
    # carries only its first statements, and its support from when it was grouped).
    support: int = -1

    def __post_init__(self) -> None:
        if self.support < 0:
            object.__setattr__(self, "support", len(self.statements))


def developments_of(
    store: Store, lens: Lens, cycle: int | None, *, outcome: str | None = None, every_statement: bool = True
) -> list[Development]:
    """A cycle's developments (every cycle's with None), grouped once per state of the
    store (see `_grouped`). Without `every_statement` each lists only its first
    PAGE_STATEMENTS statements (its `support` still counts them all): enough for the
    simulation and the memo, and much less to read on a large store."""
    key = _grouped(store, lens, cycle)
    rows = store.derived_rows(key, outcome or None, detail=every_statement)
    return [_from_json(p, d) for p, d in rows]


def development_page(
    store: Store, lens: Lens, cycle: int | None, outcome: str | None, offset: int, limit: int
) -> tuple[dict[str, Any], list[Development]]:
    """({"developments": n, "pooled": n backed by several sources}, one page of them),
    reading only that page's rows."""
    key = _grouped(store, lens, cycle)
    summary = json.loads(store.cached(key)[1])  # type: ignore[index]
    counts = summary.get(outcome, {"developments": 0, "pooled": 0}) if outcome else summary["all"]
    rows = store.derived_rows(key, outcome or None, limit=limit, offset=offset)
    return counts, [_from_json(p) for p, _ in rows]


def _grouped(store: Store, lens: Lens, cycle: int | None) -> str:
    """The cache key of a cycle's developments, grouping them first if the store changed
    since: kept in the store's derived cache under the lens's fingerprint and the
    store's generation, which every saved analysis bumps, so a large store groups its
    statements once after it changes, not on every page, simulation or memo."""
    key = f"developments:{lens.fingerprint}:{'all' if cycle is None else cycle}"
    now = store.generation()
    hit = store.cached(key)
    if hit is None or hit[0] != now:
        found = find_developments(store.iter_statements(StatementFilter(cycle=cycle)), lens)
        summary: dict[str, dict[str, int]] = {"all": _counts(found)}
        for o in {d.outcome for d in found}:
            summary[o] = _counts([d for d in found if d.outcome == o])
        rows = [(d.outcome, *_to_json(d)) for d in found]
        store.cache(key, now, json.dumps(summary), rows)
    return key


def _counts(found: list[Development]) -> dict[str, int]:
    return {"developments": len(found), "pooled": sum(1 for d in found if len(d.sources) > 1)}


def warm_developments(store: Store, lens: Lens) -> None:
    """Group each cycle's statements now (after an analysis), so that the first page,
    simulation or memo does not wait for it."""
    for year in store.cycles():
        developments_of(store, lens, year)


# A development is stored as a light payload (its first PAGE_STATEMENTS statements, its
# support the whole count) and the full list of its statements apart: a page reads the
# payloads only.
PAGE_STATEMENTS = 10


def _to_json(d: Development) -> tuple[str, str]:
    head = asdict(d) | {"statements": list(d.statements[:PAGE_STATEMENTS])}
    return json.dumps(head, ensure_ascii=False), json.dumps(list(d.statements))


def _from_json(payload: str, detail: str = "") -> Development:
    data = json.loads(payload)
    if detail:
        data["statements"] = json.loads(detail)
    return Development(**{k: tuple(v) if isinstance(v, list) else v for k, v in data.items()})


def find_developments(
    statements: Iterable[StoredStatement], lens: Lens, *, outcome: str | None = None
) -> list[Development]:
    """Developments per outcome, most likely first within each outcome."""
    ignore = _ignored_words(lens)
    items = [
        _Item(stored, _lemmas(stored, ignore, lens))
        for stored in statements
        if not outcome or stored.statement.condition == outcome
    ]
    _weigh(items)
    items.sort(key=lambda it: (it.stored.document.id, it.stored.statement.sentence_span[0], it.stored.id))
    grouping = _Grouping()
    for item in items:
        grouping.add(item)
    developments = [c.development(i, lens) for i, c in enumerate(grouping.clusters)]
    order = {o: i for i, o in enumerate(lens.outcome_ids)}
    developments.sort(
        key=lambda d: (order.get(d.outcome, 99), -d.probability * max(abs(d.impact), 0.1), d.id)
    )
    return developments


def _ignored_words(lens: Lens) -> set[str]:
    names = {w.lower() for o in lens.model.outcomes for n in o.names for w in n.split()}
    return (
        set(STOP_WORDS)
        | names
        | {w.lower() for w in lens.model.development_stopwords}
        | set(lens.titles)
        | set(lens.organization_heads)
    )


def _without_frame(st: Statement, lens: Lens) -> str:
    """The sentence without its condition phrase, cue and reporting verbs."""
    text = st.sentence
    offset = st.sentence_span[0]
    spans = [(st.cue.start - offset, st.cue.end - offset)]
    if st.condition_phrase:
        spans.append((st.condition_phrase.start - offset, st.condition_phrase.end - offset))
    for start, end in sorted(spans, reverse=True):
        if 0 <= start < end <= len(text):
            text = text[:start] + " " + text[end:]
    for _, m in lens.reporting.finditer(text):
        text = text[: m.start()] + " " * (m.end() - m.start()) + text[m.end() :]
    return text


def _lemmas(stored: StoredStatement, ignore: set[str], lens: Lens) -> list[str]:
    """The lemmas of what the statement projects (see the module's docstring)."""
    st = stored.statement
    text = st.proposition or _without_frame(st, lens)
    attribution = {w.lower() for w in f"{st.source} {st.source_phrase}".split()}
    out = []
    for word in _WORD.findall(text.lower()):
        word = word.strip("'’-")
        if len(word) < 3 or word in ignore or word in attribution:
            continue
        base = lemma(word)
        if base not in ignore:
            out.append(base)
    return out


@dataclass
class _Item:
    stored: StoredStatement
    lemmas: list[str]
    vector: dict[str, float] = field(default_factory=dict)


def _weigh(items: list[_Item]) -> None:
    """Unit TF-IDF vectors: lemmas shared by few statements weigh most."""
    df = Counter(w for it in items for w in set(it.lemmas))
    n = len(items)
    for it in items:
        tf = Counter(it.lemmas)
        raw = {w: (1 + math.log(c)) * math.log((n + 1) / (df[w] + 0.5)) for w, c in tf.items()}
        norm = math.sqrt(sum(v * v for v in raw.values())) or 1.0
        it.vector = {w: v / norm for w, v in raw.items()}


def _logit(p: float) -> float:
    p = min(max(p, 0.01), 0.99)
    return math.log(p / (1 - p))


class _Cluster:
    """A development being built: its statements and the sums that score a newcomer."""

    def __init__(self, outcome: str) -> None:
        self.outcome = outcome
        self.members: list[_Item] = []
        self.centroid: Counter[str] = Counter()  # sum of the members' vectors
        self.domain_counts: Counter[str] = Counter()  # statements per domain
        self.domains_total = 0  # sum of the members' numbers of domains
        self.directions: Counter[str] = Counter()  # statements per direction
        self.places: dict[int, list[tuple[int, str]]] = defaultdict(list)  # article -> (offset, domain)

    def score(self, item: _Item) -> float:
        """Mean similarity of `item` to the members."""
        st, size = item.stored.statement, len(self.members)
        cosine = sum(v * self.centroid.get(w, 0.0) for w, v in item.vector.items()) / size
        # Mean Jaccard of domain sets, from per-domain counts (O(domains), not O(members)):
        # the mean overlap over the mean union.
        overlap = sum(self.domain_counts[d] for d in st.domains) / size
        union = len(st.domains) + self.domains_total / size - overlap
        shared = overlap / union if union > 0 else 0.0
        same_direction = self.directions[st.direction] / size
        places = self.places.get(item.stored.document.id, [])
        nearby = sum(
            1
            for offset, domain in places
            if abs(offset - st.sentence_span[0]) < NEARBY_CHARS and st.domains and domain == st.domains[0]
        )
        return (
            cosine
            + SHARED_DOMAINS * shared
            + SAME_DIRECTION * same_direction
            + SAME_ARTICLE * len(places) / size
            + NEARBY * nearby / size
        )

    def add(self, item: _Item) -> None:
        st = item.stored.statement
        self.members.append(item)
        self.centroid.update(item.vector)
        self.domain_counts.update(st.domains)
        self.domains_total += len(st.domains)
        self.directions[st.direction] += 1
        self.places[item.stored.document.id].append(
            (st.sentence_span[0], st.domains[0] if st.domains else "")
        )

    def representative(self) -> StoredStatement:
        """The member closest to the development's centre (ties: the likeliest)."""
        best = max(
            self.members,
            key=lambda it: (
                sum(v * self.centroid.get(w, 0.0) for w, v in it.vector.items()),
                it.stored.statement.probability,
                -it.stored.id,
            ),
        )
        return best.stored

    def development(self, index: int, lens: Lens) -> Development:
        members = [it.stored for it in self.members]
        by_source: dict[str, list[float]] = {}
        for m in members:
            key = source_key(m.statement.source, m.document.outlet, m.document.id)
            by_source.setdefault(key, []).append(_logit(m.statement.probability))
        pooled = sum(sum(v) / len(v) for v in by_source.values()) / len(by_source)
        probability = 1 / (1 + math.exp(-pooled))
        weight = sum(m.statement.probability for m in members)
        impact = sum(sign_of(m.statement.direction) * m.statement.probability for m in members) / weight
        seed = self.representative()
        return Development(
            id=f"{self.outcome}-{index + 1}",
            outcome=self.outcome,
            label=_label(seed),
            domains=tuple(d for d, _ in self.domain_counts.most_common(3)),
            probability=round(probability, 3),
            impact=round(impact, 3),
            direction=direction_of(impact),
            statements=tuple(m.id for m in members),
            sources=tuple(sorted({m.statement.source for m in members})),
            outlets=tuple(sorted({m.document.outlet for m in members if m.document.outlet})),
            dates=tuple(sorted({m.document.date for m in members if m.document.date})),
            representative=seed.id,
        )


class _Grouping:
    """The one pass: each statement joins its most similar development or starts one."""

    def __init__(self) -> None:
        self.clusters: list[_Cluster] = []
        self.by_lemma: dict[tuple[str, str], list[int]] = defaultdict(list)
        self.by_article: dict[tuple[str, int], list[int]] = defaultdict(list)

    def add(self, item: _Item) -> None:
        outcome = item.stored.statement.condition
        article = (outcome, item.stored.document.id)
        weightiest = sorted(item.vector, key=lambda w: (-item.vector[w], w))[:CANDIDATE_LEMMAS]
        candidates = set(self.by_article[article])
        for w in weightiest:
            candidates.update(self.by_lemma[(outcome, w)][-CANDIDATES_PER_LEMMA:])
        best, best_score = None, SIMILARITY
        for index in sorted(candidates):
            score = self.clusters[index].score(item)
            if score > best_score:
                best, best_score = index, score
        if best is None:
            best = len(self.clusters)
            self.clusters.append(_Cluster(outcome))
        self.clusters[best].add(item)
        for w in item.vector:
            postings = self.by_lemma[(outcome, w)]
            if not postings or postings[-1] != best:
                postings.append(best)
        if best not in self.by_article[article]:
            self.by_article[article].append(best)


def _label(stored: StoredStatement) -> str:
    """What the development projects, in its representative statement's words: the
    proposition (the consequence clause with its subject, see proposition.py), or the
    sentence for statements stored before propositions were kept."""
    return stored.statement.quotable.rstrip(" .")
