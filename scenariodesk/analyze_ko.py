"""Scenario statements in Korean articles: a pure function of (document, lens), like
`analyze.py` for English, with the lens's `ko` section for every word it looks for.

Korean puts the main predicate last, attaches particles to words and marks speech with
a quotative ending (…라고 말했다), so the steps differ where the language does:

1. sentences from Kiwi's splitter (a line break always ends one);
2. outcome phrases, cues, domain and impact terms matched without word edges;
3. the cue is the first of the highest rank in the first clause that has one;
4. the speaker is the proper noun(s) Kiwi tags before the title and the topic particle
   of the clause that carries the reporting verb ("국가안보전략연구원 민지석 선임연구원은
   …고 내다봤다" -> 민지석); a surname with a title ("민 연구원은") or "그는" takes the last
   speaker; bodies resolve to the English lens's canonical names;
5. condition and domains carry through the text as in English: the sentence's own
   outcome phrase, a candidate it names, the paragraph's, the text's last, the topic;
   after a result, the winner's term.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from scenariodesk import ko_names, nlp
from scenariodesk.clauses import candidate_clauses, cue_word, near, segments
from scenariodesk.direction import LOWERING_BANDS, Consequence
from scenariodesk.ko_names import (
    PHRASE,
    body,
    full_name_before,
    is_title,
    names_someone,
    person,
    speaker_before_quote,
    subject_phrases,
)
from scenariodesk.lens import KoreanRules, Lens
from scenariodesk.models import Analysis, Document, Span, Statement
from scenariodesk.sentences import KoreanSentence, korean_sentences

AUTHOR = "author"
_QUOTES = re.compile(r"[“\"‘'][^”\"’']*[”\"’']?")
_HANGUL = re.compile(r"^[가-힣]{2,4}$")
_PRONOUN_SUBJECT = re.compile(r"^\s*(그|그녀|이들|그들)(는|은|가)\s")
_PARTICLES = frozenset("은는이가도")
# A name and title in brackets right after a quotation: who said it.
_CREDITED = re.compile(r"[”\"]\s*\(([^()]{2,40})\)")
# A sentence that is a quotation, also set as a broadcast script's bullet ("- “…”").
_OPENS_QUOTE = re.compile(r"^[\s\-–—•·▶]*[“\"]")
# After a caption's name: the speaker's title, then a colon and what they say.
_TITLE_THEN_SAID = re.compile(r"^[^:“\"]*:\s*\S")


@dataclass
class _Context:
    allowed: set[str] | None
    winner: str | None
    topic: str | None
    paragraph: int = -1
    paragraph_condition: str | None = None
    paragraph_domains: list[str] = field(default_factory=list)
    discourse_condition: str | None = None
    discourse_domains: list[str] = field(default_factory=list)
    last_candidate: str | None = None
    previous_named: tuple[int, tuple[str, ...]] = (-1, ())  # (paragraph, outcomes) of the sentence before
    last_speaker: str | None = None
    spoke: str | None = None  # who the sentence before reports as speaking, if anyone
    speaker_phrase: str = ""  # the sentence's speaker as written (its words name no domain)
    names: dict[str, str] = field(default_factory=dict)  # surname or last word -> full name
    earlier: list[str] = field(default_factory=list)  # the sentences read so far
    # For training (train.py): each statement with what the direction step saw of it.
    consequences: list[tuple[Statement, Consequence]] | None = None


def extract_korean(
    document: Document, lens: Lens, consequences: list[tuple[Statement, Consequence]] | None = None
) -> Analysis:
    """Every scenario statement in a Korean `document` under `lens`; with `consequences`,
    each statement with what the direction step saw of it is added there (for training)."""
    rules = lens.korean
    if rules is None:
        return Analysis()
    sentences = korean_sentences(document.text)
    allowed, winner = lens.outcomes_for_date(document.date)
    ctx = _Context(allowed, winner, _topic(document, sentences, rules, allowed), consequences=consequences)
    statements: list[Statement] = []
    for i, s in enumerate(sentences):
        following = sentences[i + 1].text if i + 1 < len(sentences) else ""
        statements.extend(_sentence(s, ctx, rules, lens, following))
        ctx.earlier.append(s.text)
    return Analysis(statements=tuple(statements))


def _topic(
    document: Document, sentences: list[KoreanSentence], rules: KoreanRules, allowed: set[str] | None
) -> str | None:
    """The one candidate an article names (outside quotations), if it names only one."""
    named: Counter[str] = Counter()
    for s in [document.title, *(s.text for s in sentences)]:
        for outcome, _ in rules.names.finditer(_QUOTES.sub(" ", s)):
            if allowed is None or outcome in allowed:
                named[outcome] += 1
    return next(iter(named)) if len(named) == 1 else None


def _sentence(
    s: KoreanSentence, ctx: _Context, rules: KoreanRules, lens: Lens, following: str = ""
) -> list[Statement]:
    if s.paragraph != ctx.paragraph:
        ctx.paragraph = s.paragraph
        ctx.paragraph_condition = None
        if ctx.paragraph_domains:
            ctx.discourse_domains = ctx.paragraph_domains
        ctx.paragraph_domains = []
    text = s.text
    conditions = []
    names = [
        (o, m)
        for o, m in rules.names.finditer(text)
        if (ctx.allowed is None or o in ctx.allowed) and not rules.contrast_after.match(text, m.end())
    ]
    for rule, m in rules.conditions.finditer(text):
        if rules.contrast_after.match(text, m.end()):
            continue  # "트럼프 행정부 때보다": a comparison, not the outcome
        outcome = rule.split(":", 1)[0]
        if outcome == "*":
            outcome = (names[0][0] if names else None) or ctx.last_candidate or ctx.topic or ""
        if outcome and (outcome == "any" or ctx.allowed is None or outcome in ctx.allowed):
            conditions.append((outcome, rule, m))
    # another election than the lens's ("6·3 대선에서 누가 당선되든"): its "any" is not ours,
    # and with no outcome of ours named the sentence projects none
    others = [
        m
        for m in rules.other_elections.finditer(text)
        if not any(c.start() < m.end() and m.start() < c.end() for o, _, c in conditions if o != "any")
    ]
    conditions = [c for c in conditions if not (others and c[0] == "any" and near(c[2], others))]
    unrelated = bool(others) and not conditions and not names
    ctx.speaker_phrase = ""
    source, source_rule = _source(text, ctx, rules, lens, following)
    ctx.spoke = None if source == AUTHOR else source
    described = ko_names.described_spans(text, ctx.speaker_phrase)
    for outcome, _ in names:
        ctx.last_candidate = outcome
    term_domains = rules.domains_in(text, 0, len(text), described)
    if term_domains and not ctx.paragraph_domains:
        ctx.paragraph_domains = term_domains
    advice = [m.span() for m in rules.non_projections.finditer(text)]
    cues = [
        (rule, m)
        for rule, m in rules.cues.finditer(text)
        if not any(a <= m.start() < b for a, b in advice)
        and rules.cue_by_id[rule].applies(s.headline)
        and (conditions or not rules.cue_by_id[rule].needs_outcome)
    ]
    out: list[Statement] = []
    if cues and not unrelated and not text.rstrip().endswith("?"):
        for start, end, condition in (
            [(g.start, g.end, g.condition) for g in segments(text, conditions)]
            if conditions
            else candidate_clauses(text, names, rules.clause_breaks)
        ):
            st = _statement(s, ctx, rules, lens, start, end, condition, names, cues, source, source_rule)
            if st is not None:
                out.append(st)
    if conditions:
        last = conditions[-1][0]
        ctx.paragraph_condition = ctx.paragraph_condition or last
        if last != "any":
            ctx.discourse_condition = last
    ctx.previous_named = (s.paragraph, tuple(dict.fromkeys(o for o, _ in names)))
    return out


def _statement(
    s: KoreanSentence,
    ctx: _Context,
    rules: KoreanRules,
    lens: Lens,
    start: int,
    end: int,
    condition: tuple | None,  # type: ignore[type-arg]
    names: list,  # type: ignore[type-arg]
    cues: list,  # type: ignore[type-arg]
    source: str,
    source_rule: str,
) -> Statement | None:
    if condition is not None:
        cues = [(r, m) for r, m in cues if not condition[2].start() <= m.start() < condition[2].end()]
    # A clause without a predicate of its own shares the sentence's last one ("클린턴이
    # 당선되면 공조가 두터워지는 반면, 트럼프가 승리하면 … 가능성이 거론된다").
    chosen = _main_cue(s.text, rules, [(r, m) for r, m in cues if start <= m.start() < end] or cues[-1:])
    if chosen is None:
        return None
    cue_id, cue = chosen
    trace = [f"cue:{cue_id}"]
    text = s.text
    if condition is not None:
        outcome, phrase = (
            condition[0],
            Span(s.start + condition[2].start(), s.start + condition[2].end(), condition[2].group()),
        )
        trace.append(f"condition:{condition[1]}")
    else:
        phrase = None
        found = _context_outcome(ctx, rules, s, [o for o, m in names if start <= m.start() < end])
        if found is None:
            return None
        outcome, rule = found
        trace.append(rule)
    if ctx.winner and outcome != ctx.winner and condition is None:
        outcome = ctx.winner
        trace.append("condition:winner-after-election")
    domains = rules.domains_in(text, start, end, ko_names.described_spans(text, ctx.speaker_phrase))
    if domains:
        ctx.paragraph_domains = domains
    elif ctx.paragraph_domains:
        domains = ctx.paragraph_domains
        trace.append("domain:paragraph-context")
    elif ctx.discourse_domains and (condition is not None or names):
        domains = ctx.discourse_domains
        trace.append("domain:discourse-context")
    elif outcome != "any" or condition is None:
        return None
    # else a generic impact under any outcome ("누가 당선되든 …"): the article's theme
    # completes it (discourse.with_article_domain), as in English.
    trace += [f"domain:{d}" for d in domains]
    if source != AUTHOR and (lens.speaks_stance(source) or source in _candidates(rules)):
        return None  # a candidate's own words: stance, not projection
    consequence = _consequence(rules, text, (start, end), cue_id, cue, tuple(domains), outcome)
    direction, direction_trace = lens.direction_step.decide(consequence)
    trace += [*direction_trace, source_rule]
    ctx.paragraph_condition = outcome
    if outcome != "any":
        ctx.discourse_condition = outcome
    statement = Statement(
        sentence=" ".join(text.split()),
        sentence_span=(s.start, s.end),
        condition=outcome,
        domains=tuple(domains),
        direction=direction,
        likelihood=(band := rules.cue_by_id[cue_id].band),
        probability=lens.band_probability(band),
        cue=Span(s.start + cue.start(), s.start + cue.end(), cue.group()),
        condition_phrase=phrase,
        source=source,
        source_phrase="",
        rules=tuple(trace),
    )
    if ctx.consequences is not None:
        ctx.consequences.append((statement, consequence))
    return statement


def _main_cue(text: str, rules: KoreanRules, inside: list) -> tuple | None:  # type: ignore[type-arg]
    """The first, main consequence's cue (convention 9): the first of the highest rank in
    the first clause that has one ("…추진될 것이라며 …쉽지 않을 것이라고": 추진될 것)."""
    if not inside:
        return None
    brk = rules.clause_breaks.search(text, inside[0][1].start())
    inside = [(r, m) for r, m in inside if brk is None or m.start() < brk.start()] or inside
    top = max(rules.cue_by_id[r].rank for r, _ in inside)
    return next((r, m) for r, m in inside if rules.cue_by_id[r].rank == top)


def _context_outcome(
    ctx: _Context, rules: KoreanRules, s: KoreanSentence, named: list[str]
) -> tuple[str, str] | None:
    """(outcome, rule) of a segment with no outcome phrase: a candidate it names, the
    one the sentence before named when this one goes on about it (an anaphor), the
    paragraph's, the article's candidate for "the new administration", "any" for an
    election-timed sentence before the result, the article's topic, the text's last, the
    winner after the result; None when nothing gives one."""
    text = s.text
    if len(set(named)) > 1:  # "트럼프와 해리스 모두 …": one clause names both
        return "any", "condition:any:candidates-together"
    if named:
        return named[0], f"condition:{named[0]}:named"
    paragraph, before = ctx.previous_named
    if len(before) == 1 and paragraph in (s.paragraph, s.paragraph - 1) and rules.anaphors.match(text):
        # "트럼프에 대해서는 … 꼽았다. 그러면서도 그 …": the one just named, whatever the paragraph's
        return before[0], f"condition:{before[0]}:anaphor"
    if ctx.paragraph_condition:
        return ctx.paragraph_condition, "condition:paragraph-context"
    if ctx.topic and rules.winner.search(text):
        return ctx.topic, "condition:winner-term-topic"
    if rules.election.search(text) and not ctx.winner:
        return "any", "condition:any:election-timed"
    if ctx.topic:
        return ctx.topic, "condition:article-topic"
    if ctx.discourse_condition:
        return ctx.discourse_condition, "condition:discourse-context"
    if ctx.winner:
        return ctx.winner, "condition:winner-after-election"
    return None


def _candidates(rules: KoreanRules) -> set[str]:
    return {name for names in rules.spec.names.values() for name in names}


def _consequence(
    rules: KoreanRules,
    text: str,
    segment: tuple[int, int],
    cue_id: str,
    cue: re.Match[str],
    domains: tuple[str, ...],
    outcome: str,
) -> Consequence:
    """What the direction step (English's) sees of a Korean segment: its effect-theme
    pairs ("관세 부담이 줄어" favourable), then the impact terms outside them (negated by
    a negation right after: 흔들리지 않), the cue's lowering, domains and outcome. Not the
    cue's own words ("밝다고 보기 어렵다"), a reason clause before (`ko.reason_endings`:
    "동맹 복원을 내건 만큼 …") nor the other side's (`ko.unlike`)."""
    start, end = segment
    reason = [m.end() for m in rules.reason_endings.finditer(text, start, cue.start())]
    start = max([start, *reason])
    spec = rules.cue_by_id[cue_id]
    lowering = spec.band in LOWERING_BANDS
    pairs = rules.effect_pairs(text, start, end, lambda m: cue_word(m, cue, spec.names_event), cue.start())
    # "…인상을 밀어붙였던 트럼프 대통령과는 결이 다를 것"
    unlike = next((m.start() for m in rules.unlike.finditer(text, start, end)), -1)
    impact = [(sign, negated, words) for sign, negated, words, span in pairs if span[1] > unlike]
    for sign, m in rules.impact.finditer(text):
        inside_pair = any(a <= m.start() < b or a < m.end() <= b for *_, (a, b) in pairs)
        if (
            unlike < m.start()
            and start <= m.start() < end
            and not cue_word(m, cue, spec.names_event)
            and not inside_pair
        ):
            negated = rules.negated_after(text, m.end(), cue.start())
            impact.append(({"+": 1, "-": -1}.get(sign, 0), negated, m.group()))
    return Consequence(text[start:end], (), tuple(impact), lowering, domains, outcome, language="ko")


def _source(text: str, ctx: _Context, rules: KoreanRules, lens: Lens, following: str = "") -> tuple[str, str]:
    """(source, rule): the subject of the sentence's reporting verb, outside quotations;
    for a bare quotation, the speaker the next sentence names ("김 교수의 설명이다."), else
    the previous quotation's."""
    caption = next((m for line in rules.speaker_lines if (m := line.search(text))), None)
    if caption:  # "▶ 전화인터뷰 : 서태환 / 한동대 교수": the next quotation is theirs
        name = _named(caption.group("name").strip(), ctx)
        rest = text[caption.end() :]
        if caption.groupdict().get("said") or _OPENS_QUOTE.match(rest) or _TITLE_THEN_SAID.match(rest):
            return name, "source:caption"  # "[김재천 / 서강대 교수 : …]", "[인터뷰] 김재천 / 교수 : …"
        return AUTHOR, "source:caption"
    credited = _CREDITED.search(text)
    if credited and is_title(credited.group(1).split()[-1], rules) and person(credited.group(1), rules):
        # '"…할 것"(김재천 서강대 교수)이라는 전망이다': the person credited in brackets
        return _speaker(credited.group(1), ctx, rules, "source:credited")
    bare = _QUOTES.sub(lambda m: " " * len(m.group()), text)
    # an outcome phrase names the candidate, not who speaks ("트럼프 재집권 시 … 전망했다"),
    # unless a particle makes it the subject ("트럼프 당선인은 … 반응했다")
    for _, m in rules.conditions.finditer(bare):
        if bare[m.end() : m.end() + 1] not in _PARTICLES:
            bare = bare[: m.start()] + " " * (m.end() - m.start()) + bare[m.end() :]
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
        if ctx.spoke and rules.said_so.search(bare):  # "… 거세질 것이라는 설명이다."
            return ctx.spoke, "source:said-so"
        according = rules.according_to.search(bare)
        if according:  # "박원곤 이화여대 교수에 따르면 …"
            who = according.group("who")
            if who.split()[0].removesuffix("의") in rules.pronoun_words and ctx.last_speaker:
                return ctx.last_speaker, "source:according-to-pronoun"  # "그의 설명에 따르면"
            return _speaker(who, ctx, rules, "source:according-to")
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


def _speaker(subject: str, ctx: _Context, rules: KoreanRules, rule: str) -> tuple[str, str]:
    """(source, rule) named by a speaker's phrase: a person before a title, whatever body
    their affiliation names ("신범철 전 국방부 차관" -> 신범철), else a lens actor
    ("국방부는" -> its canonical name), else an unnamed group or a person."""
    ctx.speaker_phrase = subject
    subject = ko_names.author_of(ko_names.unbracketed(subject, rules), rules)
    words = subject.split()
    if words and is_title(words[-1], rules):
        someone = person(subject, rules)
        if someone and " " not in someone and someone not in ctx.names:
            full = full_name_before(someone, ctx.earlier, rules)
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
    ctx.last_speaker = named_body  # a body the lens does not know, as written (ANNOTATION-ko)
    return named_body, rule


def _last_titled_person(ctx: _Context, rules: KoreanRules) -> str | None:
    """The person last named with a title, speaking or not, whatever their particle ("김재천
    서강대 교수는 토론회에서 발제를 맡았다. 그는 …", "김 교수에게 영향을 물었다. 그는 …")."""
    for text in reversed(ctx.earlier):
        bare = _QUOTES.sub(lambda m: " " * len(m.group()), text)
        for m in reversed(list(_NAMED.finditer(bare))):
            phrase = m.group(1)
            if is_title(phrase.split()[-1], rules):
                name = person(phrase, rules)
                if name and name not in _candidates(rules) and not any(a in name for a in rules.actors):
                    return _named(name, ctx)
    return None


def _named(name: str, ctx: _Context) -> str:
    """The full name for a surname given earlier; remembers full names and the speaker."""
    if " " not in name and name in ctx.names:
        name = ctx.names[name]  # "민 연구원은" -> 민지석; "해리건 석좌는" -> 폴 해리건
    else:
        ctx.names[name.split()[-1]] = name
        ctx.names[name[0]] = name  # a Korean surname is the first syllable
    ctx.last_speaker = name
    return name


_NAMED = re.compile(PHRASE + r"(은|는|이|가|에게|께|을|를|와|과|도)\s")
