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
    민지석 선임연구원" -> 민지석; "미국 싱크탱크 애틀랜틱카운슬의 로버트 매닝 선임연구원" ->
    로버트 매닝; "조셉 윤 전 대북정책특별대표" -> 조셉 윤; "민 연구원" -> 민, a surname the
    caller completes): the run of proper nouns (Kiwi's NNP) that are neither a body (…대,
    …연구원) nor a title nearest the phrase's end, where a name stands before its title."""
    words = subject.split()
    proper = {t.form for t in nlp.kiwi().tokenize(subject) if t.tag == "NNP"}
    # Kiwi reads a name by its context and can split it ("대해 박원곤 교수" -> 박 + 원 +
    # 곤): the words just before the title count when Kiwi reads them alone as one name.
    proper |= {w for w in words[-3:-1] if _alone_a_name(w)}
    if (
        len(words) > 1
        and is_title(words[-1], rules)
        and _KOREAN_NAME.match(words[-2])
        and not body_word(words[-2])
    ):
        # "박원곤 교수": a Korean name right before its title, even where Kiwi reads only
        # its surname as a name
        first = nlp.kiwi().tokenize(words[-2])[0]
        if first.tag == "NNP" and first.start == 0:
            proper.add(words[-2])
    for i, word in enumerate(words[:-1]):
        if _HANGUL_SYLLABLE.match(word) and is_title(words[i + 1], rules):
            # a surname before a title, with a foreign given name before it ("조셉 윤 전 …")
            given = words[i - 1] if i and words[i - 1] in proper and not body_word(words[i - 1]) else ""
            return f"{given} {word}".strip()
    return _proper_run(words, proper, rules) or _proper_run(
        words, {w for w in words if _alone_a_name(w)}, rules
    )


def _alone_a_name(word: str) -> bool:
    return [(t.form, t.tag) for t in nlp.kiwi().tokenize(word)] == [(word, "NNP")]


def _proper_run(words: list[str], proper: set[str], rules: KoreanRules) -> str | None:
    """The last run of words in `proper` that are neither a body nor a title."""
    runs: list[list[str]] = [[]]
    for word in words:
        if word in proper and not body_word(word) and not is_title(word, rules):
            runs[-1].append(word)
        elif runs[-1]:
            runs.append([])
    named = [run for run in runs if run]
    return " ".join(named[-1]) if named else None


def is_title(word: str, rules: KoreanRules) -> bool:
    return word in rules.titles or word.endswith(("교수", "연구위원", "석좌", "장관", "위원장"))


_HANGUL_SYLLABLE = re.compile(r"^[가-힣]$")
_KOREAN_NAME = re.compile(r"^[가-힣]{2,4}$")
