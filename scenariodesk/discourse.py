"""What a reader carries from sentence to sentence: the article's topic, the candidate
and person last named, the paragraph's and the text's outcome and domains, who is
speaking in a quotation, and surnames resolved to full names."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field, replace
from typing import Any

from spacy.lang.en.stop_words import STOP_WORDS

from scenariodesk.clauses import Features, Segment, named_together
from scenariodesk.lens import Lens
from scenariodesk.models import Document, Span, Statement
from scenariodesk.nlp import past_form
from scenariodesk.sentences import FOLD, Sentence, inside


@dataclass
class Context:
    allowed: frozenset[str] | None
    winner: str | None
    topic: str | None
    last_candidate: str | None = None
    last_person: str | None = None  # canonical name, or outcome id prefixed with "candidate:"
    paragraph: int = -1
    paragraph_condition: str | None = None
    paragraph_domains: list[str] = field(default_factory=list)
    # Carried across paragraphs: the outcome and domains the text last established, for
    # sentences that name neither ("That could shake the foundations of the alliance").
    discourse_condition: str | None = None
    discourse_domains: list[str] = field(default_factory=list)
    # The outcome a heading inside the text names as its section's hypothesis ("Scenario
    # 1: Trump returns"), for the section's sentences that name none; the next heading
    # ends it. `body` is whether a sentence of body text has been read (a title is no
    # section's heading).
    section_condition: str | None = None
    body: bool = False
    quote_speakers: dict[tuple[int, int], tuple[str, str]] = field(default_factory=dict)
    last_quote_speaker: tuple[str, str] | None = None
    names: dict[str, str] = field(default_factory=dict)  # surname / given name -> full name
    # what a named person was described as -> that person ("Kim Sung-han, a professor at
    # …": "the professor said" is Kim Sung-han's), the latest one described so
    described: dict[str, str] = field(default_factory=dict)
    # (paragraph, candidates) the sentence just read named, for an anaphor opening the next
    previous_named: tuple[int, tuple[str, ...]] = (-1, ())
    cycle: int | None = None  # the article's election cycle, for its candidates' aliases
    # In an interview written as a transcript: who answers in the paragraphs since the
    # last label ("Lee: …"; none after the interviewer's "Q: …"), and who answered last.
    label_speaker: tuple[str, str] | None = None
    interviewee: str | None = None
    roundup: bool | None = None  # captions name who speaks under them (None: not yet read)
    first_question: int | None = None  # the sentence index of a transcript's first question

    def described_as(self, token) -> str | None:  # type: ignore[no-untyped-def]
        """The person a definite title refers back to ("the professor", "the former
        minister"; the lens's `titles`): the latest one named with it as their description;
        or the author of the document a definite document noun refers back to ("the
        report")."""
        if token.tag_ != "NN" or not any(c.dep_ == "det" and c.lower_ == "the" for c in token.children):
            return None
        return self.described.get(token.lower_)

    def outcomes(
        self, matches: list[tuple[str, re.Match[str]]], named: list[str]
    ) -> list[tuple[str, str, re.Match[str]]]:
        """(outcome, rule, match) of outcome phrases, pronoun ones ("if re-elected", "if he
        wins") resolved to the candidate the sentence names, else the one in view."""
        out = []
        for rule, m in matches:
            outcome = rule.split(":", 1)[0]
            if outcome == "*":
                outcome = (named[0] if named else None) or self.last_candidate or self.topic
            elif outcome.startswith("~"):  # "if Trump loses": the one other candidate running
                outcome = other_candidate(outcome[1:], self.allowed)
            if outcome and (outcome == "any" or self.allowed is None or outcome in self.allowed):
                out.append((outcome, rule, m))
        return out


def other_candidate(loser: str, allowed: frozenset[str] | None) -> str | None:
    """The outcome of a candidate's defeat: the one other candidate running (`allowed`,
    the article's date's outcomes), None where there are several or none."""
    others = {o for o in allowed or () if o not in ("any", loser)}
    return others.pop() if len(others) == 1 else None


def topic(
    sentences: list[Sentence],
    features: list[Features],
    allowed: frozenset[str] | None,
    document: Document,
    lens: Lens,
) -> str | None:
    """The one outcome an article is about: it names one candidate of the cycle only
    (outside quotations), and either its title names an outcome or its text does through
    two outcome phrases or more (one "if Trump wins" in passing is not an article's topic)."""
    named: set[str] = set()
    for s, f in zip(sentences, features, strict=True):
        named.update(o for o, m in f.names if o != "pronoun" and not inside(m.start(), s.quoted))
    for outcome, _ in lens.candidate_names.finditer(document.title.translate(FOLD)):
        named.add(outcome)
    named.discard("pronoun")
    if allowed is not None:
        named &= allowed
    phrases = sum(1 for f in features for rule, _ in f.conditions if not rule.startswith("any:"))
    in_title = any(True for _ in lens.conditions.finditer(document.title.translate(FOLD)))
    if len(named) != 1 or not (in_title or phrases >= 2):
        return None
    return next(iter(named))


def with_article_domain(statements: tuple[Statement, ...], lens: Lens) -> tuple[Statement, ...]:
    """Each statement with its article's theme (lens `article_domain`): a generic one
    that names no domain takes the domain most of the article's statements name (and is
    dropped when none does, or the lens has no `article_domain`); a narrow one naming
    fewer than `up_to` domains, none of them `self_contained`, takes it when at least
    `share` of the statements name it. Ties go to the domain named first."""
    spec = lens.model.article_domain
    counts = Counter(d for st in statements for d in dict.fromkeys(st.domains))
    if spec is None or not counts:
        return tuple(st for st in statements if st.domains)
    theme, held = counts.most_common(1)[0]
    shared = held >= spec.share * len(statements)
    out = []
    for st in statements:
        narrow = len(st.domains) < spec.up_to and not spec.self_contained.intersection(st.domains)
        if not st.domains or (shared and theme not in st.domains and narrow):
            st = replace(st, domains=(*st.domains, theme), rules=(*st.rules, f"domain:article:{theme}"))
        out.append(st)
    return tuple(out)


def full_name(surname: str, earlier: list[Sentence], lens: Lens) -> str | None:
    """The full name a lone surname stands for, from the nearest earlier sentence that
    names the person in full, speaking or not ("Victor Cha, a professor at Georgetown,
    has long studied …" … "Cha said"): given names before it ("Victor Cha", titles and
    function words aside) or a romanized Korean given name after it ("Park Won-gon")."""
    if len(surname) > 1 and surname.isupper() and (body := spelled_out(surname, earlier)):
        return body  # "KITA said": the body spelled out before
    before = re.compile(rf"((?:[A-Z][\w'’.-]*\s+){{1,2}}){re.escape(surname)}\b")
    after = re.compile(rf"\b{re.escape(surname)}\s+([A-Z][a-z]+-[a-z]+)\b")
    for s in reversed(earlier):
        found = [m.group(1) and f"{surname} {m.group(1)}" for m in after.finditer(s.text)]
        for m in before.finditer(s.text):
            given = [
                w for w in m.group(1).split() if w.lower() not in lens.titles and w.lower() not in STOP_WORDS
            ]
            if given and given == m.group(1).split()[-len(given) :]:
                found.append(" ".join([*given, surname]))
        if found:
            return found[-1]
    return None


_LINKS = frozenset({"of", "for", "and", "on", "the", "&"})


def spelled_out(acronym: str, earlier: list[Sentence]) -> str | None:
    """The name an acronym was introduced with in brackets ("the Korea International
    Trade Association (KITA)"): the capitalized words before the bracket whose initials
    hold the acronym's letters in order, from the first ("KIEP" for the Korea Institute
    for International Economic Policy)."""
    introduced = re.compile(rf"((?:[\w&'’.-]+\s+){{1,9}})\(\s*{re.escape(acronym)}\s*\)")
    for s in reversed(earlier):
        for m in introduced.finditer(s.text):
            words = m.group(1).split()
            while words and not words[-1][:1].isupper():
                words.pop()
            start = len(words)
            while start and (words[start - 1][:1].isupper() or words[start - 1].lower() in _LINKS):
                start -= 1
            name = words[start:]
            while name and name[0].lower() in _LINKS:  # "The Korea …"
                name = name[1:]
            initials = "".join(w[0] for w in name if w.lower() not in _LINKS).upper()
            if initials[:1] == acronym[0] and _in_order(acronym, initials):
                return " ".join(name)
    return None


def _in_order(letters: str, within: str) -> bool:
    """Whether `letters` appear in `within` in order (not necessarily together)."""
    rest = iter(within)
    return all(c in rest for c in letters)


def named_in_full(
    found: tuple[str, str, str], earlier: list[Sentence], lens: Lens, ctx: Context
) -> tuple[str, str, str]:
    """An attribution (source, phrase, rule) with a lone surname completed from an earlier
    full name ("Cha said" after "Victor Cha, a professor …, has long studied …") and a
    definite description resolved to the person it describes (`described_person`)."""
    source, phrase, rule = found
    if rule.endswith(":surname") and " " not in source:
        name = full_name(source, earlier, lens)
        if name:
            ctx.names[source.lower()] = name
            return name, phrase, rule
    if rule.endswith(":unnamed"):
        name = described_person(phrase, earlier, lens)
        if name:
            return name, phrase, rule.replace("unnamed", "described")
    return found


_NAME = r"[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){0,2}"
_DESCRIBED = re.compile(r"^the\s+((?:[a-z][\w'’-]*\s+){0,3}[a-z][\w'’-]*)$")


def described_person(subject: str, earlier: list[Sentence], lens: Lens) -> str | None:
    """The person a definite description stands for ("the former lawmaker said" after
    "Kim Jong-dae, a former lawmaker, …" or "Former lawmaker Kim Jong-dae …"), from the
    nearest earlier sentence that gives a name that role, before it or in apposition
    after it; None when no one was so described (then "the official said" stays unnamed)."""
    words = subject.split()
    while words and lens.reporting.regex.fullmatch(words[-1]):
        words.pop()  # "the former lawmaker said"
    m = _DESCRIBED.match(" ".join(words))
    if m is None or m.group(1).split()[-1] in lens.speech_nouns | lens.document_nouns:
        return None
    role = r"\s+".join(map(re.escape, m.group(1).split()))
    # the role in any case ("Former lawmaker"), the name capitalized ("professor at Ewha
    # Womans University" names no one)
    apposed = re.compile(rf"(?P<name>{_NAME}),\s+(?:a|an|the)\s+(?:[\w'’.-]+\s+){{0,4}}?(?i:{role})\b")
    titled = re.compile(rf"\b(?i:{role})\s+(?P<name>{_NAME})")
    for s in reversed(earlier):
        for pattern in (apposed, titled):
            for found in pattern.finditer(s.text):
                name = _proper(found.group("name"), lens)
                if name and len(name.split()) > 1:
                    return name
    return None


def _proper(text: str, lens: Lens) -> str | None:
    """The capitalized words of `text` that are not titles, in order."""
    words = [w.strip(",.") for w in text.split()]
    kept = [w for w in words if w and w[0].isupper() and w.lower() not in lens.titles]
    return " ".join(kept) or None


def open_paragraph(ctx: Any, paragraph: int, going_on: bool = False) -> None:
    """A paragraph's first sentence: the paragraph before's domains carry on as the
    text's; its outcome and domains start afresh, unless it opens on a continuation
    ("Still, a full repeal looks unlikely"), which goes on with the paragraph before;
    either language's context (`Context`, `KoreanContext`)."""
    if ctx.paragraph_domains:
        ctx.discourse_domains = ctx.paragraph_domains
    if not going_on:
        ctx.paragraph_condition = None
        ctx.paragraph_domains = []
    ctx.paragraph = paragraph


def open_section(ctx: Any, headline: bool, outcome: str | None) -> None:
    """After a sentence is read: a heading inside the text (one after body text; a title
    is none) opens a section under the outcome it names, or under none, which the
    section's sentences that name no outcome take (`condition_of`); either language's
    context (`Context`, `KoreanContext`)."""
    if headline and ctx.body:
        ctx.section_condition = outcome
    ctx.body = ctx.body or not headline


def condition_of(
    s: Sentence, f: Features, ctx: Context, segment: Segment, lens: Lens
) -> tuple[str | None, Span | None, str]:
    """The outcome a segment's consequence depends on, the phrase that names it and the
        rule that chose it: the segment's outcome phrase, else a candidate the sentence names
        (two named as one subject: any), else the one named just before an anaphor ("That
        could …"), else the paragraph's, the section's, a headline's, the election's
    (any), a pronoun's candidate, the article's topic, the text's last, the winner's."""
    if segment.condition is not None:
        outcome, rule, m = segment.condition
        span = Span(s.start + m.start(), s.start + m.end(), s.text[m.start() : m.end()])
        return outcome, span, f"condition:{rule}"
    named = [
        (m.start(), outcome)
        for outcome, m in f.names
        if outcome != "pronoun"
        and (ctx.allowed is None or outcome in ctx.allowed)
        and not lens.contrast.search(s.folded[max(0, m.start() - 40) : m.start()])
        and not _did(s.folded, m.start(), m.end(), lens)
    ]
    if named:
        if len({o for _, o in named}) > 1 and (f.election or named_together(s.folded, f.names)):
            return "any", None, "condition:any:candidates-together"
        outcome = named[0][1]
        return outcome, None, f"condition:{outcome}:named"
    paragraph, before = ctx.previous_named
    if len(before) == 1 and paragraph in (s.paragraph, s.paragraph - 1) and lens.anaphors.search(s.folded):
        # "Trump has vowed to slap tariffs on all imports. That could hit Korean carmakers
        # hard.": the plan of the candidate named just before, whatever the paragraph's
        # outcome so far; also where the anaphor opens the next paragraph, as wire copy
        # sets every sentence apart (`before` is always the sentence just read)
        return before[0], None, f"condition:{before[0]}:anaphor"
    if len(before) == 1 and paragraph == s.paragraph and _opens_with_pronoun(s, f):
        # "… whichever candidate wins, Trump's hard line being shared. His tariff plan,
        # however, would …": the candidate the sentence before named, not the paragraph's
        # "any" (not where the pronoun reports: "He added that …" is the speaker)
        return before[0], None, f"condition:{before[0]}:pronoun"
    if ctx.paragraph_condition:
        return ctx.paragraph_condition, None, "condition:paragraph-context"
    if ctx.section_condition and not s.headline:
        # "Scenario 1: Trump returns / The new administration would likely reopen the
        # cost-sharing deal": the section's outcome, not the election's any
        return ctx.section_condition, None, "condition:section-context"
    if s.headline and ctx.topic is None:
        return "any", None, "condition:any:headline"
    if f.election == {"winner"} and ctx.topic:
        # "The new administration would …" in an article about one candidate: theirs
        return ctx.topic, None, "condition:winner-term-topic"
    if f.election:
        return "any", None, "condition:any:election-timed"
    pronouns = [m for outcome, m in f.names if outcome == "pronoun" and not _reports(m, f)]
    if pronouns and ctx.last_candidate:
        return ctx.last_candidate, None, "condition:pronoun-context"
    if ctx.topic:
        return ctx.topic, None, "condition:article-topic"
    if ctx.discourse_condition:
        return ctx.discourse_condition, None, "condition:discourse-context"
    if ctx.winner:  # after the election, projections are about the winner's term
        return ctx.winner, None, "condition:winner-after-election"
    return None, None, ""


def _opens_with_pronoun(s: Sentence, f: Features) -> bool:
    """Whether the sentence opens on a third-person pronoun as subject or owner ("He
    would …", "But his tariff plan …"), not as who reports ("He added that …", "His
    aides say …")."""
    starts = f.lens.subject_starts(s.folded) if f.lens else {0}
    pronoun = next((m for outcome, m in f.names if outcome == "pronoun" and m.start() in starts), None)
    return pronoun is not None and not _reports(pronoun, f)


def _reports(pronoun: re.Match[str], f: Features) -> bool:
    """The pronoun is who reports: a reporting verb just after it ("He added that …",
    "his aides say")."""
    return any(0 <= r.start() - pronoun.end() <= _REPORTED_WITHIN for r in f.reporting)


_REPORTED_WITHIN = 20  # characters from the pronoun to a reporting verb it is the subject of


_NEXT_WORDS = re.compile(r"\s+(?:(\w+ly)\s+)?([a-z]+)\b")
_HYPOTHETICAL = re.compile(r"\b(?:if|unless|once|when|whether|suppose|supposing|imagine)\s+(?:\S+\s+){0,2}$")


def _did(text: str, start: int, end: int, lens: Lens) -> bool:
    """A candidate named as the subject of a past deed ("the kind of channel Trump
    largely bypassed", "the tariffs Trump imposed"): the past, not the outcome (a
    reporting verb aside: "Trump said he would …" is his; and a hypothesis: "if Trump
    pulled troops out" is the outcome)."""
    if _HYPOTHETICAL.search(text, max(0, start - 40), start):
        return False
    m = _NEXT_WORDS.match(text, end)
    if m is None or not past_form(m.group(2)):
        return False
    verb = text[m.start(2) : m.start(2) + 40]  # with room for "pointed out"
    return not any(r.start() == 0 for _, r in lens.reporting.finditer(verb))
