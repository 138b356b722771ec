"""What a sentence says about a noun or an actor's aim rather than projects: a relative
clause with no modal, a participle after its noun ("projects frozen by sanctions", "the
Kaesong complex, shut down in February after the test,"), a purpose clause ("just to get
his attention"). Effects, themes, impact terms and domain terms found there are
background, not the consequence's (effects.py, direction.py, analyze.py); on the parse when
there is one (`in_background`), else on the words (`described`)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from spacy.tokens import Token

from scenariodesk.nlp import MODALS, lemma_forms, past_form

PASSIVE_AUXILIARIES = frozenset({"be", "been", "being", "is", "are", "was", "were"})

_RELATIVES = frozenset({"which", "who", "whose"})
_AGENT_ENDS = frozenset({",", ";", ":", ".", "is", "are", "was", "were", "has", "have", "had"})


def in_background(token: Token) -> bool:
    """Inside a clause that describes a noun instead of projecting an event: a relative or
    participial modifier with no modal ("projects frozen by sanctions", "capitals that
    doubt the guarantee"), or a purpose clause ("just to get his attention"). An infinitive
    ("efforts to resume talks") or a modal relative ("…, which could give cooperation fresh
    momentum") is still the projection."""
    for t in (token, *token.ancestors):
        if t.dep_ in ("advcl", "acl") and _after_purpose(t):
            return True  # "fire a missile just to get his attention": the actor's aim
        if t.dep_ in ("relcl", "acl"):
            return not any(c.tag_ in ("MD", "TO") for c in t.children)
    return False


_PURPOSE = (["in", "order", "to"], ["so", "as", "to"], ["just", "to"])


def _after_purpose(verb: Token) -> bool:
    """`verb` opens a purpose clause: "in order to", "so as to" or "just to" before it."""
    before = [t.lower_ for t in verb.doc[max(0, verb.i - 3) : verb.i]]
    return any(before[-len(p) :] == p for p in _PURPOSE)


def _clause_end(words: Sequence[str], start: int) -> int:
    """The index of the first punctuation mark from `start` that ends a clause, else the end."""
    return next((j for j in range(start, len(words)) if words[j] in (",", ";", ":", ".")), len(words))


def described(words: Sequence[str]) -> set[int]:
    """The word indices of a comma-set relative clause with no modal, which describes a
    noun rather than projecting an event ("trilateral coordination, which withered over
    the past four years, is likely to return"): with no parse, as `in_background` on one."""
    inside: set[int] = set()
    for i in range(len(words) - 1):
        if words[i] == "," and words[i + 1] in _RELATIVES:
            end = _clause_end(words, i + 2)
            if not MODALS.intersection(words[i + 2 : end]):
                inside.update(range(i + 2, end))
        elif words[i] != "," and words[i + 1] in _RESTRICTIVE and (verb := _past_verb_after(words, i + 1)):
            # "the process that Trump abandoned": a relative clause in the past tense tells
            # what the noun was, not what is projected
            inside.update(range(i + 1, verb + 1))
        elif any(words[i : i + len(p)] == p for p in _PURPOSE):
            # "Pyongyang might fire a missile just to get his attention": the actor's aim,
            # not a consequence (to the clause's end)
            inside.update(range(i, _clause_end(words, i + 2)))
        elif words[i] == "," and (end := _appositive_participle(words, i + 1)):
            # "the Kaesong complex, shut down in February after the nuclear test, is
            # unlikely to reopen": a participle set off by commas tells what the noun went
            # through, not what is projected
            inside.update(range(i + 1, end))
        elif i and words[i + 1] == "by" and words[i - 1].isalpha() and _reduced_passive(words, i):
            # "projects frozen by sanctions": a participle after its noun, with its agent,
            # describes the noun (no auxiliary before it: "talks would be frozen by" is the
            # event), up to the verb or modal after its agent
            end = next(
                (j for j in range(i + 2, len(words)) if words[j] in _AGENT_ENDS or words[j] in MODALS),
                len(words),
            )
            inside.update(range(i, end))
    return inside


_SPAN_TOKEN = re.compile(r"[\w'’-]+|[,;:.]")


def described_spans(text: str) -> list[tuple[int, int]]:
    """The character spans of `text`'s participles set off by commas ("the Kaesong
    complex, shut down after the North's nuclear test, is unlikely to reopen" is not
    about the test): what a pick of domains leaves out, as it does a speaker's
    description. (Relative clauses stay: their topic is often the sentence's too.)"""
    tokens = list(_SPAN_TOKEN.finditer(text))
    words = [t.group().lower() for t in tokens]
    spans = []
    for i in range(len(words) - 1):
        if words[i] == "," and (end := _appositive_participle(words, i + 1)):
            spans.append((tokens[i + 1].start(), tokens[end - 1].end()))
    return spans


_RESTRICTIVE = frozenset({"that", "which", "who"})
_RELATIVE_REACH = 4  # words from a relative pronoun to its clause's verb ("that the Trump team abandoned")


def _past_verb_after(words: Sequence[str], pronoun: int) -> int | None:
    """The index of a past-tense verb closing a short relative clause opened at
    `pronoun` ("that Trump abandoned", "which Seoul signed"), with no modal, auxiliary or
    punctuation before it; None otherwise."""
    for j in range(pronoun + 1, min(len(words), pronoun + 1 + _RELATIVE_REACH)):
        w = words[j]
        if not w.isalpha() or w in MODALS or w in PASSIVE_AUXILIARIES:
            return None
        if past_form(w) and words[j - 1] not in ("to", "will", "would"):
            return j
    return None


# After a participle describing its noun: where, when, why ("shut down in February")
_PARTICIPLE_FOLLOWERS = frozenset(
    {"in", "after", "since", "during", "amid", "last", "earlier", "down", "up", "off", "over", "under"}
    | {"at", "on", "for", "following", "with", "from", "into", "before", "as", "when", "until", "out"}
)


_PARTICLES = frozenset({"down", "up", "off", "out"})


def _appositive_participle(words: Sequence[str], at: int) -> int | None:
    """Where a participial clause opened at `at` after a comma ends (at its closing
    comma), when it describes the noun before it: a past form followed by a preposition
    or a time ("shut down in February after the test,"), with no modal inside and a comma
    closing it; None otherwise ("…, weakened alliances, …" is a list)."""
    if at + 2 >= len(words) or not words[at].isalpha():
        return None
    # a phrasal verb whose past is its own form ("shut down in February", "cut off from")
    phrasal = words[at + 1] in _PARTICLES and words[at + 2] in _PARTICIPLE_FOLLOWERS
    if not phrasal and not (past_form(words[at]) and words[at + 1] in _PARTICIPLE_FOLLOWERS):
        return None
    end = _clause_end(words, at + 2)
    if end == len(words) or words[end] != "," or MODALS.intersection(words[at:end]):
        return None
    return end


def _reduced_passive(words: Sequence[str], i: int) -> bool:
    """A past form with no auxiliary before it ("projects frozen by"), not a passive or a
    perfect ("were frozen by", "have frozen", "got frozen")."""
    before = words[i - 1]
    return (
        past_form(words[i])
        and before not in PASSIVE_AUXILIARIES
        and before not in MODALS
        and _PERFECT_OR_GET.isdisjoint(lemma_forms(before))
    )


_PERFECT_OR_GET = frozenset({"have", "get", "become"})  # by lemma: has, had, got, became
