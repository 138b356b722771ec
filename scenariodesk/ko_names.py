"""Names in Korean text: whether a speaker's phrase names a person, a body or a title,
and the person's name without affiliation or title (analyze_ko's attribution)."""

from __future__ import annotations

import re

from scenariodesk import nlp
from scenariodesk.lens.korean import KoreanRules


def body_word(word: str, rules: KoreanRules) -> bool:
    """A word naming a body or a place of work, not a person (lens `ko.body_endings`; a
    short ending only on a word long enough, `ko.body_short_endings`: 통일연구원 and 국무부
    are bodies, 박지원 a name), or one that ends in the possessive particle
    ("애틀랜틱카운슬의"). An acronym in brackets after it is left aside ("미국외교협회(CFR)")."""
    word = _ACRONYM.sub("", word)
    return (
        word.endswith("의")
        or word.endswith(rules.body_endings)
        or any(word.endswith(end) and len(word) >= n for end, n in rules.body_short_endings.items())
    )


_BRACKETED = re.compile(r"\s*\([^()]*\)$")


def body(subject: str, rules: KoreanRules) -> str | None:
    """The body a speaker's phrase names, as written: its last body word ("한국경제연구원은"
    -> 한국경제연구원; "미국 헤리티지재단" -> 헤리티지재단; "미국 CNN" -> CNN, by its initials)."""
    bodies = [
        w for w in subject.split() if (body_word(w, rules) and not w.endswith("의")) or _ACRONYM_NAME.match(w)
    ]
    # without the abbreviation in brackets beside it: "한국개발연구원(KDI)" -> 한국개발연구원
    if not bodies:
        return None
    last = _BRACKETED.sub("", bodies[-1]) or bodies[-1]
    return _named_before(subject.split(), bodies[-1], rules) or last


def owned_elsewhere(subject: str, alias: str, actor: str, rules: KoreanRules) -> str | None:
    """The body as written where a place other than the subject country's stands before
    one of its own bodies' names ("중국 외교부", "미국 국방부": not Seoul's ministries)."""
    if actor not in rules.own_actors:
        return None
    words = subject.split()
    at = next((i for i, w in enumerate(words) if alias in w), 0)
    place = words[at - 1] if at else ""
    if place in rules.spec.places and place not in rules.own_places:
        return f"{place} {_BRACKETED.sub('', words[at]) or words[at]}"
    return None


def ends_in_body(words: list[str], rules: KoreanRules) -> bool:
    """A speaker's phrase ending in a body names the body ("세종 연구소는"), not a person
    whose name a word of it looks like ("세종")."""
    return bool(words) and body_word(words[-1], rules) and not words[-1].endswith("의")


def _named_before(words: list[str], last: str, rules: KoreanRules) -> str | None:
    """A body written in several words whose last is only the kind of body it is
    ("헤리티지 재단", "아시아 연구소"): its name is that word with the words before it, back
    to a place, a kind, a title or a word with a particle ("미국 헤리티지 재단" ->
    헤리티지 재단, as "미국 헤리티지재단" -> 헤리티지재단); None for any other body."""
    if last not in rules.body_endings or is_title(last, rules) or last not in words:
        return None
    at = len(words) - 1 - words[::-1].index(last)
    start = at
    while start > 0 and _name_word(words[start - 1], rules):
        start -= 1
    return " ".join(words[start : at + 1]) if start < at else None


def _name_word(word: str, rules: KoreanRules) -> bool:
    """A word that can be part of a body's name: Hangul or Latin letters, no particle of
    possession, not a place, kind, title or body of its own."""
    return (
        bool(_NAME_PART.match(word))
        and word not in rules.places
        and not is_title(word, rules)
        and not body_word(word, rules)
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
    words = _head_apart(subject.split(), rules)
    # Kiwi may read a foreign name as one token with its space ("마이클 오핸런").
    tokens = nlp.kiwi().tokenize(subject)
    proper = {w for t in tokens if t.tag == "NNP" for w in t.form.split()}
    # Kiwi reads a name by its context and can split it ("대해 박원곤 교수" -> 박 + 원 +
    # 곤): the words just before the title count when Kiwi reads them alone as one name.
    proper |= {w for w in words[-3:-1] if _alone_a_name(w)}
    if (
        len(words) > 1
        and is_title(words[-1], rules)
        and _KOREAN_NAME.match(words[-2])
        and not body_word(words[-2], rules)
    ):
        # "박원곤 교수": a Korean name right before its title, even where Kiwi reads only
        # its surname as a name, alone or in the phrase ("아산정책연구원 최강 원장": 최 +
        # 강, a name read in context that alone is a word, "the strongest")
        first = nlp.kiwi().tokenize(words[-2])[0]
        in_phrase = any(t.tag == "NNP" and subject.startswith(words[-2], t.start) for t in tokens)
        if (first.tag == "NNP" and first.start == 0) or in_phrase:
            proper.add(words[-2])
    if len(words) > 2 and is_title(words[-1], rules):
        proper |= _before_affiliation(words, rules)
    # a name written in Latin letters ("Victor Cha 석좌"), not initials ("CSIS")
    proper |= {w for w in words if _LATIN_NAME.match(w)}
    proper -= rules.places  # "빅터 차 미국 … 한국석좌": a place is no part of a name
    for i, word in enumerate(words[:-1]):
        if _HANGUL_SYLLABLE.match(word) and is_title(words[i + 1], rules) and not is_title(word, rules):
            # a surname before a title, with a foreign given name before it ("조셉 윤 전 …")
            given = (
                words[i - 1] if i and words[i - 1] in proper and not body_word(words[i - 1], rules) else ""
            )
            return f"{given} {word}".strip()
    # a phrase opening on a name and a title word ("에번스 리비어 전 국무부 동아태
    # 수석부차관보"): that name, whatever proper nouns the affiliation after it holds
    start = next((i for i, w in enumerate(words) if w not in rules.places), len(words))
    end = start
    while end < len(words) and words[end] in proper and not is_title(words[end], rules):
        end += 1
    if start < end < len(words) - 1 and is_title(words[end], rules):
        return " ".join(words[start:end])
    return _proper_run(words, proper, rules) or _proper_run(
        words, {w for w in words if _alone_a_name(w)} - rules.places, rules
    )


def _head_apart(words: list[str], rules: KoreanRules) -> list[str]:
    """A body's head written onto its name as two words ("최강 아산정책연구원장" -> 최강
    아산정책연구원 장, lens `ko.heads`), so that the name before it reads as before a body
    and its title."""
    last = words[-1] if words else ""
    for head in rules.heads:
        if last.endswith(head) and body_word(last[: -len(head)], rules):
            return [*words[:-1], last[: -len(head)], head]
    return words


def _before_affiliation(words: list[str], rules: KoreanRules) -> set[str]:
    """A Korean name before its affiliation and title ("최강 아산정책연구원 원장"): the
    word before the run of bodies and titles that ends the phrase, where the name stands
    however Kiwi reads it (최강 is also a common noun)."""
    j = len(words) - 2
    while j > 0 and (
        body_word(words[j], rules)
        or is_title(words[j], rules)
        or _an_actor(words[j], rules)
        or words[j] in rules.places
    ):
        j -= 1
    word = words[j]
    if j == len(words) - 2 or not _KOREAN_NAME.match(word):
        return set()
    if body_word(word, rules) or is_title(word, rules) or any(u in word for u in rules.unnamed):
        return set()
    return {word}


def _an_actor(word: str, rules: KoreanRules) -> bool:
    return any(alias in word for alias in rules.actors)


def _alone_a_name(word: str) -> bool:
    return [(t.form, t.tag) for t in nlp.kiwi().tokenize(word)] == [(word, "NNP")]


def _proper_run(words: list[str], proper: set[str], rules: KoreanRules) -> str | None:
    """The last run of words in `proper` that are neither a body nor a title."""
    runs: list[list[str]] = [[]]
    for word in words:
        if word in proper and not body_word(word, rules) and not is_title(word, rules):
            runs[-1].append(word)
        elif runs[-1]:
            runs.append([])
    # a lone syllable is no name by itself ("미 국무부": the US)
    named = [run for run in runs if run and run != [run[0][:1]]]
    return " ".join(named[-1]) if named else None


def candidates(rules: KoreanRules) -> set[str]:
    """Every candidate's Korean names."""
    return {name for names in rules.spec.names.values() for name in names}


def is_title(word: str, rules: KoreanRules) -> bool:
    return word in rules.titles or word.endswith(rules.title_endings)


def described_spans(text: str, phrase: str) -> list[tuple[int, int]]:
    """Where `text` describes its speaker rather than the outlook: the speaker's phrase as
    written and a setting right after it ("김재천 한미경제연구소 연구위원은", "워싱턴
    한미경제연구소(KEI) 토론회에서"): their words name no domain."""
    at = text.find(phrase) if phrase else -1
    if at < 0:
        return []
    end = at + len(phrase)
    setting = _SETTING.match(text, end)
    return [(at, setting.end() if setting else end)]


# the particle after the speaker, and up to four words ending in 에서 before the outlook
_SETTING = re.compile(r"(?:은|는|이|가|도)?(?:\s+[^\s“\"”]+){0,3}?\s+[^\s“\"”]+에서(?=\s)")


def author_of(subject: str, rules: KoreanRules) -> str:
    """The author a phrase naming a cited work names ("한국경제연구원이 발표한 보고서" ->
    한국경제연구원; lens `ko.works`), else the phrase."""
    cited = rules.authored.match(subject)
    return cited.group("who") if cited else subject


def unbracketed(subject: str, rules: KoreanRules) -> str:
    """A speaker's phrase with its brackets read: an affiliation and title set in
    brackets after a name is apposition ("김재천(서강대 교수)" -> 김재천 서강대 교수); a
    lens actor's initials stay ("(CSIS)", `KoreanRules.actors`); any other bracket is left
    aside: a romanized name, other initials, a party or a caption's place ("빅터
    차(Victor Cha)", "(KDI)", "(국민의힘)", "(가운데)")."""

    def read(m: re.Match[str]) -> str:
        words = m.group(1).split()
        if f"({m.group(1)})" in rules.actors:
            return f" ({m.group(1)}) "
        return f" {m.group(1)} " if words and is_title(words[-1], rules) else " "

    return " ".join(_IN_BRACKETS.sub(read, subject).split())


_IN_BRACKETS = re.compile(r"\s*\(([^()]*)\)\s*")


def full_name_before(surname: str, earlier: list[str], rules: KoreanRules, title: str) -> str | None:
    """The full name a bare surname with a title stands for ("유 장관은" -> 유경민), from
    the latest earlier sentence that names someone of that surname before a title, also
    where that person did not speak ("유경민 외교부 장관(가운데)이 …", a caption); a
    Korean name (surname first) before a foreign one (surname last: "차 석좌는" -> 빅터 차,
    "아인혼 연구원은" -> 로버트 아인혼; a surname of several syllables is a foreign one).
    A second reference repeats the title: that person has the same `title` ("김 교수는"
    is not the "김정은 국무위원장" named before; "김 위원장은" is)."""
    found = _titled_before(surname, earlier, rules)
    same = [name for name, titles in found if any(_same_title(title, t) for t in titles)]
    return same[0] if same else None


def _same_title(a: str, b: str) -> bool:
    """ "교수" and "교수", "위원장" and "국무위원장", "연구원" and "선임연구원"."""
    return a.endswith(b) or b.endswith(a)


def _titled_before(surname: str, earlier: list[str], rules: KoreanRules) -> list[tuple[str, list[str]]]:
    """Each full name of that surname an earlier sentence gives before a title, latest
    sentence first, with the titles that follow it."""
    korean = rf"(?<![가-힣])({re.escape(surname)}[가-힣]{{1,3}})(?![가-힣])"
    foreign = rf"(?<![가-힣])([가-힣]{{1,5}} {re.escape(surname)})(?![가-힣])"
    found: list[tuple[str, list[str]]] = []
    for names in (korean, foreign) if len(surname) == 1 else (foreign,):
        for text in reversed(earlier):
            for m in re.finditer(names, text):
                given = m.group(1).split()[0]
                if names == foreign and (
                    body_word(given, rules) or given in rules.places or is_title(given, rules)
                ):
                    continue  # "서강대 김철수 교수": an affiliation, not a given name
                following = _HANGUL_WORD.findall(text[m.end() : m.end() + 40])[:3]
                # the title may carry its particle ("박원곤 이화여대 교수는 …", "… 교수에게 …")
                titles = [_TITLE_PARTICLE.sub("", w) if not is_title(w, rules) else w for w in following]
                titles = [t for t in titles if is_title(t, rules)]
                if titles:
                    found.append((m.group(1), titles))
    return found


_ACRONYM = re.compile(r"\([^)]*\)$")
_ACRONYM_NAME = re.compile(r"^[A-Z]{2,6}$")  # "CNN", "CSIS": a body by its initials
_HANGUL_WORD = re.compile(r"[가-힣]+")
_TITLE_PARTICLE = re.compile(r"(은|는|이|가|도|에게|와|과|의|을|를)$")
_NAME_PART = re.compile(r"^(?:[가-힣]+|[A-Za-z][A-Za-z.&-]*)$")
_HANGUL_SYLLABLE = re.compile(r"^[가-힣]$")
_KOREAN_NAME = re.compile(r"^[가-힣]{2,4}$")
_LATIN_NAME = re.compile(r"^[A-Z][a-z]+(?:[-'’][A-Za-z]+)*$|^(?:[A-Z]\.)+$")


def subject_phrases(
    before_verb: str, rules: KoreanRules, particles: set[int], start: int = 0, topics_only: bool = False
) -> list[str]:
    """The phrases from `start` on that may be the reporting verb's subject, in order: the
    topic-marked ones (은/는 where `particles` has a topic particle, "… 역시", or a title
    with 도: "박원곤 교수도"), else (unless `topics_only`: a subject inside a reported clause
    is that clause's) the first subject-marked one (이/가)."""
    found = [
        (m.start(), m.group(1) or m.group(2))
        for m in _TOPIC.finditer(before_verb, start)
        if m.group(1) or m.start(3) in particles
    ]
    found += [
        (m.start(), m.group(1))
        for m in _ALSO.finditer(before_verb, start)
        if is_title(m.group(1).split()[-1], rules) and m.end(1) in particles
    ]
    # "트럼프에 대해서는" is what is spoken about, not who speaks (lens `ko.about_endings`)
    topics = [phrase for _, phrase in sorted(found) if not rules.about.search(phrase)]
    if topics or topics_only:
        return topics
    subjects = (m.group(1) for m in _SUBJECT.finditer(before_verb, start))
    return [p for p in subjects if not rules.about.search(p)][:1]


def speaker_before_quote(text: str, rules: KoreanRules) -> str | None:
    """A titled subject right before the quotation the sentence reports: '박지원 의원이
    "…"라고 말했다' (a topic would be 의원은; a subject marker inside the quotation or a
    reported clause is that clause's own)."""
    m = _SUBJECT_THEN_QUOTE.match(text)
    return m.group(1) if m and is_title(m.group(1).split()[-1], rules) else None


def speaker_heading_quote(text: str, rules: KoreanRules) -> str | None:
    """A titled name right before a quotation, with no particle: a headline's way of
    giving someone's words ('[인터뷰] 이상현 세종연구소장 "트럼프 2기, 방위비 압박 거셀 것"')."""
    m = _NAMED_THEN_QUOTE.match(text)
    return m.group(1) if m and is_title(m.group(1).split()[-1], rules) else None


# A phrase of up to seven words before its particle, each word as short as it can be: the
# particle closes the first word that can carry it ("트럼프는 …", not "트럼프는 … 김정" + 은).
# A period ends a phrase except after a Latin capital: an initial ("Bruce W. Bennett").
_WORD = r"(?:[^\s,.]|(?<=[A-Z])\.)+?"
PHRASE = rf"({_WORD}(?:\s+{_WORD}){{0,6}}?)"
_SUBJECT = re.compile(PHRASE + r"(은|는|이|가)(?:\s+역시)?\s")
_ALSO = re.compile(PHRASE + r"도\s")
# "… 역시"/"… 또한" (… too) first: a phrase going on to a later topic ("국립외교원 김현수 교수
# 역시 해리스 행정부에서는 …") is not one subject
_TOPIC = re.compile(PHRASE + r"(?<![은는])\s+(?:역시|또한)\s|" + PHRASE + r"(은|는)(?:\s+(?:역시|또한))?\s")
_SUBJECT_THEN_QUOTE = re.compile(r"^\s*" + PHRASE + r"(?:이|가)\s*[“\"]")
_NAMED_THEN_QUOTE = re.compile(r"^\s*(?:\[[^\]]*\]\s*)?" + PHRASE + r"\s*[“\"]")
