"""Common phrasings of ANNOTATION.md's domains, written as probe sentences (no article
text): each should land in its domain whatever words the seeds and train happened to use."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


def _effect_signs(st) -> set[str]:  # type: ignore[no-untyped-def]
    """The signs of the effect-theme pairs in a statement's trace ("effect:-:raise>tariff")."""
    return {r.split(":")[1] for r in st.rules if r.startswith("effect:")}


# One sentence per domain form the lens should know, written from ANNOTATION's domain
# table (probe sentences, not article text).
DOMAIN_FORMS = [
    (
        "If Trump wins, Washington could demand that Seoul pay $10 billion a year for U.S. forces.",
        "cost_sharing",
    ),
    ("If Trump wins, the defense cost-sharing deal signed this year could be torn up.", "cost_sharing"),
    (
        "If Trump wins, Seoul may have to foot a bigger bill for the American military presence.",
        "cost_sharing",
    ),
    ("If Trump wins, the 28,500 American soldiers in Korea could be brought home.", "troops"),
    ("If Trump wins, the U.S. military footprint on the peninsula could shrink.", "troops"),
    ("If Trump wins, Pyongyang could test an intercontinental ballistic missile.", "nk_threat"),
    ("If Trump wins, North Korea could stage a seventh nuclear test.", "nk_threat"),
    ("If Trump wins, Kim could ramp up weapons testing.", "nk_threat"),
    ("If Trump wins, he could hold another summit with Kim Jong-un.", "nk_diplomacy"),
    ("If Trump wins, Washington could offer sanctions relief in exchange for a freeze.", "nk_diplomacy"),
    ("If Harris wins, the U.S. would keep its nuclear umbrella over South Korea.", "alliance"),
    ("If Harris wins, trilateral security cooperation with Japan would deepen.", "alliance"),
    ("If Trump wins, calls in Seoul for nuclear armament could grow louder.", "alliance"),
    ("If Trump wins, Seoul could be left out of talks between Washington and Pyongyang.", "inter_korean"),
    ("If Harris wins, inter-Korean dialogue could resume.", "inter_korean"),
    ("If Trump wins, Seoul could be caught between Washington and Beijing.", "china"),
    # paraphrases of train sentences' domain words (a garrison, a security partnership,
    # leader-level diplomacy) that the lens read only in their original words
    ("If Harris wins, she would keep the security partnership at the center of her Asia policy.", "alliance"),
    (
        "If Trump wins, he could demand steeply higher payments toward the American garrison in Korea.",
        "cost_sharing",
    ),
    ("If Trump wins, he could return to leader-level diplomacy with Pyongyang.", "nk_diplomacy"),
    ("If Trump wins, U.S.-China rivalry could intensify, squeezing Korean firms.", "china"),
    ("If Trump wins, a 10 percent universal tariff could hit Korean exports.", "trade"),
    ("If Trump wins, the IRA's tax credits for Korean battery makers could vanish.", "trade"),
    ("If Trump wins, the won could weaken against the dollar.", "trade"),
    ("If Trump wins, Korean semiconductor investment in Texas could be at risk.", "trade"),
    ("If Trump wins, Moscow's military cooperation with Pyongyang could deepen.", "russia"),
    ("If Trump wins, the war in Ukraine could end quickly, freeing Russia to aid North Korea.", "russia"),
    ("If Trump wins, Korean shipyards could win U.S. Navy maintenance contracts.", "defense_industry"),
    ("If Trump wins, Hanwha Aerospace could see more export orders from Europe.", "defense_industry"),
    ("If Trump wins, Korean arms makers could sell more K2 tanks to Poland.", "defense_industry"),
    ("If Trump wins, Washington could scale back joint drills with Seoul.", "alliance"),
    ("If Trump wins, the U.S. could pull out of the free trade agreement with Korea.", "trade"),
    ("If Trump wins, Seoul would face pressure to join the U.S. containment of China.", "china"),
    ("If Trump wins, North Korea could be recognized as a de facto nuclear power.", "nk_threat"),
    ("If Trump wins, Seoul could be asked to cover more of the stationing costs.", "cost_sharing"),
    ("If Trump wins, the SMA could be renegotiated.", "cost_sharing"),
    ("If Trump wins, Washington could charge Seoul for protection.", "cost_sharing"),
    ("If Trump wins, U.S. troop levels in Korea could be cut.", "troops"),
    ("If Trump wins, the Pentagon could redeploy forces from Korea to elsewhere.", "troops"),
    ("If Trump wins, USFK could be reduced to a smaller force.", "troops"),
    ("If Trump wins, Pyongyang could resume provocations along the border.", "nk_threat"),
    ("If Trump wins, North Korea's nuclear program could keep growing.", "nk_threat"),
    ("If Trump wins, military tensions on the Korean Peninsula could rise.", "nk_threat"),
    ("If Trump wins, Washington could accept a nuclear freeze by Pyongyang.", "nk_diplomacy"),
    ("If Trump wins, top-down diplomacy with Pyongyang could return.", "nk_diplomacy"),
    ("If Harris wins, the Washington Declaration would remain in place.", "alliance"),
    ("If Trump wins, Seoul's trust in U.S. security guarantees could erode.", "alliance"),
    ("If Trump wins, South Korea could seek its own nuclear deterrent.", "alliance"),
    ("If Trump wins, Seoul's role in North Korea talks could shrink.", "inter_korean"),
    ("If Harris wins, humanitarian aid to the North could resume.", "inter_korean"),
    ("If Trump wins, Beijing could retaliate against Korean companies.", "china"),
    ("If Trump wins, export controls on chips to China could tighten, hurting Samsung.", "china"),
    ("If Trump wins, Korean steel exports could face quotas.", "trade"),
    ("If Trump wins, Hyundai Motor could face higher duties in the U.S.", "trade"),
    ("If Trump wins, Korean chipmakers could lose CHIPS Act grants.", "trade"),
    ("If Trump wins, the trade surplus with the U.S. could draw pressure.", "trade"),
    ("If Trump wins, North Korean troops fighting for Russia could gain combat experience.", "russia"),
    ("If Trump wins, a ceasefire in Ukraine could come quickly.", "russia"),
    (
        "If Trump wins, Korean shipbuilders could help revive the U.S. shipbuilding industry.",
        "defense_industry",
    ),
    ("If Trump wins, European demand for Korean howitzers could rise.", "defense_industry"),
    (
        "If Trump wins, Washington could push Seoul to shoulder more of the burden of its own defense.",
        "cost_sharing",
    ),
    ("If Trump wins, the host-nation support Seoul provides could double.", "cost_sharing"),
    ("If Trump wins, the American troop presence on the peninsula could shrink.", "troops"),
    ("If Trump wins, the Camp Humphreys garrison could be downsized.", "troops"),
    ("If Trump wins, Pyongyang could expand its nuclear arsenal unchecked.", "nk_threat"),
    ("If Trump wins, North Korea could launch more satellites and missiles.", "nk_threat"),
    ("If Trump wins, Kim Jong-un could be invited to the White House.", "nk_diplomacy"),
    ("If Trump wins, denuclearization could be dropped as a goal.", "nk_diplomacy"),
    ("If Harris wins, Washington would coordinate closely with Tokyo and Seoul.", "alliance"),
    ("If Trump wins, the credibility of U.S. extended deterrence could suffer.", "alliance"),
    ("If Trump wins, Seoul's voice in North Korea policy could weaken.", "inter_korean"),
    ("If Harris wins, the Kaesong complex is unlikely to reopen.", "inter_korean"),
    ("If Trump wins, Beijing's economic pressure on Seoul could grow.", "china"),
    ("If Harris wins, Washington would keep pressing allies to curb chip sales to China.", "china"),
    ("If Trump wins, Korean carmakers' U.S. sales could suffer from new levies.", "trade"),
    ("If Trump wins, the Inflation Reduction Act could be repealed.", "trade"),
    ("If Trump wins, foreign investment in Korea could slow.", "trade"),
    ("If Trump wins, Pyongyang's arms shipments to Moscow could continue.", "russia"),
    ("If Trump wins, a peace deal in Ukraine could reduce demand for Korean shells.", "russia"),
    ("If Trump wins, Korean firms could join U.S. naval shipbuilding programs.", "defense_industry"),
    ("If Trump wins, NATO members could buy more Korean weapons.", "defense_industry"),
    ("If Trump wins, he could seek a grand bargain with Pyongyang.", "nk_diplomacy"),
    ("If Trump wins, he could restart his personal rapport with Kim.", "nk_diplomacy"),
    ("If Trump wins, he could exchange letters with Kim again.", "nk_diplomacy"),
    ("If Trump wins, Washington could sign an end-of-war declaration.", "nk_diplomacy"),
    ("If Trump wins, a peace treaty with the North could be on the table.", "nk_diplomacy"),
    ("If Trump wins, Washington could settle for a small deal with the North.", "nk_diplomacy"),
    ("If Harris wins, Washington would keep to a step-by-step approach on denuclearisation.", "nk_diplomacy"),
    ("If Harris wins, the policy of strategic patience could return.", "nk_diplomacy"),
    ("If Trump wins, a return to maximum pressure is possible.", "nk_diplomacy"),
    ("If Trump wins, arms control talks with North Korea could begin.", "nk_diplomacy"),
    ("If Trump wins, normalization of relations with Pyongyang could follow.", "nk_diplomacy"),
    ("If Trump wins, Pyongyang could test a hypersonic missile.", "nk_threat"),
    ("If Trump wins, North Korea could deploy tactical nuclear weapons.", "nk_threat"),
    ("If Trump wins, the North's nuclear buildup could accelerate.", "nk_threat"),
    ("If Trump wins, clashes along the DMZ could become more likely.", "nk_threat"),
    ("If Trump wins, North Korea could launch another spy satellite.", "nk_threat"),
    ("If Trump wins, Pyongyang could step up its saber-rattling.", "nk_threat"),
    ("If Trump wins, the North could resort to brinkmanship.", "nk_threat"),
    ("If Trump wins, the mutual defense treaty could be called into question.", "alliance"),
    ("If Trump wins, the bilateral alliance could weaken.", "alliance"),
    ("If Trump wins, deployments of U.S. strategic assets could be scaled back.", "alliance"),
    ("If Harris wins, the Nuclear Consultative Group would keep meeting.", "alliance"),
    ("If Trump wins, trust between the two allies could erode.", "alliance"),
    ("If Harris wins, security cooperation among Seoul, Tokyo and Washington would deepen.", "alliance"),
    ("If Trump wins, calls for redeploying tactical nukes to the South could grow.", "alliance"),
    ("If Trump wins, Seoul could face demands to pay protection money.", "cost_sharing"),
    ("If Trump wins, host nation support payments could rise sharply.", "cost_sharing"),
    ("If Trump wins, the strategic flexibility of U.S. forces in Korea could expand.", "troops"),
    ("If Trump wins, a drawdown of American forces could begin.", "troops"),
    ("If Trump wins, troop cuts on the peninsula could follow.", "troops"),
    ("If Trump wins, a U.S. force realignment in Asia could reach Korea.", "troops"),
    ("If Harris wins, North-South relations could thaw.", "inter_korean"),
    ("If Trump wins, Korea passing could return.", "inter_korean"),
    ("If Harris wins, Seoul's engagement policy toward the North could gain room.", "inter_korean"),
    ("If Harris wins, family reunions across the border could resume.", "inter_korean"),
    ("If Harris wins, tours to Mount Kumgang could restart.", "inter_korean"),
    ("If Trump wins, the September 19 military agreement could collapse.", "inter_korean"),
    ("If Trump wins, decoupling from China could accelerate.", "china"),
    ("If Trump wins, Seoul could be pressed to join the containment of Beijing.", "china"),
    ("If Trump wins, Beijing could resort to economic coercion against Seoul.", "china"),
    ("If Trump wins, Sino-U.S. tensions could spill over onto the peninsula.", "china"),
    ("If Trump wins, a trade war between Washington and Beijing could hurt Korea.", "china"),
    ("If Trump wins, Section 232 duties could hit Korean steel.", "trade"),
    ("If Trump wins, Korea's trade surplus with the U.S. could draw scrutiny.", "trade"),
    ("If Trump wins, Samsung and SK Hynix could face new levies.", "trade"),
    ("If Trump wins, LG Energy Solution could lose IRA subsidies.", "trade"),
    ("If Trump wins, the KOSPI could tumble.", "trade"),
    ("If Trump wins, Seoul could be labeled a currency manipulator.", "trade"),
    ("If Trump wins, Korean conglomerates could be pushed to reshore production to the U.S.", "trade"),
    ("If Trump wins, the Kremlin could deepen ties with Pyongyang.", "russia"),
    ("If Trump wins, North Korean troops could keep fighting in Kursk.", "russia"),
    ("If Trump wins, the treaty between Pyongyang and Moscow could be tested.", "russia"),
    ("If Trump wins, arms transfers from North Korea to Russia could continue.", "russia"),
    ("If Trump wins, Hanwha Ocean could win U.S. Navy ship repair work.", "defense_industry"),
    ("If Trump wins, sales of FA-50 fighters could grow.", "defense_industry"),
    ("If Trump wins, HD Hyundai could build warships for the U.S. Navy.", "defense_industry"),
    ("If Trump wins, Korean defense contractors could gain new customers.", "defense_industry"),
    ("If Harris wins, Korean battery makers would keep their subsidies.", "trade"),
    ("If Trump wins, tariffs on electric vehicles could rise.", "trade"),
    ("If Trump wins, Korean solar panel makers could lose their tax credits.", "trade"),
    ("If Trump wins, a sell-off in Korean equities could follow.", "trade"),
    # the subject's own nuclear armament is the alliance's matter, not the North's threat
    ("If Trump wins, calls in Seoul for a homegrown nuclear arsenal will grow louder.", "alliance"),
    ("Under Harris, Seoul's push for nuclear weapons would likely lose steam.", "alliance"),
    # the North's threat in the words of escalation, not only its weapons' names
    ("If Harris wins, her hard line could raise tensions with Pyongyang.", "nk_threat"),
    ("If Trump wins, tensions with North Korea could flare again.", "nk_threat"),
    ("If Trump wins, North Korea may keep building weapons.", "nk_threat"),
    ("If Harris wins, North Korea may keep developing its missiles.", "nk_threat"),
    ("If Harris wins, Pyongyang could test the new administration's resolve.", "nk_threat"),
    ("If Harris wins, Pyongyang could stage a show of force.", "nk_threat"),
    ("If Harris wins, North Korea is likely to provoke the new administration.", "nk_threat"),
    ("If Trump wins, Pyongyang could lash out with a provocative act.", "nk_threat"),
    ("If Trump wins, the North could expand its nuclear stockpile.", "nk_threat"),
    ("If Trump wins, Kim Jong-un might resume long-range launches.", "nk_threat"),
    ("If Harris wins, Pyongyang's nuclear threat would keep growing.", "nk_threat"),
    ("If Trump wins, the risk of a military confrontation on the peninsula could rise.", "nk_threat"),
    ("If Trump wins, the two Koreas could be back on the brink of war.", "nk_threat"),
    ("If Trump wins, fire and fury rhetoric could return.", "nk_threat"),
    ("If Harris wins, the security situation on the Korean Peninsula could deteriorate.", "nk_threat"),
    ("If Trump wins, Pyongyang could become bolder.", "nk_threat"),
    ("If Harris wins, the North might step up its military pressure on Seoul.", "nk_threat"),
    # South Korea's role (or its loss), the North's aid and outreach, the alliance's trust
    ("If Trump wins, Seoul could be relegated to a bystander in talks with Pyongyang.", "inter_korean"),
    ("If Trump wins, South Korea could be reduced to a spectator.", "inter_korean"),
    ("If Trump wins, Seoul might lose its seat at the table.", "inter_korean"),
    ("If Harris wins, Seoul could play a mediating role between Washington and Pyongyang.", "inter_korean"),
    ("If Trump wins, Seoul's role as a go-between could shrink.", "inter_korean"),
    ("If Harris wins, the two Koreas may resume talks.", "inter_korean"),
    ("If Harris wins, Seoul could restart aid to the North.", "inter_korean"),
    ("If Trump wins, joint economic projects with North Korea could be revived.", "inter_korean"),
    ("If Trump wins, the Mount Kumgang tours could resume.", "inter_korean"),
    ("If Harris wins, Seoul's engagement with Pyongyang would get more room.", "inter_korean"),
    ("If Trump wins, he may deal with Kim directly, cutting Seoul out.", "inter_korean"),
    ("If Trump wins, he could go over Seoul's head to deal with Kim.", "inter_korean"),
    ("If Trump wins, Seoul risks being left on the sidelines.", "inter_korean"),
    ("If Trump wins, the nuclear talks would exclude South Korea.", "inter_korean"),
    ("If Trump wins, a full repeal of the IRA looks unlikely.", "trade"),
    ("If Trump wins, Xi may exploit rifts between the allies.", "china"),
    ("If Trump wins, he could go around Seoul to deal with Kim directly.", "inter_korean"),
    ("If Harris wins, Seoul could again act as a facilitator of U.S.-North Korea talks.", "inter_korean"),
    ("If Trump wins, food aid to North Korea could resume.", "inter_korean"),
    ("If Harris wins, the South's outreach to the North may win Washington's blessing.", "inter_korean"),
    ("If Trump wins, the Moon government's peace agenda could get a boost.", "inter_korean"),
    ("If Trump wins, reunions of separated families could be arranged.", "inter_korean"),
    ("If Harris wins, Seoul would be in the driver's seat on North Korea policy.", "inter_korean"),
    ("If Trump wins, the military agreement between the two Koreas could be restored.", "inter_korean"),
    ("If Trump wins, a hotline between Seoul and Pyongyang could be reopened.", "inter_korean"),
    ("If Trump wins, Seoul's voice on North Korea could be drowned out.", "inter_korean"),
    ("If Trump wins, the number of American soldiers on the peninsula could fall.", "troops"),
    ("If Trump wins, the Pentagon may shift forces away from Korea.", "troops"),
    ("If Trump wins, USFK's role could be changed to counter China.", "troops"),
    ("If Trump wins, Washington could pull its soldiers out of Korea.", "troops"),
    ("If Trump wins, the U.S. military presence in South Korea could be cut.", "troops"),
    ("If Trump wins, confidence in America's nuclear umbrella could wane.", "alliance"),
    ("If Trump wins, Seoul and Washington could drift apart.", "alliance"),
    ("If Trump wins, Seoul may doubt whether Washington would defend it.", "alliance"),
    ("If Trump wins, the U.S. might not come to Seoul's defense.", "alliance"),
    ("If Trump wins, Seoul could question America's reliability.", "alliance"),
    ("If Trump wins, the bond between the two allies could weaken.", "alliance"),
    ("If Harris wins, the partnership between Seoul and Washington would deepen.", "alliance"),
    ("If Trump wins, the U.S.-South Korea relationship could become transactional.", "alliance"),
    ("If Trump wins, Washington could treat Seoul as a client rather than a partner.", "alliance"),
    ("If Trump wins, the mutual defense treaty could be called into question.", "alliance"),
    ("If Trump wins, South Korea could seek nuclear weapons of its own.", "alliance"),
    # a nuclear North Korea and the threat it poses
    ("If Harris wins, Pyongyang's nuclear and missile programs would continue to advance.", "nk_threat"),
    ("If Trump wins, Kim could test a hydrogen bomb.", "nk_threat"),
    ("If Trump wins, Seoul would have to live with a nuclear-armed North Korea.", "nk_threat"),
    ("If Harris wins, the threat from North Korea would keep growing.", "nk_threat"),
    ("If Trump wins, a nuclear North Korea could become permanent.", "nk_threat"),
    ("If Harris wins, North Korea may launch more cruise missiles.", "nk_threat"),
    ("If Trump wins, North Korea's weapons programs would go on unchecked.", "nk_threat"),
    # China's rivalry, Russia's ties, the cost and trade and arms vocabulary
    ("If Trump wins, he will likely demand more money from Seoul.", "cost_sharing"),
    ("If Trump wins, Washington could pull its troops out of Korea.", "troops"),
    ("If Trump wins, the U.S. could pull out of South Korea altogether.", "troops"),
    ("If Trump wins, North Korean troops could keep fighting in Kursk.", "russia"),
    ("If Trump wins, Pyongyang could send more soldiers to help Russia.", "russia"),
    ("If Trump wins, Russian troops could hold on to occupied Ukraine.", "russia"),
    ("If Trump wins, Chinese troops could mass near Taiwan.", "china"),
    ("If Trump wins, Seoul could be asked to pay more for the 28,500 U.S. troops.", "cost_sharing"),
    ("If Trump wins, Seoul may be pressed to choose between Washington and Beijing.", "china"),
    ("If Trump wins, Beijing could punish Korean companies.", "china"),
    ("If Trump wins, a U.S.-China trade war could hurt Korean exporters.", "china"),
    ("If Harris wins, Washington would keep rallying allies against Beijing.", "china"),
    ("If Trump wins, Seoul's relations with China could sour.", "china"),
    ("If Trump wins, Washington could ask Seoul to help contain China.", "china"),
    ("If Trump wins, Korea may be caught between the two superpowers.", "china"),
    ("If Trump wins, great-power rivalry in Asia could intensify.", "china"),
    ("If Trump wins, Xi Jinping may gain influence over Pyongyang.", "china"),
    ("If Trump wins, Moscow and Pyongyang could deepen their military cooperation.", "russia"),
    ("If Trump wins, the Kremlin may supply Pyongyang with advanced technology.", "russia"),
    ("If Trump wins, a ceasefire in Ukraine could free Russia to help North Korea.", "russia"),
    ("If Trump wins, Putin could reward Kim with fighter jets.", "russia"),
    ("If Trump wins, Korean carmakers may have to move production to America.", "trade"),
    ("If Trump wins, the won could plunge.", "trade"),
    ("If Trump wins, a universal tariff could slow Korea's growth.", "trade"),
    ("If Trump wins, Samsung may have to expand its plant in Texas.", "trade"),
    ("If Trump wins, Korea's trade surplus with the U.S. could come under fire.", "trade"),
    ("If Trump wins, Korean chip makers could face new restrictions.", "trade"),
    ("If Trump wins, Seoul may have to spend far more on its own defense.", "cost_sharing"),
    ("If Trump wins, he could demand a fivefold increase in Seoul's payment.", "cost_sharing"),
    ("If Trump wins, the special measures agreement could be torn up.", "cost_sharing"),
    ("If Trump wins, he may ask Seoul to foot the bill for U.S. forces.", "cost_sharing"),
    ("If Trump wins, Korean firms could repair U.S. Navy ships.", "defense_industry"),
    ("If Trump wins, Poland may buy more Korean tanks.", "defense_industry"),
    ("If Trump wins, demand for Korean artillery shells could grow.", "defense_industry"),
    ("If Trump wins, Korea's arms exports to Europe could surge.", "defense_industry"),
    ("If Trump wins, he may exchange letters with Kim again.", "nk_diplomacy"),
    ("If Trump wins, he could offer Kim a deal.", "nk_diplomacy"),
    ("If Trump wins, he might invite Kim to the White House.", "nk_diplomacy"),
    ("If Harris wins, she would insist on complete denuclearization.", "nk_diplomacy"),
    ("If Trump wins, a nuclear freeze could be on the table.", "nk_diplomacy"),
    ("If Trump wins, Pyongyang could get relief from sanctions.", "nk_diplomacy"),
    # escalation and the arsenal's growth; the alliance as a partner to rely on
    ("If Trump wins, North Korea could feel free to test more weapons.", "nk_threat"),
    ("If Trump wins, Pyongyang's nuclear program would keep advancing.", "nk_threat"),
    ("If Harris wins, Kim could respond with hostility.", "nk_threat"),
    ("If Trump wins, the North's arsenal would keep growing unchecked.", "nk_threat"),
    ("If Harris wins, North Korea may resume artillery drills near the border.", "nk_threat"),
    ("If Trump wins, a repeat of the 2017 war scare is possible.", "nk_threat"),
    ("If Trump wins, the risk of miscalculation on the peninsula could grow.", "nk_threat"),
    ("If Trump wins, North Korea could become a permanent nuclear power.", "nk_threat"),
    ("If Harris wins, the North could launch a satellite.", "nk_threat"),
    ("If Trump wins, Pyongyang would likely refrain from provocations.", "nk_threat"),
    ("If Trump wins, Kim might halt his weapons tests.", "nk_threat"),
    ("If Trump wins, Kim could feel emboldened to attack.", "nk_threat"),
    ("If Harris wins, a military clash in the Yellow Sea could happen.", "nk_threat"),
    ("If Trump wins, North Korea's nuclear status would become a fait accompli.", "nk_threat"),
    ("If Trump wins, Seoul could go nuclear.", "alliance"),
    ("If Trump wins, public support in Korea for nuclear armament could surge.", "alliance"),
    ("If Trump wins, the U.S. security guarantee could lose credibility.", "alliance"),
    ("If Harris wins, Washington would stay a dependable partner.", "alliance"),
    ("If Trump wins, the relationship with Washington could be rocky.", "alliance"),
    ("If Trump wins, Seoul would face an unreliable ally.", "alliance"),
    ("If Trump wins, cooperation among Washington, Seoul and Tokyo could fray.", "alliance"),
    ("If Harris wins, the Camp David framework would endure.", "alliance"),
    ("If Trump wins, South Koreans could lose faith in the United States.", "alliance"),
    ("If Trump wins, Washington may scale back its defense commitment to Korea.", "alliance"),
    ("If Harris wins, ties between Seoul and Washington would remain strong.", "alliance"),
    ("If Trump wins, anti-American sentiment in Korea could rise.", "alliance"),
    ("If Trump wins, Seoul could be abandoned by its protector.", "alliance"),
    ("If Trump wins, the war in Ukraine could end on Moscow's terms.", "russia"),
    ("If Trump wins, Russia could transfer missile technology to Pyongyang.", "russia"),
    ("If Trump wins, sanctions on Russia could be lifted.", "russia"),
    # the alliance: the subject abandoned by, or relying on, its ally
    ("If Trump wins, he would turn his back on Seoul.", "alliance"),
    ("If Trump wins, he could abandon South Korea.", "alliance"),
    ("If Trump wins, he could walk away from South Korea.", "alliance"),
    ("If Trump wins, he could leave Seoul in the lurch.", "alliance"),
    ("If Trump wins, Seoul may no longer be able to count on Washington.", "alliance"),
    # the North's threat beyond weapons tests; South Korea's role and the North's snubs
    ("If Trump wins, North Korea may step up its cyberattacks and crypto thefts.", "nk_threat"),
    ("If Trump wins, Pyongyang could send more trash balloons across the border.", "nk_threat"),
    ("If Trump wins, Seoul could lose its say over peninsula affairs.", "inter_korean"),
    ("If Trump wins, Pyongyang would keep snubbing Seoul while talking to Washington.", "inter_korean"),
    # Korea's defense industry is the industry, not Korea's defense; the NCG by its initials
    ("If Trump wins, it would be a windfall for Korea's defense industry.", "defense_industry"),
    ("Should Harris win, the NCG is expected to keep meeting regularly.", "alliance"),
    # the North testing a new president, raising tensions, accepted as nuclear-armed
    ("If Trump wins, Kim is likely to test the new administration early.", "nk_threat"),
    ("If Harris wins, Pyongyang may ratchet up tensions to get her attention.", "nk_threat"),
    ("If Trump wins, North Korea could be accepted as a nuclear-armed state.", "nk_threat"),
    # South Korea's own dealings with the North, its aid and its voice are inter-Korean
    ("If Trump wins, Seoul's efforts to reach out to Pyongyang could stall.", "inter_korean"),
    ("If Harris wins, South Korea could pursue its own engagement with the North.", "inter_korean"),
    ("If Harris wins, humanitarian assistance to North Korea could resume.", "inter_korean"),
    ("If Trump wins, Seoul may lose its voice on North Korea policy.", "inter_korean"),
    # units pulled off the peninsula and the military posture are USFK; Seoul's own bomb
    ("If Trump wins, Washington may pull a brigade out of South Korea.", "troops"),
    ("If Harris wins, the U.S. military posture in Korea would stay unchanged.", "troops"),
    ("If Trump wins, calls for South Korea to build its own bomb would grow louder.", "alliance"),
    # the alliance's trust, trilateral ties, Seoul's own military and own bomb
    ("If Trump wins, Seoul may question whether Washington would come to its aid.", "alliance"),
    ("If Harris wins, security ties among Seoul, Tokyo and Washington would deepen.", "alliance"),
    ("If Harris wins, the U.S. would keep its promise to defend Korea.", "alliance"),
    ("If Trump wins, Seoul may have to rely more on its own military.", "alliance"),
    ("If Trump wins, South Koreans may increasingly favor developing nuclear weapons.", "alliance"),
    # more of the bill, and a bill for THAAD, are cost-sharing
    ("If Trump wins, Washington may demand that Seoul foot more of the bill.", "cost_sharing"),
    ("If Trump wins, he could ask Seoul to pay for the THAAD battery.", "cost_sharing"),
    # the North's attacks, a war breaking out, its deterrent and ambitions, an arms race,
    # red lines, drones over the border, (in)stability on the peninsula, a more dangerous
    # North (not an artillery maker's orders)
    ("If Harris wins, Pyongyang could carry out an artillery attack on border islands.", "nk_threat"),
    ("If Harris wins, a war could break out on the Korean Peninsula.", "nk_threat"),
    ("If Harris wins, North Korea will keep enhancing its nuclear deterrent.", "nk_threat"),
    ("If Trump wins, an arms race could erupt on the peninsula.", "nk_threat"),
    ("If Trump wins, Kim may be tempted to cross the red line.", "nk_threat"),
    ("If Harris wins, the North could send more drones across the border.", "nk_threat"),
    ("If Harris wins, instability on the peninsula is likely to grow.", "nk_threat"),
    ("If Trump wins, the North's nuclear ambitions could go unchecked.", "nk_threat"),
    ("If Trump wins, North Korea could become more dangerous.", "nk_threat"),
    ("If Trump wins, Pyongyang would likely stage a weapons demonstration.", "nk_threat"),
    # the cost of the garrison, assets moved out of Korea, a division, the current account
    ("If Trump wins, he may demand that Seoul cover the full cost of the American garrison.", "cost_sharing"),
    ("If Trump wins, the U.S. could move Patriot batteries out of Korea.", "troops"),
    ("If Trump wins, the 2nd Infantry Division could be pulled back.", "troops"),
    ("If Trump wins, Korea's current account surplus could shrink.", "trade"),
    # Seoul's say, role and standing with the North (inter-Korean)
    ("If Trump wins, Seoul would have little say in the negotiations.", "inter_korean"),
    ("If Trump wins, Seoul could act as a bridge between Washington and Pyongyang.", "inter_korean"),
    ("If Harris wins, the North may continue to ignore Seoul.", "inter_korean"),
    ("If Harris wins, Seoul is likely to play a larger role in the talks.", "inter_korean"),
    # "nukes" are the North's weapons (not "tactical nukes" Washington might redeploy)
    ("If Trump wins, North Korea could build more nukes.", "nk_threat"),
    ("If Trump wins, Kim will never give up his nukes.", "nk_diplomacy"),
    # paying more, whatever the amount, is cost-sharing; so is more money for the troops
    ("If Trump wins, he would likely demand more money for U.S. troops.", "cost_sharing"),
    (
        "If Trump wins, Seoul may have to pay billions more to keep U.S. troops on the peninsula.",
        "cost_sharing",
    ),
    ("If Trump wins, Seoul could be asked to pay $5 billion more a year.", "cost_sharing"),
    ("If Trump wins, South Korea may have to pay five times more for the American garrison.", "cost_sharing"),
    # forces moved off the peninsula are USFK
    ("If Trump wins, the U.S. could redeploy some of its forces from the peninsula to Guam.", "troops"),
]

# The North's weapons as what diplomacy would freeze or remove are the talks' matter.
DIPLOMACY_NOT_THREAT = [
    "If Harris wins, she may settle for a verifiable freeze of the North's arsenal.",
    "If Trump wins, he would seek another summit to disarm a nuclear-armed rogue state.",
    # rolled back or capped, and past a possessive ("the North's")
    "If Trump wins, a deal that rolls back the North's nuclear program is unlikely.",
    "If Trump wins, a deal that caps North Korea's nuclear arsenal is possible.",
]

# The talks named by where the North sits or whom a president meets, beside another
# domain's term (which a weak term like "Pyongyang" or "Kim" alone yields to).
DOMAIN_FORMS += [
    (
        "If Trump wins, Pyongyang, now backed by Moscow, is unlikely to return to the negotiating table.",
        "nk_diplomacy",
    ),
    ("If Trump wins, he could lure Kim back to the table with Moscow's blessing.", "nk_diplomacy"),
    (
        "If Trump wins, a meeting between Trump and Kim is possible even as Moscow arms Pyongyang.",
        "nk_diplomacy",
    ),
    # doubting Washington's resolve is the alliance's matter
    ("If Trump wins, many in Seoul will come to doubt Washington's resolve.", "alliance"),
]


# A fourth list from the domain table: batteries moved out, the bill for the bases, atomic
# tests and short-range rockets, the liaison office, car sales, the three-way partnership.
DOMAIN_FORMS += [
    ("If Trump wins, the Pentagon could move some of its Patriot batteries out of South Korea.", "troops"),
    ("If Trump wins, he could demand that Seoul cover the full bill for U.S. bases.", "cost_sharing"),
    ("If Trump wins, Pyongyang could conduct its seventh atomic test.", "nk_threat"),
    ("If Harris wins, the North may fire a barrage of short-range rockets.", "nk_threat"),
    ("If Harris wins, Seoul could reopen the joint liaison office with the North.", "inter_korean"),
    ("If Trump wins, Korean car sales in America could fall.", "trade"),
    ("If Harris wins, the three-way partnership with Tokyo would be preserved.", "alliance"),
]


# Synonyms a paraphrase of the training statements used (benchmarks/paraphrase.py).
DOMAIN_FORMS += [
    ("If Trump wins, cost sharing and duties on imports are likely back on the table.", "trade"),
    ("If Trump wins, commerce between the two countries is likely to suffer.", "trade"),
    ("If Trump wins, the economic penalties could be lifted within months.", "nk_diplomacy"),
    (
        "If Trump wins, he could demand steeply higher payments toward the U.S. military in Korea.",
        "cost_sharing",
    ),
]


def test_the_souths_adjective_never_names_the_norths_weapons(extract):
    """Lens place `{korean}`: "Korean arms" are the South's, "North Korean weapons tests"
    the North's threat and no arms industry's."""
    (north,) = extract(
        "If Trump wins, efforts to manage North Korean weapons tests would get harder.", date="2024-09-01"
    )
    assert "nk_threat" in north.domains and "defense_industry" not in north.domains, north.rules
    (south,) = extract("If Trump wins, demand for South Korean weapons could grow.", date="2024-09-01")
    assert "defense_industry" in south.domains, south.rules


def test_burden_sharing_is_the_arrangement_not_a_burden(extract):
    (st,) = extract(
        "Harris would probably honor whatever burden-sharing agreement the current administration concludes.",
        date="2024-09-01",
    )
    assert not any(r.startswith("impact:-:burden") for r in st.rules), st.rules


# Emboldening is the threat's only when it is the North that is emboldened.
@pytest.mark.parametrize(
    ("text", "threat"),
    [
        ("If Trump wins, his softness could embolden Pyongyang.", True),
        ("If Trump wins, a North Korea emboldened by Moscow could test more missiles.", True),
        ("If Trump wins, any sign of a U.S. retreat from Asia would embolden Beijing.", False),
    ],
)
def test_emboldening_is_the_threat_when_the_north_is_emboldened(extract, text, threat):
    (st,) = extract(text, date="2024-09-01")
    assert ("nk_threat" in st.domains) == threat, st.rules


# Sanctions on another country are not the North Korea talks' matter.
def test_sanctions_on_another_country_are_no_talks_with_the_north(extract):
    (st,) = extract("If Trump wins, sanctions on Russia could be lifted.", date="2024-09-01")
    assert "russia" in st.domains and "nk_diplomacy" not in st.domains, st.rules


# "Kim" alone is the North's leader; a Korean name with a hyphenated given name is one
# of the many Kims who speak about the election, no mention of the North.
@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("If Trump wins, he could meet Kim again within months.", True),
        ("If Trump wins, Kim Jong-un could be invited to the White House.", True),
        ("If Trump wins, the timetable could slip, Kim Hyun-wook said.", False),
    ],
)
def test_a_kim_who_speaks_is_no_mention_of_the_north(extract, text, found):
    statements = extract(text, date="2024-09-01")
    assert any("nk_diplomacy" in st.domains for st in statements) == found, [st.rules for st in statements]


# Allies in Europe, NATO's or Ukraine's are not the ROK-US alliance; Asia's include Seoul.
OTHER_ALLIES = [
    ("If Trump wins, European allies could face tariffs too, hurting Korean exporters.", False),
    ("If Trump wins, NATO allies may buy more Korean weapons.", False),
    ("If Trump wins, U.S. allies in Europe could turn to Korean arms makers.", False),
    (
        "If Trump wins, Ukraine's allies may lose heart, and Russia could deepen its ties with Pyongyang.",
        False,
    ),
    ("If Trump wins, Washington's Asian allies could be left to fend for themselves.", True),
]


@pytest.mark.parametrize(("text", "ours"), OTHER_ALLIES)
def test_other_alliances_are_not_the_subjects(extract, text, ours):
    (st,) = extract(text, date="2024-09-01")
    assert st.domains and ("alliance" in st.domains) == ours, st.rules


# Other countries' soldiers are not U.S. Forces Korea, nor is pulling out of a treaty,
# a market or the WTO.
OTHER_TROOPS = [
    "If Trump wins, the U.S. could pull out of the free trade agreement with Korea.",
    "If Trump wins, Washington may pull out of the WTO.",
    "If Trump wins, foreign investors could pull out of Korean markets.",
    "If Trump wins, North Korean troops could keep fighting in Kursk.",
    "If Trump wins, Russian troops could hold on to occupied Ukraine.",
    "If Trump wins, Chinese troops could mass near Taiwan.",
]


@pytest.mark.parametrize("text", OTHER_TROOPS)
def test_other_countries_troops_are_no_usfk(extract, text):
    (st,) = extract(text, date="2024-09-01")
    assert st.domains and "troops" not in st.domains, st.rules


@pytest.mark.parametrize("text", DIPLOMACY_NOT_THREAT)
def test_weapons_diplomacy_would_remove_are_no_threat(extract, text):
    (st,) = extract(text, date="2024-09-01")
    assert "nk_diplomacy" in st.domains and "nk_threat" not in st.domains, st.rules


def test_bargaining_chips_are_no_semiconductors(extract):
    (st,) = extract(
        "If Trump wins, joint military drills could be suspended as bargaining chips.", date="2024-09-01"
    )
    assert "trade" not in st.domains, st.rules


def test_an_air_defense_battery_is_no_industry(extract):
    (st,) = extract(
        "If Trump wins, China could retaliate against the planned THAAD battery in Korea.", date="2024-09-01"
    )
    assert "trade" not in st.domains, st.rules


@pytest.mark.parametrize(("text", "domain"), DOMAIN_FORMS)
def test_the_lens_names_the_domain_of_common_phrasings(extract, text, domain):
    (st,) = extract(text, date="2024-09-01")
    assert domain in st.domains, st.rules


# A place is named many ways ("Seoul", "South Korea", "the South"; "Washington", "the
# U.S."): a phrasing lands in its domain whichever name the writer chose (lens `places`).
PLACE_FORMS = [
    ("If Trump wins, it could lead to friction between {seoul} and {washington}.", "alliance"),
    ("If Harris wins, she would push for tighter {seoul}-Tokyo-{washington} coordination.", "alliance"),
    ("If Harris wins, sanctions would be enforced in close coordination with {seoul}.", "alliance"),
    ("If Trump wins, he could strike a deal with Pyongyang over {seoul}'s head.", "inter_korean"),
]
SEOUL = ["Seoul", "South Korea", "the South"]
WASHINGTON = ["Washington", "the United States", "the U.S."]


@pytest.mark.parametrize(("form", "domain"), PLACE_FORMS)
def test_a_place_lands_in_its_domain_whichever_name_the_text_gives_it(extract, form, domain):
    for seoul, washington in zip(SEOUL, WASHINGTON, strict=True):
        text = form.format(seoul=seoul, washington=washington)
        (st,) = extract(text, date="2024-09-01")
        assert domain in st.domains, (text, st.rules)


def test_the_korea_us_trade_agreement_is_trade_not_the_alliance(extract):
    (st,) = extract("Whoever wins, the Korea-U.S. Free Trade Agreement could be reopened.", date="2024-09-01")
    assert st.domains == ("trade",), st.rules


# Consequences whose sign is plain (ANNOTATION convention 9), in general English: the lens's
# effect, theme and impact vocabulary should give evidence of that sign alone, whatever the
# learned step then weighs it with.
SIGNED_FORMS = [
    # general English effect verbs a paraphrase uses (cement, upgrade, terminate, dilute)
    ("If Harris wins, she would cement the alliance with Seoul.", "+"),
    ("If Harris wins, she would upgrade security cooperation with Seoul.", "+"),
    ("If Trump wins, he could terminate the free trade agreement with Seoul.", "-"),
    ("If Trump wins, he could dilute the U.S. commitment to defend Seoul.", "-"),
    ("If Harris wins, Congress would resist any drawdown of the 28,500 soldiers stationed in Korea.", "+"),
    ("If Trump wins, he would probably seek a new summit with Kim Jong-un.", "+"),
    # a participle with its agent after a noun describes the noun; with an auxiliary it is the event
    ("If Harris wins, inter-Korean projects frozen by sanctions could resume.", "+"),
    ("If Trump wins, the talks would be frozen by the dispute over troop costs.", "-"),
    ("If Trump wins, he could pursue direct talks with Pyongyang.", "+"),
    ("If Harris wins, she would mend frayed ties with Tokyo and Seoul.", "+"),
    ("If Harris wins, she would uphold the alliance's extended deterrence.", "+"),
    ("If Harris wins, Washington would reaffirm its commitment to Seoul.", "+"),
    ("If Harris wins, she would support trilateral cooperation with Japan.", "+"),
    ("If Trump wins, Pyongyang would welcome renewed talks.", "+"),
    ("If Trump wins, Korean shipyards could see more U.S. Navy contracts.", "+"),
    ("If Harris wins, Korean firms would receive the promised subsidies.", "+"),
    ("If Trump wins, North Korea could return to the negotiating table.", "+"),
    ("If Trump wins, Korean exporters could face steep tariffs.", "-"),
    ("If Trump wins, relations with Seoul could sour.", "-"),
    ("If Trump wins, the alliance could be upended.", "-"),
    ("If Trump wins, Korean carmakers would be hit by new tariffs.", "-"),
    ("If Trump wins, the trade dispute could disrupt Korean exports.", "-"),
    ("If Trump wins, the feud could hamper cooperation between the allies.", "-"),
    ("If Trump wins, talks with Pyongyang could be delayed.", "-"),
    ("If Trump wins, he could pull U.S. troops out of South Korea.", "-"),
    ("If Trump wins, the allies' trust could fray.", "-"),
    ("If Harris wins, Seoul won't be sidelined in talks with Pyongyang.", "+"),  # n't negates
    ("If Harris wins, the U.S. would never recognize North Korea as a nuclear state.", "+"),  # after the cue
    ("If Trump wins, he would be determined to cut U.S. troops in Korea.", "-"),  # a plan, not "determine"
    ("If Trump wins, Washington could slap tariffs on Korean semiconductors.", "-"),
    ("If Trump wins, the U.S. could walk away from the alliance.", "-"),
    ("If Trump wins, Seoul could be sidelined in nuclear talks.", "-"),
    ("If Trump wins, Korea's growth could suffer.", "-"),
    ("If Trump wins, North Korea could expand its nuclear stockpile.", "-"),
    ("If Trump wins, Washington could demand that Seoul foot the entire bill for U.S. troops.", "-"),
    ("If Trump wins, the cost-sharing burden on Seoul could balloon.", "-"),
    ("If Trump wins, Korean firms' profits could shrink.", "-"),
    ("If Trump wins, Korean companies could face stiffer competition in the U.S.", "-"),
    ("If Trump wins, the U.S. could downgrade its commitment to the peninsula.", "-"),
    ("If Trump wins, Washington could bypass Seoul in dealing with Pyongyang.", "-"),
    ("If Trump wins, a trade war could engulf Korea.", "-"),
    ("If Trump wins, the North's threats could escalate.", "-"),
    ("If Trump wins, Seoul could be left to fend for itself.", "-"),
    ("If Trump wins, Korea's chip exports could be disrupted.", "-"),
    ("If Trump wins, Korean automakers could be penalized.", "-"),
    ("If Trump wins, anti-American sentiment in Korea could surge.", "-"),
    ("If Trump wins, the defense cost-sharing deal could be torn up.", "-"),
    ("If Trump wins, the Korean won could weaken sharply.", "-"),
    ("If Trump wins, Korean exports could decline.", "-"),
    ("If Harris wins, joint drills would continue as planned.", "+"),
    ("If Harris wins, the U.S. would uphold its defense commitments to Seoul.", "+"),
    ("If Harris wins, the allies would coordinate closely on North Korea.", "+"),
    ("If Harris wins, Korean chipmakers would retain their subsidies.", "+"),
    ("If Harris wins, the alliance would be reinforced.", "+"),
    ("If Harris wins, Korea's security would be enhanced.", "+"),
    ("If Harris wins, North Korea could be drawn back to the negotiating table.", "+"),
    ("If Harris wins, U.S. troops would remain on the peninsula.", "+"),
    ("If Harris wins, Korean defense firms could win new orders.", "+"),
    ("If Harris wins, stability on the peninsula would be preserved.", "+"),
    ("If Trump wins, Pyongyang could ramp up its weapons tests.", "-"),
    ("If Trump wins, North Korea could conduct a seventh nuclear test.", "-"),
    ("If Trump wins, Kim could exploit the rift between the allies.", "-"),
    ("If Trump wins, Washington could recognize North Korea as a nuclear state.", "-"),
    ("If Trump wins, the U.S. could strike a deal that leaves Seoul out.", "-"),
    ("If Trump wins, U.S. forces in Korea could be drawn down.", "-"),
    ("If Trump wins, joint military drills could be suspended again.", "-"),
    ("If Trump wins, Korean exporters could be hit by a 10 percent universal tariff.", "-"),
    ("If Trump wins, Seoul could face demands to renegotiate the trade pact.", "-"),
    ("If Trump wins, Washington could impose duties on Korean steel.", "-"),
    ("If Trump wins, Korean automakers could lose their edge in the U.S. market.", "-"),
    ("If Trump wins, Beijing could punish Seoul for siding with Washington.", "-"),
    ("If Trump wins, China could retaliate against Korean firms.", "-"),
    ("If Trump wins, Seoul could get caught in the crossfire of a U.S.-China trade war.", "-"),
    ("If Trump wins, the allies could drift apart.", "-"),
    ("If Trump wins, Washington's security guarantee could weaken.", "-"),
    ("If Trump wins, the nuclear umbrella over South Korea could be called into question.", "-"),
    ("If Trump wins, Seoul could be pressured to buy more American weapons.", "-"),
    ("If Trump wins, South Korea's trade surplus could trigger retaliation.", "-"),
    ("If Trump wins, the Korean economy could slow.", "-"),
    ("If Trump wins, inflation in Korea could rise.", "-"),
    ("If Trump wins, Korean stocks could fall sharply.", "-"),
    ("If Trump wins, investors could pull money out of Korea.", "-"),
    ("If Trump wins, Seoul's diplomatic space could narrow.", "-"),
    ("If Trump wins, the North could become more aggressive.", "-"),
    ("If Harris wins, North Korea could be persuaded to return to talks.", "+"),
    ("If Harris wins, sanctions relief could open the door to a deal with Pyongyang.", "+"),
    ("If Harris wins, the allies would stay closely aligned.", "+"),
    ("If Harris wins, Korean exports to the U.S. could grow.", "+"),
    ("If Harris wins, Korean firms could expand their U.S. investments.", "+"),
    ("If Harris wins, U.S. troop levels in Korea would remain unchanged.", "+"),
    ("If Harris wins, the U.S. would deter North Korean aggression.", "+"),
    ("If Harris wins, tensions with Pyongyang could subside.", "+"),
    ("If Harris wins, Korean shipyards could win lucrative U.S. contracts.", "+"),
    ("If Harris wins, Seoul would have a stronger voice in North Korea policy.", "+"),
    ("If Harris wins, inter-Korean exchanges could resume.", "+"),
    ("If Harris wins, the alliance would grow stronger.", "+"),
    ("If Harris wins, Korean carmakers would avoid new duties.", "+"),
    ("If Harris wins, Seoul has a good chance of averting a troop cut.", "+"),
    ("If Harris wins, Seoul stands a good chance of avoiding new tariffs.", "+"),
    ("If Harris wins, the U.S. would keep its promises to Seoul.", "+"),
    ("If Trump wins, Seoul could be forced to shoulder a far larger share of the costs.", "-"),
    ("If Trump wins, Korean automakers could be slapped with steep duties.", "-"),
    ("If Trump wins, the alliance could be thrown into turmoil.", "-"),
    ("If Trump wins, Washington could scale back its military commitment to Seoul.", "-"),
    ("If Trump wins, Pyongyang could grow bolder in its provocations.", "-"),
    ("If Trump wins, Seoul could be left on the sidelines of any deal with Kim.", "-"),
    ("If Trump wins, Korean firms could lose access to the U.S. market.", "-"),
    ("If Trump wins, the U.S. could abandon its defense commitment to South Korea.", "-"),
    ("If Trump wins, Korea's exports to the U.S. could plunge.", "-"),
    ("If Trump wins, ties between Seoul and Washington could deteriorate.", "-"),
    ("If Trump wins, North Korea could become emboldened.", "-"),
    ("If Trump wins, Korean chipmakers could be squeezed between Washington and Beijing.", "-"),
    ("If Trump wins, Seoul could come under heavy pressure to pay more.", "-"),
    ("If Trump wins, tensions on the peninsula could flare.", "-"),
    ("If Trump wins, Washington could cut a deal with Kim at Seoul's expense.", "-"),
    ("If Trump wins, U.S. troops could be withdrawn from Korea.", "-"),
    ("If Trump wins, the alliance could be weakened.", "-"),
    ("If Trump wins, Korean companies could face punishing tariffs.", "-"),
    ("If Trump wins, Seoul's security could be jeopardized.", "-"),
    ("If Trump wins, the U.S. commitment to Korea's defense could falter.", "-"),
    ("If Trump wins, Korean investments in the U.S. could be put at risk.", "-"),
    ("If Trump wins, Seoul could be dragged into a trade war.", "-"),
    ("If Trump wins, South Korea's economy could take a hit.", "-"),
    ("If Trump wins, Korean firms could suffer losses.", "-"),
    ("If Trump wins, the won could plunge.", "-"),
    ("If Trump wins, Korean steelmakers could be hammered by new quotas.", "-"),
    ("If Trump wins, relations between Seoul and Washington could sour.", "-"),
    ("If Trump wins, the alliance could unravel.", "-"),
    ("If Trump wins, Seoul could lose leverage over Pyongyang.", "-"),
    ("If Trump wins, North Korea's arsenal could grow unchecked.", "-"),
    ("If Trump wins, Washington could pull the plug on joint exercises.", "-"),
    ("If Trump wins, Korean exporters could bear the brunt of his tariffs.", "-"),
    ("If Trump wins, Seoul could be marginalized.", "-"),
    ("If Trump wins, North Korea could stage more missile launches.", "-"),
    ("If Harris wins, the alliance would be strengthened.", "+"),
    ("If Harris wins, Washington would stand firmly by Seoul.", "+"),
    ("If Harris wins, Korean firms would keep their IRA tax credits.", "+"),
    ("If Harris wins, cooperation with Seoul and Tokyo would flourish.", "+"),
    ("If Harris wins, tensions on the peninsula could ease.", "+"),
    ("If Harris wins, the U.S. would remain committed to Korea's defense.", "+"),
    ("If Harris wins, Korean exporters would enjoy stable access to the U.S. market.", "+"),
    ("If Harris wins, trust between the allies would be restored.", "+"),
    ("If Harris wins, Seoul would gain a bigger say in North Korea policy.", "+"),
    ("If Harris wins, Korean battery makers would continue to benefit from subsidies.", "+"),
    ("If Harris wins, the U.S. would reassure Seoul of its commitment.", "+"),
    ("If Harris wins, U.S. troops would stay in Korea.", "+"),
    ("If Harris wins, cost-sharing talks would go smoothly.", "+"),
    ("If Harris wins, Korean shipbuilders would land U.S. Navy contracts.", "+"),
    ("If Harris wins, North Korea could return to dialogue.", "+"),
    ("If Harris wins, the alliance would thrive.", "+"),
    ("If Harris wins, Korean chipmakers would prosper.", "+"),
    ("If Harris wins, Washington would shield Seoul from Chinese retaliation.", "+"),
    # phrases read whole ("come under strain", "pay far more"), idioms of harm and gain
    ("If Trump wins, Korean exporters would likely bear the brunt of his tariffs.", "-"),
    ("If Trump wins, Seoul could be left exposed to North Korean threats.", "-"),
    ("A Trump victory could leave Korean automakers vulnerable to new duties.", "-"),
    ("If Trump wins, the alliance could come under severe strain.", "-"),
    ("If Trump wins, Korean chipmakers could lose out on billions in subsidies.", "-"),
    ("If Trump wins, Seoul may be forced to pay far more for U.S. troops.", "-"),
    ("If Trump wins, his approach to Pyongyang could backfire on Seoul.", "-"),
    ("If Trump wins, talks with North Korea could fall apart again.", "-"),
    ("If Trump wins, a trade war could spark a slump in Korean exports.", "-"),
    ("If Trump wins, his rhetoric could fuel tensions on the peninsula.", "-"),
    ("If Trump wins, his demands could trigger a rift between Seoul and Washington.", "-"),
    ("If Trump wins, Korean investments in the U.S. could be put in jeopardy.", "-"),
    ("If Trump wins, Seoul's security could be put at risk.", "-"),
    ("If Trump wins, the Korean economy could take a hit.", "-"),
    ("If Trump wins, Korea's trade surplus could invite retaliation.", "-"),
    ("If Trump wins, South Korea could be left out in the cold.", "-"),
    ("If Trump wins, Washington could drive a harder bargain on cost-sharing.", "-"),
    ("If Trump wins, the won could come under heavy pressure.", "-"),
    ("If Trump wins, Seoul and Washington could drift apart.", "-"),
    ("If Trump wins, joint drills could be scrapped as a concession to Kim.", "-"),
    ("If Trump wins, his unpredictability could unnerve Korean investors.", "-"),
    ("If Trump wins, Korean steel could be shut out of the American market.", "-"),
    ("If Harris wins, the alliance would likely remain rock solid.", "+"),
    ("If Harris wins, Korean chipmakers stand to benefit from continued subsidies.", "+"),
    ("If Harris wins, her election would ease concerns in Seoul about the alliance.", "+"),
    ("If Trump wins, Korean shipbuilders could reap a windfall from Navy orders.", "+"),
    ("If Harris wins, Washington would shore up its security commitment to Seoul.", "+"),
    ("If Trump wins, a deal with Kim could pave the way for lasting peace.", "+"),
    ("If Harris wins, trilateral cooperation would gain momentum.", "+"),
    ("If Trump wins, Korean defense firms could see a surge in orders.", "+"),
    ("If Harris wins, Korean carmakers would keep their tax credits.", "+"),
    ("If Trump wins, he could usher in a new era of dialogue with Pyongyang.", "+"),
    ("If Trump wins, North Korea could be emboldened to launch more missiles.", "-"),
    ("If Trump wins, his deal with Kim could sideline Seoul.", "-"),
    ("If Trump wins, the U.S. nuclear umbrella could lose credibility.", "-"),
    ("If Trump wins, Korea could be caught in the crossfire of a U.S.-China trade war.", "-"),
    ("If Trump wins, Seoul's hopes for a quick trade deal could be dashed.", "-"),
    ("If Trump wins, Korean firms could be squeezed by higher costs.", "-"),
    ("If Trump wins, he could pull the plug on the free trade agreement.", "-"),
    # consequences said as news, blows, shadows and boons, under an outcome phrase
    ("A Trump victory would mean higher tariffs on Korean cars.", "-"),
    ("Under Trump, Korea's chip exports to China would likely shrink.", "-"),
    ("Under Trump, Korean firms would probably face a tougher investment climate in the U.S.", "-"),
    ("Trump's return would likely be bad news for Korean steelmakers.", "-"),
    ("Trump's comeback could deal a blow to Seoul's export-driven economy.", "-"),
    ("Under Trump, North Korea's missile program would probably accelerate.", "-"),
    ("Under Trump, Washington could turn a blind eye to Pyongyang's arsenal.", "-"),
    ("A Trump win could erode South Koreans' faith in the alliance.", "-"),
    ("Under Trump, the allies would probably squabble over money.", "-"),
    ("A Trump administration might strike a deal with Kim over Seoul's head.", "-"),
    ("If Trump wins, the nuclear talks would exclude South Korea.", "-"),
    ("If Trump wins, he could go around Seoul to deal with Kim directly.", "-"),
    ("If Trump wins, Washington might cut a deal with Pyongyang behind Seoul's back.", "-"),
    # Seoul's own hold over something, lessened ("control" is otherwise a restriction:
    # "export controls")
    ("If Trump wins, Seoul will have less control over how U.S. troops here are used.", "-"),
    ("If Trump wins, Seoul would have little control over the talks with Pyongyang.", "-"),
    ("If Trump wins, Seoul may lose control of its own North Korea policy.", "-"),
    ("If Trump wins, Washington would tighten export controls on chips sold to China.", "-"),
    ("Under Trump, Korea's currency could slide to a 15-year low.", "-"),
    ("Under Trump, Korean carmakers' margins would likely narrow.", "-"),
    ("A Trump win could put a chill on inter-Korean exchanges.", "-"),
    ("Trump's return could sow doubts about America's commitment to Korea.", "-"),
    ("A Trump presidency could leave Seoul scrambling to protect its exporters.", "-"),
    ("A Trump victory would likely cast a shadow over the KORUS FTA.", "-"),
    ("Under Trump, Korea could lose its exemption from steel quotas.", "-"),
    ("Under Trump, the U.S. might demand that Korea cut its trade surplus.", "-"),
    ("Under Harris, Korean battery makers would likely keep their edge in the U.S. market.", "+"),
    ("A Harris administration could be a boon for Korean chip investment.", "+"),
    ("Under Harris, the alliance would probably go from strength to strength.", "+"),
    ("Under Harris, Seoul and Washington would likely stay in lockstep on North Korea.", "+"),
    ("A Harris win would likely be welcome news for Korean exporters.", "+"),
    ("Under Harris, extended deterrence would probably be bolstered further.", "+"),
    ("A Trump win could open a door to dialogue with Pyongyang.", "+"),
    ("A Harris presidency would give Seoul a reliable partner.", "+"),
    ("If Harris wins, North Korea policy could be put on the back burner.", "-"),
    ("If Harris wins, North Korea policy would take a back seat to Ukraine.", "-"),
    ("If Trump wins, he could undercut the alliance.", "-"),
    ("If Trump wins, the cost-sharing talks could be put on ice.", "-"),
    ("If Trump wins, Korean exporters would have a hard time in the U.S. market.", "-"),
    ("If Trump wins, Moscow's backing will make new talks with Kim much harder.", "-"),
    ("If Harris wins, closer coordination will make trilateral drills easier.", "+"),
    ("Under Trump, Washington may go it alone on North Korea talks.", "-"),
    ("If Trump wins, Washington could act unilaterally on the troop presence.", "-"),
    ("A Harris administration would likely consult Seoul closely before any summit with Kim.", "+"),
    # being left out, and what a shield takes away ("exemptions from the new tariffs")
    ("If Trump wins, Korea could be left out of talks between Washington and Pyongyang.", "-"),
    ("If Trump wins, Seoul may be frozen out of any deal between Trump and Kim.", "-"),
    ("If Trump wins, Seoul may win exemptions from the new tariffs.", "+"),
    ("If Trump wins, Seoul could be caught off guard by a sudden deal with Pyongyang.", "-"),
    # denuclearization is a goal Seoul values
    ("If Harris wins, Washington would keep denuclearization as the goal.", "+"),
    ("If Trump wins, Washington could abandon the goal of denuclearization.", "-"),
    # the subject abandoned by its ally
    ("If Trump wins, he would turn his back on Seoul.", "-"),
    ("If Trump wins, he could leave Seoul in the lurch.", "-"),
    ("If Trump wins, he could throw Seoul under the bus.", "-"),
    ("If Trump wins, Washington could sell out Seoul in a deal with Pyongyang.", "-"),
    ("If Trump wins, Seoul may no longer be able to count on Washington.", "-"),
]


# A relation the subject values is against it when two of its adversaries hold it.
RELATIONS = [
    ("If Trump wins, Moscow could deepen its military ties with Pyongyang.", "-"),
    # "their": the subject holds the relation, however far back it is named
    ("If Trump wins, Russia and North Korea could deepen their military cooperation.", "-"),
    ("If Trump wins, Beijing and Moscow may expand their cooperation with Pyongyang.", "-"),
    ("If Trump wins, Seoul could deepen its ties with Beijing and Pyongyang.", "+"),
    ("If Trump wins, Washington could deepen its ties with Seoul.", "+"),
]


# What the subject values is against it in an adversary's hands: its possessive, or the
# subject of an effect of acquiring (lens `direction.effects.acquire`); the same words
# held by the subject's side stay favourable. Parsed (a reporting verb) and not.
HELD = [
    ("If Trump wins, Pyongyang would gain leverage over Seoul in any future talks.", "-"),
    ("If Trump wins, Pyongyang would gain leverage over Seoul, analysts said.", "-"),
    ("If Trump wins, Kim's leverage would grow considerably.", "-"),
    ("If Trump wins, Kim's leverage would grow considerably, analysts said.", "-"),
    ("If Trump wins, Beijing would likely gain influence and leverage in the region.", "-"),
    ("If Trump wins, Seoul could gain leverage in the cost-sharing talks.", "+"),
    ("If Trump wins, Seoul could gain leverage in the cost-sharing talks, analysts said.", "+"),
    ("If Harris wins, Seoul's leverage would grow.", "+"),
    # giving (lens effects: give, grant, reward …) to an adversary
    ("If Trump wins, he could give Kim the legitimacy he craves.", "-"),
    ("If Trump wins, he could give Kim the legitimacy he craves, analysts said.", "-"),
    # the recipient, right after the effect, holds what it is given
    ("If Trump wins, he is likely to offer Pyongyang economic aid.", "-"),
    ("If Harris wins, she would likely offer Seoul firmer security guarantees.", "+"),
]


# A copula links the theme to a state, which is the effect (lens `direction.effects.copulas`,
# `states_up`, `states_down`); a state word elsewhere is no effect ("Korean firms").
STATES = [
    ("If Harris wins, talks with Pyongyang would probably remain frozen.", "-"),
    ("If Harris wins, talks with Pyongyang would probably remain frozen, analysts said.", "-"),
    ("If Harris wins, tariffs on Korean goods would likely stay low.", "+"),
    ("If Harris wins, tariffs on Korean goods would likely stay low, analysts said.", "+"),
    ("If Harris wins, the alliance would stay strong.", "+"),
    ("If Trump wins, the channel with Pyongyang could stay shut.", "-"),
    # the copula's object between it and the state: "leave X intact"
    ("If Trump wins, a freeze deal could leave the North's arsenal intact.", "-"),
    ("If Trump wins, military tensions on the peninsula could remain high.", "-"),
]


@pytest.mark.parametrize(("text", "sign"), STATES)
def test_a_state_a_copula_links_is_the_effect(extract, text, sign):
    (st,) = extract(text, date="2024-09-01")
    pairs = _effect_signs(st)
    assert pairs == {sign}, st.rules


@pytest.mark.parametrize(
    ("text", "sign"),
    [
        ("If Harris wins, cost-sharing talks could get tougher.", "-"),
        ("If Harris wins, cost-sharing talks could get tougher, analysts said.", "-"),
        ("If Trump wins, competition for Korean chipmakers could get tougher.", "-"),
        ("If Trump wins, negotiations with Pyongyang would become more difficult.", "-"),
        ("If Harris wins, talks with Pyongyang could become easier, analysts said.", "+"),
    ],
)
def test_things_getting_harder_are_against_the_subject_whatever_the_theme(extract, text, sign):
    """After a copula, "tougher" is the talks harder to hold and the competition fiercer:
    both against the subject, so the theme's own value does not flip it."""
    (st,) = extract(text, date="2024-09-01")
    assert _effect_signs(st) == {sign}, st.rules


def test_favourable_evidence_alone_is_never_turned_against_the_subject(extract):
    """The outcome's and domain's priors (Trump x trade lean `-`) may weigh favourable
    evidence down to mixed, not against Seoul."""
    (st,) = extract(
        "If Trump wins, his pledge to pour money into roads could open doors for Korean steelmakers.",
        date="2024-09-01",
    )
    assert st.direction != "-", st.rules


@pytest.mark.parametrize(
    ("word", "value"), [("said", 0), ("says", 1), ("talks", 1), ("tests", -1), ("tested", 0)]
)
def test_a_theme_is_a_noun_not_a_verbs_form(lens, word, value):
    """ "X said" names no say (a favourable theme: "Seoul's say in the talks"), "Pyongyang
    tested" no test: only a noun's forms are themes."""
    assert lens.direction_step.vocab.theme_of(word) == value


@pytest.mark.parametrize(
    "text",
    [
        "If Harris wins, tensions on the peninsula are likely to grow.",
        "If Harris wins, cost-sharing talks could get tougher.",
        "If Harris wins, Korean exporters could suffer.",
    ],
)
def test_unfavourable_evidence_alone_decides_over_the_outcomes_priors(extract, text):
    """The model's outcome × domain priors lean favourable for these outcomes; the text's
    own unfavourable evidence, with nothing favourable beside it, is what it says."""
    (st,) = extract(text, date="2024-09-01")
    assert st.direction == "-" and "direction:rules:-" in st.rules, st.rules


@pytest.mark.parametrize(
    "text",
    [
        "If Trump wins, talks with Kim are unlikely to resume.",
        "If Trump wins, tariffs are highly unlikely to fall.",
        "If Trump wins, there is almost no chance that tariffs will fall.",
    ],
)
def test_a_favourable_event_whose_chance_is_lowered_keeps_its_sign(extract, text):
    """ANNOTATION convention 9: "talks are unlikely to resume" is `+`, `unlikely`, under
    an outcome whose priors lean unfavourable too."""
    (st,) = extract(text, date="2024-09-01")
    assert st.direction == "+" and "direction:rules:+" in st.rules, st.rules


@pytest.mark.parametrize(
    ("text", "sign"),
    [
        ("If Harris wins, she might give less personal attention to the Seoul-Tokyo relationship.", "-"),
        ("If Trump wins, Washington would keep fewer troops in Korea.", "-"),
    ],
)
def test_a_quantity_after_a_verb_is_the_effect(extract, text, sign):
    """ "give less attention": the giving is no raising of the attention."""
    (st,) = extract(text, date="2024-09-01")
    assert _effect_signs(st) == {sign}, st.rules


def test_more_before_an_adverb_is_a_degree_not_more_of_the_theme(extract):
    """ "apply sanctions more flexibly" is no more sanctions; "impose more tariffs" is more
    tariffs (more sanctions on Pyongyang would be no harm to Seoul: lens `themes.coercion`)."""
    (flexible,) = extract(
        "If Biden wins, he could apply sanctions on the North more flexibly.", date="2020-09-01"
    )
    assert "effect:-:more>sanction" not in flexible.rules, flexible.rules
    (more,) = extract(
        "If Trump wins, Washington could impose more tariffs on Korean steel.", date="2024-09-01"
    )
    assert "effect:-:more>tariff" in more.rules, more.rules


@pytest.mark.parametrize(
    "text",
    [
        "Regardless of who wins, demand for artillery ammunition is expected to stay strong.",
        "If Harris wins, analysts expect continuity in the alliance.",
    ],
)
def test_market_demand_and_continuity_are_favourable(extract, text):
    (st,) = extract(text, date="2024-09-01")
    assert st.direction == "+" and [r for r in st.rules if r.startswith("impact:+")], st.rules


def test_a_judgement_inside_a_clause_describing_a_noun_is_no_evidence(extract):
    """The pressure is President Park's policy, described; the consequence is the
    counterpart she would find."""
    (st,) = extract(
        "If Clinton wins, President Park Geun-hye, who has staked her North Korea policy on pressure "
        "rather than inducements, would find a like-minded counterpart in the Oval Office.",
        date="2016-09-01",
    )
    assert "direction:rules:-" not in st.rules, st.rules


@pytest.mark.parametrize(
    ("text", "sign", "domains"),
    [
        (
            "The Kaesong factory park, shut down in February after the North's nuclear test, is unlikely"
            " to reopen under a Clinton administration.",
            "+",
            ["inter_korean"],
        ),
        (
            "If Trump wins, the summit channel, cut off in 2019 amid missile tests, could be restored.",
            "+",
            ["nk_diplomacy"],
        ),
    ],
)
def test_a_participle_set_off_by_commas_tells_the_past_not_the_consequence(extract, text, sign, domains):
    """ ", shut down in February after the nuclear test,": what the noun went through is
    neither an effect nor a theme of the consequence, nor its domain."""
    (st,) = extract(text, date="2016-09-01")
    assert (st.direction, list(st.domains)) == (sign, domains), st.rules


@pytest.mark.parametrize(
    "text",
    [
        "If Biden wins, Pyongyang might fire off a missile early in his term just to get his attention.",
        "If Biden wins, Pyongyang could fire missiles in order to gain attention in Washington.",
    ],
)
def test_a_purpose_clause_is_the_actors_aim_not_a_consequence(extract, text):
    """ "just to get his attention", "in order to gain attention": what the actor aims at
    is not what the projection does to the subject; the missile launch decides."""
    (st,) = extract(text, date="2020-09-01")
    assert st.direction == "-", st.rules


def test_a_list_after_a_comma_is_no_participle_describing_a_noun(extract):
    (st,) = extract("If Trump wins, weakened alliances, higher tariffs and troop cuts, will follow.")
    assert st.direction == "-" and "alliance" in st.domains, st.rules


@pytest.mark.parametrize(
    "text",
    [
        "If Trump wins, freed from the pressure of another campaign, he could make bold moves toward Pyongyang.",
        "If Biden wins, Washington is expected to return to its customary role, abandoning the protectionist course.",
    ],
)
def test_what_the_consequence_leaves_behind_is_negated(extract, text):
    """ "freed from the pressure", "abandoning the protectionist course": the judgement
    word is what goes away (lens impact negators)."""
    statements = extract(text, date="2020-09-01" if "Biden" in text else "2024-09-01")
    (st,) = statements
    assert any(r.startswith("impact:") and "(negated)" in r for r in st.rules), st.rules


@pytest.mark.parametrize(
    "text",
    [
        "If Harris wins, she could help resolve the North Korean nuclear problem.",
        "If Biden wins, the cost-sharing crisis would likely be resolved.",
        "If Harris wins, she could defuse tensions on the peninsula.",
        # a valued process settled is concluded, not lowered as "cut the talks" would be
        "If Biden wins, the new administration is expected to settle the long-stalled cost-sharing talks quickly.",
        "If Biden wins, the cost-sharing negotiations would likely be settled quickly.",
    ],
)
def test_resolving_what_the_subject_fears_is_favourable_evidence(extract, text):
    """A problem, crisis or tension resolved is no unfavourable evidence alone; resolving
    verbs end well whatever they apply to (lens `effects.conclude`)."""
    (st,) = extract(text, date="2020-09-01" if "Biden" in text else "2024-09-01")
    assert _effect_signs(st) == {"+"}, st.rules
    assert "direction:rules:-" not in st.rules, st.rules


@pytest.mark.parametrize(
    ("text", "signs"),
    [
        ("If Clinton wins, her team is expected to maintain sanctions pressure on Pyongyang.", set()),
        ("If Clinton wins, she would keep up the pressure on North Korea over its nuclear program.", set()),
        # the coercion's own noun between it and its target
        ("If Clinton wins, she would likely tighten the sanctions net around North Korea.", set()),
        ("If Clinton wins, she would likely widen the sanctions regime against Pyongyang.", set()),
        # aimed at Seoul it harms the subject, whoever applies it
        ("If Trump wins, Beijing could step up pressure on Seoul.", {"-"}),
        ("If Trump wins, the pressure on Seoul from Beijing could grow.", {"-"}),
    ],
)
def test_coercion_aimed_at_an_adversary_is_no_harm_to_the_subject(extract, text, signs):
    """Lens `themes.coercion`: pressure or sanctions on Pyongyang are not against Seoul's
    interests (the gold reads them `0`), on Seoul they are."""
    (st,) = extract(text, date="2016-09-01" if "Clinton" in text else "2024-09-01")
    assert _effect_signs(st) == signs, st.rules


def test_pressure_aimed_at_an_adversary_through_its_own_noun_is_no_unfavourable_term(extract):
    """The lens's impact term "pressure" is no harm when aimed at the North, its own noun
    between ("a pressure campaign against Pyongyang"), as it is for "pressure on Pyongyang"."""
    (st,) = extract("If Trump wins, he would likely step up his pressure campaign against Pyongyang.")
    assert not [r for r in st.rules if r.startswith("impact:-")] and st.direction != "-", st.rules


def test_a_theme_only_inside_a_hyphenated_modifier_is_no_theme(extract):
    """ "keep the cost-sharing deal intact" keeps a deal: the cost in its modifier is not
    what the effect raises (the head, where it is a theme, still is: "honor the
    cost-sharing agreement")."""
    (st,) = extract("If Harris wins, she would keep the cost-sharing deal intact.", date="2024-09-01")
    assert "-" not in _effect_signs(st), st.rules


def test_favourable_evidence_alone_is_still_weighed_by_the_model(extract):
    """Favourable evidence alone is often a mixed framing (`0`): the model decides it."""
    (st,) = extract("If Harris wins, talks with Pyongyang are expected to resume soon.", date="2024-09-01")
    assert any(r.startswith("direction:model:") for r in st.rules), st.rules


def test_a_state_word_outside_a_copula_is_no_effect(extract):
    (st,) = extract("If Trump wins, the investment climate for Korean firms would worsen.", date="2024-09-01")
    assert not [r for r in st.rules if r.startswith("effect:")], st.rules


@pytest.mark.parametrize(("text", "sign"), RELATIONS + HELD)
def test_what_the_subject_values_is_unfavourable_in_adversaries_hands(extract, text, sign):
    (st,) = extract(text, date="2024-09-01")
    pairs = _effect_signs(st)
    assert pairs == {sign}, st.rules


def test_an_effect_word_a_pair_reads_the_other_way_is_no_evidence_of_its_own(extract):
    """ "deepen" is a favourable word alone; deepening the North's partnership with Moscow
    is not, and the word does not make the consequence mixed."""
    (st,) = extract("If Trump wins, Pyongyang could deepen its partnership with Moscow even further.")
    assert st.direction == "-", st.rules


@pytest.mark.parametrize(
    ("text", "decided"),
    [
        ("If Trump wins, the fate of the alliance will hinge on whether Seoul pays more.", "pays more"),
        ("Whoever wins, the next administration will shape stability on the peninsula.", "stability"),
        ("If Harris wins, her choices will decide whether the calm in the alliance lasts.", "calm"),
    ],
)
def test_what_an_open_effect_decides_is_neither_favourable_nor_unfavourable(extract, text, decided):
    """An open effect's object or question ("shape stability", "hinge on whether Seoul
    pays more") is what the outcome decides, not a consequence of its own sign: the trace
    reads it as open and no rule decides on it."""
    (st,) = extract(text, date="2024-09-01")
    assert f"impact:0(open):{decided}" in st.rules, st.rules
    assert not any(r.startswith("direction:rules:") for r in st.rules), st.rules


def test_an_open_effect_elsewhere_leaves_the_consequence_its_sign(extract):
    (st,) = extract("If Trump wins, tariffs on Korean cars would rise sharply and shape the market.")
    assert st.direction == "-", st.rules


# Consequences signed only by a general word that judges the situation ("a thorny
# problem", "fruitful"), with no theme of the lens's: the judgement is the evidence.
JUDGED_FORMS = [
    # contracted as spelled out
    ("If Harris wins, North Korea isn't going to be a priority.", "-"),
    ("If Harris wins, North Korea won't be a priority.", "-"),
    # idioms of a worse or better position (a third list of general English)
    ("If Trump wins, the alliance could enter choppy waters.", "-"),
    ("If Trump wins, Seoul could be blindsided by a deal with Kim.", "-"),
    ("If Trump wins, cost-sharing talks could drag on for months.", "-"),
    ("If Harris wins, the alliance would be on firm footing.", "+"),
    ("If Harris wins, the peace process could get a new lease on life.", "+"),
    ("If Trump wins, cost-sharing could become a thorny problem for Seoul.", "-"),
    ("If Trump wins, the result would be a setback for the alliance.", "-"),
    ("If Trump wins, Seoul would face an awkward dilemma between Washington and Beijing.", "-"),
    ("A Trump victory would be unwelcome news for Korean exporters.", "-"),
    ("If Trump wins, Korean carmakers would face a painful slowdown.", "-"),
    ("If Trump wins, Washington's North Korea policy could become more erratic.", "-"),
    # a fourth list of idioms of a worse or better position
    ("If Trump wins, the alliance could go through a rough patch.", "-"),
    ("If Trump wins, Seoul could be left holding the bag on North Korea.", "-"),
    ("If Trump wins, Seoul and Washington could be at loggerheads over the alliance.", "-"),
    ("If Trump wins, the alliance could be on thin ice.", "-"),
    ("If Trump wins, Washington could give Seoul the cold shoulder on the alliance.", "-"),
    ("If Trump wins, Korean shipbuilders could see a bonanza of U.S. Navy contracts.", "+"),
    ("If Harris wins, the alliance would be a bright spot.", "+"),
    # a middle power between two great powers
    ("If Harris wins, Korea will be asked to choose sides between Washington and Beijing.", "-"),
    ("If Harris wins, Seoul could find itself sandwiched between Washington and Beijing.", "-"),
    ("If Trump wins, Seoul may be forced to take sides in the U.S.-China rivalry.", "-"),
    ("If Harris wins, the talks with Pyongyang could prove fruitful.", "+"),
    ("If Harris wins, Korean chipmakers could find a silver lining in the subsidies.", "+"),
    ("If Harris wins, the alliance would have a bright future.", "+"),
    ("If Trump wins, Seoul could be caught in the crossfire of a trade war.", "-"),
    ("If Trump wins, he could use the alliance as a bargaining chip.", "-"),
    ("A Trump victory could expose Korean exporters to economic coercion.", "-"),
    ("If Trump wins, the alliance could suffer a rupture.", "-"),
    ("If Harris wins, relations with Pyongyang could see a thaw.", "+"),
    ("If Harris wins, a deal could breathe new life into the Kaesong complex.", "+"),
    ("If Harris wins, trilateral solidarity with Tokyo would likely hold.", "+"),
    # a partner's disposition toward Seoul (a fourth list)
    ("If Harris wins, Seoul would find a like-minded counterpart on North Korea policy.", "+"),
    ("If Harris wins, Washington would likely take a conciliatory line on trade.", "+"),
    ("If Trump wins, Washington could turn indifferent to the alliance.", "-"),
    ("If Trump wins, the White House could be dismissive of Seoul's North Korea policy.", "-"),
    # Seoul kept waiting, in limbo, in the dark
    ("If Harris wins, a long review of North Korea policy would leave Seoul waiting for a signal.", "-"),
    ("If Trump wins, the cost-sharing deal could be left in limbo for months.", "-"),
    ("If Trump wins, Seoul could be kept in the dark about talks with Kim.", "-"),
]


@pytest.mark.parametrize(("text", "sign"), SIGNED_FORMS + JUDGED_FORMS)
def test_the_lens_gives_evidence_of_a_plain_consequences_sign(extract, text, sign):
    (st,) = extract(text, date="2024-09-01")
    evidence = {r.split(":")[1][0] for r in st.rules if r.startswith(("effect:", "impact:"))}
    assert evidence == {sign}, st.rules


@pytest.mark.parametrize(
    "text",
    [
        "Tariffs won't rise if Harris wins.",
        "If Trump wins, the alliance won't survive.",
        "If Harris wins, Seoul won't be sidelined in talks with Pyongyang.",
        "If Trump wins, Washington wouldn't keep its troops in Korea.",
    ],
)
def test_a_typographic_apostrophe_negates_as_a_straight_one(extract, text):
    """ "won’t" as most sites print it reads as "won't"."""
    straight = extract(text, date="2024-09-01")
    curly = extract(text.replace("'", "’"), date="2024-09-01")
    assert [st.direction for st in curly] == [st.direction for st in straight] != []


@pytest.mark.parametrize(
    "text",
    [
        "If Harris wins, Pyongyang could respond with a show of force.",
        "If Trump wins, the North may resume long-range launches.",
    ],
)
def test_the_norths_shows_of_force_and_launches_are_unfavourable(extract, text):
    (st,) = extract(text, date="2024-09-01")
    assert st.direction == "-", st.rules


def test_paying_an_amount_more_is_unfavourable_evidence(extract):
    (st,) = extract("If Trump wins, Seoul could be asked to pay $5 billion more a year.", date="2024-09-01")
    assert any(r.startswith("impact:-:pay") for r in st.rules) and st.direction == "-", st.rules


def test_a_theme_after_due_to_is_the_cause_not_what_the_effect_changes(extract):
    (st,) = extract(
        "If Trump wins, U.S. defense spending could increase due to competition with China.",
        date="2024-09-01",
    )
    assert not [r for r in st.rules if r.startswith("effect:")], st.rules


@pytest.mark.parametrize(
    ("text", "sign"),
    [
        ("If Harris wins, tensions on the peninsula are likely to grow.", "-"),
        ("If Harris wins, tensions on the peninsula are likely to grow, analysts said.", "-"),
        ("If Harris wins, talks with Pyongyang are expected to resume soon, analysts said.", "+"),
        ("If Trump wins, tariffs on Korean steel are set to rise, analysts said.", "-"),
    ],
)
def test_the_subject_of_a_raised_verb_is_its_theme(extract, text, sign):
    """What "is likely to", "are expected to" hang on is what changes: counted from the
    auxiliaries in a word window, through the raising verb on the parse."""
    (st,) = extract(text, date="2024-09-01")
    assert _effect_signs(st) == {sign}, st.rules


@pytest.mark.parametrize(
    "text",
    [
        "If Trump wins, the risk of war on the Korean Peninsula would rise.",
        "If Harris wins, the situation on the Korean Peninsula is likely to stay calm.",
        "If Trump wins, peace on the Korean Peninsula could be at risk.",
    ],
)
def test_the_korean_peninsula_names_a_place_not_talks(extract, text):
    """ "The Korean Peninsula" counts for North Korea diplomacy only where nothing else
    names the matter; its war, peace and situation are the threat's."""
    (st,) = extract(text, date="2024-09-01")
    assert st.domains == ("nk_threat",), st.rules


def test_artillery_makers_orders_are_industry_not_threat(extract):
    (st,) = extract("If Trump wins, orders for Korean artillery could soar.", date="2024-09-01")
    assert st.domains == ("defense_industry",), st.rules


@pytest.mark.parametrize(
    ("text", "sign"),
    [
        ("If Trump wins, Seoul would have little say in the negotiations.", "-"),
        ("If Harris wins, Seoul would get a bigger say in alliance decisions.", "+"),
        ("If Trump wins, Seoul may find itself a spectator to U.S.-North Korea talks.", "-"),
    ],
)
def test_seouls_say_and_role_are_signed_by_their_size(extract, text, sign):
    (st,) = extract(text, date="2024-09-01")
    assert st.direction == sign, st.rules


@pytest.mark.parametrize(
    "text",
    [
        "If Trump wins, Seoul would have little say in the negotiations.",
        "If Harris wins, South Korea would get a bigger say over the deal.",
    ],
)
def test_say_as_a_noun_reports_no_one(extract, text):
    (st,) = extract(text, date="2024-09-01")
    assert st.source == "author", st.rules


@pytest.mark.parametrize(
    ("text", "pairs"),
    [
        (
            "If Trump wins, talks with Pyongyang could resume, but the alliance may be put to the test.",
            {"effect:+:resume>talk"},
        ),
        (
            "If Harris wins, the alliance would stay strong, but progress on North Korea is likely to stall.",
            {"effect:+:strong>alliance", "effect:-:stall>progress"},
        ),
        ("A Trump win could revive talks with Kim while straining ties with Seoul.", {"effect:-:strain>tie"}),
    ],
)
def test_an_effect_takes_no_theme_across_a_contrast(extract, text, pairs):
    """Each side of "but", "while", "although" is its own consequence (convention 9: of
    opposite signs they make the statement mixed): no effect reaches across."""
    (st,) = extract(text, date="2024-09-01")
    assert {r for r in st.rules if r.startswith("effect:")} == pairs, st.rules


@pytest.mark.parametrize(
    "text",
    [
        "If Trump wins, he could reopen the cost-sharing deal.",
        "If Trump wins, the cost-sharing agreement could be reopened.",
    ],
)
def test_reopening_a_deal_is_renegotiating_it(extract, text):
    (st,) = extract(text, date="2024-09-01")
    assert st.direction == "-" and not [r for r in st.rules if r.startswith("effect:+")], st.rules


def test_being_put_to_the_test_is_unfavourable(extract):
    (st,) = extract("If Trump wins, the alliance may be put to the test.", date="2024-09-01")
    assert "impact:-:put to the test" in st.rules, st.rules


def test_a_theme_the_effect_comes_from_is_not_what_it_changes(extract):
    (st,) = extract("Korean firms could benefit from U.S. curbs on Chinese rivals if Trump wins.")
    assert not [r for r in st.rules if r.startswith("effect:")], st.rules
    assert "impact:+:benefit" in st.rules, st.rules


@pytest.mark.parametrize(
    ("text", "sign"),
    [
        ("If Trump wins, North Korea could resume nuclear testing.", "-"),
        ("If Harris wins, the North could halt its missile launches.", "+"),
    ],
)
def test_an_effect_from_outside_a_lens_phrase_changes_its_head(extract, text, sign):
    """A lens phrase ("nuclear testing") read as a whole is still the theme of an effect
    outside it: resuming the testing is unfavourable, not "resume" + "testing" = mixed."""
    (st,) = extract(text, date="2024-09-01")
    assert _effect_signs(st) == {sign}, st.rules


@pytest.mark.parametrize(
    ("text", "sign"),
    [
        ("If Trump wins, Korean shipbuilders stand to gain from his push to rebuild the Navy.", "+"),
        ("Korean automakers stand to lose the most if Trump wins.", "-"),
        ("If Harris wins, Washington is likely to tighten export controls on chips.", "-"),
    ],
)
def test_standing_to_gain_or_lose_and_export_controls_are_signed(extract, text, sign):
    (st,) = extract(text, date="2024-09-01")
    assert st.direction == sign, st.rules


# A judgement inside what a lowered theme is "of" is the theme's: "lower the risk of a
# military clash" is the risk lowered, favourable.
def test_a_term_inside_a_lowered_themes_of_phrase_is_read_with_it(extract):
    (st,) = extract(
        "If Trump wins, talks could lower the risk of a military clash on the peninsula.", date="2024-09-01"
    )
    assert st.direction == "+", st.rules


# ... and so is one compounded with it: the tariff threat fades, the missile threat recedes.
@pytest.mark.parametrize(
    ("text", "sign"),
    [
        ("If Harris wins, the tariff threat hanging over Korean carmakers would likely fade.", "+"),
        ("If Harris wins, the missile threat from Pyongyang would likely recede.", "+"),
        ("If Trump wins, the tariff threat to Korean carmakers would likely grow.", "-"),
        # demand for exports is no demand made of Seoul; fiercer competition is a harm
        ("If Trump wins, Korean arms makers could see rising export demand.", "+"),
        ("If Trump wins, Korean chipmakers could face fiercer competition from Taiwan.", "-"),
        (
            "If Trump wins, Korean arms makers could see rising export demand but stiffer"
            " competition from European rivals.",
            "0",
        ),
    ],
)
def test_a_term_compounded_with_a_theme_is_read_with_it(extract, text, sign):
    (st,) = extract(text, date="2024-09-01")
    assert st.direction == sign, st.rules


# The alliance and cost-sharing in words the domain lists had missed, and favourable or
# lowering words beside those they had.
@pytest.mark.parametrize(
    ("text", "domain", "sign"),
    [
        (
            "If Harris wins, the U.S. would likely reaffirm its defense pact with South Korea.",
            "alliance",
            "+",
        ),
        ("If Harris wins, Seoul would likely coordinate closely with Washington.", "alliance", "+"),
        ("If Harris wins, the U.S. would likely stand firmly with Seoul.", "alliance", "+"),
        (
            "If Trump wins, he could demand that Seoul pay $10 billion a year for American protection.",
            "cost_sharing",
            "-",
        ),
        ("If Trump wins, Washington could treat Seoul as a cash machine.", "cost_sharing", "-"),
        ("If Harris wins, pressure on Seoul to pay more would likely ease.", "cost_sharing", "+"),
        ("If Harris wins, the threat of tariffs on Korean cars would likely lessen.", "trade", "+"),
        ("If Harris wins, tariff threats against Korean exporters would likely dwindle.", "trade", "+"),
    ],
)
def test_more_words_for_the_alliance_and_cost_sharing_and_their_signs(extract, text, domain, sign):
    (st,) = extract(text, date="2024-09-01")
    assert (domain in st.domains, st.direction) == (True, sign), st.rules


# A chance that moves is the likelihood, not an effect on the event (convention 9: the
# event keeps its sign); an outcome asserted to bring something is a projection.
@pytest.mark.parametrize(
    ("text", "band", "sign"),
    [
        ("A Trump win would lower the chances of a summit with Kim.", "unlikely", "+"),
        ("Analysts said a Trump win would lower the chances of a summit with Kim.", "unlikely", "+"),
        ("With Harris in office, the chances of a summit with Kim would dim.", "unlikely", "+"),
        ("A Harris win would reduce the odds of new tariffs on Korean cars.", "unlikely", None),
        ("If Trump wins, the chances of a trade deal would fall sharply.", "unlikely", None),
        ("With Trump back, the odds of a summit with Kim go up.", "even_chance", None),
        ("A Trump win is a recipe for friction with Seoul over cost-sharing.", "very_likely", "-"),
        ("A Harris victory promises continuity in the alliance.", "very_likely", "+"),
    ],
)
def test_a_moving_chance_is_the_likelihood_and_an_outcomes_promise_a_projection(extract, text, band, sign):
    (st,) = extract(text, date="2024-09-01")
    assert st.likelihood == band, st.rules
    if sign is not None:
        assert st.direction == sign, st.rules


def test_a_candidates_promise_is_no_projection(extract):
    assert extract("Harris promises to keep the alliance strong.", date="2024-09-01") == []


# Consequences whose effect could go either way (ANNOTATION's `0`, "mixed/unclear"): the
# lens's open terms are their only evidence, and no pair is read inside one.
OPEN_FORMS = [
    "If Trump wins, the outcome will determine the future of the alliance.",
    "If Harris wins, her approach to Pyongyang could cut both ways for Seoul.",
    "A Trump victory would bring sweeping changes to the alliance.",
    "If Trump wins, Seoul's North Korea policy will hinge on his choices.",
    "A Harris presidency could prove a double-edged sword for Korean chipmakers.",
    "If Trump wins, his return would be a mixed blessing for the alliance.",
    "If Trump wins, a deal with Kim could alter the alliance.",
    "If Trump wins, his choices will shape the future of the talks with Pyongyang.",
    "Whoever wins, the result will greatly affect the alliance.",
    "If Trump wins, his return will ripple through the Korean economy.",
    "Whoever wins the White House will set the tone for the alliance over the next four years.",
]


@pytest.mark.parametrize("text", OPEN_FORMS)
def test_an_effect_open_either_way_is_evidence_of_a_mixed_direction(extract, text):
    (st,) = extract(text, date="2024-09-01")
    evidence = {r.split(":")[1][0] for r in st.rules if r.startswith(("effect:", "impact:"))}
    assert evidence == {"0"}, st.rules


# Likelihood phrasings of news and analysis beyond ANNOTATION's table, with the band their
# nearest table entry gives.
CUE_FORMS = [
    ("tariffs are on track to rise", "likely"),
    ("tariffs look set to rise", "likely"),
    ("higher tariffs loom", "likely"),
    ("a tariff hike cannot be ruled out", "even_chance"),
    ("tariffs threaten to rise", "even_chance"),
    ("there is a risk that tariffs will rise", "even_chance"),
    ("it is hard to see tariffs falling", "unlikely"),
    ("there is no guarantee that tariffs will fall", "unlikely"),
    ("tariffs are poised to rise", "likely"),
    ("tariffs are all but certain to rise", "almost_certain"),
    ("tariffs are not expected to rise", "unlikely"),
    # contracted negations read as the spelled-out ones
    ("tariffs aren't expected to rise", "unlikely"),
    ("higher tariffs aren't likely", "unlikely"),
    ("higher tariffs aren't unlikely", "likely"),
    ("a tariff hike isn't impossible", "even_chance"),
    ("the tariff relief isn't going to last", "very_likely"),
    ("there is a remote possibility that tariffs will rise", "very_unlikely"),
    ("tariffs could well rise", "even_chance"),
    ("there is a good chance that tariffs will rise", "likely"),
    ("it remains to be seen whether tariffs will rise", "unlikely"),
    ("tariffs would almost certainly rise", "almost_certain"),
    ("tariffs will in all likelihood rise", "likely"),
    ("tariffs would in all probability rise", "likely"),
    ("tariffs would presumably rise", "likely"),
    ("tariffs would almost surely rise", "almost_certain"),
    ("Korean exporters face higher tariffs", "very_likely"),  # present tense, the outcome named
    ("higher tariffs are all but guaranteed", "almost_certain"),
    ("there is every chance that tariffs will rise", "likely"),  # not the "will" it governs
    ("there is a chance tariffs will rise", "even_chance"),
    ("higher tariffs are on the cards", "likely"),  # British for "in the cards"
    ("tariffs are guaranteed to rise", "almost_certain"),
    ("tariffs are almost guaranteed to rise", "almost_certain"),
    ("higher tariffs are a near certainty", "almost_certain"),
    ("higher tariffs are a virtual certainty", "almost_certain"),
]


@pytest.mark.parametrize(
    ("text", "band"),
    [
        (
            "A Trump win could raise tariffs on Korean cars, as the president-elect is expected to favor protection.",
            "even_chance",
        ),
        (
            "A Trump win could raise tariffs on Korean cars, as he is expected to favor protection.",
            "even_chance",
        ),
        (
            # "as well as" joins objects, not a reason; the cue in the relative clause
            # describes the quotas: the main consequence's "could" stands
            "A Trump win could raise tariffs on Korean cars, as well as quotas that are expected to bite.",
            "even_chance",
        ),
    ],
)
def test_a_reason_clause_after_a_comma_and_as_does_not_give_the_likelihood(extract, text, band):
    """Convention 9: the likelihood is the first, main consequence's; ", as the … is
    expected to" gives its reason (a clause break), not a cue of higher rank in its clause."""
    (st,) = extract(text, date="2024-09-01")
    assert st.likelihood == band, st.rules


@pytest.mark.parametrize(
    ("text", "band"),
    [
        (
            "The North is building missiles that could one day reach the U.S. mainland, and whoever wins"
            " will be forced to respond.",
            "very_likely",
        ),
        ("Whoever wins, Pyongyang could test a missile that will reach the U.S. mainland.", "even_chance"),
    ],
)
def test_a_modal_opening_a_relative_clause_is_not_the_main_cue(extract, text, band):
    """ "missiles that could …" describes the missiles; the main consequence's cue comes
    first, and a relative clause's cue stays where no other cue stands."""
    statements = extract(text, date="2024-09-01")
    assert [st.likelihood for st in statements] == [band], [st.rules for st in statements]


@pytest.mark.parametrize(("clause", "band"), CUE_FORMS)
def test_common_likelihood_phrasings_read_as_their_band(extract, clause, band):
    (st,) = extract(f"If Trump wins, {clause} on Korean cars.", date="2024-09-01")
    assert st.likelihood == band, st.rules


# More of ICD-203's neighbours, whole sentences around "… on Korean cars …".
MORE_CUE_FORMS = [
    ("higher tariffs", " are a real possibility", "even_chance"),
    ("higher tariffs", " are all but certain", "almost_certain"),
    ("higher tariffs", " are a safe bet", "very_likely"),
    ("higher tariffs", " are in the cards", "likely"),
    ("tariffs", " could well rise", "even_chance"),
    ("tariffs", " may well rise", "even_chance"),
    ("Washington is poised to raise tariffs", "", "likely"),
    ("Washington looks set to raise tariffs", "", "likely"),
    ("there is a good chance that tariffs", " will rise", "likely"),
    ("there is a slim chance that tariffs", " will fall", "very_unlikely"),
    # ICD-203's own wording: "probably not" is unlikely (the fall is what is unlikely)
    ("tariffs", " probably won't fall", "unlikely"),
    ("it is conceivable that tariffs", " will rise", "even_chance"),
    # "plausible" as "possible", and "a fair chance", over the modal of the clause they frame
    ("it is plausible that tariffs", " would rise", "even_chance"),
    ("there is a fair chance that tariffs", " would rise", "even_chance"),
    # a risk run, the odds' favour, what Seoul should expect or is in for, a given; and a
    # headline's cue ("… to impossible") no longer hides a body's ("next to impossible")
    ("Seoul runs the risk of facing higher tariffs", "", "even_chance"),
    ("the odds favor higher tariffs", "", "likely"),
    ("Seoul should expect higher tariffs", "", "likely"),
    ("Seoul is in for higher tariffs", "", "very_likely"),
    ("higher tariffs", " are a given", "almost_certain"),
    ("lower tariffs", " are next to impossible", "very_unlikely"),
    ("tariffs", " are bound to rise", "very_likely"),
    ("tariffs", " are almost certain to rise", "almost_certain"),
    ("tariffs", " are highly unlikely to fall", "very_unlikely"),
    ("tariffs", " are expected to rise", "likely"),
    ("tariffs", " will almost certainly rise", "almost_certain"),
    ("tariffs", " are likely to rise", "likely"),
    ("tariffs", " would rise", "very_likely"),
    ("tariffs", " might rise", "even_chance"),
    ("tariffs", " are unlikely to fall", "unlikely"),
    ("it is doubtful that tariffs", " will fall", "unlikely"),
    ("tariffs", " are sure to rise", "almost_certain"),
    ("tariffs", " are very likely to rise", "very_likely"),
    ("the odds are that tariffs", " will rise", "likely"),
    # the chances judged, and negated or qualified likelihood words
    ("the chances that tariffs", " will fall are slim", "very_unlikely"),
    ("the odds of lower tariffs", " look remote", "very_unlikely"),
    ("prospects for lower tariffs", " remain dim", "very_unlikely"),
    ("the risk of a trade war between Washington and Seoul", " is low", "very_unlikely"),
    ("the chance of lower tariffs", " seems slim", "very_unlikely"),
    ("the risk of higher tariffs", " is high", "likely"),
    ("the odds are against lower tariffs", "", "unlikely"),
    ("tariffs", " are not likely to fall", "unlikely"),
    ("whether tariffs would fall", " is far from certain", "unlikely"),
    ("there is a distinct possibility that tariffs", " will rise", "likely"),
    ("there is a slight chance that tariffs", " will fall", "very_unlikely"),
    ("there is no way tariffs", " will fall", "almost_no_chance"),
    ("tariffs", " are apt to rise", "likely"),
    # idioms of odds
    ("higher tariffs", " are a foregone conclusion", "almost_certain"),
    ("there's a decent chance tariffs", " will rise", "likely"),
    ("it's a coin flip whether tariffs", " will rise", "even_chance"),
    ("it's a toss-up whether tariffs", " will rise", "even_chance"),
    ("lower tariffs", " are a long shot", "very_unlikely"),
    ("higher tariffs", " cannot be excluded", "even_chance"),
    ("tariffs", " seem destined to rise", "likely"),
    ("it is questionable whether tariffs", " will fall", "unlikely"),
    # a chance raised, not judged: a possibility
    ("his win raises the odds of new tariffs", "", "even_chance"),
    ("his win increases the chances of higher tariffs", "", "even_chance"),
    ("his win heightens the risk of higher tariffs", "", "even_chance"),
    ("lower tariffs", " are all but ruled out", "very_unlikely"),
    ("lower tariffs", " are out of the question", "almost_no_chance"),
]


@pytest.mark.parametrize(("before", "after", "band"), MORE_CUE_FORMS)
def test_more_likelihood_phrasings_read_as_their_band(extract, before, after, band):
    (st,) = extract(f"If Trump wins, {before} on Korean cars{after}.", date="2024-09-01")
    assert st.likelihood == band, st.rules


# Idioms of expectation in op-eds and columns, with the band their words carry.
IDIOMATIC_CUES = [
    # "spell trouble", "translate into" assert; a modal before them hedges them
    ("A Trump presidency spells trouble for Korean automakers.", "very_likely"),
    ("A Trump presidency could spell trouble for Korean automakers.", "even_chance"),
    ("A Trump win could translate into higher tariffs for Korean exporters.", "even_chance"),
    # "bodes well/ill" asserts as "spells trouble" does; good odds are likely
    ("A Harris presidency bodes well for trilateral cooperation with Japan.", "very_likely"),
    ("A Trump comeback bodes ill for Korean exporters facing tariffs.", "very_likely"),
    ("Under Trump, the odds of a fourth summit with Kim are high.", "likely"),
    ("If Harris wins, the prospects for trilateral cooperation with Japan look bright.", "likely"),
    # little doubt is near certainty; doubt alone lowers the chance
    ("There is little doubt that Trump would demand more money from Seoul.", "almost_certain"),
    ("Few doubt that Trump would demand more money from Seoul.", "almost_certain"),
    ("Analysts doubt that Trump would pull troops out of Korea.", "unlikely"),
    ("Don't be surprised if a second Trump administration demands more for U.S. troops.", "likely"),
    ("It would not be surprising if Trump pulled some troops out of Korea.", "likely"),
    ("It would come as no surprise if Trump raised tariffs on Korean cars.", "likely"),
    ("The likeliest outcome under Harris is continuity in the alliance.", "likely"),
    ("Look for Harris to keep pressing Seoul and Tokyo to work together.", "likely"),
    ("Count on Trump to demand a bigger share of the cost of U.S. troops.", "likely"),
    ("One can easily imagine Trump meeting Kim again for a summit.", "even_chance"),
    ("Trump, if elected, is almost sure to reopen the cost-sharing deal.", "almost_certain"),
    ("If Trump wins, there is every reason to expect tariffs on Korean steel.", "likely"),
    ("If Trump wins, Seoul is in for a rough ride on trade.", "very_likely"),
    ("If Trump wins, Korean exporters are in for a shock.", "very_likely"),
    # "no doubt" in a word (ANNOTATION's almost_certain); "stand to gain" as "poised to"
    ("If Trump wins, tariffs on Korean cars will undoubtedly rise.", "almost_certain"),
    ("If Trump wins, tariffs on Korean cars stand to rise.", "likely"),
    # what is not going away stays: an asserted future, under an outcome phrase
    ("Whoever wins, the cost-sharing issue isn't going away.", "very_likely"),
    ("If Trump wins, tariffs on Korean cars are not going anywhere.", "very_likely"),
]


# A verb of expecting that introduces what is said leaves the likelihood to it, as "said"
# would; with nothing else to say how likely, the expectation is the likelihood.
PREDICTED_CUES = [
    (
        "Victor Cha predicted a Harris administration would first try working-level talks with Pyongyang.",
        "very_likely",
    ),
    (
        '"A summit between Harris and Kim would come at the end of that process," Yoon predicted.',
        "very_likely",
    ),
    (
        '"Pyongyang could test a Harris White House with a missile launch," predicted Park Won-gon.',
        "even_chance",
    ),
    (
        "The trade association predicted in a report that U.S. tariffs on Chinese goods could hurt Korean firms under Trump.",
        "even_chance",
    ),
    ("Michael Tennant expects continuity on the alliance under Harris.", "likely"),
    ("Observers expect Harris to adopt a firmer posture toward Pyongyang.", "likely"),
    # a list's "and" is no clause of its own: the modal after it is the reported words'
    (
        "Some executives predicted Trump's pledge to pour money into roads, bridges and airports"
        " could open doors for Korean steelmakers.",
        "even_chance",
    ),
    # "is going to" is "will": an adverb or a modal beside it gives the band
    (
        "A re-elected Trump is going to certainly press for a withdrawal of U.S. Forces Korea.",
        "almost_certain",
    ),
    (
        "If Trump wins, China may conclude that he wants confrontation, and South Korea is going to pay part"
        " of the price.",
        "even_chance",
    ),
]


@pytest.mark.parametrize(("text", "band"), IDIOMATIC_CUES + PREDICTED_CUES)
def test_idioms_of_expectation_read_as_their_band(extract, text, band):
    (st,) = extract(text, date="2024-09-01")
    assert st.likelihood == band, st.rules


# A chance stated as a number is that probability, in the band that holds it (ICD-203's
# ranges in the lens), whatever modal the clause also has.
@pytest.mark.parametrize(
    ("text", "band", "probability"),
    [
        ("If Trump wins, there is a 70 percent chance that tariffs on Korean cars will rise.", "likely", 0.7),
        (
            "If Trump wins, there's maybe a 90% chance he slaps new tariffs on Korean cars.",
            "very_likely",
            0.9,
        ),
        ("If Trump wins, I'd put a 30 percent probability on a summit with Kim.", "unlikely", 0.3),
        ("If Trump wins, there is a 10-percent chance of U.S. troops leaving Korea.", "very_unlikely", 0.1),
        ("If Trump wins, the odds of a trade war are a 50 percent chance at best.", "even_chance", 0.5),
    ],
)
def test_a_chance_stated_as_a_number_is_that_probability(extract, text, band, probability):
    (st,) = extract(text, date="2024-09-01")
    assert (st.likelihood, st.probability) == (band, probability), st.rules


@pytest.mark.parametrize("verb", ["refrain from", "abstain from", "desist from"])
def test_refraining_from_a_theme_lowers_it(extract, verb):
    """ "Refrain from nuclear tests" is the tests halted: an effect that lowers its theme."""
    (st,) = extract(f"If Harris wins, North Korea would likely {verb} nuclear tests.", date="2024-09-01")
    assert f"effect:+:{verb}>test" in st.rules, st.rules


def test_the_races_own_odds_are_no_cue(extract):
    """ "Trump's chances of winning" judge the election, not what it would bring: no
    statement on them alone, and the clause's own modal where it projects something."""
    assert (
        extract(
            "With Trump's chances of winning rising, Korean exporters are bracing for tariffs.",
            date="2024-09-01",
        )
        == []
    )
    (st,) = extract(
        "Trump's odds of winning are high, and tariffs on Korean cars could rise.", date="2024-09-01"
    )
    assert st.likelihood == "even_chance", st.rules


def test_a_negated_surprise_does_not_negate_the_event(extract):
    (st,) = extract("It would not be surprising if Trump pulled some troops out of Korea.", date="2024-09-01")
    assert st.direction == "-", st.rules


def test_an_adjective_looming_is_no_cue(extract):
    text = "Of the fights looming over Trump's second term, trade is the sharpest."
    assert extract(text, date="2024-09-01") == []


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("In 2016, analysts predicted that Trump would pull U.S. troops out of Korea.", []),
        ("During his first term, Trump would often threaten to pull U.S. troops out of Korea.", []),
        ("In 2025, tariffs on Korean cars could rise if Trump wins.", ["could"]),
        ("In 2018, Trump met Kim in Singapore, and if he wins, he could meet Kim again.", ["could"]),
        ("Back then, analysts expected Trump to pull U.S. troops out of Korea.", []),
        ("Four years ago, many feared a Trump win would hurt the alliance.", []),
        ("When Trump met Kim in Singapore in 2018, many thought a peace deal would follow.", []),
        ("When Trump returns in 2025, tariffs on Korean cars could rise.", ["could"]),
    ],
)
def test_a_sentence_opening_in_the_past_projects_nothing_in_that_clause(extract, text, found):
    """Lens `past_frames`: a year before the article's, or a first term, frames its clause
    in the past; a later clause, or a year still ahead, still projects."""
    assert [st.cue.text for st in extract(text, date="2024-09-01")] == found


def test_an_assessment_of_an_outcome_is_a_projection(extract):
    (st,) = extract("Experts see a Trump victory as a threat to the alliance.", date="2024-09-01")
    assert (st.condition, st.likelihood) == ("trump", "likely")


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("Analysts foresee a rocky patch for the alliance if Trump wins.", "author"),
        (
            "Park Won-gon predicts tougher cost-sharing talks under a second Trump administration.",
            "Park Won-gon",
        ),
        ("Most economists anticipate higher tariffs on Korean steel if Trump wins.", "author"),
    ],
)
def test_a_verb_of_foresight_with_a_noun_is_a_likely_projection(extract, text, source):
    """Convention 10's "expected" family takes a noun as well as a clause: "X predicts
    tougher talks" is X's projection, band likely."""
    (st,) = extract(text, date="2024-09-01")
    assert (st.condition, st.likelihood, st.source) == ("trump", "likely", source)


def test_an_attitude_to_a_noun_that_is_no_outcome_is_not(extract):
    text = "A growing share of Americans now view the North's arsenal as a direct danger."
    assert extract(text, date="2024-09-01") == []


def test_regardless_of_the_outcome_is_any_outcome_but_not_of_other_things(extract):
    (st,) = extract("Regardless of the outcome, the alliance will remain strong.", date="2024-09-01")
    assert st.condition == "any"
    text = "Regardless of the outcome of the talks, the alliance will remain strong."
    assert [s.condition for s in extract(text, date="2024-09-01")] != ["any"]


@pytest.mark.parametrize(
    ("text", "domains"),
    [
        (
            "Lee Min-ho, a scholar at China's Zhengfa University, said Trump could pull U.S. troops out of Korea.",
            ("troops",),
        ),
        # a speaker after the verb, by name with where they work, or by what they are
        (
            "If Trump wins, a summit with Kim Jong Un is likely, said Cho Han-bum of the Korea Institute for"
            " National Unification.",
            ("nk_diplomacy",),
        ),
        (
            "A Trump victory would revive talks with Pyongyang, said a former U.S. ambassador to China.",
            ("nk_diplomacy",),
        ),
        ("Experts on China say a Trump win would reopen the cost-sharing deal.", ("cost_sharing",)),
    ],
)
def test_the_speakers_description_names_no_domain(extract, text, domains):
    """Convention: domains are what the consequence is about, not where its speaker works."""
    (st,) = extract(text, date="2024-09-01")
    assert st.domains == domains


@pytest.mark.parametrize(
    ("text", "domains"),
    [
        ("If Trump wins, Seoul's trust in Washington's commitment could erode.", {"alliance"}),
        # paying for the troops is cost-sharing, not the troops' level (as the gold marks it:
        # "how much Korea pays for the upkeep of U.S. troops" is cost_sharing alone)
        ("If Trump wins, Seoul may have to pay far more for the troops.", {"cost_sharing"}),
        ("If Trump wins, Seoul could be asked to pay $10 billion a year for U.S. troops.", {"cost_sharing"}),
        (
            "If Trump wins, he could demand more money from Seoul and withdraw U.S. troops.",
            {"cost_sharing", "troops"},
        ),
    ],
)
def test_the_alliance_by_trust_and_commitment_and_cost_sharing_by_paying_more(extract, text, domains):
    (st,) = extract(text, date="2024-09-01")
    assert set(st.domains) == domains


def test_pressure_on_an_adversary_is_not_unfavourable_for_the_subject(extract):
    """Pressure on Seoul is unfavourable; pressure Washington puts on Pyongyang or Beijing
    is not, by itself (the lens's impact term says whom it must not be aimed at)."""
    (on_seoul,) = extract("If Trump wins, Seoul could come under pressure on trade.", date="2024-09-01")
    assert "impact:-:pressure" in on_seoul.rules
    (on_beijing,) = extract(
        "If Harris wins, she could step up pressure on Beijing over trade.", date="2024-09-01"
    )
    assert not any(r.startswith("impact:-:pressure") for r in on_beijing.rules), on_beijing.rules


def test_a_korean_party_is_not_the_us_democrats_campaign(extract):
    """ "The Democratic Party of Korea" speaks as a Korean party, not as the Harris
    campaign whose words would be stance."""
    text = "The Democratic Party of Korea warned that a Trump win could bring higher tariffs on Korean cars."
    (st,) = extract(text, date="2024-09-01")
    assert st.source == "Democratic Party of Korea"
    assert (
        extract("The Democratic Party said a Harris win would keep the alliance strong.", date="2024-09-01")
        == []
    )


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("A KIEP report said a Trump win could hit Korean exports.", "KIEP"),  # a document's author
        (
            "The NIS's report said North Korea could test a missile if Trump wins.",
            "National Intelligence Service",
        ),
        (
            "The Korea Institute for International Economic Policy (KIEP) said a Trump win could hit Korean exports.",
            "Korea Institute for International Economic Policy",  # the name ends at the bracket
        ),
        ("The Bank of Korea said a Trump win could weaken the won.", "Bank of Korea"),
        # a list inside a body's name
        (
            "The Ministry of Trade, Industry and Energy said a Trump victory would likely bring higher tariffs.",
            "South Korean Ministry of Trade, Industry and Energy",
        ),
        (
            "A Trump win would likely mean higher tariffs on Korean cars, the Ministry of Trade, Industry and"
            " Energy said.",
            "South Korean Ministry of Trade, Industry and Energy",
        ),
        # a name that ends in a possessive and owns nothing
        ("Moody's said a Trump win could raise tariffs on Korean exporters.", "Moody's"),
        # a spokesperson speaks for the body, in each of the ways a wire names one
        (
            "A Foreign Ministry spokesperson said a Harris administration would likely keep the alliance on course.",
            "South Korean Ministry of Foreign Affairs",
        ),
        (
            "The Foreign Ministry's spokesman said a Harris administration would likely keep the alliance on course.",
            "South Korean Ministry of Foreign Affairs",
        ),
        (
            "A spokeswoman for the Unification Ministry said a Trump win could revive inter-Korean talks.",
            "South Korean Ministry of Unification",
        ),
        (
            "A spokesman for Hyundai Motor said tariffs on Korean cars could rise if Trump wins.",
            "Hyundai Motor",
        ),
        # ... and a named one is who speaks; a body's report "for" another is not the other's
        (
            "Foreign Ministry spokesperson Lim Soo-suk said a Harris administration would likely keep the alliance on course.",
            "Lim Soo-suk",
        ),
        ("A report for the Foreign Ministry said a Trump win could hit Korean exports.", "author"),
    ],
)
def test_bodies_and_their_documents_are_sources(extract, text, source):
    (st,) = extract(text, date="2024-09-01")
    assert st.source == source, st.rules


def test_arms_exports_are_the_defense_industry_not_trade(extract):
    (st,) = extract("If Trump wins, Korean arms exports could grow.", date="2024-09-01")
    assert st.domains == ("defense_industry",)


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Trump Win Could Hit Korean Exports Hard\n\nSeoul is bracing for the vote.", ["trump"]),
        ("Biden Win Seen Boosting Alliance, Hurting Talks\n\nThe race is tight.", ["biden"]),
        ("What a Trump Return Means for Korea\n\nThe race is tight.", []),
        ("Will Trump Pull Troops From Korea?\n\nThe race is tight.", []),
    ],
)
def test_headlines_that_project_count_and_others_do_not(extract, text, found):
    """ANNOTATION convention 2: a headline counts when it projects a consequence."""
    date = "2020-09-01" if "Biden" in text else "2024-09-01"
    assert [st.condition for st in extract(text, date=date)] == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("South Korea will boost its defense spending regardless of who wins.", []),
        ("President Yoon will visit Washington soon after the election to discuss the alliance.", []),
        # spaCy parses "Moon Jae-in" as "Moon Jae" + "in": the words before the cue name him
        (
            "If Trump wins, President Moon Jae-in, now in his final year, will press for an end-of-war declaration.",
            [],
        ),
        ("If Trump wins, South Korea will face pressure to raise its payments for U.S. troops.", ["trump"]),
        ("If Trump wins, Seoul will have to pay more for U.S. troops.", ["trump"]),
        # with another country, no plan of Seoul's alone
        ("If Harris wins, Seoul and Tokyo will deepen their cooperation.", ["harris"]),
        # the government's task force and its National Security Office are Seoul's own
        ("The task force will analyze the impact of the election on trade and the alliance.", []),
        (
            "The National Security Office will convene a meeting to assess the impact of the election on the alliance.",
            [],
        ),
    ],
)
def test_seouls_own_plan_is_no_projection_but_what_happens_to_it_is(extract, text, found):
    """ANNOTATION convention 5: "South Korea will boost its defense spending" is Seoul's
    plan; "South Korea will face pressure" is what an outcome does to it."""
    assert [st.condition for st in extract(text, date="2024-09-01")] == found


@pytest.mark.parametrize(
    "text",
    [
        "Harris would keep the alliance on course, whereas Trump could demand far more money for U.S. troops.",
        "Trump is likely to seek a quick deal with Kim; Harris, by contrast, is expected to stick with sanctions.",
        # the contrast fronted: its clause ends at the comma
        "While Trump might seek a summit with Kim, Harris would likely rely on working-level talks.",
        "Whereas Trump might seek a summit with Kim, Harris would likely rely on working-level talks.",
    ],
)
def test_a_sentence_about_two_candidates_gives_two_statements(extract, text):
    """The extraction issue: "X would do A, while Y might do B" is two statements. A
    passive "is expected to" reports no one's words: it does not make the first
    candidate the speaker (whose words would be stance)."""
    statements = extract(text, date="2024-09-01")
    assert sorted(st.condition for st in statements) == ["harris", "trump"]
    assert {st.source for st in statements} == {"author"}


def test_a_speaking_bodys_own_name_names_no_domain(extract):
    """ "The Korea Institute for National Unification said …" is not about unification."""
    text = "The Korea Institute for National Unification said a Trump win could hit Korean exports."
    (st,) = extract(text, date="2024-09-01")
    assert st.domains == ("trade",) and st.source == "Korea Institute for National Unification"


# Convention 8's "regardless of who wins" in the other ways news writes it, after a
# sentence about one candidate: the paragraph's candidate does not carry over to them.
ANY_FORMS = [
    "Whoever moves into the Oval Office will have to deal with North Korea's growing arsenal.",
    "Whoever sits in the White House next year will press Seoul on China.",
    "Whoever prevails, Seoul's defense cost-sharing bill is likely to grow.",
    "Whoever is sworn in on Jan. 20 will face a bolder North Korea.",
    "Under either candidate, Washington will keep pressing Seoul on export controls.",
    "No matter the outcome, North Korea is likely to test a missile early next year.",
    "Whatever happens in November, the alliance will remain strong.",
    "Whichever way the vote goes, tariffs are likely to rise.",
    "Both Harris and Trump would press Seoul to pay more for U.S. troops.",
    "Neither Harris nor Trump is likely to withdraw U.S. troops.",
    "Neither candidate is likely to withdraw U.S. troops.",
    "Trump and Harris alike would keep sanctions on North Korea.",
]


@pytest.mark.parametrize("text", ANY_FORMS)
def test_ways_of_saying_whoever_wins_are_any_outcome(extract, text):
    statements = extract("If Trump wins, tariffs on Korean cars could rise. " + text, date="2024-09-01")
    assert [st.condition for st in statements] == ["trump", "any"], [st.rules for st in statements]


# A negated subject negates its event however many auxiliaries and cue words stand
# between them (or an aside: "neither candidate, however, would …"), whether it is the
# outcome phrase ("neither candidate") or not; a fronted "no matter who wins," negates
# nothing.
@pytest.mark.parametrize(
    ("text", "sign"),
    [
        ("Neither candidate is likely to withdraw U.S. troops from South Korea.", "+"),
        ("Neither candidate is likely to lift tariffs on Korean steel.", "-"),
        ("Neither candidate would end the alliance.", "+"),
        # ... and past an aside set off by commas
        ("Neither candidate, however, would end the alliance.", "+"),
        ("Neither outcome, in the end, is likely to lift tariffs on Korean steel.", "-"),
        ("No matter who wins, U.S. troops are likely to stay in South Korea.", "+"),
        ("No matter who wins, in the end, U.S. troops are likely to leave South Korea.", "-"),
    ],
)
def test_a_negated_subject_reaches_its_event_past_the_cue(extract, text, sign):
    (st,) = extract(text, date="2024-09-01")
    assert st.condition == "any" and st.direction == sign, st.rules


# The outcome a sentence projects under, said every way news copy says it: a term, an
# inverted conditional, a party's administration, the office, and whoever wins.
OUTCOME_FORMS = [
    ("A second Trump term could hurt Korean exporters.", "trump"),
    # an auxiliary after a name is no past deed ("are", "might" are no past forms)
    ("Both Trump and Harris are likely to keep pressing Seoul on chips.", "any"),
    ("Trump 2.0 could hurt Korean exporters.", "trump"),
    ("A Harris White House would likely keep tariffs on Korean goods low.", "harris"),
    ("Should the former president return, Korean exporters could suffer.", "trump"),
    ("Were Trump to win, Korean exporters could suffer.", "trump"),
    ("In the event of a Trump victory, Korean exporters could suffer.", "trump"),
    ("With Trump back in the Oval Office, Korean exporters could suffer.", "trump"),
    ("With Trump back, Seoul faces a tougher cost-sharing negotiation.", "trump"),
    ("If the vice president prevails, the alliance would likely stay strong.", "harris"),
    ("A Republican administration could impose new tariffs on Korean cars.", "trump"),
    ("Under a Democratic administration, the alliance would likely stay strong.", "harris"),
    ("If Harris takes the White House, the alliance would likely stay strong.", "harris"),
    ("If Trump recaptures the presidency, Korean exporters could suffer.", "trump"),
    ("A Trump restoration could hurt Korean exporters.", "trump"),
    ("Should Harris be elected, the alliance would likely stay strong.", "harris"),
    ("If Trump returns to power, Korean exporters could suffer.", "trump"),
    ("A Harris win would likely keep the alliance strong.", "harris"),
    ("Once Trump is back in office, Korean exporters could suffer.", "trump"),
    ("If the Republican nominee wins, Korean exporters could suffer.", "trump"),
    ("The GOP candidate could pull U.S. troops out of Korea.", "trump"),
    ("If Democrats hold the White House, the alliance would likely stay strong.", "harris"),
    ("Whichever candidate prevails, Washington will expect Seoul to spend more on defense.", "any"),
    ("No matter who occupies the White House next year, tariffs on Korean goods are likely to rise.", "any"),
    ("Whoever takes office in January, the alliance will remain strong.", "any"),
    ("Regardless of who wins the presidency, Korean exporters could face higher tariffs.", "any"),
    ("Either candidate would likely press Seoul on China.", "any"),
    ("Both candidates are expected to keep pressure on Pyongyang.", "any"),
]


# An anaphor refers back to the candidate the sentence before named, even in a paragraph
# about the other one so far.
ANAPHORA = [
    (
        "Trump, for his part, has vowed to slap tariffs on all imports. That could hit Korean exporters.",
        "trump",
    ),
    ("Trump wants Seoul to pay far more for U.S. troops. Such a demand would strain the alliance.", "trump"),
    # the anaphor opens the reported clause
    (
        "Trump has floated pulling troops out of Korea. Analysts say the move would weaken deterrence.",
        "trump",
    ),
    (
        "Trump has floated pulling troops out of Korea. Experts warned that such a move would hurt the alliance.",
        "trump",
    ),
    # wire copy sets every sentence apart: the anaphor opens the next paragraph
    ("Trump has vowed to slap tariffs on all imports.\n\nThat could hit Korean exporters.", "trump"),
    ("Trump could win in November.\n\nThat could shake the foundations of the alliance.", "trump"),
    # a candidate named with a modal is that outcome, not a past deed ("might" is no past form)
    ("Trump might pull U.S. troops out of Korea.", "trump"),
    # a pronoun opening the sentence refers back too, as its subject or owner ...
    ("Trump has promised sweeping tariffs. He would likely hit Korean chips with new duties.", "trump"),
    ("Trump has attacked the CHIPS Act. His tariff plan, however, would hurt Korean chipmakers.", "trump"),
    ("Trump has attacked the CHIPS Act. But his tariff plan would hurt Korean chipmakers.", "trump"),
    # ... past any continuation or short fronted phrase ("In short,", "For its part,")
    ("Trump has attacked the CHIPS Act. In short, his tariff plan would hurt Korean chipmakers.", "trump"),
    (
        "Trump has attacked the CHIPS Act. For its part, his tariff plan would hurt Korean chipmakers.",
        "trump",
    ),
    ("Trump has attacked the CHIPS Act. By 2026, his tariff plan would hurt Korean chipmakers.", "trump"),
    (
        "Trump has attacked the CHIPS Act. Within months of the inauguration, his tariff plan would"
        " hurt Korean chipmakers.",
        "trump",
    ),
    ("Trump has vowed to slap tariffs on all imports. Moreover, that could hit Korean exporters.", "trump"),
    ("Trump has vowed to slap tariffs on all imports. Of course, that could hit Korean exporters.", "trump"),
    # ("say" here is a noun, not who reports)
    (
        "Trump's plans are harder to read. His habit of deferring to Beijing could leave Seoul with less say.",
        "trump",
    ),
]


def test_a_question_about_one_outcome_opens_the_paragraph_that_answers_it(extract):
    text = "What would a second Trump term mean for Seoul? For one, the cost-sharing talks would be reopened."
    statements = extract(text, date="2024-09-01")
    assert [(st.condition, st.sentence) for st in statements] == [
        ("trump", "For one, the cost-sharing talks would be reopened.")
    ]


@pytest.mark.parametrize(
    "opening", ["Suppose Trump wins.", "Imagine that Trump wins.", "Assume Trump is re-elected."]
)
def test_a_supposed_outcome_is_the_condition_of_what_follows(extract, opening):
    statements = extract(f"{opening} Then tariffs on Korean cars could rise.", date="2024-09-01")
    assert [(st.condition, st.sentence) for st in statements] == [
        ("trump", "Then tariffs on Korean cars could rise.")
    ]


@pytest.mark.parametrize("opening", ["If that happens,", "If so,", "In that case,", "Should that happen,"])
def test_a_condition_pointing_back_takes_the_outcome_the_sentence_before_named(extract, opening):
    """ "Trump may well win. If so, …": the win the sentence before spoke of."""
    statements = extract(
        f"Trump may well win. {opening} tariffs on Korean cars could rise.", date="2024-09-01"
    )
    assert [(st.condition, st.sentence) for st in statements] == [
        ("trump", f"{opening} tariffs on Korean cars could rise.")
    ]


def test_a_passive_raising_a_clause_has_no_setting_of_speech(extract):
    """ "is expected to add friction, with cost sharing back on the table": the "with" is
    the consequence's, not where someone spoke, also when the sentence is a quotation."""
    (st,) = extract(
        '"If Trump wins, his view of alliances is expected to add friction of its own, with cost sharing'
        ' and tariffs back on the table."',
        date="2024-09-01",
    )
    assert {"cost_sharing", "trade"} <= set(st.domains), st.rules


def test_a_question_about_one_outcome_frames_the_answer_in_the_paragraphs_after_it(extract):
    """The answer may open a paragraph of its own: the question's outcome goes on, as an
    outcome named in a headline does, over the outcome of an earlier paragraph."""
    text = (
        "If Trump wins, Korean battery makers could lose billions in subsidies.\n\n"
        "Would Harris do better? Probably, but not by much.\n\n"
        "Her team is expected to keep the EV tax credits for Korean battery makers."
    )
    statements = extract(text, date="2024-09-01")
    assert [st.condition for st in statements] == ["trump", "harris"], [st.rules for st in statements]


@pytest.mark.parametrize(("text", "outcome"), ANAPHORA)
def test_an_anaphor_takes_the_candidate_named_just_before(extract, text, outcome):
    lead = "If Harris wins, the alliance would stay steady. "
    statements = extract(lead + text, date="2024-09-01")
    assert [st.condition for st in statements] == ["harris", outcome], [st.rules for st in statements]


def test_a_pronoun_after_a_whoever_wins_sentence_takes_the_candidate_it_named(extract):
    text = (
        "Export controls on China are expected to stay whoever wins, since Trump backs them as well."
        " His tariff plan, however, would hurt Korean chipmakers."
    )
    statements = extract(text, date="2024-10-28")
    assert [st.condition for st in statements] == ["any", "trump"], [st.rules for st in statements]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # others report what he would do: his outcome (convention 4: their projection)
        ("Trump has stressed tariffs.\n\nHe would raise tariffs on Korean cars, analysts say.", ["trump"]),
        (
            "Harris has stressed continuity.\n\nAnalysts say she would keep working closely with Seoul.",
            ["harris"],
        ),
        # he reports: his own pledge, stance (convention 4)
        ("Trump has stressed tariffs.\n\nHe said he would raise tariffs on Korean cars.", []),
    ],
)
def test_a_pronoun_others_report_about_takes_the_candidate_named_before(extract, text, found):
    statements = extract(text, date="2024-09-01")
    assert [st.condition for st in statements] == found, [st.rules for st in statements]


@pytest.mark.parametrize(("text", "outcome"), OUTCOME_FORMS)
def test_ways_of_naming_an_outcome_give_its_condition(extract, text, outcome):
    statements = extract(text, date="2024-09-01")
    assert [st.condition for st in statements] == [outcome], [st.rules for st in statements]


def test_either_way_after_a_named_outcome_is_that_outcome(extract):
    """ "Either way" points back at any two alternatives, not only the election's: a
    sentence that names its outcome keeps it."""
    text = (
        "Either way, the burden on Seoul could be heavy, because a Trump administration would raise tariffs."
    )
    assert [st.condition for st in extract(text, date="2024-09-01")] == ["trump"]


# Convention 7: a projection that names no domain but says what it does to the subject is
# a generic impact statement, with the article's theme as its domain (here cost-sharing,
# the subject of the paragraph after it).
GENERIC_FORMS = [
    "A Trump victory would have a huge impact on South Korea.",
    "If Trump wins, Korea could be in for a bumpy ride.",
    "A second Trump term would be bad news for Seoul.",
    "A Trump win will greatly affect Korea.",
    "A Trump win would put Seoul in a difficult position.",
    "If Trump returns, Seoul is likely to face a tough four years.",
]
COST_SHARING_PARAGRAPH = (
    "\n\nIf Trump wins, he could demand that Seoul pay far more for U.S. troops. Analysts expect a"
    " Trump administration to push for a steep rise in Seoul's share of the cost."
)


@pytest.mark.parametrize("text", GENERIC_FORMS)
def test_a_generic_impact_on_the_subject_takes_the_articles_theme(extract, text):
    statements = extract(text + COST_SHARING_PARAGRAPH, date="2024-09-01")
    assert [(st.condition, st.domains) for st in statements][0] == ("trump", ("cost_sharing",))
    assert "domain:generic-impact" in statements[0].rules


@pytest.mark.parametrize(
    "text",
    [
        "If Harris wins, the party will have few ways out.",  # no domain, not about the subject
        "South Korea's foreign ministry said Trump's return would not change its plans.",  # the speaker
    ],
)
def test_a_projection_naming_neither_domain_nor_the_subject_affected_is_none(extract, text):
    statements = extract(text + COST_SHARING_PARAGRAPH, date="2024-09-01")
    assert not any(text[:30] in st.sentence for st in statements)


# Convention 5 and the extraction issue's precision kinds: a chance or expectation in the
# past tense, a hedge on a present state or an ongoing act, attention paid by a third
# party, and a candidate's own words are not projections (here in an article about a
# Trump win, whose first sentence is one).
NOT_PROJECTIONS = [
    "Obama had little chance of persuading Pyongyang to talk.",
    "There was little prospect of a summit while Obama was in office.",
    "Trump was likely aware of the risks when he met Kim in Hanoi.",
    "Seoul was expected to pay more under the 2019 agreement.",
    "Trump's tariffs probably reflect what many Americans think about trade with Korea.",
    "Most Koreans probably see the alliance as vital.",
    "North Korea is probably selling artillery shells to Russia.",
    "North Korea is probably receiving oil and possibly missile technology from Russia.",
    "Seoul is likely already preparing for tougher talks on tariffs.",
    # the calendar, though the paragraph before names an outcome
    "The current cost-sharing agreement will expire at the end of 2025.",
    "The allies will hold their annual Ulchi Freedom Shield exercise in August.",
    "The amount will be adjusted annually based on the consumer price index until 2030.",
    "The North has possibly tested a new solid-fuel missile engine this month.",
    "In return, analysts believe, Pyongyang is receiving food, fuel and possibly help with satellites.",
    "Chinese diplomats are likely studying Trump's remarks on North Korea.",
    "Japanese officials will be watching the election closely for hints about the alliance.",
    "Trump has said for years that he would pull U.S. troops out of Korea.",
    "Trump bragged that he could end the Korean War in a day.",
    '"We will keep working with Washington to deepen the alliance," a ministry official said.',
    "North Korea's calculations will be critical in shaping inter-Korean relations.",
]
# ... and the same tenses where a projection is reported, or future after all.
STILL_PROJECTIONS = [
    "If Trump wins, Seoul's hopes for a quick trade deal could be dashed.",  # hopes, a noun
    "Analysts said a Trump administration was likely to demand more money for U.S. troops.",
    "Experts told Yonhap that Seoul was expected to pay more for U.S. troops under Trump.",
    "Officials said there was little chance that a Trump White House would keep the tariffs low.",
    "Trump is likely going to raise tariffs on Korean cars.",
    "Trump would probably see the alliance as a burden and demand more money.",
    "A Trump administration is likely to watch Seoul's trade surplus and raise tariffs.",
    "A Trump presidency probably means higher tariffs on Korean steel.",  # what it entails
    "Carmakers have raised prices, and tariffs on Korean cars could possibly rise further.",
    "The North is likely to test a missile, and possibly a nuclear device, after the inauguration.",
    '"We will have to pay more for the U.S. troops," a ministry official said.',
    "Seoul's exporters will be critical targets for Trump's tariffs.",
]
LEAD = "If Trump wins, tariffs on Korean cars could rise. "


# A domestic political consequence after a paragraph about trade (ANNOTATION convention
# 6): no domain of its own, so it does not take the paragraph's.
DOMESTIC_POLITICS = [
    "If Biden stays in the race, Democrats could lose the House.",
    "If Harris wins, she would be the first woman to hold the office.",
    "A Trump win could deepen divisions within the Republican Party.",
    "If Trump loses, he is likely to contest the result.",
    "If Harris wins, Democrats would probably keep the Senate.",
    "Whoever wins, turnout is expected to be high.",
    "If Trump wins, his running mate would likely play a big role in the White House.",
    # the candidates' own country's courts, laws, government and place in the world
    "Trump would be the oldest president ever inaugurated if he wins.",
    "A Trump victory could also reshape the Supreme Court for a generation.",
    "Under a Harris administration, abortion rights could be restored nationally.",
    "If elected, Harris would likely keep Biden's cabinet largely intact.",
    "Trump could face legal trouble if he loses the election.",
    "A Trump administration could pull out of the World Health Organization again.",
    "If Harris wins, the United States would likely stay in the Paris climate agreement.",
    "A second Trump term could bring a government shutdown within months.",
    # a forecast of the outcome itself
    "Trump could win in November.",
    "Polls suggest Harris is likely to win the election.",
    "Trump is expected to prevail, analysts said.",
]


@pytest.mark.parametrize("text", DOMESTIC_POLITICS)
def test_a_domestic_political_consequence_takes_no_domain_from_its_paragraph(extract, text):
    lead = "If Trump wins, tariffs on Korean cars could rise sharply. "
    statements = extract(lead + text, date="2024-09-01")
    assert [st.sentence for st in statements] == [lead.strip()], [st.rules for st in statements]


# A consequence tied to an election other than the lens's (South Korea's own, the
# midterms, a later race) projects no outcome of the lens's election, even in the
# winner's term; an outcome of the lens's named beside it stands.
OTHER_ELECTIONS = [
    ("If Lee Jae-myung wins the June 3 election, inter-Korean dialogue could resume.", "2025-05-10", []),
    ("If the opposition wins in June, Seoul may take a softer line on Pyongyang.", "2025-05-10", []),
    ("If Yoon wins the March 9 election, Seoul is expected to expand joint drills.", "2022-02-10", []),
    ("Whoever wins the 2028 election will inherit a nuclear-armed North Korea.", "2027-10-10", []),
    (
        "Whoever wins the June 3 election will face a Trump administration demanding more for U.S. troops.",
        "2025-05-10",
        ["trump"],
    ),
    ("Whoever wins the Nov. 5 election, tariffs on Korean cars could rise.", "2024-10-01", ["any"]),
    ("Whoever wins the 2024 election, tariffs on Korean cars could rise.", "2024-03-01", ["any"]),
]


@pytest.mark.parametrize(("text", "date", "outcomes"), OTHER_ELECTIONS)
def test_a_consequence_of_another_election_is_no_outcome_of_the_lens(extract, text, date, outcomes):
    assert [st.condition for st in extract(text, date=date)] == outcomes


@pytest.mark.parametrize("text", NOT_PROJECTIONS)
def test_past_judgments_present_observations_and_stance_are_not_projections(extract, text):
    statements = extract(LEAD + text, date="2024-09-01")
    assert [st.sentence for st in statements] == [LEAD.strip()], [st.rules for st in statements]


# Sentences with a cue word that project nothing: past acts and past expectations,
# schedules, present standing, advice, questions, open wonder.
NO_STATEMENT = [
    "In 2019, Trump would often praise Kim Jong-un at rallies.",
    "During his first term, Trump threatened to pull U.S. troops out of Korea.",
    "Trump has said he would meet Kim again.",
    "Harris will visit Seoul next week, the White House said.",
    "The election will be held on Nov. 5.",
    "Seoul should prepare for every scenario, the editorial said.",
    "Korea must diversify its export markets whoever wins.",
    "Trump's tariffs in 2018 hit Korean washing machines.",
    "Four years ago, analysts expected Trump to withdraw troops, which he did not do.",
    "The ministry will hold a briefing on the election on Friday.",
    "Seoul has been bracing for a Trump return for months.",
    "Trump currently leads in the polls in several swing states.",
    "Harris is expected to speak at the convention on Thursday.",
    "The forum will discuss what a Trump win could mean for Korea.",
    "It remains to be seen what a Trump win would mean for the alliance.",
    "Nobody can predict how a Trump administration would handle the alliance.",
    "It is hard to foresee what Trump would do about the troops.",
    "What would a Trump win mean for Korean exporters?",
    "Would Harris keep the tariffs in place?",
    "Korea needs to prepare for higher tariffs if Trump wins.",
    "Trump was expected to sign the deal in Hanoi in 2019.",
    "Officials will monitor the election closely.",
]


# Expectations in the past perfect are past (convention 5).
NO_STATEMENT += [
    "Trump's summit with Kim had been expected to produce a deal, but it collapsed in Hanoi.",
    "Trump had been likely to meet Kim again before the pandemic intervened.",
]


# Seoul's own plans said by Seoul's own voices (ANNOTATION convention 5): "we" or "his
# government" in the words of the presidential office, a ministry or the president.
NO_STATEMENT += [
    '"Whoever wins, we will deepen our alliance with the United States," the presidential office said.',
    "President Yoon said his government would work with whoever wins to strengthen the alliance.",
    '"We will keep working closely with Washington whoever wins," a foreign ministry spokesperson said.',
    "Seoul will strengthen its cooperation with Washington regardless of the outcome, the ministry said.",
    # a government body calls itself "it"
    "The Foreign Ministry said it would work closely with whoever wins to keep the alliance strong.",
]
# ... but "it" naming no plan of the body's own still projects
STILL_PROJECTIONS += [
    "The Foreign Ministry said it would be hard for exporters to avoid tariffs if Trump wins."
]


# A question is no projection, numbered in a list of them too ("2. Will KORUS survive?")
NO_STATEMENT += ["2. Will KORUS survive a Trump presidency?", "5) Could Seoul go nuclear if Trump wins?"]


# The campaign's own calendar in the days ahead happens whoever wins (lens
# `campaign-calendar`); what a candidate will do once in office still projects.
NO_STATEMENT += [
    "Harris will speak about trade at a rally in Michigan on Thursday.",
    "Trump will visit a steel plant in Pennsylvania on Monday to promote his tariff plan.",
    "Trump's campaign will release a policy paper on North Korea next week, his aides said.",
    # both candidates, and the day as a possessive
    "Both Trump and Harris are expected to address the economy in Thursday's debate.",
]
# A third party's preference is its attitude (convention 5), as "would like to" is.
NO_STATEMENT += ["Pyongyang would prefer a Trump victory, according to the North's state media."]
STILL_PROJECTIONS += [
    "If Harris wins, she will travel to Seoul to reassure the alliance.",
    "A Trump win threatens to upend the alliance.",
]
# A candidate's threat made in the past is stance (convention 4), not what an event threatens.
NO_STATEMENT += ["Trump has threatened to pull U.S. troops out of Korea unless Seoul pays more."]
# A habit in the past is no projection; a habit to come under an outcome phrase is
# (lens `with_outcome: false`).
NO_STATEMENT += ["When Trump was president, he would often complain about the cost of U.S. troops in Korea."]
STILL_PROJECTIONS += ["If Trump wins, he would often complain about the cost of U.S. troops in Korea."]
# "his/her campaign" is the campaign of the candidate the sentence names: its words are stance.
NO_STATEMENT += [
    "Trump would impose a 10 percent tariff on all imports, his campaign said.",
    "Trump would impose a 10 percent tariff on all imports, according to his campaign website.",
    "Harris would keep the alliance strong, her campaign said in a statement.",
    # the candidate's campaign by the possessive, and "his campaign" of the candidate in view
    "Trump's campaign said he would impose tariffs on Korean cars if he wins.",
    "Donald Trump's campaign said he would impose tariffs on Korean cars if he wins.",
    "Trump spoke in Ohio on Monday. His campaign said he would impose tariffs on Korean cars if he wins.",
]
# ... but a projection about the campaign by someone else is one
STILL_PROJECTIONS += ["Trump's campaign would likely push Seoul to pay more, analysts said."]


# An institution's calendar (lens `calendar`) and a guess about the past ("may have
# peaked", lens `counterfactual`) project nothing, even after a projection they would
# otherwise take the condition of.
NOT_AFTER_A_PROJECTION = [
    "The Korea Institute for Defense Analyses will publish its annual assessment of North Korea's military in December.",
    "The committee is set to hold a hearing on the alliance next week.",
    "Samsung Electronics' quarterly profit may have peaked, analysts said.",
]
STILL_PROJECTIONS += ["If Trump wins, the two leaders will hold a summit next year."]


@pytest.mark.parametrize("text", NOT_AFTER_A_PROJECTION)
def test_a_calendar_or_a_guess_about_the_past_after_a_projection_is_none(extract, text):
    assert [st.sentence for st in extract(LEAD + text, date="2024-09-01")] == [LEAD.strip()]


@pytest.mark.parametrize("text", NO_STATEMENT)
def test_schedules_past_acts_advice_and_questions_give_no_statement(extract, text):
    assert extract(text, date="2024-09-01") == []


@pytest.mark.parametrize("text", STILL_PROJECTIONS)
def test_reported_and_future_forms_of_those_tenses_still_project(extract, text):
    statements = extract(LEAD + text, date="2024-09-01")
    assert any(st.sentence == text for st in statements)


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("A Trump presidency means higher tariffs for Korean exporters.", True),
        ("Under Trump, Seoul faces higher tariffs on its cars.", True),
        ("The alliance faces a rocky road if Trump wins.", True),
        ("Korean exporters face higher tariffs this year.", False),  # no outcome: the present
        ("What a Trump return means for Korean exporters", False),  # a label
        # what an outcome portends
        ("A Trump win signals tougher cost-sharing talks ahead.", True),
        ("A second Trump term heralds a rocky period for the alliance.", True),
        ("The alliance is headed for a rough patch if Trump wins.", True),
        ("If Trump wins, brace for higher tariffs on Korean steel.", True),
        ("A Trump win carries the risk of a trade war with Seoul.", True),
        ("Seoul signals it is ready for higher tariffs on its steel.", False),  # no outcome
    ],
)
def test_the_present_tense_projects_only_under_an_outcome_of_its_own(extract, text, found):
    assert bool(extract(text, date="2024-09-01")) is found


# Convention 11: the ways news attributes a projection to a named person or body.
ATTRIBUTION_FORMS = [
    ("According to Victor Cha, a Trump win could hurt Korean exporters.", "Victor Cha"),
    ('"A Trump win could hurt Korean exporters," said Cha.', "Victor Cha"),
    ("As Cha put it, a Trump win could hurt Korean exporters.", "Victor Cha"),
    ("Victor Cha put it bluntly: a Trump win could hurt Korean exporters.", "Victor Cha"),
    ("In Cha's view, a Trump win could hurt Korean exporters.", "Victor Cha"),
    ("A Trump win could hurt Korean exporters, in Cha's view.", "Victor Cha"),
    ("In the view of Victor Cha, a Trump win could hurt Korean exporters.", "Victor Cha"),
    ("In the eyes of Victor Cha, a Trump win could hurt Korean exporters.", "Victor Cha"),
    ("Victor Cha estimates that a Trump win could hurt Korean exporters.", "Victor Cha"),
    ("Moody's Analytics estimates that a Trump win could hurt Korean exporters.", "Moody's Analytics"),
    ("In his statement, Cha said a Trump win could hurt Korean exporters.", "Victor Cha"),
    ("Cha's assessment is that a Trump win could hurt Korean exporters.", "Victor Cha"),
    ("Writing in Foreign Affairs, Cha argued that a Trump win could weaken the alliance.", "Victor Cha"),
    ("A Trump win could hurt Korean exporters, Cha wrote in a column.", "Victor Cha"),
    (
        "A Trump win could hurt Korean exporters, according to a report by the Korea International Trade"
        " Association.",
        "Korea International Trade Association",
    ),
    # a name commas set before a trailing reporting verb the parser hung elsewhere; a
    # present-tense inverted verb
    (
        "If Trump wins, he will likely demand more money from Seoul, Victor Cha of CSIS told reporters.",
        "Victor Cha",
    ),
    (
        "The alliance could be strained under Trump, Kim Hyun-wook, president of the Korea National"
        " Diplomatic Academy, told The Korea Times.",
        "Kim Hyun-wook",
    ),
    ("A Trump win could strain the alliance, suggests Sue Mi Terry, a former CIA analyst.", "Sue Mi Terry"),
    # the parser gives the trailing verb several subjects: the name nearest before it
    (
        "Should President Trump win re-election, his North Korea policy is more likely to carry on along"
        " first-term lines than to change course, Kim Min-soo, a professor at Korea University, told reporters.",
        "Kim Min-soo",
    ),
    (
        "Korean battery makers could lose tax credits worth billions of dollars if Trump scraps the"
        " Inflation Reduction Act, as he has vowed to do, Kim Min-soo, a professor at Korea University,"
        " told reporters.",
        "Kim Min-soo",
    ),
]


# Across sentences: a pronoun for the person the sentence before described, a view named
# after the quotation, a body by its owner's name.
ATTRIBUTION_ACROSS = [
    (
        'Kim Hyun-wook, a professor at the Korea National Diplomatic Academy, sees trouble ahead. "If'
        ' Trump wins, the cost-sharing talks will turn ugly," he said.',
        "Kim Hyun-wook",
    ),
    (
        '"If Trump wins, the cost-sharing talks will turn ugly." That was the view of Kim Hyun-wook, a'
        " professor at the Korea National Diplomatic Academy.",
        "Kim Hyun-wook",
    ),
    (
        '"If Trump wins, the cost-sharing talks will turn ugly." Those were the words of Kim Hyun-wook, a'
        " professor at the Korea National Diplomatic Academy.",
        "Kim Hyun-wook",
    ),
    # the view named after a quotation of several sentences, or in the paragraph after it
    (
        '"If Trump wins, the cost-sharing talks will turn ugly. Seoul has to prepare." That was the'
        " view of Kim Hyun-wook, a professor at the Korea National Diplomatic Academy.",
        "Kim Hyun-wook",
    ),
    (
        '"If Trump wins, the cost-sharing talks will turn ugly."\n\nThat was the view of Kim'
        " Hyun-wook, a professor at the Korea National Diplomatic Academy.",
        "Kim Hyun-wook",
    ),
    (
        "Seoul's Foreign Ministry, however, believes the alliance would survive a Trump presidency.",
        "South Korean Ministry of Foreign Affairs",
    ),
    # a view a named person's clause opens with a colon; not a colon after no one
    (
        "Victor Cha, a Korea expert at CSIS, was blunt: Trump will demand far more for the troops.",
        "Victor Cha",
    ),
    (
        "Victor Cha, a Korea expert at CSIS, had a warning: a Trump win would mean steep demands on troop costs.",
        "Victor Cha",
    ),
    (
        "Victor Cha, a Korea expert at CSIS, spoke on Monday. Cha's prediction: Trump will demand more for the troops.",
        "Victor Cha",
    ),
    ("The reason is simple: a second Trump term would mean steep demands on troop costs.", "author"),
    # "he said" after a sentence about a described person in the passive
    (
        'Victor Cha, a Korea expert at CSIS, was asked about the alliance. "A Trump win could strain it badly," he said.',
        "Victor Cha",
    ),
    # a quotation split around its reporting verb
    ('"A Trump win," said Victor Cha, a Korea expert at CSIS, "could strain the alliance."', "Victor Cha"),
    # a title of several words before the name is no part of it
    (
        "Professor Emeritus Moon Chung-in of Yonsei University said a Trump win could revive summit diplomacy.",
        "Moon Chung-in",
    ),
    # another country's ministry is not the subject's, whose generic name it shares
    (
        "China's Foreign Ministry said a Trump win could deepen U.S.-China rivalry.",
        "China's Foreign Ministry",
    ),
    (
        "Japan's Defense Ministry said a Trump win could strain trilateral cooperation.",
        "Japan's Defense Ministry",
    ),
    (
        "North Korea's Foreign Ministry said a Trump win could revive summit diplomacy.",
        "North Korea's Foreign Ministry",
    ),
    (
        "Korea's Foreign Ministry said a Trump win could strain the alliance.",
        "South Korean Ministry of Foreign Affairs",
    ),
    # no one described before the pronoun: the author's, as before
    ('Trade worries are growing. "If Trump wins, tariffs will rise," he said.', "author"),
    # a definite description for the person an earlier sentence gave that role, before the
    # name or in apposition after it; a role no one was given stays unnamed
    (
        'Former lawmaker Kim Jong-dae said the race was close.\n\n"If Trump wins, troop cuts are'
        ' likely," the former lawmaker said.',
        "Kim Jong-dae",
    ),
    (
        "Park Won-gon, a professor at Ewha Womans University, spoke on Monday. Troop cuts are likely"
        " if Trump wins, said the professor.",
        "Park Won-gon",
    ),
    (
        "Park Won-gon, a professor at Ewha Womans University, spoke on Monday. Troop cuts are likely"
        " if Trump wins, the official said.",
        "author",
    ),
    # the words after a role are no name unless capitalized as one
    (
        "Kim, who is a professor at Ewha Womans University, spoke on Monday. Troop cuts are likely"
        " if Trump wins, said the professor.",
        "author",
    ),
    # a pronoun after "according to" or in "in his view", for the person introduced
    # before, also as "X is a professor at …"
    (
        "Park Won-gon is a professor at Ewha Womans University. According to him, a Trump win could"
        " strain the alliance.",
        "Park Won-gon",
    ),
    (
        "Park Won-gon, a professor at Ewha Womans University, spoke on Monday.\n\nIn his view, a Trump"
        " win could strain the alliance.",
        "Park Won-gon",
    ),
    (
        'Park Won-gon is a professor at Ewha Womans University. "A Trump win could strain the alliance."',
        "Park Won-gon",
    ),
    # a pledge that comments on the condition is the candidate's, not the projection's source
    (
        "Trump spoke in Ohio on Monday. Korean battery makers could lose tax credits if Trump scraps"
        " the Inflation Reduction Act, as he has vowed to do.",
        "author",
    ),
    # (however it is parsed: with the full name the parser hangs "as he has vowed" on the
    # main verb)
    (
        "Trump spoke in Ohio on Monday. Korean battery and chip makers that built plants in the"
        " United States could lose tax credits worth billions of dollars if Donald Trump scraps the"
        " Inflation Reduction Act, as he has vowed to do.",
        "author",
    ),
]


@pytest.mark.parametrize(
    "second",
    [
        "The report estimated that a universal tariff could cut exports by 10 percent.",
        "If Trump wins, exports could fall by 10 percent, the report said.",
    ],
)
def test_the_report_speaks_for_the_author_named_with_it_before(extract, second):
    first = (
        "A Trump win could hurt Korean exporters, according to a report by the Korea International Trade"
        " Association."
    )
    statements = extract(f"{first} {second}", date="2024-09-01")
    assert [st.source for st in statements] == ["Korea International Trade Association"] * 2, [
        st.rules for st in statements
    ]


def test_the_report_with_no_author_named_before_is_the_authors(extract):
    (st,) = extract("If Trump wins, exports could fall by 10 percent, the report said.", date="2024-09-01")
    assert st.source == "author", st.rules


@pytest.mark.parametrize(("text", "source"), ATTRIBUTION_ACROSS)
def test_attribution_across_sentences_names_the_source(extract, text, source):
    statements = extract(text, date="2024-09-01")
    assert [st.source for st in statements] == [source], [st.rules for st in statements]


@pytest.mark.parametrize(("text", "source"), ATTRIBUTION_FORMS)
def test_ways_of_attributing_a_projection_name_its_source(extract, text, source):
    statements = extract("Victor Cha has studied Korea for decades. " + text, date="2024-09-01")
    assert [st.source for st in statements] == [source], [st.rules for st in statements]


# Reporting verbs, settings, appositives and unnamed attributions of news copy: a person
# introduced earlier is named in full, a body by its name, "analysts" is the author.
MORE_ATTRIBUTION_FORMS = [
    # belief in the negative or in fear is the subject's outlook
    (
        "Bruce Klingner of the Heritage Foundation doubts that a Harris administration would ease sanctions on the North.",
        "Bruce Klingner",
    ),
    ("Victor Cha worries that a Trump win could weaken the alliance.", "Victor Cha"),
    ("Victor Cha feared that a Trump win would reopen the cost-sharing deal.", "Victor Cha"),
    ("Cha told reporters that a Trump win could hurt Korean exporters.", "Victor Cha"),
    ("Cha told Yonhap News Agency that a Trump win could hurt Korean exporters.", "Victor Cha"),
    ("A Trump win could hurt Korean exporters, Cha told reporters.", "Victor Cha"),
    ("A Trump win could hurt Korean exporters, Cha noted.", "Victor Cha"),
    ("A Trump win, Cha warned, could hurt Korean exporters.", "Victor Cha"),
    ("Cha warned that a Trump win could hurt Korean exporters.", "Victor Cha"),
    ("Cha predicted a Trump win would hurt Korean exporters.", "Victor Cha"),
    ("Cha believes a Trump win could hurt Korean exporters.", "Victor Cha"),
    ("Cha's remarks suggested that a Trump win could hurt Korean exporters.", "Victor Cha"),
    ("Cha expects a Trump win to hurt Korean exporters.", "Victor Cha"),
    ("Park, for his part, said a Trump win could hurt Korean exporters.", "Park Won-gon"),
    (
        "Park Won-gon, a professor at Ewha Womans University, said a Trump win could hurt Korean exporters.",
        "Park Won-gon",
    ),
    ('"A Trump win could hurt Korean exporters," Park said in an interview.', "Park Won-gon"),
    ('"A Trump win could hurt Korean exporters," said Park, who teaches at Ewha.', "Park Won-gon"),
    (
        "In an interview with The Korea Herald, Park said a Trump win could hurt Korean exporters.",
        "Park Won-gon",
    ),
    ("Speaking at a seminar, Park said a Trump win could hurt Korean exporters.", "Park Won-gon"),
    ("The Bank of Korea said a Trump win could hurt Korean exporters.", "Bank of Korea"),
    (
        "The Korea Development Institute warned that a Trump win could hurt Korean exporters.",
        "Korea Development Institute",
    ),
    (
        "A report by the Hyundai Research Institute said a Trump win could hurt Korean exporters.",
        "Hyundai Research Institute",
    ),
    ("Analysts said a Trump win could hurt Korean exporters.", "author"),
    ("Many experts believe a Trump win could hurt Korean exporters.", "author"),
    ("Some observers warn that a Trump win could hurt Korean exporters.", "author"),
    ("Officials here fear a Trump win could hurt Korean exporters.", "author"),
    ("It is widely expected that a Trump win could hurt Korean exporters.", "author"),
    ("A Trump win could hurt Korean exporters, analysts say.", "author"),
    ("Industry insiders say a Trump win could hurt Korean exporters.", "author"),
    ("According to Park, a Trump win could hurt Korean exporters.", "Park Won-gon"),
    ("Park's view is that a Trump win could hurt Korean exporters.", "Park Won-gon"),
    ("Cha, who served in the Bush White House, said a Trump win could hurt Korean exporters.", "Victor Cha"),
    ("Asked about the election, Cha said a Trump win could hurt Korean exporters.", "Victor Cha"),
    ("Cha, however, said a Trump win could hurt Korean exporters.", "Victor Cha"),
]


def test_a_candidates_remarks_spoken_through_a_gerund_are_stance(extract):
    """ "His comments amount to … saying he would …": the possessor of the speech noun
    speaks through the gerund, and a candidate's own words project nothing."""
    text = (
        "Under Biden, the alliance could be restored. Biden has said little on Pyongyang. His comments so far "
        "amount to calling Kim a thug and saying he would sit down with Kim only if Pyongyang first agreed "
        "to scale back its arsenal."
    )
    assert [st.sentence[:5] for st in extract(text, date="2020-09-01")] == ["Under"]


# A bare quotation after a sentence about a named person who says nothing there ("X was
# blunt.") is that person's; not after a country or body acting, nor an undescribed name.
INTRODUCED_BEFORE_A_QUOTE = [
    ('Victor Cha, a Korea expert at CSIS, was blunt. "Trump will pull troops out."', "Victor Cha"),
    ('Professor Kim Sung-han was more cautious. "Trump could pull troops out."', "Kim Sung-han"),
    (
        'Park Won-gon teaches at Ewha Womans University. Park sees it differently. "Trump could pull troops out."',
        "Park Won-gon",
    ),
    ('North Korea tested a missile on Monday. "Trump could pull troops out."', "author"),
    ('Beijing was watching closely. "Trump could pull troops out."', "author"),
]


@pytest.mark.parametrize(("text", "source"), INTRODUCED_BEFORE_A_QUOTE)
def test_a_bare_quote_is_the_person_the_sentence_before_introduces(extract, text, source):
    statements = extract(text, date="2024-09-01")
    assert [st.source for st in statements] == [source], [st.rules for st in statements]


def test_a_characterization_is_its_speakers_words(extract):
    # "…, calling it X": a speech act; the candidate's own words are stance (convention 4)
    own = (
        "Former President Donald Trump tore into the CHIPS Act in a podcast interview, calling it a"
        " terrible bargain that handed billions to companies that would not bring their best"
        " technology to America."
    )
    assert extract(own) == []
    (st,) = extract(
        "Victor Cha criticized Trump's tariff plan, calling it a move that would hurt Korean exporters if Trump wins."
    )
    assert st.source == "Victor Cha", st.rules


def test_an_owners_possessive_before_a_persons_name_is_no_part_of_it(extract):
    (st,) = extract("Ewha's Park Won-gon predicted that Trump would demand more money from Seoul.")
    assert st.source == "Park Won-gon", st.rules


@pytest.mark.parametrize(("text", "source"), MORE_ATTRIBUTION_FORMS)
def test_reporting_verbs_settings_and_unnamed_attributions_name_the_right_source(extract, text, source):
    earlier = "Victor Cha has studied Korea for decades. Park Won-gon teaches at Ewha Womans University. "
    statements = extract(earlier + text, date="2024-09-01")
    assert [st.source for st in statements] == [source], [st.rules for st in statements]


@pytest.mark.parametrize(
    ("text", "domains"),
    [
        # where it was said is not what it is about
        ("Lee said at a forum in Beijing that a Trump win could hurt Korean exporters.", ("trade",)),
        (
            "Cho said at the Foreign Affairs and Unification Committee's audit that a Trump win could"
            " hurt Korean exporters.",
            ("trade",),
        ),
        # ... but what a report says is
        (
            "KITA said in a report that Trump's tariffs on Chinese goods could hurt Korean exporters.",
            ("trade", "china"),
        ),
    ],
)
def test_the_setting_of_a_speech_names_no_domain(extract, text, domains):
    (st,) = extract(text, date="2024-09-01")
    assert set(st.domains) == set(domains), st.rules


@pytest.mark.parametrize(
    ("text", "sign"),
    [
        ("If Trump wins, uncertainty over the alliance could deepen.", "-"),
        ("If Trump wins, the cost of stationing U.S. troops could rise.", "-"),
        ("If Harris wins, the threat of tariffs would recede.", "+"),
    ],
)
def test_an_intransitive_effect_reads_the_head_of_its_subject_not_its_modifier(extract, text, sign):
    """ "uncertainty over the alliance could deepen": what deepens is the uncertainty."""
    (st,) = extract(text, date="2024-09-01")
    assert any(r.startswith(f"effect:{sign}:") for r in st.rules), st.rules
    assert not any(r.startswith("effect:") and not r.startswith(f"effect:{sign}:") for r in st.rules), (
        st.rules
    )


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("If Trump wins, Europe could face higher tariffs.", False),
        ("If Trump wins, Japan may have to pay more for U.S. troops stationed there.", False),
        ("If Trump wins, U.S. inflation could rise.", False),
        # the subject's own, or a third party beside it
        ("If Trump wins, Korea may have to pay more for U.S. troops stationed there.", True),
        ("If Trump wins, Japan and South Korea may have to pay more for U.S. troops.", True),
        ("If Trump wins, Japan could go nuclear, and Seoul could follow.", True),
    ],
)
def test_a_consequence_for_a_third_country_is_not_the_subjects(extract, text, found):
    """Lens `third_parties`: what happens to another country, in a sentence naming
    nothing of South Korea's, is not a scenario for Seoul."""
    assert bool(extract(text, date="2024-09-01")) is found


@pytest.mark.parametrize(
    ("text", "domain"),
    [
        ("If Trump wins, he could pressure North Korea to give up its nuclear weapons.", "nk_diplomacy"),
        (
            "If Trump wins, Kim could agree to freeze his nuclear program for sanctions relief.",
            "nk_diplomacy",
        ),
        ("If Trump wins, North Korea could test more nuclear weapons.", "nk_threat"),
        ("If Trump wins, Pyongyang may expand its nuclear arsenal.", "nk_threat"),
    ],
)
def test_weapons_negotiated_away_are_diplomacy_and_weapons_built_a_threat(extract, text, domain):
    (st,) = extract(text, date="2024-09-01")
    assert st.domains == (domain,), st.rules


@pytest.mark.parametrize(
    ("text", "domains"),
    [
        # "trades X for Y" is a bargain, not commerce
        (
            "If Trump wins, that could open the way to a limited deal that trades partial sanctions relief"
            " for the dismantling of the Yongbyon nuclear complex.",
            ("nk_diplomacy",),
        ),
        ("If Trump wins, Korean trade surpluses could draw fire.", ("trade",)),
        (
            "If Trump wins, Seoul could strain its ties with China, its largest trading partner.",
            ("china", "trade"),
        ),
    ],
)
def test_trade_is_commerce_not_a_bargain(extract, text, domains):
    (st,) = extract(text, date="2024-09-01")
    assert st.domains == domains, st.rules


# An outcome phrase that tells what happened under a president ("which withered under
# Trump") is no condition: the sentence's own condition stands. One that tells what would
# happen ("would be sidelined under Trump") still is.
PAST_UNDER = [
    ("If Biden wins, trilateral coordination, which withered under Trump, is likely to return.", "biden"),
    ("If Biden wins, the alliance, which was strained under Trump, would likely recover.", "biden"),
    ("If Biden wins, cost-sharing talks that stalled under Trump could be wrapped up quickly.", "biden"),
    ("If Biden wins, the alliance would likely fare better than it did under Trump.", "biden"),
    ("South Korea would likely be sidelined under Trump.", "trump"),
    ("The alliance, which would be tested under Trump, could weaken.", "trump"),
]


@pytest.mark.parametrize(("text", "outcome"), PAST_UNDER)
def test_what_happened_under_a_president_is_no_condition(extract, text, outcome):
    assert [st.condition for st in extract(text, date="2020-10-01")] == [outcome]


def test_a_candidate_named_for_a_past_deed_is_not_the_condition(extract):
    # "Trump largely bypassed" tells what he did; the anaphor's outcome stands
    text = (
        "If Biden wins, the nuclear talks would resume. That would mean a return to patient negotiation"
        " with Pyongyang, the kind of diplomacy Trump largely bypassed."
    )
    statements = extract(text, date="2020-10-01")
    assert [st.condition for st in statements] == ["biden", "biden"], [st.rules for st in statements]
    # a reporting verb is not a deed: "Trump said he would …" is his
    (st,) = extract("Trump said he would pull troops out. That could weaken deterrence.", date="2024-09-01")
    assert st.condition == "trump"


@pytest.mark.parametrize(
    "text",
    [
        "A Harris win is widely seen as a boon for Korean battery makers.",
        "If Harris wins, analysts see it as a boon for Korean battery makers.",
        "Harris win seen as boon for Korean battery makers",  # a headline, articles dropped
    ],
)
def test_an_outcome_seen_as_something_is_a_likely_assessment(extract, text):
    """The passive of "experts see a Harris win as a boon" (and "see it as" of the outcome
    just named) assesses what the outcome brings: likely, its event counting for direction."""
    (st,) = extract(text + "\n\nSEOUL -- The vote is on Nov. 5.", date="2024-09-01")
    assert (st.condition, st.likelihood, st.direction) == ("harris", "likely", "+"), st.rules


def test_something_else_seen_as_something_is_no_projection(extract):
    """Without an outcome phrase of its own the sentence reports an attitude."""
    assert extract("North Korea is seen as a threat to the alliance.", date="2024-09-01") == []


@pytest.mark.parametrize(
    "opening",
    [
        "What a Trump return would mean for Seoul",  # a headline asking what it means
        "Seoul should prepare now for a Trump win.",  # advice
        "Seoul is bracing for the prospect of Trump winning.",  # the outcome as a gerund
        "Officials are preparing for the possibility of Donald Trump returning to the White House.",
    ],
)
def test_an_outcome_named_in_what_is_no_projection_frames_what_follows(extract, opening):
    """The sentence projects nothing itself, but the outcome it names is the one the
    next projection depends on (convention 8: the outcome the article is about)."""
    text = f"{opening}\n\nTariffs on Korean cars could rise sharply."
    statements = extract(text, date="2024-09-01")
    assert [(st.sentence, st.condition) for st in statements] == [
        ("Tariffs on Korean cars could rise sharply.", "trump")
    ]


def test_an_outcome_told_as_past_frames_nothing(extract):
    text = "When Trump was president, he demanded more money.\n\nTariffs on Korean cars could rise sharply."
    assert extract(text, date="2024-09-01") == []


def test_here_to_stay_asserts_under_an_outcome_phrase_only(extract):
    """ "are here to stay" is the present asserting what remains: a projection where the
    sentence names an outcome ("whoever wins"), a report of the present elsewhere."""
    (st,) = extract("Whoever wins, export controls on China are here to stay.", date="2024-09-01")
    assert (st.condition, st.likelihood) == ("any", "very_likely")
    assert extract("Export controls on China are here to stay.", date="2024-09-01") == []


@pytest.mark.parametrize(
    ("text", "sources"),
    [
        # "the professor" is the person described as one before (convention 11)
        (
            "Kim Sung-han, a professor at Korea University, said a Trump victory would strain the alliance."
            "\n\nThe professor added that a second Trump administration could demand far more money for U.S. troops.",
            ["Kim Sung-han", "Kim Sung-han"],
        ),
        # the latest person so described, a former minister as well
        (
            "Lee Min-ji, an economist at Hana Securities, expects exports to slow if Trump wins."
            "\n\nPark Jae-won, an economist at Samsung Securities, said tariffs would rise under Trump."
            "\n\nThe former minister did not comment. The economist also said the won could weaken under a Trump"
            " presidency.",
            ["Lee Min-ji", "Park Jae-won", "Park Jae-won"],
        ),
        # a title before the name describes the person too ("Unification Minister Kim Yung-ho")
        (
            "Unification Minister Kim Yung-ho said inter-Korean talks would stay frozen if Trump wins."
            "\n\nThe minister added that a Harris administration would keep sanctions on Pyongyang.",
            ["Kim Yung-ho", "Kim Yung-ho"],
        ),
        # a body named by its kind is who "the institute" or "the association" is next
        (
            "The Korea Institute for International Economic Policy said a Trump win could cut Korean"
            " exports.\n\nThe institute added that tariffs on Korean cars would likely rise under Trump.",
            ["Korea Institute for International Economic Policy"] * 2,
        ),
        # "she said" right after a person is introduced is that person, not the last speaker
        (
            '"A Trump win would hurt the alliance," said Kim Min-jun, a political science student.'
            "\n\nLee Ha-eun, a graduate student in international trade, was more concerned about the"
            ' economy.\n\n"If Trump gets re-elected, tariffs on Korean cars will rise," she said.',
            ["Kim Min-jun", "Lee Ha-eun"],
        ),
        # descriptions of writers and scholars are titles too ("the historian", "the columnist")
        (
            "Park Ji-won, a historian at Seoul National University, said a Trump win could weaken the"
            " alliance.\n\nThe historian added that tariffs could hurt Korean exporters under Trump.",
            ["Park Ji-won", "Park Ji-won"],
        ),
        # no one described so: the author's (an unnamed official), and "the government" its own
        (
            "Kim Sung-han, a professor at Korea University, said a Trump victory would strain the alliance."
            "\n\nThe official said tariffs would rise under Trump. The government believes the Camp David"
            " framework will be maintained under Harris.",
            ["Kim Sung-han", "author", "South Korean government"],
        ),
    ],
)
def test_a_definite_title_refers_to_the_person_last_described_with_it(extract, text, sources):
    statements = extract(text, date="2024-10-01")
    assert [st.source for st in statements] == sources, [st.rules for st in statements]


@pytest.mark.parametrize(
    ("text", "source"),
    [
        # a description as the subject, the name in apposition to it: the named person's
        (
            '"A Trump victory would mean a universal tariff," Hyundai\'s top strategy officer, Kim Dong-wook,'
            " said in a phone interview.",
            "Kim Dong-wook",
        ),
        ("The institute's president, Lee Sang-hyun, said tariffs would rise if Trump wins.", "Lee Sang-hyun"),
        # a person described after the name is the same person, as before
        ("Lee Sang-hyun, the institute's president, said tariffs would rise if Trump wins.", "Lee Sang-hyun"),
    ],
)
def test_a_description_with_the_name_in_apposition_is_the_named_persons(extract, text, source):
    statements = extract(text, date="2024-10-01")
    assert [st.source for st in statements] == [source], [st.rules for st in statements]


def test_what_an_outcome_of_two_candidates_means_is_an_explainers_headline_not_a_projection(extract):
    title = "What a Harris or Trump White House means for Korea's chipmakers"
    statements = extract(
        f"{title}\n\nExporters fear tariffs on chips and cars.", date="2024-10-01", title=title
    )
    assert statements == [], [st.rules for st in statements]


@pytest.mark.parametrize(
    ("text", "source"),
    [
        # a title with a complement of its own before the name (not "of State Kurt Campbell")
        (
            "Deputy Secretary of State Kurt Campbell said the alliance would remain strong whoever wins.",
            "Kurt Campbell",
        ),
        (
            "Minister of Foreign Affairs Cho Tae-yul said the alliance would remain strong whoever wins.",
            "Cho Tae-yul",
        ),
        (
            "Secretary of Defense Lloyd J. Austin said the alliance would remain strong whoever wins.",
            "Lloyd J. Austin",
        ),
        # a name the parser took for the modifier of its description: still the speaker
        (
            "Shin Won-sik, national security adviser to President Yoon Suk Yeol, said the alliance would"
            " remain strong whoever wins.",
            "Shin Won-sik",
        ),
        # unnamed people before a comma stay the author's
        (
            "Senior Korean diplomats, speaking privately, said the alliance would remain strong whoever wins.",
            "author",
        ),
        # a body's name keeps its inner "for"
        (
            "The Korea Institute for National Unification said the alliance would remain strong whoever wins.",
            "Korea Institute for National Unification",
        ),
        # "he said" after a sentence about a person described by an affiliation
        (
            'Victor Cha of CSIS was blunt.\n\n"A Trump win would bring higher cost-sharing demands," he said.',
            "Victor Cha",
        ),
    ],
)
def test_a_speakers_title_and_affiliation_are_read_around_the_name(extract, text, source):
    statements = extract(text, date="2024-10-01")
    assert [st.source for st in statements] == [source], [st.rules for st in statements]


@pytest.mark.parametrize(
    ("text", "sign"),
    [
        # a comparative after a copula is a degree of the state, not more of the theme
        ("If Trump wins, the cost-sharing negotiations would become far more contentious.", "-"),
        ("If Trump wins, the talks with Pyongyang would grow more complicated.", "-"),
        # "less" before a judgement turns it, as "little" does
        ("If Trump wins, the alliance would become less predictable.", "-"),
        ("If Harris wins, the alliance would become more predictable.", "+"),
    ],
)
def test_a_comparative_after_a_copula_is_the_degree_of_a_state(extract, text, sign):
    (st,) = extract(text, date="2024-09-01")
    assert st.direction == sign, st.rules


@pytest.mark.parametrize(
    ("heading", "outcome"),
    [
        ("Scenario 1: Trump returns", "trump"),
        ("Scenario two: Harris wins", "harris"),
        ("Harris wins: what it would mean for Seoul", "harris"),
        ("The Trump scenario", "trump"),
        # another contest's result is news, not a hypothesis about this election
        ("Trump wins Iowa caucuses", None),
    ],
)
def test_a_heading_that_names_an_outcome_frames_the_section_under_it(extract, heading, outcome):
    """Before the vote, a heading's present tense names a hypothesis ("Scenario 1: Trump
    returns"), as "If Trump returns" would; the section's projections are under it."""
    text = (
        f"Three scenarios for Seoul\n\n{heading}\n\n"
        "In this scenario, Washington would demand a steep rise in Seoul's share of the cost of U.S. troops."
    )
    assert [s.condition for s in extract(text, date="2024-10-20")] == ([outcome] if outcome else [])


def test_a_sections_outcome_holds_over_its_paragraphs_until_the_next_heading(extract):
    """A scenario brief sets each outcome once, in its heading: every paragraph of the
    section is under it ("The new administration would …" too, which in an article about
    both candidates is otherwise either's), and the next heading ends it."""
    text = (
        "How the U.S. Election Could Reshape the Korean Peninsula\n\n"
        "We sketch two scenarios for Seoul.\n\n"
        "Scenario 1: Trump returns\n\n"
        "The new administration would likely reopen the cost-sharing agreement within months.\n\n"
        "Tariffs on Korean steel and cars are likely to rise.\n\n"
        "Scenario 2: Harris wins\n\n"
        "The new administration would likely keep the cost-sharing deal intact.\n\n"
        "Talks with Pyongyang are unlikely to resume soon.\n\n"
        "What to watch\n\n"
        "The new administration will likely review the cost-sharing deal."
    )
    found = [(s.sentence.split()[0], s.condition) for s in extract(text, date="2024-09-15")]
    assert found == [
        ("The", "trump"),
        ("Tariffs", "trump"),
        ("The", "harris"),
        ("Talks", "harris"),
        ("The", "any"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "If Harris wins, talks with the North are unlikely to resume.",
        "If Harris wins, dialogue with the North is unlikely to resume soon.",
        "If Trump wins, diplomacy with the North could resume.",
        "If Harris wins, talks with the DPRK are unlikely to resume.",
    ],
)
def test_the_north_is_north_korea_in_every_domain_term(extract, text):
    """Korean and wire English write "the North" for North Korea, think tanks "the
    DPRK": the lens's spellings apply them to every domain term naming North Korea, as
    they do "N. Korea"."""
    assert [s.domains for s in extract(text)] == [("nk_diplomacy",)]


@pytest.mark.parametrize(
    ("text", "domain"),
    [
        ("If Trump wins, the newly signed defense-cost deal may be torn up.", "cost_sharing"),
        ("If Trump wins, the special-measures agreement could be reopened.", "cost_sharing"),
    ],
)
def test_a_hyphen_joins_the_words_of_a_domain_term_as_a_space_does(extract, text, domain):
    """ "defense costs" and "special measures agreement" in the lens also match the
    compounds as they are written, "defense-cost", "special-measures agreement"."""
    assert [domain in s.domains for s in extract(text)] == [True]


def test_the_spokesperson_named_later_is_still_the_body_s(extract):
    """ "The spokesperson added that …" goes on with the body a spokesperson spoke for
    in the sentence before."""
    text = (
        "A Foreign Ministry spokesperson said on Monday that Seoul is watching the race closely. "
        "The spokesperson added that a Harris administration would likely keep the alliance on course."
    )
    (st,) = extract(text, date="2024-09-01")
    assert st.source == "South Korean Ministry of Foreign Affairs", st.rules


def test_demand_for_korean_goods_is_a_market_not_a_demand_on_seoul(extract):
    """ "Demand for Korean tanks" is buyers' demand, favourable, where "Trump's demands"
    are pressure on Seoul."""
    (st,) = extract("If Trump wins, demand for Korean howitzers could grow.", date="2024-09-01")
    assert "impact:+:demand for korean howitzers" in st.rules
    assert not any(r.startswith("impact:-:demand") for r in st.rules), st.rules


@pytest.mark.parametrize(
    ("text", "condition"),
    [
        ("Depending on who wins, the alliance could change course.", "any"),
        ("Depending on the election's outcome, the alliance could change course.", "any"),
        # an outcome not named as the election's may be the summits' own: the paragraph's
        ("Summits could either stabilize or destabilize the alliance, depending on the outcome.", "trump"),
    ],
)
def test_depending_on_who_wins_is_whoever_wins(extract, text, condition):
    statements = extract("If Trump wins, tariffs could rise. " + text, date="2024-09-01")
    assert [st.condition for st in statements if st.sentence == text] == [condition], statements


@pytest.mark.parametrize(
    ("text", "date", "condition"),
    [
        ("If Trump loses, Harris would keep the alliance strong.", "2024-09-01", "harris"),
        ("Should Trump lose, Seoul would face fewer tariffs.", "2024-09-01", "harris"),
        ("A Trump defeat would likely keep the alliance on course.", "2024-09-01", "harris"),
        ("If Harris loses, tariffs on Korean cars could rise.", "2024-09-01", "trump"),
        # the one other candidate running on the article's date
        ("If Trump loses, tariffs on Korean cars would likely stay low.", "2024-05-01", "biden"),
        ("If Trump loses, tariffs on Korean cars would likely stay low.", "2020-09-01", "biden"),
        ("If Clinton loses, Washington would likely pull troops out of Korea.", "2016-09-01", "trump"),
    ],
)
def test_a_candidates_defeat_is_the_other_candidates_outcome(extract, text, date, condition):
    (st,) = extract(text, date=date)
    assert st.condition == condition, st.rules
