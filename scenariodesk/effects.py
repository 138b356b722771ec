"""Effect × theme pairs: how a consequence's event moves something the subject values.

An effect (general English in the lens: what raises, starts or keeps vs. lowers, ends or
removes) applied to a theme (what the lens values for the subject): "resume talks" is
+1 × +1, "raise tariffs" +1 × −1, "cut tariffs" −1 × −1; a negation flips it. Found on the
dependency parse when the statement has one, else by a word window; "make X harder"
lowers X. `direction.py` turns the pairs into features and decides.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Token

from scenariodesk.background import PASSIVE_AUXILIARIES, described, in_background
from scenariodesk.nlp import auxiliaries_before, lemma, lemma_forms, negation_reach
from scenariodesk.vocabulary import STATE_REACH, SUBJECTS, WINDOW, DirectionVocabulary

# Dependency labels under which a verb's theme stands.
_OBJECTS = ("dobj", "nsubjpass", "attr", "oprd")


def _negated(token: Token, vocab: DirectionVocabulary, quiet: frozenset[int] = frozenset()) -> bool:
    """A negation on the verb or its auxiliaries ("won't disappear", "not reopen"), or on
    its subject ("neither outcome would end the alliance", "no president would ..."); not
    one of the `quiet` tokens (a lowering cue's own: "is not likely to collapse")."""
    for child in token.children:
        if child.i not in quiet and (child.dep_ == "neg" or child.lower_ in vocab.negators):
            return True
    # the subject is the raising verb's where the event is its complement: "neither
    # candidate is likely to withdraw troops", "no president is expected to pull them out"
    holder = token
    while holder.dep_ in ("xcomp", "acomp") and holder.head is not holder:
        holder = holder.head
    for verb in {token, holder}:
        for child in verb.children:
            if child.dep_ in ("nsubj", "nsubjpass") and any(
                d.dep_ == "det" and d.lower_ in vocab.negators for d in child.children
            ):
                return True
    head = token.head
    if token.dep_ in ("xcomp", "ccomp") and head is not token:
        return any(c.dep_ == "neg" and c.i not in quiet for c in head.children)
    return False


def _links_a_state(token: Token, vocab: DirectionVocabulary) -> bool:
    """A copula whose complement is a state of the effect vocabulary ("remain frozen",
    "leave its arsenal intact"): the state, not the copula, is the effect."""
    if vocab.copulas.isdisjoint(lemma_forms(token.lower_)):
        return False
    return any(
        c.dep_ in ("acomp", "oprd") and (vocab.state_of(c.text) or c.lower_ in vocab.made)
        for c in token.children
    )


def _theme_value(token: Token, vocab: DirectionVocabulary) -> tuple[int, Token]:
    """The value of a noun phrase's head, or of a compound/modifier naming the theme
    ("troop presence", "tariff benefits"), with the word that has it."""
    value = vocab.theme_of(token.text)
    if value:
        return value, token
    for child in token.children:
        if child.dep_ in ("compound", "amod", "nmod", "poss"):
            value = vocab.theme_of(child.text)
            if value:
                return value, child
    # "the return of summitry", "an increase in tariffs"
    for child in token.children:
        if child.dep_ == "prep":
            for obj in child.children:
                if obj.dep_ == "pobj":
                    value = vocab.theme_of(obj.text)
                    if value:
                        return value, obj
    return 0, token


_PREPOSITIONS = frozenset(
    {"of", "over", "about", "on", "in", "for", "with", "to", "between", "among", "around"}
)


# What comes after these is the agent or the cause of an effect, not what it changes
# ("hit by tariffs", "spending increases due to competition with China")
_CAUSES = frozenset({"by", "due", "because", "owing", "thanks", "amid"})
# Nouns of a chance: an effect on one moves the likelihood of what follows, which the cue
# reads ("lower the chances of a summit": an unlikely summit, not a summit lowered).
_CHANCES = frozenset(
    {"chance", "chances", "odds", "prospect", "prospects", "likelihood", "possibility", "probability"}
)
# Where one consequence ends and a contrasting one begins (with ";" and ", yet")
_CONTRASTS = frozenset({"but", "although", "though", "whereas", "while"})


_LY_NOUNS = frozenset(
    {"ally", "supply", "rally", "assembly", "family", "anomaly", "monopoly", "july", "italy", "reply"}
)


def _manner(word: str) -> bool:
    """An adverb of manner ("flexibly", "closely"), by its -ly ending."""
    return len(word) > 4 and word.endswith("ly") and word not in _LY_NOUNS


def window_pairs(
    tokens: Sequence[Token], vocab: DirectionVocabulary, quiet: frozenset[int] = frozenset()
) -> list[tuple[str, str, int]]:
    """Effect-theme pairs in text with no parse: an effect word and the nearest valued
    theme within five words, in either order ("resume talks", "tariffs could rise"), never
    an agent after "by"; a negator before the effect flips it, but not a `quiet` token."""
    words = [t.lower_ for t in tokens]
    negatable = [("" if t.i in quiet else w) for t, w in zip(tokens, words, strict=True)]
    background = described(words)
    contrasts = _contrasts(words)
    copulas = {k for k, w in enumerate(words) if w.isalpha() and vocab.links_a_state(words, k)}
    found: list[tuple[int, int, int, int]] = []  # (effect, theme, effect x negation, sign)
    for i, word in enumerate(words):
        linked = not copulas.isdisjoint(range(i - STATE_REACH, i))
        effect = 0
        # "talks could get tougher", "competition could get tougher": however the theme
        # is valued, things getting harder for it is against the subject
        hardness = (vocab.made.get(word, 0) if linked else 0) or (
            vocab.concludes(word) if word.isalpha() else 0
        )
        if word in ("more", "less") and linked and i + 1 < len(words) and words[i + 1].isalpha():
            continue  # a comparative after a copula: "become more difficult", "grow more contentious"
        if i + 1 < len(words) and words[i + 1] in ("less", "fewer") and vocab.effect_of(word) > 0:
            continue  # "give less attention", "keep fewer troops": the quantity is the effect
        if word in ("more", "less") and i + 1 < len(words) and _manner(words[i + 1]):
            continue  # "apply sanctions more flexibly": the degree of a manner, not more sanctions
        if word.isalpha() and i not in background:
            effect = hardness or (vocab.state_of(word) if linked else vocab.effect_of(word))
            if vocab.phrasal and i + 1 < len(words):
                effect = vocab.phrasal_of(word, words[i + 1]) or effect
        if not effect or i in copulas:
            continue  # "talks would remain frozen": the state is the effect
        # A passive's subject is what the effect changes, however long its phrase
        # ("tariffs on Korean steel would be lifted"), and so is a state's ("talks with
        # Pyongyang would probably remain frozen").
        back = 2 * WINDOW if linked or (i and words[i - 1] in PASSIVE_AUXILIARIES) else WINDOW
        # counted from the verb's auxiliaries and cue: "tensions on the peninsula are
        # likely to grow" is the tensions growing
        near = range(max(0, auxiliaries_before(words, i) - back), min(len(words), i + WINDOW + 1))
        # (not inside a clause describing a noun: "projects frozen by sanctions could resume")
        themes = [
            (j, vocab.theme_of(words[j]))
            for j in near
            if j != i and words[j].isalpha() and j not in background
        ]
        # A theme after "by", "due to", "because of" … is the agent or the cause, not what
        # the effect changes ("hit by tariffs", "spending rises due to competition").
        themes = [(j, v) for j, v in themes if v and not (j > i and _CAUSES.intersection(words[i + 1 : j]))]
        # Nor after a chance it moves: "lower the chances of a summit" (`_CHANCES`).
        themes = [(j, v) for j, v in themes if not (j > i and _CHANCES.intersection(words[i + 1 : j]))]
        # Nor a harm aimed at an adversary ("keep up the pressure on Pyongyang").
        themes = [(j, v) for j, v in themes if not (v < 0 and vocab.aimed_at_adversary(words, j))]
        # Nor one only inside a hyphenated modifier: "keep the cost-sharing deal intact"
        # keeps a deal, not the cost (the parse reads the compound's head likewise).
        themes = [(j, v) for j, v in themes if words[j + 1 : j + 2] != ["-"]]
        # Nor, before it, a theme the effect's phrase is the source of: "Korean firms could
        # benefit from U.S. curbs on Chinese rivals" is no curbed benefit.
        themes = [(j, v) for j, v in themes if not (j < i and words[j + 1] == "from")]
        # Nor across a contrast: "talks could resume, but the alliance may be tested".
        themes = [(j, v) for j, v in themes if not any(min(i, j) < k < max(i, j) for k in contrasts)]
        if not themes:
            found.append((i, -1, effect * (-1 if _negated_before(negatable, i, vocab) else 1), 0))
            continue
        # The nearest; at equal distance the one after the effect, its object ("the
        # dispute could disrupt exports").
        j, value = min(themes, key=lambda jv: (abs(jv[0] - i), jv[0] < i))
        if j < i:
            # Before the effect, a theme in a prepositional phrase modifies an earlier one,
            # the head of the subject: "uncertainty over the alliance could deepen", "the
            # cost of stationing troops could rise".
            for h in range(max(0, i - 2 * WINDOW), j):
                head = vocab.theme_of(words[h]) if words[h].isalpha() else 0
                if head and _PREPOSITIONS.intersection(words[h + 1 : j]):
                    j, value = h, head
                    break
        if value > 0 and (vocab.between_adversaries(words, j) or vocab.held_in_window(words, i, j)):
            value = -1
        acting = effect * (-1 if _negated_before(negatable, i, vocab) else 1)
        found.append((i, j, acting, acting if hardness else acting * value))
    return _nested(found, words, vocab)


def _contrasts(words: Sequence[str]) -> list[int]:
    """Where one consequence ends and a contrasting one begins: "but", "although",
    "while" …, a "yet" after a comma, a semicolon."""
    return [
        k
        for k, w in enumerate(words)
        if w in _CONTRASTS or w == ";" or (w == "yet" and k and words[k - 1] == ",")
    ]


def _negated_before(words: Sequence[str], i: int, vocab: DirectionVocabulary) -> bool:
    reach = negation_reach(list(words[max(0, i - 12) : i]))
    return any(w in vocab.negators for w in reach)


def _nested(
    found: list[tuple[int, int, int, int]], words: Sequence[str], vocab: DirectionVocabulary
) -> list[tuple[str, str, int]]:
    """(effect, theme, sign) from (effect index, theme index or -1, effect x negation,
    sign): where an effect reaches its theme through an event on that theme (a noun of
    lens `direction.effects.events`), or has no theme of its own but such an event
    follows it within the window, the event is what it changes: "block any withdrawal of
    troops" is -1 x (-1 x +1),
    "resist any sharp drawdown of the 28,500 troops" likewise, "the odds of a troop
    drawdown will rise" +1 x (-1 x +1); the inner pair is then part of the outer (its
    effect named "block-withdrawal"). After "to" the outer word is an intention or an
    attempt ("seek to reduce troops", "threaten to withdraw troops"): the inner event
    alone is the pair."""
    paired = {i: (j, sign) for i, j, _, sign in found if j >= 0}
    events = {k for k in paired if vocab.is_event(words[k])}
    out: dict[int, tuple[str, str, int]] = {}
    inner: set[int] = set()
    for i, j, acting, sign in found:
        if j >= 0 and any(
            paired[k][0] == j and min(i, j) < k < max(i, j) and words[k - 1] == "to" for k in paired
        ):
            continue  # "seek to reduce the troops": the intention's event speaks
        if j >= 0:
            k = next((k for k in events if paired[k][0] == j and min(i, j) < k < max(i, j)), None)
        else:  # no theme of its own: the next effect that has one, within the window
            k = next((k for k in range(i + 1, min(len(words), i + WINDOW + 1)) if k in events), None)
        if k is None:
            if j >= 0:
                out[i] = (vocab.effect_name(words, i), lemma(words[j]), sign)
        elif words[k - 1] != "to":
            theme, inner_sign = paired[k]
            out[i] = (
                f"{vocab.effect_name(words, i)}-{lemma(words[k])}",
                lemma(words[theme]),
                acting * inner_sign,
            )
            inner.add(k)
    return [pair for i, pair in sorted(out.items()) if i not in inner]


Pairs = list[tuple[str, str, int]]
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
        if start is not None:
            themes = [(j, vocab.theme_of(words[j])) for j in range(i - 1, start, -1) if words[j].isalpha()]
            j, value = next(((j, v) for j, v in themes if v), (0, 0))
            if value:
                pairs.append((f"make-{word}", lemma(words[j]), effect * value))
                continue
        if start is not None or word.endswith("er"):
            pairs += _harder_to(words, i, effect, vocab)
    return pairs


def _harder_to(words: Sequence[str], i: int, effect: int, vocab: DirectionVocabulary) -> Pairs:
    """ "(it would be) harder for Seoul to keep the alliance intact", "make it difficult for
    Seoul to push ahead with projects": the event after "to" (its effect, if any, on the
    nearest valued theme) made harder or easier. A comparative, or a word after "make":
    "difficult to" alone is a likelihood cue, which keeps its event's sign (convention 9)."""
    to = next((k for k in range(i + 1, min(len(words), i + 5)) if words[k] == "to"), None)
    if to is None or to + 1 >= len(words):
        return []
    after = range(to + 1, min(len(words), to + 2 + WINDOW))
    j, value = next(
        ((j, vocab.theme_of(words[j])) for j in after if words[j].isalpha() and vocab.theme_of(words[j])),
        (0, 0),
    )
    # the verb acts on its object, not on a theme after a preposition ("break into the market")
    through = _PREPOSITIONS.union({"into"}).intersection(words[to + 2 : j])
    verb = vocab.effect_of(words[to + 1]) if words[to + 1].isalpha() and not through else 0
    return [(f"make-{words[i]}", lemma(words[j]), effect * (verb or 1) * value)] if value else []


def effect_pairs(
    tokens: Sequence[Token],
    vocab: DirectionVocabulary,
    parsed: bool = True,
    quiet: frozenset[int] = frozenset(),
) -> list[tuple[str, str, int]]:
    """(effect lemma, theme lemma, sign) for every effect word applied to a valued theme:
    on the dependency parse when there is one, else by word window; and "make X harder".
    A negation among the `quiet` tokens (a lowering cue's) flips no effect."""
    words = [t.lower_ for t in tokens]
    made = made_pairs(words, vocab)
    if not parsed:
        return _made_over(window_pairs(tokens, vocab, quiet), made)
    pairs = []
    at: list[int] = []  # the effect token of each pair
    inner: set[int] = set()  # events another effect applies to
    position = {t.i: k for k, t in enumerate(tokens)}
    for tok in tokens:
        state = tok.dep_ in ("acomp", "oprd")
        # "talks could get tougher"; "settle the talks" (ends well whatever it applies to)
        hardness = (vocab.made.get(tok.lower_, 0) if state else 0) or vocab.concludes(tok.text)
        effect = hardness or (vocab.state_of(tok.text) if state else vocab.effect_of(tok.text))
        particle = next((c.text for c in tok.children if c.dep_ == "prt"), "")
        phrasal = vocab.phrasal_of(tok.text, particle) if particle else 0
        effect = phrasal or effect
        verb = f"{lemma(tok.text)} {particle.lower()}" if phrasal else lemma(tok.text)
        if not effect or in_background(tok) or _links_a_state(tok, vocab):
            continue
        themes: list[Token] = []
        if state:  # "talks would remain frozen"
            themes = [c for c in tok.head.children if c.dep_ == "dobj"] or [
                c for c in tok.head.children if c.dep_ in SUBJECTS or c.dep_ == "nsubjpass"
            ]
        elif tok.tag_.startswith("VB") or tok.tag_ == "MD":
            themes = [c for c in tok.children if c.dep_ in _OBJECTS]
            if not themes:  # intransitive change: "tensions rise", "talks resume"
                themes = [c for c in tok.children if c.dep_ in SUBJECTS]
            if not themes:
                themes = _raised_subjects(tok)
        elif tok.tag_.startswith("NN"):  # "a return to summitry", "an increase in tariffs"
            themes = [o for p in tok.children if p.dep_ == "prep" for o in p.children if o.dep_ == "pobj"]
            if not themes and tok.head.tag_.startswith("NN"):
                themes = [tok.head]
        elif tok.tag_.startswith("JJ") and tok.head.tag_.startswith("NN"):  # "higher tariffs"
            themes = [tok.head]
        for theme in themes:
            if theme.lower_ in _CHANCES:
                continue  # "lower the chances of a summit": the cue's, not an effect's
            value, word = _theme_value(theme, vocab)
            if value < 0 and word.i in position and vocab.aimed_at_adversary(words, position[word.i]):
                continue  # "keep up the pressure on Pyongyang": no harm to the subject
            if value > 0 and (
                (theme.i in position and vocab.between_adversaries(words, position[theme.i]))
                or vocab.held_by_adversary(tok, theme)
            ):
                value = -1
            if not value:
                continue
            sign = effect * (1 if hardness else value) * (-1 if _negated(tok, vocab, quiet) else 1)
            if theme.tag_.startswith("NN") and vocab.is_event(theme.text) and theme is not tok:
                # "block any withdrawal of troops": the verb applies to the event, whose
                # own pair is then part of this one
                pairs.append(
                    (
                        f"{verb}-{lemma(theme.text)}",
                        lemma(word.text),
                        sign * vocab.effect_of(theme.text),
                    )
                )
                at.append(tok.i)
                inner.add(theme.i)
                continue
            pairs.append((verb, lemma(theme.text), sign))
            at.append(tok.i)
    return _made_over([p for p, i in zip(pairs, at, strict=True) if i not in inner], made)


def _raised_subjects(verb: Token) -> list[Token]:
    """The subject a verb takes from the verbs it hangs from: "Seoul may try to resume
    talks", "talks are expected to resume", "tensions are likely to grow" (through the
    adjective "likely"), "talks could stall and tensions ..." (a conjunct's)."""
    node = verb
    for _ in range(3):
        if node.dep_ not in ("xcomp", "conj", "acomp"):
            break
        node = node.head
        subjects = [c for c in node.children if c.dep_ in SUBJECTS or c.dep_ == "nsubjpass"]
        if subjects:
            return subjects
    return []


def _made_over(
    pairs: list[tuple[str, str, int]], made: list[tuple[str, str, int]]
) -> list[tuple[str, str, int]]:
    """The pairs, where "make X harder" decides X ("make a new summit harder" is not a new
    summit)."""
    held = {theme for _, theme, _ in made}
    return [p for p in pairs if p[1] not in held] + made
