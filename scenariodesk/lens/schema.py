"""The lens file's schema: pydantic models that validate a lens YAML, key by key.

Every pattern is checked where it is declared, so a bad one fails at load with the key
that holds it (`cues.3.pattern: not a valid pattern ...`), not at first use.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    field_validator,
    model_validator,
)

from scenariodesk.lens.patterns import pattern_body

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
        re.compile(pattern_body(pattern).replace("{who}", "who"))
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

    @property
    def on_the_ballot(self) -> list[str]:
        """The outcomes still standing on election day (a withdrawn candidate is not)."""
        return [c.outcome for c in self.candidates if c.until is None or c.until >= self.election_day]


class Cue(_Strict):
    id: str
    pattern: Pattern
    band: Literal[BANDS]  # type: ignore[valid-type]
    rank: int = 2
    probability: float | None = Field(default=None, ge=0, le=1)
    # headline: only in headlines and decks ("Biden presidency to widen Seoul's space")
    where: Literal["anywhere", "headline", "body"] = "anywhere"
    # The cue's own words name the consequence ("presents a challenge"): impact terms
    # inside it count for the direction. Inside any other cue they are the likelihood's
    # words ("difficult to", "이견이 없다"), not the event's.
    names_event: bool = False
    # Counts only in a sentence with an outcome phrase of its own: a present tense asserts
    # a consequence under a named hypothesis ("If Trump wins, exporters face higher
    # tariffs", "A Trump presidency means higher tariffs"), elsewhere it reports the present.
    needs_outcome: bool = False

    def applies(self, headline: bool) -> bool:
        """Does the cue count in a headline (`headline`) or in body text?"""
        return self.where == "anywhere" or (self.where == "headline") == headline


class NamedPattern(_Strict):
    id: str
    pattern: Pattern


class NonProjection(NamedPattern):
    # match: ignore a cue inside the phrase; rest: ignore every cue after it too (advice
    # governs what follows: "it is crucial to analyze how X could ...").
    scope: Literal["match", "rest"] = "match"
    # false: a reporting verb before the phrase lifts it. Reported speech shifts tenses
    # back ("Analysts said Biden was likely to seek talks" reports "is likely"), so a
    # past-tense frame is a past judgment only where nobody is reported.
    in_reported_speech: bool = True
    # false: an outcome phrase in the sentence lifts it ("If Trump wins, he would often
    # complain …" projects a habit; "When Trump was president, he would often …" is past).
    with_outcome: bool = True


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
    # Terms that name an effect open either way ("will shape", "could cut both ways",
    # "sweeping changes"): evidence for a mixed/unclear direction, not a sign.
    open: list[Pattern] = []
    negators: list[Pattern] = []


class Effects(_Strict):
    up: list[str] = []  # lemmas that raise, start or keep what they apply to
    down: list[str] = []  # lemmas that lower, end or remove it
    # Lemmas that bring what they apply to to a good end, whatever it is: favourable with
    # a feared theme ("resolve the nuclear problem") and with a valued process ("settle the
    # cost-sharing talks"), where a lowering effect would lower the talks.
    conclude: list[str] = []
    # "make X harder" lowers X, "make X easier" raises it: the words after "make"
    harder: list[str] = []
    easier: list[str] = []
    # Effects whose subject comes to hold the theme ("Pyongyang would gain leverage"): a
    # valued theme an adversary holds is against the subject (see `adversaries`).
    acquire: list[str] = []
    # Nouns among `up`/`down` that name the change as an event ("a withdrawal of troops"):
    # another effect applied to one applies to its event ("block any withdrawal of
    # troops" keeps the troops; "the odds of a drawdown will rise" lowers them).
    events: list[str] = []
    # Verbs that link a theme to a state ("talks would remain frozen", "tariffs would stay
    # low", "leave the arsenal intact"): where a state follows (of `up`/`down`, or of
    # `states_up`/`states_down`, adjectives that are an effect only there: "stay high" but
    # not "high-stakes"), the state is the effect and the verb's own is not.
    copulas: list[str] = []
    states_up: list[str] = []
    states_down: list[str] = []

    @model_validator(mode="after")
    def _events_are_effects(self) -> Effects:
        unknown = sorted(set(self.events) - set(self.up) - set(self.down))
        if unknown:
            raise ValueError(f"events not listed in up or down: {', '.join(unknown)}")
        return self


class Themes(_Strict):
    favourable: list[str] = []  # lemmas of what the subject values (talks, alliance)
    unfavourable: list[str] = []  # lemmas of what harms it (tariffs, tensions)
    # Relations the subject values between its friends and harms between its adversaries
    # ("Moscow could deepen its military ties with Pyongyang"; see `adversaries`).
    relations: list[str] = []
    # Harms that are none to the subject when aimed at one of its adversaries ("pressure
    # on Pyongyang", "sanctions against North Korea"): no theme there.
    coercion: list[str] = []


class DirectionSpec(_Strict):
    """Effect verbs (general English) times themes (this lens's values): the direction
    step's vocabulary; `model` names a learned step's weights (a file in the package's
    `models/` folder, or an absolute path), used when present. `negators` are the words
    that negate an effect: on its verb ("won't disappear") or as its subject's
    determiner ("neither outcome would end the alliance")."""

    effects: Effects = Effects()
    themes: Themes = Themes()
    negators: list[str] = ["not", "never", "no", "n't", "neither", "nor"]
    model: str | None = None
    # The subject's adversaries, each by the words that name it, and the words that name
    # the subject's side: a relation theme with two adversaries named around it and none
    # of the subject's side is unfavourable.
    adversaries: dict[str, list[str]] = {}
    own_side: list[str] = []


class ArticleDomain(_Strict):
    """An article's theme joins its narrow statements: the domain held by at least
    `share` of the article's statements is added to each statement that names fewer than
    `up_to` domains (a defense-industry story's "allies will keep buying Korean" is about
    the defense industry, not only the alliance)."""

    share: float = Field(0.55, gt=0, le=1)
    up_to: int = Field(2, ge=1, le=3)
    # Domains a statement is wholly about when it names one: the article's theme does not
    # join it ("Pyongyang might fire off a missile early in Biden's term" in a piece on
    # Biden's diplomacy is the North's threat, not its diplomacy too).
    self_contained: frozenset[str] = frozenset()


class KoreanImpact(_Strict):
    favourable: list[Pattern] = []
    unfavourable: list[Pattern] = []
    open: list[Pattern] = []  # effects that could go either way ("새로운 변수", "선택지")
    negators: list[Pattern] = []


class KoreanSpec(_Strict):
    """The lens in Korean (ANNOTATION-ko.md): everything analysis needs to read a Korean
    article, keyed by the English lens's outcome and domain ids, bands and actor names."""

    names: dict[str, list[Pattern]] = {}  # outcome id -> names
    condition_templates: list[Pattern] = []  # {who} = an outcome's names
    defeat_templates: list[Pattern] = []  # "{who}가 패배하면": the other candidate's outcome
    any_phrases: list[Pattern] = []
    election_terms: list[Pattern] = []
    # The winner's government ("새 행정부", "차기 대통령"): in an article about one
    # candidate, that candidate's; else, as an election term, any outcome (as in English).
    winner_terms: list[Pattern] = []
    # Words opening a sentence that go on about what the sentence before said ("그
    # 예측 불가능성이 …", "그러면서도 …"): the one candidate it named is the condition.
    anaphors: list[Pattern] = []
    contrast_after: list[Pattern] = []
    # Connectives that end a consequence's clause ("…할 것이라며 …", "…되겠지만 …"): the
    # first clause's cue gives the likelihood (convention 9: the first, main consequence).
    clause_breaks: list[Pattern] = []
    cues: list[Cue] = []
    non_projections: list[Pattern] = []
    reporting_verbs: Pattern = "(말했|밝혔)"
    # Reporting verbs by stem ("말하", "우려를 나타내"), in each of `reporting_endings` (Kiwi's
    # morphemes, "었/EP"), as Kiwi conjugates them: 말했…, 말한다, 말합니다.
    reporting_stems: list[Pattern] = []
    reporting_endings: list[str] = []
    # Endings that close a reported clause ("…커질 것으로 보인다고 김 교수는 말했다"): the
    # speaker is looked for after the last of them before looking across it.
    quotative_endings: Pattern | None = None
    # "X에 따르면": X is the source of a sentence with no reporting verb.
    according_to: Pattern | None = None
    # Works that speak for their author ("…이 발표한 보고서에 따르면"): the author is the source.
    works: list[str] = []
    # A sentence ending "…는 게 X의 분석이다": X is its source (checked before reporting verbs).
    said_as: Pattern | None = None
    # A sentence that ends by calling itself the view of the speaker before ("…커질 것이라는
    # 설명이다", "…라는 것이다"): that speaker's, else the author's.
    said_so: Pattern | None = None
    speaker_lines: list[Pattern] = []  # captions naming the next speaker: a (?P<name>...) group
    transcript_labels: dict[Literal["question", "answer"], list[Pattern]] = {}  # "―", "Q.", "A."
    titles: list[str] = []
    # A word ending in one of these is a title too ("선임연구위원", "전 국방부 장관").
    title_endings: list[str] = []
    # A body's head written onto its name ("아산정책연구원장": the 장 of 아산정책연구원): the
    # name before it is a person's, as before "아산정책연구원 원장".
    heads: list[str] = []
    # A word ending in one of these names a body, not a person ("통일연구원", "서울대");
    # `body_short_endings` only on words of at least so many syllables (박지원 is a name).
    body_endings: list[str] = []
    body_short_endings: dict[str, int] = {}  # ending -> fewest syllables of a body word
    # Endings of a topic-marked phrase that is what is spoken about, not who speaks
    # ("트럼프 전 대통령에 대해서는 … 꼽았다"): matched at the phrase's end, before 은/는.
    about_endings: list[Pattern] = []
    # Third-person pronouns: "그는 …라고 말했다" is the person last named.
    pronouns: list[str] = []
    actors: dict[str, list[str]] = {}  # canonical name -> Korean names
    unnamed: list[str] = []
    # Places Kiwi reads as proper nouns that are never part of a person's name ("빅터 차
    # 미국 전략국제문제연구소 한국석좌" -> 빅터 차).
    places: list[str] = []
    # The places that name the subject country itself: a body of its own (`actors`) after
    # any other place is that country's ("중국 외교부" is China's, as written).
    own_places: list[str] = []
    # Kinds of body written before a body's name, never a name themselves ("미국 싱크탱크
    # 헤리티지재단" -> 헤리티지재단); read as places are.
    kinds: list[str] = []
    domains: dict[str, list[Pattern]] = {}  # domain id -> terms
    # Endings that close a reason clause ("…을 내건 만큼", "…때문에"): what comes before
    # is why, not the consequence whose direction is judged.
    reason_endings: list[Pattern] = []
    # What the consequence differs from ("…을 입에 올렸던 트럼프 대통령과는 결이 다를 것"):
    # the terms before it describe the other side, not the consequence.
    unlike: list[Pattern] = []
    weak_domains: dict[str, list[Pattern]] = {}  # domain id -> terms counted only when no term matches
    other_elections: list[Pattern] = []  # elections not the lens's ("6·3 대선", "총선"), as in English
    impact: KoreanImpact = KoreanImpact()
    # Effect stems (늘어, 축소) after a theme (수출, 관세) within a few characters: the
    # pair's sign is the theme's value times the effect's ("관세 부담이 줄어" favourable).
    effects: Effects = Effects()
    themes: Themes = Themes()
    # An amount between a theme and its effect does not part them ("성장률이 0.5%포인트
    # 낮아", "수출이 최대 20% 줄어").
    quantities: list[Pattern] = []


class Boilerplate(_Strict):
    drop: list[NamedPattern] = []
    footer: list[NamedPattern] = []


class Signpost(_Strict):
    """An observable indicator. Matched on the dependency parse: a verb among `event`
    (lemmas: announce, order) whose argument holds a word among `object` (reduction,
    withdrawal) and, when given, one among `about` (troop, usfk) in that argument, in any
    word order ("announced a USFK reduction plan", "a reduction of U.S. troops was
    announced"). `pattern`, a plain phrase pattern, also fires it."""

    id: str
    label: str
    outcome: str = "any"
    domain: str
    pattern: Pattern | None = None
    event: list[str] = []
    object: list[str] = []
    about: list[str] = []

    @model_validator(mode="after")
    def _has_a_matcher(self) -> Signpost:
        if self.pattern is None and not (self.event and self.object):
            raise ValueError(f"signpost {self.id!r} needs `event` and `object` lemmas, or a `pattern`")
        return self


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
    places: dict[str, list[str]] = {}  # "{seoul}" in any pattern: one group of these names
    outcomes: list[Outcome] = Field(min_length=1)
    condition_templates: list[Pattern]
    defeat_templates: list[Pattern] = []  # "if {who} loses": the other of a cycle's two candidates
    heading_conditions: list[Pattern] = []  # of a heading alone: "Scenario 1: {who} returns"
    election_terms: list[Pattern] = []
    # The winner's government ("the new administration"): the article's candidate's, or any
    winner_terms: list[Pattern] = []
    cycles: list[Cycle] = []
    prior: dict[str, float] = {}
    bands: dict[Literal[BANDS], tuple[float, float]]  # type: ignore[valid-type]
    cues: list[Cue] = Field(min_length=1)
    non_projections: list[NonProjection] = []
    own_side: list[str] = []
    # The subject named as what a consequence affects ("a huge impact on South Korea",
    # "bad news for Seoul"): a projection that names no domain is then a generic impact
    # statement (ANNOTATION convention 7) whose domain is the article's theme.
    generic_impact: list[Pattern] = []
    # Matters outside every domain ("Democrats could lose the House"): a consequence that
    # names one and no domain term is left out, not completed from the context's domains
    # (ANNOTATION convention 6).
    outside_domains: list[Pattern] = []
    # Countries and economies other than the subject's: a consequence whose subject one of
    # them is, in a sentence that names nothing of the subject (`subject_terms`), is theirs
    # ("Europe could face higher tariffs", "Japan may have to pay more for U.S. troops").
    third_parties: list[Pattern] = []
    subject_terms: list[Pattern] = []
    undergo_verbs: list[str] = []
    # Words too common here to tell one projected event from another (the region's names)
    development_stopwords: list[str] = []
    stance_roles: list[str] = []
    continuations: list[Pattern] = []
    anaphors: list[Pattern] = []  # "That could hit …": the outcome of the sentence before
    contrast_markers: list[Pattern] = []
    clause_breaks: list[Pattern] = []
    reporting_verbs: list[Pattern] = []
    titles: list[str] = []
    organization_heads: list[str] = []
    speech_nouns: list[str] = []  # "Trump's suggestion that …": the possessor speaks
    # Labels opening an interview's paragraphs: the interviewer's ("Q:") and the answer's.
    transcript_labels: dict[Literal["question", "answer"], list[str]] = {}
    document_nouns: list[str] = []  # "A KIEP report said …": the report's author speaks
    spokesperson_nouns: list[str] = []  # "a spokesperson for the Foreign Ministry said …": the ministry
    actors: list[Actor] = []
    domains: list[Domain] = Field(min_length=1)
    # Other spellings of words in domain terms: "north korea" -> ["n\\. korea"].
    spellings: dict[str, list[Pattern]] = {}
    article_domain: ArticleDomain | None = None
    impact: Impact
    direction: DirectionSpec = DirectionSpec()
    ko: KoreanSpec | None = None
    conditional_forecasts: list[Pattern] = []  # "possible only when …": not scored as forecasts
    # Openings that make a clause a condition rather than advice ("Should talks stall, ...").
    conditional_inversions: list[Pattern] = []
    # Openings that set a sentence in the past ("In 2016, analysts predicted that Trump
    # would …", "During his first term, …"): no cue of its clause projects. A `year` group
    # counts only for a year before the article's.
    past_frames: list[Pattern] = []
    # Words right before an outcome phrase that set it in the past ("ties, which withered
    # under Trump, …"): matched on the text ending there; a `past` group is a past form.
    past_before_condition: list[Pattern] = []
    # Elections other than the lens's ("South Korea's June 3 election", "the midterms",
    # "if the opposition wins in April"): a consequence tied to one is no outcome of the
    # lens's election. A `year` group counts only for a year that is none of the cycles'.
    other_elections: list[Pattern] = []
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
        if self.article_domain is not None:
            for did in sorted(self.article_domain.self_contained - set(domain_ids)):
                raise ValueError(
                    f"article_domain.self_contained: unknown domain {did!r} (known: {domain_ids})"
                )
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
