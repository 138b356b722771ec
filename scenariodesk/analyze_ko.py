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
   speaker; bodies resolve to the English lens's canonical names (`ko_speakers.py`);
5. condition and domains carry through the text as in English: the sentence's own
   outcome phrase, a candidate it names, the paragraph's, the text's last, the topic;
   after a result, the winner's term.
"""

from __future__ import annotations

import re
from collections import Counter

from scenariodesk import ko_names
from scenariodesk.clauses import candidate_clauses, cue_word, near, segments
from scenariodesk.direction import LOWERING_BANDS, Consequence
from scenariodesk.discourse import open_paragraph, open_section, other_candidate
from scenariodesk.ko_names import candidates
from scenariodesk.ko_speakers import KoreanContext, left_open, read_label, speaker_of
from scenariodesk.lens import KoreanRules, Lens
from scenariodesk.models import AUTHOR, Analysis, Document, Span, Statement
from scenariodesk.sentences import KoreanSentence, korean_sentences

_QUOTES = re.compile(r"[“\"‘'][^”\"’']*[”\"’']?")


def extract_korean(
    document: Document, lens: Lens, consequences: list[tuple[Statement, Consequence]] | None = None
) -> Analysis:
    """Every scenario statement in a Korean `document` under `lens`; with `consequences`,
    each statement with what the direction step saw of it is added there (for training)."""
    rules = lens.korean
    if rules is None:
        return Analysis()
    sentences = korean_sentences(document.text, rules.quotative)
    allowed, winner = lens.outcomes_for_date(document.date)
    ctx = KoreanContext(
        allowed, winner, _topic(document, sentences, rules, allowed), consequences=consequences
    )
    statements: list[Statement] = []
    for i, s in enumerate(sentences):
        following = sentences[i + 1].text if i + 1 < len(sentences) else ""
        statements.extend(_sentence(s, ctx, rules, lens, following))
        ctx.earlier.append(s.text)
    return Analysis(statements=tuple(statements))


def _topic(
    document: Document, sentences: list[KoreanSentence], rules: KoreanRules, allowed: frozenset[str] | None
) -> str | None:
    """The one candidate an article names (outside quotations), if it names only one."""
    named: Counter[str] = Counter()
    for s in [document.title, *(s.text for s in sentences)]:
        for outcome, _ in rules.names.finditer(_QUOTES.sub(" ", s)):
            if allowed is None or outcome in allowed:
                named[outcome] += 1
    return next(iter(named)) if len(named) == 1 else None


def _sentence(
    s: KoreanSentence, ctx: KoreanContext, rules: KoreanRules, lens: Lens, following: str = ""
) -> list[Statement]:
    if s.paragraph != ctx.paragraph:
        _new_paragraph(s, ctx, rules)
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
        elif outcome.startswith("~"):  # "트럼프가 패배하면": the one other candidate running
            outcome = other_candidate(outcome[1:], ctx.allowed) or ""
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
    source, source_rule = speaker_of(text, ctx, rules, lens, following)
    if source_rule == "source:author" and ctx.quoting:
        # a quotation's later sentence ('"…거셀 것이다. 감축 카드도 나올 수 있다."')
        source, source_rule = ctx.quoting, "source:quotation-continued"
    elif source_rule == "source:author" and ctx.answering:
        source, source_rule = ctx.answering, "source:interview-answer"
    if left_open(text, bool(ctx.quoting)):
        ctx.quoting = ctx.quoting or (None if source == AUTHOR else source)
    else:
        ctx.quoting = None
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
    # its last outcome phrase, else the one candidate it names ("시나리오 1: 트럼프 재집권")
    named = {o for o, _ in names}
    open_section(
        ctx, s.headline, conditions[-1][0] if conditions else next(iter(named)) if len(named) == 1 else None
    )
    return out


def _new_paragraph(s: KoreanSentence, ctx: KoreanContext, rules: KoreanRules) -> None:
    """What a paragraph's first sentence resets: its outcome and domains (the domains
    carried on as the text's), an open quotation; an interview label it opens with."""
    open_paragraph(ctx, s.paragraph)
    ctx.quoting = None
    read_label(s.text, ctx, rules)


def _statement(
    s: KoreanSentence,
    ctx: KoreanContext,
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
    if source != AUTHOR and (lens.speaks_stance(source) or source in candidates(rules)):
        return None  # a candidate's own words: stance, not projection
    band, probability = lens.cue_value(rules.cue_by_id[cue_id], cue)
    consequence = _consequence(rules, text, (start, end), cue_id, cue, tuple(domains), outcome, band)
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
        likelihood=band,
        probability=probability,
        cue=Span(s.start + cue.start(), s.start + cue.end(), cue.group()),
        condition_phrase=phrase,
        source=source,
        source_phrase="",
        rules=tuple(trace),
    )
    if ctx.consequences is not None:
        ctx.consequences.append((statement, consequence))
    return statement


_REASON_GAP = 4  # characters between a cue and the reason ending after it ("것이기 때문에")


def _main_cue(text: str, rules: KoreanRules, inside: list) -> tuple | None:  # type: ignore[type-arg]
    """The first, main consequence's cue (convention 9): the first of the highest rank in
    the first clause that has one ("…추진될 것이라며 …쉽지 않을 것이라고": 추진될 것)."""
    # A cue that ends a reason clause ("…나설 수밖에 없어 수요가 커질 것") is the reason's
    # likelihood, not the consequence's, where a cue follows it.
    reasons = [r.start() for r in rules.reason_endings.finditer(text)]
    inside = [
        (r, m) for r, m in inside if not any(m.end() - 2 <= at <= m.end() + _REASON_GAP for at in reasons)
    ] or inside[-1:]
    if not inside:
        return None
    brk = rules.clause_breaks.search(text, inside[0][1].start())
    inside = [(r, m) for r, m in inside if brk is None or m.start() < brk.start()] or inside
    top = max(rules.cue_by_id[r].rank for r, _ in inside)
    return next((r, m) for r, m in inside if rules.cue_by_id[r].rank == top)


def _context_outcome(
    ctx: KoreanContext, rules: KoreanRules, s: KoreanSentence, named: list[str]
) -> tuple[str, str] | None:
    """(outcome, rule) of a segment with no outcome phrase: a candidate it names, the
    one the sentence before named when this one goes on about it (an anaphor), the
    paragraph's, the section's (a heading's), the article's candidate for "the new
    administration", "any" for an election-timed sentence before the result, the
    article's topic, the text's last, the winner after the result; None when nothing
    gives one."""
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
    if ctx.section_condition and not s.headline:
        return ctx.section_condition, "condition:section-context"
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


def _consequence(
    rules: KoreanRules,
    text: str,
    segment: tuple[int, int],
    cue_id: str,
    cue: re.Match[str],
    domains: tuple[str, ...],
    outcome: str,
    band: str,
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
    lowering = band in LOWERING_BANDS
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
