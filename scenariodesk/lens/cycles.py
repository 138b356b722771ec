"""The lens's election cycles: which cycle an article's date belongs to, the outcomes it
can mean and the winner that conditions it, the names its candidates go by (their cycle's
aliases, of those running at the date), and each cycle's prior (a mixin of `Lens`)."""

from __future__ import annotations

import datetime as dt
import re
from functools import cached_property, lru_cache
from typing import TYPE_CHECKING

from scenariodesk.lens.patterns import Matcher, WhoMatcher, compile_matcher, who_matcher

if TYPE_CHECKING:
    from scenariodesk.lens.schema import Cycle, LensModel, Outcome


class CyclePeriods:
    """Read from the lens's `model`; `outcome_ids` and `named_outcomes` are the lens's."""

    model: LensModel
    outcome_ids: tuple[str, ...]
    named_outcomes: list[Outcome]

    def _names(self, year: int | None, running: frozenset[str] | None = None) -> dict[str, list[str]]:
        """Each named outcome's names as regex fragments, with the cycle's aliases of the
        candidates `running` at the article's date (all the cycle's when None): "the
        Democratic nominee" was Biden until July 2024, Harris after."""
        names = {o.id: [re.escape(n).replace(r"\ ", " ") for n in o.names] for o in self.named_outcomes}
        for cycle in self.model.cycles:
            if cycle.year == year:
                for c in cycle.candidates:
                    if running is None or c.outcome in running:
                        names.setdefault(c.outcome, []).extend(c.aliases)
        return names

    @cached_property
    def candidate_names(self) -> Matcher:
        """Any name of any candidate, plus he/she; rule name = outcome id or 'pronoun'."""
        return self.candidate_names_for(None)

    @cached_property
    def conditions(self) -> WhoMatcher:
        return self.conditions_for(None)

    @lru_cache(maxsize=32)  # noqa: B019 - a lens lives as long as the process
    def candidate_names_for(self, year: int | None, running: frozenset[str] | None = None) -> Matcher:
        """Candidate names as articles of cycle `year` write them (None: names only), the
        aliases of those `running` (see `_names`)."""
        rules = [(o, n) for o, names in self._names(year, running).items() for n in names]
        rules.append(("pronoun", "(he|she|him|her|his)"))
        return compile_matcher(rules, where="outcomes.names")

    @lru_cache(maxsize=32)  # noqa: B019
    def conditions_for(self, year: int | None, running: frozenset[str] | None = None) -> WhoMatcher:
        """Outcome phrases. Rule names are `outcome:template-index`, `*:i` for pronouns or
        no name (resolved from context), or `any:i` for the outcome-independent phrases."""
        all_names = self._names(year, running)
        names = {o.id: all_names[o.id] for o in self.named_outcomes}
        phrases = [(o.id, p) for o in self.model.outcomes for p in o.phrases]
        # "If Trump loses": "~trump", the other candidate of the article's date (discourse.py)
        for outcome, its_names in names.items():
            who = f"(?:{'|'.join(its_names)})"
            phrases += [(f"~{outcome}", t.replace("{who}", who)) for t in self.model.defeat_templates]
        return who_matcher(self.model.condition_templates, names, phrases, where="condition_templates")

    @lru_cache(maxsize=32)  # noqa: B019
    def heading_conditions_for(self, year: int | None, running: frozenset[str] | None = None) -> WhoMatcher:
        """Outcome phrases of a headline alone ("Scenario 1: Trump returns"), named as
        `conditions_for` names its own."""
        names = {o.id: self._names(year, running)[o.id] for o in self.named_outcomes}
        return who_matcher(self.model.heading_conditions, names, [], where="heading_conditions")

    def default_prior(self, cycle: int | None = None) -> dict[str, float]:
        """The lens's prior over outcomes, or every named outcome equally likely; for a
        cycle, over the candidates on its ballot (a candidate who withdrew before election
        day gets none), from the lens's prior if it covers them, else equally."""
        if cycle is not None:
            candidates = self._cycle(cycle).on_the_ballot
            if not set(candidates) <= set(self.model.prior):
                return {o: 1 / len(candidates) for o in candidates}
            return {o: p for o, p in self.model.prior.items() if o in candidates}
        return dict(self.model.prior) or {o: 1.0 for o in self.outcome_ids if o != "any"}

    def cycle_outcomes(self, year: int) -> tuple[str, ...]:
        """The outcomes of one cycle, in the lens's order: its candidates, then "any"."""
        running = {c.outcome for c in self._cycle(year).candidates} | {"any"}
        return tuple(o for o in self.outcome_ids if o in running)

    def _cycle(self, year: int) -> Cycle:
        found = next((c for c in self.model.cycles if c.year == year), None)
        if found is None:
            years = ", ".join(str(c.year) for c in self.model.cycles)
            raise KeyError(f"no cycle {year} in the lens (it has {years})")
        return found

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

    def outcomes_for_date(self, date: str) -> tuple[frozenset[str] | None, str | None]:
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
            return frozenset(names | ({cycle.winner} if cycle.winner else set())), cycle.winner
        day = dt.date.fromisoformat(date[:10])
        names = {
            c.outcome
            for c in cycle.candidates
            if (c.since is None or day >= c.since) and (c.until is None or day < c.until)
        }
        return frozenset(names), None
