"""Names in English attribution: a speaker's proper name out of its phrase, a candidate
named by an alias or through their campaign, and a body owned by another country than the
subject (attribution.py's `who` reads them)."""

from __future__ import annotations

import re
from collections.abc import Callable

from scenariodesk.discourse import Context
from scenariodesk.lens import Lens

_HIS_CAMPAIGN = re.compile(
    r"^(?:his|her|(?P<owner>(?:[\w.-]+\s+){0,2}[\w.-]+)['’]s)\s+campaign\b", re.IGNORECASE
)


def campaign_of(phrase: str, sentence: Callable[[], str], lens: Lens, ctx: Context) -> str | None:
    """The lens actor of a candidate's campaign (website, team …): "Trump's campaign",
    or "his/her campaign" of the one candidate the sentence names, else of the candidate
    in view ("Trump would impose tariffs, his campaign said" is the Trump campaign's: a
    stance, convention 4). `sentence` gives the sentence's text, read only for "his/her
    campaign" (a parse's text is joined anew each time it is asked for)."""
    m = _HIS_CAMPAIGN.match(phrase)
    if not m:
        return None
    if m.group("owner"):
        named = {o for o, _ in lens.candidate_names.finditer(m.group("owner")) if o != "pronoun"}
    else:
        named = {o for o, _ in lens.candidate_names.finditer(sentence()) if o != "pronoun"}
        if not named and ctx.last_candidate:
            named = {ctx.last_candidate}
    if len(named) != 1:
        return None
    (outcome,) = named
    candidate = next((o.candidate for o in lens.model.outcomes if o.id == outcome), "")
    return lens.actor_aliases.get(f"{candidate.split()[-1]} campaign".lower()) if candidate else None


def owned_elsewhere(owner: str, actor: str, lens: Lens) -> bool:
    """Whether an owner before a body's name ("China's " in "China's Foreign Ministry")
    names another country than the subject, whose own body `actor` is: one of its
    adversaries or the lens's third parties ("Pyongyang's", "Japan's"). The generic name
    is then that country's body; any other owner ("Seoul's", "the country's", "Yoon's")
    leaves it the subject's."""
    if actor not in lens.own_side_actors:
        return False
    name = re.sub(r"['’]s\s*$", "", owner.strip())
    adversary = lens.direction_step.vocab.adversary
    return (
        any(w in adversary for w in name.lower().split()) or lens.third_parties[0].fullmatch(name) is not None
    )


def candidate_named(text: str, lens: Lens, ctx: Context) -> str | None:
    """The candidate a whole subject phrase names by one of the cycle's aliases ("the
    former president", "the Republican nominee"), as the lens's candidate name; not
    where someone else was the person last named (a Korean article's "the former
    president" can be Moon Jae-in, named the sentence before)."""
    for outcome, m in lens.candidate_names_for(ctx.cycle, ctx.allowed).finditer(text):
        whole = m.start() == 0 and m.end() == len(text.rstrip(",. "))
        if whole and outcome != "pronoun" and (ctx.allowed is None or outcome in ctx.allowed):
            name = next((o.candidate for o in lens.model.outcomes if o.id == outcome and o.candidate), None)
            return name if ctx.last_person in (None, f"candidate:{outcome}", name) else None
    return None


def proper_name(text: str, lens: Lens) -> str | None:
    """The trailing run of capitalized words that are not titles ("CSIS President and CEO
    John Hamre" -> "John Hamre"; "Korea Institute for National Unification" keeps its
    "for"; an initial its period), or None for a common noun phrase ("some experts")."""
    words = text.replace(" - ", "-").replace(" -", "-").replace("- ", "-").split()
    run: list[str] = []
    for i in range(len(words) - 1, -1, -1):
        clean = words[i].strip(",;:'\"’")
        if not _INITIALS.match(clean):  # a middle initial keeps its period: "Bruce W. Bennett"
            clean = clean.strip(".")
        inner = clean.lower() in ("of", "for", "on") and run and i > 0 and words[i - 1][:1].isupper()
        titled = clean.lower() in lens.titles or f"{clean.lower()}." in lens.titles  # "Gen." read as "Gen"
        if not inner and (not clean or not clean[0].isupper() or titled):
            break
        run.insert(0, clean)
    while run and run[0].lower() == "the":
        run.pop(0)
    if run and run[0].lower() in ("of", "for", "on") and len(run) > 3:
        # a title's own complement before the name ("Secretary of State Kurt Campbell",
        # "Minister of Foreign Affairs Cho Tae-yul"): the name is its last words
        run = run[-3:] if _INITIALS.match(run[-2]) else run[-2:]
    return " ".join(run) or None


_INITIALS = re.compile(r"^(?:[A-Z]\.)+$")
