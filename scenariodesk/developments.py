"""Group statements under each outcome into developments: the projected events they share.

Two statements belong to one development when they are under the same outcome, share a
domain, and their content words overlap (Jaccard of content-word sets, after dropping
stop words, likelihood cues and candidate names). Greedy single pass, strongest
statements first, so each development is seeded by its clearest statement.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from spacy.lang.en.stop_words import STOP_WORDS

from scenariodesk.lens import Lens
from scenariodesk.models import StoredStatement, direction_of, sign_of, source_key

SIMILARITY = 0.2  # Jaccard of content words above which a statement joins a development
_WORD = re.compile(r"[a-z][a-z'-]{2,}")
_LABEL_WORDS = 12


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

    @property
    def support(self) -> int:
        return len(self.statements)


def find_developments(
    statements: Iterable[StoredStatement], lens: Lens, *, outcome: str | None = None
) -> list[Development]:
    """Developments per outcome, most likely first within each outcome."""
    ignore = _ignored_words(lens)
    clusters: list[_Cluster] = []
    ordered = sorted(
        (s for s in statements if not outcome or s.statement.condition == outcome),
        key=lambda s: (-s.statement.probability, s.id),
    )
    for stored in ordered:
        words = _content_words(stored.statement.sentence, ignore)
        best, best_score = None, SIMILARITY
        for cluster in clusters:
            if (
                cluster.outcome != stored.statement.condition
                or not set(stored.statement.domains) & cluster.domains
            ):
                continue
            score = _jaccard(words, cluster.words)
            if score >= best_score:
                best, best_score = cluster, score
        if best is None:
            best = _Cluster(stored.statement.condition)
            clusters.append(best)
        best.add(stored, words)
    developments = [c.development(i, lens) for i, c in enumerate(clusters)]
    order = {o: i for i, o in enumerate(lens.outcome_ids)}
    developments.sort(
        key=lambda d: (order.get(d.outcome, 99), -d.probability * max(abs(d.impact), 0.1), d.id)
    )
    return developments


def _ignored_words(lens: Lens) -> set[str]:
    names = {w.lower() for o in lens.model.outcomes for n in o.names for w in n.split()}
    return set(STOP_WORDS) | names | {w.lower() for w in lens.model.development_stopwords}


def _content_words(sentence: str, ignore: set[str]) -> set[str]:
    words = set()
    for word in _WORD.findall(sentence.lower()):
        word = word.strip("'-")
        if word in ignore or len(word) < 3:
            continue
        words.add(word[:-1] if word.endswith("s") and len(word) > 4 else word)
    return words


def _jaccard(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def _logit(p: float) -> float:
    p = min(max(p, 0.01), 0.99)
    return math.log(p / (1 - p))


class _Cluster:
    def __init__(self, outcome: str) -> None:
        self.outcome = outcome
        self.members: list[StoredStatement] = []
        self.words: set[str] = set()
        self.domains: set[str] = set()
        self.domain_counts: Counter[str] = Counter()

    def add(self, stored: StoredStatement, words: set[str]) -> None:
        if not self.members:
            self.words = set(words)  # the seed statement defines what the development is about
        self.members.append(stored)
        self.domains.update(stored.statement.domains)
        self.domain_counts.update(stored.statement.domains)

    def development(self, index: int, lens: Lens) -> Development:
        by_source: dict[str, list[float]] = {}
        for m in self.members:
            key = source_key(m.statement.source, m.document.outlet, m.document.id)
            by_source.setdefault(key, []).append(_logit(m.statement.probability))
        pooled = sum(sum(v) / len(v) for v in by_source.values()) / len(by_source)
        probability = 1 / (1 + math.exp(-pooled))
        weight = sum(m.statement.probability for m in self.members)
        impact = sum(sign_of(m.statement.direction) * m.statement.probability for m in self.members) / weight
        seed = self.members[0]
        return Development(
            id=f"{self.outcome}-{index + 1}",
            outcome=self.outcome,
            label=_label(seed),
            domains=tuple(d for d, _ in self.domain_counts.most_common(3)),
            probability=round(probability, 3),
            impact=round(impact, 3),
            direction=direction_of(impact),
            statements=tuple(m.id for m in self.members),
            sources=tuple(sorted({m.statement.source for m in self.members})),
            outlets=tuple(sorted({m.document.outlet for m in self.members if m.document.outlet})),
            dates=tuple(sorted({m.document.date for m in self.members if m.document.date})),
            representative=seed.id,
        )


def _label(stored: StoredStatement) -> str:
    """The seed statement's consequence clause around its cue, e.g. "the U.S. security
    umbrella may weaken": up to six words before the cue and seven after, within the
    clause (commas, "that" and "if" end it)."""
    st = stored.statement
    start = st.cue.start - st.sentence_span[0]
    end = st.cue.end - st.sentence_span[0]
    if not 0 <= start < end <= len(st.sentence):
        return " ".join(st.sentence.split()[:_LABEL_WORDS])
    before = re.split(r"[,;:\"“”(]|\bthat\b|\bif\b|\bwhether\b", st.sentence[:start])[-1].split()[-6:]
    after = re.split(r"[,;:.!?\"“”()]| but | while | whereas ", st.sentence[end:], maxsplit=1)[0].split()[:7]
    return " ".join([*before, st.sentence[start:end], *after]).strip(" '’\"")
