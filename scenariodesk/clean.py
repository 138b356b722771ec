"""Line-level cleaning of scraped article text; the junk patterns come from the lens."""

from __future__ import annotations

import itertools
import re
import unicodedata
from dataclasses import dataclass

from spacy.lang.en.stop_words import STOP_WORDS

from scenariodesk.lens import Lens

# Lines this short, before the first real paragraph, are navigation labels ("US in Asia").
_NAV_MAX_WORDS = 3
# A paragraph of at least this many words starts the body.
_BODY_MIN_WORDS = 20
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200b\u3000]+")
_SENTENCE_END = re.compile(r"[.!?\"'’”)]$")


@dataclass(frozen=True)
class CleanText:
    text: str  # paragraphs separated by blank lines
    removed: tuple[str, ...]  # junk lines, each prefixed with the rule that dropped it


def normalize_line(line: str) -> str:
    """NFC, no control characters, runs of spaces (incl. no-break) folded to one."""
    line = unicodedata.normalize("NFC", line)
    line = "".join(ch for ch in line if ch == "\t" or unicodedata.category(ch)[0] != "C")
    return _SPACES.sub(" ", line).strip()


def clean_text(raw: str, lens: Lens, *, title: str = "", outlet: str = "") -> CleanText:
    """Drop navigation, captions, credits, bylines, subscription and social lines.

    Keeps every body line, each as its own paragraph (a line break ends a sentence),
    except a line that goes on with the sentence the line just before left open (text
    hard-wrapped across lines, see `_unwrapped`); and drops later repeats of a line
    (titles echoed in captions and headers).
    """
    kept: list[str] = []
    removed: list[str] = []
    seen: set[str] = set()
    in_body = False
    footer = False
    skip = {s.casefold() for s in (outlet,) if s}
    for line in _unwrapped(raw, lens):
        if not line:
            continue
        if footer:
            removed.append(f"footer: {line}")
            continue
        rule = _junk_rule(line, lens)
        if rule is None and lens.boilerplate_footer.regex.search(line):
            footer = True
            removed.append(f"footer: {line}")
            continue
        key = line.casefold()
        if rule is None and key in skip:
            rule = "outlet-name"
        if rule is None and key in seen:
            rule = "repeated-line"
        words = len(line.split())
        if (
            rule is None
            and not in_body
            and words <= _NAV_MAX_WORDS
            and not _SENTENCE_END.search(line)
            and key != title.casefold()
        ):
            rule = "nav-label"
        if rule is not None:
            removed.append(f"{rule}: {line}")
            continue
        seen.add(key)
        kept.append(line)
        if words >= _BODY_MIN_WORDS:
            in_body = True
    return CleanText("\n\n".join(kept), tuple(removed))


_BULLET = re.compile(r"^\W*(?:[-–—•*▶□■○·]|\d{1,2}[.)])\s")
_WRAP_MIN_WORDS = 6  # a shorter line is a label, a credit or a headline fragment
_WRAPPED_LINES = 5  # lines left open that make a text wrapped throughout (with half the pairs)
_OPEN_END = re.compile(r"[,(\-–—]$|\b(?:" + "|".join(sorted(STOP_WORDS)) + r")$", re.IGNORECASE)


def _unwrapped(raw: str, lens: Lens) -> list[str]:
    """The normalized lines of `raw` ("" for a blank line), with the lines of text
    hard-wrapped across lines joined. In a text wrapped throughout (most lines stop
    mid-sentence): every line of a block between blank lines, or where no blank line
    sets paragraphs apart, every line after one with no sentence end. Elsewhere, a line
    that goes on with the sentence the line just before left open (`_left_open`). A list
    item is never joined to the line before (in a wrapped text, its own wrapped lines are
    joined to it); a junk line is never joined nor joined to."""
    lines = [normalize_line(line) for line in raw.splitlines()]
    pairs = [(a, b) for a, b in itertools.pairwise(lines) if a and b]
    # (a list item counts where a line of its own follows it, not another item)
    left_open = sum(_left_open(a, item=True) for a, b in pairs if not _BULLET.match(b))
    wrapped = left_open >= _WRAPPED_LINES and left_open >= 0.5 * len(pairs)
    filled = [i for i, line in enumerate(lines) if line]
    blocks = wrapped and not all(lines[filled[0] : filled[-1]])  # blank lines set paragraphs apart
    no_break = {t.lower() for t in lens.model.no_break_after}
    # the wrap's width: a line well short of it ends its paragraph (without blank lines)
    widths = sorted(len(a) for a, _ in pairs if _left_open(a))
    short = 0.7 * widths[int(0.8 * len(widths))] if widths else 0
    out: list[str] = []
    last = ""  # the line just before, as written ("" for a blank one)
    junk = False  # the paragraph so far opened on a junk line
    for line in lines:
        previous = out[-1] if out else ""  # the paragraph so far
        if not (line and previous) or _BULLET.match(line):
            joined = False
        elif wrapped:  # (without blank lines, a headline or a short last line ends a paragraph)
            ended = _ends_sentence(last, line, no_break) or len(last) < short
            joined = blocks or not (ended or _headline(previous))
        else:
            joined = _left_open(previous) and (line[0].islower() or bool(_OPEN_END.search(previous)))
        # (a wrapped sentence's short last words are its end, whatever junk they look
        # like: "until" / "2030.")
        tail = wrapped and _SENTENCE_END.search(line) and len(line.split()) < _WRAP_MIN_WORDS
        if joined and not junk and (tail or _junk_rule(line, lens) is None):
            # a word hyphenated across the break ("cost-" / "sharing") is one word
            glue = "" if previous.endswith("-") and line[0].islower() else " "
            out[-1] = f"{previous}{glue}{line}"
        else:
            out.append(line)
            junk = bool(line) and _junk_rule(line, lens) is not None
        last = line
    return out


def _ends_sentence(line: str, following: str, no_break: set[str]) -> bool:
    """`line` ends a sentence: its last word ends with one's punctuation, and is not one
    of the lens's abbreviations ("U.S.") with `following` going on in lower case."""
    if not _SENTENCE_END.search(line):
        return False
    last = line.split()[-1].split("-")[-1].lower()  # "South Korea-U.S."
    return not (last in no_break and following[:1].islower())


def _left_open(line: str, item: bool = False) -> bool:
    """A body line of some length, not a headline (mostly capitalized words) nor a list
    item (unless `item`), that ends with no sentence end: what a hard wrap leaves.
    Outside a text wrapped throughout, only a line going on in lower case or after a
    comma or a word no sentence or headline ends on ("the", "of", "would": spaCy's stop
    words) continues it; a break before a capitalized word after a full word ("… and
    Seoul" / "Advertisement") stays."""
    if _SENTENCE_END.search(line) or line.endswith((":", ";", "|")) or (_BULLET.match(line) and not item):
        return False
    return len(line.split()) >= _WRAP_MIN_WORDS and not _headline(line)


def _headline(line: str) -> bool:
    """Most of its longer words capitalized, as in a headline ("A Second-Term Trump Would
    Keep Trying to Talk to North Korea"), not a line naming a few institutions."""
    long_words = [w for w in line.split() if sum(ch.isalpha() for ch in w) > 3]
    return bool(long_words) and sum(w[0].isupper() for w in long_words) >= 0.8 * len(long_words)


def _junk_rule(line: str, lens: Lens) -> str | None:
    for name, _ in lens.boilerplate_drop.finditer(line):
        return name
    return None


def markdown_text(markdown: str) -> str:
    """The text of a Markdown document (markdown-it-py's CommonMark parse): each block its
    own paragraph; links, emphasis and headings as their words; images, code and raw HTML
    left out. A line break inside a block stays a line break, for `clean_text` to join
    as the hard wrap it may be."""
    from markdown_it import MarkdownIt

    blocks = []
    for token in MarkdownIt("commonmark").parse(markdown):
        if token.type != "inline":
            continue
        words = []
        for child in token.children or ():
            if child.type in ("text", "code_inline"):
                words.append(child.content)
            elif child.type in ("softbreak", "hardbreak"):
                words.append("\n")
        blocks.append("".join(words).strip())
    return "\n\n".join(b for b in blocks if b)
