"""Signposts on lemmas and the dependency parse: any word order, negation respected."""

from __future__ import annotations

import pytest

from scenariodesk.analyze import analyze_document
from scenariodesk.models import Document


def _fired(lens, text):
    found = analyze_document(Document(text=text, date="2024-11-20", path="t.txt"), lens)
    return {h.signpost: h.match.text for h in found.signposts}


@pytest.mark.parametrize(
    ("text", "signpost"),
    [
        ("The Pentagon announced a reduction of U.S. troops in South Korea on Thursday.", "usfk-reduction"),
        ("The Pentagon announced a USFK reduction plan on Monday.", "usfk-reduction"),
        ("A reduction of American troops was announced by the Pentagon.", "usfk-reduction"),
        ("North Korea conducted its seventh nuclear test on Wednesday.", "nk-nuclear-test"),
        ("Washington imposed 25 percent tariffs on Korean cars.", "tariffs-on-korea"),
        ("North Korea has deployed special forces to Russia's Kursk region.", "nk-russia-troops"),
        ("The two sides agreed to hold a summit between Trump and Kim next month.", "us-nk-summit"),
    ],
)
def test_a_signpost_fires_in_any_word_order(lens, text, signpost):
    assert signpost in _fired(lens, text)


@pytest.mark.parametrize(
    "text",
    [
        "The Pentagon announced no reduction of U.S. troops.",
        "A reduction of U.S. troops was not announced.",
        "The Pentagon announced new troop rotations, not a reduction of its budget.",
        "Analysts discussed a reduction of U.S. troops.",  # no announcing verb
    ],
)
def test_a_negated_or_unrelated_mention_does_not_fire(lens, text):
    assert "usfk-reduction" not in _fired(lens, text)


def test_a_signpost_needs_lemmas_or_a_pattern():
    from scenariodesk.lens.schema import Signpost

    with pytest.raises(ValueError, match="needs `event` and `object`"):
        Signpost(id="x", label="X", domain="troops", event=["announce"])
    assert Signpost(id="y", label="Y", domain="troops", pattern="troops? (leave|left)").pattern


def test_an_event_noun_fires_like_its_verb(lens):
    text = "Watch whether this develops, linked with North Korea's dispatch of troops to Russia."
    assert "nk-russia-troops" in _fired(lens, text)
