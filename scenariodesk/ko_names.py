"""Names in Korean text: whether a speaker's phrase names a person, a body or a title,
and the person's name without affiliation or title (analyze_ko's attribution)."""

from __future__ import annotations

import re

from scenariodesk import nlp
from scenariodesk.lens.korean import KoreanRules

# Words that name a body or a place of work, not a person: they end in one of these (the
# one-syllable endings only on words of four syllables or more: 박지원 is a name,
# 통일연구원 a body, 서울대 a university).
_ORG_ENDINGS = (
    "대학",
    "대학교",
    "대학원",
    "연구원",
    "연구소",
    "재단",
    "센터",
    "학과",
    "위원회",
    "협회",
    "일보",
    "신문",
    "방송",
    "석좌",
)
_ORG_SHORT_ENDINGS = ("원", "부", "처", "청", "소")


def body_word(word: str) -> bool:
    return (
        word.endswith(("의", "대"))
        or word.endswith(_ORG_ENDINGS)
        or (len(word) >= 4 and word.endswith(_ORG_SHORT_ENDINGS))
    )


def names_someone(phrase: str, rules: KoreanRules) -> bool:
    """A lens actor, or a surname before a title ("민 연구원")."""
    words = phrase.split()
    return any(alias in phrase for alias in rules.actors) or any(
        _HANGUL_SYLLABLE.match(w) and words[i + 1] in rules.titles for i, w in enumerate(words[:-1])
    )


def person(subject: str, rules: KoreanRules) -> str | None:
    """A person's name in a subject phrase, without affiliation or title ("국가안보전략연구원
    민지석 선임연구원" -> 민지석; "스티븐 하워스 전 국무부 차관보" -> 스티븐 하워스; "민 연구원"
    -> 민, a surname the caller completes): the first run of proper nouns (Kiwi's NNP)
    that are neither a body (…대, …연구원) nor a title."""
    words = subject.split()
    for i, word in enumerate(words[:-1]):
        if _HANGUL_SYLLABLE.match(word) and is_title(words[i + 1], rules):
            return word  # a surname before a title
    proper = {t.form for t in nlp.kiwi().tokenize(subject) if t.tag == "NNP"}
    name = _proper_run(words, proper, rules)
    if name is None:
        # Kiwi reads a name by its context and can split it ("게 김재천 교수" -> 김 +
        # 재천): a word it reads alone as one proper noun is one.
        alone = {w for w in words if [(t.form, t.tag) for t in nlp.kiwi().tokenize(w)] == [(w, "NNP")]}
        name = _proper_run(words, alone, rules)
    return name


def _proper_run(words: list[str], proper: set[str], rules: KoreanRules) -> str | None:
    """The first run of words in `proper` that are neither a body nor a title."""
    name: list[str] = []
    for word in words:
        if word in proper and not body_word(word) and not is_title(word, rules):
            name.append(word)
        elif name:
            break
    return " ".join(name) or None


def is_title(word: str, rules: KoreanRules) -> bool:
    return word in rules.titles or word.endswith(("교수", "연구위원", "석좌", "장관", "위원장"))


_HANGUL_SYLLABLE = re.compile(r"^[가-힣]$")
