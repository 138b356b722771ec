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
from collections.abc import Iterable, Iterator
from dataclasses import replace

from scenariodesk import discourse, speakers
from scenariodesk import nlp as pipelines
from scenariodesk.analyze_ko import extract_korean
from scenariodesk.attribution import attribution, own_plan
from scenariodesk.background import described_spans
from scenariodesk.clauses import (
    Features,
    Segment,
    about_a_third_party,
    clauses,
    condition_cut,
    consequence,
    find_features,
    pick_cue,
    pick_domains,
    segments,
)
from scenariodesk.direction import Consequence, doc_tokens, token_ids
from scenariodesk.discourse import Context, condition_of, named_in_full, topic, with_article_domain
from scenariodesk.lens import Lens
from scenariodesk.models import Analysis, Document, FactClaim, Recommendation, SignpostHit, Span, Statement
from scenariodesk.proposition import proposition
from scenariodesk.sentences import Sentence, SentenceSplitter, inside
from scenariodesk.signposts import find_signposts

AUTHOR = "author"
# A question opens the sentence (past a list's number: "2. Will KORUS survive?") or a clause
# after a comma, colon or semicolon ("Among Korea hands, the argument is over direction:
# will Clinton reach out ...?").
_QUESTION_START = re.compile(
    r"(^|[,:;]\s)\W*(\d{1,2}[.)]\s+)?(do|does|did|is|are|was|were|will|would|can|could|should|who|what|when|where|why|how|which)\b",
    re.IGNORECASE,
)
_DIRECTION_SLOT = "direction:pending"
_AUTHORED = (AUTHOR, "", "source:author")  # no one else is named: the article asserts it


def _names_any(f: Features) -> bool:
    """The sentence names every outcome ("whichever candidate wins")."""
    return any(rule.startswith("any:") for rule, _ in f.conditions)


def analyze_document(document: Document, lens: Lens) -> Analysis:
    """Scenario statements, recommendations, signposts and fact claims in `document`."""
    if document.language == "ko":
        return _in_cycle(document, extract_korean(document, lens), lens)
    return _in_cycle(document, _Extractor(lens).run(document), lens)


def _in_cycle(document: Document, analysis: Analysis, lens: Lens) -> Analysis:
    """The analysis with the election cycle the lens places the document in (its date),
    and its statements with the article's theme (see `with_article_domain`)."""
    cycle = lens.cycle_for_date(document.date)
    statements = with_article_domain(analysis.statements, lens)
    return replace(analysis, cycle=cycle.year if cycle else None, statements=statements)


def extract_statements(document: Document, lens: Lens) -> list[Statement]:
    """Every scenario statement in `document` under `lens`."""
    return list(analyze_document(document, lens).statements)


def statements_with_consequences(document: Document, lens: Lens) -> list[tuple[Statement, Consequence]]:
    """Each statement with what the direction step saw of it (for training)."""
    extractor = _Extractor(lens)
    extractor.consequences = []
    extractor.run(document)
    return extractor.consequences


# Documents split, then parsed, in one nlp.pipe call each: the parser is ~20% faster on
# large batches than on one document's dozen sentences at a time.
_PARSE_GROUP = 32
_Prepared = tuple[list[Sentence], list[Features]]


def analyze_batch(documents: Iterable[Document], lens: Lens) -> Iterator[tuple[Document, Analysis]]:
    """(document, analysis) for each document, reusing the loaded pipelines; the same
    results as `analyze_document` on each document alone.

    A document that cannot be analyzed gets an `Analysis` whose `failure` says why; it
    never stops the others (its group is retried one document at a time)."""
    extractor = _Extractor(lens)
    iterator = iter(documents)
    while group := list(itertools.islice(iterator, _PARSE_GROUP)):
        # Korean articles go through their own steps (analyze_ko.py)
        yield from (
            (d, _in_cycle(d, _analyze_alone(extractor, d), lens)) for d in group if d.language == "ko"
        )
        if not (group := [d for d in group if d.language != "ko"]):
            continue
        try:
            split = extractor.splitter.split_many([d.text for d in group])
            prepared = [extractor.prepare(d, sentences) for d, sentences in zip(group, split, strict=True)]
            extractor.parse(prepared)
            results = [
                (document, extractor.walk(document, sentences, features))
                for document, (sentences, features) in zip(group, prepared, strict=True)
            ]
        except Exception:  # noqa: BLE001 - find which document, and analyze the rest
            results = [(document, _analyze_alone(extractor, document)) for document in group]
        yield from ((document, _in_cycle(document, analysis, lens)) for document, analysis in results)


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
        self.splitter = SentenceSplitter(lens)
        # Training (train.py) collects what the direction step saw of each statement.
        self.consequences: list[tuple[Statement, Consequence]] | None = None

    # ------------------------------------------------------------------ main walk
    def run(self, document: Document) -> Analysis:
        prepared = self.prepare(document)
        self.parse([prepared])
        return self.walk(document, *prepared)

    def prepare(self, document: Document, sentences: list[Sentence] | None = None) -> _Prepared:
        """Sentences (split here unless given) and their lens matches; no parsing yet."""
        sentences = self.splitter.split(document.text) if sentences is None else sentences
        cycle = self.lens.cycle_for_date(document.date)
        year = cycle.year if cycle else None
        written = int(document.date[:4]) if document.date[:4].isdigit() else None
        running = self.lens.outcomes_for_date(document.date)[0]
        return sentences, [find_features(s, self.lens, year, written, running) for s in sentences]

    def parse(self, prepared: list[_Prepared]) -> None:
        """Parse, in one batch, the sentences of these documents that need it."""
        pairs = (pair for sentences, features in prepared for pair in zip(sentences, features, strict=True))
        todo = [s for s, f in pairs if f.needs_parse]
        docs = pipelines.parser().pipe((s.text for s in todo), batch_size=256) if todo else ()
        for sentence, doc in zip(todo, docs, strict=True):
            sentence.parsed = doc

    def walk(self, document: Document, sentences: list[Sentence], features: list[Features]) -> Analysis:
        """Walk the sentences in reading order, carrying the document's context."""
        lens = self.lens
        allowed, winner = lens.outcomes_for_date(document.date)
        ctx = Context(
            allowed=allowed,
            winner=winner,
            topic=topic(sentences, features, allowed, document, lens),
            cycle=cycle.year if (cycle := lens.cycle_for_date(document.date)) else None,
        )
        self._sentences = sentences
        self._pending: list[tuple[Sentence, Segment, Consequence]] = []
        self._described: dict[int, list[tuple[int, int]]] = {}  # sentence start -> spans
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
            # The condition is not the consequence: "If Harris wins, tariffs would fall"
            # pairs no effect with "wins".
            cut = condition_cut(statement.condition_phrase, s, self.lens)
            doc = s.parsed if s.parsed is not None else s.tokens
            tokens = doc_tokens(doc, segment.start, segment.end, cut)
            # (a lowering cue's negation is its own, not the event's: convention 9)
            cue = (statement.cue.start - s.start, statement.cue.end - s.start)
            quiet = token_ids(doc, cue) if partial.lowering else frozenset()
            seen = replace(partial, tokens=tokens, parsed=s.parsed is not None, cue_tokens=quiet)
            direction, trace = self.lens.direction_step.decide(seen)
            if self.consequences is not None:
                self.consequences.append((statement, seen))
            rules = statement.rules
            at = rules.index(_DIRECTION_SLOT)
            yield replace(statement, direction=direction, rules=(*rules[:at], *trace, *rules[at + 1 :]))

    def _sentence(
        self, index: int, s: Sentence, f: Features, ctx: Context
    ) -> Iterator[Statement | Recommendation | SignpostHit | FactClaim]:
        if s.paragraph != ctx.paragraph:
            discourse.open_paragraph(ctx, s.paragraph, self.lens.continuations.search(s.folded) is not None)
            speakers.read_label(s, self.lens, ctx, self._sentences, index)
        source, source_phrase, speaker_rule = self._source(
            index, s, ctx, f.cues[0][1].start() if f.cues else None
        )
        named_here = [
            o
            for o, m in f.names
            if o != "pronoun"
            and not inside(m.start(), s.quoted)
            and (ctx.allowed is None or o in ctx.allowed)
        ]
        conditions = ctx.outcomes(f.conditions, named_here)  # the sentence's own
        self._track_mentions(s, f, ctx, spoken=source != AUTHOR)
        emitted = False
        if not ctx.paragraph_domains and f.domains:
            ctx.paragraph_domains = pick_domains(f, Segment(0, len(s.text), None))
        # Domain terms are looked for when first asked: until the paragraph has its domains, and under a cue.
        about = f.cues and (f.domains or ctx.paragraph_domains or ctx.discourse_domains or _names_any(f))
        if f.cues and (about or self.lens.generic_impact.search(s.text)) and not self._excluded(s):
            for segment in (
                segments(s.text, conditions)
                if len({c[0] for c in conditions}) > 1
                else clauses(s, f, conditions, self.lens, ctx.allowed)
            ):
                st = self._statement(s, f, ctx, segment, source, source_phrase, speaker_rule)
                if st is not None:
                    emitted = True
                    yield st
        ctx.previous_named = (s.paragraph, tuple(dict.fromkeys(named_here)))
        framing = [o for o, _, _ in ctx.outcomes(f.framed, named_here) if o != "any"] if f.framed else []
        if conditions and not emitted:
            ctx.paragraph_condition = conditions[-1][0]
        elif not conditions and not emitted and framing:
            # an outcome named in what is no projection frames what follows ("What a
            # Trump return would mean for Seoul", "Seoul should prepare for a Trump win")
            ctx.paragraph_condition = ctx.discourse_condition = framing[-1]
        elif not conditions and len(set(named_here)) == 1 and self._excluded(s):
            # a question about one outcome opens what follows: "What would a second Trump
            # term mean for Seoul? For one, the cost-sharing talks would be reopened."
            ctx.paragraph_condition = ctx.discourse_condition = named_here[0]
        if conditions and conditions[-1][0] != "any":
            ctx.discourse_condition = conditions[-1][0]
        discourse.open_section(ctx, s.headline, conditions[-1][0] if conditions else None)
        yield from self._extras(s, f, ctx, conditions, source)

    # ------------------------------------------------------------------ playbook, signposts, facts
    def _extras(
        self,
        s: Sentence,
        f: Features,
        ctx: Context,
        conditions: list[tuple[str, str, re.Match[str]]],
        source: str,
    ) -> Iterator[Recommendation | SignpostHit | FactClaim]:
        lens = self.lens
        sentence = " ".join(s.text.split())
        span = (s.start, s.end)
        for rule, _ in lens.playbook.finditer(s.folded):
            outcome = conditions[0][0] if conditions else ctx.paragraph_condition or ctx.topic or "any"
            domains = pick_domains(f, Segment(0, len(s.text), None)) or ctx.paragraph_domains
            yield Recommendation(sentence, span, outcome, tuple(domains), f"playbook:{rule}", source)
            break
        for rule, start, end in find_signposts(s, lens, f.signposts):
            yield SignpostHit(rule, sentence, span, Span(s.start + start, s.start + end, s.text[start:end]))
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
        s: Sentence,
        f: Features,
        ctx: Context,
        segment: Segment,
        source: str,
        source_phrase: str,
        speaker_rule: str,
    ) -> Statement | None:
        lens = self.lens
        rules: list[str] = []
        cue = pick_cue(f, segment, lens)
        if cue is None:
            return None
        cue_id, cue_m = cue
        rules.append(f"cue:{cue_id}")
        condition, condition_span, condition_rule = condition_of(s, f, ctx, segment, lens)
        if condition is None:
            return None
        rules.append(condition_rule)
        if ctx.winner and condition != ctx.winner and (segment.condition is None or segment.named):
            # After the result, a projection is about the winner's term, unless its own
            # words name another outcome ("if Harris had won" stays harris).
            condition = ctx.winner
            rules.append("condition:winner-after-election")
        domains = self._domains(s, f, ctx, segment, condition, rules, speaker_rule)
        if domains is None or about_a_third_party(s.text, segment.start, cue_m.start(), lens):
            return None
        rules.extend(f"domain:{d}" for d in domains)
        seen = consequence(s, f, segment, cue, lens, domains, condition)
        rules.append(_DIRECTION_SLOT)  # decided after the walk (see _directions)
        if source != AUTHOR and lens.speaks_stance(source):
            return None  # a candidate's or campaign's own words: stance, not projection
        band, probability = lens.cue_value(lens.cue_by_id[cue_id], cue_m)
        if band == "very_likely" and own_plan(s, cue_m.start(), lens, source):
            return None  # "Seoul will prepare ...": the subject country's own plan
        rules.append(speaker_rule)
        ctx.paragraph_condition = condition
        if condition != "any":
            ctx.discourse_condition = condition
        statement = Statement(
            sentence=" ".join(s.text.split()),
            sentence_span=(s.start, s.end),
            condition=condition,
            domains=tuple(domains),
            direction="0",
            likelihood=band,
            probability=probability,
            cue=Span(s.start + cue_m.start(), s.start + cue_m.end(), s.text[cue_m.start() : cue_m.end()]),
            condition_phrase=condition_span,
            source=source,
            source_phrase=source_phrase,
            rules=tuple(rules),
            proposition=proposition(
                s.text,
                (cue_m.start(), cue_m.end()),
                (condition_span.start - s.start, condition_span.end - s.start) if condition_span else None,
                lens,
            ),
        )
        self._pending.append((s, segment, seen))
        return statement

    def _domains(
        self,
        s: Sentence,
        f: Features,
        ctx: Context,
        segment: Segment,
        condition: str,
        rules: list[str],
        speaker_rule: str,
    ) -> list[str] | None:
        """The segment's domains, else its context's (with the rule that gave them), []
        for a generic impact the article's subject completes, None for no statement."""
        # Walking the parse for speakers' descriptions only matters where a term matched.
        if f.domains and s.start not in self._described:  # once per sentence, not per segment
            self._described[s.start] = speakers.descriptions(s, self.lens) + described_spans(s.text)
        domains = pick_domains(f, segment, self._described.get(s.start, ()))
        if domains:
            ctx.paragraph_domains = domains
        elif self.lens.outside_domains.search(s.text, segment.start, segment.end):
            return None  # "Democrats could lose the House": no domain's matter (convention 6)
        elif ctx.paragraph_domains:
            domains = ctx.paragraph_domains
            rules.append("domain:paragraph-context")
        elif ctx.discourse_domains and (
            f.conditions or f.names or speaker_rule == "source:previous-quotation"
        ):
            # Across paragraphs only a sentence that names an outcome or refers to its
            # candidate carries on the text's subject ("The picture would look very
            # different if Trump wins"), or a quotation going on from the paragraph
            # before; an unanchored one ("The office will hold a session") does not.
            domains = ctx.discourse_domains
            rules.append("domain:discourse-context")
        elif condition == "any" and _names_any(f):
            # A generic impact under any outcome ("Whichever candidate wins, the choices
            # of the next administration will shape stability on the peninsula"): its
            # domains are the article's subject, given once the article is read
            # (discourse.with_article_domain), or it is dropped.
            domains = []
        elif self.lens.generic_impact.search(s.text, segment.start, segment.end):
            domains = []
            rules.append("domain:generic-impact")
        else:
            return None
        return domains

    def _track_mentions(self, s: Sentence, f: Features, ctx: Context, spoken: bool = False) -> None:
        """The candidate and person a later sentence may refer to. In a sentence someone
        is reported to say (`spoken`), a candidate named is what they speak of: a later
        "he said" still means the speaker ("Kim expects Biden to … . '…,' she said")."""
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
            if not spoken and not any(c.start() <= m.start() < c.end() for _, c in f.conditions):
                ctx.last_person = f"candidate:{outcome}"

    def _after_quotation(self, index: int, keys: list[tuple[int, int]]) -> Sentence | None:
        """The sentence right after the quotation that the sentence at `index` is in, in its
        paragraph or opening the next ('"…. …." That was the view of …')."""
        rest = self._sentences[index + 1 :]
        return next((t for t in rest if not {(t.paragraph, q) for q in t.quotes} & set(keys)), None)

    def _excluded(self, s: Sentence) -> bool:
        text = s.folded.strip()
        return text.endswith("?") and bool(_QUESTION_START.search(text))

    # ------------------------------------------------------------------ attribution
    def _source(
        self, index: int, s: Sentence, ctx: Context, cue_start: int | None = None
    ) -> tuple[str, str, str]:
        """(source, attributing phrase, rule): the sentence's own attribution, else its
        quotation's speaker (named before, inside or right after the quotation), else the
        previous quotation's speaker for a quote that names none, else the author."""
        found = attribution(s, self.lens, ctx, cue_start) if s.parsed is not None else None
        keys = [(s.paragraph, q) for q in s.quotes]
        if found is not None:  # "Cha said" after "Victor Cha, …"; "the former lawmaker said"
            found = named_in_full(found, self._sentences[:index], self.lens, ctx)
        if found is not None and index and speakers.pronoun_to_rethink(found):
            # "Kim Hyun-wook, a professor at …, sees trouble ahead. "…," he said."
            before = self._sentences[index - 1]
            introduced = speakers.introduced_speaker(before, s, self.lens, ctx, self._sentences[: index - 1])
            if introduced is not None:
                found = (introduced[0], found[1], found[2].removesuffix("-unresolved") + "-introduced")
        if found is not None:
            if found[0] != AUTHOR:
                ctx.last_person = found[0]
            for key in keys:
                ctx.quote_speakers[key] = found[:2]
            if keys:
                ctx.last_quote_speaker = found[:2]
            return found
        if not keys:  # "Victor Cha, …, was blunt: Trump will …" is Cha's
            return speakers.colon_speaker(
                s, cue_start, self.lens, ctx, self._sentences[:index]
            ) or speakers.answering(ctx)
        for key in keys:
            if key in ctx.quote_speakers:
                return (*ctx.quote_speakers[key], "source:quotation")
        # Look ahead for the speaker named after the quotation closes ("...," Cha said).
        for later in self._sentences[index + 1 :]:
            if later.paragraph != s.paragraph:
                break
            if later.parsed is not None and {(later.paragraph, q) for q in later.quotes} & set(keys):
                ahead = attribution(later, self.lens, ctx)
                if ahead is not None:
                    for key in keys:
                        ctx.quote_speakers[key] = ahead[:2]
                    return (*ahead[:2], "source:quotation")
        after = self._after_quotation(index, keys)
        named = speakers.view_named_after(after, self.lens, ctx) if after else None
        if named is not None:  # '"…." That was the view of Kim Hyun-wook, a professor at …'
            for key in keys:
                ctx.quote_speakers[key] = named
            return (*named, "source:view-after")
        introduced = speakers.introduced_speaker(
            self._sentences[index - 1] if index else None,
            s,
            self.lens,
            ctx,
            self._sentences[: max(0, index - 1)],
        )
        if introduced is not None:
            for key in keys:
                ctx.quote_speakers[key] = introduced
            return (*introduced, "source:sentence-before")
        if ctx.last_quote_speaker is not None:
            return (*ctx.last_quote_speaker, "source:previous-quotation")
        return speakers.answering(ctx)
