"""Load a lens YAML over the packaged default, validate it (`schema.py`), and compile
its patterns once (`patterns.py`, `korean.py`): `Lens` is what analysis reads."""

from __future__ import annotations

import hashlib
import json
import re
from functools import cached_property
from importlib import resources
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from scenariodesk.direction import DirectionStep, DirectionVocabulary
from scenariodesk.lens.briefing import BriefingPatterns
from scenariodesk.lens.cycles import CyclePeriods
from scenariodesk.lens.korean import KoreanRules
from scenariodesk.lens.patterns import (
    Matcher,
    PatternError,
    alternatives,
    compile_matcher,
    phrase_regex,
    speech_nouns,
    spelled,
    third_party_patterns,
)
from scenariodesk.lens.schema import BANDS, Cue, LensError, LensModel, Outcome
from scenariodesk.lens.version import analysis_code_version
from scenariodesk.nlp import word_forms

__all__ = [
    "BANDS",
    "DEFAULT_LENS",
    "KoreanRules",
    "Lens",
    "LensError",
    "LensModel",
    "load_lens",
    "phrase_regex",
]

DEFAULT_LENS = "us-election-korea"
OWN_ROLES = frozenset({"government", "leader"})  # actor roles that speak for the subject


class Lens(BriefingPatterns, CyclePeriods):
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
        blob += self.direction_step.version + analysis_code_version()
        return f"{self.model.name}@{self.model.version}:{hashlib.sha256(blob.encode()).hexdigest()[:12]}"

    @cached_property
    def conditional_forecast(self) -> re.Pattern[str]:
        return re.compile(alternatives(self.model.conditional_forecasts), re.IGNORECASE)

    @cached_property
    def conditional_inversion(self) -> re.Pattern[str]:
        return re.compile(alternatives(self.model.conditional_inversions), re.IGNORECASE)

    @cached_property
    def past_frames(self) -> tuple[re.Pattern[str], ...]:
        return tuple(re.compile(phrase_regex(p), re.IGNORECASE) for p in self.model.past_frames)

    @cached_property
    def other_elections(self) -> re.Pattern[str]:
        return re.compile(alternatives(self.model.other_elections), re.IGNORECASE)

    @cached_property
    def past_before_condition(self) -> tuple[re.Pattern[str], ...]:
        """Each its own regex (a `past` group in several), ending where matched."""
        return tuple(
            re.compile(f"{phrase_regex(p)}\\s*$", re.IGNORECASE) for p in self.model.past_before_condition
        )

    @cached_property
    def korean(self) -> KoreanRules | None:
        """The Korean section compiled (None when the lens has none)."""
        return KoreanRules(self.model.ko, self.model.actors, self.model.subject) if self.model.ko else None

    @cached_property
    def direction_step(self) -> DirectionStep:
        """The direction step this lens chooses: the learned model when it names one that
        exists, else the effect x theme rules."""
        spec = self.model.direction
        return DirectionStep(DirectionVocabulary.from_spec(spec.model_dump()), spec.model)

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
        return {o.id: o.label for o in self.model.outcomes} | {d.id: d.label for d in self.model.domains}

    def band_probability(self, band: str) -> float:
        low, high = self.model.bands[band]  # type: ignore[index]
        return round((low + high) / 2, 3)

    def band_of(self, p: float) -> str:
        """The band whose range holds probability `p` (the upper bound belongs to the next)."""
        bands = sorted(self.model.bands.items(), key=lambda b: b[1][0])  # type: ignore[union-attr]
        return next((band for band, (low, high) in bands if low <= p < high), bands[-1][0])

    def cue_value(self, spec: Cue, m: re.Match[str]) -> tuple[str, float]:
        """(band, probability) a cue gives where it matched: its own, or the number it
        states (a `percent` group: "a 70 percent chance", "70% 확률") and the band that
        holds that number."""
        stated = m.groupdict().get("percent")
        if stated is None:
            own = spec.probability if spec.probability is not None else self.band_probability(spec.band)
            return spec.band, own
        p = round(min(max(int(stated) / 100, 0.01), 0.99), 3)
        return self.band_of(p), p

    # Compiled matchers ------------------------------------------------------------------
    def cues_in(self, headline: bool) -> Matcher:
        """The cues that count in a headline, or in body text: one that does not count
        there must not take the place of one that does ("are next to impossible" is no
        headline's "to …")."""
        return self._cues[headline]

    @cached_property
    def _cues(self) -> dict[bool, Matcher]:
        # "self-assured" is no cue: a hyphen before a word joins it to the one before.
        return {
            headline: compile_matcher(
                [(c.id, c.pattern) for c in self.model.cues if c.applies(headline)], where="cues", joined="-"
            )
            for headline in (True, False)
        }

    @cached_property
    def cue_by_id(self) -> dict[str, Cue]:
        return {c.id: c for c in self.model.cues}

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
    def non_projection_lifted_by_outcome(self) -> frozenset[str]:
        """Rule ids an outcome phrase in the sentence lifts (`with_outcome: false`)."""
        return frozenset(r.id for r in self.model.non_projections if not r.with_outcome)

    @cached_property
    def non_projection_reported(self) -> dict[str, bool]:
        """Rule id -> whether a reporting verb before the phrase lifts it."""
        return {r.id: not r.in_reported_speech for r in self.model.non_projections}

    @cached_property
    def named_outcomes(self) -> list[Outcome]:
        return [o for o in self.model.outcomes if o.names]

    @cached_property
    def election_terms(self) -> Matcher:
        rules = [("election", t) for t in self.model.election_terms]
        rules += [("winner", t) for t in self.model.winner_terms]  # the lens's winner_terms
        return compile_matcher(rules, where="election_terms")

    @cached_property
    def domains(self) -> Matcher:
        rules = [(d.id, spelled(t, self.model.spellings)) for d in self.model.domains for t in d.terms]
        return compile_matcher(rules, plural=True, where="domains", longest_first=True, hyphens=True)

    @cached_property
    def weak_domains(self) -> Matcher:
        rules = [(d.id, spelled(t, self.model.spellings)) for d in self.model.domains for t in d.weak_terms]
        return compile_matcher(
            rules, plural=True, where="domains.weak_terms", longest_first=True, hyphens=True
        )

    @cached_property
    def own_side(self) -> set[str]:
        return {s.lower() for s in self.model.own_side}

    @cached_property
    def own_side_actors(self) -> frozenset[str]:
        """Canonical names of the subject country's government bodies and leaders."""
        own = (a for a in self.model.actors if a.affiliation == self.model.subject and a.role in OWN_ROLES)
        return frozenset(a.name for a in own)

    @cached_property
    def own_side_bodies(self) -> frozenset[str]:
        """The subject country's government bodies (not its leaders): "it" is what such a
        body calls itself ("the Foreign Ministry said it would …")."""
        return frozenset(a for a in self.own_side_actors if self.actor_roles[a] == "government")

    @cached_property
    def outside_domains(self) -> re.Pattern[str]:
        return compile_matcher([("", p) for p in self.model.outside_domains], where="outside_domains").regex

    @cached_property
    def third_parties(self) -> tuple[re.Pattern[str], re.Pattern[str]]:
        """Another country as a consequence's subject, and the subject's own names."""
        spec = self.model
        return third_party_patterns(spec.third_parties, spec.subject_terms, spec.own_side)

    @cached_property
    def generic_impact(self) -> re.Pattern[str]:
        return compile_matcher([("", p) for p in self.model.generic_impact], where="generic_impact").regex

    @cached_property
    def own_side_terms(self) -> re.Pattern[str]:
        """`own_side` and the names of the subject country's government and leaders."""
        own = [a for a in self.model.actors if a.name in self.own_side_actors]
        names = [*self.model.own_side, *(n for a in own for n in (a.name, *a.aliases))]
        return compile_matcher([("own", re.escape(t)) for t in names], where="own_side").regex

    @cached_property
    def continuations(self) -> re.Pattern[str]:
        return re.compile(rf"^\W*(?:{alternatives(self.model.continuations)})", re.IGNORECASE)

    @cached_property
    def opening(self) -> str:
        """What may open a sentence before its subject (a regex, case-sensitive where it
        says so): a continuation ("But", "Moreover,") and/or a short fronted phrase ended
        by a comma ("In short,", "For its part,", "Within months of the inauguration,")."""
        fronted = r"(?-i:(?:[A-Z][a-z']*|[a-z']+)(?:\s+[a-z\d'’-]+){0,5}),\s+"
        return rf"{self._continued}(?:{fronted})?"

    @cached_property
    def _continued(self) -> str:
        return rf"^\W*(?:(?:{alternatives(self.model.continuations)})\b\W*)?"

    @cached_property
    def _openings(self) -> tuple[re.Pattern[str], re.Pattern[str]]:
        return re.compile(self.opening, re.IGNORECASE), re.compile(self._continued, re.IGNORECASE)

    def subject_starts(self, text: str) -> set[int]:
        """Where the sentence's subject may start, past its `opening` or only its
        continuation ("His tariff plan, however, would …" opens on "His")."""
        return {m.end() for m in (p.match(text) for p in self._openings) if m}

    @cached_property
    def anaphors(self) -> re.Pattern[str]:
        """An anaphor opening the sentence (past its `opening`), or its reported clause
        ("Analysts say the move would …")."""
        # "believes that …" is the complementizer, not an anaphor (possessive: no backtracking)
        said = rf"(?:[\w'’.-]+\s+){{1,4}}?(?:{alternatives(self.model.reporting_verbs)})\s+(?:that\s+)?+"
        anaphor = alternatives(self.model.anaphors)
        return re.compile(rf"{self.opening}(?:{said})?(?:{anaphor})", re.IGNORECASE)

    @cached_property
    def clause_breaks(self) -> re.Pattern[str]:
        # Word breaks ("but") need word edges; punctuation (";") is matched as is.
        words = [c for c in self.model.clause_breaks if c[0].isalpha()]
        marks = "|".join(re.escape(c) for c in self.model.clause_breaks if not c[0].isalpha())
        return re.compile("|".join(p for p in (alternatives(words), marks) if p), re.IGNORECASE)

    @cached_property
    def contrast(self) -> re.Pattern[str]:
        """A contrast marker ending at most three words before the end of the text."""
        markers = alternatives(self.model.contrast_markers)
        return re.compile(rf"(?:{markers})(?:\s+[\w'.-]+){{0,3}}\s*$", re.IGNORECASE)

    @cached_property
    def impact(self) -> Matcher:
        rules = [("+", t) for t in self.model.impact.favourable]
        rules += [("-", t) for t in self.model.impact.unfavourable]
        rules += [("0", t) for t in self.model.impact.open]
        return compile_matcher(rules, forms=word_forms, plural=True, where="impact")

    @cached_property
    def negators(self) -> re.Pattern[str]:
        return re.compile(alternatives(self.model.impact.negators), re.IGNORECASE)

    @cached_property
    def reporting(self) -> Matcher:
        rules = [("report", v) for v in self.model.reporting_verbs]
        return compile_matcher(rules, where="reporting_verbs")

    @cached_property
    def actor_aliases(self) -> dict[str, str]:
        """Lower-cased name or alias -> canonical name, in every language of the lens (the
        `ko` section's Korean names too: a source is one source across languages)."""
        out: dict[str, str] = {}
        for actor in self.model.actors:
            for alias in [actor.name, *actor.aliases]:
                out[alias.lower()] = actor.name
        if self.model.ko is not None:
            for name, aliases in self.model.ko.actors.items():
                for alias in aliases:
                    out.setdefault(alias.lower(), name)
        return out

    @cached_property
    def organization_heads(self) -> frozenset[str]:
        return frozenset(h.lower() for h in self.model.organization_heads)

    @cached_property
    def speech_nouns(self) -> frozenset[str]:
        return frozenset(n.lower() for n in self.model.speech_nouns)

    @cached_property
    def document_nouns(self) -> frozenset[str]:
        """Nouns that speak for their owner: a document's ("A KIEP report said …") and a
        spokesperson's ("the Foreign Ministry's spokesperson said …")."""
        return frozenset(n.lower() for n in (*self.model.document_nouns, *self.model.spokesperson_nouns))

    @cached_property
    def spokesperson_nouns(self) -> frozenset[str]:
        return frozenset(n.lower() for n in self.model.spokesperson_nouns)

    @cached_property
    def speech_noun_terms(self) -> re.Pattern[str]:
        """A speech noun's holder, for parsing the sentence (`patterns.speech_nouns`)."""
        return speech_nouns(self.model.speech_nouns)

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


_PLACE = re.compile(r"\{([a-z][a-z_]*)\}")


def expand_places(data: dict[str, Any], where: str) -> dict[str, Any]:
    """The lens data with each `{place}` in its patterns written out as one group of the
    place's names (lens `places`): "with {seoul}" reads "with (?:seoul|south korea|…)", so
    an alias added there reaches every pattern that names the place. `{who}` is left for
    the condition templates, which fill it per outcome."""
    places = data.get("places") or {}
    if not isinstance(places, dict):
        return data  # the schema says what is wrong with it

    def fill(m: re.Match[str]) -> str:
        name = m.group(1)
        if name == "who":
            return m.group()
        if name not in places:
            raise LensError(f"{where}: {{{name}}} is no place of the lens (places: {', '.join(places)})")
        return "(?:" + "|".join(str(alias) for alias in places[name]) + ")"

    def walk(value: Any) -> Any:
        if isinstance(value, str):
            return _PLACE.sub(fill, value)
        if isinstance(value, list):
            return [walk(v) for v in value]
        if isinstance(value, dict):
            return {k: walk(v) for k, v in value.items()}
        return value

    return {key: value if key == "places" else walk(value) for key, value in data.items()}


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
        model = LensModel.model_validate(expand_places(data, where))
    except ValidationError as exc:
        first = exc.errors()[0]
        key = ".".join(str(p) for p in first["loc"]) or "(top level)"
        value = first.get("input")
        shown = f" (got {value!r})" if not isinstance(value, dict | list) else ""
        raise LensError(f"{where}: {key}: {first['msg']}{shown}") from exc
    lens = Lens(model, where)
    # Compile every pattern now, so a bad regex fails at load time and names its key.
    for attr in _COMPILED:
        try:
            getattr(lens, attr) if attr != "heading_conditions" else lens.heading_conditions_for(None)
        except (LensError, PatternError) as exc:
            raise LensError(f"{where}: {exc}") from exc
        except re.error as exc:  # patterns valid alone that clash together (a group name twice)
            raise LensError(f"{where}: {_KEYS.get(attr, attr)}: patterns do not combine: {exc}") from exc
    for cycle in model.cycles:
        try:
            lens.conditions_for(cycle.year)
            lens.heading_conditions_for(cycle.year)
            lens.candidate_names_for(cycle.year)
        except (LensError, PatternError, re.error) as exc:
            raise LensError(f"{where}: cycles ({cycle.year}) aliases: {exc}") from exc
    return lens


# What load_lens compiles at once, and the lens key behind each whose name differs (errors).
_COMPILED = (  # noqa: SIM905 (a word list, kept short)
    "_cues non_projections conditions heading_conditions election_terms domains weak_domains continuations _openings anaphors"
    " contrast clause_breaks playbook signposts facts impact reporting boilerplate_drop boilerplate_footer"
    " candidate_names negators own_side_terms generic_impact outside_domains korean third_parties"
).split()
_KEYS = {
    "_cues": "cues",
    "contrast": "contrast_markers",
    "_openings": "continuations",
    "impact": "impact",
    "reporting": "reporting_verbs",
    "boilerplate_drop": "boilerplate.drop",
    "boilerplate_footer": "boilerplate.footer",
    "candidate_names": "outcomes.names",
    "conditions": "condition_templates",
    "negators": "impact.negators",
}
