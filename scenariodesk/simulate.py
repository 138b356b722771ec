"""Monte Carlo over election outcomes and the developments projected under each.

Each run draws a winner from the prior; every development of that outcome (and every
`any` development) then happens with its pooled probability. A domain's figure for a run
is the **net direction of what happened in it**: the mean impact (-1..+1) of the
developments of that domain that happened, 0 when none did. It is bounded whatever the
number of developments, so a talkative corpus does not inflate it. Across runs each
domain reports its mean, 5th and 95th percentiles, the probability it ends unfavourable
(below 0), the developments contributing most, and the sensitivity of that probability
to +0.1 on one outcome's prior (absolute; the other outcomes scaled to keep the sum 1).
Vectorised with NumPy: runs x developments at once.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from scenariodesk.developments import Development

SENSITIVITY_SHIFT = 0.1  # prior points moved toward one outcome for the sensitivity figures


@dataclass(frozen=True)
class Contribution:
    development: str
    label: str
    mean: float  # expected impact it adds to the domain: probability it happens x its impact


@dataclass(frozen=True)
class DomainResult:
    domain: str
    mean: float
    p5: float
    p95: float
    unfavourable: float  # share of runs whose net impact is below zero
    contributions: tuple[Contribution, ...]
    sensitivity: dict[str, float]  # outcome -> change of `unfavourable` for +0.1 (absolute) of prior on it


@dataclass(frozen=True)
class SimulationResult:
    runs: int
    seed: int
    prior: dict[str, float]
    wins: dict[str, float]  # share of runs each outcome won
    domains: tuple[DomainResult, ...]


def parse_prior(text: str) -> dict[str, float]:
    """ "trump=0.55,harris=0.45" -> {"trump": 0.55, "harris": 0.45}."""
    prior = {}
    for part in text.split(","):
        name, sep, value = part.partition("=")
        if not sep:
            raise ValueError(f"prior entry {part!r} is not outcome=probability")
        prior[name.strip()] = float(value)
    return prior


def checked_prior(prior: dict[str, float], outcome_ids: Sequence[str]) -> dict[str, float]:
    """`prior` if every key is a named outcome of the lens ("any" is not one: it holds
    whoever wins) and the weights are usable; else a ValueError naming the problem."""
    named = [o for o in outcome_ids if o != "any"]
    unknown = [o for o in prior if o not in named]
    if unknown:
        raise ValueError(f"unknown outcome {unknown[0]!r}; the lens has {', '.join(named)}")
    _normalized(prior)
    return prior


def _normalized(prior: dict[str, float]) -> dict[str, float]:
    if any(p < 0 for p in prior.values()) or sum(prior.values()) <= 0:
        raise ValueError("prior probabilities must be non-negative and not all zero")
    total = sum(prior.values())
    return {k: v / total for k, v in prior.items()}


def simulate(
    developments: Sequence[Development],
    domains: Sequence[str],
    prior: dict[str, float],
    *,
    runs: int = 10_000,
    seed: int = 0,
    sensitivity: bool = True,
) -> SimulationResult:
    prior = _normalized(prior)
    net, occurred, winners = _run(developments, domains, prior, runs, seed)
    outcomes = list(prior)
    wins = {o: float(np.mean(winners == i)) for i, o in enumerate(outcomes)}
    unfavourable = (net < 0).mean(axis=0)
    shifted: dict[str, np.ndarray] = {}
    if sensitivity:
        for o in outcomes:
            shifted[o] = (_run(developments, domains, shift_prior(prior, o), runs, seed)[0] < 0).mean(axis=0)
    weights = np.array([d.impact for d in developments])[:, None] * _membership(developments, domains)
    contrib = (occurred.mean(axis=0)[:, None] * weights) if len(developments) else np.zeros((0, len(domains)))
    results = []
    for k, domain in enumerate(domains):
        order = np.argsort(-np.abs(contrib[:, k]))[:3] if len(developments) else []
        results.append(
            DomainResult(
                domain=domain,
                mean=round(float(net[:, k].mean()), 4),
                p5=round(float(np.percentile(net[:, k], 5)), 4),
                p95=round(float(np.percentile(net[:, k], 95)), 4),
                unfavourable=round(float(unfavourable[k]), 4),
                contributions=tuple(
                    Contribution(developments[i].id, developments[i].label, round(float(contrib[i, k]), 4))
                    for i in order
                    if contrib[i, k] != 0
                ),
                sensitivity={o: round(float(shifted[o][k] - unfavourable[k]), 4) for o in shifted},
            )
        )
    return SimulationResult(runs, seed, {k: round(v, 4) for k, v in prior.items()}, wins, tuple(results))


def shift_prior(prior: dict[str, float], outcome: str, by: float = SENSITIVITY_SHIFT) -> dict[str, float]:
    """`outcome`'s probability raised by `by` (absolute, at most to 1), the others scaled
    down in proportion so the prior still sums to 1."""
    raised = min(1.0, prior[outcome] + by)
    rest = 1.0 - prior[outcome]
    scale = (1.0 - raised) / rest if rest > 0 else 0.0
    return {k: (raised if k == outcome else v * scale) for k, v in prior.items()}


def _run(
    developments: Sequence[Development], domains: Sequence[str], prior: dict[str, float], runs: int, seed: int
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(net impact runs x domains, occurred runs x developments, winner index per run)."""
    rng = np.random.default_rng(seed)
    outcomes = list(prior)
    winners = rng.choice(len(outcomes), size=runs, p=np.array([prior[o] for o in outcomes]))
    if not developments:
        return np.zeros((runs, len(domains))), np.zeros((runs, 0), dtype=bool), winners
    dev_outcome = np.array([outcomes.index(d.outcome) if d.outcome in prior else -1 for d in developments])
    is_any = np.array([d.outcome == "any" for d in developments])
    probability = np.array([d.probability for d in developments])
    active = (dev_outcome[None, :] == winners[:, None]) | is_any[None, :]
    occurred = active & (rng.random((runs, len(developments))) < probability[None, :])
    member = _membership(developments, domains)
    impact = np.array([d.impact for d in developments])[:, None] * member
    happened = occurred.astype(np.float64)
    total, count = happened @ impact, happened @ member
    net = np.divide(total, count, out=np.zeros_like(total), where=count > 0)
    return net, occurred, winners


def _membership(developments: Sequence[Development], domains: Sequence[str]) -> np.ndarray:
    """developments x domains: 1 where the development is about the domain."""
    index = {d: i for i, d in enumerate(domains)}
    m = np.zeros((len(developments), len(domains)))
    for i, dev in enumerate(developments):
        for d in dev.domains:
            if d in index:
                m[i, index[d]] = 1.0
    return m
