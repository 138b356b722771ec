"""Load a lens YAML over the packaged default, validate it, and compile its patterns."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property, lru_cache
from importlib import resources
from pathlib import Path
from typing import Annotated, Any, Literal

import yaml
from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    field_validator,
    model_validator,
)

from scenariodesk.direction import DirectionStep, DirectionVocabulary

DEFAULT_LENS = "us-election-korea"
BANDS = (
    "almost_no_chance",
    "very_unlikely",
    "unlikely",
    "even_chance",
    "likely",
    "very_likely",
    "almost_certain",
)


class LensError(ValueError):
    """A lens file that cannot be used; the message names the file and the key."""


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def _compiles(pattern: str) -> str:
    """Every pattern is checked where it is declared: a bad one fails validation with the
    key that holds it (`cues.3.pattern: not a valid pattern ...`), not at first use."""
    try:
        re.compile(_body(pattern).replace("{who}", "who"))
    except re.error as exc:
        raise ValueError(f"not a valid pattern: {exc}") from None
    return pattern


Pattern = Annotated[str, Field(min_length=1), AfterValidator(_compiles)]


class Outcome(_Strict):
    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    label: str
    candidate: str = ""
    names: list[Pattern] = []
    phrases: list[Pattern] = []


class Candidacy(_Strict):
    outcome: str
    since: dt.date | None = None
    until: dt.date | None = None
    # What the press of that cycle calls the candidate ("the former president" in 2024,
    # "the Democratic nominee"): names of the outcome for articles of this cycle only.
    aliases: list[Pattern] = []


class Cycle(_Strict):
    year: int
    election_day: dt.date
    result_known: dt.date
    # From this day articles look toward this election; before it (and after the previous
    # result) they are about the previous winner's term. Default: a year before the vote.
    campaign_from: dt.date | None = None
    winner: str | None = None
    candidates: list[Candidacy]

    @property
    def campaign_start(self) -> dt.date:
        return self.campaign_from or self.election_day - dt.timedelta(days=365)


class Cue(_Strict):
    id: str
    pattern: Pattern
    band: Literal[BANDS]  # type: ignore[valid-type]
    rank: int = 2
    probability: float | None = Field(default=None, ge=0, le=1)
    # headline: only in headlines and decks ("Biden presidency to widen Seoul's space")
    where: Literal["anywhere", "headline", "body"] = "anywhere"


class NamedPattern(_Strict):
    id: str
    pattern: Pattern


class NonProjection(NamedPattern):
    # match: ignore a cue inside the phrase; rest: ignore every cue after it too (advice
    # governs what follows: "it is crucial to analyze how X could ...").
    scope: Literal["match", "rest"] = "match"


class Actor(_Strict):
    name: str
    aliases: list[str] = []
    role: str = "expert"
    affiliation: str = ""


class Domain(_Strict):
    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    label: str
    short: str = ""  # column header in the terminal matrix
    terms: list[Pattern] = Field(min_length=1)
    weak_terms: list[Pattern] = []  # count only when no domain's terms match


class Impact(_Strict):
    favourable: list[Pattern]
    unfavourable: list[Pattern]
    negators: list[Pattern] = []


class Effects(_Strict):
    up: list[str] = []  # lemmas that raise, start or keep what they apply to
    down: list[str] = []  # lemmas that lower, end or remove it


class Themes(_Strict):
    favourable: list[str] = []  # lemmas of what the subject values (talks, alliance)
    unfavourable: list[str] = []  # lemmas of what harms it (tariffs, tensions)


class DirectionSpec(_Strict):
    """Effect verbs (general English) times themes (this lens's values): the direction
    step's vocabulary; `model` names a learned step's weights (a file in the package's
    `models/` folder, or an absolute path), used when present."""

    effects: Effects = Effects()
    themes: Themes = Themes()
    model: str | None = None


class KoreanImpact(_Strict):
    favourable: list[Pattern] = []
    unfavourable: list[Pattern] = []
    negators: list[Pattern] = []


class KoreanSpec(_Strict):
    """The lens in Korean (ANNOTATION-ko.md): everything analysis needs to read a Korean
    article, keyed by the English lens's outcome and domain ids, bands and actor names."""

    names: dict[str, list[Pattern]] = {}  # outcome id -> names
    condition_templates: list[Pattern] = []  # {who} = an outcome's names
    any_phrases: list[Pattern] = []
    election_terms: list[Pattern] = []
    contrast_after: list[Pattern] = []
    cues: list[Cue] = []
    non_projections: list[Pattern] = []
    reporting_verbs: Pattern = "(말했|밝혔)"
    speaker_lines: list[Pattern] = []  # captions naming the next speaker: a (?P<name>...) group
    titles: list[str] = []
    actors: dict[str, list[str]] = {}  # canonical name -> Korean names
    unnamed: list[str] = []
    domains: dict[str, list[Pattern]] = {}  # domain id -> terms
    impact: KoreanImpact = KoreanImpact()


class Boilerplate(_Strict):
    drop: list[NamedPattern] = []
    footer: list[NamedPattern] = []


class Signpost(_Strict):
    id: str
    label: str
    outcome: str = "any"
    domain: str
    pattern: Pattern


class Fact(_Strict):
    id: str
    label: str
    value: float
    unit: str = ""
    tolerance: float = Field(default=0.05, ge=0)
    source: str
    patterns: list[Pattern] = Field(min_length=1)  # each captures the number as (?P<value>...)

    @field_validator("patterns")
    @classmethod
    def _has_value_group(cls, patterns: list[str]) -> list[str]:
        for pattern in patterns:
            if "(?P<value>" not in pattern:
                raise ValueError(f"{pattern!r} must capture the number as (?P<value>...)")
        return patterns


class LensModel(_Strict):
    """The lens file's schema. Unknown keys are errors, so a typo cannot pass silently."""

    name: str
    version: int | str
    description: str = ""
    subject: str
    outcomes: list[Outcome] = Field(min_length=1)
    condition_templates: list[Pattern]
    election_terms: list[Pattern] = []
    cycles: list[Cycle] = []
    prior: dict[str, float] = {}
    bands: dict[Literal[BANDS], tuple[float, float]]  # type: ignore[valid-type]
    cues: list[Cue] = Field(min_length=1)
    non_projections: list[NonProjection] = []
    own_side: list[str] = []
    undergo_verbs: list[str] = []
    stance_roles: list[str] = []
    continuations: list[Pattern] = []
    contrast_markers: list[Pattern] = []
    clause_breaks: list[Pattern] = []
    reporting_verbs: list[Pattern] = []
    titles: list[str] = []
    organization_heads: list[str] = []
    actors: list[Actor] = []
    domains: list[Domain] = Field(min_length=1)
    impact: Impact
    direction: DirectionSpec = DirectionSpec()
    ko: KoreanSpec | None = None
    # Phrases that make a statement conditional on something other than the election
    # ("possible only when ..."): scoring sets such forecasts aside.
    conditional_forecasts: list[Pattern] = []
    # Openings that make a clause a condition rather than advice ("Should talks stall, ...").
    conditional_inversions: list[Pattern] = []
    no_break_after: list[str] = []
    boilerplate: Boilerplate = Boilerplate()
    playbook: list[NamedPattern] = []
    signposts: list[Signpost] = []
    facts: list[Fact] = []

    @field_validator("bands")
    @classmethod
    def _all_bands(cls, bands: dict[str, tuple[float, float]]) -> dict[str, tuple[float, float]]:
        missing = [b for b in BANDS if b not in bands]
        if missing:
            raise ValueError(f"missing bands {missing}")
        return bands

    @model_validator(mode="after")
    def _references(self) -> LensModel:
        ids = [o.id for o in self.outcomes]
        if len(set(ids)) != len(ids):
            raise ValueError(f"outcomes: duplicate id in {ids}")
        for i, cycle in enumerate(self.cycles):
            named = [c.outcome for c in cycle.candidates] + [cycle.winner or ids[0]]
            for oid in named:
                if oid not in ids:
                    raise ValueError(f"cycles.{i}: unknown outcome {oid!r} (known: {ids})")
        for oid in self.prior:
            if oid not in ids:
                raise ValueError(f"prior: unknown outcome {oid!r} (known: {ids})")
        for key, rules in (
            ("cues", self.cues),
            ("non_projections", self.non_projections),
            ("boilerplate.drop", self.boilerplate.drop),
            ("boilerplate.footer", self.boilerplate.footer),
        ):
            seen = [r.id for r in rules]
            dupes = sorted({x for x in seen if seen.count(x) > 1})
            if dupes:
                raise ValueError(f"{key}: duplicate id {dupes}")
        domain_ids = [d.id for d in self.domains]
        if len(set(domain_ids)) != len(domain_ids):
            raise ValueError(f"domains: duplicate id in {domain_ids}")
        for i, sign in enumerate(self.signposts):
            if sign.outcome not in ids:
                raise ValueError(f"signposts.{i}: unknown outcome {sign.outcome!r} (known: {ids})")
            if sign.domain not in domain_ids:
                raise ValueError(f"signposts.{i}: unknown domain {sign.domain!r} (known: {domain_ids})")
        if self.ko is not None:
            for oid in self.ko.names:
                if oid not in ids:
                    raise ValueError(f"ko.names: unknown outcome {oid!r} (known: {ids})")
            for did in self.ko.domains:
                if did not in domain_ids:
                    raise ValueError(f"ko.domains: unknown domain {did!r} (known: {domain_ids})")
        return self


@dataclass(frozen=True)
class Matcher:
    """One compiled alternation over many named patterns; `finditer` yields (rule, match)."""

    regex: re.Pattern[str]
    names: tuple[str, ...]

    def finditer(self, text: str):  # type: ignore[no-untyped-def]
        for m in self.regex.finditer(text):
            yield self.names[int(m.lastgroup[1:])], m  # type: ignore[index]


def _body(pattern: str, *, plural: bool = False) -> str:
    body = re.sub(r"(?<!\\) ", r"\\s+", pattern)
    if plural and re.search(r"[a-z]$", pattern):
        body += "(?:s|es)?"
    return body


def phrase_regex(pattern: str, *, plural: bool = False) -> str:
    """A lens pattern as a regex fragment bounded by word edges (spaces match any space)."""
    return rf"(?<![\w]){_body(pattern, plural=plural)}(?![\w])"


def _alternatives(patterns: Iterable[str]) -> str:
    """Lens patterns as one word-edged alternation; one that never matches when empty."""
    return "|".join(phrase_regex(p) for p in patterns) or r"(?!x)x"


def compile_matcher(
    rules: list[tuple[str, str]],
    *,
    plural: bool = False,
    where: str = "",
    joined: str = "",
    edges: bool = True,
) -> Matcher:
    """One alternation of named groups, built for speed: the leading word-edge check is
    hoisted out of the branches, and branches that start with a letter are grouped by it
    behind a one-character lookahead, so at each word start the engine tries only the
    branches that can match there (~7x faster on the domain terms than a flat list).
    Branches keep their order within a group; the others come first."""
    groups: dict[str, list[str]] = {}
    for i, (_, pattern) in enumerate(rules):
        fragment = f"{_body(pattern, plural=plural)}" + ("(?![\\w])" if edges else "")
        try:
            re.compile(fragment)
        except re.error as exc:
            raise LensError(f"{where}: bad pattern {pattern!r}: {exc}") from exc
        first = pattern[0].lower()
        key = first if first.isalnum() and first.isascii() else ""
        groups.setdefault(key, []).append(f"(?P<g{i}>{fragment})")
    parts = ["|".join(groups.pop(""))] if "" in groups else []
    for key, branches in groups.items():
        parts.append(f"(?=[{key}{key.upper()}])(?:{'|'.join(branches)})")
    edge = rf"(?<![\w{re.escape(joined)}])" if edges else ""
    regex = re.compile(edge + "(?:" + ("|".join(parts) or r"(?!x)x") + ")", re.IGNORECASE)
    return Matcher(regex, tuple(name for name, _ in rules))


class Lens:
    """A validated lens with its patterns compiled once; cheap to share across documents."""

    def __init__(self, model: LensModel, source: str) -> None:
        self.model = model
        self.source = source

    # Identity -------------------------------------------------------------------------
    @cached_property
    def fingerprint(self) -> str:
        """Changes whenever any rule, the analysis code or a step's model changes:
        analysis reruns documents seen under another."""
        blob = json.dumps(self.model.model_dump(mode="json"), sort_keys=True)
        blob += self.direction_step.version + _analysis_code_version()
        return f"{self.model.name}@{self.model.version}:{hashlib.sha256(blob.encode()).hexdigest()[:12]}"

    @cached_property
    def conditional_forecast(self) -> re.Pattern[str]:
        return re.compile(_alternatives(self.model.conditional_forecasts), re.IGNORECASE)

    @cached_property
    def conditional_inversion(self) -> re.Pattern[str]:
        return re.compile(_alternatives(self.model.conditional_inversions), re.IGNORECASE)

    @cached_property
    def korean(self) -> KoreanRules | None:
        """The Korean section compiled (None when the lens has none)."""
        return KoreanRules(self.model.ko) if self.model.ko else None

    @cached_property
    def direction_step(self) -> DirectionStep:
        """The direction step this lens chooses: the learned model when it names one that
        exists, else the effect x theme rules."""
        spec = self.model.direction
        vocab = DirectionVocabulary(
            spec.effects.model_dump(), spec.themes.model_dump(), ["not", "never", "no", "n't"]
        )
        return DirectionStep(vocab, spec.model)

    @property
    def name(self) -> str:
        return self.model.name

    @cached_property
    def outcome_ids(self) -> tuple[str, ...]:
        return tuple(o.id for o in self.model.outcomes)

    @cached_property
    def domain_ids(self) -> tuple[str, ...]:
        return tuple(d.id for d in self.model.domains)

    @cached_property
    def short_labels(self) -> dict[str, str]:
        return {d.id: d.short or d.label for d in self.model.domains}

    @cached_property
    def labels(self) -> dict[str, str]:
        out = {o.id: o.label for o in self.model.outcomes}
        out.update({d.id: d.label for d in self.model.domains})
        return out

    def default_prior(self) -> dict[str, float]:
        """The lens's prior over outcomes, or every named outcome equally likely."""
        return dict(self.model.prior) or {o: 1.0 for o in self.outcome_ids if o != "any"}

    def band_probability(self, band: str) -> float:
        low, high = self.model.bands[band]  # type: ignore[index]
        return round((low + high) / 2, 3)

    # Compiled matchers ------------------------------------------------------------------
    @cached_property
    def cues(self) -> Matcher:
        # "self-assured" is no cue: a hyphen before a word joins it to the one before.
        return compile_matcher([(c.id, c.pattern) for c in self.model.cues], where="cues", joined="-")

    @cached_property
    def cue_by_id(self) -> dict[str, Cue]:
        return {c.id: c for c in self.model.cues}

    def cue_applies(self, cue_id: str, headline: bool) -> bool:
        where = self.cue_by_id[cue_id].where
        return where == "anywhere" or (where == "headline") == headline

    @cached_property
    def undergo_verbs(self) -> frozenset[str]:
        return frozenset(v.lower() for v in self.model.undergo_verbs)

    @cached_property
    def non_projections(self) -> Matcher:
        rules = [(r.id, r.pattern) for r in self.model.non_projections]
        return compile_matcher(rules, where="non_projections")

    @cached_property
    def non_projection_scope(self) -> dict[str, str]:
        return {r.id: r.scope for r in self.model.non_projections}

    @cached_property
    def named_outcomes(self) -> list[Outcome]:
        return [o for o in self.model.outcomes if o.names]

    def _names(self, year: int | None) -> dict[str, list[str]]:
        """Each named outcome's names as regex fragments, with the cycle's aliases."""
        names = {o.id: [re.escape(n).replace(r"\ ", " ") for n in o.names] for o in self.named_outcomes}
        for cycle in self.model.cycles:
            if cycle.year == year:
                for c in cycle.candidates:
                    names.setdefault(c.outcome, []).extend(c.aliases)
        return names

    @cached_property
    def candidate_names(self) -> Matcher:
        """Any name of any candidate, plus he/she; rule name = outcome id or 'pronoun'."""
        return self.candidate_names_for(None)

    @cached_property
    def conditions(self) -> Matcher:
        return self.conditions_for(None)

    @lru_cache(maxsize=16)  # noqa: B019 - a lens lives as long as the process
    def candidate_names_for(self, year: int | None) -> Matcher:
        """Candidate names as articles of cycle `year` write them (None: names only)."""
        rules = [(o, n) for o, names in self._names(year).items() for n in names]
        rules.append(("pronoun", "(he|she|him|her|his)"))
        return compile_matcher(rules, where="outcomes.names")

    @lru_cache(maxsize=16)  # noqa: B019
    def conditions_for(self, year: int | None) -> Matcher:
        """Outcome phrases. Rule names are `outcome:template-index`, `*:i` for pronouns or
        no name (resolved from context), or `any:i` for the outcome-independent phrases."""
        rules: list[tuple[str, str]] = []
        pronoun = "(he|she|they)"
        all_names = self._names(year)
        for i, template in enumerate(self.model.condition_templates):
            if "{who}" not in template:
                rules.append((f"*:template{i}", template))
                continue
            for outcome in self.named_outcomes:
                names = "|".join(all_names[outcome.id])
                rules.append((f"{outcome.id}:template{i}", template.replace("{who}", f"({names})")))
            rules.append((f"*:template{i}", template.replace("{who}", pronoun)))
        for outcome in self.model.outcomes:
            for j, phrase in enumerate(outcome.phrases):
                rules.append((f"{outcome.id}:phrase{j}", phrase))
        return compile_matcher(rules, where="condition_templates")

    @cached_property
    def election_terms(self) -> Matcher:
        return compile_matcher([("election", t) for t in self.model.election_terms], where="election_terms")

    @cached_property
    def domains(self) -> Matcher:
        rules = [(d.id, t) for d in self.model.domains for t in d.terms]
        return compile_matcher(rules, plural=True, where="domains")

    @cached_property
    def weak_domains(self) -> Matcher:
        rules = [(d.id, t) for d in self.model.domains for t in d.weak_terms]
        return compile_matcher(rules, plural=True, where="domains.weak_terms")

    @cached_property
    def own_side(self) -> set[str]:
        return {s.lower() for s in self.model.own_side}

    @cached_property
    def own_side_terms(self) -> re.Pattern[str]:
        return re.compile(_alternatives(re.escape(t) for t in self.model.own_side), re.IGNORECASE)

    @cached_property
    def continuations(self) -> re.Pattern[str]:
        return re.compile(rf"^\W*(?:{_alternatives(self.model.continuations)})", re.IGNORECASE)

    @cached_property
    def clause_breaks(self) -> re.Pattern[str]:
        # Word breaks ("but") need word edges; punctuation (";") is matched as is.
        words = [c for c in self.model.clause_breaks if c[0].isalpha()]
        marks = "|".join(re.escape(c) for c in self.model.clause_breaks if not c[0].isalpha())
        return re.compile("|".join(p for p in (_alternatives(words), marks) if p), re.IGNORECASE)

    @cached_property
    def contrast(self) -> re.Pattern[str]:
        """A contrast marker ending at most three words before the end of the text."""
        markers = _alternatives(self.model.contrast_markers)
        return re.compile(rf"(?:{markers})(?:\s+[\w'.-]+){{0,3}}\s*$", re.IGNORECASE)

    @cached_property
    def playbook(self) -> Matcher:
        return compile_matcher([(r.id, r.pattern) for r in self.model.playbook], where="playbook")

    @cached_property
    def signposts(self) -> Matcher:
        return compile_matcher([(r.id, r.pattern) for r in self.model.signposts], where="signposts")

    @cached_property
    def facts(self) -> list[tuple[Fact, re.Pattern[str]]]:
        """One regex per fact pattern: each has its own `value` group."""
        out = []
        for i, fact in enumerate(self.model.facts):
            for pattern in fact.patterns:
                try:
                    out.append((fact, re.compile(phrase_regex(pattern), re.IGNORECASE)))
                except re.error as exc:
                    raise LensError(f"facts.{i}: bad pattern {pattern!r}: {exc}") from exc
        return out

    @cached_property
    def impact(self) -> Matcher:
        rules = [("+", t) for t in self.model.impact.favourable]
        rules += [("-", t) for t in self.model.impact.unfavourable]
        return compile_matcher(rules, plural=True, where="impact")

    @cached_property
    def negators(self) -> re.Pattern[str]:
        return re.compile(_alternatives(self.model.impact.negators), re.IGNORECASE)

    @cached_property
    def reporting(self) -> Matcher:
        rules = [("report", v) for v in self.model.reporting_verbs]
        return compile_matcher(rules, where="reporting_verbs")

    @cached_property
    def actor_aliases(self) -> dict[str, str]:
        """Lower-cased name or alias -> canonical name."""
        out: dict[str, str] = {}
        for actor in self.model.actors:
            for alias in [actor.name, *actor.aliases]:
                out[alias.lower()] = actor.name
        return out

    @cached_property
    def organization_heads(self) -> frozenset[str]:
        return frozenset(h.lower() for h in self.model.organization_heads)

    @cached_property
    def titles(self) -> set[str]:
        return {t.lower() for t in self.model.titles}

    @cached_property
    def actor_roles(self) -> dict[str, str]:
        return {a.name: a.role for a in self.model.actors}

    def speaks_stance(self, source: str) -> bool:
        """True for a source whose own words are stance (a candidate, a campaign)."""
        return self.actor_roles.get(source) in self.model.stance_roles

    @cached_property
    def boilerplate_drop(self) -> Matcher:
        rules = [(r.id, r.pattern) for r in self.model.boilerplate.drop]
        return compile_matcher(rules, where="boilerplate.drop")

    @cached_property
    def boilerplate_footer(self) -> Matcher:
        rules = [(r.id, r.pattern) for r in self.model.boilerplate.footer]
        return compile_matcher(rules, where="boilerplate.footer")

    # Election cycles --------------------------------------------------------------------
    def _period(self, date: str) -> tuple[Cycle, bool] | None:
        """(cycle, decided) for an article of this date: the cycle whose campaign it falls
        in (decided False), or the last cycle whose result was known by then, when the
        next campaign has not begun (decided True: the winner's term)."""
        if not date:
            return None
        try:
            day = dt.date.fromisoformat(date[:10])
        except ValueError:
            return None
        cycles = sorted(self.model.cycles, key=lambda c: c.election_day)
        decided = [c for c in cycles if c.result_known <= day]
        upcoming = [c for c in cycles if c.result_known > day]
        if upcoming and (not decided or day >= upcoming[0].campaign_start):
            return upcoming[0], False
        if decided:
            return decided[-1], True
        return None

    def cycle_dates(self, year: int) -> tuple[str | None, str | None]:
        """(first date, last date) of the articles that belong to cycle `year`: from its
        campaign's start (any earlier date for the first cycle) to the day before the next
        campaign starts (any later date for the last). None for an open end."""
        cycles = sorted(self.model.cycles, key=lambda c: c.election_day)
        years = [c.year for c in cycles]
        if year not in years:
            raise KeyError(f"no cycle {year} in the lens (it has {', '.join(map(str, years))})")
        i = years.index(year)
        start = cycles[i].campaign_start.isoformat() if i > 0 else None
        end = (
            (cycles[i + 1].campaign_start - dt.timedelta(days=1)).isoformat() if i + 1 < len(cycles) else None
        )
        return start, end

    def cycle_for_date(self, date: str) -> Cycle | None:
        """The election an article of this date is about: the one being campaigned for,
        or the one just decided (until the next campaign begins)."""
        period = self._period(date)
        return period[0] if period else None

    def outcomes_for_date(self, date: str) -> tuple[set[str] | None, str | None]:
        """(outcomes an article of this date can mean, winner that conditions it).

        Unknown date: every outcome, no winner. During a campaign: the candidates at that
        date. After a result, until the next campaign begins: that cycle's candidates (an
        explicit "if Harris wins" keeps its outcome) and its winner, which conditions
        every projection that names no outcome explicitly.
        """
        period = self._period(date)
        if period is None:
            return None, None
        cycle, decided = period
        if decided:
            day = cycle.election_day
            names = {c.outcome for c in cycle.candidates if c.until is None or day < c.until}
            return names | ({cycle.winner} if cycle.winner else set()), cycle.winner
        day = dt.date.fromisoformat(date[:10])
        names = {
            c.outcome
            for c in cycle.candidates
            if (c.since is None or day >= c.since) and (c.until is None or day < c.until)
        }
        return names, None


class KoreanRules:
    """The lens's Korean section, compiled: matchers without word edges (a particle
    follows its word directly: 트럼프가, 동맹은)."""

    def __init__(self, spec: KoreanSpec) -> None:
        self.spec = spec
        plain = {"edges": False}
        self.names = compile_matcher(
            [(o, n) for o, names in spec.names.items() for n in names], where="ko.names", **plain
        )
        rules: list[tuple[str, str]] = []
        for i, template in enumerate(spec.condition_templates):
            if "{who}" not in template:
                rules.append((f"*:ko{i}", template))
                continue
            for outcome, names in spec.names.items():
                rules.append((f"{outcome}:ko{i}", template.replace("{who}", f"({'|'.join(names)})")))
        rules += [(f"any:ko-any{i}", p) for i, p in enumerate(spec.any_phrases)]
        self.conditions = compile_matcher(rules, where="ko.condition_templates", **plain)
        self.election = re.compile("|".join(f"(?:{p})" for p in spec.election_terms) or r"(?!x)x")
        self.contrast_after = re.compile("|".join(f"(?:{p})" for p in spec.contrast_after) or r"(?!x)x")
        self.cues = compile_matcher([(c.id, c.pattern) for c in spec.cues], where="ko.cues", **plain)
        self.cue_by_id = {c.id: c for c in spec.cues}
        self.non_projections = re.compile("|".join(f"(?:{p})" for p in spec.non_projections) or r"(?!x)x")
        self.reporting = re.compile(spec.reporting_verbs)
        self.speaker_lines = re.compile("|".join(f"(?:{p})" for p in spec.speaker_lines) or r"(?!x)x")
        self.domains = compile_matcher(
            [(d, t) for d, terms in spec.domains.items() for t in terms], where="ko.domains", **plain
        )
        self.impact = compile_matcher(
            [("+", t) for t in spec.impact.favourable] + [("-", t) for t in spec.impact.unfavourable],
            where="ko.impact",
            **plain,
        )
        self.negators = re.compile("|".join(f"(?:{p})" for p in spec.impact.negators) or r"(?!x)x")
        self.actors = {alias: name for name, aliases in spec.actors.items() for alias in aliases}
        self.titles = frozenset(spec.titles)
        self.unnamed = tuple(spec.unnamed)


# The modules whose code decides what analysis finds: a change to any of them changes
# every lens's fingerprint, so `analyze` redoes documents analyzed by older code.
_ANALYSIS_MODULES = ("analyze.py", "analyze_ko.py", "direction.py", "learned.py", "nlp.py", "lens.py")


@lru_cache(maxsize=1)
def _analysis_code_version() -> str:
    digest = hashlib.sha256()
    for name in _ANALYSIS_MODULES:
        digest.update(resources.files("scenariodesk").joinpath(name).read_bytes())
    return digest.hexdigest()[:12]


def _default_text() -> str:
    return resources.files("scenariodesk.lenses").joinpath(f"{DEFAULT_LENS}.yaml").read_text("utf-8")


def _read_yaml(text: str, where: str) -> dict[str, Any]:
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise LensError(f"{where}: not valid YAML: {exc}".replace("\n", " ")) from exc
    if not isinstance(data, dict):
        raise LensError(f"{where}: a lens is a mapping of keys, got {type(data).__name__}")
    return data


def load_lens(path: str | Path | None = None) -> Lens:
    """The default lens, or the file at `path` laid over it: the file's top-level keys
    replace the default's, so a lens file only holds what it changes."""
    data = _read_yaml(_default_text(), DEFAULT_LENS)
    where = f"lens {DEFAULT_LENS}"
    if path is not None:
        path = Path(path)
        where = str(path)
        try:
            text = path.read_text("utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise LensError(f"{path}: cannot read lens: {exc}") from exc
        data.update(_read_yaml(text, where))
    try:
        model = LensModel.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        key = ".".join(str(p) for p in first["loc"]) or "(top level)"
        value = first.get("input")
        shown = f" (got {value!r})" if not isinstance(value, dict | list) else ""
        raise LensError(f"{where}: {key}: {first['msg']}{shown}") from exc
    lens = Lens(model, where)
    # Compile every pattern now, so a bad regex fails at load time and names its key.
    for attr in (
        "cues",
        "non_projections",
        "conditions",
        "election_terms",
        "domains",
        "weak_domains",
        "continuations",
        "contrast",
        "clause_breaks",
        "playbook",
        "signposts",
        "facts",
        "impact",
        "reporting",
        "boilerplate_drop",
        "boilerplate_footer",
        "candidate_names",
        "negators",
        "own_side_terms",
        "korean",
    ):
        try:
            getattr(lens, attr)
        except LensError as exc:
            raise LensError(f"{where}: {exc}") from exc
        except re.error as exc:  # patterns valid alone that clash together (a group name twice)
            raise LensError(f"{where}: {_KEYS.get(attr, attr)}: patterns do not combine: {exc}") from exc
    for cycle in model.cycles:
        try:
            lens.conditions_for(cycle.year)
            lens.candidate_names_for(cycle.year)
        except (LensError, re.error) as exc:
            raise LensError(f"{where}: cycles ({cycle.year}) aliases: {exc}") from exc
    return lens


# The lens key behind each compiled attribute, for error messages.
_KEYS = {
    "contrast": "contrast_markers",
    "impact": "impact",
    "reporting": "reporting_verbs",
    "boilerplate_drop": "boilerplate.drop",
    "boilerplate_footer": "boilerplate.footer",
    "candidate_names": "outcomes.names",
    "conditions": "condition_templates",
    "negators": "impact.negators",
}
