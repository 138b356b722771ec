"""Lens patterns compiled for speed: word-edged phrases, and one alternation per rule
list (`Matcher`) that finds where a rule matches, the rule then told at that place."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cached_property

from scenariodesk.lens.pattern_source import (
    alternatives_at_top,
    first_letters,
    lower_case,
    second_letter,
    uncaptured,
)


class PatternError(ValueError):
    """A pattern that does not compile; the message names the lens key."""


@dataclass(frozen=True)
class Matcher:
    """One compiled alternation over many patterns; `finditer` yields (rule, match).

    The alternation holds no capturing group (a group per branch made every branch the
    engine tried at a word start cost a mark: a third of the time): it finds where a
    rule matches, and the rule is then told by trying, at that place only, the rules'
    own regexes in the alternation's order for the place's first letter. The first that
    matches is the one the alternation took, with the same span; its match object, with
    the rule's own groups, is the one yielded.

    The alternation is compiled when first used: each rule's own regex is compiled (and
    so checked) at once, but the alternation over hundreds of them takes most of a lens's
    load time, which a command that never matches them (`matrix`, `brief`, an English
    corpus's Korean rules) need not pay."""

    source: str  # the alternation
    by_letter: dict[str, tuple[tuple[str, re.Pattern[str]], ...]]  # in the alternation's order
    anywhere: tuple[tuple[str, re.Pattern[str]], ...]  # rules whose first letters are unknown

    @cached_property
    def regex(self) -> re.Pattern[str]:
        return re.compile(self.source, re.IGNORECASE)

    @cached_property
    def _lower_case(self) -> re.Pattern[str] | None:
        """The alternation in lower case, without IGNORECASE, for text in lower case: the
        engine skips a branch whose first letter differs at once only when it is matched
        as written (a third less time on the domain terms); None when the source cannot
        be lowered safely."""
        lowered = lower_case(self.source)
        return None if lowered is None else re.compile(lowered)

    def finditer(self, text: str):  # type: ignore[no-untyped-def]
        scan, regex = text.lower(), self._lower_case
        if regex is None or len(scan) != len(text):  # "İ" is two letters in lower case
            scan, regex = text, self.regex
        for m in regex.finditer(scan):
            pos = m.start()
            for name, own in self.by_letter.get(scan[pos : pos + 1].lower(), self.anywhere):
                if found := own.match(text, pos):
                    yield name, found
                    break


@dataclass(frozen=True)
class WhoMatcher:
    """A `Matcher` whose "who:…" rules stand for templates with every outcome's names in
    one group (a branch per template, or one for the templates that open with the name,
    instead of one per template and outcome): a match is resolved to the first
    (outcome, template) whose own regex matches it, so rules come out as
    "outcome:template{i}", as if each had its branch."""

    matcher: Matcher
    by_outcome: dict[str, tuple[tuple[str, re.Pattern[str]], ...]]  # branch -> (rule, regex)

    def finditer(self, text: str):  # type: ignore[no-untyped-def]
        for rule, m in self.matcher.finditer(text):
            if rule in self.by_outcome:
                # matched in the text, not the match alone: a template may end on a
                # lookahead ("if {who} returns" before a comma)
                found = next((name for name, r in self.by_outcome[rule] if _ends_at(r, m)), None)
                if found is None:
                    continue
                rule = found
            yield rule, m


def _ends_at(pattern: re.Pattern[str], m: re.Match[str]) -> bool:
    """Whether `pattern` matches the text from where `m` starts to where it ends."""
    own = pattern.match(m.string, m.start())
    return own is not None and own.end() == m.end()


_PLAIN_WORD = re.compile(r"(?:^|(?<= ))([a-z]{3,})(?= |$|\(\?!)")  # a word, or one a lookahead qualifies


# What a pattern's spaces become, not inside a character class ("current[- ]account")
# nor escaped: a class or an escape is matched whole and kept.
_SPACES = re.compile(r"\[(?:\\.|[^\]\\])*\]|\\.| \?| (?![*])")


def pattern_body(
    pattern: str,
    *,
    plural: bool = False,
    forms: Callable[[str], Iterable[str]] | None = None,
    hyphens: bool = False,
) -> str:
    """A lens pattern as a regex fragment: spaces match any run of space (with
    `hyphens`, a hyphen too: "defense cost" matches "defense-cost"); with `forms`,
    each plain word of the pattern (letters only, between spaces) matches any form
    `forms` gives of it ("shake" → shaken, shook; "ease tensions" → eased tensions);
    with `plural`, a pattern ending in a letter that `forms` did not inflect also
    matches with -s/-es."""
    inflected_end = False
    if forms:

        def inflect(m: re.Match[str]) -> str:
            word = m.group(1)
            spelled = {f for f in forms(word) if f[:1] == word[:1]} | {word}
            return f"(?:{'|'.join(sorted(spelled, key=lambda f: (-len(f), f)))})"

        inflected_end = bool(_PLAIN_WORD.search(pattern.rsplit(" ", 1)[-1]))
        pattern = _PLAIN_WORD.sub(inflect, pattern)
    # A space matches any run of space; " ?" (an optional space) none or any.
    space = r"[\s-]+" if hyphens else r"\s+"
    body = _SPACES.sub(lambda m: {" ?": r"\s*", " ": space}.get(m.group(), m.group()), pattern)
    if plural and not inflected_end and re.search(r"[a-z]$", pattern):
        body += "(?:s|es)?"
    return body


def spelled(term: str, spellings: dict[str, list[str]]) -> str:
    """`term` also matching other spellings of the phrases it holds ("north korea" with
    {"north korea": ["n\\. ?korea"]} matches "N. Korea" in a headline)."""
    for phrase, variants in spellings.items():
        if phrase in term:
            term = term.replace(phrase, f"(?:{'|'.join([phrase, *variants])})")
    return term


def phrase_regex(pattern: str, *, plural: bool = False) -> str:
    """A lens pattern as a regex fragment bounded by word edges (spaces match any space)."""
    return rf"(?<![\w]){pattern_body(pattern, plural=plural)}(?![\w])"


def alternatives(patterns: Iterable[str]) -> str:
    """Lens patterns as one word-edged alternation; one that never matches when empty.
    The leading edge is checked once, before any branch: inside a word the engine fails
    at once instead of trying every branch's own edge (half the time on
    `other_elections`, which most sentences do not match)."""
    bodies = [f"(?:{pattern_body(p)})(?![\\w])" for p in patterns]
    return rf"(?<![\w])(?:{'|'.join(bodies)})" if bodies else r"(?!x)x"


def _by_second_letter(branches: list[str], seconds: list[str]) -> str:
    """A first-letter group's branches, subgrouped by their second letter behind a
    lookahead when every branch has one (two patterns whose second letters differ never
    match at one place, so the order that decides between them is kept); as they are
    otherwise."""
    if len(branches) < 6 or not all(seconds):
        return "|".join(branches)
    sub: dict[str, list[str]] = {}
    for branch, second in zip(branches, seconds, strict=True):
        sub.setdefault(second, []).append(branch)
    return "|".join(f"(?=.[{c}{c.upper()}])(?:{'|'.join(b)})" for c, b in sub.items())


def compile_matcher(
    rules: list[tuple[str, str]],
    *,
    plural: bool = False,
    forms: Callable[[str], Iterable[str]] | None = None,
    where: str = "",
    joined: str = "",
    edges: bool = True,
    longest_first: bool = False,
    hyphens: bool = False,
) -> Matcher:
    """One uncaptured alternation, built for speed: the leading word-edge check is
    hoisted out of the branches, and branches are grouped by the letters they can start
    with behind a one-character lookahead (a branch that can open with several letters
    copied under each; letter groups bucketed; a large group split by second letter), so
    at each word start the engine tries only the branches that can match there (~20x
    faster on the domain terms than a flat list; no capturing group per branch, another
    ~40%: `Matcher` tells the rule after the match).
    Branches keep their order within a group (with `longest_first`, the longer pattern
    first: where two match at one place the more specific wins, "peace initiative" over
    "peace"); the others come first."""
    # Per letter, the branches a word opening with it can match, in the rules' order
    # (with `longest_first`, longest first): those whose first letters cannot be told,
    # those that open with one of several ("(is|are) set to"), then those that open with
    # that letter alone, by second letter. Two branches of different letters never
    # match at one place, so the rules' order holds at every place.
    front: list[tuple[str, tuple[str, re.Pattern[str], str]]] = []  # (first letters or "", entry)
    single: dict[str, list[tuple[str, re.Pattern[str], str]]] = {}
    seconds: dict[str, list[str]] = {}
    order = sorted(range(len(rules)), key=lambda i: -len(rules[i][1])) if longest_first else range(len(rules))
    for i in order:
        pattern = rules[i][1]
        if edges and pattern != pattern.strip():
            raise PatternError(
                f"{where}: pattern {pattern!r} begins or ends with a space; word edges are added"
                " around every pattern, so it would never match inside a sentence"
            )
        body = pattern_body(pattern, plural=plural, forms=forms, hyphens=hyphens)
        if alternatives_at_top(body):  # the word edge closes every alternative
            body = f"(?:{body})"
        fragment = body + ("(?![\\w])" if edges else "")
        try:
            own = re.compile(fragment, re.IGNORECASE)
        except re.error as exc:
            raise PatternError(f"{where}: bad pattern {pattern!r}: {exc}") from exc
        entry = (rules[i][0], own, f"(?:{uncaptured(fragment)})")
        first = pattern[0].lower()
        whole = not alternatives_at_top(pattern)  # "chances are|odds are" starts twice
        optional = pattern[1:2] in ("?", "*", "{")  # "s?he": the pattern may start at "h"
        if whole and first.isalnum() and not optional:
            single.setdefault(first, []).append(entry)
            seconds.setdefault(first, []).append(second_letter(pattern))
        else:  # "(if|when|should) …" or "a|b" opens with one of several letters
            front.append((first_letters(pattern), entry))
    anywhere = [e for letters, e in front if not letters]
    by_letter: dict[str, list[tuple[str, re.Pattern[str], str]]] = {}
    keyed: dict[str, str] = {}
    for key in sorted(set(single) | {c for letters, _ in front for c in letters}):
        first = [e for letters, e in front if not letters or key in letters]
        by_letter[key] = [*first, *single.get(key, [])]
        head = "|".join(e[2] for e in first)
        tail = _by_second_letter([e[2] for e in single.get(key, [])], seconds.get(key, []))
        keyed[key] = f"(?=[{key}{key.upper()}])(?:{'|'.join(x for x in (head, tail) if x)})"
    parts = _bucketed(keyed) + (["|".join(e[2] for e in anywhere)] if anywhere else [])
    # A match starts at a word's edge, or at an apostrophe: a contraction ("'ll", "'s")
    # follows its word directly.
    edge = rf"(?:(?<![\w{re.escape(joined)}])|(?='))" if edges else ""
    _one_group_name_per_rule(rules, where)
    return Matcher(
        edge + "(?:" + ("|".join(parts) or r"(?!x)x") + ")",
        {k: tuple((name, own) for name, own, _ in v) for k, v in by_letter.items()},
        tuple((name, own) for name, own, _ in anywhere),
    )


def _one_group_name_per_rule(rules: list[tuple[str, str]], where: str) -> None:
    """Rules valid alone clash in one alternation by naming a group alike (the
    alternation keeps named groups) or by a flag for the whole expression ("(?i)"), which
    only the start of one may set: refused at load, as a bad pattern is, not when the
    alternation is first compiled."""
    owner: dict[str, str] = {}
    for _, pattern in rules:
        if _GLOBAL_FLAGS.search(pattern):
            raise PatternError(
                f"{where}: patterns do not combine: {pattern!r} sets a flag for the whole"
                " expression; scope it to a group, as in (?i:...)"
            )
        for name in set(_GROUP_NAME.findall(pattern)):
            if name in owner and owner[name] != pattern:
                raise PatternError(
                    f"{where}: patterns do not combine: {owner[name]!r} and {pattern!r}"
                    f" both name a group {name!r}"
                )
            owner[name] = pattern


_GROUP_NAME = re.compile(r"\(\?P<(\w+)>")
_GLOBAL_FLAGS = re.compile(r"\(\?[aiLmsux]+\)")


def _bucketed(keyed: dict[str, str]) -> list[str]:
    """The letter groups under about √n buckets, each behind one lookahead for all its
    letters: the engine tries a word start's groups one after another, so with n groups
    a word pays up to n failed lookaheads, with buckets about 2√n. Groups keyed by
    different letters never match at one place, so their order is free."""
    if len(keyed) < 9:
        return list(keyed.values())
    keys = list(keyed)
    size = round(len(keys) ** 0.5)
    buckets = [keys[i : i + size] for i in range(0, len(keys), size)]
    return [f"(?=[{''.join(b)}{''.join(b).upper()}])(?:{'|'.join(keyed[k] for k in b)})" for b in buckets]


def _the_factored(names: list[str]) -> str:
    """The names as one alternation, with those that open with "the" under one "the "
    branch: the regex engine tries every name at every "the" of a text otherwise, the
    main cost of the condition matcher."""
    the = [n[4:] for n in names if n.lower().startswith("the ")]
    maybe = [n[7:] for n in names if n.lower().startswith("(the )?")]
    rest = [n for n in names if not n.lower().startswith(("the ", "(the )?"))]
    branches = [f"the (?:{'|'.join(the + maybe)})"] if the or maybe else []
    return "|".join(branches + maybe + rest)


def who_matcher(
    templates: list[str], names: dict[str, list[str]], phrases: list[tuple[str, str]], where: str
) -> WhoMatcher:
    """Condition templates ("if {who} wins") with every outcome's `names` in one group, a
    pronoun branch for each ("*:template{i}"), and outcome-independent `phrases`
    ("{outcome}:phrase{j}", numbered per outcome).

    The templates that open with the name ("{who}'s victory", "{who} 2.0", "{who}
    winning") are one branch, "{who}(?:'s victory| 2.0| winning)": as branches of their
    own, each tried every name at every word that can open one (half of the time the
    condition phrases took), where one tries the names once. A match of it is told by
    each template's own regex; where two would match at one place, the one that matches
    first for the earliest name wins (the span may end elsewhere, the start does not)."""
    rules: list[tuple[str, str]] = []
    by_outcome: dict[str, tuple[tuple[str, re.Pattern[str]], ...]] = {}
    everyone = _the_factored(list(dict.fromkeys(n for group in names.values() for n in group)))

    def own(template: str, who: str) -> re.Pattern[str]:
        return re.compile(pattern_body(template.replace("{who}", f"({who})")), re.IGNORECASE)

    opening = [(i, t) for i, t in enumerate(templates) if t.startswith("{who}")]
    branches = [[(i, t)] for i, t in enumerate(templates) if not t.startswith("{who}")]
    branches = sorted([*branches, opening] if opening else branches)
    for group in branches:
        i, template = group[0]
        if "{who}" not in template:
            rules.append((f"*:template{i}", template))
            continue
        if len(group) > 1:
            template = "{who}(?:" + "|".join(t[len("{who}") :] for _, t in group) + ")"
            by_outcome[f"*:template{i}"] = tuple((f"*:template{j}", own(t, "he|she|they")) for j, t in group)
        rules.append((f"who:template{i}", template.replace("{who}", f"({everyone})")))
        by_outcome[f"who:template{i}"] = tuple(
            (f"{o}:template{j}", own(t, "|".join(names_o))) for o, names_o in names.items() for j, t in group
        )
        rules.append((f"*:template{i}", template.replace("{who}", "(he|she|they)")))
    counts: dict[str, int] = {}
    for outcome, phrase in phrases:
        j = counts[outcome] = counts.get(outcome, -1) + 1
        rules.append((f"{outcome}:phrase{j}", phrase))
    return WhoMatcher(compile_matcher(rules, where=where), by_outcome)


def speech_nouns(nouns: list[str]) -> re.Pattern[str]:
    """A possessor before a speech noun ("Trump's suggestion", "his view") or its "of"
    after it ("in the view of Victor Cha")."""
    words = "|".join(map(re.escape, nouns)) or r"(?!x)x"
    owned = rf"(?:'s|’s|\b(?:his|her|their))\s+(?:[\w-]+\s+)?(?:{words})\b"
    return re.compile(rf"{owned}|\bin\s+the\s+(?:{words})\s+of\b", re.IGNORECASE)


def third_party_patterns(
    third_parties: list[str], subject_terms: list[str], own_side: list[str]
) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(another country as the subject right before a cue: "Europe could", "a
    nuclear-armed Japan would", "Japan's economy may"; the words naming the subject's own)."""
    lead = r"(?:(?:the|a|an|[\w-]+-armed|[\w-]+-based)\s+){0,2}"
    third = re.compile(rf"{lead}(?:{alternatives(third_parties)})(?:['’]s)?(?:\s+[\w-]+)?\s*$", re.I)
    names = [*subject_terms, *(re.escape(t) for t in own_side)]
    return third, re.compile(rf"\b(?:{alternatives(names)})", re.I)
