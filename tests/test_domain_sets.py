"""Consequences in general English whose domains are exactly these: the lens names what
the consequence is about and nothing it only mentions. Written from the domain table of
ANNOTATION.md, in the registers of news, analysis and business pages, none taken from a
set's article. They pin today's behaviour: of 120 such probes the lens reads 76 exactly;
the vocabulary that made 103 exact (weak nuclear-programme terms, ~30 phrasings) held on
seeds and train but only added domains dev's annotators did not mark (dev domain
precision 0.748 -> 0.718, recall unchanged), so it was left out (see the README)."""

from __future__ import annotations

import pytest

EXACT_DOMAINS = [
    ("If Trump wins, North Korea could resume missile tests to get his attention.", {"nk_threat"}),
    ("If Trump wins, Pyongyang may fire a ballistic missile to test the new administration.", {"nk_threat"}),
    ("If Trump wins, he would likely meet Kim Jong-un again.", {"nk_diplomacy"}),
    ("If Harris wins, sanctions on North Korea would stay in place.", {"nk_diplomacy"}),
    (
        "If Trump wins, Seoul could be asked to pay far more for the upkeep of American troops.",
        {"cost_sharing"},
    ),
    ("If Trump wins, Washington could pull some of its soldiers out of South Korea.", {"troops"}),
    ("If Harris wins, the alliance would stay on a steady footing.", {"alliance"}),
    ("If Harris wins, Seoul and Tokyo would be urged to keep working together.", {"alliance"}),
    ("If Trump wins, Korean automakers could be hit by new import duties.", {"trade"}),
    ("If Trump wins, Korean battery makers building plants in Georgia could lose tax credits.", {"trade"}),
    ("If Trump wins, Korean exports to the United States could fall.", {"trade"}),
    ("If Trump wins, Korean shipyards could land contracts to repair U.S. warships.", {"defense_industry"}),
    ("If Trump wins, European governments could turn to Korean tanks and artillery.", {"defense_industry"}),
    ("If Trump wins, inter-Korean relations could stay frozen.", {"inter_korean"}),
    (
        "If Trump wins, Seoul could be sidelined as Washington deals with Pyongyang directly.",
        {"inter_korean"},
    ),
    ("If Harris wins, she is unlikely to pursue a summit with Kim.", {"nk_diplomacy"}),
    ("If Trump wins, the North could conduct its seventh nuclear test.", {"nk_threat"}),
    ("If Trump wins, Korean steelmakers could face tighter quotas.", {"trade"}),
    ("If Trump wins, the Korean won could slide.", {"trade"}),
    ("If Trump wins, joint military exercises could be suspended.", {"alliance"}),
    ("If Trump wins, South Koreans could lose faith in the U.S. nuclear umbrella.", {"alliance"}),
    ("If Trump wins, Seoul may debate building its own nuclear weapons.", {"alliance"}),
    ("If Harris wins, U.S. policy toward Pyongyang would change little.", {"nk_diplomacy"}),
    ("If Trump wins, North Korea could be accepted as a nuclear state.", {"nk_threat"}),
    ("If Trump wins, Beijing and Washington could clash more openly over Taiwan.", {"china"}),
    ("If Trump wins, Russia could keep buying North Korean shells.", {"russia"}),
    ("If Trump wins, Korean companies could be pressed to invest more in American factories.", {"trade"}),
    ("If Harris wins, Korea would keep its IRA subsidies.", {"trade"}),
    ("If Trump wins, humanitarian aid to North Korea could be cut off.", {"inter_korean"}),
    (
        "Under Harris, the number of American troops in South Korea is expected to remain unchanged.",
        {"troops"},
    ),
    ("Should Trump return, Washington might reduce the size of its garrison on the peninsula.", {"troops"}),
    (
        "Under a Harris administration, negotiations with Pyongyang are unlikely to restart soon.",
        {"nk_diplomacy"},
    ),
    ("Trump's return could revive his personal diplomacy with Kim.", {"nk_diplomacy"}),
    ("A Trump victory would probably push Korean carmakers to build more in America.", {"trade"}),
    ("If Harris wins, tariffs on Korean goods are unlikely to rise sharply.", {"trade"}),
    (
        "If Trump wins, Korean semiconductor makers could face pressure to stop selling to Chinese customers.",
        {"trade", "china"},
    ),
    ("If Trump wins, Beijing may lean harder on Seoul to stay neutral.", {"china"}),
    ("If Trump wins, the Korean economy could suffer from a global trade war.", {"trade"}),
    ("A Harris White House would probably reaffirm Washington's pledge to defend South Korea.", {"alliance"}),
    ("If Trump wins, South Korea's confidence in its ally could be shaken.", {"alliance"}),
    ("If Trump wins, Pyongyang and Moscow could grow even closer.", {"russia"}),
    ("If Trump wins, a quick deal to end the fighting in Ukraine could follow.", {"russia"}),
    ("If Trump wins, Korean defense firms could benefit from Europe's rearmament.", {"defense_industry"}),
    ("If Trump wins, U.S. shipbuilding cooperation with Korea could expand.", {"defense_industry"}),
    ("If Trump wins, Washington might move some forces from Korea to Guam.", {"troops"}),
    ("If Trump wins, investors could pull money out of Korean stocks.", {"trade"}),
    ("If Trump wins, the Korean currency could weaken sharply.", {"trade"}),
    ("If Trump wins, Seoul's plan for a trade deal with Washington could stall.", {"trade"}),
    ("If Trump wins, the U.S. could walk away from its security promises to Seoul.", {"alliance"}),
    ("If Trump wins, relations between the two Koreas could deteriorate further.", {"inter_korean"}),
    ("If Trump wins, denuclearization talks are unlikely to make progress.", {"nk_diplomacy"}),
    (
        "If Trump wins, China could take advantage of rifts between Seoul and Washington.",
        {"alliance", "china"},
    ),
    ("If Trump wins, Korean battery plants in the U.S. could lose their subsidies.", {"trade"}),
    (
        "Under Trump, Washington could treat its Korean garrison as a bargaining chip in talks with Kim.",
        {"troops", "nk_diplomacy"},
    ),
    (
        "A Harris presidency would likely keep North Korea at arm's length, with no leader-level meetings in sight.",
        {"nk_diplomacy"},
    ),
    ("A Trump victory could hit Korea's export-dependent economy hard.", {"trade"}),
    ("Harris would likely keep pressing Seoul to limit chip equipment sales to China.", {"china"}),
    ("If Trump wins, relations between Seoul and Beijing could come under new strain.", {"china"}),
    ("If Trump wins, Korean households could feel the pinch as the won weakens.", {"trade"}),
    (
        "Harris is expected to stand by the extended deterrence commitments of the Washington Declaration.",
        {"alliance"},
    ),
    ("Some in Seoul fear that a Trump win would leave the country to fend for itself.", {"alliance"}),
    (
        "A Trump presidency may do little to stop military cooperation between Moscow and Pyongyang.",
        {"russia"},
    ),
    (
        "A Trump-brokered ceasefire in Ukraine could free Russia to reward North Korea with advanced technology.",
        {"russia"},
    ),
    ("Korean arms makers stand to gain if Trump pushes NATO members to spend more.", {"defense_industry"}),
    ("A Trump win could reopen the fight over the defense cost agreement just signed.", {"cost_sharing"}),
    ("Under Harris, curbs on high-tech exports to China would likely tighten further.", {"trade", "china"}),
    ("Korean stocks could tumble on the news of a Trump victory.", {"trade"}),
    ("If Trump wins, Korean shipments of steel and aluminum could face new quotas.", {"trade"}),
    ("A Trump victory could bring renegotiation of the KORUS FTA.", {"trade"}),
    ("A second Trump term could cast doubt on America's promise to defend its Asian allies.", {"alliance"}),
    ("Under Trump, dialogue between the two Koreas is unlikely to resume.", {"inter_korean"}),
    (
        "A Trump deal with Putin could dampen European demand for Korean weapons.",
        {"defense_industry", "russia"},
    ),
    ("Under Harris, working-level nuclear negotiations would probably be the first step.", {"nk_diplomacy"}),
    ("A Harris administration would likely tighten enforcement of sanctions on Pyongyang.", {"nk_diplomacy"}),
    ("Under Harris, the trilateral partnership with Tokyo would likely deepen.", {"alliance"}),
    ("A Trump win could jeopardize subsidies promised to Samsung's Texas chip plant.", {"trade"}),
    ("In contrast to Trump, a Harris administration would likely consult Seoul closely.", {"alliance"}),
    ("Trump's return would likely revive his demands for higher payments from Seoul.", {"cost_sharing"}),
]
# The North's weapons and the standoff in general words, which had fallen back on "North
# Korea" alone and read as diplomacy (of 29 threat probes written for them, 9 read as diplomacy before
# these terms; seeds, train and dev figures unchanged by them).
THREAT_IN_GENERAL_WORDS = [
    ("If Trump wins, the North Korean threat is likely to grow.", {"nk_threat"}),
    ("A Harris victory could do little to slow North Korea's uranium enrichment.", {"nk_threat"}),
    ("If Trump wins, the standoff with Pyongyang could deepen.", {"nk_threat"}),
    ("A Trump victory could invite a confrontation with the North.", {"nk_threat"}),
    ("If Harris is elected, North Korea will likely keep producing fissile material.", {"nk_threat"}),
    ("A Harris administration is likely to face a more dangerous North Korea.", {"nk_threat"}),
    ("If Trump returns, Pyongyang could resume its plutonium production.", {"nk_threat"}),
    ("If Trump wins, the odds of a preemptive strike on the North could rise.", {"nk_threat"}),
    ("If Trump returns, Pyongyang could unveil a new Hwasong missile within weeks.", {"nk_threat"}),
    ("If Trump wins, Seoul would have to live with a nuclear North indefinitely.", {"nk_threat"}),
    ("A Harris win could help deter an invasion of Taiwan.", {"china"}),
]
# The 2025 trade talks, after the 2024 election (the winner's term): energy purchases,
# investment pledges, Korean plants in the U.S., shipbuilding cooperation.
AFTER_2024 = [
    ("Trump is likely to press Seoul to buy more American LNG.", {"trade"}),
    ("Washington may demand that Korea join the Alaska LNG project.", {"trade"}),
    ("Hyundai's Georgia plant could face new scrutiny from U.S. regulators.", {"trade"}),
    ("The MASGA initiative could give Korean shipyards a role in U.S. Navy repairs.", {"defense_industry"}),
]


@pytest.mark.parametrize(("text", "domains"), EXACT_DOMAINS + THREAT_IN_GENERAL_WORDS)
def test_the_lens_names_exactly_the_consequences_domains(extract, text, domains):
    (st,) = extract(text, date="2024-09-01")
    assert set(st.domains) == domains, st.rules


@pytest.mark.parametrize(("text", "domains"), AFTER_2024)
def test_the_lens_reads_the_winners_term_trade_agenda(extract, text, domains):
    (st,) = extract(text, date="2025-07-20")
    assert (st.condition, set(st.domains)) == ("trump", domains), st.rules


def test_korean_reads_the_same_agenda(lens):
    from scenariodesk.analyze import extract_statements
    from scenariodesk.models import Document

    text = "트럼프 행정부는 한국에 알래스카 LNG 사업 참여를 요구할 가능성이 크다."
    (st,) = extract_statements(Document(text=text, date="2025-07-20", language="ko", path="t.txt"), lens)
    assert (st.condition, st.domains) == ("trump", ("trade",)), st.rules
