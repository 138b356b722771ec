"""Boilerplate removal on the scraped seed articles: junk goes, body stays."""

from __future__ import annotations

import json
import re
import textwrap

import pytest

from scenariodesk.clean import clean_text

JUNK = [
    "Go to contents",  # navigation
    "Text Size",
    "bar_progress",
    "Special Coverage",
    "Join us on social",  # social
    "[Image source=Yonhap News]",  # caption credit
    "Reuters-Yonhap |",
    "AP-Yonhap |",
    "Dreamstime",  # image credit
    "record@donga.com",  # byline e-mail
    "By Do Je-hae",  # byline
    "By Jihoon Yu",
    "Subscribe for full access",  # subscription
    "Already a subscriber",
    "All rights reserved",
    "Posted November. 04, 2020",
    "The Bad Blood Between Sheikh Hasina and the US",  # related links after the paywall
]


@pytest.fixture(scope="module")
def cleaned(seed_dir, lens):
    return {p.name: clean_text(p.read_text("utf-8"), lens) for p in sorted(seed_dir.glob("*.txt"))}


@pytest.mark.parametrize("junk", JUNK)
def test_clean_removes_junk_line(cleaned, junk):
    survivors = [name for name, c in cleaned.items() if junk in c.text]
    assert survivors == []
    assert any(junk in line for c in cleaned.values() for line in c.removed)


def test_clean_keeps_every_body_paragraph(cleaned, seed_dir, gold_path):
    """Every line of 25+ words before a paywall or footer survives, and so does every
    gold sentence (headlines included)."""
    footers = ("Want to read more?", "Special Coverage", "The Authors")
    for name, c in cleaned.items():
        raw = (seed_dir / name).read_text("utf-8")
        for marker in footers:
            raw = raw.split(marker)[0]
        for line in raw.splitlines():
            if len(line.split()) >= 25 and "[Image source" not in line and "|" not in line:
                assert " ".join(line.split()) in " ".join(c.text.split()), (name, line[:60])
    for line in gold_path.read_text().splitlines():
        item = json.loads(line)
        assert item["sentence"] in " ".join(cleaned[item["doc"]].text.split())


def test_clean_drops_repeated_title_but_keeps_first(cleaned):
    text = cleaned["000_16a97b92ba37bd71.txt"].text
    assert text.count("The impact of U.S. presidential election result on Korean Peninsula") == 1


def test_clean_keeps_short_headings_inside_the_body(lens):
    raw = "Home\n\nA long opening paragraph " + "word " * 25 + "\n\nState of alliance\n\nMore text here."
    c = clean_text(raw, lens)
    assert "State of alliance" in c.text
    assert "Home" not in c.text.split("\n\n")


def _wrap(text: str, between: str) -> str:
    """Each paragraph hard-wrapped at 64 characters, as text pasted from an e-mail is."""
    return between.join(textwrap.fill(p, 64, break_on_hyphens=False) for p in text.split("\n\n"))


def test_a_hard_wrapped_article_reads_as_the_paragraphs_it_was_wrapped_from(cleaned, lens):
    for name, c in cleaned.items():
        assert clean_text(_wrap(c.text, "\n\n"), lens).text == c.text, name


def test_without_blank_lines_a_hard_wrapped_article_keeps_every_sentence_whole(cleaned, lens, gold_path):
    """Every sentence of the body (a headline of several lines with no blank line after
    it cannot be told from the paragraph under it, and may be cut)."""
    wrapped = {name: clean_text(_wrap(c.text, "\n"), lens).text.split("\n\n") for name, c in cleaned.items()}
    for line in gold_path.read_text().splitlines():
        item = json.loads(line)
        if not re.search(r"[.!?\"”]$", item["sentence"]):
            continue
        paragraphs = [" ".join(p.split()) for p in wrapped[item["doc"]]]
        assert any(item["sentence"] in p for p in paragraphs), item["sentence"]


def test_a_wrapped_article_gives_the_statements_of_the_unwrapped_one(cleaned, lens):
    from scenariodesk.analyze import extract_statements
    from scenariodesk.models import Document

    text = cleaned["002_d509663c740449ec.txt"].text
    statements = [
        [
            (s.sentence, s.condition, s.domains, s.direction, s.likelihood, s.source)
            for s in extract_statements(doc, lens)
        ]
        for doc in (
            Document(text=text, date="2020-10-29", path="a.txt"),
            Document(text=clean_text(_wrap(text, "\n\n"), lens).text, date="2020-10-29", path="a.txt"),
        )
    ]
    assert statements[0] and statements[0] == statements[1]


@pytest.mark.parametrize(
    ("raw", "paragraphs"),
    [
        # a line going on in lower case, or after a word no sentence ends on
        (
            "Korean carmakers could lose the price edge they have had over\nJapanese rivals, analysts said.",
            ["Korean carmakers could lose the price edge they have had over Japanese rivals, analysts said."],
        ),
        (
            "Seoul may have to pay far more for the upkeep of the 28,500\ntroops stationed on the peninsula.",
            [
                "Seoul may have to pay far more for the upkeep of the 28,500 troops stationed on the peninsula."
            ],
        ),
        # a word hyphenated across the break is one word
        (
            "A second Trump term would reopen the long-running defense cost-\nsharing talks with Seoul.",
            ["A second Trump term would reopen the long-running defense cost-sharing talks with Seoul."],
        ),
        # a junk line between ends the sentence; a capitalized word after a full word stays apart
        (
            "Pyongyang could resume long-range missile tests within months, and Seoul\nAdvertisement\n"
            "would again live under the shadow of a crisis.",
            [
                "Pyongyang could resume long-range missile tests within months, and Seoul",
                "would again live under the shadow of a crisis.",
            ],
        ),
        # list items and headlines keep their lines
        (
            "- Seoul shares open lower ahead of the U.S. vote\n- Georgia battery plant adds night shift",
            ["- Seoul shares open lower ahead of the U.S. vote", "- Georgia battery plant adds night shift"],
        ),
        (
            "A Second-Term Trump Would Keep Trying to Talk to North Korea\nSEOUL — Analysts expect talks.",
            [
                "A Second-Term Trump Would Keep Trying to Talk to North Korea",
                "SEOUL — Analysts expect talks.",
            ],
        ),
    ],
)
def test_a_line_that_goes_on_with_the_sentence_before_joins_it(lens, raw, paragraphs):
    assert clean_text(raw, lens).text.split("\n\n") == paragraphs


def test_a_wrapped_list_item_keeps_its_wrapped_lines(lens):
    items = [
        "- Seoul could face steep tariffs on its cars and chips if Trump wins the election next month, analysts said.",
        "- The cost-sharing deal signed this year could be reopened by a new administration that wants far more money.",
        "- Talks with Pyongyang could resume within months of the inauguration, though few expect a quick deal soon.",
    ]
    wrapped = "\n".join(textwrap.fill(item, 48) for item in items)
    assert clean_text(wrapped, lens).text.split("\n\n") == items
    # an unwrapped list keeps one item per line, however long
    assert clean_text("\n".join(item.rstrip(".") for item in items), lens).text.split("\n\n") == [
        item.rstrip(".") for item in items
    ]
