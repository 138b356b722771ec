"""The briefing memo on the seeds: its sections, citations, escaping, and the PDF."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from scenariodesk.memo import build_memo, render_memo, write_memo
from scenariodesk.store import Store

SECTIONS = [
    "Executive summary",
    "Scenario matrix",
    "Simulation",
    "Playbook",
    "Signposts",
    "Fact check",
    "Sources",
]


@pytest.fixture(scope="module")
def memo(seeded_db, lens):
    with Store(seeded_db) as store:
        return build_memo(
            store,
            lens,
            prior={"trump": 0.55, "harris": 0.45},
            runs=2000,
            seed=1,
            web_url="http://127.0.0.1:8000",
        )


@pytest.fixture(scope="module")
def html(memo):
    return render_memo(memo, "html")


@pytest.mark.parametrize("section", SECTIONS)
def test_memo_has_section(html, section):
    assert f">{section}</h2>" in html


def test_memo_has_a_section_per_domain_with_statements(memo, html):
    assert {d["id"] for d in memo["domains"]} >= {"nk_diplomacy", "alliance", "cost_sharing", "nk_threat"}
    for d in memo["domains"]:
        assert f'id="domain-{d["id"]}"' in html


def test_memo_every_citation_resolves_to_a_reference(memo, html):
    cited = {int(n) for n in re.findall(r'href="#ref-(\d+)"', html)}
    listed = {r["n"] for r in memo["references"]}
    assert cited and cited <= listed
    assert listed == set(range(1, len(listed) + 1))
    for r in memo["references"]:
        assert r["document_id"] and r["sentence"]
        assert r["link"].startswith("http://127.0.0.1:8000/documents/")


def test_memo_summary_uses_estimative_words_and_numbers(memo):
    trump = next(b for b in memo["summary"] if b["outcome"] == "trump")
    assert trump["points"]
    for p in trump["points"]:
        assert p["band"] in {
            "almost no chance",
            "very unlikely",
            "unlikely",
            "even chance",
            "likely",
            "very likely",
            "almost certain",
        }
        assert 0 < p["probability"] < 1 and p["refs"]


def test_memo_fact_check_flags_the_inflated_troop_number(memo):
    troops = next(f for f in memo["facts"] if f["id"] == "usfk-troops")
    wrong = [c for c in troops["claims"] if c["verdict"] == "contradicts"]
    assert [c["value"] for c in wrong] == [42000.0]
    assert wrong[0]["source"] == "Donald Trump"
    assert any(c["verdict"] == "consistent" for c in troops["claims"])


def test_memo_playbook_groups_recommendations(memo):
    assert memo["playbook"]
    assert all(g["entries"] for g in memo["playbook"])


def test_memo_markdown_has_the_same_sections(memo):
    md = render_memo(memo, "md")
    for section in SECTIONS:
        assert f"## {section}" in md


def test_memo_escapes_article_text(memo):
    evil = dict(memo)
    evil["references"] = [dict(memo["references"][0], sentence="<script>alert(1)</script> [x](javascript:y)")]
    html = render_memo(evil, "html")
    assert "<script>alert(1)" not in html and "&lt;script&gt;" in html
    md = render_memo(evil, "md")
    assert "<script>" not in md and "\\[x\\]" in md


@pytest.mark.skipif(shutil.which("chromium") is None, reason="the PDF is printed by Debian's chromium")
def test_memo_pdf_is_written(memo, tmp_path):
    out = write_memo(memo, "pdf", tmp_path / "brief.pdf")
    data = Path(out).read_bytes()
    assert data.startswith(b"%PDF") and len(data) > 50_000
