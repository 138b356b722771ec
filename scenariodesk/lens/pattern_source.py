"""Reading a lens pattern's source without compiling it: the letters it can open with,
its top-level alternatives and groups, its second letter, and its lower-case form; what
`patterns.compile_matcher` groups branches by and `Matcher` scans with."""

from __future__ import annotations

import re
from collections.abc import Iterator

_CASED_ESCAPES = re.compile(r"\\[xuUN0-9]")  # a letter written by its code, or a back-reference
_GROUP_NAMES = re.compile(r"\(\?P[<=]\w+>?")


def lower_case(pattern: str) -> str | None:
    """`pattern` for text in lower case, matched without IGNORECASE where `pattern` is
    matched with it: its letters in lower case but escapes ("\\S", "\\W", "\\B") and
    group names kept; None when that is not the same ("\\x41" writes a capital by its
    code, a range "[A-z]" spans punctuation, "(?-i:…)" asks for case)."""
    if _CASED_ESCAPES.search(pattern) or "(?-i" in pattern or re.search(r"[A-Z]-[a-z]", pattern):
        return None
    out, i = [], 0
    while i < len(pattern):
        if pattern[i] == "\\":
            out.append(pattern[i : i + 2])
            i += 2
        elif name := _GROUP_NAMES.match(pattern, i):
            out.append(name.group())
            i = name.end()
        else:
            out.append(pattern[i].lower())
            i += 1
    return "".join(out)


def first_letters(pattern: str) -> str:
    """The letters a pattern that opens with a group can start with ("(if|when|should) …"
    -> "iws", "(?:north korea|n\\. ?korea) policy" -> "n", nested groups too): each
    alternative must open with a letter or such a group, an optional group counting with
    what follows it ("(the )?Republican" -> "rt"); a pattern of alternatives ("chances
    are|odds are" -> "co") the letters of each; "" when it cannot be told simply."""
    letters = _leading_letters(f"(?:{pattern})" if alternatives_at_top(pattern) else pattern)
    return "".join(sorted(letters)) if letters else ""


def _leading_letters(pattern: str) -> set[str] | None:
    """The characters `pattern` can start with, or None when that cannot be told simply;
    an optional group adds its own to those of what follows it ("(almost )?certain"); a
    lookbehind matches no character, so what follows it opens the pattern."""
    if pattern.startswith(("(?<!", "(?<=")):
        end = _closing(pattern, 0)
        return None if end is None else _leading_letters(pattern[end + 1 :])
    first = pattern[:1]
    if pattern.startswith("\\d") and pattern[2:3] not in ("?", "*", "{"):
        return set("0123456789")
    if _plain_start(first) and pattern[1:2] not in ("?", "*", "{"):
        return {first.lower()}
    found = _group_letters(pattern, 0)
    if found is None:
        return None
    letters, end = found
    if pattern[end + 1 : end + 2] in ("?", "*"):
        rest = _leading_letters(pattern[end + 2 :])
        return None if rest is None else letters | rest
    if pattern[end + 1 : end + 2] == "{":
        return None
    return letters


def _closing(pattern: str, at: int) -> int | None:
    """The index of the parenthesis closing the group that opens at `at`."""
    depth, i = 0, at
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\":
            i += 2
            continue
        depth += {"(": 1, ")": -1}.get(ch, 0)
        if depth == 0:
            return i
        i += 1
    return None


def _plain_start(ch: str) -> bool:
    """A character a pattern can open with literally: a letter of any script (matching
    is case-insensitive), a digit, an apostrophe ("'ll", "’re")."""
    return ch.isalnum() or ch in "'’"


def _group_letters(pattern: str, at: int) -> tuple[set[str], int] | None:
    """(first letters, index of the closing parenthesis) of the group opening at `at`."""
    if pattern[at : at + 1] != "(":
        return None
    start = at + 3 if pattern.startswith("(?:", at) else at + 1
    if pattern[start : start + 1] == "?":
        return None  # a lookaround or another special group
    letters: set[str] = set()
    expect, skip_to = True, -1  # expect: at the start of an alternative
    for i, ch, depth in _structure(pattern, start):
        if i <= skip_to:
            continue
        if expect:
            if pattern.startswith(("(?<!", "(?<="), i):  # matches no character
                skip_to = _closing(pattern, i) or len(pattern)
                continue
            expect = False
            if pattern.startswith("\\d", i) and pattern[i + 2 : i + 3] not in ("?", "*", "{"):
                letters.update("0123456789")
                continue
            if ch == "(":
                inner = _group_letters(pattern, i)
                if inner is None or pattern[inner[1] + 1 : inner[1] + 2] == "{":
                    return None
                letters |= inner[0]
                skip_to = inner[1]
                if pattern[inner[1] + 1 : inner[1] + 2] in ("?", "*"):
                    # "(the )?Republican": an optional group adds what follows it
                    rest = _leading_letters(pattern[inner[1] + 2 :])
                    if rest is None:
                        return None
                    letters |= rest
                    skip_to += 1
                continue
            if not _plain_start(ch) or pattern[i + 1 : i + 2] in ("?", "*", "{"):
                return None
            letters.add(ch.lower())
        if ch == ")" and depth < 0:
            return letters, i
        if ch == "|" and depth == 0:
            expect = True
    return None


def _structure(pattern: str, start: int = 0) -> Iterator[tuple[int, str, int]]:
    """(index, character, depth) for each character of `pattern` from `start` but the one
    a backslash escapes (the backslash stands for it): depth counts the groups and
    classes open around it, a closing bracket counting as outside the one it closes."""
    depth, escaped = 0, False
    for i in range(start, len(pattern)):
        ch = pattern[i]
        if escaped:
            escaped = False
            continue
        if ch == "\\":
            escaped = True
            yield i, ch, depth
            continue
        if ch in ")]":
            depth -= 1
        yield i, ch, depth
        if ch in "([":
            depth += 1


def alternatives_at_top(pattern: str) -> bool:
    """Does the pattern hold a `|` outside any group ("chances are|odds are")?"""
    return any(ch == "|" and depth == 0 for _, ch, depth in _structure(pattern))


def uncaptured(pattern: str) -> str:
    """`pattern` with its capturing groups, named ones too, made non-capturing (outside
    character classes and escapes): the same language, without the marks that cost the
    engine time at every branch it tries (and without a name twice where a rule is
    copied under several first letters)."""
    out, i, in_class = [], 0, False
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\":
            out.append(pattern[i : i + 2])
            i += 2
            continue
        if in_class:
            in_class = ch != "]" or out[-1] == "["
        elif ch == "[":
            in_class = True
        elif ch == "(" and pattern[i + 1 : i + 2] != "?":
            out.append("(?:")
            i += 1
            continue
        elif pattern.startswith("(?P<", i):  # a named group: its rule's own regex keeps the name
            out.append("(?:")
            i = pattern.index(">", i) + 1
            continue
        out.append(ch)
        i += 1
    return "".join(out)


def second_letter(pattern: str) -> str:
    """The pattern's second character when it is a plain letter that must be there."""
    second = pattern[1:2]
    if second.isalpha() and pattern[2:3] not in ("?", "*", "+", "{"):
        return second.lower()
    return ""
