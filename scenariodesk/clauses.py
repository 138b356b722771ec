"""What the lens finds in a sentence (`Features`: cues, outcome phrases, candidate
names, domain and impact terms, reporting verbs), how a sentence divides into segments
about one outcome each, and which cue, domains and consequence a segment has."""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property

from scenariodesk.direction import LOWERING_BANDS, SIGN_VALUES, Consequence
from scenariodesk.lens import Lens
from scenariodesk.lens.schema import Signpost
from scenariodesk.models import Span
from scenariodesk.nlp import is_auxiliary, negation_reach, past_form
from scenariodesk.sentences import MAX_PARSED, Sentence, inside
from scenariodesk.signposts import lemma_candidates


@dataclass
class Features:
    cues: list[tuple[str, re.Match[str]]]
    conditions: list[tuple[str, re.Match[str]]]
    names: list[tuple[str, re.Match[str]]]
    impact: list[tuple[str, re.Match[str]]]
    reporting: list[re.Match[str]]
    election: frozenset[str]  # "election" (the vote, its result) and/or "winner" (its government)
    needs_parse: bool
    signposts: list[Signpost] = field(default_factory=list)  # lemma signposts to check on the parse
    text: str = ""  # the folded sentence the domain terms are looked for in
    lens: Lens | None = field(default=None, repr=False)
    # outcome phrases inside what is no projection (advice, a question): they frame what follows
    framed: list[tuple[str, re.Match[str]]] = field(default_factory=list)

    @cached_property
    def domains(self) -> list[tuple[str, re.Match[str]]]:
        """The domain terms, else the weak ones; looked for when first asked: the walk
        needs them only in a sentence with a cue, or before its paragraph has its
        domains (a tenth of the analysis time on the domain terms alone)."""
        if self.lens is None:
            return []
        return list(self.lens.domains.finditer(self.text)) or list(self.lens.weak_domains.finditer(self.text))


def _at(found: tuple[str, re.Match[str]]) -> int:
    return found[1].start()


def _clause_end(text: str, start: int, lens: Lens) -> int:
    """Where the clause going on at `start` ends: "a rich country that should pay far
    more, and under his administration demands … are almost certain to return"."""
    breaks = (_COORDINATED.search(text, start), lens.clause_breaks.search(text, start))
    return min((b.start() for b in breaks if b), default=len(text))


def find_features(
    s: Sentence,
    lens: Lens,
    year: int | None = None,
    written: int | None = None,
    running: frozenset[str] | None = None,
) -> Features:
    """The lens's matches in a sentence of the election cycle `year`, written in the
    year `written` (for past frames: "In 2016, analysts predicted …") when the
    candidates `running` were in the race (None: all the cycle's)."""
    text = s.folded
    conditions = list(lens.conditions_for(year, running).finditer(text))
    if s.headline:  # "Scenario 1: Trump returns" is a hypothesis, as "If Trump returns" is
        headings = lens.heading_conditions_for(year, running).finditer(text)
        conditions = sorted([*conditions, *headings], key=_at)
    found_cues = list(lens.cues_in(s.headline).finditer(text))
    blocked = []
    inversions = list(lens.conditional_inversion.finditer(text))
    reporting = [m for _, m in lens.reporting.finditer(text) if not inside(m.start(), s.quoted)]
    # What is not a projection only blocks cues and conditions: with neither, skip it.
    for rule, m in lens.non_projections.finditer(text) if conditions or found_cues else ():
        if lens.non_projection_reported[rule] and any(r.start() < m.start() for r in reporting):
            continue  # "Analysts said Biden was likely to …": a projection in the past tense
        if conditions and rule in lens.non_projection_lifted_by_outcome:
            continue  # "If Trump wins, he would often …": a habit to come
        if any(c.start() <= m.start() < c.end() for _, c in conditions):
            continue  # "Should Trump return ..." is a condition, not advice
        if any(c.start() <= m.start() < c.end() for c in inversions):
            continue  # "Should talks stall, Pyongyang could ..." likewise
        rest = lens.non_projection_scope[rule] == "rest"
        blocked.append((m.start(), _clause_end(text, m.end(), lens) if rest else m.end()))
    for frame in lens.past_frames:
        m = frame.match(text)
        if m and (m.groupdict().get("year") is None or (written and int(m.group("year")) < written)):
            blocked.append((m.start(), _clause_end(text, m.end(), lens)))
    # An outcome named inside advice is the advice's ("Seoul should begin preparing now,
    # whichever candidate prevails"), not the condition of the sentence's projection; nor
    # is one that describes the past ("ties, which withered under Trump, …").
    conditions = [(r, c) for r, c in conditions if not _told_as_past(text, c.start(), lens)]
    framed = [(r, c) for r, c in conditions if any(a <= c.start() < b for a, b in blocked)]
    conditions = [rc for rc in conditions if rc not in framed]
    cues = [
        (rule, m)
        for rule, m in found_cues
        if not any(a <= m.start() < b for a, b in blocked)
        and (conditions or not lens.cue_by_id[rule].needs_outcome)
    ]
    names = list(lens.candidate_names_for(year, running).finditer(text))
    elections = list(lens.election_terms.finditer(text))
    others = other_elections(text, conditions, lens) if cues else []
    if others:
        # "Whoever wins South Korea's June 3 election will …": that election's "whoever",
        # not the lens's; with no outcome of the lens's named, nothing is projected
        conditions = [(r, c) for r, c in conditions if not (r.startswith("any:") and near(c, others))]
        elections = [(k, m) for k, m in elections if not near(m, others)]
        if not conditions and not any(o != "pronoun" for o, _ in names):
            cues = []
    election = frozenset(kind for kind, _ in elections)
    impact = []
    if cues:  # headlines are title case: every word looks like a name there
        impact = [(sign, m) for sign, m in lens.impact.finditer(text) if s.headline or not in_name(text, m)]
    # The walk parses for attribution (a reporting verb's subject) and the own-plan check
    # (an asserted "Seoul will ...": only a very_likely cue can be one); direction parses
    # the statements' sentences after the walk.
    signposts = lemma_candidates(text, lens)
    asserted = any(lens.cue_value(lens.cue_by_id[rule], m)[0] == "very_likely" for rule, m in cues)
    needs_parse = (
        bool(reporting)
        or bool(asserted and lens.own_side_terms.search(text))
        or bool(cues and lens.speech_noun_terms.search(text))
        or bool(signposts)
    ) and len(text) <= MAX_PARSED
    return Features(
        cues, conditions, names, impact, reporting, election, needs_parse, signposts, text, lens, framed
    )


def other_elections(
    text: str, conditions: list[tuple[str, re.Match[str]]], lens: Lens
) -> list[re.Match[str]]:
    """The lens's `other_elections` in a sentence: not where an outcome phrase of the
    lens's election holds them ("if Trump wins the election"), nor a year that is one of
    its cycles."""
    years = {c.year for c in lens.model.cycles}
    return [
        m
        for m in lens.other_elections.finditer(text)
        if not any(
            c.start() < m.end() and m.start() < c.end() for r, c in conditions if not r.startswith("any:")
        )
        and not (m.groupdict().get("year") and int(m.group("year")) in years)
    ]


def near(m: re.Match[str], others: list[re.Match[str]]) -> bool:
    """A match inside another election's phrase or beside it ("whoever wins | the June 3
    election", "6·3 대선에서 | 누가 당선되든")."""
    return any(
        m.start() < o.end() + _BESIDE_ELECTION and m.end() > o.start() - _BESIDE_ELECTION for o in others
    )


_BESIDE_ELECTION = 40  # characters between "whoever wins" and the election it names


def _told_as_past(text: str, start: int, lens: Lens) -> bool:
    """Whether the words before an outcome phrase at `start` tell what happened under that
    president (lens `past_before_condition`, a `past` group a verb's past form)."""
    for pattern in lens.past_before_condition:
        m = pattern.search(text, max(0, start - 80), start)
        if m and (m.groupdict().get("past") is None or past_form(m.group("past"))):
            return True
    return False


_COORDINATED = re.compile(r",\s+and\s")  # ", and" opening a coordinated clause
_WORDS = re.compile(r"\S+")
_CLAUSE_BREAK = re.compile(r"[,;:]|\s(but|while|whereas|although|though)\s")
_CAPITALIZED_BEFORE = re.compile(r"[A-Z][\w.'-]*\s$")
_CAPITALIZED_AFTER = re.compile(r"^\s[A-Z]")


def in_name(text: str, m: re.Match[str]) -> bool:
    """A capitalized match inside a run of capitalized words is part of a name ("the
    Korea Peace Network"), not the common word the lexicon means."""
    if not m.group()[:1].isupper() or m.start() == 0:
        return False
    before = text[max(0, m.start() - 30) : m.start()]
    return bool(_CAPITALIZED_BEFORE.search(before) or _CAPITALIZED_AFTER.match(text[m.end() : m.end() + 3]))


@dataclass
class Segment:
    start: int
    end: int
    condition: tuple[str, str, re.Match[str]] | None
    # The condition is a candidate named as the clause's actor ("..., while Harris is
    # expected to ..."), not an outcome phrase: after the election the winner still rules.
    named: bool = False


def segments(text: str, conditions: list[tuple[str, str, re.Match[str]]]) -> list[Segment]:
    """One segment per distinct outcome named in the sentence ("if A wins X; if B wins Y";
    "클린턴이 당선되면 …, 트럼프가 승리하면 …"), or the whole sentence."""
    distinct: list[tuple[str, str, re.Match[str]]] = []
    for c in conditions:
        if not distinct or distinct[-1][0] != c[0]:
            distinct.append(c)
    if len(distinct) <= 1:
        return [Segment(0, len(text), distinct[0] if distinct else None)]
    segments = []
    for i, c in enumerate(distinct):
        start = 0 if i == 0 else c[2].start()
        end = distinct[i + 1][2].start() if i + 1 < len(distinct) else len(text)
        segments.append(Segment(start, end, c))
    return segments


def candidate_clauses(text: str, names: list, breaks: re.Pattern[str]) -> list[tuple[int, int, None]]:  # type: ignore[type-arg]
    """With no outcome phrase, one segment per clause about another candidate ("트럼프
    후보는 관세를 높일 가능성이 크고, 해리스 후보는 동맹을 중시할 것으로 예상된다"), where a
    clause break (`breaks`: lens `ko.clause_breaks`) stands between them; else the sentence."""
    distinct = []
    for o, m in names:
        if not distinct or distinct[-1][0] != o:
            distinct.append((o, m))
    cuts = [0]
    for (_, before), (_, after) in itertools.pairwise(distinct):
        if not breaks.search(text, before.end(), after.start()):
            return [(0, len(text), None)]  # one clause names both ("트럼프와 해리스 모두 …")
        cuts.append(after.start())
    cuts.append(len(text))
    return [(cuts[i], cuts[i + 1], None) for i in range(len(cuts) - 1)]


def clauses(
    s: Sentence,
    f: Features,
    conditions: list[tuple[str, str, re.Match[str]]],
    lens: Lens,
    allowed: frozenset[str] | None,
) -> list[Segment]:
    """Clauses about different candidates ("Trump is likely to stay the course, while
    Biden is expected to mix pressure with incentives"): one segment per clause that
    names a candidate, split at the clause break before the next candidate; else the
    sentence's outcome-phrase segments."""
    anchors: list[tuple[str, str, re.Match[str]]] = list(conditions)
    for outcome, m in f.names:
        if outcome == "pronoun":
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
        return segments(s.text, conditions)
    cuts = []
    # "While Trump might …, Harris would …": a clause a break opens ends at its comma
    fronted = lens.clause_breaks.match(s.folded, len(s.folded) - len(s.folded.lstrip(" \"'“‘")))
    for before, after in itertools.pairwise(distinct):
        breaks = [m.start() for m in lens.clause_breaks.finditer(s.folded, before[2].end(), after[2].start())]
        if not breaks and fronted and before is distinct[0]:
            breaks = [
                m.start()
                for m in re.finditer(",", s.folded[: after[2].start()])
                if m.start() > before[2].end()
            ]
        if not breaks:
            return segments(s.text, conditions)  # one clause names both: not two projections
        cuts.append(breaks[-1])
    bounds = [0, *cuts, len(s.text)]
    return [
        Segment(bounds[i], bounds[i + 1], a, named=a[1].endswith(":named-clause"))
        for i, a in enumerate(distinct)
    ]


_RELATIVE_MODAL = re.compile(r"\w \b(that|which|who)\s+$", re.IGNORECASE)


def pick_cue(f: Features, segment: Segment, lens: Lens) -> tuple[str, re.Match[str]] | None:
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
    # A modal opening a relative clause describes a noun ("missiles that could one day
    # reach the mainland, and any new administration will be forced to …"): a cue outside
    # one comes first.
    main = [
        (r, m) for r, m in cues if not _RELATIVE_MODAL.search(m.string, max(0, m.start() - 12), m.start())
    ]
    cues = main or cues
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


# Between two candidates' names, only what joins them into one subject: "Harris and
# Trump", "neither Harris nor Trump", "Trump or Harris".
_JOINED = re.compile(r"\W*(and|or|nor|&|as well as)?\W*", re.IGNORECASE)


def named_together(text: str, names: Iterable[tuple[str, re.Match[str]]]) -> bool:
    """Two candidates named as one subject ("Both Harris and Trump would …", "Trump and
    Harris alike"): the projection holds whoever wins (convention 8), where two named
    apart ("Trump would …, while Harris might …") are two outcomes."""
    found = sorted(((m.start(), m.end(), o) for o, m in names if o != "pronoun"))
    return any(
        a[2] != b[2] and _JOINED.fullmatch(text, a[1], b[0]) is not None for a, b in itertools.pairwise(found)
    )


def pick_domains(f: Features, segment: Segment, described: Iterable[tuple[int, int]] = ()) -> list[str]:
    """The segment's domains, most hits first (at most three), else the sentence's. A hit
    inside `described` (the description of a speaker: "a scholar at China's Zhengfa
    University") is who speaks, not what the consequence is about."""
    described = tuple(described)
    hits = [(d, m) for d, m in f.domains if not any(a <= m.start() < b for a, b in described)]
    inside = [(d, m) for d, m in hits if segment.start <= m.start() < segment.end]
    chosen = inside or hits
    counts: Counter[str] = Counter(d for d, _ in chosen)
    first: dict[str, int] = {}
    for d, m in chosen:
        first.setdefault(d, m.start())
    ranked = sorted(counts, key=lambda d: (-counts[d], first[d]))
    return ranked[:3]


def cue_word(m: re.Match[str], cue: re.Match[str], names_event: bool) -> bool:
    """An impact term inside the cue is the likelihood's word, not the event's ("it would
    be difficult to", "밝다고 보기 어렵다"), unless the cue names the event ("presents a
    challenge"): both languages' direction inputs leave such terms out."""
    return not names_event and cue.start() <= m.start() and m.end() <= cue.end()


def consequence(
    s: Sentence,
    f: Features,
    segment: Segment,
    cue: tuple[str, re.Match[str]],
    lens: Lens,
    domains: list[str],
    condition: str,
) -> Consequence:
    """What the direction step sees of the segment (see direction.py). An impact term
    inside the cue is the likelihood's word, not the event's ("it would be difficult
    to"), unless the lens says the cue names the event ("presents a challenge")."""
    spec = lens.cue_by_id[cue[0]]
    lowering = lens.cue_value(spec, cue[1])[0] in LOWERING_BANDS
    text = s.folded
    # A verb's negation right after the cue ("would never recognize North Korea as a
    # nuclear state") negates the terms of its clause, however far. Not one inside the
    # cue, nor "little": a lowering cue keeps the event's sign ("little prospect of a
    # summit", convention 9).
    verb_negators = lens.direction_step.vocab.negators  # not, never, n't: not "little"
    following = list(itertools.islice(_WORDS.finditer(text, cue[1].end()), 2))
    negation = next(
        (w for w in following if w.group().lower() in verb_negators or w.group().endswith("n't")), None
    )
    cue_negated = negation is not None
    impact = []
    for sign, m in f.impact:
        if not segment.start <= m.start() < segment.end or cue_word(m, cue[1], spec.names_event):
            continue
        # a lowering cue's words negate nothing ("little chance that tariffs will rise":
        # convention 9); a negated one's do ("won't be sidelined")
        after_cue = cue[1].end() if lowering and cue[1].end() <= m.start() else 0
        window = m.string[max(segment.start, m.start() - 60, after_cue) : m.start()]
        negated = bool(lens.negators.search(" ".join(negation_reach(window.split()))))
        if (
            cue_negated
            and m.start() >= cue[1].end()
            and not m.start() <= negation.start() < m.end()  # the term's own: "no longer a priority"
            and not _CLAUSE_BREAK.search(text, cue[1].end(), m.start())
        ):
            negated = True
        impact.append((SIGN_VALUES[sign], negated, m.group().lower()))
    return Consequence(
        text=s.text[segment.start : segment.end],
        tokens=(),  # filled after the walk, when the statement's sentence is parsed
        impact=tuple(impact),
        lowering=lowering,
        domains=tuple(domains),
        condition=condition,
    )


def condition_cut(phrase: Span | None, s: Sentence, lens: Lens) -> tuple[int, int] | None:
    """The condition phrase's span in the sentence, which is not the consequence ("If
    Harris wins, tariffs would fall" pairs no effect with "wins"), less a negator opening
    it where it is the subject: "Neither candidate would end the alliance" keeps its
    negation (not a fronted "No matter who wins, …"), also with an aside between it and
    its auxiliaries or cue ("Neither outcome, however, would …", "…, in the end, is
    likely to …")."""
    if phrase is None:
        return None
    start, end = phrase.start - s.start, phrase.end - s.start
    first = phrase.text.split()[0]
    after = s.text[end:].lstrip()
    aside = _ASIDE.match(after)
    if first.lower() in lens.direction_step.vocab.negators and (
        not after.startswith(",") or (aside and is_auxiliary(aside.group(1)))
    ):
        start += len(first)
    return start, end


_ASIDE = re.compile(r",[^,]{1,40},\s*(\w+)")


def about_a_third_party(text: str, start: int, cue_at: int, lens: Lens) -> bool:
    """Whether the consequence's subject, right before the cue, is another country and the
    sentence names nothing of the subject's (lens `third_parties`, `subject_terms`): "If
    Trump wins, Europe could face higher tariffs" is Europe's."""
    third, subject = lens.third_parties
    if not lens.model.third_parties or subject.search(text):
        return False
    m = third.search(text, start, cue_at)
    # a country after a preposition is no subject ("cooperation with Japan would deepen")
    return bool(m) and not _PREPOSITION_BEFORE.search(text, start, m.start())


_PREPOSITION_BEFORE = re.compile(
    r"\b(with|to|of|in|for|between|and|on|from|against|toward|towards|over|by|than|like)\s*$", re.I
)
