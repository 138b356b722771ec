"""Line-level cleaning of scraped article text; the junk patterns come from the lens."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

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

    Keeps every body line, each as its own paragraph (a line break ends a sentence), and
    drops later repeats of a line (titles echoed in captions and headers).
    """
    kept: list[str] = []
    removed: list[str] = []
    seen: set[str] = set()
    in_body = False
    footer = False
    skip = {s.casefold() for s in (outlet,) if s}
    for raw_line in raw.splitlines():
        line = normalize_line(raw_line)
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


def _junk_rule(line: str, lens: Lens) -> str | None:
    for name, _ in lens.boilerplate_drop.finditer(line):
        return name
    return None
