"""End to end through the CLI, on the bundled seed corpus."""

from __future__ import annotations

import json

import pytest

from scenariodesk.cli import app


def run(runner, *args):
    return runner.invoke(app, [str(a) for a in args], catch_exceptions=False)


@pytest.fixture(scope="module")
def seeded_cli(tmp_path_factory, seed_dir):
    """A database built through the CLI itself: ingest then analyze."""
    from typer.testing import CliRunner

    runner = CliRunner()
    db = tmp_path_factory.mktemp("cli") / "desk.db"
    ingest = run(runner, "ingest", seed_dir, "--db", db)
    analyze = run(runner, "analyze", "--db", db)
    return db, ingest, analyze


def _statements(runner, db, *filters):
    result = run(runner, "statements", "--db", db, "--format", "json", *filters)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_cli_ingest_and_analyze_report_counts(seeded_cli):
    _, ingest, analyze = seeded_cli
    assert ingest.exit_code == 0
    assert "5 added, 0 duplicates skipped, 0 errors" in ingest.stderr
    assert analyze.exit_code == 0
    assert "5 documents analyzed" in analyze.stderr


def test_cli_reingest_adds_nothing_and_says_so(runner, seeded_cli, seed_dir):
    db, _, _ = seeded_cli
    result = run(runner, "ingest", seed_dir, "--db", db)
    assert result.exit_code == 0
    assert "0 added, 5 duplicates skipped" in result.stderr and "nothing new" in result.stderr


def test_cli_analyze_is_incremental(runner, seeded_cli):
    db, _, _ = seeded_cli
    result = run(runner, "analyze", "--db", db)
    assert result.exit_code == 0
    assert "nothing to analyze" in result.stderr


# Statements a reader of the seeds expects, with the fields the analyzer must give them.
EXPECTED = [
    pytest.param(
        "Some experts say a Trump reelection will bring more difficulties for Korea",
        {"condition": "trump", "direction": "-", "likelihood": "very_likely", "source": "author"},
        "cost_sharing",
        id="unnamed-experts-trump",
    ),
    pytest.param(
        "Cha highlighted that in the event of a Trump victory there would be the possibility",
        {"condition": "trump", "likelihood": "even_chance", "source": "Victor Cha"},
        "nk_diplomacy",
        id="surname-resolved",
    ),
    pytest.param(
        "Regardless of who takes office, protectionist trade barriers are expected to rise",
        {"condition": "any", "direction": "-", "likelihood": "likely", "source": "author"},
        "trade",
        id="regardless-any",
    ),
    pytest.param(
        "Biden presidency could expedite cost-sharing talks",
        {"condition": "biden", "direction": "+", "likelihood": "even_chance"},
        "cost_sharing",
        id="headline",
    ),
    pytest.param(
        "The National Intelligence Service recently reported",
        {"condition": "any", "source": "National Intelligence Service"},
        "nk_threat",
        id="named-body",
    ),
]


@pytest.mark.parametrize(("fragment", "fields", "domain"), EXPECTED)
def test_cli_statements_on_seeds(runner, seeded_cli, fragment, fields, domain):
    db, _, _ = seeded_cli
    found = [s for s in _statements(runner, db) if fragment in s["sentence"]]
    assert found, fragment
    st = found[0]
    for key, value in fields.items():
        assert st[key] == value, (key, st)
    assert domain in st["domains"]
    assert st["rules"] and st["cue"]["text"]
    assert st["outlet"] and st["document_id"]


def test_cli_statements_filters(runner, seeded_cli):
    db, _, _ = seeded_cli
    cha = _statements(runner, db, "--source", "cha")
    assert cha and {s["source"] for s in cha} == {"Victor Cha"}
    harris = _statements(runner, db, "--outcome", "harris", "--domain", "alliance")
    assert harris and all(s["condition"] == "harris" and "alliance" in s["domains"] for s in harris)


def test_cli_matrix_json_cells_carry_evidence(runner, seeded_cli):
    db, _, _ = seeded_cli
    result = run(runner, "matrix", "--db", db, "--format", "json", "--cycle", "all")
    data = json.loads(result.stdout)
    cells = {(c["outcome"], c["domain"]): c for row in data["rows"] for c in row["cells"] if c}
    cell = cells[("trump", "cost_sharing")]
    assert cell["statements"] >= 4 and cell["net_direction"] < 0
    assert 1 <= len(cell["evidence"]) <= 3
    assert all(e["sentence"] and e["document_id"] for e in cell["evidence"])
    assert cells[("biden", "cost_sharing")]["net_direction"] > 0


@pytest.mark.parametrize(
    ("fmt", "marker"),
    [("table", "Scenario matrix"), ("md", "| outcome |"), ("csv", "outcome,domain,statements")],
)
def test_cli_matrix_formats(runner, seeded_cli, fmt, marker):
    db, _, _ = seeded_cli
    result = run(runner, "matrix", "--db", db, "--format", fmt)
    assert result.exit_code == 0
    assert marker in result.stdout


def test_cli_matrix_table_fits_120_columns(runner, seeded_cli):
    db, _, _ = seeded_cli
    result = run(runner, "matrix", "--db", db)
    assert max(len(line) for line in result.stdout.splitlines()) <= 120


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["matrix", "--outcome", "sanders"], "unknown outcome 'sanders'"),
        (["matrix", "--format", "xml"], "--format must be one of"),
        (["statements", "--domain", "space"], "unknown domain 'space'"),
    ],
)
def test_cli_rejects_bad_options_in_one_line(runner, seeded_cli, args, message):
    db, _, _ = seeded_cli
    result = run(runner, *args, "--db", db)
    assert result.exit_code == 2
    assert message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_cli_ingest_bad_files_exit_1_and_keep_the_rest(runner, tmp_path, seed_dir):
    folder = tmp_path / "mixed"
    folder.mkdir()
    (folder / "bad.txt").write_bytes(b"\xff\xfe\x00\x00garbage")
    (folder / "good.txt").write_text((seed_dir / "000_16a97b92ba37bd71.txt").read_text())
    (folder / "feed.jsonl").write_text('{"text": "x"\n')
    db = tmp_path / "m.db"
    result = run(runner, "ingest", folder, "--db", db)
    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 2
    assert any("bad.txt" in e for e in errors) and any("feed.jsonl:1" in e for e in errors)
    assert "1 added" in result.stderr


def test_cli_bad_lens_is_one_line(runner, tmp_path):
    lens = tmp_path / "lens.yaml"
    lens.write_text("cues:\n  - {id: x, pattern: maybe, band: sorta}\n")
    result = run(runner, "analyze", "--lens", lens, "--db", tmp_path / "x.db")
    assert result.exit_code == 2
    assert str(lens) in result.stderr and "cues.0.band" in result.stderr


def test_cli_eval_json_has_the_contract_keys(runner, seed_dir, gold_path):
    result = run(runner, "eval", "--gold", gold_path, "--corpus", seed_dir, "--json")
    data = json.loads(result.stdout)
    assert set(data) == {"detection", "domains", "direction", "likelihood", "source", "missed", "spurious"}
    assert set(data["detection"]) == {"precision", "recall", "f1", "tp", "fp", "fn"}
    assert set(data["likelihood"]) == {"accuracy", "mae", "n"}
    assert set(data["direction"]) == {"accuracy", "n", "confusion"}
    assert set(data["domains"]) == {"precision", "recall", "f1", "per_domain"}


def test_cli_eval_text_shows_where_domains_and_direction_are_lost(runner, seed_dir, gold_path):
    result = run(runner, "eval", "--gold", gold_path, "--corpus", seed_dir)
    lines = result.stdout.splitlines()
    header = next(i for i, line in enumerate(lines) if "gold \\ predicted" in line)
    rows = [line.split() for line in lines[header + 1 : header + 4]]
    assert [row[0] for row in rows] == ["+", "-", "0"]
    matched = int(next(line for line in lines if line.startswith("direction")).split("(n ")[1].rstrip(")"))
    assert sum(int(v) for row in rows for v in row[1:]) == matched
    assert any(line.split()[:1] == ["nk_diplomacy"] and len(line.split()) == 6 for line in lines)


def test_cli_demo_prints_matrix_with_citations(runner, tmp_path):
    result = run(runner, "demo", "--db", tmp_path / "demo.db")
    assert result.exit_code == 0
    assert "Scenario matrix" in result.stdout
    assert "Victor Cha" in result.stdout and "The Korea Times" in result.stdout


@pytest.mark.parametrize(
    "command",
    [
        "ingest",
        "analyze",
        "matrix",
        "statements",
        "eval",
        "demo",
        "serve",
        "developments",
        "simulate",
        "brief",
    ],
)
def test_cli_help(runner, command):
    result = run(runner, command, "--help")
    assert result.exit_code == 0
    assert "Usage" in result.stdout


def test_cli_developments_json(runner, seeded_cli):
    db, _, _ = seeded_cli
    result = run(runner, "developments", "--db", db, "--format", "json", "--outcome", "trump")
    devs = json.loads(result.stdout)
    assert devs and {d["outcome"] for d in devs} == {"trump"}
    assert all(0 < d["probability"] < 1 and d["statements"] and d["label"] for d in devs)


def test_cli_simulate_is_deterministic_and_checks_the_prior(runner, seeded_cli):
    db, _, _ = seeded_cli
    args = (
        "simulate",
        "--db",
        db,
        "--prior",
        "trump=0.55,harris=0.45",
        "--runs",
        "500",
        "--seed",
        "4",
        "--format",
        "json",
    )
    first, second = run(runner, *args), run(runner, *args)
    assert first.stdout == second.stdout
    data = json.loads(first.stdout)
    assert data["prior"] == {"trump": 0.55, "harris": 0.45}
    assert {d["domain"] for d in data["domains"]} >= {"alliance", "nk_threat"}
    bad = run(runner, "simulate", "--db", db, "--prior", "sanders=1")
    assert bad.exit_code == 2 and "unknown outcome 'sanders'" in bad.stderr


@pytest.mark.parametrize("fmt", ["html", "md"])
def test_cli_brief_writes_the_memo(runner, seeded_cli, tmp_path, fmt):
    db, _, _ = seeded_cli
    out = tmp_path / f"brief.{fmt}"
    result = run(runner, "brief", "--db", db, "--format", fmt, "--out", out, "--runs", "500")
    assert result.exit_code == 0, result.output
    text = out.read_text()
    assert "Executive summary" in text and "Fact check" in text


def test_cli_matrix_per_cycle_shows_that_cycles_candidates(runner, seeded_cli):
    db, _, _ = seeded_cli
    outcomes = {}
    for cycle in (2020, 2024):
        result = run(runner, "matrix", "--db", db, "--format", "json", "--cycle", cycle)
        assert result.exit_code == 0, result.output
        outcomes[cycle] = {r["outcome"] for r in json.loads(result.stdout)["rows"] if any(r["cells"])}
    assert outcomes[2020] <= {"trump", "biden", "any"} and "biden" in outcomes[2020]
    assert outcomes[2024] <= {"trump", "harris", "any"} and "harris" in outcomes[2024]
    unknown = run(runner, "matrix", "--db", db, "--cycle", 2012)
    assert unknown.exit_code == 2 and "no cycle 2012" in unknown.stderr


def test_cli_statements_per_cycle(runner, seeded_cli):
    db, _, _ = seeded_cli
    every = _statements(runner, db)
    per_cycle = _statements(runner, db, "--cycle", 2020) + _statements(runner, db, "--cycle", 2024)
    assert sorted(s["sentence"] for s in per_cycle) == sorted(s["sentence"] for s in every)


def test_cli_matrix_shows_one_cycle_with_its_candidates(runner, seeded_cli):
    db, _, _ = seeded_cli

    def outcomes(*cycle):
        result = run(runner, "matrix", "--db", db, "--format", "json", *cycle)
        return {r["outcome"] for r in json.loads(result.stdout)["rows"]}, result.stderr

    latest, note = outcomes()
    assert latest == outcomes("--cycle", "2024")[0] and "cycle 2024:" in note
    assert outcomes("--cycle", "2020")[0] <= {"trump", "biden", "any"}
    assert "biden" in outcomes("--cycle", "2020")[0] and "harris" not in outcomes("--cycle", "2020")[0]
    assert "harris" in latest and "biden" not in latest
    assert outcomes("--cycle", "all")[0] >= latest | {"biden"}
    bad = runner.invoke(app, ["matrix", "--db", db, "--cycle", "1999"])
    assert bad.exit_code == 2 and "no cycle 1999" in bad.stderr


def test_cli_matrix_json_is_the_apis_matrix(runner, seeded_cli):
    """One shape for one thing: the CLI prints the API's response model (schemas.MatrixOut)."""
    from fastapi.testclient import TestClient

    from scenariodesk.web import create_app

    db, _, _ = seeded_cli
    cli = json.loads(run(runner, "matrix", "--db", db, "--format", "json", "--cycle", "2020").stdout)
    with TestClient(create_app(db), base_url="http://127.0.0.1") as client:
        api = client.get("/api/v1/matrix?cycle=2020").json()
        schema = client.get("/openapi.json").json()["components"]["schemas"]
    assert cli == api
    assert {"MatrixOut", "CellOut", "StatementOut"} <= set(schema)
