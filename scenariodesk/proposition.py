"""The proposition of a statement: the clause that carries its projected consequence, as a
reader can quote it ("denuclearization talks are likely to resume").

From the sentence it keeps the clause around the likelihood cue (the lens's clause
breaks end it: "but", "while", ";"), and drops what is not the consequence: a fronted or
trailing condition ("If Trump is re-elected, ...", "... if he wins"), the attribution
("..., Cha said", "Cho said a Harris administration might ...") and a leading discourse
marker ("However, ..."). A noun-phrase condition that is the clause's subject ("A Biden
presidency could ...") stays. What is left must keep a few words around the cue, or the
whole sentence is the proposition. Developments take their labels from it, and the
memo quotes it.
"""

from __future__ import annotations

import re
from functools import lru_cache

from scenariodesk.lens import Lens

# Words that open an adverbial condition clause rather than a noun phrase (English
# function words, like spaCy's stop words; the outcome phrases themselves are the lens's):
# those that open a clause with its own verb, which trailing runs on to the end of the
# consequence's clause ("… stay in place whichever candidate wins next week"), and
# those that open a phrase ("under Trump").
_CLAUSE_OPENERS = (
    "if|should|once|when|whether|unless|regardless|whoever|whichever|whatever|no matter|even if|in case"
)
_PHRASE_OPENERS = "under|in the event|after|with|in a"
_SUBORDINATORS = re.compile(rf"^\W*({_CLAUSE_OPENERS}|{_PHRASE_OPENERS})\b", re.IGNORECASE)
_CLAUSAL = re.compile(rf"^\W*({_CLAUSE_OPENERS})\b", re.IGNORECASE)
_LEADING = re.compile(
    r"^[\s\W]*?(?:(?:and|so|then|thus|in short|first of all|first|second|third|fourth|finally),?\s+)*", re.I
)
_RELATIVE_BEFORE = re.compile(r"\b(who|which)\s+(\w+\s+)?$", re.IGNORECASE)  # "who (still) thinks"
_TAG = re.compile(r"^\s*\[[^\]]{1,80}\]\s*")  # a column tag: "[US elections and Korea] ..."
_SPACE_BEFORE_MARK = re.compile(r"\s+([,.;:!?])")
_DOUBLE_MARK = re.compile(r",\s*([,.;:!?])")
_EDGES = " \t\n,;:—–-\"'“”‘’()[]"
MIN_WORDS = 4


def proposition(text: str, cue: tuple[int, int], condition: tuple[int, int] | None, lens: Lens) -> str:
    """`text` is the sentence; `cue` and `condition` are character offsets in it."""
    start, end = _clause(text, cue, lens)
    cut: list[tuple[int, int]] = []
    if condition and start <= condition[0] and condition[1] <= end:
        cut.extend(_adverbial(text, condition, start, end, cue[1]))
    inversion = lens.conditional_inversion.match(text, start)
    comma = text.find(",", inversion.end(), cue[0]) if inversion else -1
    if inversion and comma > 0:  # "Should Washington reopen the deal, carmakers would ..."
        cut.append((start, comma + 1))
    start, end = _without_attribution(text, cue, start, end, lens)
    frame = _speech_frame(lens).match(text, start)
    if frame and frame.end() <= cue[0]:  # "In his view, …", "In the assessment of KIDA, …"
        start = frame.end()
    kept = _without(text, start, end, cut)
    kept = _SPACE_BEFORE_MARK.sub(r"\1", " ".join(_TAG.sub("", kept).split()))
    kept = _DOUBLE_MARK.sub(r"\1", kept).strip(_EDGES)
    kept = lens.continuations.sub("", kept).strip(_EDGES)
    kept = _LEADING.sub("", kept).strip(_EDGES)
    if len(kept.split()) < MIN_WORDS or not (start <= cue[0] and cue[1] <= end):
        kept = " ".join(text.split()).strip(_EDGES)
    kept = _closed(kept, text)
    return kept[:1].upper() + kept[1:]


_OPENS = {
    "'": re.compile(r"(?:^|(?<=[\s(]))'(?=\w)"),
    "‘": re.compile("‘"),
    '"': re.compile(r'(?:^|(?<=[\s(]))"(?=\w)'),
    "“": re.compile("“"),
}
_CLOSES = {"'": "'", "‘": "’", '"': '"', "“": "”"}


def _closed(kept: str, text: str) -> str:
    """`kept` with the closing quotation mark its edges lost, where a quotation opened
    inside it runs to its end ("… the principles of 'China containment' and 'emphasis on
    alliances.'"): the mark as the sentence has it after the kept words."""
    for opening, pattern in _OPENS.items():
        closing = _CLOSES[opening]
        opened = len(pattern.findall(kept))
        if not opened:
            continue
        closed = len(re.findall(rf"(?<=[\w.,!?]){re.escape(closing)}(?!\w)", kept))
        if opened > closed:
            flat = " ".join(text.split())
            at = flat.find(kept)
            if at >= 0 and flat[at + len(kept) :].lstrip(".,;:!?").startswith(closing):
                return kept + closing
    return kept


def _without(text: str, start: int, end: int, cut: list[tuple[int, int]]) -> str:
    """`text[start:end]` without the character spans in `cut` (which may overlap)."""
    pieces, at = [], start
    for a, b in sorted(cut):
        if a > at:
            pieces.append(text[at : min(a, end)])
        at = max(at, b)
        if at >= end:
            break
    if at < end:
        pieces.append(text[at:end])
    return "".join(pieces)


def _clause(text: str, cue: tuple[int, int], lens: Lens) -> tuple[int, int]:
    """The stretch between the clause breaks around the cue. A break word that opens the
    clause ("Because X has treated Y as Z, a second Trump administration is very likely
    to …") opens a subordinate clause that runs to the comma before the cue."""
    start, end = 0, len(text)
    opens = False
    for m in lens.clause_breaks.finditer(text):
        if m.end() <= cue[0]:
            opens = m.group()[:1].isalpha() and not text[start : m.start()].strip(_EDGES)
            start = m.end()
        elif m.start() >= cue[1]:
            end = m.start()
            break
    comma = text.rfind(",", start, cue[0])
    if opens and comma >= 0:
        start = comma + 1
    return start, end


def _adverbial(
    text: str, condition: tuple[int, int], start: int, end: int, cue_end: int
) -> list[tuple[int, int]]:
    """The condition phrase with its comma when it is an adverbial clause or phrase
    ("If X wins, ...", "..., whoever wins", "under Trump"); nothing when it is a noun
    phrase, which is then the clause's subject ("A Biden presidency could ...")."""
    a, b = condition
    after = text[b:end].lstrip()
    if _SUBORDINATORS.match(text[a:b]):
        stop = b
        if after.startswith(","):
            stop = b + (len(text[b:end]) - len(after)) + 1
            before = text[start:a].rstrip()
            if before.endswith(","):  # set off by commas on both sides: "Tariffs, if Trump wins, would …"
                a = start + len(before) - 1
        # a subordinate clause runs on to its comma ("If Trump wins a second term, ...")
        elif _SUBORDINATORS.match(text[a:b]) and "," in text[b:end] and a - start < 3:
            stop = text.index(",", b) + 1
        elif _CLAUSAL.match(text[a:b]) and a >= cue_end:
            # its own words are not the consequence's ("… whichever candidate wins next week")
            rest = text[b:end] if "," not in text[b:end] else text[b : text.find(",", b, end)]
            stop = b + len(rest.rstrip().rstrip(".!?\"”’'"))
        return [(a, stop)]
    return []


@lru_cache(maxsize=8)
def _speech_frame(lens: Lens) -> re.Pattern[str]:
    """A fronted frame naming whose view follows (the lens's `speech_nouns`): "In his
    view,", "In Cha's assessment,", "In the view of Victor Cha,"."""
    nouns = "|".join(sorted(map(re.escape, lens.speech_nouns))) or r"(?!x)x"
    owner = r"(?:his|her|their|its|our|my|the|[\w.’'-]+['’]s)"
    return re.compile(rf"\W*(?:in|by)\s+{owner}\s+(?:\w+\s+)?(?:{nouns})(?:\s+of\s+[^,]+)?,\s*", re.I)


def _without_attribution(
    text: str, cue: tuple[int, int], start: int, end: int, lens: Lens
) -> tuple[int, int]:
    """Narrow [start, end) to leave out who said it: a reporting verb after the cue ends
    the clause where the quote closes, else at the last comma before the verb; one before
    the cue starts it after its quote mark or "that", else right after the verb."""
    for _, m in lens.reporting.finditer(text):
        if m.start() < start or m.end() > end or (m.start() < cue[1] and m.end() > cue[0]):
            continue
        if m.start() >= cue[1]:
            between = text[cue[1] : m.start()]
            quotes = [i for i in range(len(between)) if _closes_quote(text, cue[1] + i)]
            commas = [i for i, ch in enumerate(between) if ch == ","]
            if quotes or commas:
                end = min(end, cue[1] + (quotes[0] if quotes else commas[-1]))
                break
        elif (
            m.end() <= cue[0]
            and not _SUBORDINATORS.match(text[start : m.start()])
            and not _RELATIVE_BEFORE.search(text, start, m.start())
        ):
            # (not when the verb sits in a condition: "If Seoul says ..., Biden will ...",
            # nor in a relative clause of the subject: "Anyone who thinks ... is going to")
            rest = text[m.end() : cue[0]]
            opening = re.search(r"[\"“]|\bthat\b|:", rest)
            skip = opening.end() if opening else (re.match(r"\s*,?", rest).end())  # type: ignore[union-attr]
            if not opening and not text[start : m.start()].strip(_EDGES) and "," in rest:
                skip = rest.index(",") + 1  # a fronted frame: "According to a report by KITA, …"
            start = max(start, m.end() + skip)
            if opening and opening.group() in '"“':  # the quote ends the proposition
                after = text[cue[1] : end]
                closing = next((i for i, ch in enumerate(after) if ch in '"”'), None)
                if closing is not None:
                    end = cue[1] + closing
    return start, end


def _closes_quote(text: str, i: int) -> bool:
    """A closing quotation mark: ” or ’ not inside a word ("Korea’s"), or a straight
    quote with an odd number of them before it in the sentence."""
    ch = text[i]
    if ch == "”":
        return True
    if ch == '"':
        return text.count('"', 0, i) % 2 == 1
    return ch == "’" and not (i + 1 < len(text) and text[i + 1].isalpha())


_SUBJECTS = {"nsubj", "nsubjpass", "expl", "csubj", "csubjpass"}


def reads_as_sentence(text: str) -> bool:
    """Whether spaCy's parse of `text` has a root verb with a subject: what the memo
    requires of every line it states as a proposition."""
    from scenariodesk.nlp import parser

    doc = parser()(text)
    roots = [t for t in doc if t.dep_ == "ROOT"]
    # The parser pipeline has no attribute ruler: verbs are told by their tag (VB*, MD).
    return bool(roots) and all(
        (r.tag_.startswith("VB") or r.tag_ == "MD") and any(c.dep_ in _SUBJECTS for c in r.children)
        for r in roots[:1]
    )
