"""The lens's Korean section, compiled."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from functools import cached_property

from scenariodesk import nlp
from scenariodesk.lens.patterns import PatternError, compile_matcher
from scenariodesk.lens.schema import Actor, KoreanSpec


def _ending_in(final: int) -> str:
    """A character class of every Hangul syllable whose final consonant is `final` (its
    index in the syllable's composition: 4 ㄴ, 8 ㄹ, 17 ㅂ)."""
    return "[" + "".join(chr(0xAC00 + (i * 21 + m) * 28 + final) for i in range(19) for m in range(21)) + "]"


# Placeholders a Korean pattern may use, written once instead of listing syllables:
# "{ㄹ}", any syllable ending in ㄹ, the future adnominal -(으)ㄹ ("할 것이다", "클 것이다");
# "{ㄴ}", in ㄴ, the plain present -(느)ㄴ다 ("커진다", "계속된다"); "{ㅂ}", in ㅂ, the
# polite -(스)ㅂ니다 of broadcast scripts ("커집니다", "큽니다"); "{ㅆ}", in ㅆ, the past
# -았/었- ("커졌다", "했다는").
RIEUL_FINAL = _ending_in(8)
NIEUN_FINAL = _ending_in(4)
BIEUP_FINAL = _ending_in(17)
SSANG_SIOT_FINAL = _ending_in(20)


_INITIALS = re.compile(r"[A-Z]{2,6}")  # an acronym alias: "CSIS", "KIDA"
PAIR_GAP = 4  # characters between a theme and its effect: a particle and a space ("이 ")


def _stem_entry(entry: str, where: str) -> tuple[str, str]:
    """("우려를\\s+", "나타내") of "우려를 나타내": the words before the stem (a pattern, a
    space matching any run of space) and the stem, which must be Hangul alone."""
    words, _, stem = entry.rpartition(" ")
    if not re.fullmatch("[가-힣]+", stem):
        raise PatternError(f"{where}: {entry!r} must end with a verb stem in Hangul (말하, 나타내)")
    return (re.sub(r"\s+", r"\\s+", words) + r"\s+" if words else ""), stem


def _morphemes(entry: str, where: str) -> tuple[tuple[str, str], ...]:
    """(("었", "EP"),) of "었/EP": an ending as Kiwi's morphemes, "form/TAG" joined by "+"."""
    out = []
    for part in entry.split("+"):
        form, _, tag = part.strip().rpartition("/")
        if not form or not re.fullmatch("[A-Z]{2,3}", tag):
            raise PatternError(f"{where}: {entry!r} is not morphemes written form/TAG (었/EP + 다/EF)")
        out.append((form, tag))
    return tuple(out)


def spaced(term: str) -> str:
    """A compound noun of three syllables or more as Korean spaces it or not ("핵보유국"
    also matches "핵 보유국", "방위비분담금" "방위비 분담금"); a term with any other
    character is a pattern, kept as written."""
    return " ?".join(term) if re.fullmatch("[가-힣]{3,}", term) else term


def expand(pattern: str) -> str:
    return (
        pattern.replace("{ㄹ}", RIEUL_FINAL)
        .replace("{ㄴ}", NIEUN_FINAL)
        .replace("{ㅂ}", BIEUP_FINAL)
        .replace("{ㅆ}", SSANG_SIOT_FINAL)
    )


class KoreanRules:
    """The lens's Korean section, compiled: matchers without word edges (a particle
    follows its word directly: 트럼프가, 동맹은)."""

    def __init__(self, spec: KoreanSpec, actors: Iterable[Actor] = (), subject: str = "") -> None:
        self.spec = spec
        actors = tuple(actors)
        # the subject country's own bodies, which another place before them makes that place's
        self.own_actors = frozenset(a.name for a in actors if subject and a.affiliation == subject)
        self.own_places = frozenset(spec.own_places)
        plain = {"edges": False}
        self.names = compile_matcher(
            [(o, n) for o, names in spec.names.items() for n in names], where="ko.names", **plain
        )
        self.conditions = compile_matcher(_condition_rules(spec), where="ko.condition_templates", **plain)
        self.election = re.compile(
            "|".join(f"(?:{p})" for p in [*spec.election_terms, *spec.winner_terms]) or r"(?!x)x"
        )
        self.winner = re.compile("|".join(f"(?:{p})" for p in spec.winner_terms) or r"(?!x)x")
        self.anaphors = re.compile(rf"^[\s\"“‘']*(?:{'|'.join(spec.anaphors) or '(?!x)x'})")
        self.other_elections = re.compile("|".join(f"(?:{p})" for p in spec.other_elections) or r"(?!x)x")
        self.clause_breaks = re.compile("|".join(f"(?:{p})" for p in spec.clause_breaks) or r"(?!x)x")
        self.contrast_after = re.compile("|".join(f"(?:{p})" for p in spec.contrast_after) or r"(?!x)x")
        self.cues = compile_matcher([(c.id, expand(c.pattern)) for c in spec.cues], where="ko.cues", **plain)
        self.cue_by_id = {c.id: c for c in spec.cues}
        self.non_projections = re.compile("|".join(f"(?:{p})" for p in spec.non_projections) or r"(?!x)x")
        self._attribution(spec)
        # each its own regex: every one names its (?P<name>…) group
        self.speaker_lines = tuple(re.compile(p) for p in spec.speaker_lines)
        self.domains = compile_matcher(
            [(d, spaced(t)) for d, terms in spec.domains.items() for t in terms], where="ko.domains", **plain
        )
        self.weak_domains = compile_matcher(
            [(d, spaced(t)) for d, terms in spec.weak_domains.items() for t in terms],
            where="ko.weak_domains",
            **plain,
        )
        self.impact = compile_matcher(
            [("+", t) for t in spec.impact.favourable]
            + [("-", t) for t in spec.impact.unfavourable]
            + [("0", t) for t in spec.impact.open],
            where="ko.impact",
            **plain,
        )
        self.negators = re.compile("|".join(f"(?:{p})" for p in spec.impact.negators) or r"(?!x)x")
        self.quantities = re.compile("|".join(f"(?:{p})" for p in spec.quantities) or r"(?!x)x")
        self.unlike = re.compile("|".join(f"(?:{p})" for p in spec.unlike) or r"(?!x)x")
        self.reason_endings = re.compile("|".join(f"(?:{p})" for p in spec.reason_endings) or r"(?!x)x")
        self.actors = {alias: name for name, aliases in spec.actors.items() for alias in aliases}
        # The English lens's actors by their initials in brackets, as Korean text writes
        # them beside a body's name ("전략국제문제연구소(CSIS)"): one source across languages.
        self.actors |= {
            f"({a})": actor.name for actor in actors for a in actor.aliases if _INITIALS.fullmatch(a)
        }
        self.titles = frozenset(spec.titles)
        self.title_endings = tuple(spec.title_endings)
        self.heads = tuple(spec.heads)
        self.body_endings = tuple(spec.body_endings)
        self.body_short_endings = dict(spec.body_short_endings)
        self.about = re.compile(rf"(?:{'|'.join(spec.about_endings) or '(?!x)x'})$")
        words = "|".join(map(re.escape, spec.pronouns)) or r"(?!x)x"
        self.pronoun = re.compile(rf"(^|\s)({words})(는|은|가)\s")
        self.pronoun_words = frozenset(spec.pronouns)
        self.unnamed = tuple(spec.unnamed)
        self.places = frozenset(spec.places) | frozenset(spec.kinds)
        self.effects = compile_matcher(
            [("+", t) for t in spec.effects.up] + [("-", t) for t in spec.effects.down],
            where="ko.effects",
            **plain,
        )
        self.themes = compile_matcher(
            [("+", t) for t in spec.themes.favourable] + [("-", t) for t in spec.themes.unfavourable],
            where="ko.themes",
            **plain,
        )

    @cached_property
    def reporting(self) -> re.Pattern[str]:
        """`reporting_verbs`, and every form of `reporting_stems` with `reporting_endings`
        (conjugated by Kiwi when first needed: loading it takes seconds an English corpus
        need not wait), each form opening a word."""
        forms = [
            prefix + form
            for prefix, stem in self._reporting_stems
            for form in nlp.korean_forms(stem, self._reporting_endings)
        ]
        conjugated = rf"|(?<![가-힣])(?:{'|'.join(sorted(forms, key=len, reverse=True))})" if forms else ""
        return re.compile(rf"(?:{self._reporting_verbs}){conjugated}")

    def _attribution(self, spec: KoreanSpec) -> None:
        """The patterns that find who speaks: reporting verbs, quotative endings, "X의
        분석이다", "…라는 설명이다", "X에 따르면" and cited works."""
        self._reporting_verbs = spec.reporting_verbs
        self._reporting_stems = [_stem_entry(e, "ko.reporting_stems") for e in spec.reporting_stems]
        self._reporting_endings = [_morphemes(e, "ko.reporting_endings") for e in spec.reporting_endings]
        never = r"(?!x)x"
        self.quotative = re.compile(rf"\S(?:{spec.quotative_endings or never})(?=\s)")
        self.said_as = re.compile(
            rf"(?P<who>[^\s,.]+(?:\s+[^\s,.]+){{0,4}}?)\s*(?:{spec.said_as or never})\W*$"
        )
        self.said_so = re.compile(rf"(?:{spec.said_so or never})\W*$")
        # A cited work after its author's name: "(이|의) (발표한) ('제목') 보고서".
        work = (
            r"(?:(?:이|가|의)?\s+(?:[가-힣]*(?:한|낸|은|던)\s+)?(?:['‘“\"][^'’”\"]*['’”\"]\s*)?"
            rf"(?:{'|'.join(map(re.escape, spec.works)) or never})\s*)"
        )
        self.according_to = re.compile(
            # each word as short as it can be: a particle before a cited work is the
            # work's ("한국경제연구원이 발표한 보고서에 따르면" -> 한국경제연구원)
            rf"(?P<who>[^\s,.]+?(?:\s+[^\s,.]+?){{0,4}}?)\s*{work}?(?:{spec.according_to or never})"
        )
        self.authored = re.compile(rf"^(?P<who>\S.*?){work}$")
        self.labels = {
            kind: re.compile(rf"^\W*(?:{'|'.join(patterns)})")
            for kind, patterns in spec.transcript_labels.items()
        }
        self.works = tuple(spec.works)

    def domains_in(
        self, text: str, start: int, end: int, described: Sequence[tuple[int, int]] = ()
    ) -> list[str]:
        """The domains whose terms [start, end) holds, most hits first (at most three), none
        inside `described` (the speaker's own words: "한미경제연구소 연구위원은"); the weak
        terms ("협상": any negotiation) count only when no term matches."""

        def inside(m: re.Match[str]) -> bool:
            return start <= m.start() < end and not any(a <= m.start() < b for a, b in described)

        hits = [(d, m.start()) for d, m in self.domains.finditer(text) if inside(m)]
        if not hits:
            hits = [(d, m.start()) for d, m in self.weak_domains.finditer(text) if inside(m)]
        counts = Counter(d for d, _ in hits)
        first: dict[str, int] = {}
        for d, at in hits:
            first.setdefault(d, at)
        return sorted(counts, key=lambda d: (-counts[d], first[d]))[:3]

    def _gap(self, text: str, start: int, end: int) -> bool:
        """Whether a theme ending at `start` is close enough to an effect at `end` to be its
        theme: at most PAIR_GAP characters apart, an amount between them aside."""
        return end - start <= PAIR_GAP or len(self.quantities.sub("", text[start:end])) <= PAIR_GAP

    def negated_after(self, text: str, at: int, cue_start: int) -> bool:
        """A negation right after a term at `at` flips it (Korean negates after the verb:
        흔들리지 않), unless it is the cue's, which lowers a chance and keeps the event's
        sign ("철수할 리는 없다", convention 9): the window stops where a cue after it starts."""
        until = min(at + 6, cue_start if cue_start >= at else len(text))
        return bool(self.negators.search(text[at:until]))

    def effect_pairs(
        self, text: str, start: int, end: int, skip: Callable[[re.Match[str]], bool], cue_start: int = -1
    ) -> list[tuple[int, bool, str, tuple[int, int]]]:
        """(sign, negated, words, span) for each effect stem in [start, end) whose theme
        comes just before it (Korean puts the verb last: "수출이 늘어", "관세 부담이 줄어"):
        the nearest theme ending at most PAIR_GAP characters before the effect, with the
        themes compounded before it ("관세 부담"). The sign is the theme's value times the
        effect's; a negation right after the effect flips it (늘어나지 않, see
        `negated_after`). `skip` leaves out an effect that is the cue's own word."""
        themes = [
            (m, 1 if v == "+" else -1) for v, m in self.themes.finditer(text) if start <= m.start() < end
        ]
        pairs = []
        for sign, m in self.effects.finditer(text):
            if not start <= m.start() < end or skip(m):
                continue
            before = [
                (t, v) for t, v in themes if t.end() <= m.start() and self._gap(text, t.end(), m.start())
            ]
            if not before:
                continue
            theme, value = max(before, key=lambda tv: tv[0].end())
            first = theme.start()
            # A compound theme is one theme: "관세 부담" is the burden of tariffs.
            while compound := [t for t, _ in themes if first - 1 <= t.end() <= first and t.start() < first]:
                first = compound[0].start()
            negated = self.negated_after(text, m.end(), cue_start)
            effect = 1 if sign == "+" else -1
            pairs.append((value * effect, negated, text[first : m.end()], (first, m.end())))
        return pairs


def _condition_rules(spec: KoreanSpec) -> list[tuple[str, str]]:
    """The outcome phrases as (rule, pattern): "{outcome}:ko{i}" for a template with each
    outcome's names, "*:ko{i}" for one with none, "~{outcome}:ko-defeat{i}" for a
    candidate's defeat, "any:ko-any{i}" for whoever wins."""
    named = {outcome: f"({'|'.join(names)})" for outcome, names in spec.names.items()}
    rules: list[tuple[str, str]] = []
    for i, template in enumerate(spec.condition_templates):
        if "{who}" not in template:
            rules.append((f"*:ko{i}", template))
            continue
        rules += [(f"{o}:ko{i}", template.replace("{who}", who)) for o, who in named.items()]
    for i, template in enumerate(spec.defeat_templates):
        rules += [(f"~{o}:ko-defeat{i}", template.replace("{who}", who)) for o, who in named.items()]
    rules += [(f"any:ko-any{i}", p) for i, p in enumerate(spec.any_phrases)]
    return rules
