"""Sentences of a document: paragraphs (a line break always ends a sentence) split by
spaCy's senter, never after an abbreviation the lens lists; headlines and the ranges
inside quotation marks are marked on each sentence. Korean text is split by Kiwi
(`korean_sentences`), a quotation kept inside its sentence."""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from spacy.tokens import Doc
from spacy.tokens import Span as TokenSpan

from scenariodesk import nlp as pipelines
from scenariodesk.lens import Lens

# Curly quotes folded to straight ones for matching; same length, so offsets hold.
FOLD = str.maketrans("‘’“”′", "''\"\"'")
HEADLINE_MAX_WORDS = 30
# Sentences longer than this are never parsed (attribution falls back to context, and
# signposts to their patterns).
MAX_PARSED = 3_000
SPEECH_MIN_WORDS = 5
# A sentence that ends inside a line ("… in February 2019. Should talks stall, …"): the
# line is body text cut off by the page (an "Advertisement" line), not a headline. An
# ellipsis ("Denuclearization... North Korea") or an initial ("U.S. Troops") is not one.
# A numbered heading's number ("4. Less room on China", "2) Tariffs") ends no sentence.
_NUMBERED = re.compile(r"^\s*\d{1,2}[.)]\s+(?=[A-Z])")
_SENTENCE_END_INSIDE = re.compile(r"[a-z0-9][.!?]['\"’”]?\s+[A-Z]")


@dataclass
class Sentence:
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


# A paragraph longer than this is split into pieces at a space before the limit: spaCy
# refuses texts over 1,000,000 characters, and no sentence of an article runs this long.
MAX_PIECE = 20_000


def pieces(offset: int, paragraph: str) -> Iterator[tuple[int, str]]:
    """(offset, text) pieces of a paragraph, each at most MAX_PIECE characters."""
    start = 0
    while len(paragraph) - start > MAX_PIECE:
        cut = paragraph.rfind(" ", start + MAX_PIECE // 2, start + MAX_PIECE)
        cut = cut if cut > start else start + MAX_PIECE
        yield offset + start, paragraph[start:cut]
        start = cut
    yield offset + start, paragraph[start:]


def inside(pos: int, ranges: list[tuple[int, int]]) -> bool:
    return any(a <= pos < b for a, b in ranges)


_QUOTE_MARKS = re.compile('[“”"]')


def quoted_ranges(text: str) -> list[tuple[int, int]]:
    """Character ranges inside double quotation marks; an unclosed quote runs to the end."""
    ranges = []
    start = None
    for m in _QUOTE_MARKS.finditer(text):  # the marks only: a scan of every character was slow
        i, ch = m.start(), m.group()
        if ch == "“" or (ch == '"' and start is None):
            start = i if start is None else start
        elif (ch == "”" or ch == '"') and start is not None:
            ranges.append((start, i + 1))
            start = None
    if start is not None:
        ranges.append((start, len(text)))
    return ranges


# A quotation that opens a sentence and ends as one ('"Seoul could be sidelined."'):
# speech however short, where a short quoted phrase inside a sentence is a term.
_OPENS_SENTENCE = re.compile(r"(^|[.!?][\"”’']?\s+)$")
_ENDS_AS_SENTENCE = re.compile(r"[.!?,][\"”]$")


def _speech(para: str, a: int, b: int) -> bool:
    """Whether the quotation para[a:b] is speech, not a term the writer marks."""
    if len(para[a:b].split()) >= SPEECH_MIN_WORDS:
        return True
    return bool(_OPENS_SENTENCE.search(para[max(0, a - 3) : a]) and _ENDS_AS_SENTENCE.search(para[a:b]))


class SentenceSplitter:
    """Splits a document's text into `Sentence`s with the lens's no-break abbreviations."""

    def __init__(self, lens: Lens) -> None:
        self.splitter = pipelines.splitter()
        self._no_break = {t.lower() for t in lens.model.no_break_after}

    def split(self, text: str) -> list[Sentence]:
        return self.split_many([text])[0]

    def split_many(self, texts: list[str]) -> list[list[Sentence]]:
        """Each text's sentences; the senter runs over every text's paragraphs in one
        stream (batched across documents, not one small batch per document)."""
        paragraphs = [
            [piece for m in re.finditer(r"[^\n]+", text) for piece in pieces(m.start(), m.group())]
            for text in texts
        ]
        docs = self.splitter.pipe(p for paras in paragraphs for _, p in paras)
        return [self._sentences(paras, itertools.islice(docs, len(paras))) for paras in paragraphs]

    def _sentences(self, paragraphs: list[tuple[int, str]], docs: Iterable[Doc]) -> list[Sentence]:
        out: list[Sentence] = []
        for index, ((offset, para), doc) in enumerate(zip(paragraphs, docs, strict=True)):
            words = len(para.split())
            # A short line without final punctuation is a headline or deck, unless it is a
            # list item (related links: "- Park orders NSC meeting to review ...").
            headline = (
                words <= HEADLINE_MAX_WORDS
                and not re.search(r"[.!?]['\"’”]?\s*$", para)
                and not re.match(r"\s*[-•*·]\s", para)
                and not self._ends_inside(_NUMBERED.sub("", para, count=1))
            )
            # A headline is one sentence even with "..." inside it.
            bounds = [(0, len(para))] if headline else self._merge_abbreviations(doc)
            # A quoted phrase of a few words ("top-down", "Buy American") is a term the
            # writer marks, not speech: it neither carries a speaker nor hides names.
            quoted = [(a, b) for a, b in quoted_ranges(para) if _speech(para, a, b)]
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
                    Sentence(
                        start=offset + start,
                        end=offset + end,
                        text=sentence_text,
                        folded=sentence_text.translate(FOLD),
                        paragraph=index,
                        headline=headline,
                        quoted=local,
                        quotes=tuple(overlapping),
                        tokens=doc.char_span(start, end, alignment_mode="expand"),
                    )
                )
        return out

    def _ends_inside(self, line: str) -> bool:
        """A sentence ends inside the line: a period after a word that is not one of the
        lens's abbreviations ("Trump vs. Harris: …" is still a headline), then a capital."""
        for m in _SENTENCE_END_INSIDE.finditer(line):
            word = line[: m.start() + 2].split()[-1].strip("'\"’”")
            if word.lower() not in self._no_break:
                return True
        return False

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


# ---------------------------------------------------------------- Korean
_KO_HEADLINE_MAX = 60  # characters: a short line without final punctuation is a headline


@dataclass
class KoreanSentence:
    """A Korean sentence: its span in the text, its words, its paragraph and whether it is
    a headline (ANNOTATION-ko: a sentence-final ending and mark, or a line break)."""

    start: int
    end: int
    text: str
    paragraph: int
    headline: bool


def korean_sentences(text: str, quotative: re.Pattern[str]) -> list[KoreanSentence]:
    """Kiwi's sentences of each line, a quotation kept inside its sentence, and a
    reported clause with the quotative ending that closes it (`quotative`: the lens's
    `ko.quotative_endings` as `KoreanRules.quotative` compiles them)."""
    kiwi = pipelines.kiwi()
    out: list[KoreanSentence] = []
    for index, m in enumerate(re.finditer(r"[^\n]+", text)):
        para = m.group()
        if not para.strip():
            continue
        headline = len(para) <= _KO_HEADLINE_MAX and not re.search(r"[.!?。]['\"”’]?\s*$", para)
        bounds = [(0, len(para))] if headline else [(s.start, s.end) for s in kiwi.split_into_sents(para)]
        for start, end in _join_quotes(para, _cut_before_quotes(para, bounds), quotative):
            chunk = para[start:end]
            lead, trail = len(chunk) - len(chunk.lstrip()), len(chunk.rstrip())
            if chunk.strip():
                out.append(
                    KoreanSentence(
                        m.start() + start + lead, m.start() + start + trail, chunk.strip(), index, headline
                    )
                )
    return out


# a sentence's final mark, then a quotation opening: "…수 있다. “…”라고 김 교수가 말했다."
_KO_QUOTE_OPENS = re.compile(r"[.!?]\s+(?=[“\"])")


def _cut_before_quotes(para: str, bounds: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Kiwi keeps a sentence and the quotation that opens the next one together when the
    quotation ends in a quotative ("…다. “…”라고 말했다"): cut before the quotation's
    opening mark unless the mark sits inside a quotation already open."""
    out: list[tuple[int, int]] = []
    for start, end in bounds:
        for m in _KO_QUOTE_OPENS.finditer(para, start, end):
            before = para[: m.start()]
            inside = before.count("“") > before.count("”") or before.count('"') % 2 == 1
            if not inside and para[start : m.start()].strip():
                out.append((start, m.start() + 1))
                start = m.end()
        out.append((start, end))
    return out


def _join_quotes(
    para: str, bounds: list[tuple[int, int]], quotative: re.Pattern[str]
) -> list[tuple[int, int]]:
    """A quotation stays inside its sentence (ANNOTATION-ko): join splits inside “ ”, and
    a split inside a quotative ending (Kiwi cuts "…크다고 김민수 교수는 말했다" after "크다"
    when a name follows "고")."""
    joined: list[tuple[int, int]] = []
    for start, end in bounds:
        cut = joined[-1][1] if joined else 0
        open_quote = joined and para[:cut].count("“") > para[:cut].count("”")
        cut_particle = any(
            m.start() < cut < m.end() for m in quotative.finditer(para, max(0, cut - 3), start + 4)
        )
        if open_quote or cut_particle:
            joined[-1] = (joined[-1][0], end)
        else:
            joined.append((start, end))
    return joined
