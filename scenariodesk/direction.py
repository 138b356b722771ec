"""Direction of a consequence's impact on the subject: favourable, unfavourable or mixed.

Two steps decide it, both over the same features of the consequence:

- `RuleDirection` composes an *effect* with a *theme* on the dependency parse: an effect
  verb (general English in the lens: resume, strengthen vs. withdraw, cut) applied to a
  theme that has a value for the subject (lens: talks, alliance vs. tariffs, tensions).
  "resume talks" is +1 × +1 = favourable, "raise tariffs" +1 × −1 = unfavourable, "cut
  tariffs" −1 × −1 = favourable; a negation flips it ("won't disappear"), a lowering
  likelihood cue does not ("unlikely to resume" keeps the event's sign, convention 9).
  The lens's flat impact terms count where no effect-theme pair is found.
- `LearnedDirection` is a linear model over those features (and, if training chose it,
  the consequence's lemmas), trained on gold with `scenariodesk train` (see `train.py`)
  and shipped as JSON in the package. It is used when the lens names it
  (`direction.model`) and its file exists.

Both return (direction, trace): the trace names what decided it, for the statement's
rule list.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc, Span, Token

from scenariodesk.learned import LinearModel, packaged_model
from scenariodesk.nlp import lemma, lemma_forms

SIGNS = ("+", "-", "0")
# An impact term's kind as the value the steps compose: favourable, unfavourable, open
# (an effect that could go either way: "will shape", "could cut both ways").
SIGN_VALUES = {"+": 1, "-": -1, "0": 0}
# Bands whose cue lowers the chance of the event it names ("unlikely to resume").
LOWERING_BANDS = frozenset({"unlikely", "very_unlikely", "almost_no_chance"})
_WORD = re.compile(r"[a-z][a-z'-]+")
# Dependency labels under which a verb's theme stands.
_OBJECTS = ("dobj", "nsubjpass", "attr", "oprd")
_SUBJECTS = ("nsubj",)


@dataclass(frozen=True)
class Consequence:
    """What a direction step sees of one statement: the segment's tokens (parsed) or
    its text, the lens's flat impact hits in it, and whether its cue lowers a chance."""

    text: str
    tokens: tuple[Token, ...]  # the segment's tokens (from the parse, or else the splitter's)
    impact: tuple[tuple[int, bool, str], ...]  # (+1/-1/0 open, negated, term) per flat impact term
    lowering: bool  # the cue lowers the chance ("unlikely", "little prospect")
    domains: tuple[str, ...] = ()
    condition: str = ""
    parsed: bool = False  # the tokens carry a dependency parse
    language: str = "en"


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
        self.effect: dict[str, int] = {w: 1 for w in effects["up"]} | {w: -1 for w in effects["down"]}
        self.theme: dict[str, int] = {w: 1 for w in themes["favourable"]} | {
            w: -1 for w in themes["unfavourable"]
        }
        self.made = {w: -1 for w in effects.get("harder", ())} | {w: 1 for w in effects.get("easier", ())}
        self.acquire = frozenset(effects.get("acquire", ()))
        self.relations = frozenset(themes.get("relations", ()))
        self.adversary = {w.lower(): a for a, words in (adversaries or {}).items() for w in words}
        self.own_side = frozenset(w.lower() for w in own_side)
        self.negators = frozenset(negators)

    @classmethod
    def from_spec(cls, spec: dict[str, Any]) -> DirectionVocabulary:
        """From the lens's `direction` section (schema.DirectionSpec, dumped)."""
        return cls(spec["effects"], spec["themes"], spec["negators"], spec["adversaries"], spec["own_side"])

    def between_adversaries(self, words: Sequence[str], at: int) -> bool:
        """A relation ("ties", "support") held between two of the subject's adversaries:
        two of them named within `_WINDOW` words around it and none of the subject's side
        ("Moscow could deepen its military ties with Pyongyang", not "Seoul's ties with
        Beijing")."""
        if not self.adversary or self.relations.isdisjoint(lemma_forms(words[at])):
            return False
        near = words[max(0, at - _WINDOW - 1) : at + _WINDOW + 2]
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
            subjects = [c for c in effect.children if c.dep_ in _SUBJECTS]
            if not subjects and effect.dep_ in ("xcomp", "conj"):
                subjects = [c for c in effect.head.children if c.dep_ in _SUBJECTS]
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
        if not self.acquire.intersection(lemma_forms(words[effect])):
            return False
        for k in range(effect - 1, max(-1, effect - 7), -1):
            if words[k] in _CLAUSE_EDGES:
                return False
            if words[k] in self.adversary or words[k] in self.own_side:
                return words[k] in self.adversary
        return False

    def effect_of(self, word: str) -> int:
        return next((self.effect[f] for f in lemma_forms(word) if f in self.effect), 0)

    def theme_of(self, word: str) -> int:
        return next((self.theme[f] for f in lemma_forms(word) if f in self.theme), 0)


def _negated(token: Token, vocab: DirectionVocabulary) -> bool:
    """A negation on the verb or its auxiliaries ("won't disappear", "not reopen"), or on
    its subject ("neither outcome would end the alliance", "no president would ...")."""
    for child in token.children:
        if child.dep_ == "neg" or child.lower_ in vocab.negators:
            return True
        if child.dep_ in ("nsubj", "nsubjpass") and any(
            d.dep_ == "det" and d.lower_ in vocab.negators for d in child.children
        ):
            return True
    head = token.head
    if token.dep_ in ("xcomp", "ccomp") and head is not token:
        return any(c.dep_ == "neg" for c in head.children)
    return False


def _background(token: Token) -> bool:
    """Inside a clause that describes a noun instead of projecting an event: a relative or
    participial modifier with no modal ("projects frozen by sanctions", "capitals that
    doubt the guarantee"). An infinitive ("efforts to resume talks") or a modal relative
    ("…, which could give cooperation fresh momentum") is still the projection."""
    for t in (token, *token.ancestors):
        if t.dep_ in ("relcl", "acl"):
            return not any(c.tag_ in ("MD", "TO") for c in t.children)
    return False


def _theme_value(token: Token, vocab: DirectionVocabulary) -> int:
    """The value of a noun phrase's head, or of a compound/modifier naming the theme
    ("troop presence", "tariff benefits")."""
    value = vocab.theme_of(token.text)
    if value:
        return value
    for child in token.children:
        if child.dep_ in ("compound", "amod", "nmod", "poss"):
            value = vocab.theme_of(child.text)
            if value:
                return value
    # "the return of summitry", "an increase in tariffs"
    for child in token.children:
        if child.dep_ == "prep":
            for obj in child.children:
                if obj.dep_ == "pobj":
                    value = vocab.theme_of(obj.text)
                    if value:
                        return value
    return 0


_WINDOW = 5  # words between an effect and its theme in unparsed text
_PASSIVE_AUXILIARIES = frozenset({"be", "been", "being", "is", "are", "was", "were"})
_PREPOSITIONS = frozenset(
    {"of", "over", "about", "on", "in", "for", "with", "to", "between", "among", "around"}
)


_RELATIVES = frozenset({"which", "who", "whose"})
_CLAUSE_EDGES = frozenset({",", ";", ":", "if", "that", "while", "but", "and", "when", "as"})
_MODALS = frozenset({"will", "would", "could", "may", "might", "can", "should", "shall", "must"})


def _described(words: list[str]) -> set[int]:
    """The word indices of a comma-set relative clause with no modal, which describes a
    noun rather than projecting an event ("trilateral coordination, which withered over
    the past four years, is likely to return"): with no parse, as `_background` on one."""
    inside: set[int] = set()
    for i in range(len(words) - 1):
        if words[i] == "," and words[i + 1] in _RELATIVES:
            end = next((j for j in range(i + 2, len(words)) if words[j] in (",", ";", ":", ".")), len(words))
            if not _MODALS.intersection(words[i + 2 : end]):
                inside.update(range(i + 2, end))
    return inside


def window_pairs(tokens: Sequence[Token], vocab: DirectionVocabulary) -> list[tuple[str, str, int]]:
    """Effect-theme pairs in text with no parse: an effect word and the nearest valued
    theme within five words, in either order ("resume talks", "tariffs could rise"),
    never an agent after "by"; a negator just before the effect flips it."""
    words = [t.lower_ for t in tokens]
    described = _described(words)
    pairs = []
    for i, word in enumerate(words):
        effect = vocab.effect_of(word) if word.isalpha() and i not in described else 0
        if not effect:
            continue
        # A passive's subject is what the effect changes, however long its phrase:
        # "tariffs on Korean steel would be lifted".
        back = 2 * _WINDOW if i and words[i - 1] in _PASSIVE_AUXILIARIES else _WINDOW
        near = range(max(0, i - back), min(len(words), i + _WINDOW + 1))
        themes = [(j, vocab.theme_of(words[j])) for j in near if j != i and words[j].isalpha()]
        # A theme after "by" is the agent, not what the effect changes ("hit by tariffs").
        themes = [(j, v) for j, v in themes if v and not (j > i and "by" in words[i + 1 : j])]
        if not themes:
            continue
        # The nearest; at equal distance the one after the effect, its object ("the
        # dispute could disrupt exports").
        j, value = min(themes, key=lambda jv: (abs(jv[0] - i), jv[0] < i))
        if j < i:
            # Before the effect, a theme in a prepositional phrase modifies an earlier one,
            # the head of the subject: "uncertainty over the alliance could deepen", "the
            # cost of stationing troops could rise".
            for h in range(max(0, i - 2 * _WINDOW), j):
                head = vocab.theme_of(words[h]) if words[h].isalpha() else 0
                if head and _PREPOSITIONS.intersection(words[h + 1 : j]):
                    j, value = h, head
                    break
        if value > 0 and (vocab.between_adversaries(words, j) or vocab.held_in_window(words, i, j)):
            value = -1
        negated = any(w in vocab.negators or w == "n't" for w in words[max(0, i - 3) : i])
        pairs.append((lemma(word), lemma(words[j]), effect * value * (-1 if negated else 1)))
    return pairs


_MAKE = frozenset({"make", "makes", "making", "made"})
_MADE_SPAN = 12  # words from "make" to "harder"


def made_pairs(words: Sequence[str], vocab: DirectionVocabulary) -> list[tuple[str, str, int]]:
    """ "make X harder" lowers X, "make X easier" raises it: the valued theme nearest the
    comparative between the two ("Moscow's backing will make a summit with Kim much
    harder" lowers the summit; "make it harder for Seoul" names no theme)."""
    pairs = []
    for i, word in enumerate(words):
        effect = vocab.made.get(word, 0)
        if not effect:
            continue
        start = next((k for k in range(i - 1, max(-1, i - _MADE_SPAN - 1), -1) if words[k] in _MAKE), None)
        if start is None:
            continue
        themes = [(j, vocab.theme_of(words[j])) for j in range(i - 1, start, -1) if words[j].isalpha()]
        j, value = next(((j, v) for j, v in themes if v), (0, 0))
        if value:
            pairs.append((f"make-{word}", lemma(words[j]), effect * value))
    return pairs


def effect_pairs(
    tokens: Sequence[Token], vocab: DirectionVocabulary, parsed: bool = True
) -> list[tuple[str, str, int]]:
    """(effect lemma, theme lemma, sign) for every effect word applied to a valued theme:
    on the dependency parse when there is one, else by word window; and "make X harder"."""
    words = [t.lower_ for t in tokens]
    made = made_pairs(words, vocab)
    if not parsed:
        return _made_over(window_pairs(tokens, vocab), made)
    pairs = []
    position = {t.i: k for k, t in enumerate(tokens)}
    for tok in tokens:
        effect = vocab.effect_of(tok.text)
        if not effect or _background(tok):
            continue
        themes: list[Token] = []
        if tok.tag_.startswith("VB") or tok.tag_ == "MD":
            themes = [c for c in tok.children if c.dep_ in _OBJECTS]
            if not themes:  # intransitive change: "tensions rise", "talks resume"
                themes = [c for c in tok.children if c.dep_ in _SUBJECTS]
            if not themes and tok.dep_ in ("xcomp", "conj"):
                themes = [c for c in tok.head.children if c.dep_ in _SUBJECTS]
        elif tok.tag_.startswith("NN"):  # "a return to summitry", "an increase in tariffs"
            themes = [o for p in tok.children if p.dep_ == "prep" for o in p.children if o.dep_ == "pobj"]
            if not themes and tok.head.tag_.startswith("NN"):
                themes = [tok.head]
        elif tok.tag_.startswith("JJ") and tok.head.tag_.startswith("NN"):  # "higher tariffs"
            themes = [tok.head]
        for theme in themes:
            value = _theme_value(theme, vocab)
            if value > 0 and (
                (theme.i in position and vocab.between_adversaries(words, position[theme.i]))
                or vocab.held_by_adversary(tok, theme)
            ):
                value = -1
            if value:
                sign = effect * value * (-1 if _negated(tok, vocab) else 1)
                pairs.append((lemma(tok.text), lemma(theme.text), sign))
    return _made_over(pairs, made)


def _made_over(
    pairs: list[tuple[str, str, int]], made: list[tuple[str, str, int]]
) -> list[tuple[str, str, int]]:
    """The pairs, where "make X harder" decides X ("make a new summit harder" is not a new
    summit)."""
    held = {theme for _, theme, _ in made}
    return [p for p in pairs if p[1] not in held] + made


Pairs = list[tuple[str, str, int]]


def consequence_pairs(c: Consequence, vocab: DirectionVocabulary) -> Pairs:
    """The consequence's effect-theme pairs, less those read inside an open impact term
    ("a double-edged sword" is the open term, not "double" applied to "edge") and those
    whose effect or theme word belongs to a phrase the lens reads as a whole ("pay far
    more for U.S. troops" is the phrase "pay far more", not "more" troops; "come under
    strain" is not the alliance "coming"; "face a tougher investment climate" is the
    climate, not "facing" investment)."""
    pairs = effect_pairs(c.tokens, vocab, c.parsed)
    inside = [term for sign, _, term in c.impact if sign == 0]
    phrases = [{lemma(w) for w in term.split()} for sign, _, term in c.impact if sign and " " in term]
    return [
        p
        for p in pairs
        if not any(p[0] in t and p[1] in t for t in inside)
        and not any(p[0] in words or p[1] in words for words in phrases)
    ]


def flat_impact(c: Consequence, pairs: Pairs) -> list[tuple[int, bool, str]]:
    """The impact terms that count beside the pairs: not a theme a pair reads in context
    ("tariffs would fall"). Leaving out more (a pair's effect word, any theme where
    pairs exist) held out worse on train: the model uses the agreement."""
    themes = {theme for _, theme, _ in pairs}
    return [(sign, negated, term) for sign, negated, term in c.impact if lemma(term) not in themes]


def features(c: Consequence, vocab: DirectionVocabulary, pairs: Pairs | None = None) -> dict[str, float]:
    """The features both steps read: effect-theme signs, flat impact signs, lemmas."""
    feats: dict[str, float] = {"bias": 1.0}
    pairs = consequence_pairs(c, vocab) if pairs is None else pairs
    signs: set[int] = set()
    for effect, theme, sign in pairs:
        feats["pair:+" if sign > 0 else "pair:-"] = 1.0
        feats[f"pair:{effect}>{theme}"] = 1.0
        signs.add(1 if sign > 0 else -1)
    for sign, negated, _term in flat_impact(c, pairs):
        if sign == 0:  # an open effect: evidence for mixed, whatever its negation
            feats["impact:0"] = 1.0
            continue
        value = sign * (-1 if negated else 1)
        feats["impact:+" if value > 0 else "impact:-"] = 1.0
        signs.add(value)
    if len(signs) == 2:  # consequences of both signs: the text's own "mixed" (convention 9)
        feats["mixed"] = 1.0
    for domain in c.domains:
        feats[f"domain:{domain}"] = 1.0
        if c.condition:  # what an outcome tends to mean for a domain ("trump|cost_sharing")
            feats[f"condition:{c.condition}|domain:{domain}"] = 1.0
    if c.condition:
        feats[f"condition:{c.condition}"] = 1.0
    if c.lowering:
        feats["cue:lowering"] = 1.0
    words = [t.lower_ for t in c.tokens] if c.tokens else _WORD.findall(c.text.lower())
    lemmas = [lemma(w) for w in words if w.isalpha() and w not in STOP_WORDS]
    if any(w in vocab.negators or w == "n't" for w in words):
        feats["neg"] = 1.0
    for w in words:
        theme = vocab.theme_of(w) if w.isalpha() else 0
        if theme:
            feats["theme:+" if theme > 0 else "theme:-"] = 1.0
    for word in set(lemmas):
        feats[f"w:{word}"] = 1.0
    return feats


def lexical(name: str) -> bool:
    """A feature naming words (a lemma, an effect-theme pair's lemmas) rather than the
    structure every language shares (signs, domains, outcome, cue)."""
    return name.startswith("w:") or (name.startswith("pair:") and ">" in name)


def signed(impact: Iterable[tuple[int, bool, str]]) -> set[int]:
    """The signs of the flat impact terms, negation applied; open terms have none."""
    return {s * (-1 if n else 1) for s, n, _ in impact if s}


def _sign(total: float) -> str:
    return "+" if total > 0 else "-" if total < 0 else "0"


class RuleDirection:
    """Effect × theme composition, then the lens's flat impact terms."""

    name = "rules"
    version = "rules-2"

    def __init__(self, vocab: DirectionVocabulary) -> None:
        self.vocab = vocab

    def evidence(self, c: Consequence, pairs: Pairs) -> list[str]:
        """The trace of what the rules saw: effect-theme pairs and impact terms."""
        trace = [f"effect:{'+' if s > 0 else '-'}:{e}>{t}" for e, t, s in pairs]
        for sign, negated, term in c.impact:
            value = sign * (-1 if negated else 1)
            trace.append(f"impact:{_sign(value)}{'(negated)' if negated and value else ''}:{term}")
        return trace

    def decide(self, c: Consequence) -> tuple[str, list[str]]:
        pairs = consequence_pairs(c, self.vocab)
        signs = {s for _, _, s in pairs} or signed(c.impact)
        decided = _sign(next(iter(signs))) if len(signs) == 1 else "0"
        return decided, [f"direction:rules:{decided}", *self.evidence(c, pairs)]


class LearnedDirection:
    """A multinomial logistic regression over `features` (see learned.py)."""

    name = "model"

    def __init__(self, path: Path, vocab: DirectionVocabulary) -> None:
        self.rules = RuleDirection(vocab)
        self.vocab = vocab
        self.model = LinearModel(path)
        self.classes = self.model.classes
        self.languages = frozenset(self.model.meta.get("languages", ["en"]))
        self.version = f"model-{self.model.version}"

    def decide(self, c: Consequence) -> tuple[str, list[str]]:
        pairs = consequence_pairs(c, self.vocab)  # once, for the features and the trace
        if c.language not in self.languages:
            # The model knows none of this language's words, only what every language
            # shares (signs, domains, outcome): where the lens's own terms agree on one
            # sign they decide, and the model decides where they are silent or mixed.
            signs = {s for _, _, s in pairs} | signed(c.impact)
            if len(signs) == 1:
                decided = _sign(next(iter(signs)))
                return decided, [f"direction:rules:{decided}", *self.rules.evidence(c, pairs)]
        probs = self.model.probabilities(features(c, self.vocab, pairs))
        best = max(range(len(probs)), key=probs.__getitem__)
        decided = self.classes[best]
        return decided, [f"direction:model:{decided}:{probs[best]:.2f}", *self.rules.evidence(c, pairs)]


class DirectionStep:
    """The step the lens chooses, built once per lens."""

    def __init__(self, vocab: DirectionVocabulary, model: str | None) -> None:
        self.vocab = vocab
        self.rules = RuleDirection(vocab)
        self.model: LearnedDirection | None = None
        if model:
            path = packaged_model(model)
            if path.is_file():
                self.model = LearnedDirection(path, vocab)

    @cached_property
    def version(self) -> str:
        return self.model.version if self.model else self.rules.version

    def decide(self, c: Consequence) -> tuple[str, list[str]]:
        return (self.model or self.rules).decide(c)


def doc_tokens(
    doc: Doc | Span | None, start: int, end: int, leave_out: tuple[int, int] | None = None
) -> tuple[Token, ...]:
    """The tokens whose characters fall in [start, end) of the sentence and not in
    `leave_out` (offsets local to the sentence: a Span's tokens are taken relative to its
    first character)."""
    if doc is None:
        return ()
    base = doc.start_char if isinstance(doc, Span) else 0
    lo, hi = leave_out or (0, 0)
    return tuple(t for t in doc if start <= t.idx - base < end and not lo <= t.idx - base < hi)
