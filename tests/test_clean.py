"""Boilerplate removal on the scraped seed articles: junk goes, body stays."""

from __future__ import annotations

import json

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
