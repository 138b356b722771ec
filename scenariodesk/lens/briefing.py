"""The lens's patterns for the brief rather than the statements: the playbook's advice,
signposts and fact claims (memo.py, signposts.py, watch.py)."""

from __future__ import annotations

import re
from functools import cached_property
from typing import TYPE_CHECKING

from scenariodesk.lens.patterns import Matcher, compile_matcher, phrase_regex
from scenariodesk.lens.schema import Fact, LensError

if TYPE_CHECKING:
    from scenariodesk.lens.schema import LensModel


class BriefingPatterns:
    """Compiled when first used, from the lens's `model`."""

    model: LensModel

    @cached_property
    def playbook(self) -> Matcher:
        return compile_matcher([(r.id, r.pattern) for r in self.model.playbook], where="playbook")

    @cached_property
    def signposts(self) -> Matcher:
        rules = [(r.id, r.pattern) for r in self.model.signposts if r.pattern is not None]
        return compile_matcher(rules, where="signposts")

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
