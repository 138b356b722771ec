"""The direction step's vocabulary, read from the lens: effects (general English: what
raises, starts or keeps vs. lowers, ends or removes), themes (what the lens values for the
subject), the subject's adversaries and own side, and the lookups `effects.py` pairs them
with ("rose" is a form of "rise"; "Kim's leverage" is the leverage in an adversary's hands).
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Sequence
from typing import Any

from spacy.tokens import Token

from scenariodesk.nlp import lemma, lemma_forms, noun_forms

SUBJECTS = ("nsubj",)  # dependency labels of a verb's subject
WINDOW = 5  # words between an effect and its theme in unparsed text
STATE_REACH = 5  # words from a copula to its state: "leave the North's arsenal intact"
# Words that end a clause in unparsed text
CLAUSE_EDGES = frozenset({",", ";", ":", "if", "that", "while", "but", "and", "when", "as"})
_AIMED = frozenset({"on", "against", "around", "toward", "towards"})  # a coercion's target after it


class DirectionVocabulary:
    """The lens's effect and theme lemmas; a word matches through any of its lemma forms
    (`nlp.lemma_forms`: "rose" is a form of "rise")."""

    def __init__(
        self,
        effects: dict[str, list[str]],
        themes: dict[str, list[str]],
        negators: Iterable[str],
        adversaries: dict[str, list[str]] | None = None,
        own_side: Iterable[str] = (),
    ) -> None:
        self.effect: dict[str, int] = {w: 1 for w in effects["up"] if " " not in w} | {
            w: -1 for w in effects["down"] if " " not in w
        }
        # phrasal verbs, the verb's lemma and its particle: "give up", "scale back", "step up"
        self.phrasal: dict[tuple[str, str], int] = {
            tuple(w.split(" ", 1)): sign  # type: ignore[misc]
            for key, sign in (("up", 1), ("down", -1))
            for w in effects[key]
            if " " in w
        }
        self.particles = frozenset(p for _, p in self.phrasal)
        self.theme: dict[str, int] = {w: 1 for w in themes["favourable"]} | {
            w: -1 for w in themes["unfavourable"]
        }
        self.made = {w: -1 for w in effects.get("harder", ())} | {w: 1 for w in effects.get("easier", ())}
        self.conclude = frozenset(effects.get("conclude", ()))
        self.acquire = frozenset(effects.get("acquire", ()))
        self.events = frozenset(effects.get("events", ()))
        self.copulas = frozenset(effects.get("copulas", ()))
        self.states = {w: 1 for w in effects.get("states_up", ())} | {
            w: -1 for w in effects.get("states_down", ())
        }
        self.relations = frozenset(themes.get("relations", ()))
        self.coercion = frozenset(themes.get("coercion", ()))
        self.adversary = {w.lower(): a for a, words in (adversaries or {}).items() for w in words}
        self.own_side = frozenset(w.lower() for w in own_side)
        # as printed with a typographic apostrophe too ("won’t": "wo" + "n’t")
        self.negators = frozenset(negators) | {w.replace("'", "’") for w in negators} | {"n't", "n’t"}

    @classmethod
    def from_spec(cls, spec: dict[str, Any]) -> DirectionVocabulary:
        """From the lens's `direction` section (schema.DirectionSpec, dumped)."""
        return cls(spec["effects"], spec["themes"], spec["negators"], spec["adversaries"], spec["own_side"])

    def between_adversaries(self, words: Sequence[str], at: int) -> bool:
        """A relation ("ties", "support") held between two of the subject's adversaries:
        two of them named within `WINDOW` words around it, or back to its clause's subject
        after "its"/"their", and none of the subject's side ("Moscow could deepen its
        military ties with Pyongyang", "Russia and North Korea could deepen their military
        cooperation", not "Seoul's ties with Beijing")."""
        if not self.adversary or self.relations.isdisjoint(lemma_forms(words[at])):
            return False
        start = max(0, at - WINDOW - 1)
        if {"its", "their"}.intersection(words[max(0, at - 3) : at]):  # the clause's subject's:
            while start > max(0, at - 12) and (
                words[start - 1] == "and" or words[start - 1] not in CLAUSE_EDGES
            ):
                start -= 1
        near = words[start : at + WINDOW + 2]
        if any(w in self.own_side for w in near):
            return False
        return len({self.adversary[w] for w in near if w in self.adversary}) >= 2

    def held_by_adversary(self, effect: Token, theme: Token) -> bool:
        """A valued theme an adversary holds or comes to hold: its possessor ("Kim's
        leverage"), the effect's recipient ("hand Kim a win") or, for an effect of
        acquiring (lens `direction.effects.acquire`), its subject ("Pyongyang would gain
        leverage", "Moscow is likely to win concessions")."""
        if not self.adversary:
            return False
        holders = [c for c in theme.children if c.dep_ == "poss"]
        holders += [c for c in effect.children if c.dep_ == "dative"]
        if self.acquire.intersection(lemma_forms(effect.lower_)):
            subjects = [c for c in effect.children if c.dep_ in SUBJECTS]
            if not subjects and effect.dep_ in ("xcomp", "conj"):
                subjects = [c for c in effect.head.children if c.dep_ in SUBJECTS]
            holders += subjects
        for holder in holders:
            words = {holder.lower_} | {c.lower_ for c in holder.children if c.dep_ == "compound"}
            if words & self.adversary.keys() and not words & self.own_side:
                return True
        return False

    def held_in_window(self, words: Sequence[str], effect: int, theme: int) -> bool:
        """`held_by_adversary` with no parse: an adversary's possessive up to three words
        before the theme ("Kim's leverage"), or before an effect of acquiring, an adversary
        the nearest party named in its clause ("Pyongyang is likely to gain leverage")."""
        if not self.adversary:
            return False
        for k in range(theme - 1, max(0, theme - 4), -1):
            if words[k] in ("'s", "’s") and k and words[k - 1] in self.adversary:
                return True
        # its recipient, right after the effect: "offer Pyongyang sanctions relief"
        if effect + 1 < theme <= effect + 4 and words[effect + 1] in self.adversary:
            return True
        if not self.acquire.intersection(lemma_forms(words[effect])):
            return False
        for k in range(effect - 1, max(-1, effect - 7), -1):
            if words[k] in CLAUSE_EDGES:
                return False
            if words[k] in self.adversary or words[k] in self.own_side:
                return words[k] in self.adversary
        return False

    def aimed_at_adversary(self, words: Sequence[str], at: int) -> bool:
        """A coercion theme (lens `themes.coercion`) aimed at an adversary: "pressure on
        Pyongyang", "sanctions against the North" (the first word after the preposition,
        articles aside, names the adversary; "pressure on Seoul from Beijing" is on Seoul)."""
        if not self.coercion or self.coercion.isdisjoint(lemma_forms(words[at])):
            return False
        after = words[at + 1 : at + 5]
        if len(after) > 1 and after[0].isalpha() and after[0] not in _AIMED and after[1] in _AIMED:
            after = after[1:]  # the coercion's own noun between: "the sanctions net around the North"
        if not after or after[0] not in _AIMED:
            return False
        target = next((w for w in after[1:] if w not in ("the", "a", "an")), "")
        return target in self.adversary  # "pressure on Seoul from Beijing" is on Seoul

    def effect_of(self, word: str) -> int:
        return next((self.effect[f] for f in lemma_forms(word) if f in self.effect), 0)

    def concludes(self, word: str) -> int:
        """+1 for an effect that ends well whatever its theme (lens `effects.conclude`)."""
        return 1 if self.conclude and not self.conclude.isdisjoint(lemma_forms(word.lower())) else 0

    def phrasal_of(self, verb: str, particle: str) -> int:
        """The effect of a phrasal verb ("gave up", "scaling back"), 0 if none."""
        particle = particle.lower()
        if particle not in self.particles:
            return 0
        return next(
            (self.phrasal[(f, particle)] for f in lemma_forms(verb) if (f, particle) in self.phrasal), 0
        )

    def effect_name(self, words: Sequence[str], i: int) -> str:
        """The effect's lemma, with its particle for a phrasal verb ("give up")."""
        if i + 1 < len(words) and self.phrasal_of(words[i], words[i + 1]):
            return f"{lemma(words[i])} {words[i + 1]}"
        return lemma(words[i])

    def theme_of(self, word: str) -> int:
        """The value of the theme `word` names as a noun: "talks" the talks, "tests" the
        tests; not a verb's form ("X said" names no say, "Pyongyang tested" no test)."""
        return next((self.theme[f] for f in noun_forms(word) if f in self.theme), 0)

    def links_a_state(self, words: Sequence[str], i: int) -> bool:
        """`words[i]` is a copula (lens `direction.effects.copulas`) with a state of the
        effect vocabulary, or of how hard things get, within the next five words of its
        clause: "remain (largely) frozen", "stay low", "keep the border closed", "get
        tougher", "leave the North's arsenal intact"."""
        if self.copulas.isdisjoint(lemma_forms(words[i])):
            return False
        following = itertools.takewhile(lambda w: w not in CLAUSE_EDGES, words[i + 1 : i + 1 + STATE_REACH])
        return any(w.isalpha() and (self.state_of(w) or w in self.made) for w in following)

    def state_of(self, word: str) -> int:
        """The effect of a word as a copula's complement: any effect, or a state word."""
        return self.effect_of(word) or self.states.get(word.lower(), 0)

    def is_event(self, word: str) -> bool:
        """A noun of `events` as written ("withdrawal", "cuts"; not "cutting": "end up
        cutting troops" is no event)."""
        word = word.lower()
        return word in self.events or word.removesuffix("s") in self.events
