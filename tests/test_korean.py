"""Korean articles: language at ingest, the Korean steps, one matrix with English."""

from __future__ import annotations

import json

import pytest

from scenariodesk.analyze import analyze_document
from scenariodesk.ingest import detect_language
from scenariodesk.models import Document

pytestmark = pytest.mark.slow


def ko(lens, text: str, date: str = "2024-09-01"):
    return analyze_document(Document(text=text, date=date, language="ko"), lens).statements


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("트럼프가 재선되면 방위비 분담금 인상 요구가 거세질 것으로 보인다.", "ko"),
        ("한·미 FTA 재협상 땐 IRA 보조금도 흔들릴 수 있다.", "ko"),
        ("If Trump wins, tariffs on Korean cars would rise.", "en"),
    ],
)
def test_language_from_the_share_of_hangul(text, language):
    assert detect_language(text) == language


def test_a_language_header_wins_over_detection(tmp_path, lens):
    from scenariodesk.ingest import read_documents

    path = tmp_path / "a.txt"
    path.write_text("LANGUAGE: en\n\n트럼프 트럼프 트럼프. If Trump wins, tariffs would rise.\n")
    ((_, doc),) = list(read_documents([path], lens))
    assert doc.language == "en"


STATEMENTS = [
    pytest.param(
        "트럼프가 재선되면 방위비 분담금 인상 요구가 거세질 것으로 보인다.",
        ("trump", "cost_sharing", "-", "likely", "author"),
        id="condition-cue-domain",
    ),
    pytest.param(
        "누가 당선되든 북한의 핵실험 가능성은 낮다.",
        ("any", "nk_threat", "-", "unlikely", "author"),
        id="whoever-wins-lowering-cue",
    ),
    pytest.param(
        "김민수 고려대 정치외교학과 교수는 “해리스가 당선되면 한·미 동맹이 한층 강화될 것”이라고 말했다.",
        ("harris", "alliance", "+", "very_likely", "김민수"),
        id="speaker-without-affiliation-or-title",
    ),
    pytest.param(
        "국정원은 트럼프 2기에 북미 정상회담이 열릴 가능성이 있다고 밝혔다.",
        ("trump", "nk_diplomacy", "+", "even_chance", "National Intelligence Service"),
        id="body-to-canonical-name",
    ),
]


@pytest.mark.parametrize(("text", "expected"), STATEMENTS)
def test_korean_statement_fields(lens, text, expected):
    condition, domain, direction, band, source = expected
    (st,) = ko(lens, text)
    assert (st.condition, st.direction, st.likelihood, st.source) == (condition, direction, band, source)
    assert domain in st.domains


def test_advice_is_not_a_projection(lens):
    assert not ko(lens, "트럼프가 당선되면 정부는 방위비 협상에 철저히 대비해야 한다.")


def test_two_outcomes_in_one_sentence_share_its_predicate(lens):
    text = "클린턴이 당선되면 한·미 공조가 두터워지는 반면, 트럼프가 승리하면 한국을 제쳐 두고 북한과 직접 담판을 벌일 가능성이 거론된다."
    statements = ko(lens, text, date="2016-10-20")
    assert [(s.condition, s.likelihood) for s in statements] == [
        ("clinton", "even_chance"),
        ("trump", "even_chance"),
    ]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # a clause per candidate, with no outcome phrase: two statements, each its cue
        (
            "트럼프 후보는 관세를 높일 가능성이 크고, 해리스 후보는 동맹을 중시할 것으로 예상된다.",
            [("trump", "likely", "trade"), ("harris", "likely", "alliance")],
        ),
        # one clause naming both: whoever wins
        ("트럼프와 해리스 모두 대북 제재를 유지할 것으로 예상된다.", [("any", "likely", "nk_diplomacy")]),
    ],
)
def test_clauses_about_two_candidates_are_two_statements_and_one_about_both_is_any(lens, text, found):
    assert [(s.condition, s.likelihood, s.domains[0]) for s in ko(lens, text)] == found


def test_a_surname_with_a_title_is_the_speaker_named_before(lens):
    text = (
        "국가안보전략연구원 민지석 선임연구원은 “트럼프가 당선되면 방위비 협상이 어려워질 것”이라고 말했다.\n"
        "민 연구원은 트럼프 행정부가 주한미군 감축 카드를 꺼낼 수도 있다고 덧붙였다."
    )
    assert [s.source for s in ko(lens, text)] == ["민지석", "민지석"]


EN = "DATE: 2024-09-01\n\nIf Trump wins, the cost-sharing talks are likely to turn into a crisis for Seoul.\n"
KO = "DATE: 2024-09-01\n\n트럼프가 재선되면 방위비 분담금 인상 요구가 거세질 것으로 보인다.\n"


@pytest.fixture
def bilingual(tmp_path, lens):
    """A store holding one English and one Korean article on the same cell, analyzed."""
    from scenariodesk.pipeline import analyze_store, ingest_paths
    from scenariodesk.store import Store

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "en.txt").write_text(EN)
    (folder / "ko.txt").write_text(KO)
    db = tmp_path / "bilingual.db"
    with Store(db) as store:
        ingest_paths(store, [folder], lens)
        analyze_store(store, lens)
    return db


def test_korean_and_english_statements_land_in_one_matrix(bilingual, lens):
    from scenariodesk.aggregate import build_matrix
    from scenariodesk.store import Store

    with Store(bilingual) as store:
        assert sorted(d.language for d in store.iter_documents()) == ["en", "ko"]
        matrix = build_matrix(store.iter_statements(), lens)
    cell = matrix.cells[("trump", "cost_sharing")]
    assert cell.statements == 2 and cell.net_direction < 0


def test_statements_filter_by_language(bilingual):
    import json

    from typer.testing import CliRunner

    from scenariodesk.cli import app

    result = CliRunner().invoke(
        app, ["statements", "--db", str(bilingual), "--language", "ko", "--format", "json"]
    )
    rows = json.loads(result.stdout)
    assert len(rows) == 1 and "방위비" in rows[0]["sentence"]


def test_the_web_shows_and_filters_the_language(bilingual, lens):
    from fastapi.testclient import TestClient

    from scenariodesk.store import Store
    from scenariodesk.web.app import create_app

    with Store(bilingual) as store:
        ko_doc = next(d.id for d in store.iter_documents() if d.language == "ko")
    with TestClient(create_app(bilingual, lens=lens), base_url="http://127.0.0.1") as client:
        assert "Korean" in client.get(f"/documents/{ko_doc}").text
        page = client.get("/cells/trump/cost_sharing", params={"language": "ko"}).text
        assert "방위비" in page and "cost-sharing talks" not in page
        rows = client.get("/api/v1/statements", params={"language": "en"}).json()["statements"]
        assert rows and all("방위비" not in r["sentence"] for r in rows)


def test_a_korean_name_ending_like_a_body_is_still_a_name(lens):
    text = "박지원 한국무역협회 연구원은 “해리스가 당선되면 IRA 보조금은 유지될 것으로 보인다”고 말했다."
    (st,) = ko(lens, text)
    assert st.source == "박지원"


def test_a_bulleted_quotation_takes_the_speaker_of_the_caption_before(lens):
    text = (
        "바이든 후보가 당선되면 방위비 협상이 빨라질 것이라는 전망이 나온다.\n\n"
        "▶ 전화인터뷰 : 서태환 / 한동대 국제지역학과 교수\n\n"
        '- "어느 쪽이 이기든 방위비 협상은 한국에 쉽지 않은 숙제로 남을 겁니다."\n'
    )
    quoted = [s for s in ko(lens, text, date="2020-10-20") if "숙제" in s.sentence]
    assert [s.source for s in quoted] == ["서태환"]


@pytest.mark.parametrize(
    "text",
    [
        # the speaker and the sound bite in one bracket (lens `ko.speaker_lines`, `said`)
        "[김재천 / 서강대 국제대학원 교수 : 트럼프가 당선되면 방위비 분담금 인상 요구가 커질 것으로 보입니다.]",
        # a caption tag in brackets, then the quotation
        '[인터뷰] 김재천 / 서강대 국제대학원 교수\n\n"트럼프가 당선되면 방위비 분담금 인상 요구가 커질 것으로 보입니다."',
        # the caption and the quotation on one line
        '<김재천 / 서강대 국제대학원 교수> "트럼프가 당선되면 방위비 분담금 인상 요구가 커질 것으로 보입니다."',
        # a caption line in brackets alone, the sound bite below it
        '[김재천/서강대 국제대학원 교수]\n\n"트럼프가 당선되면 방위비 분담금 인상 요구가 커질 것으로 보입니다."',
        # the caption in brackets and the quotation after it on one line
        '[김재천 / 서강대 국제대학원 교수] "트럼프가 당선되면 방위비 분담금 인상 요구가 커질 것으로 보입니다."',
    ],
)
def test_broadcast_captions_name_the_speaker_of_their_sound_bite(lens, text):
    assert [s.source for s in ko(lens, text)] == ["김재천"]


def test_a_captions_affiliation_names_no_domain(lens):
    """'미중정책연구소장' describes the speaker: the sound bite is about cost-sharing alone."""
    text = '[김흥규 / 아주대 미중정책연구소장] "트럼프가 돌아오면 방위비 인상 압박은 피할 수 없을 것입니다."'
    (st,) = ko(lens, text)
    assert (st.source, st.domains) == ("김흥규", ("cost_sharing",)), st.rules


@pytest.mark.parametrize(
    "text",
    [
        "두 후보 모두 북핵 문제에 뾰족한 해법을 내놓기 어려울 것이다.",
        "어느 쪽이든 우리 경제가 받을 충격은 클 것이다.",  # either way
    ],
)
def test_both_candidates_is_whoever_wins(lens, text):
    (st,) = ko(lens, text)
    assert st.condition == "any", st.rules


def test_depending_on_who_wins_and_around_the_vote_are_any_outcome(lens):
    """ "누가 당선되느냐에 따라" (depending on who wins) ties the consequence to the result,
    not to one candidate, as "대선 결과에 따라" does; "대선 전후로" (around the vote) times
    it by the election: both are `any` after a paragraph about one candidate."""
    lead = "트럼프가 당선되면 방위비 분담금 인상 압박이 커질 것이다.\n\n"
    for text in (
        "누가 당선되느냐에 따라 한반도 정세도 크게 요동칠 전망이다.",
        "북한이 미 대선 전후로 핵실험에 나설 가능성을 배제할 수 없다.",
    ):
        statements = ko(lens, lead + text)
        assert [st.condition for st in statements if st.sentence == text] == ["any"], statements


def test_a_candidates_sound_bite_under_its_caption_is_stance(lens):
    """A caption naming the candidate makes the sound bite below it their own pledge
    (convention 4), not the article's projection."""
    text = (
        "바이든이 당선되면 방위비 협상이 타결될 가능성이 높다.\n\n"
        "[조 바이든/민주당 대선후보(8월 전당대회)]\n\n"
        '"동맹, 친구들과 함께 가는 대통령이 되겠습니다. 적들에게 분명히 말합니다."'
    )
    assert [s.sentence for s in ko(lens, text, date="2020-10-15")] == [
        "바이든이 당선되면 방위비 협상이 타결될 가능성이 높다."
    ]


def test_a_korean_body_name_and_its_english_canonical_are_one_source(lens):
    assert lens.actor_aliases["국정원"] == "National Intelligence Service"
    assert lens.actor_aliases["산업통상자원부"] == lens.actor_aliases["the trade ministry"]
    assert lens.actor_aliases["국가안보실"] == lens.actor_aliases["the national security office"]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # the speaker named after an unquoted reported clause ("…보인다고 김 교수는 말했다")
        (
            "트럼프가 재집권하면 방위비 분담금 인상 압박이 커질 것으로 보인다고 김재천 서강대 교수는 말했다.",
            "김재천",
        ),
        # "X에 따르면" with no reporting verb
        ("박원곤 이화여대 교수에 따르면 트럼프 2기 행정부는 북미 정상회담을 추진할 가능성이 높다.", "박원곤"),
        # ... and "X의 말을 빌리면" (to borrow X's words)
        (
            "박원곤 이화여대 교수의 말을 빌리면 트럼프 2기 행정부는 북미 정상회담을 추진할 가능성이 높다.",
            "박원곤",
        ),
        # a cited work speaks for its author, whether cited or the verb's subject ...
        (
            "한국경제연구원이 발표한 보고서에 따르면 트럼프가 당선되면 한국 수출이 타격을 받을 수 있다.",
            "한국경제연구원",
        ),
        (
            "국제무역통상연구원이 낸 '트럼프 2기 통상정책 전망' 보고서에 따르면 트럼프가 당선되면 수출이 줄어들 수 있다.",
            "국제무역통상연구원",
        ),
        (
            "한국경제연구원의 보고서는 트럼프가 당선되면 한국 수출이 타격을 받을 수 있다고 분석했다.",
            "한국경제연구원",
        ),
        # ... and a work with no author named is the author's
        ("보고서에 따르면 트럼프가 당선되면 한국 수출이 타격을 받을 수 있다.", "author"),
        # a name in Latin letters before its title is the name, not the title
        (
            'Victor Cha 석좌는 "트럼프가 재선되면 김정은과 정상회담을 추진할 가능성이 크다"고 말했다.',
            "Victor Cha",
        ),
        # ... with its initials, which end no phrase
        (
            '랜드연구소의 Bruce W. Bennett 선임연구원은 "트럼프가 재집권하면 주한미군 감축 논의가 재개될 가능성이 크다"고 말했다.',
            "Bruce W. Bennett",
        ),
        ('J.D. Kim 교수는 "트럼프가 당선되면 방위비 분담금 인상 압박이 커질 것"이라고 내다봤다.', "J.D. Kim"),
        # a name before "전" (former), whatever proper nouns the affiliation after it holds
        (
            "에번스 리비어 전 국무부 동아태 수석부차관보는 트럼프가 당선되면 북미 대화가 재개될 수 있다고 전망했다.",
            "에번스 리비어",
        ),
        # a person whose affiliation is a lens body is the person, not the body
        ('신범철 전 국방부 차관은 "트럼프가 재집권하면 방위비 압박이 커질 것"이라고 말했다.', "신범철"),
        # another country's ministry is that country's, as written; the subject's own stays its own
        ("중국 외교부는 트럼프 재집권 시 미중 갈등이 격화될 것이라고 전망했다.", "중국 외교부"),
        ("미국 국방부는 트럼프가 재집권하면 주한미군 감축이 논의될 수 있다고 밝혔다.", "미국 국방부"),
        (
            "한국 외교부는 트럼프가 재집권하면 방위비 협상이 다시 열릴 수 있다고 밝혔다.",
            "South Korean Ministry of Foreign Affairs",
        ),
        # the body itself speaking stays the body
        (
            "국방부는 트럼프가 재집권하면 방위비 압박이 커질 것으로 전망했다.",
            "South Korean Ministry of National Defense",
        ),
        # "X도" (X too) with a title is a speaker; never a source of None
        ('박원곤 이화여대 교수도 "트럼프가 재집권하면 북미 대화가 재개될 가능성이 높다"고 말했다.', "박원곤"),
        # "…는 게 X의 분석이다"
        ("트럼프 2기에 주한미군이 감축될 수 있다는 게 김재천 교수의 분석이다.", "김재천"),
        # the name nearest the title, not the first proper noun of the phrase
        (
            '미국 싱크탱크 애틀랜틱카운슬의 로버트 매닝 선임연구원은 "트럼프가 재집권하면 방위비 압박이 커질 것"이라고 말했다.',
            "로버트 매닝",
        ),
        # a foreign given name before a one-syllable surname
        (
            '조셉 윤 전 대북정책특별대표는 "트럼프가 재집권하면 북미 대화가 재개될 가능성이 높다"고 전망했다.',
            "조셉 윤",
        ),
        # a Korean name Kiwi splits in context, right before its title
        (
            '김정은 위원장과 세 차례 만난 트럼프 전 대통령에 대해 박원곤 교수는 "트럼프가 재집권하면 북미 정상회담이 열릴 수 있다"고 말했다.',
            "박원곤",
        ),
        # "한 연구위원" is "a researcher"
        ('한국경제연구원 한 연구위원은 "트럼프가 재집권하면 관세 압박이 커질 것"이라고 말했다.', "author"),
        # unnamed stays the author
        ('한 외교 소식통은 "트럼프가 재집권하면 북미 정상회담이 열릴 수 있다"고 말했다.', "author"),
        # a body the lens does not know speaks as written (ANNOTATION-ko)
        ("트럼프가 당선되면 관세 압박이 커질 것이라고 한국경제연구원은 내다봤다.", "한국경제연구원"),
        ("미 국무부는 누가 당선되든 한미동맹은 굳건할 것이라고 밝혔다.", "국무부"),
        # a title compounded with its field or body ("국회의원", "경제수석", "통상정책국장"),
        # not the speaker, nor the body before it
        (
            '김병주 더불어민주당 국회의원은 "트럼프가 재집권하면 방위비 압박이 커질 것"이라고 말했다.',
            "김병주",
        ),
        ('박성훈 대통령실 경제수석은 "트럼프가 재집권하면 관세 압박이 커질 수 있다"고 말했다.', "박성훈"),
        ('최진우 산업부 통상정책국장은 "트럼프가 재집권하면 관세 압박이 커질 수 있다"고 말했다.', "최진우"),
        # what is spoken about, topic-marked, is not who speaks
        ('트럼프 전 대통령에 대해서는 "한·미·일 구도를 섣불리 뒤엎을 것 같지는 않다"고 내다봤다.', "author"),
        ('김재천 교수는 트럼프 재집권 가능성을 두고는 "방위비 압박이 커질 것"이라고 내다봤다.', "김재천"),
        # an embassy, a Japanese ministry (a long word in 성); a name in 성 stays a name
        ("주한미국대사관은 누가 당선되든 한미동맹은 굳건할 것이라고 밝혔다.", "주한미국대사관"),
        ("트럼프 당선 시 관세가 오를 가능성이 높다고 일본 경제산업성은 밝혔다.", "경제산업성"),
        ("트럼프 당선 시 관세가 오를 가능성이 높다고 김민성 교수는 밝혔다.", "김민성"),
        # without the abbreviation in brackets beside its name
        (
            "한국개발연구원(KDI)은 보고서에서 트럼프 당선 시 한국의 대미 수출이 감소할 수 있다고 밝혔다.",
            "한국개발연구원",
        ),
        # name, affiliation, title: the name however Kiwi reads it (최강 is also a noun)
        ('최강 아산정책연구원 원장은 "해리스가 당선되면 한미일 협력이 유지될 것"이라고 말했다.', "최강"),
        # affiliation, name, title: the same name, read as one in the phrase (not the body)
        ('아산정책연구원 최강 원장은 "해리스가 당선되면 한미일 협력이 유지될 것"이라고 말했다.', "최강"),
        # a party before the name (국민의힘, the party whose name does not end in 당),
        # and 씨 (Mr., Ms.) as a title after an office held before
        ('국민의힘 김철수 의원은 "트럼프가 재집권하면 방위비 압박이 커질 것"이라고 말했다.', "김철수"),
        ("전 국방부 장관 김철수 씨는 트럼프가 재집권하면 방위비 압박이 커질 것이라고 말했다.", "김철수"),
        # a title fused with its body ("국정원장") and a "former" before it
        ('박지원 전 국정원장은 "트럼프가 당선되면 북미 대화가 재개될 것"이라고 말했다.', "박지원"),
        # a place between the name and the affiliation is no part of the name
        (
            "빅터 차 미국 전략국제문제연구소(CSIS) 한국석좌는 트럼프가 재집권하면 주한미군 감축이 추진될 수 있다고 말했다.",
            "빅터 차",
        ),
        # "…라는 게 X의 전망이다" and a reporting verb after the clause, with "가"
        ("트럼프가 재집권하면 방위비 압박이 커질 것이라는 게 김재천 서강대 교수의 전망이다.", "김재천"),
        ("트럼프가 재집권하면 방위비 압박이 커질 것이라고 김재천 서강대 교수가 말했다.", "김재천"),
        # "…라는 관측이 나온다", "외교가에서는": unnamed
        ("트럼프가 재집권하면 주한미군 감축 논의가 본격화할 것이라는 관측이 나온다.", "author"),
        ("외교가에서는 해리스가 당선되면 한미일 협력이 유지될 것이라는 전망이 나온다.", "author"),
        # a name and title in brackets after the quotation: who said it; other brackets are not
        ('"트럼프가 재집권하면 방위비 압박이 커질 것"(김재천 서강대 교수)이라는 전망이 나온다.', "김재천"),
        ('"트럼프가 재집권하면 방위비 압박이 커질 것"(AP통신)이라는 관측이 나온다.', "author"),
        # "그는" with no speaker yet: the person last named with a title
        (
            '김재천 서강대 교수는 25일 토론회에서 발제를 맡았다. 그는 "트럼프가 재선되면 방위비 압박이 커질 것"이라고 말했다.',
            "김재천",
        ),
        # a title compounded with its field ("안보센터장", "통상정책연구처장") after a body the
        # lens knows: the person named first, not the body
        (
            '최현 아산정책연구원 안보센터장은 "트럼프 당선 시 북미 정상회담이 성사될 수도 있다"고 했다.',
            "최현",
        ),
        (
            "이서연 아산정책연구원 통상정책연구처장은 트럼프 당선 시 관세 압박이 커질 것으로 내다봤다.",
            "이서연",
        ),
    ],
)
def test_korean_speaker_forms(lens, text, speaker):
    assert [s.source for s in ko(lens, text)] == [speaker]


@pytest.mark.parametrize(
    "ending",
    ["커질 공산이 크다고", "커질 것으로 예상된다고", "커질 수 있다며"],
)
def test_a_speaker_named_after_a_reported_clause_s_plain_ending_is_its_source(lens, ending):
    """Kiwi cuts "…크다고 김민수 교수는" after "크다" when a name follows the quotative
    particle: the clause and its speaker are one sentence."""
    text = f"트럼프가 당선되면 방위비 분담금 인상 압박이 {ending} 김민수 고려대 교수는 말했다."
    (st,) = ko(lens, text)
    assert (st.source, st.sentence) == ("김민수", text)


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # a view announced before its quotation ("X의 분석은 이렇다")
        (
            '박원곤 이화여대 교수의 분석은 이렇다.\n\n"트럼프가 재집권하면 북미 정상회담이 열릴 가능성이 크다."',
            "박원곤",
        ),
        # "그는" after a person named with a title under any particle
        (
            '김재천 서강대 교수에게 트럼프 재집권의 영향을 물었다.\n\n그는 "방위비 압박이 커질 것"이라고 답했다.',
            "김재천",
        ),
    ],
)
def test_a_speaker_introduced_in_the_sentence_before(lens, text, speaker):
    assert [s.source for s in ko(lens, text)] == [speaker]


@pytest.mark.parametrize(
    "following",
    [
        "그러면서 트럼프 재집권 시 방위비 압박이 커질 것으로 내다봤다.",
        '이어 "트럼프가 당선되면 방위비 압박이 커질 것"이라고 덧붙였다.',
    ],
)
def test_a_reporting_verb_with_no_subject_of_its_own_goes_on_with_the_last_speaker(lens, following):
    """The subject of "…압박이 커질 것으로" is the reported clause's, not who speaks."""
    text = '김재천 서강대 교수는 "트럼프가 당선되면 관세 압박이 커질 것"이라고 말했다.\n\n' + following
    assert [s.source for s in ko(lens, text)] == ["김재천", "김재천"]


@pytest.mark.parametrize(
    ("introduction", "follow", "speaker"),
    [
        ("박원곤 이화여대 교수는 트럼프를 잘 안다.", "박 교수는", "박원곤"),
        ("빅터 차 CSIS 한국석좌는 트럼프를 잘 안다.", "차 석좌는", "빅터 차"),
        # a foreign surname of several syllables; an affiliation before a Korean name is
        # no given name ("서강대 김철수")
        ("로버트 아인혼 브루킹스연구소 선임연구원은 트럼프를 잘 안다.", "아인혼 연구원은", "로버트 아인혼"),
        ("서강대 김철수 교수는 트럼프를 잘 안다.", "김철수 교수는", "김철수"),
        ("미국 헤리티지재단 클링너 연구원은 트럼프를 잘 안다.", "클링너 연구원은", "클링너"),
    ],
)
def test_a_surname_with_a_title_is_the_person_introduced_before_speaking(lens, introduction, follow, speaker):
    """The person named with a title in a sentence where they do not speak (the title
    with its particle, "교수는"), Korean or foreign name order."""
    text = f"{introduction}\n\n{follow} 트럼프 재집권 시 관세 압박이 거세질 수 있다고 말했다."
    assert [s.source for s in ko(lens, text)] == [speaker]


@pytest.mark.parametrize(
    "cited",
    [
        "한국경제연구원 보고서에 따르면 트럼프가 당선되면 대미 수출이 줄어들 수 있다.",
        "한국경제연구원이 발표한 보고서는 트럼프가 당선되면 대미 수출이 줄어들 수 있다고 분석했다.",
    ],
)
@pytest.mark.parametrize(
    "again",
    [
        "보고서는 트럼프 재집권 시 자동차 업종의 관세 타격이 클 것으로 분석했다.",
        "이 보고서는 트럼프 재집권 시 자동차 업종의 관세 타격이 클 것으로 분석했다.",
    ],
)
def test_the_report_speaks_for_the_author_it_was_cited_with_before(lens, cited, again):
    """A work cited with its author ("한국경제연구원 보고서에 따르면") is who the work is when
    it speaks again alone ("보고서는 …"), as "the report" is in English."""
    assert [s.source for s in ko(lens, f"{cited}\n\n{again}")] == ["한국경제연구원"] * 2


def test_a_bare_kind_of_body_is_the_body_of_that_kind_named_before(lens):
    """ "협회는" after "한국무역협회는" is the association, as "the institute" would be."""
    text = (
        '한국무역협회는 "트럼프가 당선되면 대미 수출이 10% 감소할 수 있다"고 분석했다.\n\n'
        "협회는 트럼프 재집권 시 반도체 업종의 관세 피해가 클 것으로 내다봤다."
    )
    assert [s.source for s in ko(lens, text)] == ["한국무역협회"] * 2


def test_the_elections_own_odds_are_no_consequence(lens):
    """ "재집권 가능성이 높아지면서" judges the race, not what the outcome would bring."""
    assert ko(lens, "트럼프 전 대통령의 재집권 가능성이 높아지면서 통상 당국과 업계가 긴장하고 있다.") == ()


def test_a_report_no_author_was_named_with_is_the_authors(lens):
    text = "보고서는 트럼프 재집권 시 자동차 업종의 관세 타격이 클 것으로 분석했다."
    assert [s.source for s in ko(lens, text)] == ["author"]


@pytest.mark.parametrize("opening", ["그의 설명에 따르면", "그에 따르면"])
def test_according_to_him_is_the_last_speaker(lens, opening):
    text = (
        '김재천 서강대 교수는 "트럼프가 당선되면 관세 압박이 커질 것"이라고 말했다.\n\n'
        f"{opening} 트럼프 재집권 시 방위비 압박도 거세질 수 있다."
    )
    assert [s.source for s in ko(lens, text)] == ["김재천", "김재천"]


@pytest.mark.parametrize(
    "verb",
    [
        # the polite present of broadcast scripts, and the plain present
        "고 말합니다",
        "고 설명합니다",
        "고 내다봅니다",
        "고 봤습니다",
        "고 말한다",
        "고 짚는다",
        # verbs of other conjugations, and speech as a stance shown
        "고 꼬집었다",
        "고 짚었다",
        "며 우려를 나타냈다",
        "며 기대감을 드러냈습니다",
    ],
)
def test_a_reporting_verb_in_any_form_names_its_subject(lens, verb):
    """The lens lists reporting verbs by stem; Kiwi conjugates them, so a form nobody
    wrote down ("설명합니다", "짚었다") still makes its subject the speaker."""
    text = f'신범철 전 국방부 차관은 "트럼프가 당선되면 주한미군 철수 카드를 꺼낼 수 있다"{verb}.'
    assert [s.source for s in ko(lens, text)] == ["신범철"]


def test_a_stem_inside_another_word_reports_nothing(lens):
    """ "본다" opens no word in "일본다운": the stem 보 is matched at a word's start only
    (else the sentence would go on with the last speaker, as one with no subject does)."""
    text = (
        '김재천 서강대 교수는 "트럼프가 당선되면 관세 압박이 커질 것"이라고 말했다.\n\n'
        "트럼프가 당선되면 일본다운 방식의 방위비 압박이 커질 수 있다."
    )
    assert [s.source for s in ko(lens, text)] == ["김재천", "author"]


def test_the_subject_inside_a_reported_clause_is_not_the_speaker(lens):
    text = "트럼프 재집권 시 방위비 압박이 커질 것으로 김재천 서강대 교수는 내다봤다."
    assert [s.source for s in ko(lens, text)] == ["김재천"]


def test_a_bare_quotation_takes_the_speaker_the_next_sentence_names(lens):
    text = (
        '김재천 서강대 교수는 "트럼프가 재집권하면 방위비 압박이 커질 것"이라고 말했다.\n\n'
        '"트럼프 2기에는 주한미군 감축 카드를 꺼낼 수도 있다."\n\n'
        "박원곤 이화여대 교수의 설명이다."
    )
    assert [s.source for s in ko(lens, text)] == ["김재천", "박원곤"]


def test_a_bare_quotation_takes_the_titled_person_the_sentence_before_opens_on(lens):
    """A person introduced without a reporting verb ("발표자로 나섰다") speaks the bare
    quotation right after (convention 11); a candidate never does, nor anyone earlier."""
    introduced = "박원곤 이화여대 교수는 이날 세미나에서 발표자로 나섰다.\n"
    quote = '"트럼프가 당선되면 북미 대화가 재개될 수 있다"는 것이다.'
    assert [s.source for s in ko(lens, introduced + quote)] == ["박원곤"]
    candidate = "트럼프 전 대통령은 이날 유세에 나섰다.\n"
    assert [s.source for s in ko(lens, candidate + quote)] == ["author"]
    earlier = introduced + "세미나에는 200여 명이 참석했다.\n"
    assert [s.source for s in ko(lens, earlier + quote)] == ["author"]


def test_daejung_before_a_policy_word_is_china(lens):
    """대중 (toward China) before a policy noun: "대중 견제" is China containment."""
    (st,) = ko(lens, "누가 백악관에 입성하든 대중 견제 기조는 유지될 것으로 보인다.")
    assert (st.condition, st.domains) == ("any", ("china",))


def test_any_syllable_ending_in_rieul_makes_the_asserted_future(lens):
    """'클 것이다' as '할 것이다': the lens writes the ending once as {ㄹ}."""
    text = "트럼프가 당선되면 한국의 방위비 부담이 클 것이다."
    assert [(s.condition, s.likelihood) for s in ko(lens, text)] == [("trump", "very_likely")]


def test_a_korean_sections_outcome_holds_until_the_next_heading(lens):
    """As in English: "시나리오 1: 트럼프 재집권" puts its section under Trump, "새 행정부는 …"
    (the new administration) too, and the next heading ends it."""
    text = (
        "미 대선 결과에 따른 한반도 시나리오\n\n두 가지 시나리오를 살펴본다.\n\n"
        "시나리오 1: 트럼프 재집권\n\n새 행정부는 방위비 분담금 재협상을 요구할 것으로 보인다.\n\n"
        "한국산 철강과 자동차에 대한 관세도 오를 가능성이 크다.\n\n"
        "시나리오 2: 해리스 당선\n\n새 행정부는 방위비 분담금 협정을 그대로 유지할 것으로 보인다.\n\n"
        "전망\n\n새 행정부는 방위비 분담금 협정을 재검토할 것으로 보인다."
    )
    assert [s.condition for s in ko(lens, text)] == ["trump", "trump", "harris", "any"]


@pytest.mark.parametrize(
    ("text", "band"),
    [
        # uncertain, unclear: the opposite of certain, and unlikely as 불투명하다 is
        ("해리스가 당선되면 북미 대화 재개 여부는 불확실하다.", "unlikely"),
        ("해리스가 당선되면 대북 정책의 방향은 불분명하다.", "unlikely"),
        ("트럼프가 재집권하면 주한미군 감축이 확실하다.", "almost_certain"),
        # a possibility reported to be raised is one, as 가능성이 제기된다 is
        ("트럼프가 재집권하면 북미 정상회담이 성사될 가능성도 점쳐진다.", "even_chance"),
        ("트럼프가 재집권하면 주한미군이 감축될 가능성이 언급된다.", "even_chance"),
        ("트럼프가 재집권하면 주한미군이 감축될 가능성이 대두된다.", "even_chance"),
        ("트럼프가 재집권하면 주한미군 감축 가능성이 나온다.", "even_chance"),
        ("트럼프가 재집권하면 주한미군이 감축될 가능성이 크게 점쳐진다.", "likely"),
    ],
)
def test_korean_cues_for_doubt_and_a_raised_possibility(lens, text, band):
    assert [s.likelihood for s in ko(lens, text)] == [band]


@pytest.mark.parametrize(
    "text",
    [
        # a name that ends like a topic particle (김정은) is not the speaker
        "트럼프는 재임 시절 김정은 북한 국무위원장과 잘 지냈고 다시 집권해도 북미 대화가 재개될 것이라고 공언했다.",
        # nor is the adnominal -는 of a verb (취임하는 날)
        "트럼프는 취임하는 날 곧바로 우크라이나 지원을 끊어 전쟁을 끝낼 수 있다고 장담해 왔다.",
        # nor is the candidate's own "if elected" (the topic opening the outcome phrase)
        "트럼프는 당선되면 모든 수입품에 10% 관세를 부과하겠다고 공약했다.",
    ],
)
def test_a_candidates_own_claim_is_stance_whatever_follows_his_name(lens, text):
    assert not ko(lens, text)


def test_an_outcome_phrase_in_a_comparison_is_no_condition(lens):
    """'트럼프 행정부 때보다' compares with Trump's term; the projection is about Biden's."""
    text = "바이든이 당선되면 한국의 외교적 입지는 트럼프 행정부 때보다 넓어질 수 있다."
    assert [s.condition for s in ko(lens, text, date="2020-10-01")] == ["biden"]


@pytest.mark.parametrize(
    "follow",
    [
        "그러면서도 그 예측 불가능성이 북한 문제에서 돌파구를 만들어낼 수 있다는 목소리도 있었다.",
        '그러면서도 "한·미·일 구도를 섣불리 뒤엎을 것 같지는 않다"고 내다봤다.',
        "이 같은 성향은 방위비 협상을 어렵게 만들 수 있다.",
    ],
)
def test_a_korean_sentence_going_on_about_the_candidate_just_named_takes_that_candidate(lens, follow):
    """As in English ("That could …"): a sentence opening on an anaphor or "그러면서" after
    one that names one candidate, though no outcome phrase, is about that candidate, not
    the paragraph's or the article's other one."""
    text = (
        "전문가들은 해리스 부통령이 당선되면 한미일 협력이 유지될 것이라고 분석했다.\n\n"
        "트럼프 전 대통령에 대해서는 예측 불가능성을 가장 큰 약점으로 꼽았다. " + follow
    )
    assert [s.condition for s in ko(lens, text)] == ["harris", "trump"]


def test_a_korean_person_after_the_candidate_is_no_anaphor(lens):
    """'이 교수는' is Professor Lee, not 'this': the text's outcome so far holds."""
    text = (
        "트럼프가 재집권하면 관세가 오를 것이라고 전문가들은 말했다.\n\n"
        '해리스 부통령은 동맹을 중시한다. 이 교수는 "한미일 협력이 강화될 것"이라고 말했다.'
    )
    assert [s.condition for s in ko(lens, text)][-1] == "trump"


def test_the_new_administration_in_a_korean_article_about_one_candidate_is_theirs(lens):
    """'새 행정부' (the winner's government) in a piece on a Biden presidency is Biden's, as
    "the new administration" is in English; where the article is about no one candidate it
    is any outcome."""
    text = (
        "바이든 후보가 당선되면 방위비 협상이 타결될 가능성이 높다.\n\n"
        "새 행정부의 대북정책 검토가 길어지면 북한이 무력시위에 나설 수 있다고 정성훈 교수는 말했다."
    )
    assert [s.condition for s in ko(lens, text, date="2020-10-15")] == ["biden", "biden"]
    both = text.replace("높다.", "높다. 트럼프 대통령은 방위비 인상을 요구해 왔다.")
    assert [s.condition for s in ko(lens, both, date="2020-10-15")] == ["biden", "any"]


def test_a_korean_generic_impact_under_any_outcome_takes_the_articles_theme(lens):
    text = (
        "누가 당선되든 한국이 받을 영향은 클 것이다.\n\n"
        "트럼프가 당선되면 방위비 분담금 인상 요구가 거세질 공산이 크다.\n\n"
        "트럼프 재집권 시 방위비 협상이 난항을 겪을 수 있다."
    )
    first, *_ = ko(lens, text)
    assert (first.condition, first.domains) == ("any", ("cost_sharing",))
    assert not ko(lens, "누가 당선되든 한국이 받을 영향은 클 것이다.")


@pytest.mark.parametrize(
    ("text", "domains"),
    [
        ("트럼프가 당선되면 한·미 FTA 재협상으로 수출이 줄어들 수 있다.", ("trade",)),
        ("트럼프가 당선되면 종전 협상이 본격화해 러시아와의 관계가 바뀔 수 있다.", ("russia",)),
        ("트럼프가 당선되면 협상이 다시 열릴 가능성이 크다.", ("nk_diplomacy",)),
    ],
)
def test_a_generic_negotiation_word_counts_only_where_no_domain_term_does(lens, text, domains):
    """'협상' (any negotiation) is a weak term of talks with the North (lens
    `ko.weak_domains`): an FTA renegotiation is trade, a ceasefire negotiation Russia."""
    (st,) = ko(lens, text)
    assert st.domains == domains


@pytest.mark.parametrize(
    ("text", "direction"),
    [
        # 어렵 is the cue's word ("hard to see as"), not the event: the event is bright (+).
        ("바이든이 당선되면 북미 협상의 앞날은 밝다고 보기 어렵다.", "+"),
        # The reason clause (…내건 만큼) is why; the event is a troop cut (−), unlikely.
        ("바이든이 당선되면 동맹 복원을 내건 만큼 주한미군 감축 카드가 다시 등장할 가능성은 희박하다.", "-"),
        # what the consequence differs from is the other side's (lens `ko.unlike`)
        (
            "바이든이 당선되면 방위비 인상을 밀어붙이고 주한미군 감축까지 입에 올렸던 트럼프 대통령과는 결이 다를 것으로 보인다.",
            "+",
        ),
        # a reason clause ending "…이어서," is why, not the consequence: the new variable is open
        (
            "바이든이 당선되면 북·러 군사 협력이 심각한 시점이어서, 선거 결과가 한미 동맹에 새로운 변수로 작용할 것이다.",
            "0",
        ),
        # the cue's own negation (리는 없다) lowers the chance; it does not flip the event
        ("바이든이 당선되면 주한미군을 완전히 철수할 리는 없다.", "-"),
        ("바이든이 당선되면 한국산 제품 관세가 인상될 리는 없다.", "-"),
        # an amount between a theme and its effect (lens `ko.quantities`)
        ("바이든이 당선되면 한국 경제성장률이 0.5%포인트 낮아질 수 있다.", "-"),
    ],
)
def test_direction_reads_the_event_not_the_cue_or_the_reason(lens, text, direction):
    """Convention 9: a lowering cue keeps the event's sign, so the cue's own words are not
    impact; a reason clause before the consequence (lens `ko.reason_endings`) is not it."""
    (st,) = ko(lens, text, date="2020-09-01")
    assert st.direction == direction, st.rules


@pytest.mark.parametrize(
    "text",
    [
        "트럼프가 당선되면 선거 결과가 한미 동맹에 새로운 변수로 작용할 가능성이 크다.",
        "해리스가 당선되면 대북 정책에 큰 변화는 없을 것이다.",
        "트럼프가 당선되면 미국은 대북 정책에서 어떤 선택지도 배제하지 않을 것이다.",
    ],
)
def test_an_effect_open_either_way_is_no_sign(lens, text):
    """A new variable, a change or every option kept (lens `ko.impact.open`): the
    consequence's direction is unclear, `0` (ANNOTATION: mixed/unclear)."""
    (st,) = ko(lens, text)
    assert st.direction == "0", st.rules


# ANNOTATION-ko's cue table, each cue as a sentence would conjugate it.
KO_CUE_TABLE = [
    ("방위비 압박이 커질 것이 확실하다", "almost_certain"),
    ("방위비 압박 강화가 확실시된다", "almost_certain"),
    ("방위비 압박이 커질 것이 틀림없다", "almost_certain"),
    ("방위비 압박이 커질 것이다", "very_likely"),
    ("방위비 압박이 커질 가능성이 매우 높다", "very_likely"),
    ("방위비 압박이 커질 것으로 보인다", "likely"),
    ("방위비 압박이 커질 것으로 전망된다", "likely"),
    ("방위비 압박이 커질 것으로 우려된다", "likely"),  # "is feared to": the 것으로 … family
    ("방위비 압박이 커질 가능성이 크다", "likely"),
    ("방위비 압박이 커질 듯하다", "likely"),
    # a headline's clipped endings
    ("방위비 압박 커질 듯", "likely"),
    ("방위비 압박 거세질 전망", "likely"),
    ("한미동맹 강화 예상", "likely"),
    ("방위비 압박 거세질 수도", "even_chance"),
    ("관세 압박 커질 가능성", "even_chance"),
    ("방위비 압박이 커질 공산이 크다", "likely"),
    ("방위비 압박이 커질 수 있다", "even_chance"),
    ("방위비 압박이 커질지도 모른다", "even_chance"),
    ("방위비 압박이 커질 우려가 있다", "even_chance"),
    ("방위비 압박이 커질 가능성이 낮다", "unlikely"),
    ("방위비 협상이 타결되기 어려울 것이다", "unlikely"),
    ("방위비 협상 타결 전망은 불투명하다", "unlikely"),
    ("방위비 압박이 커질 가능성이 희박하다", "very_unlikely"),
    ("방위비 협상에서 양보할 여지가 거의 없다", "very_unlikely"),
    ("방위비 압박이 커질 가능성이 전혀 없다", "almost_no_chance"),
    ("방위비 협상 조기 타결은 불가능하다", "almost_no_chance"),
    # the same cues with other words, negated or as a lowering judgement
    ("방위비 압박이 커질 개연성이 크다", "likely"),
    ("방위비 압박이 커질 공산이 높다", "likely"),
    ("방위비 협상이 타결될 공산은 낮다", "unlikely"),
    ("방위비 압박이 커지는 것이 유력하다", "likely"),
    # more of the guide's families as news writes them: an obvious outcome, a noun made
    # the favourite, "poised to", the literary future -리라, "…것으로 보여" mid-sentence
    ("방위비 압박이 커질 게 뻔하다", "almost_certain"),
    ("방위비 분담금 인상이 유력하다", "likely"),
    ("방위비 압박을 강화할 태세다", "likely"),
    ("방위비 압박이 커지리라 본다", "likely"),
    ("방위비 압박이 커질 것으로 보여 정부가 긴장하고 있다", "likely"),
    ("방위비 압박이 커질 가능성은 크지 않다", "unlikely"),
    ("방위비 협상이 타결될 가능성은 높지 않다", "unlikely"),
    ("방위비 협상이 타결되기는 쉽지 않을 것이다", "unlikely"),
    ("주한미군을 완전히 철수할 리는 없다", "almost_no_chance"),
    ("방위비 협상은 쉽지 않을 것이다", "unlikely"),
    # the presumptive 겠 after any verb (커지겠다), not a wish (좋겠다) or an intention reported (…겠다는)
    ("방위비 압박이 커지겠다", "very_likely"),
    ("방위비 압박이 커지면 좋겠다", None),
    ("방위비를 더 내겠다는 방침을 세웠다", None),
    # the bound future 터이다, and 것이라고 contracted as broadcasts speak it (거라고)
    ("방위비 압박이 커질 터이다", "very_likely"),
    ("방위비 압박이 커질 거라고 말했다", "very_likely"),
    ("방위비 압박이 커질 거라고 본다", "likely"),
    # the plain present under the outcome phrase asserts, as "face" does in English; not
    # hearsay after 고, advice, or an outlook reported to exist
    ("방위비 압박은 커진다", "very_likely"),
    ("한미일 협력은 계속된다", "very_likely"),
    ("방위비 압박이 커졌다고 한다", None),
    ("방위비 협상을 다시 해야 한다는 목소리가 나온다", None),
    ("방위비 압박이 거세질 가능성이 거론된다", "even_chance"),
    # the polite style of broadcast scripts (합니다체): the stem's last syllable takes ㅂ
    ("정상회담이 다시 추진될 가능성이 큽니다", "likely"),
    ("방위비 압박이 커질 가능성이 매우 큽니다", "very_likely"),
    ("방위비 압박이 커질 공산이 큽니다", "likely"),
    ("방위비 압박이 커질 것이 확실합니다", "almost_certain"),
    ("방위비 압박이 커질 게 뻔합니다", "almost_certain"),
    ("방위비 분담금 인상이 유력합니다", "likely"),
    ("정상회담 개최는 불가능합니다", "almost_no_chance"),
    ("방위비 압박은 커집니다", "very_likely"),
    ("방위비 협상을 다시 해야 합니다", None),
    ("정부는 방위비 협상에 나설 계획입니다", None),
    # "inevitable" as English reads it (almost certain); a fear "great" as a chance "great";
    # the weight "placed on" one side; the polite "it is the outlook"
    ("수출 기업의 피해가 불가피하다", "almost_certain"),
    ("방위비 분담금 인상이 불가피합니다", "almost_certain"),
    ("철강 관세가 오를 우려가 크다", "likely"),
    ("철강 관세가 오를 우려가 높습니다", "likely"),
    ("관세 폭탄 우려가 커지고 있다", None),  # a concern growing now: no chance judged
    # more of the families as news writes them: a foregone conclusion, the room "large",
    # signs of it, foreseen, looked ahead to, a rhetorical "won't it?", a chance that exists
    # under another word, what cannot be promised, what does not look easy
    ("방위비 압박 강화는 기정사실이다", "almost_certain"),
    ("방위비 압박이 커지는 것은 시간문제다", "almost_certain"),  # only a matter of time
    ("방위비 증액 요구는 불 보듯 뻔하다", "almost_certain"),  # plain as a fire seen
    # what cannot be avoided, a worry or a risk that it happens, a view many hold, far off
    ("방위비 압박이 거세지는 건 피할 수 없다", "almost_certain"),
    ("방위비 압박이 거세질까 걱정이다", "even_chance"),
    ("방위비 압박이 거세질 위험이 있다", "even_chance"),
    ("대북 제재가 완화될 여지도 있다", "even_chance"),
    ("대북 제재가 완화될 여지가 남아 있다", "even_chance"),
    ("방위비 압박이 거세질 소지도 있다", "even_chance"),
    ("방위비 압박이 거세질 것으로 보는 시각이 많다", "likely"),
    ("방위비 협상 타결은 요원하다", "unlikely"),
    # an outlook reported as held ("…것이라는 전망이다") carries its own verb's band, as
    # "…것이라는 전망이 나온다" does (ANNOTATION-ko); "…할 전망이다" is the cue itself
    ("방위비 압박이 거세질 것이라는 전망이다", "very_likely"),
    ("방위비 압박이 거세질 것이란 관측입니다", "very_likely"),
    ("방위비 압박이 거세질 수 있다는 전망이다", "even_chance"),
    ("방위비 압박이 거세질 것이라는 게 대체적인 관측이다", "very_likely"),
    ("방위비 압박이 거세질 전망이다", "likely"),
    ("방위비 협상이 조기에 타결될 것으로 기대된다", "likely"),  # hoped for, as 예상된다
    # a chance stated as a number, in the band holding it
    ("70%의 확률로 방위비 압박이 거세질 것이다", "likely"),
    ("10% 확률로 방위비 협상이 결렬될 것이다", "very_unlikely"),
    ("방위비 증액 요구는 명약관화하다", "almost_certain"),
    ("방위비 압박이 커질 여지가 크다", "likely"),
    # ... but room that shrinks a lot is no chance judged ("여지가 크게 줄어들 것")
    ("한국의 방위비 협상 여지가 크게 줄어들 것이다", "very_likely"),
    ("한국의 방위비 협상 여지가 많이 줄어들 수 있다", "even_chance"),
    ("방위비 압박이 커질 조짐이다", "likely"),
    ("방위비 압박이 커질 것으로 예견된다", "likely"),
    ("방위비 압박이 커질 것으로 내다보는 전문가가 많다", "likely"),
    ("방위비 압박이 커지지 않겠느냐는 관측이 나온다", "likely"),
    ("방위비 압박이 커질 개연성이 있다", "even_chance"),
    ("방위비 협상 조기 타결은 장담할 수 없다", "unlikely"),
    ("방위비 협상 타결이 쉽지 않아 보인다", "unlikely"),
    ("보조금 축소 쪽에 무게가 실린다", "likely"),
    ("방위비 압박이 거세질 전망입니다", "likely"),
]


@pytest.mark.parametrize(
    ("text", "band"),
    [
        (
            '박원곤 교수는 "트럼프가 당선되면 정상회담이 다시 추진될 것"이라며 "다만 비핵화 협상은 쉽지 않을 것"이라고 내다봤다.',
            "very_likely",
        ),
        ("트럼프가 당선되면 관세가 오를 것이라며 수출이 줄어들 가능성이 크다고 분석했다.", "very_likely"),
        ("트럼프가 당선되면 동맹은 약화되겠지만 방위비 협상은 쉽지 않을 것이다.", "very_likely"),
    ],
)
def test_the_first_clause_gives_the_likelihood(lens, text, band):
    """Convention 9: the first, main consequence's cue, not a stronger one after a
    connective that ends its clause (lens `ko.clause_breaks`: 라며, 지만 …)."""
    (st,) = ko(lens, text)
    assert st.likelihood == band, st.rules


@pytest.mark.parametrize(("clause", "band"), KO_CUE_TABLE)
def test_the_korean_cue_table_reads_as_conjugated(lens, clause, band):
    """A syllable fuses its ending ("확실시되" + ㄴ다 = 확실시된다), so the lens's cues
    are checked against the forms the guide lists, as sentences write them."""
    statements = ko(lens, f"트럼프가 재집권하면 {clause}.")
    assert [s.likelihood for s in statements] == ([band] if band else [])


@pytest.mark.parametrize(
    "headline", ["트럼프 귀환에 산업계 '긴장'…\"관세 직격탄 우려\"", '"트럼프 귀환 땐 관세 직격탄 우려"']
)
def test_a_headline_ending_on_a_worry_in_quotation_marks_projects_it(lens, headline):
    """A headline's closing quotation mark after its last word ("…직격탄 우려\"") still
    leaves the worry at its end, as without the mark."""
    (st,) = ko(lens, headline)
    assert (st.condition, st.likelihood) == ("trump", "even_chance")


def test_the_korean_present_asserts_only_under_an_outcome_phrase_of_its_own(lens):
    """Without an outcome named in the sentence the plain present reports the present."""
    assert ko(lens, "방위비 압박은 커진다.") == ()
    (st,) = ko(lens, "트럼프 재집권 땐 방위비 압박 거세진다")
    assert (st.condition, st.likelihood) == ("trump", "very_likely")


def test_a_korean_headline_ending_in_a_noun_of_what_comes_asserts_it(lens):
    """A clipped headline ending "…예고" (heralded), as "…불가피", projects the event."""
    (st,) = ko(lens, "트럼프 재집권 시 방위비 압박 예고")
    assert (st.condition, st.likelihood) == ("trump", "very_likely")


def test_foreign_policy_in_general_is_the_alliance_not_talks_with_the_north(lens):
    """'외교' alone (a candidate's foreign policy) is a weak alliance term: nk_diplomacy is
    summits and talks with the North (ANNOTATION's domain table)."""
    (st,) = ko(lens, "해리스가 당선되면 미국의 외교 노선이 크게 달라지지 않을 것이다.")
    assert st.domains == ("alliance",)


# Domain phrasings of the Korean press, written from ANNOTATION's domain table (probe
# sentences, not article text); written with and without the space Korean often drops
# ("연합 훈련" / "연합훈련": a lens " ?" is an optional space).
KO_DOMAIN_FORMS = [
    # "북" for 북한, as Korean copy shortens it
    ("트럼프 대통령이 재선되면 주한미군 철수를 북과의 협상 카드로 꺼낼 수도 있다.", "nk_diplomacy"),
    # Seoul-Tokyo ties are the alliance's (trilateral cooperation with Japan); markets trade's
    ("해리스가 당선되면 한일 관계 개선 흐름이 이어질 것이다.", "alliance"),
    ("트럼프가 재집권하면 금융시장이 크게 흔들릴 수 있다.", "trade"),
    # Seoul's voice, role and being left out are inter-Korean (South Korea's role or sidelining)
    ("해리스가 당선되면 한국의 목소리가 더 반영될 것으로 보인다.", "inter_korean"),
    ("트럼프가 당선되면 북미 협상에서 한국이 배제될 수 있다.", "inter_korean"),
    ("해리스가 당선되면 우리 정부의 중재자 역할이 커질 수 있다.", "inter_korean"),
    # Korea sidelined ("소외") is inter-Korean, as "패싱" is
    ("트럼프가 당선되면 한국이 북미 협상에서 소외될 우려가 있다.", "inter_korean"),
    ("트럼프가 재집권하면 한미 연합훈련이 축소될 수 있다.", "alliance"),
    ("트럼프가 재집권하면 미국의 전략자산 전개가 줄어들 수 있다.", "alliance"),
    ("해리스 행정부가 들어서면 핵협의그룹(NCG) 가동이 이어질 것으로 보인다.", "alliance"),
    ("해리스가 당선되면 워싱턴 선언의 이행이 지속될 것으로 예상된다.", "alliance"),
    ("트럼프가 재집권하면 한미상호방위조약의 신뢰가 흔들릴 수 있다.", "alliance"),
    ("트럼프가 재집권하면 주한미군 주둔비 부담이 커질 수 있다.", "cost_sharing"),
    ("트럼프가 재집권하면 방위비 특별협정(SMA)이 재협상될 가능성이 있다.", "cost_sharing"),
    ("트럼프가 재집권하면 주한미군의 전략적 유연성이 확대될 수 있다.", "troops"),
    ("트럼프가 재집권하면 미군 병력이 한반도에서 빠져나갈 수 있다.", "troops"),
    ("트럼프가 재집권하면 종전선언 논의가 다시 불붙을 수 있다.", "nk_diplomacy"),
    ("트럼프가 재집권하면 핵 동결을 조건으로 한 제재 해제가 거론될 수 있다.", "nk_diplomacy"),
    ("트럼프가 재집권하면 북한이 정찰위성을 추가로 발사할 수 있다.", "nk_threat"),
    ("트럼프가 재집권하면 북한이 7차 핵실험에 나설 수 있다.", "nk_threat"),
    ("해리스가 당선되면 이산가족 상봉이 재개될 수 있다.", "inter_korean"),
    ("해리스가 당선되면 금강산 관광 재개 논의가 이어질 수 있다.", "inter_korean"),
    ("트럼프가 재집권하면 9·19 군사합의 복원이 어려울 것이다.", "inter_korean"),
    ("해리스가 당선되면 대북 인도적 지원이 확대될 수 있다.", "inter_korean"),
    ("트럼프가 재집권하면 사드 문제가 다시 불거질 수 있다.", "china"),
    ("트럼프가 재집권하면 중국의 경제 보복 우려가 커질 수 있다.", "china"),
    ("트럼프가 재집권하면 한국산 자동차에 고율 관세가 부과될 수 있다.", "trade"),
    ("트럼프가 재집권하면 국내 철강업계가 타격을 입을 수 있다.", "trade"),
    ("트럼프가 재집권하면 코스피가 급락할 수 있다.", "trade"),
    ("트럼프가 재집권하면 삼성전자와 SK하이닉스의 미국 공장 보조금이 줄어들 수 있다.", "trade"),
    ("트럼프가 재집권하면 공급망 재편이 가속화될 수 있다.", "trade"),
    ("트럼프가 재집권하면 북한군의 러시아 파병이 장기화될 수 있다.", "russia"),
    ("트럼프가 재집권하면 크렘린과 평양의 밀착이 심해질 수 있다.", "russia"),
    ("트럼프가 재집권하면 K9 자주포와 K2 전차 수출이 늘어날 수 있다.", "defense_industry"),
    ("트럼프가 재집권하면 한화오션이 미 해군 함정 정비 사업을 따낼 수 있다.", "defense_industry"),
    ("트럼프가 재집권하면 국내 조선업계가 수혜를 볼 수 있다.", "defense_industry"),
    ("트럼프가 재집권하면 한국의 자체 핵무장론이 힘을 얻을 수 있다.", "alliance"),
    # the North's trash balloons, as in English; arms exports are the defense industry's
    ("트럼프가 재집권하면 북한이 오물 풍선을 다시 날려 보낼 수 있다.", "nk_threat"),
    ("트럼프가 재집권하면 한국 방산 수출이 늘어날 것이다.", "defense_industry"),
    # the relationship itself, by the two countries' names or "with the US"
    ("트럼프 2기에 한미 갈등이 커질 수 있다.", "alliance"),
    ("트럼프가 재집권하면 한·미 관계가 시험대에 오를 수 있다.", "alliance"),
    ("트럼프가 재집권하면 미국과의 관계가 삐걱거릴 수 있다.", "alliance"),
    ("트럼프가 재집권하면 미군 주둔 규모가 바뀔 수 있다.", "troops"),
]


@pytest.mark.parametrize(("text", "domain"), KO_DOMAIN_FORMS)
def test_the_korean_lens_names_the_domain_of_common_phrasings(lens, text, domain):
    (st,) = ko(lens, text)
    assert domain in st.domains, st.rules


def test_korean_arms_exports_are_the_defense_industrys_not_trade(lens):
    """As "exports" but not "arms exports" in English: 방산/무기 수출 is no trade term."""
    (st,) = ko(lens, "트럼프가 재집권하면 한국 방산 수출이 늘어날 것이다.")
    assert st.domains == ("defense_industry",), st.rules


# Plain-sign consequences (ANNOTATION convention 9) in the Korean press's words: the
# lens's Korean impact terms decide them on their own (probe sentences, not article text).
KO_SIGNED_FORMS = [
    ("트럼프가 재집권하면 주한미군이 감축될 수 있다.", "-"),
    # news idioms of things stalling or gathering pace
    ("트럼프가 재집권하면 한미 방위비 협정 이행에 차질이 빚어질 수 있다.", "-"),
    ("트럼프가 재집권하면 방위비 협상이 난항을 겪을 것으로 보인다.", "-"),
    ("트럼프가 재집권하면 한미 FTA 개정 협상이 교착 상태에 빠질 수 있다.", "-"),
    ("트럼프가 재집권하면 반도체 수출에 빨간불이 켜질 수 있다.", "-"),
    ("해리스가 당선되면 한미일 안보협력에 청신호가 켜질 것으로 보인다.", "+"),
    ("해리스가 당선되면 한미일 안보협력이 급물살을 탈 수 있다.", "+"),
    ("트럼프가 재집권하면 국내 자동차 업계가 직격탄을 맞을 수 있다.", "-"),
    ("트럼프가 재집권하면 한미동맹에 균열이 생길 수 있다.", "-"),
    ("트럼프가 재집권하면 한미 관계가 삐걱거릴 것으로 보인다.", "-"),
    ("트럼프가 재집권하면 한미 간 엇박자가 날 수 있다.", "-"),
    ("트럼프가 재집권하면 남북관계는 제자리걸음을 할 것으로 보인다.", "-"),
    ("트럼프가 재집권하면 한국 수출에 적신호가 켜질 수 있다.", "-"),
    ("해리스가 당선되면 한국 배터리 업계의 숨통이 트일 것으로 보인다.", "+"),
    ("트럼프가 재집권하면 국내 조선업계가 반사이익을 누릴 수 있다.", "+"),
    # a third list: contracts won, leverage weakened, cooperation collapsing, benefits lost,
    # markets regaining calm, the situation convulsing
    ("트럼프가 재집권하면 한국 조선업체들이 미 해군 함정 정비 사업을 따낼 수 있다.", "+"),
    ("트럼프가 재집권하면 한국의 협상력이 약해질 것이다.", "-"),
    ("트럼프가 재집권하면 한미일 협력이 와해될 수 있다.", "-"),
    ("트럼프가 재집권하면 한국 배터리 업체들이 세액공제 혜택을 잃을 수 있다.", "-"),
    ("해리스가 당선되면 금융시장이 안정을 되찾을 것이다.", "+"),
    ("트럼프가 재집권하면 한반도 정세가 요동칠 수 있다.", "-"),
    ("트럼프가 재집권하면 방위비 분담금이 대폭 인상될 것으로 보인다.", "-"),
    ("트럼프가 재집권하면 한국산 제품에 관세가 부과될 수 있다.", "-"),
    ("트럼프가 재집권하면 북미 정상회담이 재개될 가능성이 있다.", "+"),
    ("해리스가 당선되면 한미일 협력이 강화될 것으로 예상된다.", "+"),
    ("트럼프가 재집권하면 한국이 북미 협상에서 배제될 우려가 있다.", "-"),
    ("트럼프가 재집권하면 북한이 핵실험을 강행할 수 있다.", "-"),
    ("트럼프가 재집권하면 한반도 긴장이 고조될 수 있다.", "-"),
    ("해리스가 당선되면 확장억제 공약이 유지될 것이다.", "+"),
    ("트럼프가 재집권하면 국내 조선업계가 수혜를 볼 수 있다.", "+"),
    ("해리스가 당선되면 반도체 보조금이 그대로 유지될 것으로 보인다.", "+"),
    ("트럼프가 재집권하면 반도체 보조금이 축소될 수 있다.", "-"),
    ("트럼프가 재집권하면 한국 경제가 타격을 입을 수 있다.", "-"),
    ("트럼프가 재집권하면 연합훈련이 중단될 수 있다.", "-"),
    ("해리스가 당선되면 남북 대화가 재개될 수 있다.", "+"),
    ("트럼프가 재집권하면 북한의 도발이 잦아질 수 있다.", "-"),
    ("트럼프가 재집권하면 한국의 대북 정책 입지가 좁아질 수 있다.", "-"),
    ("트럼프가 재집권하면 북러 군사협력이 심화될 수 있다.", "-"),
    ("해리스가 당선되면 북핵 문제가 후순위로 밀릴 것으로 예상된다.", "-"),
    ("해리스가 당선되면 대북 정책이 뒷전으로 밀릴 수 있다.", "-"),
]


@pytest.mark.parametrize(("text", "sign"), KO_SIGNED_FORMS)
def test_the_korean_lens_decides_a_plain_consequences_sign(lens, text, sign):
    (st,) = ko(lens, text)
    assert st.direction == sign and any(r.startswith("direction:rules") for r in st.rules), st.rules


@pytest.mark.parametrize(
    ("text", "sign"),
    [
        ("트럼프가 재집권하면 K9 자주포 수출이 늘어날 수 있다.", "+"),  # no impact term: the pair alone
        ("해리스가 당선되면 관세 부담이 줄어들 것으로 보인다.", "+"),  # 관세 -, 부담 -: the pair reads them
        ("해리스가 당선되면 한반도 긴장이 완화될 수 있다.", "+"),  # 긴장 - and 완화 +: one favourable event
        ("트럼프가 재집권하면 북러 군사협력이 심화될 수 있다.", "-"),  # cooperation between adversaries
        # how much, between the theme and its effect (lens `ko.quantities`)
        ("해리스가 당선되면 북미 대화가 더욱 위축될 것으로 보인다.", "-"),
        ("트럼프가 당선되면 한미 동맹이 한층 약화될 수 있다.", "-"),
        ("트럼프가 당선되면 K-2 전차 수요가 크게 늘어날 것으로 보인다.", "+"),
        # an increase is the sign of what increases: Europe's defense budgets are not Seoul's bill
        (
            "트럼프가 재집권하면 유럽 국가들의 국방비 증액이 가속화되면서 한국산 무기 수출이 늘어날 것이다.",
            "+",
        ),
        ("트럼프가 당선되면 방위비 분담금이 대폭 증액될 것으로 보인다.", "-"),
        # "difficult" as a noun's modifier and as a change, not only as its stem 어렵
        ("트럼프가 당선되면 한국 정부로서는 어려운 협상이 될 것이다.", "-"),
        ("트럼프가 당선되면 방위비 협상이 어려워질 것이다.", "-"),
        # ... while "hard to resume" is the cue's lowering of a favourable event
        ("트럼프가 당선되면 북미 대화가 재개되기 어려울 것이다.", "+"),
        # an understated size is no negation: "not small" is large
        ("트럼프가 당선되면 우리 경제와 안보가 받을 충격은 작지 않을 것이다.", "-"),
        ("트럼프가 당선되면 한미 동맹은 흔들리지 않을 것이다.", "+"),
    ],
)
def test_a_korean_effect_after_its_theme_gives_the_events_sign(lens, text, sign):
    (st,) = ko(lens, text)
    assert st.direction == sign, st.rules


def test_a_bare_surname_with_a_title_takes_the_full_name_a_caption_gave(lens):
    """ "유 장관은 …" after a caption naming "유경민 외교부 장관" (who did not speak there)."""
    text = (
        "유경민 외교부 장관(가운데)이 9일 국회에서 발언하고 있다.\n\n"
        '유 장관은 "트럼프가 재집권하면 방위비 분담금 인상 압박이 거세질 것"이라고 말했다.'
    )
    (st,) = ko(lens, text)
    assert st.source == "유경민"


def test_a_bare_surname_takes_a_full_name_given_with_the_same_title_only(lens):
    """A second reference repeats the title: "김 교수는" is not the "김정은 국무위원장"
    named before, "김 위원장은" is, and "김 교수는" is the professor named before him."""
    leader = "트럼프 당선인은 김정은 국무위원장과 다시 만날 수 있다고 밝혀 왔다.\n\n"
    said = "트럼프가 당선되면 북·미 정상회담이 열릴 가능성이 크다고 {} 말했다."
    assert [s.source for s in ko(lens, leader + said.format("김 교수는"))][-1] == "김"
    assert [s.source for s in ko(lens, leader + said.format("김 위원장은"))][-1] == "김정은"
    professor = "김재천 서강대 교수는 토론회에 나섰다. " + leader
    assert [s.source for s in ko(lens, professor + said.format("김 교수는"))][-1] == "김재천"


@pytest.mark.parametrize("particle", ["가", "는"])
def test_a_quotation_opening_after_a_sentence_end_starts_its_own_sentence(lens, particle):
    """Kiwi keeps "…수 있다. “…”라고 김민수 교수가 말했다." as one sentence: the
    quotation and its speaker are a sentence of their own, and his."""
    quoted = f"“트럼프가 당선되면 방위비 분담금 인상 압박이 커질 공산이 크다”라고 김민수 고려대 교수{particle} 말했다."
    (st,) = ko(lens, "종전 협상이 본격화하면 한국은 외톨이가 될 수 있다. " + quoted)
    assert (st.sentence, st.source, st.likelihood) == (quoted, "김민수", "likely")


@pytest.mark.parametrize(
    ("ending", "band"),
    [
        ("커진다는 전망이 나온다", "likely"),
        ("커진다는 관측이 우세하다", "likely"),
        ("커질 수 있다는 전망이 나온다", "even_chance"),
        ("커질 것이라는 관측이 지배적이다", "very_likely"),
    ],
)
def test_an_outlook_reported_to_exist_is_likely_unless_its_clause_has_a_cue(lens, ending, band):
    """ANNOTATION-ko: "…라는 전망이 나온다" carries the band of the outlook's own verb,
    else likely."""
    (st,) = ko(lens, f"트럼프가 당선되면 방위비 분담금 압박이 {ending}.")
    assert st.likelihood == band, st.rules


def test_a_past_event_explained_is_no_outlook(lens):
    assert not ko(lens, "트럼프가 당선되면서 방위비 분담금 압박이 커졌다는 분석이 나온다.")


def test_korean_conditions_name_the_republican_government_and_a_president_to_be(lens):
    (rep,) = ko(lens, "공화당 정부가 들어서면 방위비 분담금 인상 압박이 거세질 것이다.")
    assert rep.condition == "trump"
    (wins,) = ko(lens, "공화당이 집권하면 방위비 분담금 인상 요구가 커질 것으로 보인다.")
    assert wins.condition == "trump"
    (clinton,) = ko(lens, "클린턴이 대통령이 되면 대북 압박이 강화될 것이다.", date="2016-09-01")
    assert clinton.condition == "clinton" and "nk_diplomacy" in clinton.domains


def test_korean_projections_tied_to_korea_s_own_election_project_no_us_outcome(lens):
    """After the 2024 result every projection is the winner's term, but one that hangs on
    Korea's own vote ("6·3 대선", "총선", "이재명 후보가 당선되면") projects no U.S. outcome,
    and that vote's "누가 당선되든" is not `any`; an outcome of the lens's named beside it
    stands."""
    assert (
        ko(lens, "6·3 대선에서 이재명 후보가 당선되면 남북 대화가 재개될 가능성이 크다.", date="2025-05-10")
        == ()
    )
    assert (
        ko(lens, "조기 대선에서 누가 당선되든 대북 정책은 크게 바뀔 것으로 전망된다.", date="2025-05-10")
        == ()
    )
    (st,) = ko(
        lens,
        "6·3 대선에서 누가 당선되든 트럼프 행정부의 방위비 압박은 거세질 것으로 보인다.",
        date="2025-05-10",
    )
    assert st.condition == "trump"
    # a date in November is the U.S. vote
    (us,) = ko(lens, "11·5 대선에서 누가 당선되든 방위비 압박은 커질 것으로 보인다.", date="2024-10-20")
    assert us.condition == "any"


def test_an_unnamed_official_of_a_body_is_the_author_and_the_body_itself_is_the_body(lens):
    """As in English ("A government official said" is the author's in the gold): "외교부
    관계자는" is an unnamed official; "외교부는" the ministry."""
    (official,) = ko(lens, '외교부 관계자는 "누가 당선되든 한미동맹은 굳건할 것"이라고 말했다.')
    assert official.source == "author"
    (ministry,) = ko(lens, "외교부는 누가 당선되든 한미동맹은 굳건할 것이라고 밝혔다.")
    assert ministry.source == "South Korean Ministry of Foreign Affairs"
    # the other words for an unnamed official: 당국자, 관리, 고위 인사
    for official in ("외교부 고위 당국자는", "미 국무부 관리는", "정부 고위 인사는"):
        (st,) = ko(lens, f"{official} 누가 당선되든 한미동맹은 굳건할 것이라고 말했다.")
        assert st.source == "author", official


def test_a_korean_headline_ending_on_a_verbal_noun_asserts_it(lens):
    """ "트럼프 연임 땐 … 한미 갈등 지속": a headline's verbal noun is its predicate (very
    likely); in body text the same noun is no cue."""
    (st,) = ko(
        lens, "“트럼프 연임 땐 방위비 놓고 한미 갈등 지속”\n\n본문은 여기서 시작한다.", date="2020-09-01"
    )
    assert (st.condition, st.likelihood) == ("trump", "very_likely")
    assert not ko(
        lens, "트럼프 연임 땐 방위비를 놓고 한미 갈등이 계속된 것은 사실이며 갈등 지속.", date="2020-09-01"
    )


@pytest.mark.parametrize(
    ("text", "outcome"),
    [
        ("트럼프 당선 시 방위비 분담금 인상 압박이 커질 것으로 보인다.", "trump"),
        ("트럼프가 백악관에 복귀하면 관세 압박이 거세질 전망이다.", "trump"),
        ("트럼프가 다시 대통령이 되면 북미 정상회담이 재개될 가능성이 크다.", "trump"),
        ("해리스 후보가 승리할 경우 한미일 협력은 유지될 것으로 예상된다.", "harris"),
        ("트럼프 재등장 시 주한미군 철수론이 다시 고개를 들 수 있다.", "trump"),
        ("트럼프 후보가 대권을 잡으면 방위비 압박이 커질 것으로 전망된다.", "trump"),
        ("트럼프 2.0 시대에는 관세 장벽이 높아질 것으로 예상된다.", "trump"),
        ("트럼프 전 대통령이 정권을 되찾으면 주한미군 감축이 논의될 수 있다.", "trump"),
        # whoever "becomes" it, and the result itself ("the election's outcome will shape …")
        ("어느 쪽이 되든 한미동맹의 틀은 유지될 것이다.", "any"),
        ("누가 대통령이 되든 관세 압박은 커질 것이다.", "any"),
        ("미국 대선 결과에 따라 한반도 정세가 크게 달라질 전망입니다.", "any"),
    ],
)
def test_korean_outcome_phrasings_name_their_outcome(lens, text, outcome):
    assert [s.condition for s in ko(lens, text)] == [outcome]


def test_korean_gold_statements_train_the_shared_part_of_the_direction_model(tmp_path, lens):
    """A Korean article's gold statements become training examples with what the
    direction step saw of them (the signs of the lens's Korean terms, domain, outcome):
    the structural model learns them beside English ones."""
    from scenariodesk.train import examples

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "ko.txt").write_text(KO)
    gold = tmp_path / "gold.jsonl"
    sentence = KO.split("\n\n")[1].strip()
    gold.write_text(
        json.dumps(
            {
                "doc": "ko.txt",
                "sentence": sentence,
                "condition": "trump",
                "domains": ["cost_sharing"],
                "direction": "-",
                "likelihood": "likely",
                "cue": "것으로 보인다",
                "source": "author",
            },
            ensure_ascii=False,
        )
        + "\n"
    )
    (example,) = examples([(gold, corpus)], lens)
    assert example.label == "-"
    assert example.features.get("domain:cost_sharing") and example.features.get("condition:trump")
    assert any(k.startswith("impact:") for k in example.features)  # the lens's Korean terms


# How Korean copy attributes an outlook (ANNOTATION-ko, Source): a person by name without
# title or affiliation, a body the lens knows by its English name, one it does not as
# written, and "업계에서는 … 관측이 나온다" to the author.
KO_SOURCES = [
    (
        "최강 아산정책연구원 원장은 “트럼프가 재선되면 방위비 분담금 인상 압박이 거세질 것”이라고 말했다.",
        "최강",
    ),
    ("박원곤 이화여대 교수는 트럼프 2기에 한미 통상 마찰이 커질 것으로 내다봤다.", "박원곤"),
    ("김흥규 아주대 교수는 해리스가 당선되면 한미 동맹이 안정될 것이라고 전망했다.", "김흥규"),
    ("한국무역협회는 보고서에서 트럼프가 당선되면 대미 수출이 줄어들 수 있다고 분석했다.", "한국무역협회"),
    ("산업연구원은 트럼프 2기 관세 정책으로 자동차 수출이 감소할 가능성이 크다고 밝혔다.", "산업연구원"),
    # an unnamed official (당국자, like 관계자 and "a government official" in the English
    # gold) is the author's; this case expected the ministry until 당국자 joined
    # ko.unnamed, where 관계자 already read as the author
    ("외교부 당국자는 “누가 당선되든 한미 동맹은 굳건할 것”이라고 강조했다.", "author"),
    # a titled subject with 이/가 right before the quotation, not a topic with 은/는
    ("박지원 의원이 “해리스가 이기면 한미일 공조는 더 강해질 것”이라고 말했다.", "박지원"),
    ("업계에서는 트럼프가 재집권하면 반도체 보조금이 축소될 수 있다는 관측이 나온다.", "author"),
    ("외교가에서는 트럼프 2기에 북미 정상회담이 재개될 가능성이 거론된다.", "author"),
    (
        "일각에서는 해리스 행정부가 들어서면 대북 정책이 바이든 정부와 비슷할 것이라는 전망이 나온다.",
        "author",
    ),
    ("전문가들은 트럼프가 당선되면 주한미군 감축 논의가 불거질 수 있다고 지적했다.", "author"),
    ("국정원은 트럼프 2기에 북한이 핵실험을 할 가능성이 있다고 보고했다.", "National Intelligence Service"),
    (
        "통일연구원은 트럼프가 재선되면 남북 관계가 더 경색될 수 있다고 분석했다.",
        "Korea Institute for National Unification",
    ),
    ("빅터 차 CSIS 한국석좌는 “트럼프가 당선되면 김정은과의 정상회담을 추진할 것”이라고 말했다.", "빅터 차"),
    ("신범철 전 국방부 차관은 트럼프 2기에 방위비 협상이 다시 열릴 가능성이 높다고 말했다.", "신범철"),
    # a foreign name Kiwi reads as one token, space and all; a party is a body
    (
        "브루킹스연구소의 마이클 오핸런 선임연구원은 트럼프가 당선되면 북미 대화가 재개될 수 있다고 말했다.",
        "마이클 오핸런",
    ),
    ("위성락 더불어민주당 의원은 트럼프 2기에 한미 갈등이 커질 수 있다고 말했다.", "위성락"),
    # a researcher's title that ends like an institute (전문연구원), in a said-as sentence
    ("김양팽 산업연구원 전문연구원은 트럼프 재집권 시 반도체 관세가 부과될 수 있다고 말했다.", "김양팽"),
    # a body's head written onto its name; a title ending in 보좌관 after a place
    ("최강 아산정책연구원장은 트럼프가 당선되면 북한이 도발을 자제할 수 있다고 분석했다.", "최강"),
    (
        "존 볼턴 전 백악관 국가안보보좌관은 트럼프가 재집권하면 주한미군 철수를 추진할 수 있다고 주장했다.",
        "존 볼턴",
    ),
    # a country by its one-syllable abbreviation is no part of a name
    (
        "빅터 차 미 전략국제문제연구소(CSIS) 한국석좌는 트럼프 2기에 북미 대화가 재개될 수 있다고 내다봤다.",
        "빅터 차",
    ),
    # the press: a paper or agency by its name, a channel by its initials ("보도했다")
    ("니혼게이자이신문은 트럼프가 당선되면 방위비 증액 요구가 거세질 것이라고 보도했다.", "니혼게이자이신문"),
    ("로이터통신은 트럼프 재집권 시 한국 반도체 기업들이 관세 타격을 받을 수 있다고 전했다.", "로이터통신"),
    ("미국 CNN은 해리스가 당선되면 한미일 협력이 유지될 것이라고 보도했다.", "CNN"),
    # an outlook the speaker put out ("…라는 전망을 내놨다"), a view with an adjective
    ("김재천 서강대 교수는 트럼프 2기에 방위비 증액 요구가 커질 것이라는 전망을 내놨다.", "김재천"),
    ("트럼프가 당선되면 북미 정상회담이 다시 열릴 것이라는 게 전문가들의 공통된 시각이다.", "author"),
    # no holder of the view: the candidate the outlook names is not its speaker
    ("트럼프가 당선되면 북미 정상회담이 다시 열릴 것이라는 게 공통된 시각이다.", "author"),
    # affiliation and title in brackets after the name; a romanized name in brackets
    ("김재천(서강대 교수)은 트럼프가 재집권하면 방위비 압박이 커질 것이라고 말했다.", "김재천"),
    (
        "빅터 차(Victor Cha) 전략국제문제연구소 한국석좌는 트럼프가 재집권하면 북미 대화가 재개될 것이라고 말했다.",
        "빅터 차",
    ),
    # banks, brokerages and agencies are bodies; economists, analysts, governors and
    # editorial writers are titles; a column "wrote"
    (
        "수미 테리 전 미 중앙정보국(CIA) 분석관은 트럼프가 재집권하면 주한미군 철수를 추진할 수 있다고 말했다.",
        "수미 테리",
    ),
    ("이창용 한국은행 총재는 트럼프 2기에 관세 인상으로 수출이 둔화될 수 있다고 말했다.", "이창용"),
    (
        "박상현 하이투자증권 애널리스트는 트럼프가 재집권하면 반도체 관세 우려가 커질 것이라고 분석했다.",
        "박상현",
    ),
    (
        "김영익 하나금융연구소 수석이코노미스트는 트럼프가 당선되면 원화 약세가 심화될 수 있다고 전망했다.",
        "김영익",
    ),
    ("김진 중앙일보 논설위원은 트럼프가 재집권하면 방위비 압박이 거세질 것이라고 썼다.", "김진"),
    # a body the English lens knows by its initials in brackets is its canonical name; the
    # kind of body before a name is no name
    (
        "미국 싱크탱크 전략국제문제연구소(CSIS)는 보고서에서 트럼프 2기에는 한미동맹이 흔들릴 수 있다고 분석했다.",
        "Center for Strategic and International Studies",
    ),
    (
        "미국 싱크탱크 헤리티지재단은 트럼프가 재선되면 방위비 분담금 인상을 요구할 것이라고 전망했다.",
        "헤리티지재단",
    ),
    # a body written in words, the last only its kind, is named by them all, not by its
    # kind ("재단") nor by a name-like word in it ("세종"); a place or kind before it is not
    # part of the name; a person before a title stays the person
    ("세종 연구소는 트럼프가 재선되면 방위비 분담금 압박이 커질 것으로 전망했다.", "세종 연구소"),
    (
        "미국 헤리티지 재단은 트럼프 2기 행정부가 방위비 분담금 인상을 요구할 것으로 전망했다.",
        "헤리티지 재단",
    ),
    ("미국 싱크탱크 랜드 연구소는 트럼프가 재선되면 주한미군 감축 가능성이 높다고 분석했다.", "랜드 연구소"),
    ("국제 위기 그룹은 트럼프 2기 행정부에서 북한의 도발이 늘어날 수 있다고 경고했다.", "국제 위기 그룹"),
    (
        "헤리티지 재단 브루스 클링너 선임연구원은 트럼프가 당선되면 주한미군 감축을 추진할 가능성이 높다고 말했다.",
        "브루스 클링너",
    ),
]


# A sentence that calls itself the view of the speaker just before ("…라는 설명이다",
# "…라는 것이다", "…는 지적이다", lens `ko.said_so`); with no speaker before, the author's.
SAID_SO = [
    (
        "김재천 서강대 교수는 미국 대선의 영향이 크다고 말했다. "
        "트럼프가 재선되면 방위비 분담금 인상 요구가 거세질 것이라는 설명이다.",
        "김재천",
    ),
    (
        "김재천 서강대 교수는 미국 대선의 영향이 크다고 말했다. "
        "트럼프가 재선되면 방위비 분담금 인상 요구가 거세질 것이라는 것이다.",
        "김재천",
    ),
    (
        "한국국방연구원은 보고서에서 대선의 파장이 클 것이라고 분석했다. 트럼프 2기에는 주한미군 감축 논의가 본격화될 수 있다는 분석이다.",
        "Korea Institute for Defense Analyses",
    ),
    (
        "미국 대선이 한 달 앞으로 다가왔다. 트럼프가 재선되면 방위비 분담금 인상 요구가 거세질 것이라는 지적이다.",
        "author",
    ),
]


def test_a_broadcast_caption_with_the_speakers_words_after_the_title_is_theirs(lens):
    """ "[인터뷰] 이름 / 직함 : …" sets what the named person says on the caption's own
    line; a caption alone names the speaker of the next quotation (as before)."""
    text = (
        '[인터뷰] 우정엽 / 세종연구소 연구기획본부장 : "트럼프 전 대통령은 정상회담을 다시 추진할 겁니다."\n\n'
        "[인터뷰] 박원곤 / 이화여대 교수\n\n"
        '"트럼프가 당선되면 방위비 압박이 커질 겁니다."'
    )
    assert [st.source for st in ko(lens, text)] == ["우정엽", "박원곤"]


def test_a_persons_explanation_cited_is_theirs_as_their_report_is(lens):
    """ "김 교수의 설명에 따르면" is 김 교수's (the surname completed from the introduction),
    as "한국경제연구원이 발표한 보고서에 따르면" is the institute's."""
    text = (
        "김한권 국립외교원 교수는 트럼프 당선 시 미중 갈등이 격화될 것이라고 밝혔다.\n\n"
        "김 교수의 설명에 따르면 해리스가 당선되면 한미일 안보협력은 더 강화될 전망이다."
    )
    assert [st.source for st in ko(lens, text)] == ["김한권", "김한권"]


def test_a_subject_before_a_quotation_is_its_speaker_not_the_last_one(lens):
    text = (
        "문정인 연세대 명예교수는 “트럼프가 돌아오면 김정은 위원장과 다시 만날 것”이라고 말했다.\n\n"
        "박지원 의원이 “해리스가 이기면 한미일 공조는 더 강해질 것”이라고 말했다.\n\n"
        "이어 “트럼프 2기에는 방위비 압박이 거세질 것”이라고 덧붙였다."
    )
    assert [st.source for st in ko(lens, text)] == ["문정인", "박지원", "박지원"]


@pytest.mark.parametrize(("text", "source"), SAID_SO)
def test_a_view_called_the_speakers_before_is_theirs(lens, text, source):
    assert [st.source for st in ko(lens, text)] == [source]


@pytest.mark.parametrize(("text", "source"), KO_SOURCES)
def test_korean_ways_of_attributing_an_outlook_name_its_source(lens, text, source):
    assert [st.source for st in ko(lens, text)] == [source]


@pytest.mark.parametrize(
    ("text", "domains"),
    [
        # the speaker's affiliation and title name no domain
        (
            "김재천 한미경제연구소 연구위원은 트럼프가 재집권하면 주한미군이 감축될 수 있다고 말했다.",
            ("troops",),
        ),
        (
            "김흥규 아주대 미중정책연구소장은 해리스가 당선되면 한미 동맹이 안정될 것이라고 말했다.",
            ("alliance",),
        ),
        # nor where the speaker spoke
        (
            '하워스 전 차관보는 워싱턴 한미경제연구소(KEI) 토론회에서 "트럼프가 당선되면 방위비 분담금 증액을 요구할 것"이라고 말했다.',
            ("cost_sharing",),
        ),
    ],
)
def test_the_korean_speakers_description_names_no_domain(lens, text, domains):
    (st,) = ko(lens, text)
    assert st.domains == domains


@pytest.mark.parametrize(
    "text",
    [
        # the subject is left out, as Korean does for the speaker going on: the outcome
        # phrase names the candidate, who is not the speaker (his words would be stance)
        "김재천 교수는 25일 토론회에서 발표했다. 트럼프 재집권 시 방위비 협상이 어려워질 것으로 전망했다.",
        "트럼프 재집권 시 방위비 협상이 난항을 겪을 것으로 내다봤다.",
    ],
)
def test_an_outcome_phrase_before_a_reporting_verb_is_not_its_speaker(lens, text):
    (st,) = ko(lens, text)
    assert (st.condition, st.domains, st.likelihood) == ("trump", ("cost_sharing",), "likely"), st.rules


def test_a_candidate_as_the_topic_of_a_reporting_verb_is_still_its_speaker(lens):
    # "트럼프 당선인은 … 반응했다": his own words, stance, not a projection
    text = "윤 대통령이 북한의 행태를 성토하자 트럼프 당선인은 “정말 믿기 어렵다”고 반응했다고 한다."
    assert ko(lens, text, date="2024-11-20") == ()


KO_INTERVIEW = (
    '[인터뷰] 이상현 세종연구소장 "트럼프 2기, 방위비 압박 거셀 것"\n\n'
    "이상현 세종연구소장은 22일 본지와의 인터뷰에서 미국 대선 이후 정세를 전망했다.\n\n"
    "―트럼프가 당선되면 한미동맹은 어떻게 되나.\n\n"
    '"트럼프가 당선되면 방위비 분담금 인상 요구가 거셀 것이다. 주한미군 감축 카드도 다시 나올 수 있다."\n\n'
    "―북한 문제는.\n\n"
    "누가 당선되든 북한은 대선 직후 도발에 나설 가능성이 높다.\n\n"
    "Q. 관세 문제는.\n\n"
    "A. 트럼프 2기에는 한국산 자동차에 대한 관세가 오를 수 있다."
)


def test_an_interview_in_questions_and_answers_is_the_interviewees(lens):
    """The headline's titled name before a quotation, a quotation's later sentence, and
    the answers after "―" or "Q." questions: all the interviewee's (ANNOTATION-ko:
    a quote whose speaker is named before takes that speaker)."""
    assert [s.source for s in ko(lens, KO_INTERVIEW, date="2024-10-25")] == ["이상현"] * 5


def test_a_question_is_the_interviewers_and_no_answer_before_any_question(lens):
    text = (
        "트럼프가 당선되면 관세가 오를 수 있다.\n\n"
        '김재천 서강대 교수는 "트럼프가 당선되면 방위비 압박이 커질 것"이라고 말했다.\n\n'
        "―트럼프가 당선되면 주한미군이 감축될 수 있지 않나."
    )
    assert [s.source for s in ko(lens, text, date="2024-10-25")] == ["author", "김재천", "author"]


@pytest.mark.parametrize(
    ("clause", "domain"),
    [
        # a compound noun of the lens spaced as the writer spaced it
        ("북한이 핵 보유국 지위를 굳힐 것이다", "nk_threat"),
        ("한미 특별 협정이 재협상될 수 있다", "cost_sharing"),
        ("한국이 주한미군 유지 비용을 더 많이 내게 될 것이다", "cost_sharing"),
    ],
)
def test_korean_domain_terms_hold_however_a_compound_is_spaced(lens, clause, domain):
    statements = ko(lens, f"트럼프가 재집권하면 {clause}.")
    assert [domain in s.domains for s in statements] == [True]


@pytest.mark.parametrize(
    ("clause", "direction"),
    [
        ("한미 동맹이 더욱 굳건해질 것이다", "+"),  # firm: a state Seoul values
        ("한국 경제 성장률이 떨어질 것이다", "-"),  # growth falls: down x a valued theme
    ],
)
def test_korean_direction_of_a_firmer_alliance_and_a_falling_growth_rate(lens, clause, direction):
    assert [s.direction for s in ko(lens, f"트럼프가 재집권하면 {clause}.")] == [direction]


def test_a_cue_ending_a_reason_clause_is_the_reasons_not_the_consequences(lens):
    """ "…나설 수밖에 없어 … 수요가 커질 것": the certainty is why demand grows; the band and
    the event are the consequence's that follows (lens `ko.reason_endings`)."""
    text = "트럼프가 당선되면 나토 회원국들이 자체 무장에 나설 수밖에 없어 한국산 전차 수요가 더 커질 것이다."
    (st,) = ko(lens, text)
    assert (st.likelihood, st.cue.text, st.direction) == ("very_likely", "질 것이다", "+"), st.rules


@pytest.mark.parametrize(
    ("text", "condition"),
    [
        ("트럼프가 패배하면 한미동맹은 안정될 것이다.", "harris"),
        ("해리스 부통령이 낙선할 경우 관세 장벽이 높아질 가능성이 크다.", "trump"),
        ("트럼프 패배 시 방위비 분담금 협상은 순조로울 것으로 보인다.", "harris"),
    ],
)
def test_a_korean_candidates_defeat_is_the_other_candidates_outcome(lens, text, condition):
    """ "트럼프가 패배하면" (if Trump loses), as the English lens's `defeat_templates`."""
    (st,) = ko(lens, text)
    assert st.condition == condition, st.rules


@pytest.mark.parametrize("also", ["역시", "또한"])
def test_a_speaker_with_too_before_a_later_topic_is_the_speaker_alone(lens, also):
    """ "국립외교원 김현수 교수 역시 해리스 행정부에서는 …": the speaker is the phrase before
    역시/또한 (too), not a run of words up to the clause's own topic."""
    text = f"국립외교원 김현수 교수 {also} 해리스 행정부에서는 한미일 협력이 지속될 것으로 예상했다."
    (st,) = ko(lens, text)
    assert st.source == "김현수", st.rules
