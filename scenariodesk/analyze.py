"""Find scenario statements in a document: a pure function of (document, lens).

The flow per document:
1. split paragraphs (a line break always ends a sentence) into sentences with spaCy's
   senter, never after an abbreviation the lens lists;
2. match the lens on every sentence (cheap regexes): likelihood cues, outcome phrases,
   candidate names, domain terms, impact terms, reporting verbs;
3. parse (tagger, parser, NER) only the sentences that can hold a statement or name a
   speaker;
4. walk the sentences in order, carrying context (the candidate the text is about, the
   paragraph's outcome, the current quotation's speaker) and emit Statements, each with
   the names of the lens rules that produced it.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace

from spacy.tokens import Doc
from spacy.tokens import Span as TokenSpan

from scenariodesk import nlp as pipelines
from scenariodesk.analyze_ko import extract_korean
from scenariodesk.direction import LOWERING_BANDS, Consequence, doc_tokens
from scenariodesk.lens import Lens
from scenariodesk.models import Analysis, Document, FactClaim, Recommendation, SignpostHit, Span, Statement
from scenariodesk.nlp import lemma_forms

AUTHOR = "author"
# Curly quotes folded to straight ones for matching; same length, so offsets hold.
_FOLD = str.maketrans("‘’“”′", "''\"\"'")
# A question opens the sentence or a clause after a comma, colon or semicolon ("Among
# Korea hands, the argument is over direction: will Clinton reach out ...?").
_QUESTION_START = re.compile(
    r"(^|[,:;]\s)\W*(do|does|did|is|are|was|were|will|would|can|could|should|who|what|when|where|why|how|which)\b",
    re.IGNORECASE,
)
_HEADLINE_MAX_WORDS = 30
_SPEECH_MIN_WORDS = 5
_DIRECTION_SLOT = "direction:pending"


@dataclass
class _Sentence:
    start: int
    end: int
    text: str  # original text
    folded: str  # text with quotes folded, for matching
    paragraph: int
    headline: bool
    quoted: list[tuple[int, int]] = field(default_factory=list)  # quoted char ranges (local)
    quotes: tuple[int, ...] = ()  # which of the paragraph's quotations it overlaps
    tokens: TokenSpan | None = None  # the splitter's tokens (no parse)
    parsed: Doc | None = None


@dataclass
class _Context:
    allowed: set[str] | None
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
    quote_speakers: dict[tuple[int, int], tuple[str, str]] = field(default_factory=dict)
    last_quote_speaker: tuple[str, str] | None = None
    names: dict[str, str] = field(default_factory=dict)  # surname / given name -> full name


def analyze_document(document: Document, lens: Lens) -> Analysis:
    """Scenario statements, recommendations, signposts and fact claims in `document`."""
    if document.language == "ko":
        return extract_korean(document, lens)
    return _Extractor(lens).run(document)


def extract_statements(document: Document, lens: Lens) -> list[Statement]:
    """Every scenario statement in `document` under `lens`."""
    return list(analyze_document(document, lens).statements)


def statements_with_consequences(document: Document, lens: Lens) -> list[tuple[Statement, Consequence]]:
    """Each statement with what the direction step saw of it (for training)."""
    extractor = _Extractor(lens)
    extractor.consequences = []
    extractor.run(document)
    return extractor.consequences


# Documents whose candidate sentences are parsed in one nlp.pipe call: the parser is
# ~20% faster on large batches than on one document's dozen sentences at a time.
_PARSE_GROUP = 32


def analyze_batch(documents: Iterable[Document], lens: Lens) -> Iterator[tuple[Document, Analysis]]:
    """(document, analysis) for each document, reusing the loaded pipelines; the same
    results as `analyze_document` on each document alone.

    A document that cannot be analyzed gets an `Analysis` whose `failure` says why; it
    never stops the others (its group is retried one document at a time)."""
    extractor = _Extractor(lens)
    iterator = iter(documents)
    while group := list(itertools.islice(iterator, _PARSE_GROUP)):
        korean = [d for d in group if d.language == "ko"]
        if korean:  # Korean articles go through their own steps (analyze_ko.py)
            yield from ((d, _analyze_alone(extractor, d)) for d in korean)
            group = [d for d in group if d.language != "ko"]
            if not group:
                continue
        try:
            prepared = [extractor.prepare(d) for d in group]
            extractor.parse(prepared)
            results = [
                (document, extractor.walk(document, sentences, features))
                for document, (sentences, features) in zip(group, prepared, strict=True)
            ]
        except Exception:  # noqa: BLE001 - find which document, and analyze the rest
            results = [(document, _analyze_alone(extractor, document)) for document in group]
        yield from results


def _analyze_alone(extractor: _Extractor, document: Document) -> Analysis:
    try:
        if document.language == "ko":
            return extract_korean(document, extractor.lens)
        return extractor.run(document)
    except Exception as exc:  # noqa: BLE001 - any failure is this document's, recorded with it
        reason = " ".join(f"{type(exc).__name__}: {exc}".split())
        return Analysis(failure=reason[:500])


class _Extractor:
    def __init__(self, lens: Lens) -> None:
        self.lens = lens
        self.splitter = pipelines.splitter()
        self._no_break = {t.lower() for t in lens.model.no_break_after}
        # Training (train.py) collects what the direction step saw of each statement.
        self.consequences: list[tuple[Statement, Consequence]] | None = None

    # ------------------------------------------------------------------ segmentation
    def sentences(self, text: str) -> list[_Sentence]:
        paragraphs = [piece for m in re.finditer(r"[^\n]+", text) for piece in _pieces(m.start(), m.group())]
        out: list[_Sentence] = []
        docs = self.splitter.pipe(p for _, p in paragraphs)
        for index, ((offset, para), doc) in enumerate(zip(paragraphs, docs, strict=True)):
            words = len(para.split())
            # A short line without final punctuation is a headline or deck, unless it is a
            # list item (related links: "- Park orders NSC meeting to review ...").
            headline = (
                words <= _HEADLINE_MAX_WORDS
                and not re.search(r"[.!?]['\"’”]?\s*$", para)
                and not re.match(r"\s*[-•*·]\s", para)
            )
            # A headline is one sentence even with "..." inside it.
            bounds = [(0, len(para))] if headline else self._merge_abbreviations(doc)
            # A quoted phrase of a few words ("top-down", "Buy American") is a term the
            # writer marks, not speech: it neither carries a speaker nor hides names.
            quoted = [(a, b) for a, b in _quoted_ranges(para) if len(para[a:b].split()) >= _SPEECH_MIN_WORDS]
            for start, end in bounds:
                chunk = para[start:end]
                lead = len(chunk) - len(chunk.lstrip())
                trail = len(chunk.rstrip())
                start, end = start + lead, start + trail
                if start >= end:
                    continue
                overlapping = [q for q, (a, b) in enumerate(quoted) if a < end and b > start]
                local = [
                    (max(quoted[q][0], start) - start, min(quoted[q][1], end) - start) for q in overlapping
                ]
                sentence_text = para[start:end]
                out.append(
                    _Sentence(
                        start=offset + start,
                        end=offset + end,
                        text=sentence_text,
                        folded=sentence_text.translate(_FOLD),
                        paragraph=index,
                        headline=headline,
                        quoted=local,
                        quotes=tuple(overlapping),
                        tokens=doc.char_span(start, end, alignment_mode="expand"),
                    )
                )
        return out

    def _merge_abbreviations(self, doc: Doc) -> list[tuple[int, int]]:
        bounds: list[tuple[int, int]] = []
        for sent in doc.sents:
            if bounds and self._joins(doc, sent.start):
                bounds[-1] = (bounds[-1][0], sent.end_char)
            else:
                bounds.append((sent.start_char, sent.end_char))
        return bounds

    def _joins(self, doc: Doc, start: int) -> bool:
        """A senter break right after "U.S." or "S." that is not a real sentence end."""
        if start == 0:
            return False
        before = doc[start - 1]
        if before.lower_ not in self._no_break:
            return False
        nxt = doc[start]
        # "...in the U.S. The next sentence" is a real break when a capitalized function
        # word follows; a name or lowercase word continues the sentence.
        return not (nxt.is_title and nxt.is_stop)

    # ------------------------------------------------------------------ main walk
    def run(self, document: Document) -> Analysis:
        prepared = self.prepare(document)
        self.parse([prepared])
        return self.walk(document, *prepared)

    def prepare(self, document: Document) -> tuple[list[_Sentence], list[_Features]]:
        """Sentences and their lens matches; no parsing yet."""
        sentences = self.sentences(document.text)
        cycle = self.lens.cycle_for_date(document.date)
        year = cycle.year if cycle else None
        return sentences, [_features(s, self.lens, year) for s in sentences]

    def parse(self, prepared: list[tuple[list[_Sentence], list[_Features]]]) -> None:
        """Parse, in one batch, the sentences of these documents that need it."""
        todo = [
            s
            for sentences, features in prepared
            for s, f in zip(sentences, features, strict=True)
            if f.needs_parse
        ]
        if todo:
            for sentence, doc in zip(
                todo, pipelines.parser().pipe((s.text for s in todo), batch_size=256), strict=True
            ):
                sentence.parsed = doc

    def walk(self, document: Document, sentences: list[_Sentence], features: list[_Features]) -> Analysis:
        """Walk the sentences in reading order, carrying the document's context."""
        lens = self.lens
        allowed, winner = lens.outcomes_for_date(document.date)
        ctx = _Context(
            allowed=allowed,
            winner=winner,
            topic=_topic(sentences, features, allowed, document, lens),
        )
        self._sentences = sentences
        self._pending: list[tuple[_Sentence, _Segment, Consequence]] = []
        found: dict[type, list[object]] = {Statement: [], Recommendation: [], SignpostHit: [], FactClaim: []}
        for index, (sentence, feat) in enumerate(zip(sentences, features, strict=True)):
            for item in self._sentence(index, sentence, feat, ctx):
                found[type(item)].append(item)
        return Analysis(
            statements=tuple(self._directions(found[Statement])),  # type: ignore[arg-type]
            recommendations=tuple(found[Recommendation]),  # type: ignore[arg-type]
            signposts=tuple(found[SignpostHit]),  # type: ignore[arg-type]
            claims=tuple(found[FactClaim]),  # type: ignore[arg-type]
        )

    def _directions(self, statements: list[Statement]) -> Iterator[Statement]:
        """Decide each statement's direction once the walk is done, on its sentence's
        dependency parse where attribution parsed it, else on the splitter's tokens (effect
        and theme by word window): direction never makes the parser run."""
        for statement, (s, segment, partial) in zip(statements, self._pending, strict=True):
            if s.parsed is not None:
                tokens, parsed = doc_tokens(s.parsed, segment.start, segment.end), True
            else:
                tokens, parsed = doc_tokens(s.tokens, segment.start, segment.end), False
            consequence = replace(partial, tokens=tokens, parsed=parsed)
            direction, trace = self.lens.direction_step.decide(consequence)
            if self.consequences is not None:
                self.consequences.append((statement, consequence))
            rules = statement.rules
            at = rules.index(_DIRECTION_SLOT)
            yield replace(statement, direction=direction, rules=(*rules[:at], *trace, *rules[at + 1 :]))

    def _sentence(
        self, index: int, s: _Sentence, f: _Features, ctx: _Context
    ) -> Iterator[Statement | Recommendation | SignpostHit | FactClaim]:
        if s.paragraph != ctx.paragraph:
            if not self.lens.continuations.search(s.folded):
                ctx.paragraph_condition = None
            if ctx.paragraph_domains:
                ctx.discourse_domains = ctx.paragraph_domains
            ctx.paragraph_domains = []
            ctx.paragraph = s.paragraph
        source, source_phrase, speaker_rule = self._source(
            index, s, ctx, f.cues[0][1].start() if f.cues else None
        )
        # Conditions named in the sentence, pronoun ones resolved to the current candidate.
        conditions = []
        named_here = [
            o
            for o, m in f.names
            if o != "pronoun"
            and not _inside(m.start(), s.quoted)
            and (ctx.allowed is None or o in ctx.allowed)
        ]
        for rule, m in f.conditions:
            outcome = rule.split(":", 1)[0]
            if outcome == "*":  # "if re-elected", "if he wins": the candidate in view
                outcome = (named_here[0] if named_here else None) or ctx.last_candidate or ctx.topic
            if outcome and (outcome == "any" or ctx.allowed is None or outcome in ctx.allowed):
                conditions.append((outcome, rule, m))
        self._track_mentions(s, f, ctx)
        emitted = False
        if f.domains and not ctx.paragraph_domains:
            ctx.paragraph_domains = _pick_domains(f, _Segment(0, len(s.text), None))
        if f.cues and (f.domains or ctx.paragraph_domains or ctx.discourse_domains) and not self._excluded(s):
            for segment in (
                _segments(s, conditions)
                if len({c[0] for c in conditions}) > 1
                else _clauses(s, f, conditions, self.lens, ctx.allowed)
            ):
                st = self._statement(s, f, ctx, segment, source, source_phrase, speaker_rule)
                if st is not None:
                    emitted = True
                    yield st
        if conditions and not emitted:
            ctx.paragraph_condition = conditions[-1][0]
        if conditions and conditions[-1][0] != "any":
            ctx.discourse_condition = conditions[-1][0]
        yield from self._extras(s, f, ctx, conditions, source)

    # ------------------------------------------------------------------ playbook, signposts, facts
    def _extras(
        self,
        s: _Sentence,
        f: _Features,
        ctx: _Context,
        conditions: list[tuple[str, str, re.Match[str]]],
        source: str,
    ) -> Iterator[Recommendation | SignpostHit | FactClaim]:
        lens = self.lens
        sentence = " ".join(s.text.split())
        span = (s.start, s.end)
        for rule, _ in lens.playbook.finditer(s.folded):
            outcome = conditions[0][0] if conditions else ctx.paragraph_condition or ctx.topic or "any"
            domains = _pick_domains(f, _Segment(0, len(s.text), None)) or ctx.paragraph_domains
            yield Recommendation(sentence, span, outcome, tuple(domains), f"playbook:{rule}", source)
            break
        for rule, m in lens.signposts.finditer(s.folded):
            yield SignpostHit(
                rule,
                sentence,
                span,
                Span(s.start + m.start(), s.start + m.end(), s.text[m.start() : m.end()]),
            )
        for fact, regex in lens.facts:
            for m in regex.finditer(s.folded):
                try:
                    value = float(m.group("value").replace(",", ""))
                except ValueError:
                    continue
                off = abs(value - fact.value) > fact.tolerance * fact.value
                yield FactClaim(
                    fact.id,
                    value,
                    sentence,
                    span,
                    Span(s.start + m.start(), s.start + m.end(), s.text[m.start() : m.end()]),
                    source,
                    "contradicts" if off else "consistent",
                )

    # ------------------------------------------------------------------ one statement
    def _statement(
        self,
        s: _Sentence,
        f: _Features,
        ctx: _Context,
        segment: _Segment,
        source: str,
        source_phrase: str,
        speaker_rule: str,
    ) -> Statement | None:
        lens = self.lens
        rules: list[str] = []
        cue = _pick_cue(f, segment, lens)
        if cue is None:
            return None
        cue_id, cue_m = cue
        rules.append(f"cue:{cue_id}")
        condition, condition_span, condition_rule = self._condition(s, f, ctx, segment)
        if condition is None:
            return None
        rules.append(condition_rule)
        if ctx.winner and condition != ctx.winner and (segment.condition is None or segment.named):
            # After the result, a projection is about the winner's term, unless its own
            # words name another outcome ("if Harris had won" stays harris).
            condition = ctx.winner
            rules.append("condition:winner-after-election")
        domains = _pick_domains(f, segment)
        if domains:
            ctx.paragraph_domains = domains
        elif ctx.paragraph_domains:
            domains = ctx.paragraph_domains
            rules.append("domain:paragraph-context")
        elif ctx.discourse_domains and (f.conditions or f.names):
            # Across paragraphs only a sentence that names an outcome or refers to its
            # candidate carries on the text's subject ("The picture would look very
            # different if Trump wins"); an unanchored one ("The office will hold a
            # session") does not.
            domains = ctx.discourse_domains
            rules.append("domain:discourse-context")
        else:
            return None
        rules.extend(f"domain:{d}" for d in domains)
        consequence = _consequence(s, f, segment, lens, lens.cue_by_id[cue_id].band, domains, condition)
        rules.append(_DIRECTION_SLOT)  # decided after the walk (see _directions)
        if source != AUTHOR and lens.speaks_stance(source):
            return None  # a candidate's or campaign's own words: stance, not projection
        spec = lens.cue_by_id[cue_id]
        if spec.band == "very_likely" and _own_plan(s, cue_m.start(), lens):
            return None  # "Seoul will prepare ...": the subject country's own plan
        rules.append(speaker_rule)
        probability = spec.probability if spec.probability is not None else lens.band_probability(spec.band)
        ctx.paragraph_condition = condition
        if condition != "any":
            ctx.discourse_condition = condition
        statement = Statement(
            sentence=" ".join(s.text.split()),
            sentence_span=(s.start, s.end),
            condition=condition,
            domains=tuple(domains),
            direction="0",
            likelihood=spec.band,
            probability=probability,
            cue=Span(s.start + cue_m.start(), s.start + cue_m.end(), s.text[cue_m.start() : cue_m.end()]),
            condition_phrase=condition_span,
            source=source,
            source_phrase=source_phrase,
            rules=tuple(rules),
        )
        self._pending.append((s, segment, consequence))
        return statement

    def _condition(
        self, s: _Sentence, f: _Features, ctx: _Context, segment: _Segment
    ) -> tuple[str | None, Span | None, str]:
        if segment.condition is not None:
            outcome, rule, m = segment.condition
            span = Span(s.start + m.start(), s.start + m.end(), s.text[m.start() : m.end()])
            return outcome, span, f"condition:{rule}"
        named = [
            (m.start(), outcome)
            for outcome, m in f.names
            if outcome != "pronoun"
            and (ctx.allowed is None or outcome in ctx.allowed)
            and not self.lens.contrast.search(s.folded[max(0, m.start() - 40) : m.start()])
        ]
        if named:
            if len({o for _, o in named}) > 1 and f.election:
                return "any", None, "condition:any:candidates-and-election"
            outcome = named[0][1]
            return outcome, None, f"condition:{outcome}:named"
        if ctx.paragraph_condition:
            return ctx.paragraph_condition, None, "condition:paragraph-context"
        if s.headline and ctx.topic is None:
            return "any", None, "condition:any:headline"
        if f.election:
            return "any", None, "condition:any:election-timed"
        pronouns = [m for outcome, m in f.names if outcome == "pronoun"]
        if pronouns and ctx.last_candidate and not f.reporting:
            return ctx.last_candidate, None, "condition:pronoun-context"
        if ctx.topic:
            return ctx.topic, None, "condition:article-topic"
        if ctx.discourse_condition:
            return ctx.discourse_condition, None, "condition:discourse-context"
        if ctx.winner:  # after the election, projections are about the winner's term
            return ctx.winner, None, "condition:winner-after-election"
        return None, None, ""

    def _track_mentions(self, s: _Sentence, f: _Features, ctx: _Context) -> None:
        for outcome, m in f.names:
            if outcome == "pronoun":
                continue
            if ctx.allowed is not None and outcome not in ctx.allowed:
                continue
            if any(a <= m.start() < b for a, b in s.quoted):
                continue
            ctx.last_candidate = outcome
            # Named inside an outcome phrase ("a second Trump administration") the
            # candidate is a scenario, not a person a later "he said" could refer to.
            if not any(c.start() <= m.start() < c.end() for _, c in f.conditions):
                ctx.last_person = f"candidate:{outcome}"

    def _excluded(self, s: _Sentence) -> bool:
        text = s.folded.strip()
        return text.endswith("?") and bool(_QUESTION_START.search(text))

    # ------------------------------------------------------------------ attribution
    def _source(
        self, index: int, s: _Sentence, ctx: _Context, cue_start: int | None = None
    ) -> tuple[str, str, str]:
        """(source, attributing phrase, rule): the sentence's own attribution, else its
        quotation's speaker (named before, inside or right after the quotation), else the
        previous quotation's speaker for a quote that names none, else the author."""
        found = _attribution(s, self.lens, ctx, cue_start) if s.parsed is not None else None
        keys = [(s.paragraph, q) for q in s.quotes]
        if found is not None:
            if found[0] != AUTHOR:
                ctx.last_person = found[0]
            for key in keys:
                ctx.quote_speakers[key] = found[:2]
            if keys:
                ctx.last_quote_speaker = found[:2]
            return found
        if not keys:
            return AUTHOR, "", "source:author"
        for key in keys:
            if key in ctx.quote_speakers:
                return (*ctx.quote_speakers[key], "source:quotation")
        # Look ahead for the speaker named after the quotation closes ("...," Cha said).
        for later in self._sentences[index + 1 :]:
            if later.paragraph != s.paragraph:
                break
            if later.parsed is not None and {(later.paragraph, q) for q in later.quotes} & set(keys):
                ahead = _attribution(later, self.lens, ctx)
                if ahead is not None:
                    for key in keys:
                        ctx.quote_speakers[key] = ahead[:2]
                    return (*ahead[:2], "source:quotation")
        if ctx.last_quote_speaker is not None:
            return (*ctx.last_quote_speaker, "source:previous-quotation")
        return AUTHOR, "", "source:author"


# A paragraph longer than this is split into pieces at a space before the limit: spaCy
# refuses texts over 1,000,000 characters, and no sentence of an article runs this long.
_MAX_PIECE = 20_000
# Sentences longer than this are never parsed (attribution falls back to context).
_MAX_PARSED = 3_000


def _pieces(offset: int, paragraph: str) -> Iterator[tuple[int, str]]:
    """(offset, text) pieces of a paragraph, each at most _MAX_PIECE characters."""
    start = 0
    while len(paragraph) - start > _MAX_PIECE:
        cut = paragraph.rfind(" ", start + _MAX_PIECE // 2, start + _MAX_PIECE)
        cut = cut if cut > start else start + _MAX_PIECE
        yield offset + start, paragraph[start:cut]
        start = cut
    yield offset + start, paragraph[start:]


# ---------------------------------------------------------------------- features
@dataclass
class _Features:
    cues: list[tuple[str, re.Match[str]]]
    conditions: list[tuple[str, re.Match[str]]]
    names: list[tuple[str, re.Match[str]]]
    domains: list[tuple[str, re.Match[str]]]
    impact: list[tuple[str, re.Match[str]]]
    reporting: list[re.Match[str]]
    election: bool
    needs_parse: bool


def _features(s: _Sentence, lens: Lens, year: int | None = None) -> _Features:
    text = s.folded
    conditions = list(lens.conditions_for(year).finditer(text))
    blocked = []
    inversions = list(lens.conditional_inversion.finditer(text))
    for rule, m in lens.non_projections.finditer(text):
        if any(c.start() <= m.start() < c.end() for _, c in conditions):
            continue  # "Should Trump return ..." is a condition, not advice
        if any(c.start() <= m.start() < c.end() for c in inversions):
            continue  # "Should talks stall, Pyongyang could ..." likewise
        end = len(text) if lens.non_projection_scope[rule] == "rest" else m.end()
        blocked.append((m.start(), end))
    cues = [
        (rule, m)
        for rule, m in lens.cues.finditer(text)
        if not any(a <= m.start() < b for a, b in blocked) and lens.cue_applies(rule, s.headline)
    ]
    names = list(lens.candidate_names_for(year).finditer(text))
    domains = list(lens.domains.finditer(text)) or list(lens.weak_domains.finditer(text))
    reporting = [m for _, m in lens.reporting.finditer(text) if not _inside(m.start(), s.quoted)]
    election = any(True for _ in lens.election_terms.finditer(text))
    impact = []
    if cues:  # headlines are title case: every word looks like a name there
        impact = [(sign, m) for sign, m in lens.impact.finditer(text) if s.headline or not _in_name(text, m)]
    # The walk parses for attribution (a reporting verb's subject) and the own-plan check
    # ("Seoul will ..."); direction parses the statements' sentences after the walk.
    needs_parse = (bool(reporting) or bool(cues and lens.own_side_terms.search(text))) and len(
        text
    ) <= _MAX_PARSED
    return _Features(cues, conditions, names, domains, impact, reporting, election, needs_parse)


_CAPITALIZED_BEFORE = re.compile(r"[A-Z][\w.'-]*\s$")
_CAPITALIZED_AFTER = re.compile(r"^\s[A-Z]")


def _in_name(text: str, m: re.Match[str]) -> bool:
    """A capitalized match inside a run of capitalized words is part of a name ("the
    Korea Peace Network"), not the common word the lexicon means."""
    if not m.group()[:1].isupper() or m.start() == 0:
        return False
    before = text[max(0, m.start() - 30) : m.start()]
    return bool(_CAPITALIZED_BEFORE.search(before) or _CAPITALIZED_AFTER.match(text[m.end() : m.end() + 3]))


def _inside(pos: int, ranges: list[tuple[int, int]]) -> bool:
    return any(a <= pos < b for a, b in ranges)


def _quoted_ranges(text: str) -> list[tuple[int, int]]:
    """Character ranges inside double quotation marks; an unclosed quote runs to the end."""
    ranges = []
    start = None
    for i, ch in enumerate(text):
        if ch == "“" or (ch == '"' and start is None):
            start = i if start is None else start
        elif (ch == "”" or ch == '"') and start is not None:
            ranges.append((start, i + 1))
            start = None
    if start is not None:
        ranges.append((start, len(text)))
    return ranges


def _topic(
    sentences: list[_Sentence],
    features: list[_Features],
    allowed: set[str] | None,
    document: Document,
    lens: Lens,
) -> str | None:
    """The one outcome an article is about: it names one candidate of the cycle only
    (outside quotations), and either its title names an outcome or its text does through
    two outcome phrases or more (one "if Trump wins" in passing is not an article's topic)."""
    named: set[str] = set()
    for s, f in zip(sentences, features, strict=True):
        named.update(o for o, m in f.names if o != "pronoun" and not _inside(m.start(), s.quoted))
    for outcome, _ in lens.candidate_names.finditer(document.title.translate(_FOLD)):
        named.add(outcome)
    named.discard("pronoun")
    if allowed is not None:
        named &= allowed
    phrases = sum(1 for f in features for rule, _ in f.conditions if not rule.startswith("any:"))
    in_title = any(True for _ in lens.conditions.finditer(document.title.translate(_FOLD)))
    if len(named) != 1 or not (in_title or phrases >= 2):
        return None
    return next(iter(named))


# ---------------------------------------------------------------------- segments
@dataclass
class _Segment:
    start: int
    end: int
    condition: tuple[str, str, re.Match[str]] | None
    # The condition is a candidate named as the clause's actor ("..., while Harris is
    # expected to ..."), not an outcome phrase: after the election the winner still rules.
    named: bool = False


def _segments(s: _Sentence, conditions: list[tuple[str, str, re.Match[str]]]) -> list[_Segment]:
    """One segment per distinct outcome named in the sentence ("if A wins X; if B wins Y"),
    or the whole sentence."""
    distinct: list[tuple[str, str, re.Match[str]]] = []
    for c in conditions:
        if not distinct or distinct[-1][0] != c[0]:
            distinct.append(c)
    if len(distinct) <= 1:
        return [_Segment(0, len(s.text), distinct[0] if distinct else None)]
    segments = []
    for i, c in enumerate(distinct):
        start = 0 if i == 0 else c[2].start()
        end = distinct[i + 1][2].start() if i + 1 < len(distinct) else len(s.text)
        segments.append(_Segment(start, end, c))
    return segments


def _clauses(
    s: _Sentence,
    f: _Features,
    conditions: list[tuple[str, str, re.Match[str]]],
    lens: Lens,
    allowed: set[str] | None,
) -> list[_Segment]:
    """Clauses about different candidates ("Trump is likely to stay the course, while
    Biden is expected to mix pressure with incentives"): one segment per clause that
    names a candidate, split at the clause break before the next candidate; else the
    sentence's outcome-phrase segments."""
    anchors: list[tuple[str, str, re.Match[str]]] = list(conditions)
    for outcome, m in f.names:
        if outcome == "pronoun" or _inside(m.start(), s.quoted):
            continue
        if allowed is not None and outcome not in allowed:
            continue
        if any(c.start() <= m.start() < c.end() for _, _, c in conditions):
            continue
        if lens.contrast.search(s.folded[max(0, m.start() - 40) : m.start()]):
            continue
        anchors.append((outcome, f"{outcome}:named-clause", m))
    anchors.sort(key=lambda a: a[2].start())
    distinct: list[tuple[str, str, re.Match[str]]] = []
    for a in anchors:
        if not distinct or distinct[-1][0] != a[0]:
            distinct.append(a)
    if len(distinct) <= 1:
        return _segments(s, conditions)
    cuts = []
    for before, after in itertools.pairwise(distinct):
        breaks = [m.start() for m in lens.clause_breaks.finditer(s.folded, before[2].end(), after[2].start())]
        if not breaks:
            return _segments(s, conditions)  # one clause names both: not two projections
        cuts.append(breaks[-1])
    bounds = [0, *cuts, len(s.text)]
    return [
        _Segment(bounds[i], bounds[i + 1], a, named=a[1].endswith(":named-clause"))
        for i, a in enumerate(distinct)
    ]


def _pick_cue(f: _Features, segment: _Segment, lens: Lens) -> tuple[str, re.Match[str]] | None:
    """The likelihood of the first, main consequence: the first cue of the segment, unless
    a cue of higher rank stands in the same clause ("would be the possibility of" reads as
    a possibility). Cues inside the condition phrase itself do not count."""
    skip = segment.condition[2].span() if segment.condition else (-1, -1)
    cues = [
        (rule, m)
        for rule, m in f.cues
        if segment.start <= m.start() < segment.end and not skip[0] <= m.start() < skip[1]
    ]
    if not cues:
        return None
    first_rule, first = cues[0]
    text = first.string
    clause_end = segment.end
    brk = lens.clause_breaks.search(text, first.end(), segment.end)
    if brk:
        clause_end = brk.start()
    rank = lens.cue_by_id[first_rule].rank
    for rule, m in cues[1:]:
        if m.start() >= clause_end:
            break
        if lens.cue_by_id[rule].rank > rank:
            return rule, m
    return first_rule, first


def _pick_domains(f: _Features, segment: _Segment) -> list[str]:
    inside = [(d, m) for d, m in f.domains if segment.start <= m.start() < segment.end]
    chosen = inside or f.domains
    counts: Counter[str] = Counter(d for d, _ in chosen)
    first: dict[str, int] = {}
    for d, m in chosen:
        first.setdefault(d, m.start())
    ranked = sorted(counts, key=lambda d: (-counts[d], first[d]))
    return ranked[:3]


def _consequence(
    s: _Sentence, f: _Features, segment: _Segment, lens: Lens, band: str, domains: list[str], condition: str
) -> Consequence:
    """What the direction step sees of the segment (see direction.py)."""
    impact = []
    for sign, m in f.impact:
        if not segment.start <= m.start() < segment.end:
            continue
        window = m.string[max(segment.start, m.start() - 30) : m.start()]
        negated = bool(lens.negators.search(" ".join(window.split()[-3:])))
        impact.append((1 if sign == "+" else -1, negated, m.group().lower()))
    return Consequence(
        text=s.text[segment.start : segment.end],
        tokens=(),  # filled after the walk, when the statement's sentence is parsed
        impact=tuple(impact),
        lowering=band in LOWERING_BANDS,
        domains=tuple(domains),
        condition=condition,
    )


def _own_plan(s: _Sentence, cue_start: int, lens: Lens) -> bool:
    """Is the subject of the cue's verb the subject country's own government?"""
    doc = s.parsed
    if doc is None:
        return False
    cue_tokens = [t for t in doc if t.idx == cue_start]
    if not cue_tokens:
        return False
    verb = cue_tokens[0].head
    if lemma_forms(verb.text) & lens.undergo_verbs:
        return False  # "Seoul will come under pressure", "will face": what happens to it
    for child in verb.children:
        if child.dep_ == "nsubj":
            return _chunk(child).text.lower() in lens.own_side
    return False


# ---------------------------------------------------------------------- attribution
def _reporting_subject(tok, lens: Lens):  # type: ignore[no-untyped-def]
    """The subject of a reporting verb: its own, or for "X said ... and added" and
    "He went further, saying ..." the subject of the verb it hangs from."""
    if not (tok.tag_.startswith("VB") and lens.reporting.regex.fullmatch(tok.text)):
        return None
    subjects = [t for t in tok.children if t.dep_ == "nsubj"]
    inherits = tok.dep_ == "conj" or (tok.dep_ == "advcl" and tok.tag_ == "VBG")  # "..., saying"
    if not subjects and inherits and tok.head is not tok:
        subjects = [t for t in tok.head.children if t.dep_ == "nsubj"]
    return subjects[0] if subjects else None


def _attribution(
    s: _Sentence, lens: Lens, ctx: _Context, cue_start: int | None = None
) -> tuple[str, str, str] | None:
    """(source, phrase, rule) from the sentence's own reporting verb or "according to",
    outside quotation marks; None when it has neither. The reporting verb that governs
    the cue's clause wins ("Trump said he was willing to talk, which some here believe
    could open a channel": the projection is "some here"'s)."""
    doc = s.parsed
    assert doc is not None
    if cue_start is not None:
        cue = next((t for t in doc if t.idx == cue_start), None)
        for tok in cue.ancestors if cue is not None else ():
            if _inside(tok.idx, s.quoted):
                continue
            subject = _reporting_subject(tok, lens)
            if subject is not None:
                phrase = f"{_chunk(subject, lens.organization_heads).text} {tok.text}"
                return _who(subject, lens, ctx, phrase, "source:governing-verb")
    for tok in doc:
        if _inside(tok.idx, s.quoted):
            continue
        if tok.lower_ == "according" and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "to":
            objects = [t for t in doc[tok.i + 1].children if t.dep_ == "pobj"]
            if objects:
                phrase = f"according to {_chunk(objects[0], lens.organization_heads).text}"
                return _who(objects[0], lens, ctx, phrase, "source:according-to")
        subject = _reporting_subject(tok, lens)
        if subject is not None:
            phrase = f"{_chunk(subject, lens.organization_heads).text} {tok.text}"
            return _who(subject, lens, ctx, phrase, "source:reporting-verb")
    return None


def _chunk(token, organization_heads: frozenset[str] = frozenset()):  # type: ignore[no-untyped-def]
    """The token with its contiguous modifiers (compounds, titles, determiners, hyphen
    parts), and for a proper name its "of/for ..." tail ("Korea Institute for National
    Unification")."""
    left = [t for t in token.lefts if t.dep_ in ("compound", "det", "amod", "poss", "nmod", "flat", "punct")]
    start = min([token.i] + [t.left_edge.i for t in left])
    right = [t for t in token.rights if t.dep_ in ("flat", "compound")]
    end = max([token.i] + [t.i for t in right])
    doc = token.doc
    # A hyphenated name is one word however it was parsed ("Min-su", "Hyun-wook").
    while (
        end + 2 < len(doc)
        and doc[end].whitespace_ == ""
        and doc[end + 1].text == "-"
        and doc[end + 1].whitespace_ == ""
    ):
        end += 2
    while (
        start >= 2
        and doc[start - 1].text == "-"
        and doc[start - 2].whitespace_ == ""
        and doc[start - 1].whitespace_ == ""
    ):
        start -= 2
    if token.tag_ in ("NNP", "NNPS") and token.lower_ in organization_heads:
        for prep in token.rights:
            if prep.dep_ == "prep" and prep.lower_ in ("of", "for", "on") and prep.i == end + 1:
                tail = list(prep.subtree)
                if all(t.tag_ in ("NNP", "NNPS", "IN", "CC", "DT", "HYPH") for t in tail[1:]):
                    end = tail[-1].i
    return token.doc[start : end + 1]


def _who(token, lens: Lens, ctx: _Context, phrase: str, rule: str) -> tuple[str, str, str]:  # type: ignore[no-untyped-def]
    """Resolve the subject of a reporting verb: a pronoun to the last person named, an
    alias to its actor, a proper name (surnames completed from earlier full names), or
    an unnamed attribution ("experts said") to the author."""
    if token.lower_ in ("he", "she"):
        person = ctx.last_person
        if person and person.startswith("candidate:"):
            outcome = person.split(":", 1)[1]
            person = next((o.candidate for o in lens.model.outcomes if o.id == outcome), outcome)
        return (
            (person, phrase, f"{rule}:pronoun") if person else (AUTHOR, phrase, f"{rule}:pronoun-unresolved")
        )
    chunk = _chunk(token, lens.organization_heads)
    text = chunk.text
    bare = re.sub(r"^the\s+", "", text, flags=re.IGNORECASE)
    alias = lens.actor_aliases.get(text.lower()) or lens.actor_aliases.get(bare.lower())
    if alias:
        return alias, phrase, f"{rule}:actor"
    # Names are proper nouns ("Experts say" is not); a romanized given name's lowercase
    # half ("Hyun-wook") is tagged as a common noun, so any proper noun in the chunk counts.
    proper = any(t.tag_ in ("NNP", "NNPS") for t in chunk)
    name = _proper_name(text, lens) if proper else None
    if name is None:
        return AUTHOR, phrase, f"{rule}:unnamed"
    canonical = lens.actor_aliases.get(name.lower())
    if canonical:
        return canonical, phrase, f"{rule}:actor"
    parts = name.split()
    if len(parts) == 1:
        return ctx.names.get(name.lower(), name), phrase, f"{rule}:surname"
    for part in (parts[0], parts[-1]):
        ctx.names.setdefault(part.lower(), name)
    return name, phrase, f"{rule}:named"


def _proper_name(text: str, lens: Lens) -> str | None:
    """The trailing run of capitalized words that are not titles ("CSIS President and CEO
    John Hamre" -> "John Hamre"; "Korea Institute for National Unification" keeps its
    "for"), or None for a common noun phrase ("some experts")."""
    words = text.replace(" - ", "-").replace(" -", "-").replace("- ", "-").split()
    run: list[str] = []
    for i in range(len(words) - 1, -1, -1):
        clean = words[i].strip(",.;:'\"’")
        inner = clean.lower() in ("of", "for", "on") and run and i > 0 and words[i - 1][:1].isupper()
        if not inner and (not clean or not clean[0].isupper() or clean.lower() in lens.titles):
            break
        run.insert(0, clean)
    while run and run[0].lower() == "the":
        run.pop(0)
    return " ".join(run) or None
