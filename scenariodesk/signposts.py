"""Signposts found in a sentence: by the lens's phrase pattern, or by lemmas on the
dependency parse (an `event` verb whose argument holds an `object` word and, when the
signpost names one, an `about` word), in any word order.

Only a sentence holding words of all of a signpost's lemma sets is parsed (few are), so
this costs analysis nearly nothing; the sentence may already be parsed for attribution.
"""

from __future__ import annotations

import re
import weakref
from collections.abc import Iterator
from functools import lru_cache

from spacy.tokens import Doc, Token

from scenariodesk.lens import Lens
from scenariodesk.lens.schema import Signpost
from scenariodesk.nlp import lemma_forms, parser
from scenariodesk.sentences import MAX_PARSED, Sentence

_WORD = re.compile(r"[^\W\d_][\w.-]*")


@lru_cache(maxsize=65_536)
def _forms(word: str) -> frozenset[str]:
    return lemma_forms(word.lower().strip(".-"))


class _Vocabulary:
    """The signposts' lemmas, and what each word seen so far contributes to them: every
    sentence is checked with set operations, and a word's forms are computed once."""

    def __init__(self, lens: Lens) -> None:
        self.wanted = frozenset(w for sp in lens.model.signposts for w in (*sp.event, *sp.object, *sp.about))
        self.seen: set[str] = set()  # words whose forms were computed
        self.hits: dict[str, frozenset[str]] = {}  # those of them that are forms of a wanted lemma

    def lemmas(self, text: str) -> frozenset[str]:
        words = set(_WORD.findall(text.lower()))
        if len(self.seen) > 200_000:  # bounded memory on a long run
            self.seen.clear()
            self.hits.clear()
        if new := words - self.seen:
            self.seen |= new
            for word in new:
                if found := _forms(word) & self.wanted:
                    self.hits[word] = found
        present = words & self.hits.keys()
        return frozenset().union(*(self.hits[w] for w in present)) if present else frozenset()


_VOCABULARIES: weakref.WeakKeyDictionary[Lens, _Vocabulary] = weakref.WeakKeyDictionary()


def _present_lemmas(text: str, lens: Lens) -> frozenset[str]:
    """The signpost lemmas the words of `text` can be forms of."""
    vocabulary = _VOCABULARIES.get(lens)
    if vocabulary is None:
        vocabulary = _VOCABULARIES[lens] = _Vocabulary(lens)
    return vocabulary.lemmas(text)


def lemma_candidates(text: str, lens: Lens) -> list[Signpost]:
    """The signposts matched by lemmas whose every lemma set has a word in `text`: the
    sentences to parse for them (the analyzer parses them with the others, in a batch)."""
    wanted = [sp for sp in lens.model.signposts if sp.event]
    if not wanted:
        return []
    present = _present_lemmas(text, lens)
    return [
        sp
        for sp in wanted
        if present & set(sp.event) and present & set(sp.object) and (not sp.about or present & set(sp.about))
    ]


def find_signposts(
    s: Sentence, lens: Lens, candidates: list[Signpost] | None = None
) -> Iterator[tuple[str, int, int]]:
    """(signpost id, start, end) in the sentence's text, each signpost at most once;
    `candidates` as `lemma_candidates` gave them (computed here when not given)."""
    fired = set()
    for rule, m in lens.signposts.finditer(s.folded):
        if rule not in fired:
            fired.add(rule)
            yield rule, m.start(), m.end()
    if candidates is None:
        candidates = lemma_candidates(s.text, lens)
    candidates = [sp for sp in candidates if sp.id not in fired]
    if not candidates or (s.parsed is None and len(s.text) > MAX_PARSED):
        return
    doc = s.parsed if s.parsed is not None else parser()(s.text)
    for sp in candidates:
        found = _dependency_match(doc, set(sp.event), set(sp.object), set(sp.about))
        if found is not None:
            yield sp.id, *found


def _dependency_match(doc: Doc, event: set[str], obj: set[str], about: set[str]) -> tuple[int, int] | None:
    """The character span from the event word (a verb, or a noun naming the event) to the
    end of its argument, or None. The
    `about` word belongs to the object's phrase ("a USFK reduction plan", "a reduction of
    troops") or to a prepositional argument of the verb ("tariffs on Korean cars"); a
    negated object ("not a reduction") does not count."""
    for verb in doc:
        if not ((verb.tag_.startswith(("VB", "NN"))) and _forms(verb.text) & event) or _negated(verb):
            continue  # a verb or an event noun ("the dispatch of troops"); "was not announced" is none
        around = [t for p in verb.children if p.dep_ in ("prep", "dative") for t in p.subtree]
        for arg in verb.children:
            if arg.dep_ in ("aux", "auxpass", "neg", "punct", "cc", "nsubj"):
                continue
            for word in arg.subtree:
                if not _forms(word.text) & obj or _negated(word):
                    continue
                anchor = word.head if word.dep_ in ("compound", "amod", "nmod") else word
                if about and not any(_forms(t.text) & about for t in [*anchor.subtree, *around]):
                    continue
                return _span(verb, list(arg.subtree))
    return None


def _negated(word: Token) -> bool:
    before = word.doc[word.i - 2 : word.i]
    return any(c.dep_ == "neg" or c.lower_ == "no" for c in word.children) or any(
        t.lower_ in ("not", "no", "never") for t in before
    )


def _span(verb: Token, words: list[Token]) -> tuple[int, int]:
    tokens = [verb, *words]
    start = min(t.idx for t in tokens)
    end = max(t.idx + len(t.text) for t in tokens)
    return start, end
