"""A statement's proposition: the consequence clause a reader can quote."""

from __future__ import annotations

import pytest

from scenariodesk.proposition import proposition, reads_as_sentence


def _prop(lens, text, cue, condition=None):
    start = text.index(cue)
    span = None
    if condition:
        at = text.index(condition)
        span = (at, at + len(condition))
    return proposition(text, (start, start + len(cue)), span, lens)


@pytest.mark.parametrize(
    ("text", "cue", "condition", "expected"),
    [
        (  # a fronted condition and the clause after "but" go
            "If President Trump is re-elected, denuclearization talks are likely to resume but the"
            " alliance can be put to test.",
            "likely",
            "If President Trump is re-elected",
            "Denuclearization talks are likely to resume",
        ),
        (  # a reason clause opening the sentence runs to its comma, and goes
            "Because the Trump White House has treated the nuclear standoff as a domestic political"
            " asset, a second Trump administration is very likely to seek a third summit.",
            "very likely",
            "a second Trump administration",
            "A second Trump administration is very likely to seek a third summit.",
        ),
        (  # a reporting verb in a relative clause of the subject is no attribution
            "Anyone on the Trump team who thinks the Hanoi offer can be put back on the table is"
            " going to be disappointed.",
            "is going to",
            None,
            "Anyone on the Trump team who thinks the Hanoi offer can be put back on the table is"
            " going to be disappointed.",
        ),
        (  # a noun-phrase condition is the subject: it stays
            "Biden presidency could expedite cost-sharing talks",
            "could",
            "Biden presidency",
            "Biden presidency could expedite cost-sharing talks",
        ),
        (  # the attribution after the quote goes
            '"They would work very quickly to make an agreement right away," Cha said.',
            "would",
            None,
            "They would work very quickly to make an agreement right away",
        ),
        (  # the speaker before the cue goes, with "that"
            "Cho Hye-rim, a senior fellow at the Sejong Institute, said a Harris administration might"
            " give less attention to the Seoul-Tokyo relationship.",
            "might",
            "a Harris administration",
            "A Harris administration might give less attention to the Seoul-Tokyo relationship.",
        ),
        (  # a trailing condition goes with its comma
            "Significant upheaval is expected in the regional landscape, if he returns to power.",
            "is expected",
            "if he returns to power",
            "Significant upheaval is expected in the regional landscape.",
        ),
        (  # a trailing condition clause goes with its own words, not only its outcome phrase
            "U.S. curbs on chip exports to China are expected to stay in place whichever candidate wins next week.",
            "are expected",
            "whichever candidate wins",
            "U.S. curbs on chip exports to China are expected to stay in place.",
        ),
        (  # ... up to the attribution's comma
            "Tariffs on Korean cars would rise if Trump wins in November, analysts said.",
            "would",
            "if Trump wins",
            "Tariffs on Korean cars would rise",
        ),
        (  # a condition set off by commas takes both
            "Tariffs, if Trump wins, would rise sharply.",
            "would",
            "if Trump wins",
            "Tariffs would rise sharply.",
        ),
        (  # a condition before the cue, without a comma, is cut alone
            "He said that if Trump wins he is going to go for a fourth summit right away.",
            "is going to",
            "if Trump wins",
            "He is going to go for a fourth summit right away.",
        ),
        (  # a fronted conditional inversion goes with its comma
            "Should Washington reopen the deal, carmakers would be hit hardest.",
            "would",
            None,
            "Carmakers would be hit hardest.",
        ),
        (  # after an opening connective, the inversion still goes to its own comma
            "However, should Washington reopen the deal, carmakers would be hit hardest.",
            "would",
            None,
            "Carmakers would be hit hardest.",
        ),
        (  # a reporting verb inside the condition is not the attribution
            "If Seoul says it wants better relations with the North, Biden will hear it out.",
            "will",
            None,
            "If Seoul says it wants better relations with the North, Biden will hear it out.",
        ),
        (  # a fronted attribution frame goes to its comma, not just its verb
            "According to a report by the Korea Institute for National Unification, a Trump"
            " administration would likely seek another summit within its first year.",
            "would likely",
            None,
            "A Trump administration would likely seek another summit within its first year.",
        ),
        (  # a fronted frame naming whose view follows goes too
            "In his view, a Trump White House would sideline Seoul in any talks with Pyongyang.",
            "would",
            None,
            "A Trump White House would sideline Seoul in any talks with Pyongyang.",
        ),
        (
            "In the view of Victor Cha, a Trump White House would sideline Seoul in talks with Pyongyang.",
            "would",
            None,
            "A Trump White House would sideline Seoul in talks with Pyongyang.",
        ),
        (  # an outcome phrase fronted in the same form is the condition, kept
            "In a second Trump term, the White House would sideline Seoul in talks with Pyongyang.",
            "would",
            None,
            "In a second Trump term, the White House would sideline Seoul in talks with Pyongyang.",
        ),
    ],
)
def test_proposition_keeps_the_consequence_with_its_subject(lens, text, cue, condition, expected):
    assert _prop(lens, text, cue, condition) == expected


def test_a_proposition_too_short_to_read_falls_back_to_the_sentence(lens):
    text = "It could, Cha said, happen."
    assert _prop(lens, text, "could") == text


def test_reads_as_sentence_wants_a_verb_with_its_subject():
    assert reads_as_sentence("Denuclearization talks are likely to resume.")
    assert not reads_as_sentence("would again find itself living under the shadow of a crisis.")
    assert not reads_as_sentence("A fourth summit with Kim.")
