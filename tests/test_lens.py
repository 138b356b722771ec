"""Loading and validating lenses: a bad lens fails at load time, naming file and key."""

from __future__ import annotations

import re

import pytest
import yaml

from scenariodesk.lens import LensError, load_lens


def test_lens_default_loads_with_all_domains(lens):
    assert lens.name == "us-election-korea"
    assert set(lens.outcome_ids) == {"trump", "biden", "harris", "clinton", "any"}
    assert len(lens.domain_ids) == 10


# (lens file content, words the error must contain)
BAD_LENSES = [
    pytest.param(
        {"outcomes": [{"id": "trump", "label": "x", "nmaes": []}]}, ["outcomes.0.nmaes"], id="unknown-key"
    ),
    pytest.param(
        {"cues": [{"id": "x", "pattern": "maybe", "band": "sort_of"}]},
        ["cues.0.band", "sort_of"],
        id="bad-band",
    ),
    pytest.param(
        {"cues": [{"id": "x", "pattern": "(unclosed", "band": "likely"}]},
        ["cues", "(unclosed"],
        id="bad-regex",
    ),
    pytest.param(
        {"cues": [{"id": "x", "pattern": "poised to ", "band": "likely"}]},
        ["cues", "poised to ", "space"],
        id="pattern-ending-in-a-space-never-matches",
    ),
    pytest.param({"prior": {"sanders": 1.0}}, ["prior", "sanders"], id="unknown-outcome-in-prior"),
    pytest.param({"domains": []}, ["domains"], id="no-domains"),
    pytest.param(
        {
            "cycles": [
                {
                    "year": 2028,
                    "election_day": "2028-11-07",
                    "result_known": "2028-11-08",
                    "candidates": [{"outcome": "vance"}],
                }
            ]
        },
        ["cycles.0", "vance"],
        id="unknown-outcome-in-cycle",
    ),
    pytest.param("just a string", ["mapping"], id="not-a-mapping"),
    pytest.param({"third_parties": ["japan("]}, ["third_parties"], id="bad-third-party-pattern"),
    pytest.param(
        {"ko": {"reporting_stems": ["말해!"]}}, ["ko.reporting_stems", "말해!"], id="ko-stem-not-hangul"
    ),
    pytest.param(
        {"ko": {"reporting_endings": ["었"]}}, ["ko.reporting_endings", "form/TAG"], id="ko-ending-no-tag"
    ),
]


@pytest.mark.parametrize(("content", "words"), BAD_LENSES)
def test_lens_rejects_bad_file_naming_file_and_key(tmp_path, content, words):
    path = tmp_path / "bad.yaml"
    path.write_text(yaml.safe_dump(content))
    with pytest.raises(LensError) as info:
        load_lens(path)
    message = str(info.value)
    assert str(path) in message
    for word in words:
        assert word in message


def test_lens_file_overrides_only_its_keys(tmp_path):
    path = tmp_path / "small.yaml"
    path.write_text(yaml.safe_dump({"name": "my-desk", "prior": {"trump": 0.6, "harris": 0.4}}))
    lens = load_lens(path)
    assert lens.name == "my-desk"
    assert lens.model.prior == {"trump": 0.6, "harris": 0.4}
    assert len(lens.domain_ids) == 10


def test_a_name_added_to_a_place_reaches_every_pattern_that_names_the_place(tmp_path, lens):
    text = "Ties between Hanguk and Washington could fray."
    assert "alliance" not in {d for d, _ in lens.domains.finditer(text)}
    path = tmp_path / "places.yaml"
    places = {**lens.model.places, "seoul": [*lens.model.places["seoul"], "hanguk"]}
    path.write_text(yaml.safe_dump({"places": places}))
    assert "alliance" in {d for d, _ in load_lens(path).domains.finditer(text)}


def test_a_place_the_lens_does_not_have_is_an_error_naming_it(tmp_path):
    path = tmp_path / "typo.yaml"
    path.write_text(yaml.safe_dump({"subject_terms": ["{seol}"]}))
    with pytest.raises(LensError, match=r"typo\.yaml: \{seol\} is no place of the lens"):
        load_lens(path)


def test_lens_fingerprint_changes_with_any_rule(tmp_path, lens):
    path = tmp_path / "cue.yaml"
    cues = lens.model.model_dump(mode="json")["cues"] + [
        {"id": "odds-on", "pattern": "odds-on", "band": "likely"}
    ]
    path.write_text(yaml.safe_dump({"cues": cues}))
    assert load_lens(path).fingerprint != lens.fingerprint


OUTCOMES_BY_DATE = [
    ("2016-10-01", {"trump", "clinton"}, None),
    ("2020-11-04", {"trump", "biden"}, None),  # the day after: the result was not yet known
    ("2023-12-15", {"trump", "biden"}, None),
    ("2024-10-28", {"trump", "harris"}, None),
    ("2016-11-10", {"trump", "clinton"}, "trump"),  # after the result: the winner's term
    ("2017-01-21", {"trump", "clinton"}, "trump"),
    ("2021-01-26", {"trump", "biden"}, "biden"),
    ("2025-03-01", {"trump", "harris"}, "trump"),
    ("", None, None),
]


@pytest.mark.parametrize(("date", "allowed", "winner"), OUTCOMES_BY_DATE)
def test_lens_outcomes_for_date_follow_cycles(lens, date, allowed, winner):
    assert lens.outcomes_for_date(date) == (allowed, winner)


@pytest.mark.parametrize(
    ("pattern", "text", "found"),
    [
        ("chances are|odds are", "the odds are he wins", "odds are"),  # every top-level alternative
        ("(no|zero) (chance|prospect)|impossible", "that is impossible", "impossible"),
        ("(if|when|should) he wins", "When he wins", "When he wins"),  # a leading group, any case
        ("(in |during )?(a|another) second term", "in a second term", "in a second term"),
        ("(in |during )?(a|another) second term", "a second term", "a second term"),  # optional skipped
        ("(?:north korea|n\\. ?korea) policy", "N.Korea policy", "N.Korea policy"),  # a nested group
        ("(will|'ll|shall) rise", "it'll rise", "'ll rise"),  # an alternative opening with '
        ("((?:south korea|s\\. ?korea)|seoul) pays", "Seoul pays", "Seoul pays"),
        ("(red|\\.blue) flag", "a .blue flag", ".blue flag"),  # an alternative opening with an escape
        ("s?he will", "he will", "he will"),  # an optional first letter keys nothing
        (
            "(Trump|(the )?Republican nominee) wins",
            "the Republican nominee wins",
            "the Republican nominee wins",
        ),
    ],
)
def test_a_matcher_finds_every_branch_of_a_pattern(pattern, text, found):
    """compile_matcher groups branches behind a first-letter lookahead for speed; patterns
    that open with alternatives, optional groups or a top-level | must still match."""
    from scenariodesk.lens.patterns import compile_matcher

    matcher = compile_matcher([("rule", pattern), ("other", "under trump")])
    assert [m.group() for _, m in matcher.finditer(text)] == [found]


def test_a_named_group_of_a_rule_whose_first_letter_is_unknown_is_read_from_its_match():
    """A rule opening with a named group is copied under every first letter of the
    alternation: the name is left to the rule's own regex (one name twice in the
    alternation would not compile), whose match the matcher yields."""
    from scenariodesk.lens.patterns import compile_matcher

    matcher = compile_matcher([("stated", "(?P<percent>\\d{1,3}) ?percent chance"), ("other", "odds")])
    (rule, m), *_ = matcher.finditer("a 70 percent chance, and odds")
    assert (rule, m.group("percent")) == ("stated", "70")


@pytest.mark.parametrize(
    ("pattern", "text", "found"),
    [
        (r"North\S* Korea", "NORTH-ish KOREA talks", "NORTH-ish KOREA"),  # \S stays \S, not \s
        (r"Trump\W+wins", "TRUMP  wins", "TRUMP  wins"),
        (r"(?P<Share>\d+) ?percent", "a 50 Percent share", "50 Percent"),  # group names kept
        (r"\x54ariffs", "Tariffs rise", "Tariffs"),  # a capital by its code: scanned as written
        ("[A-Z]+ tariffs", "New tariffs", "New tariffs"),
        ("tariffs", "İİ said Tariffs rise", "Tariffs"),  # "İ" is longer in lower case
    ],
)
def test_the_alternation_scanned_in_lower_case_matches_as_ignorecase_would(pattern, text, found):
    """A matcher scans the text in lower case with its alternation lowered (faster than
    IGNORECASE): escapes and group names keep their case, and what cannot be lowered the
    same way, or text whose lower case is longer, is scanned as written."""
    from scenariodesk.lens.patterns import compile_matcher

    matcher = compile_matcher([("rule", pattern), ("other", "under trump")])
    assert [m.group() for _, m in matcher.finditer(text)] == [found]


def test_branches_grouped_by_their_second_letter_keep_their_order():
    """Seven patterns opening with "t": subgrouped by second letter behind a lookahead;
    where two match at one place the one listed first still wins."""
    from scenariodesk.lens.patterns import compile_matcher

    rules = [
        ("long", "tariff hikes"),
        ("short", "tariffs?"),
        ("a", "talks"),
        ("b", "tensions"),
        ("c", "troops"),
        ("d", "threats?"),
        ("e", "trade"),
    ]
    matcher = compile_matcher(rules)
    text = "Tariff hikes, tariffs, talks, tensions, troops, threats and trade"
    found = [(name, m.group()) for name, m in matcher.finditer(text)]
    assert found == [
        ("long", "Tariff hikes"),
        ("short", "tariffs"),
        ("a", "talks"),
        ("b", "tensions"),
        ("c", "troops"),
        ("d", "threats"),
        ("e", "trade"),
    ]


def test_where_rules_of_every_kind_match_at_one_place_the_one_listed_first_wins():
    """Rules that open with one letter, with one of several ("(is|are) …"), or with
    letters that cannot be told (a top-level |) are dispatched apart for speed; at any
    place the rule listed first that matches there still wins, with its span, and the
    match it yields carries that rule's own groups."""
    from scenariodesk.lens.patterns import compile_matcher

    rules = [
        ("either", "is likely|are likely"),  # cannot be told: tried everywhere
        ("several", "(is|are) (likely|set) to"),
        ("single", "is set to"),
        ("later", "(am|is) set"),
    ]
    matcher = compile_matcher(rules)
    found = [
        (name, m.group(), m.groups())
        for name, m in matcher.finditer("It is likely to. It is set to. I am set.")
    ]
    assert found == [
        ("either", "is likely", ()),
        ("several", "is set to", ("is", "set")),
        ("later", "am set", ("am",)),
    ]


def test_the_more_specific_domain_term_wins_where_two_match(lens):
    """'peace initiative' (inter-Korean) over 'peace' (threat): longest term first."""
    found = [
        (d, m.group()) for d, m in lens.domains.finditer("That would put Seoul's peace initiative on hold.")
    ]
    assert found == [("inter_korean", "peace initiative")]


def test_a_space_before_a_question_mark_is_optional_in_a_pattern():
    """ "연합 ?훈련" matches 연합훈련 and 연합 훈련 (it once required the space)."""
    import re

    from scenariodesk.lens.patterns import pattern_body

    body = re.compile(pattern_body("연합 ?훈련"))
    assert body.fullmatch("연합훈련") and body.fullmatch("연합  훈련")
    assert re.compile(pattern_body("log in")).fullmatch("log   in")


def test_a_pattern_opening_with_a_lookbehind_is_keyed_by_what_follows_it():
    """A lookbehind matches no character: "(?<!will\\s)(probably|likely) see" starts at
    p or l, and is still refused after "will"."""
    from scenariodesk.lens.pattern_source import first_letters
    from scenariodesk.lens.patterns import compile_matcher

    assert first_letters(r"(?<!will\s)(probably|likely) see") == "lp"
    matcher = compile_matcher([("m", r"(?<!will\s)(probably|likely) see")], where="test")
    assert [m.group() for _, m in matcher.finditer("they probably see it")] == ["probably see"]
    assert list(matcher.finditer("they will probably see it")) == []


def test_patterns_of_alternatives_are_keyed_by_each_alternative_s_first_letter():
    """A top-level | ("chances are|odds are"), a lookbehind inside a group, a curly
    apostrophe or a digit class no longer leave a rule tried at every word of every
    sentence (a third of the cues' time): each is keyed by the letters it opens with, and
    every alternative still ends on a word edge."""
    from scenariodesk.lens.pattern_source import first_letters
    from scenariodesk.lens.patterns import compile_matcher

    assert first_letters("chances are|odds are") == "co"
    assert first_letters(r"(how|whether|(?<!^)what) will") == "hw"
    assert first_letters(r"(’re|are) in for") == "a’"
    assert first_letters(r"(\d+-year|record) lows?") == "0123456789r"
    rules = [("odds", "chances are|odds are"), ("low", r"(\d+-year|record) lows?")]
    matcher = compile_matcher(rules, where="test")
    assert matcher.anywhere == ()
    text = "Chances are slim; odds are the won hits 10-year lows, not record lowsides."
    assert [(n, m.group()) for n, m in matcher.finditer(text)] == [
        ("odds", "Chances are"),
        ("odds", "odds are"),
        ("low", "10-year lows"),
    ]
    assert list(matcher.finditer("the chances aren't good")) == []


def test_names_opening_with_the_still_match_with_and_without_it_once_factored():
    """who_matcher puts the names that open with "the" under one "the " branch (a speed-up):
    each still names its outcome, and an optional "(the )?" still matches bare."""
    from scenariodesk.lens.patterns import who_matcher

    names = {
        "trump": ["Trump", "the former president", "(the )?Republican nominee"],
        "biden": ["the incumbent"],
    }
    matcher = who_matcher(["if {who} wins"], names, [], where="test")
    found = {
        text: [rule for rule, _ in matcher.finditer(text)]
        for text in (
            "if the former president wins",
            "if the Republican nominee wins",
            "if Republican nominee wins",
            "if the incumbent wins",
            "if Trump wins",
        )
    }
    assert found == {
        "if the former president wins": ["trump:template0"],
        "if the Republican nominee wins": ["trump:template0"],
        "if Republican nominee wins": ["trump:template0"],
        "if the incumbent wins": ["biden:template0"],
        "if Trump wins": ["trump:template0"],
    }


def test_templates_opening_with_the_name_share_a_branch_but_keep_their_own_rule():
    """who_matcher tries the names once for every template that opens with them (a
    speed-up): each match is still told by its own template, outcome and span, the
    pronoun forms too, and the templates around them keep their numbers."""
    from scenariodesk.lens.patterns import who_matcher

    names = {"trump": ["Donald Trump", "Trump"], "harris": ["Kamala Harris", "Harris"]}
    templates = ["if {who} wins", "{who}'s victory", "under {who}", "{who} 2.0", "{who} winning"]
    matcher = who_matcher(templates, names, [], where="test")
    found = {
        text: [(rule, m.group(0)) for rule, m in matcher.finditer(text)]
        for text in (
            "Donald Trump's victory would",
            "Harris 2.0 could",
            "the prospect of Harris winning",
            "if Trump wins, under Harris",
            "she winning and he 2.0",
            "Trump said",
        )
    }
    assert found == {
        "Donald Trump's victory would": [("trump:template1", "Donald Trump's victory")],
        "Harris 2.0 could": [("harris:template3", "Harris 2.0")],
        "the prospect of Harris winning": [("harris:template4", "Harris winning")],
        "if Trump wins, under Harris": [
            ("trump:template0", "if Trump wins"),
            ("harris:template2", "under Harris"),
        ],
        "she winning and he 2.0": [("*:template4", "she winning"), ("*:template3", "he 2.0")],
        "Trump said": [],
    }


@pytest.mark.parametrize("hyphens", [False, True])
def test_a_character_class_in_a_pattern_keeps_its_space(hyphens):
    """A pattern's spaces match any run of space (a hyphen too, for domain terms); a
    space inside a character class is that class's own ("current[- ]account")."""
    from scenariodesk.lens.patterns import pattern_body

    regex = re.compile(pattern_body("current[- ]account surplus", hyphens=hyphens))
    assert regex.fullmatch("current-account  surplus")
    assert regex.fullmatch("current account-surplus") is None or hyphens
    assert regex.fullmatch("current]account surplus") is None


def test_alternatives_hold_every_pattern_and_each_of_its_alternatives_to_word_edges():
    """The rule lists compiled as one plain alternation (other elections, continuations,
    reporting verbs …) check the leading word edge once for all patterns; each pattern,
    and each top-level alternative of one, still starts and ends on a word edge."""
    from scenariodesk.lens.patterns import alternatives

    regex = re.compile(alternatives(["chances are|odds are", "midterms?"]), re.IGNORECASE)
    assert [m.group() for m in regex.finditer("Odds are the midterm, chances are slim")] == [
        "Odds are",
        "midterm",
        "chances are",
    ]
    assert regex.search("the chances aren't good, the oddsare, premidterms") is None
    assert re.compile(alternatives([])).search("anything") is None


def test_no_optional_group_of_the_lens_mixes_words_with_and_without_their_space():
    """ "demand for (korean|american|u\\.s\\. )?(weapons|…)" never matched "demand for
    Korean tanks": the alternatives of an optional group of words each end with the space
    that parts them from what follows, or none does (a hyphen ends a prefix: "mid-")."""
    lens = load_lens()
    optional = re.compile(r"\((?:\?:)?([^()]*)\)\?")

    def strings(value):  # type: ignore[no-untyped-def]
        if isinstance(value, str):
            yield value
        elif isinstance(value, dict):
            for v in value.values():
                yield from strings(v)
        elif isinstance(value, list):
            for v in value:
                yield from strings(v)

    mixed = [
        m.group()
        for pattern in strings(lens.model.model_dump(mode="json"))
        for m in optional.finditer(pattern)
        if len({a.endswith(" ") for a in m.group(1).split("|") if not a.endswith("-")}) > 1
    ]
    assert mixed == []
