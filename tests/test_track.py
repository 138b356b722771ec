"""Resolutions and forecast scores, on the seeds with the shipped 2020 resolutions."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import yaml

from scenariodesk.cli import app
from scenariodesk.store import Store
from scenariodesk.track import ResolutionError, load_resolutions, score_forecasts

EXAMPLE = Path(__file__).parent.parent / "examples" / "resolutions-2020.yaml"


@pytest.fixture
def resolved_db(seeded_db, tmp_path, runner):
    db = tmp_path / "resolved.db"
    shutil.copy(seeded_db, db)
    result = runner.invoke(app, ["resolve", str(EXAMPLE), "--db", str(db), "--yes"])
    assert result.exit_code == 0, result.output
    return db


def test_example_resolutions_are_valid_and_cited(lens):
    res = load_resolutions(EXAMPLE, lens)
    assert [c.winner for c in res.cycles] == ["biden"]
    assert {e.id for e in res.events} == {"sma-concluded-quickly", "us-nk-summit-2021-2025"}
    assert all(e.citation and e.note for e in res.events)


def test_score_seeds_with_2020_resolutions(resolved_db, lens):
    with Store(resolved_db) as store:
        report = score_forecasts(store, lens, "source")
    assert report.scored >= 3
    assert report.set_aside >= 1  # Trump-conditioned summit forecasts: Trump lost in 2020
    # 2024-cycle articles are never scored against 2020 events
    with Store(resolved_db) as store:
        dates = {s.document.date[:4] for s, _, _ in store.resolved_forecasts()}
    assert dates == {"2020"}
    overall = report.overall
    assert 0 <= overall.brier <= 1 and overall.log_score < 0
    assert sum(c["n"] for c in report.calibration) == report.scored


def test_score_by_domain_counts_each_domain(resolved_db, lens):
    with Store(resolved_db) as store:
        report = score_forecasts(store, lens, "domain")
    groups = {g.group: g for g in report.groups}
    # (0.25 + 0.25 + 0.016) / 3: the Dong-A sentence gives the summit "little prospects" (0.125)
    assert "cost_sharing" in groups and groups["cost_sharing"].brier == pytest.approx(0.172, abs=0.01)


def test_cli_score_json_and_plot(resolved_db, runner, tmp_path):
    plot = tmp_path / "reliability.png"
    result = runner.invoke(app, ["score", "--db", str(resolved_db), "--format", "json", "--plot", str(plot)])
    data = json.loads(result.stdout)
    assert data["overall"]["brier"] > 0 and "set_aside" in data
    assert plot.read_bytes().startswith(b"\x89PNG")


def test_cli_resolve_asks_before_storing(seeded_db, tmp_path, runner):
    db = tmp_path / "ask.db"
    shutil.copy(seeded_db, db)
    result = runner.invoke(app, ["resolve", str(EXAMPLE), "--db", str(db)], input="n\n")
    assert result.exit_code == 0 and "nothing stored" in result.stderr  # declining is no failure
    assert "event sma-concluded-quickly: happened" in result.stdout
    with Store(db) as store:
        assert list(store.resolved_forecasts()) == []


@pytest.mark.parametrize(
    ("content", "words"),
    [
        ({"events": [{"id": "x", "happened": True, "citation": "c"}]}, "development id or a text query"),
        ({"events": [{"id": "x", "happened": True, "query": "q"}]}, "citation"),
        ({"cycles": [{"year": 2020, "winner": "sanders", "citation": "c"}]}, "unknown outcome 'sanders'"),
        ({"events": [{"id": "x", "happened": "maybe", "query": "q", "citation": "c"}]}, "happened"),
    ],
)
def test_bad_resolution_file_names_the_problem(tmp_path, lens, content, words):
    path = tmp_path / "bad.yaml"
    path.write_text(yaml.safe_dump(content))
    with pytest.raises(ResolutionError, match=words):
        load_resolutions(path, lens)


def test_the_forecaster_is_the_source_the_byline_or_the_outlets_author():
    from scenariodesk.models import Document
    from scenariodesk.track import forecaster

    assert forecaster("Victor Cha", Document(text="", outlet="The Korea Times")) == "Victor Cha"
    byline = Document(text="", author="Gi-Jae Han", outlet="The Dong-A Ilbo")
    assert forecaster("author", byline) == "Gi-Jae Han"
    unsigned = Document(text="", outlet="The Korea Times")
    assert forecaster("author", unsigned) == "author (The Korea Times)"


def test_a_forecast_under_its_own_condition_is_set_aside(lens):
    assert lens.conditional_forecast.search(
        "A summit will be possible only when Pyongyang freezes its program."
    )
    assert not lens.conditional_forecast.search("If Biden wins, a summit is unlikely.")


def test_an_unnamed_forecast_is_scored_under_its_articles_byline(tmp_path, lens):
    from scenariodesk.dedupe import fingerprint
    from scenariodesk.models import Document, StatementFilter
    from scenariodesk.pipeline import analyze_store

    text = "If Trump wins, talks with North Korea are likely to resume quickly."
    doc = Document(text=text, date="2024-10-01", outlet="The Dong-A Ilbo", author="Gi-Jae Han", path="a.txt")
    with Store(tmp_path / "byline.db") as store:
        store.add_document(doc, fingerprint(text))
        analyze_store(store, lens)
        (forecast,) = store.iter_statements(StatementFilter(outcome="trump"))
        assert forecast.statement.source == "author" and forecast.document.author == "Gi-Jae Han"
        store.record_cycle(2024, "trump", "", "a citation")
        store.record_event("talks-resume", True, None, "", "a citation", [(forecast, 0.675)])
        report = score_forecasts(store, lens, "source")
    assert [g.group for g in report.groups] == ["Gi-Jae Han"]


def test_every_scored_forecast_is_listed_with_its_statement(resolved_db, lens, runner):
    with Store(resolved_db) as store:
        report = score_forecasts(store, lens, "source")
    assert len(report.forecasts) == report.scored
    assert all(f.sentence and f.document_id and 0 <= f.brier <= 1 for f in report.forecasts)
    md = runner.invoke(app, ["score", "--db", str(resolved_db), "--format", "md"]).stdout
    assert md.count("\n- ") == report.scored and "Brier" in md


def test_the_scores_page_links_each_scored_forecast(resolved_db):
    from fastapi.testclient import TestClient

    from scenariodesk.web import create_app

    with TestClient(create_app(resolved_db), base_url="http://127.0.0.1") as client:
        page = client.get("/scores").text
        data = client.get("/api/v1/scores").json()
    assert data["forecasts"] and all(
        f'href="/documents/{f["document_id"]}#s' in page for f in data["forecasts"]
    )


@pytest.mark.parametrize(
    ("sentence", "query", "expected"),
    [
        # the cue of the clause that names the event, not the sentence's main cue
        (
            "If Biden wins, the alliance could be stabilized, but there are little prospects for a summit.",
            "summit",
            0.125,
        ),
        ("If Trump wins, there will be no summit with Kim.", "summit", 0.125),  # negated
        ("If Trump wins, a summit with Kim is likely.", "summit", 0.675),
        ("If Trump wins, the alliance could improve.", "summit", 0.5),  # not named: its own
        ("If Trump wins, summits with Kim will resume.", "summit", 0.875),  # word forms
    ],
)
def test_a_forecast_gives_the_event_the_likelihood_of_the_clause_naming_it(
    lens, extract, sentence, query, expected
):
    from scenariodesk.models import DocumentRef, StoredStatement
    from scenariodesk.track import Event, event_probability

    (st,) = extract(sentence, date="2020-10-01")
    event = Event(id="e", happened=False, query=query, citation="c")
    assert event_probability(StoredStatement(1, st, DocumentRef(id=1)), event, lens) == pytest.approx(
        expected, abs=0.01
    )
