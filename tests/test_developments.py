"""Developments (clusters of statements about one projected event) and the simulation."""

from __future__ import annotations

import math

import numpy as np
import pytest

from scenariodesk.developments import Development, find_developments
from scenariodesk.models import DocumentRef, Span, Statement, StoredStatement
from scenariodesk.simulate import parse_prior, simulate


def _stored(
    i,
    sentence,
    *,
    condition="trump",
    domains=("nk_diplomacy",),
    direction="+",
    p=0.675,
    source="author",
    outlet="O",
):
    st = Statement(
        sentence=sentence,
        sentence_span=(0, len(sentence)),
        condition=condition,
        domains=domains,
        direction=direction,
        likelihood="likely",
        probability=p,
        cue=Span(sentence.index("likely"), sentence.index("likely") + 6, "likely"),
        condition_phrase=None,
        source=source,
        source_phrase="",
        rules=(),
    )
    return StoredStatement(i, st, DocumentRef(id=i, outlet=outlet, date="2024-10-01"))


def test_developments_group_statements_about_the_same_event(lens):
    rows = [
        _stored(
            1,
            "Trump is likely to hold a fourth summit with Kim Jong-un early in his term.",
            source="Victor Cha",
        ),
        _stored(
            2,
            "A fourth summit with Kim is likely early in a second term.",
            p=0.875,
            source="John Hamre",
            outlet="P",
        ),
        _stored(
            3,
            "Trump is likely to demand more for cost-sharing from Seoul.",
            domains=("cost_sharing",),
            direction="-",
        ),
        _stored(4, "Harris is likely to hold a summit with Kim early on.", condition="harris"),
    ]
    devs = find_developments(rows, lens)
    summit = next(d for d in devs if 1 in d.statements)
    assert set(summit.statements) == {1, 2}
    assert summit.sources == ("John Hamre", "Victor Cha") and summit.outlets == ("O", "P")
    assert summit.representative == 2  # the likeliest statement seeds the development
    assert "fourth summit" in summit.label
    # pooled: mean of each source's log-odds, back to a probability
    logit = lambda p: math.log(p / (1 - p))  # noqa: E731
    assert summit.probability == pytest.approx(
        1 / (1 + math.exp(-(logit(0.675) + logit(0.875)) / 2)), abs=1e-3
    )
    assert [d.outcome for d in devs] == ["trump", "trump", "harris"]


def _dev(i, outcome, p, impact, domains):
    return Development(
        f"{outcome}-{i}",
        outcome,
        f"dev {i}",
        domains,
        p,
        impact,
        "+" if impact > 0 else "-",
        (i,),
        ("a",),
        (),
        (),
        i,
    )


DEVS = [
    _dev(1, "trump", 0.8, -1.0, ("alliance",)),
    _dev(2, "trump", 0.5, -1.0, ("alliance", "troops")),
    _dev(3, "harris", 0.9, 1.0, ("alliance",)),
    _dev(4, "any", 0.5, -1.0, ("nk_threat",)),
]
DOMAINS = ["alliance", "troops", "nk_threat"]


def test_simulation_is_deterministic_for_a_seed():
    a = simulate(DEVS, DOMAINS, {"trump": 0.5, "harris": 0.5}, runs=2000, seed=7)
    b = simulate(DEVS, DOMAINS, {"trump": 0.5, "harris": 0.5}, runs=2000, seed=7)
    assert a == b
    assert simulate(DEVS, DOMAINS, {"trump": 0.5, "harris": 0.5}, runs=2000, seed=8) != a


def test_simulation_matches_the_expected_values():
    result = simulate(DEVS, DOMAINS, {"trump": 0.6, "harris": 0.4}, runs=200_000, seed=1)
    by = {d.domain: d for d in result.domains}
    # alliance, the mean impact of what happens there: trump wins (0.6) and one of its two
    # unfavourable developments happens with 1 - 0.2 * 0.5; harris (0.4) and its one
    # favourable development happens with 0.9
    assert by["alliance"].mean == pytest.approx(0.6 * -(1 - 0.2 * 0.5) + 0.4 * 0.9, abs=0.01)
    assert all(-1 <= d.p5 <= d.p95 <= 1 for d in result.domains)  # bounded, whatever the corpus
    assert by["nk_threat"].mean == pytest.approx(-0.5, abs=0.01)  # happens whoever wins
    assert by["nk_threat"].unfavourable == pytest.approx(0.5, abs=0.01)
    assert result.wins["trump"] == pytest.approx(0.6, abs=0.01)
    assert by["alliance"].contributions[0].development == "trump-1"
    # more prior on trump makes the alliance more likely to end unfavourable
    assert by["alliance"].sensitivity["trump"] > 0 > by["alliance"].sensitivity["harris"]
    assert by["nk_threat"].sensitivity["trump"] == pytest.approx(0, abs=0.01)


def test_sensitivity_moves_the_prior_by_a_tenth_absolute():
    from scenariodesk.simulate import shift_prior

    moved = shift_prior({"trump": 0.5, "harris": 0.5}, "trump")
    assert moved == pytest.approx({"trump": 0.6, "harris": 0.4})
    assert shift_prior({"trump": 0.95, "harris": 0.05}, "trump") == pytest.approx(
        {"trump": 1.0, "harris": 0.0}
    )


def test_simulation_percentiles_bracket_the_mean():
    result = simulate(DEVS, DOMAINS, {"trump": 1.0}, runs=5000, seed=3)
    for d in result.domains:
        assert d.p5 <= d.mean <= d.p95


@pytest.mark.parametrize(
    ("text", "expected"),
    [("trump=0.55,harris=0.45", {"trump": 0.55, "harris": 0.45}), ("trump=1", {"trump": 1.0})],
)
def test_parse_prior(text, expected):
    assert parse_prior(text) == expected


@pytest.mark.parametrize("text", ["trump", "trump=abc"])
def test_parse_prior_rejects_bad_text(text):
    with pytest.raises(ValueError):
        parse_prior(text)


def test_simulation_rejects_an_empty_prior():
    with pytest.raises(ValueError, match="prior"):
        simulate(DEVS, DOMAINS, {"trump": 0.0})


def test_simulation_handles_no_developments():
    result = simulate([], DOMAINS, {"trump": 1.0}, runs=100)
    assert all(d.mean == 0 and d.unfavourable == 0 for d in result.domains)
    assert np.isclose(sum(result.wins.values()), 1.0)


def test_bcubed_scores_a_clustering_against_the_gold():
    from scenariodesk.evaluate import bcubed

    gold = {1: "a", 2: "a", 3: "b"}
    assert bcubed({1: "x", 2: "x", 3: "y"}, gold) == (1.0, 1.0, 1.0)
    p, r, _ = bcubed({1: "x", 2: "y", 3: "z"}, gold)  # all apart: precise, recall 2/3
    assert p == 1.0 and r == pytest.approx((0.5 + 0.5 + 1) / 3)
    p, r, _ = bcubed({1: "x", 2: "x", 3: "x"}, gold)  # all together
    assert r == 1.0 and p == pytest.approx((2 / 3 + 2 / 3 + 1 / 3) / 3)


def test_developments_on_the_seeds_group_like_the_development_gold(seeded_db, lens, gold_path):
    """Floor under the figure benchmarks/developments.py prints on the seeds (0.74 B-cubed F1
    when this test was written; the issue's target is 0.8)."""
    import hashlib
    import json
    from pathlib import Path

    from scenariodesk.evaluate import bcubed, collapse, load_gold
    from scenariodesk.models import StatementFilter
    from scenariodesk.store import Store

    gold_file = Path(__file__).resolve().parents[1] / "benchmarks" / "data" / "developments-gold.jsonl"
    events = {}
    for line in gold_file.read_text("utf-8").splitlines():
        row = json.loads(line)
        events[(row["doc"], row["sentence_sha1"], row["condition"])] = row["event"]
    items = {}
    for g in load_gold(gold_path):
        key = hashlib.sha1(collapse(g.sentence).encode()).hexdigest()[:16]
        items.setdefault((g.doc, g.condition), []).append(
            (collapse(g.sentence), events[(g.doc, key, g.condition)])
        )
    predicted, gold = {}, {}
    with Store(seeded_db) as store:
        for year in store.cycles():
            stored = list(store.iter_statements(StatementFilter(cycle=year)))
            for dev in find_developments(stored, lens):
                predicted.update({i: f"{year}:{dev.id}" for i in dev.statements})
            for s in stored:
                sentence = collapse(s.statement.sentence)
                for text, event in items.get((Path(s.document.path).name, s.statement.condition), []):
                    if sentence in text or text in sentence:
                        gold[s.id] = f"{year}:{event}"
                        break
    assert len(gold) >= 70
    precision, recall, f1 = bcubed(predicted, gold)
    assert f1 >= 0.72, (precision, recall, f1)


def test_developments_are_cached_until_an_analysis_is_saved(seeded_db, lens, tmp_path):
    import shutil

    from scenariodesk.developments import developments_of
    from scenariodesk.models import Analysis, StatementFilter
    from scenariodesk.store import Store

    db = tmp_path / "cache.db"
    shutil.copy(seeded_db, db)
    with Store(db) as store:
        fresh = find_developments(store.iter_statements(StatementFilter(cycle=2020)), lens)
        assert developments_of(store, lens, 2020) == fresh  # computed and kept
        assert developments_of(store, lens, 2020) == fresh  # read back from the cache
        assert developments_of(store, lens, 2020, outcome="biden") == [
            d for d in fresh if d.outcome == "biden"
        ]
        before = store.generation()
        doc = next(s for s in store.iter_statements(StatementFilter(cycle=2020))).document.id
        store.save_analysis(doc, Analysis(cycle=2020), lens.fingerprint)  # its statements gone
        assert store.generation() > before
        after = developments_of(store, lens, 2020)
        assert after == find_developments(store.iter_statements(StatementFilter(cycle=2020)), lens)
        assert sum(d.support for d in after) < sum(d.support for d in fresh)
