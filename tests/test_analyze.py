"""The analyzer as a spec: sentence in, scenario statement fields out.

The sentences are written for these tests in the genre's usual phrasing; none comes from
the seed corpus, so they check the rules rather than recall of the development set.
"""

from __future__ import annotations

import pytest

from scenariodesk.lens import load_lens
from scenariodesk.sentences import SentenceSplitter

PRE_2024 = "2024-09-01"

# (text, article date) -> (condition, a domain it must have, direction, band, cue)
STATEMENTS = [
    pytest.param(
        "If Trump wins the election, Washington is likely to demand that Seoul pay far more for U.S. troops.",
        PRE_2024,
        ("trump", "cost_sharing", "-", "likely", "is likely"),
        id="if-clause-likely",
    ),
    pytest.param(
        "A Harris presidency would strengthen the alliance and deepen trilateral cooperation with Japan.",
        PRE_2024,
        ("harris", "alliance", "+", "very_likely", "would"),
        id="noun-phrase-would",
    ),
    pytest.param(
        "Regardless of who wins, North Korea is expected to conduct a seventh nuclear test.",
        PRE_2024,
        ("any", "nk_threat", "-", "likely", "is expected"),
        id="regardless-any",
    ),
    pytest.param(
        # the lifting is the event (favourable) whose chance "unlikely" lowers: it keeps
        # its sign (ANNOTATION convention 9, "talks are unlikely to resume" is +)
        "Should Trump return to the White House, tariffs on Korean cars are unlikely to be lifted.",
        PRE_2024,
        ("trump", "trade", "+", "unlikely", "are unlikely"),
        id="inverted-should-condition",
    ),
    pytest.param(
        "Under a second Trump administration, the U.S. could withdraw some of its troops from South Korea.",
        PRE_2024,
        ("trump", "troops", "-", "even_chance", "could"),
        id="second-term-could",
    ),
    pytest.param(
        "A second Trump term will almost certainly bring tariffs on Korean steel.",
        PRE_2024,
        ("trump", "trade", "-", "almost_certain", "almost certainly"),
        id="almost-certainly-beats-will",
    ),
    pytest.param(
        "Whoever takes office, U.S.-China rivalry will intensify and squeeze Korean exporters.",
        PRE_2024,
        ("any", "china", "-", "very_likely", "will"),
        id="whoever-any",
    ),
    pytest.param(
        "A Biden presidency could make summit talks with Pyongyang possible again.",
        "2020-10-01",
        ("biden", "nk_diplomacy", None, "even_chance", "could"),
        id="biden-2020-cycle",
    ),
    pytest.param(
        "The new administration is expected to demand more on cost sharing.",
        "2025-02-01",
        ("trump", "cost_sharing", "-", "likely", "is expected"),
        id="after-election-winner",
    ),
    pytest.param(
        "A Trump victory would mean little chance of an early summit with Kim.",
        PRE_2024,
        ("trump", "nk_diplomacy", None, "very_likely", "would mean"),
        id="to-mean-cue",
    ),
]


@pytest.mark.parametrize(("text", "date", "expected"), STATEMENTS)
def test_extract_statement_fields(extract, text, date, expected):
    condition, domain, direction, band, cue = expected
    statements = extract(text, date=date)
    assert len(statements) == 1, statements
    st = statements[0]
    # None: the direction is the learned step's judgment, whose evidence other tests pin
    # (tests/test_steps.py); the rest is the extractor's contract.
    assert (st.condition, st.likelihood, st.cue.text) == (condition, band, cue)
    assert direction is None or st.direction == direction
    assert domain in st.domains
    assert text[st.cue.start : st.cue.end] == cue
    assert st.sentence == text


NOT_STATEMENTS = [
    pytest.param("Trump met Kim Jong-un three times during his first term.", id="past-fact"),
    pytest.param("Seoul should prepare for tariffs on its exports.", id="advice"),
    pytest.param("Harris emphasizes alliances and partnerships in Asia.", id="stance-no-projection"),
    pytest.param("Trump said he would bring the troops home from Korea.", id="candidate-pledge"),
    pytest.param("Will Trump withdraw U.S. troops from South Korea?", id="question"),
    pytest.param("If Trump wins, Seoul will prepare a congratulatory message.", id="seoul-own-plan"),
    pytest.param(
        "Trump's recent remarks suggest he would have struck a nuclear deal with Kim if re-elected.",
        id="counterfactual-past",
    ),
    pytest.param("A second Trump term could reshape the domestic political landscape.", id="no-domain"),
    pytest.param("Many in Seoul would like to see a Trump summit with Kim again.", id="third-party-wish"),
    # a wish hedged by an adverb: the adverb is no likelihood cue of its own
    pytest.param(
        "If Trump wins, Koreans would probably want to see a more traditional view of the alliance.",
        id="hedged-wish",
    ),
    pytest.param(
        "Under Harris, Seoul would certainly prefer to keep the alliance as it is.", id="hedged-preference"
    ),
    # a counterfactual past hedged by an adverb
    pytest.param(
        "Had Trump won in 2020, the alliance would probably have frayed further.", id="hedged-counterfactual"
    ),
]


@pytest.mark.parametrize("text", NOT_STATEMENTS)
def test_extract_ignores_non_projections(extract, text):
    assert extract(text, date=PRE_2024) == []


def test_extract_two_outcomes_in_one_sentence_gives_two_statements(extract):
    text = "If Harris wins, the alliance could stabilize; if Trump wins, Seoul could be sidelined in inter-Korean affairs."
    statements = extract(text)
    assert [(s.condition, s.direction) for s in statements] == [("harris", "+"), ("trump", "-")]
    assert statements[1].condition_phrase.text == "if Trump wins"


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("If Trump returns, a summit with Kim could lower tensions.", "If Trump returns"),
        ("Should Trump come back, tariffs on Korean cars would likely rise.", "Should Trump come back"),
        (
            "If Trump returns to office, tariffs on Korean cars would likely rise.",
            "If Trump returns to office",
        ),
    ],
)
def test_a_bare_return_before_a_comma_is_the_outcome_phrase(extract, text, phrase):
    """The outcome phrase is cut from the consequence ("returns" is no event of it)."""
    (st,) = extract(text, date=PRE_2024)
    assert st.condition == "trump"
    assert st.condition_phrase.text == phrase
    assert not any(
        r.startswith("effect:") and ">" in r and r.split(":")[2].startswith(("return", "come"))
        for r in st.rules
    )


ATTRIBUTIONS = [
    pytest.param(
        '"If Trump is re-elected, he will push for a summit with Kim early on," said Victor Cha, a Korea chair at CSIS.',
        "Victor Cha",
        id="said-after-quote",
    ),
    pytest.param(
        "A Trump victory could revive summit diplomacy with Pyongyang, according to Cheong Seong-chang of the Sejong Institute.",
        "Cheong Seong-chang",
        id="according-to",
    ),
    pytest.param(
        'Park Won-gon, a professor at Ewha Womans University, told The Korea Times, "A second Trump term will bring tougher cost-sharing demands."',
        "Park Won-gon",
        id="told-outlet",
    ),
    pytest.param(
        "Experts say a Biden presidency will likely restore the alliance.",
        "author",
        id="unnamed-experts",
    ),
    pytest.param(
        "The National Intelligence Service predicted that North Korea would likely stage a nuclear test after the election.",
        "National Intelligence Service",
        id="named-body",
    ),
    pytest.param(
        "The Foreign Ministry expects that a Harris administration would keep trilateral cooperation with Japan.",
        "South Korean Ministry of Foreign Affairs",
        id="body-alias",
    ),
]


ATTRIBUTIONS += [
    pytest.param(
        "Korean exporters may face steep tariffs if Trump wins, according to the Korea Institute for International Economic Policy.",
        "Korea Institute for International Economic Policy",
        id="organization-of-for",
    ),
    pytest.param(
        '"Under a Harris administration, extended deterrence would remain firm," said Cha Du-hyeogn, a fellow at the Asan Institute.',
        "Cha Du-hyeogn",
        id="romanized-given-name",
    ),
    # a middle initial keeps its period, as the name is written
    pytest.param(
        '"A Trump win could lead to troop cuts," said RAND analyst Bruce W. Bennett.',
        "Bruce W. Bennett",
        id="middle-initial",
    ),
    # a title before the name, abbreviated or not, is not part of it
    pytest.param(
        "If Trump wins, troop levels could be cut, retired Gen. Robert Abrams said.",
        "Robert Abrams",
        id="abbreviated-rank",
    ),
    pytest.param(
        '"If Trump wins, tariffs on Korean cars are likely to rise," said Congressman Joe Wilson.',
        "Joe Wilson",
        id="congressman",
    ),
    pytest.param(
        "Under Harris, talks with North Korea could resume, Special Envoy Sung Kim said.",
        "Sung Kim",
        id="envoy",
    ),
    pytest.param(
        "If Trump wins, troops could be cut, according to J.D. Kim, a defense analyst.",
        "J.D. Kim",
        id="initials",
    ),
    # a view held rather than said ("sees … as likely", "foresees")
    pytest.param(
        "Victor Cha, a Korea chair at CSIS, sees a Trump win as likely to bring tougher cost-sharing demands.",
        "Victor Cha",
        id="sees-as",
    ),
    pytest.param(
        "Park Won-gon anticipates that a Trump administration would likely press Seoul to pay far more for U.S. troops.",
        "Park Won-gon",
        id="anticipates",
    ),
    # a group of people by a plural proper noun is unnamed; a body named so is not
    pytest.param(
        "Some Democrats in Washington said a Harris win would strengthen the alliance.",
        "author",
        id="some-democrats",
    ),
    pytest.param("Many Koreans fear a Trump win could strain the alliance.", "author", id="many-koreans"),
    pytest.param(
        "Moody's Analytics said a Trump win could hit Korean exports.", "Moody's Analytics", id="plural-body"
    ),
    # a document speaks for its author, however it is introduced and whatever it does
    pytest.param(
        "If Trump wins, Korean exports to the U.S. could fall by 10 percent, a report from the"
        " Korea International Trade Association showed.",
        "Korea International Trade Association",
        id="report-from-showed",
    ),
    pytest.param(
        "A report released Tuesday by the Korea International Trade Association (KITA) estimated"
        " that Korean exports could fall by 10 percent if Trump wins.",
        "Korea International Trade Association",
        id="report-released-by",
    ),
    pytest.param(
        "Data from the Korea Institute for International Economic Policy suggest Korean exports"
        " would likely fall if Trump wins.",
        "Korea Institute for International Economic Policy",
        id="data-suggest",
    ),
    pytest.param("Polls show that a Trump win could hurt Korean exporters.", "author", id="polls-show"),
]


def test_a_surname_two_speakers_share_is_the_latest_of_them(extract):
    """'Kim said' after Kim Hyun-wook and then Kim Tae-hyo spoke is Kim Tae-hyo."""
    text = (
        "Kim Hyun-wook, a professor at the Korea National Diplomatic Academy, said a Trump win"
        " could revive summit diplomacy with North Korea.\n\n"
        "Kim Tae-hyo, a deputy national security adviser, said a Harris win would keep the"
        " alliance steady.\n\n"
        "If Trump wins, cost-sharing talks could become harder, Kim said."
    )
    assert [s.source for s in extract(text, date=PRE_2024)] == ["Kim Hyun-wook", "Kim Tae-hyo", "Kim Tae-hyo"]


def test_an_acronym_speaks_for_the_body_it_was_introduced_with(extract):
    """'KITA said' after 'the Korea International Trade Association (KITA)': one source,
    by the name spelled out (its letters the initials in order: KIEP for the Korea
    Institute for International Economic Policy)."""
    for body, acronym in (
        ("Korea International Trade Association", "KITA"),
        ("Korea Institute for International Economic Policy", "KIEP"),
    ):
        text = (
            f"The {body} ({acronym}) held a seminar on Tuesday.\n\n"
            f"If Trump wins, Korean exports could fall by 10 percent, {acronym} said."
        )
        assert [s.source for s in extract(text, date=PRE_2024)] == [body]


@pytest.mark.parametrize(("text", "source"), ATTRIBUTIONS)
def test_extract_attributes_source(extract, text, source):
    statements = extract(text, date="2020-10-01" if "Biden" in text else PRE_2024)
    assert [s.source for s in statements] == [source]


def test_extract_unnamed_source_keeps_its_phrase(extract):
    (st,) = extract("Experts say a Biden presidency will likely restore the alliance.", date="2020-10-01")
    assert st.source == "author"
    assert st.source_phrase == "Experts say"


def test_extract_resolves_surname_and_quotation_speaker(extract):
    text = (
        "Kim Hyun-wook, a professor at the Korea National Diplomatic Academy, said the race was close.\n"
        '"If Trump wins, he will go for a summit with Kim right away. '
        'The alliance will then be tested on cost sharing," Kim said.'
    )
    statements = extract(text)
    assert [s.source for s in statements] == ["Kim Hyun-wook", "Kim Hyun-wook"]
    assert [s.condition for s in statements] == ["trump", "trump"]
    assert "source:quotation" in statements[0].rules


def test_extract_pronoun_and_topic_take_the_article_candidate(extract):
    text = (
        "The Potential Impact of a Second Trump Term on the Alliance\n"
        "Trump has long called South Korea a rich country that should pay more.\n"
        "He is likely to reopen cost-sharing talks within months.\n"
        "Successful talks might ease tensions on the peninsula."
    )
    statements = extract(text, title=text.split("\n", 1)[0])  # ingest titles a document by its first line
    assert [s.condition for s in statements] == ["trump", "trump"]
    assert statements[1].rules[1].startswith("condition:")


def test_extract_keeps_rule_trace(extract):
    (st,) = extract("A second Trump term could strain the alliance.")
    assert st.rules[0] == "cue:could"
    assert any(r.startswith("condition:trump:") for r in st.rules)
    assert "domain:alliance" in st.rules
    assert any(r.startswith("impact:-") for r in st.rules)


SPLITS = [
    pytest.param(
        "S. Korea should prepare for U.S.-N. Korea talks. They start in Oct. 2025.", 2, id="abbreviations"
    ),
    pytest.param("John F. Kennedy met Kim. Then he left.", 2, id="initials"),
    pytest.param("Trump Shaking Korean Security\nThe alliance faces a test.", 2, id="headline-line-break"),
    pytest.param(
        "Skepticism About Denuclearization... North Korea Likely to Aim for Talks", 1, id="headline-ellipsis"
    ),
    # a body line cut off by an "Advertisement" line: short, unpunctuated, yet two sentences
    pytest.param(
        "The arsenal has grown since the Hanoi summit collapsed in 2019. Should talks stall, Pyongyang could"
        "\nAdvertisement",
        3,
        id="cut-body-line-is-not-a-headline",
    ),
    pytest.param("Trump vs. Harris: What's at stake for Korea", 1, id="headline-with-abbreviation"),
    # a listicle's numbered heading is one sentence, not a number cut from a body line
    pytest.param("4. Less room on China\nWashington will press Seoul.", 2, id="numbered-heading"),
    pytest.param("2) Tariffs on Korean cars\nExporters could lose.", 2, id="numbered-heading-parenthesis"),
]


@pytest.mark.parametrize(("text", "count"), SPLITS)
def test_sentences_respect_abbreviations_and_line_breaks(lens, text, count):
    sentences = SentenceSplitter(lens).split(text)
    assert len(sentences) == count, [s.text for s in sentences]
    for s in sentences:
        assert text[s.start : s.end] == s.text


def test_a_numbered_heading_is_a_headline(lens):
    """ "3. Summits with Kim" heads a listicle's section: a headline (its own cues and
    title case), as the same line without its number is."""
    heading, body = SentenceSplitter(lens).split("3. Summits with Kim\nTrump may try again.")
    assert heading.text == "3. Summits with Kim" and heading.headline
    assert not body.headline


def test_texts_split_together_are_split_as_each_alone(lens):
    """Documents are split in one stream (the senter batched across them): each keeps
    its own sentences and offsets, empty texts too."""
    splitter = SentenceSplitter(lens)
    texts = [param.values[0] for param in SPLITS] + ["", "One more. And a last one."]
    together = splitter.split_many(texts)
    assert len(together) == len(texts)
    for text, sentences in zip(texts, together, strict=True):
        alone = splitter.split(text)
        assert [(s.start, s.end, s.paragraph, s.headline) for s in sentences] == [
            (s.start, s.end, s.paragraph, s.headline) for s in alone
        ]
        assert all(text[s.start : s.end] == s.text for s in sentences)


def test_lens_alias_added_in_yaml_changes_extraction(tmp_path, extract):
    """An analyst adds an outcome alias by editing YAML only."""
    from scenariodesk.analyze import extract_statements
    from scenariodesk.models import Document

    text = "A Donald presidency would squeeze Korean exporters with tariffs."
    assert extract(text) == []
    lens_file = tmp_path / "lens.yaml"
    base = load_lens().model.model_dump(mode="json")["outcomes"]
    for outcome in base:
        if outcome["id"] == "trump":
            outcome["names"].append("Donald")
    import yaml

    lens_file.write_text(yaml.safe_dump({"outcomes": base}))
    custom = load_lens(lens_file)
    (st,) = extract_statements(Document(text=text, date=PRE_2024), custom)
    assert st.condition == "trump"


def test_extract_he_after_an_outcome_phrase_is_the_speaker_not_the_candidate(extract):
    text = (
        "Park added that a second Trump administration might seek direct talks with Kim Jong-un. "
        '"There is a real risk that South Korea will be sidelined," he said.'
    )
    statements = extract(text)
    assert [s.source for s in statements] == ["Park", "Park"]
    assert statements[1].condition == "trump" and statements[1].direction == "-"


NEW_CASES = [
    pytest.param(
        '"It is not impossible that he would pull troops out of Korea," said a professor, referring to Trump.',
        "2016-10-25",
        ("trump", "troops", "-", "even_chance", "not impossible"),
        id="negated-cue",
    ),
    pytest.param(
        "The incoming administration will almost certainly push Korea to pay more for U.S. troops stationed here.",
        "2024-11-15",
        ("trump", "cost_sharing", "-", "almost_certain", "almost certainly"),
        id="after-the-election-the-winner",
    ),
    pytest.param(
        "Kim Jae-chun, a professor, predicted that a Harris administration would be unlikely to hold a summit with Kim.",
        "2024-10-30",
        ("harris", "nk_diplomacy", "+", "unlikely", "unlikely"),
        id="reporting-verb-is-no-cue",
    ),
    pytest.param(
        "A Clinton administration is expected to strengthen the alliance with Seoul.",
        "2016-10-25",
        ("clinton", "alliance", "+", "likely", "is expected"),
        id="2016-cycle",
    ),
]


@pytest.mark.parametrize(("text", "date", "expected"), NEW_CASES)
def test_extract_generalizes_to_other_cycles_and_phrasings(extract, text, date, expected):
    condition, domain, direction, band, cue = expected
    (st,) = extract(text, date=date)
    # None: the direction is the learned step's judgment, whose evidence other tests pin
    # (tests/test_steps.py); the rest is the extractor's contract.
    assert (st.condition, st.likelihood, st.cue.text) == (condition, band, cue)
    assert direction is None or st.direction == direction
    assert domain in st.domains


def test_a_short_quoted_sentence_is_speech_and_takes_the_speaker_before(extract):
    # "Seoul could be sidelined." is four words: a quoted sentence, not a term the
    # writer marks ("Buy American"), so it goes on the quotation before it (convention 11)
    text = (
        '"If Trump wins, the nuclear talks would resume quickly," said Victor Cha of CSIS.'
        ' "Seoul could be sidelined."'
    )
    statements = extract(text, date="2024-09-01")
    assert [s.source for s in statements] == ["Victor Cha", "Victor Cha"], [s.rules for s in statements]


@pytest.mark.parametrize(
    ("word", "past"),
    [("bypassed", True), ("struck", True), ("took", True), ("frayed", True), ("taking", False)]
    + [("need", False), ("indeed", False), ("bed", False), ("speed", False), ("seed", False)],
)
def test_past_forms_come_from_the_lemmatizer_tables(word, past):
    from scenariodesk.nlp import past_form

    assert past_form(word) is past


INTERVIEW_LEAD = (
    "Lee Sang-hyun, president of the Sejong Institute, sat down with us last week.\n\n"
    "Q: Many people here assume a second Trump term would be bad news for the alliance.\n\n"
)


@pytest.mark.parametrize(
    ("answer", "sources"),
    [
        # a surname as the label: the person named in full before; the answer's sentences
        # and its next paragraph are theirs, the interviewer's question the author's
        (
            "Lee: If Trump wins, he will likely demand more money for the troops. Talks with the"
            " North could resume.\n\nSeoul might be left out of those talks.",
            ["author", "Lee Sang-hyun", "Lee Sang-hyun", "Lee Sang-hyun"],
        ),
        # "A:" answers for the person the lead introduces
        ("A: If Trump wins, he will likely demand more money for the troops.", ["author", "Lee Sang-hyun"]),
        # the next question, or a dateline, ends the answer
        (
            "Lee: If Trump wins, he will likely demand more money.\n\nQ: Tariffs could rise if Trump"
            " wins, some say.\n\nIf Harris wins, talks could resume.",
            ["author", "Lee Sang-hyun", "author", "author"],
        ),
    ],
)
def test_an_interview_written_as_a_transcript_credits_the_labelled_answers(extract, answer, sources):
    statements = extract(INTERVIEW_LEAD + answer, date="2024-10-01")
    assert [s.source for s in statements] == sources, [s.sentence for s in statements]


@pytest.mark.parametrize("label", ["Donald Trump", "Update", "Editor's Note", "Victor Cha"])
def test_a_label_that_names_no_one_introduced_ends_the_answer(extract, label):
    """A candidate, a word, or a name the article never introduced: not the answer's
    speaker going on, nor a speaker of its own."""
    text = (
        INTERVIEW_LEAD
        + "Lee: If Trump wins, he will likely demand more money.\n\n"
        + f"{label}: If Harris wins, tariffs on Korean cars could fall."
    )
    assert [s.source for s in extract(text, date="2024-10-01")] == ["author", "Lee Sang-hyun", "author"]


ROUNDUP = (
    "What the experts say\n\nWe asked specialists what the vote means for the peninsula.\n\n"
    "Victor Cha, Korea Chair, Center for Strategic and International Studies\n\n"
    "If Trump wins, he will almost certainly reopen the cost-sharing deal. A summit with Kim is likely.\n\n"
    "Sue Mi Terry, senior fellow, Council on Foreign Relations:\n\n"
    "A Harris administration would keep trilateral cooperation on track.\n\n"
    "Kim Sung-han, professor, Korea University — Whoever wins, North Korea may test a missile.\n\n"
    "Park Won-gon (Ewha Womans University): Under Trump, tariffs on Korean cars could rise."
)


def test_an_experts_roundup_credits_each_under_their_caption(extract):
    """A caption on its own line, or before the words after a colon or a dash; the name
    is described by a title or an organization."""
    sources = [s.source for s in extract(ROUNDUP, date="2024-10-01")]
    assert sources == ["Victor Cha", "Victor Cha", "Sue Mi Terry", "Kim Sung-han", "Park Won-gon"]


@pytest.mark.parametrize(
    "line",
    [
        "Victor Cha, Korea Chair, Center for Strategic and International Studies",  # a columnist's line
        "By Kim Tae-gyu, Yonhap News Agency",  # a byline
        "Kim Tae-gyu, staff reporter",
    ],
)
def test_one_caption_alone_leaves_the_article_its_authors(extract, line):
    text = f"Seoul braces for the vote\n\n{line}\n\nIf Trump wins, tariffs on Korean cars could rise."
    assert [s.source for s in extract(text, date="2024-10-01")] == ["author"]


@pytest.mark.parametrize(
    ("introduction", "sources"),
    [
        # the person the sentence before introduces is nearer than the candidate the
        # headline named
        ("Victor Cha, a professor at Georgetown University, was blunt about it.", ["Victor Cha"]),
        # a candidate introducing the quotation keeps it: his own words are stance
        ("Trump spoke at a rally in Ohio on Tuesday.", []),
    ],
)
def test_he_said_after_a_headline_naming_a_candidate_is_the_person_just_introduced(
    extract, introduction, sources
):
    text = f'Trump and Korea\n\n{introduction}\n\n"If Trump wins, tariffs on Korean cars will rise," he said.'
    assert [s.source for s in extract(text, date="2024-10-20")] == sources


def test_an_explainers_answers_stay_the_authors_whoever_they_quote(extract):
    """ "A:" answers the person the lead introduces, before the first question; an expert
    quoted inside an explainer's answer does not answer its next question."""
    text = (
        "EXPLAINER: What a Trump win would mean for South Korea\n\nQ: Will tariffs rise?\n\n"
        "A: Very likely. Victor Cha, a professor at Georgetown University, was blunt about it.\n\n"
        '"If Trump wins, tariffs on Korean cars will rise," he said.\n\nQ: What about the troops?\n\n'
        "A: If Trump wins, a partial withdrawal of U.S. troops could be on the table."
    )
    assert [s.source for s in extract(text, date="2024-10-20")] == ["Victor Cha", "author"]
