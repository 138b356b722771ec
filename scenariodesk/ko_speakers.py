"""Who speaks in a Korean sentence (ANNOTATION-ko, "Source"): the subject of its
reporting verb outside quotations, a caption's or a headline's named speaker, "X에 따르면",
"…는 게 X의 분석이다", the speaker carried from the sentence before or through a quotation
still open, and the answers of an interview written as questions and answers. The
English counterpart is `attribution.py` with `speakers.py`."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from scenariodesk import ko_names, nlp
from scenariodesk.ko_names import (
    PHRASE,
    body,
    candidates,
    full_name_before,
    is_title,
    names_someone,
    person,
    speaker_before_quote,
    speaker_heading_quote,
    subject_phrases,
)
from scenariodesk.lens import KoreanRules, Lens
from scenariodesk.models import AUTHOR

if TYPE_CHECKING:
    from scenariodesk.direction import Consequence
    from scenariodesk.models import Statement


@dataclass
class KoreanContext:
    """What the walk over a Korean article carries from sentence to sentence."""

    allowed: frozenset[str] | None
    winner: str | None
    topic: str | None
    paragraph: int = -1
    paragraph_condition: str | None = None
    paragraph_domains: list[str] = field(default_factory=list)
    discourse_condition: str | None = None
    discourse_domains: list[str] = field(default_factory=list)
    # the outcome a heading inside the text names for its section (discourse.Context)
    section_condition: str | None = None
    body: bool = False  # a sentence of body text has been read: a heading now opens a section
    last_candidate: str | None = None
    previous_named: tuple[int, tuple[str, ...]] = (-1, ())  # (paragraph, outcomes) of the sentence before
    last_speaker: str | None = None
    spoke: str | None = None  # who the sentence before reports as speaking, if anyone
    speaker_phrase: str = ""  # the sentence's speaker as written (its words name no domain)
    quoting: str | None = None  # who speaks in a quotation still open after the sentence before
    interviewee: str | None = None  # who answers an interview's questions ("―…?" paragraphs)
    answering: str | None = None  # … in the paragraphs since the last question
    names: dict[str, str] = field(default_factory=dict)  # surname or last word -> full name
    work_author: str | None = None  # who wrote the work cited last: "보고서는" next is theirs
    bodies: dict[str, str] = field(default_factory=dict)  # kind of body ("협회") -> the one last named
    earlier: list[str] = field(default_factory=list)  # the sentences read so far
    # For training (train.py): each statement with what the direction step saw of it.
    consequences: list[tuple[Statement, Consequence]] | None = None


_QUOTES = re.compile(r"[“\"‘'][^”\"’']*[”\"’']?")
_PARTICLES = frozenset("은는이가도")
_TOPICS = ("은", "는")  # topic particles
# A name and title in brackets right after a quotation: who said it.
_CREDITED = re.compile(r"[”\"]\s*\(([^()]{2,40})\)")
# A sentence that is a quotation, also set as a broadcast script's bullet ("- “…”").
_OPENS_QUOTE = re.compile(r"^[\s\-–—•·▶]*[“\"]")
# After a caption's name: the speaker's title, then a colon and what they say.
_TITLE_THEN_SAID = re.compile(r"^[^:“\"]*:\s*\S")


def left_open(text: str, was_open: bool) -> bool:
    """Whether a quotation is still open at the end of `text` (one open before it if
    `was_open`): curly marks open and close, a straight one toggles."""
    for mark in re.findall(r"[“”\"]", text):
        was_open = mark == "“" or (mark == '"' and not was_open)
    return was_open


def read_label(text: str, ctx: KoreanContext, rules: KoreanRules) -> None:
    """At a paragraph's start: an interview's question ("―트럼프가 당선되면?", "Q.") is
    the interviewer's, and the person who spoke before the first question answers in the
    paragraphs after it (or one opening "A.") until the next question."""
    if "question" in rules.labels and rules.labels["question"].match(text):
        ctx.interviewee = ctx.interviewee or ctx.last_speaker
        ctx.answering = None
    elif ctx.interviewee and (
        "answer" in rules.labels and rules.labels["answer"].match(text) or ctx.answering is None
    ):
        ctx.answering = ctx.interviewee


def speaker_of(
    text: str, ctx: KoreanContext, rules: KoreanRules, lens: Lens, following: str = ""
) -> tuple[str, str]:
    """(source, rule): the subject of the sentence's reporting verb, outside quotations;
    for a bare quotation, the speaker the next sentence names ("김 교수의 설명이다."), else
    the previous quotation's."""
    caption = next((m for line in rules.speaker_lines if (m := line.search(text))), None)
    if caption:  # "▶ 전화인터뷰 : 서태환 / 한동대 교수": the next quotation is theirs
        return _caption_speaker(text, caption, ctx)
    credited = _CREDITED.search(text)
    if credited and is_title(credited.group(1).split()[-1], rules) and person(credited.group(1), rules):
        # '"…할 것"(김재천 서강대 교수)이라는 전망이다': the person credited in brackets
        return _speaker(credited.group(1), ctx, rules, "source:credited")
    bare = _QUOTES.sub(lambda m: " " * len(m.group()), text)
    bare = _without_outcome_phrases(bare, rules)
    said_as = rules.said_as.search(bare)
    if said_as:  # "…는 게 김재천 교수의 분석이다"
        return _speaker(said_as.group("who"), ctx, rules, "source:said-as")
    verb = None
    for m in rules.reporting.finditer(bare):
        verb = m
    if verb is None:
        if _OPENS_QUOTE.match(text):
            named_next = rules.said_as.match(following.strip())
            if named_next:  # '"…" 김재천 교수의 설명이다.'
                return _speaker(named_next.group("who"), ctx, rules, "source:next-sentence")
            if ctx.last_speaker:
                return ctx.last_speaker, "source:previous-quotation"
            if introduced := _introduced_person(ctx, rules):
                return introduced, "source:introduced-before"
        if ctx.spoke and rules.said_so.search(bare):  # "… 거세질 것이라는 설명이다."
            return ctx.spoke, "source:said-so"
        according = rules.according_to.search(bare)
        if according:  # "박원곤 이화여대 교수에 따르면 …"
            who = according.group("who")
            if who.split()[0].removesuffix("의") in rules.pronoun_words and ctx.last_speaker:
                return ctx.last_speaker, "source:according-to-pronoun"  # "그의 설명에 따르면"
            found = _speaker(who, ctx, rules, "source:according-to")
            if found[0] != AUTHOR and any(w in according.group()[len(who) :] for w in rules.works):
                ctx.work_author = found[0]  # "한국경제연구원 보고서에 따르면": "보고서는" next
            return found
        if heading := speaker_heading_quote(text, rules):
            return _speaker(heading, ctx, rules, "source:heading-quotation")
        return AUTHOR, "source:author"
    before = bare[: verb.start()]
    if rules.pronoun.search(before):
        if ctx.last_speaker:
            return ctx.last_speaker, "source:pronoun"
        named = _last_titled_person(ctx, rules)
        return (named, "source:pronoun-named-before") if named else (AUTHOR, "source:pronoun-unresolved")
    # "…커질 것으로 보인다고 김재천 교수는 말했다": the speaker follows the reported clause.
    closings = [m.end() for m in rules.quotative.finditer(before)]
    after = closings[-1] if closings else 0
    # Only where Kiwi reads a topic particle: not the adnominal -는 of a verb ("취임하는
    # 날") nor a name that ends like one ("김정은"). Read once for both looks below.
    particles = {t.start for t in nlp.kiwi().tokenize(before) if t.tag == "JX"}
    phrases = subject_phrases(before, rules, particles, after) or subject_phrases(
        before, rules, particles, topics_only=True
    )
    if not phrases and (lead := speaker_before_quote(text, rules)):
        return _speaker(lead, ctx, rules, "source:subject-before-quotation")
    if not phrases:
        # "이어 “…”고 말했다", "그러면서 … 내다봤다": a reporting verb with no subject of
        # its own is the last speaker going on.
        if ctx.last_speaker:
            return ctx.last_speaker, "source:continued"
        return AUTHOR, "source:author"
    # The reported clause has topics of its own ("전문가들은 트럼프 2기에는 … 전망했다"): the
    # speaker is the nearest phrase before the verb that names someone, else the first
    # that names an unnamed group ("전문가들은"), else the first.
    subject = next(
        (p for p in reversed(phrases) if names_someone(p, rules)),
        next((p for p in phrases if any(w in p for w in rules.unnamed)), phrases[0]),
    )
    return _speaker(subject, ctx, rules, "source:reporting-verb")


def _without_outcome_phrases(bare: str, rules: KoreanRules) -> str:
    """The text with its outcome phrases blanked: such a phrase names the candidate, not
    who speaks ("트럼프 재집권 시 … 전망했다"), unless a particle makes it the subject
    ("트럼프 당선인은 … 반응했다"), and a topic that opens one is the sentence's subject:
    "트럼프는 당선되면 … 부과하겠다고 공약했다" is Trump's pledge ("트럼프가 당선되면" is not his)."""
    for _, m in rules.conditions.finditer(bare):
        if bare[m.end() : m.end() + 1] not in _PARTICLES:
            first = m.group().split(" ", 1)[0]
            start = m.start() + len(first) if " " in m.group() and first.endswith(_TOPICS) else m.start()
            bare = bare[:start] + " " * (m.end() - start) + bare[m.end() :]
    return bare


def _caption_speaker(text: str, caption: re.Match[str], ctx: KoreanContext) -> tuple[str, str]:
    """(source, rule) of a broadcast caption: its speaker's where the sound bite is on
    its line or opens the rest ("[김재천 / 서강대 교수 : …]", "[인터뷰] 김재천 / 교수 : …"),
    else no one's yet (the quotation below is theirs)."""
    name = _named(caption.group("name").strip(), ctx)
    # the caption describes the speaker: its affiliation names no domain
    said_at = caption.start("said") if caption.groupdict().get("said") else caption.end()
    ctx.speaker_phrase = text[caption.start() : said_at].strip()
    rest = text[caption.end() :]
    if caption.groupdict().get("said") or _OPENS_QUOTE.match(rest) or _TITLE_THEN_SAID.match(rest):
        return name, "source:caption"
    return AUTHOR, "source:caption"


def _speaker(subject: str, ctx: KoreanContext, rules: KoreanRules, rule: str) -> tuple[str, str]:
    """(source, rule) named by a speaker's phrase: a person before a title, whatever body
    their affiliation names ("신범철 전 국방부 차관" -> 신범철), else a lens actor
    ("국방부는" -> its canonical name), else an unnamed group or a person. A cited work's
    author ("한국경제연구원이 발표한 보고서는") is also whose the work is when it speaks
    again alone ("보고서는", "이 보고서는"); a work no one was named with is the author's."""
    ctx.speaker_phrase = subject
    plain = ko_names.unbracketed(subject, rules)
    if _bare_work(plain, rules):
        return (
            (ctx.work_author, "source:work-named-before") if ctx.work_author else (AUTHOR, "source:unnamed")
        )
    author = ko_names.author_of(plain, rules)
    found = _speaker_named(author, ctx, rules, rule)
    if author != plain and found[0] != AUTHOR:
        ctx.work_author = found[0]
    return found


def _bare_work(phrase: str, rules: KoreanRules) -> bool:
    """A cited work with no author of its own: "보고서는", "이 보고서는", "해당 보고서에서"."""
    words = phrase.split()
    if words and words[0] in _DEMONSTRATIVES:
        words = words[1:]
    if not words:
        return False
    rest = " ".join(words)
    return any(rest.startswith(w) and rest[len(w) :] in _WORK_PARTICLES for w in rules.works)


_DEMONSTRATIVES = frozenset({"이", "그", "해당", "같은", "이번"})
_WORK_PARTICLES = frozenset({"", "은", "는", "이", "가", "도", "에서", "에서는", "에선"})


def _speaker_named(subject: str, ctx: KoreanContext, rules: KoreanRules, rule: str) -> tuple[str, str]:
    """`_speaker` for a phrase whose cited work, if any, is already read as its author."""
    words = subject.split()
    if words and is_title(words[-1], rules):
        someone = person(subject, rules)
        if someone is None and len(words) == 2 and words[0] in ctx.names:
            someone = words[0]  # "신 센터장": the surname of someone named before, however Kiwi reads it
        if someone and " " not in someone and someone not in ctx.names:
            full = full_name_before(someone, ctx.earlier, rules, words[-1])
            if full:  # "유 장관은" after a caption naming "유경민 외교부 장관"
                ctx.names[someone] = full
        if someone == "한" and someone not in ctx.names:
            return AUTHOR, "source:unnamed"  # "한 연구위원은": a researcher, not a Mr. Han
        if someone and not any(alias in someone for alias in rules.actors):
            return _named(someone, ctx), rule
    if words and words[-1].startswith(rules.unnamed):
        return AUTHOR, "source:unnamed"  # "외교부 관계자는": an unnamed official, as in English
    for alias, name in rules.actors.items():
        if alias in subject:
            # "중국 외교부": another country's ministry, as written
            name = ko_names.owned_elsewhere(subject, alias, name, rules) or name
            ctx.last_speaker = name
            return name, "source:actor"
    if any(word in subject for word in rules.unnamed):
        return AUTHOR, "source:unnamed"
    name = None if ko_names.ends_in_body(words, rules) else person(subject, rules)
    if name is not None:
        return _named(name, ctx), rule
    named_body = body(subject, rules)
    if named_body is None:  # no one: the clause's own subject ("방위비 협상이 … 전망했다")
        ctx.speaker_phrase = ""
        return AUTHOR, "source:unnamed"
    if named_body in rules.body_endings and not is_title(named_body, rules):
        named_body = ctx.bodies.get(named_body, named_body)  # "협회는": the association named before
    else:
        for head in rules.body_endings:
            if named_body.endswith(head) and named_body != head:
                ctx.bodies[head] = named_body  # "한국무역협회" is who "협회" is next
    ctx.last_speaker = named_body  # a body the lens does not know, as written (ANNOTATION-ko)
    return named_body, rule


def _last_titled_person(ctx: KoreanContext, rules: KoreanRules) -> str | None:
    """The person last named with a title, speaking or not, whatever their particle ("김재천
    서강대 교수는 토론회에서 발제를 맡았다. 그는 …", "김 교수에게 영향을 물었다. 그는 …")."""
    for text in reversed(ctx.earlier):
        bare = _QUOTES.sub(lambda m: " " * len(m.group()), text)
        for m in reversed(list(_NAMED.finditer(bare))):
            if name := _titled_person(m.group(1), rules):
                return _named(name, ctx)
    return None


def _introduced_person(ctx: KoreanContext, rules: KoreanRules) -> str | None:
    """The titled person the sentence just before opens on as its subject, speaking or
    not ("박원곤 이화여대 교수는 이날 세미나에서 발표자로 나섰다."), whose words a bare
    quotation right after it gives (ANNOTATION convention 11; English does the same in
    `speakers.introduced_speaker`)."""
    if not ctx.earlier:
        return None
    opening = _OPENING_SUBJECT.match(_QUOTES.sub(lambda m: " " * len(m.group()), ctx.earlier[-1]))
    name = _titled_person(opening.group(1), rules) if opening else None
    return _named(name, ctx) if name else None


def _titled_person(phrase: str, rules: KoreanRules) -> str | None:
    """The person a phrase names with a title ("김재천 서강대 교수"), not a candidate or an
    actor the lens knows."""
    if not is_title(phrase.split()[-1], rules):
        return None
    name = person(phrase, rules)
    if not name or name in candidates(rules) or any(a in name for a in rules.actors):
        return None
    return name


def _named(name: str, ctx: KoreanContext) -> str:
    """The full name for a surname given earlier; remembers full names and the speaker."""
    if " " not in name and name in ctx.names:
        name = ctx.names[name]  # "민 연구원은" -> 민지석; "해리건 석좌는" -> 폴 해리건
    else:
        ctx.names[name.split()[-1]] = name
        ctx.names[name[0]] = name  # a Korean surname is the first syllable
    ctx.last_speaker = name
    return name


_NAMED = re.compile(PHRASE + r"(은|는|이|가|에게|께|을|를|와|과|도)\s")
_OPENING_SUBJECT = re.compile(r"\s*" + PHRASE + r"(?:은|는|이|가)\s")
