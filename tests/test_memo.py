"""The briefing memo on the seeds: its sections, citations, escaping, and the PDF."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from scenariodesk.memo import build_memo, render_memo, write_memo
from scenariodesk.render.memo import unquoted
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


SHARED = Path(__file__).resolve().parents[2] / "shared"
AUXILIARIES = {"would", "could", "may", "might", "will", "can", "is", "are", "was", "be", "should", "shall"}


@pytest.fixture(scope="module")
def train_memos(lens, tmp_path_factory):
    """One memo per election cycle of ../shared/sets/train (skipped without ../shared)."""
    from scenariodesk.pipeline import analyze_store, ingest_paths

    corpus = SHARED / "sets" / "train" / "corpus"
    if not corpus.is_dir():
        pytest.skip(f"{corpus} not found: the gold sets live in ../shared beside the repository")
    with Store(tmp_path_factory.mktemp("train") / "train.db") as store:
        ingest_paths(store, [corpus], lens)
        analyze_store(store, lens)
        return [build_memo(store, lens, runs=500, cycle=year) for year in store.cycles()]


def _assert_summary_reads_as_prose(memo):
    from scenariodesk.proposition import reads_as_sentence

    lines = [p["stated"] for block in memo["summary"] for p in block["points"]]
    assert lines
    for line in lines:
        first = line.split()[0].strip("\"'“‘").lower()
        assert first not in AUXILIARIES, line  # never a bare auxiliary
        assert line[0].isupper() or line[0] in "\"'“‘", line
        # never cut inside a word or an abbreviation; a quotation it ends in is closed
        assert line.rstrip("'\"’”")[-1] in ".?!", line
        assert line.count('"') % 2 == 0 and len(re.findall(r"(?:^|\s)'\w", line)) <= line.count(
            "' "
        ) + line.endswith("'"), line
        assert reads_as_sentence(line), line  # a verb with its subject


def test_memo_summary_lines_are_complete_sentences_on_the_seeds(memo):
    _assert_summary_reads_as_prose(memo)


def test_memo_summary_lines_are_complete_sentences_on_train(train_memos):
    for memo in train_memos:
        _assert_summary_reads_as_prose(memo)


def test_memo_title_names_the_cycle_and_the_corpus(train_memos):
    for memo in train_memos:
        assert f"the {memo['cycle']} election" in memo["title"]
        assert re.match(r"\d+ articles? (from \d{4}-\d\d-\d\d to \d{4}-\d\d-\d\d|of \d{4})", memo["subtitle"])
        assert "sources" in memo["subtitle"] or "source" in memo["subtitle"]


def test_a_cycles_memo_cites_only_that_cycles_findings(seeded_db, lens):
    # The playbook, signposts and fact check of a cycle's memo come from that election's
    # articles, like its matrix: a 2020 recommendation is no advice for 2024.
    with Store(seeded_db) as store:
        cycles = store.cycles()
        assert len(cycles) >= 2
        for year in cycles:
            memo = build_memo(store, lens, runs=200, cycle=year)
            played = {e["sentence"] for g in memo["playbook"] for e in g["entries"]}
            assert played == {r.sentence for r in store.recommendations(year)}
            assert len(played) < len(store.recommendations())
            watched = sum(len(s["hits"]) for s in memo["signposts"] if s.get("hits"))
            assert watched == len(store.signpost_reports(cycle=year))


def test_memo_quotes_a_quotation_once(html):
    for doubled in ('“"', '"”', "““", "””"):
        assert doubled not in html


@pytest.mark.parametrize("fmt", ["html", "md"])
def test_memo_counts_are_singular_for_one(memo, fmt):
    """ "1 statement from 1 source", never "1 statements from 1 sources", in every section."""
    text = render_memo(memo, fmt)
    assert "from 1 source" in text
    assert not re.search(r"\b1 (statements|sources|developments)\b", text)


@pytest.mark.parametrize(
    ("sentence", "shown"),
    [
        ('"If Biden wins, talks will resume."', "If Biden wins, talks will resume."),
        # a quotation inside the sentence keeps its closing mark, set as a quotation
        # within a quotation
        (
            'A government official said, "Neither side is expected to negotiate as before."',
            "A government official said, ‘Neither side is expected to negotiate as before.’",
        ),
        ("It said the deal would “reset” ties.", "It said the deal would ‘reset’ ties."),
        # the last sentence of a quotation that opened before it
        ('They would settle it right away."', "They would settle it right away."),
        (
            '"Trump will come to the table with a number in mind',
            "Trump will come to the table with a number in mind",
        ),
        # a quotation that closes before its attribution keeps both its marks
        (
            '"A freeze would lock in a nuclear-armed North Korea," said Ahn Byung-joo.',
            "‘A freeze would lock in a nuclear-armed North Korea,’ said Ahn Byung-joo.",
        ),
        ('"Talks will resume," he said, "and soon."', "‘Talks will resume,’ he said, ‘and soon.’"),
        ("“Seoul’s leverage will grow,” she said.", "‘Seoul’s leverage will grow,’ she said."),
        ("“Seoul’s leverage will grow.”", "Seoul’s leverage will grow."),
        ("“Seoul’s leverage won't grow.", "Seoul’s leverage won't grow."),
    ],
)
def test_memo_quotes_drop_only_the_sentences_own_quotation_marks(sentence, shown):
    assert unquoted(sentence) == shown


@pytest.mark.parametrize(
    ("representative", "other", "stated"),
    [
        (
            "This isolation could weaken the alliance.",
            "A second Trump term could weaken the alliance.",
            "A second Trump term could weaken the alliance.",
        ),
        (
            "Its outcome will reshape diplomacy in the region.",
            "The election will reshape diplomacy in the region.",
            "The election will reshape diplomacy in the region.",
        ),
        (
            "I heard that he is going to go for a fourth summit right away.",
            "Trump would likely seek a fourth summit right away.",
            "Trump would likely seek a fourth summit right away.",
        ),
        (
            "A Second-Term Trump Would Keep Trying to Talk to North Korea.",
            "Talks between the heads of the U.S. and North Korea are likely to resume.",
            "Talks between the heads of the U.S. and North Korea are likely to resume.",
        ),
        # where every text leans on its article, the representative's still stands
        ("It would strain the alliance.", "They could strain the alliance.", "It would strain the alliance."),
    ],
)
def test_a_summary_line_does_not_open_by_pointing_back(lens, representative, other, stated):
    from types import SimpleNamespace

    from scenariodesk.memo import _stated

    def member(text):
        return SimpleNamespace(statement=SimpleNamespace(quotable=text, sentence=text))

    dev = SimpleNamespace(representative=1, statements=(1, 2))
    assert _stated(dev, {1: member(representative), 2: member(other)}, lens) == stated
