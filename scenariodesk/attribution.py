"""Who makes a projection: the subject of the reporting verb that governs the cue,
"according to ...", a pronoun resolved to the last person named, an alias to its actor,
a surname completed from the full name given earlier; and whether a "will" is the
subject country's own plan rather than a projection."""

from __future__ import annotations

import itertools
import re

from scenariodesk.discourse import Context
from scenariodesk.lens import Lens
from scenariodesk.models import AUTHOR
from scenariodesk.names import campaign_of, candidate_named, owned_elsewhere, proper_name
from scenariodesk.nlp import lemma_forms
from scenariodesk.sentences import Sentence, inside

_APPOSITIVE_BEFORE = re.compile(r",[^,]*,$")


_RAISING = frozenset({"go", "be", "set"})  # "is going to face": the event is the verb they take
_SPEAKERS_OWN = re.compile(
    r"(we|i|(his|her|its|our|my) (government|administration|ministry|office))", re.IGNORECASE
)


def own_plan(s: Sentence, cue_start: int, lens: Lens, speaker: str = "") -> bool:
    """Is the subject of the cue's verb the subject country's own government? Also when a
    speaker who is (`own_side_actors`) says "we" or "his government" ("Whoever wins, we
    will deepen our alliance," the presidential office said), or a government body "it"
    ("the Foreign Ministry said it would work closely with the new administration")."""
    doc = s.parsed
    if doc is None:
        return False
    cue_tokens = [t for t in doc if t.idx == cue_start]
    if not cue_tokens:
        return False
    verb = event = cue_tokens[0].head
    while lemma_forms(event.text) & _RAISING and (
        x := next((c for c in event.children if c.dep_ == "xcomp"), None)
    ):
        event = x
    if lemma_forms(event.text) & lens.undergo_verbs:
        return False  # "Seoul will come under pressure", "will face": what happens to it
    for child in verb.children:
        if child.dep_ == "nsubj":
            if any(c.dep_ == "conj" for c in child.children):
                return False  # "Seoul and Tokyo would deepen …": no plan of Seoul's alone
            subject = chunk(child).text
            if speaker in lens.own_side_actors and _SPEAKERS_OWN.fullmatch(subject):
                return True
            if speaker in lens.own_side_bodies and subject.lower() == "it":
                return True  # "the Foreign Ministry said it would work closely with …"
            return subject.lower() in lens.own_side or _speaks_for_subject(subject, lens)
    if any(c.dep_ == "nsubjpass" for c in verb.children):
        return False
    # No subject in the parse (spaCy reads "Moon Jae-in" as "Moon Jae" + the preposition
    # "in"): the words just before the cue, past an appositive between commas, name it.
    before = _APPOSITIVE_BEFORE.sub("", s.folded[:cue_start].rstrip())
    starts = (m.start() for m in re.finditer(r"\b\w", before))
    return any((m := lens.own_side_terms.match(before, i)) and m.end() == len(before) for i in starts)


def _speaks_for_subject(phrase: str, lens: Lens) -> bool:
    """A lens actor of the subject country's government or leadership, titles aside
    ("President Moon Jae-in will press hard for …" is Seoul's own plan)."""
    if lens.actor_aliases.get(phrase.lower()) in lens.own_side_actors:
        return True  # an alias with its title ("President Yoon")
    words = phrase.split()
    while words and words[0].lower() in lens.titles:
        words = words[1:]
    return lens.actor_aliases.get(" ".join(words).lower()) in lens.own_side_actors


# ---------------------------------------------------------------------- attribution
def reporting_subject(tok, lens: Lens):  # type: ignore[no-untyped-def]
    """The subject of a reporting verb: its own, or for "X said ... and added" and
    "He went further, saying ..." the subject of the verb it hangs from."""
    if not (tok.tag_.startswith("VB") and lens.reporting.regex.fullmatch(tok.text)):
        return None
    if tok.dep_ in ("dobj", "pobj", "attr") or any(c.dep_ in ("det", "amod", "poss") for c in tok.children):
        return None  # a noun however tagged: "Seoul would have little say in the talks"
    agents = [o for a in tok.children if a.dep_ == "agent" for o in a.children if o.dep_ == "pobj"]
    if any(c.dep_ == "auxpass" for c in tok.children):
        # "Harris is expected to …" reports no one's words; "lawmakers were told by the
        # NIS that …" the agent's
        return agents[0] if agents else None
    # (not a noun of the quotation the verb closes, which the parser can make its subject:
    # '"European capitals … will likely keep buying," said Seo Jae-wook'; nor a verb, the
    # head of a clause before it: "The SMA runs until 2018, and …, Kim Min-soo … told")
    subjects = [
        t
        for t in tok.children
        if t.dep_ == "nsubj" and not t.tag_.startswith("VB") and not _quoted_before(t, tok)
    ]
    names = [t for t in subjects if t.tag_ in ("NNP", "NNPS") and t.i < tok.i]
    if len(subjects) > 1 and names:  # several ("Should Trump win re-election, …, Kim … told"):
        subjects = [max(names, key=lambda t: t.i)]  # the name nearest before it speaks
    subjects = subjects or _trailing_speaker(tok)
    inverted = _inverted_subject(tok)
    if inverted is not None and (
        not subjects or inverted in subjects or any(c.dep_ == "mark" for c in tok.children)
    ):
        # "…, warned Kim Hyun-wook, a professor …": the name after a comma-led verb, also
        # where the parser hung the verb under "if" ("if [Trump wins] warned Kim") or gave
        # it a second subject before it ("Should Trump win re-election, …, said Kim")
        return inverted
    inherits = tok.dep_ == "conj" or (tok.dep_ == "advcl" and tok.tag_ == "VBG")  # "..., saying"
    if not subjects and inherits and tok.head is not tok:
        subjects = [t for t in tok.head.children if t.dep_ == "nsubj"]
    if not subjects and tok.tag_ == "VBG":
        # a gerund the sentence's subject speaks through: "His comments amount to calling
        # Kim a thug and saying he would …"
        up = next((a for a in tok.ancestors if a.dep_ not in ("conj", "pcomp", "prep")), None)
        subjects = [t for t in up.children if t.dep_ == "nsubj"] if up is not None else []
    if not subjects:
        return None
    return document_owner(subjects[0], lens) or _speech_owner(subjects[0], lens) or subjects[0]


def _speech_owner(noun, lens: Lens):  # type: ignore[no-untyped-def]
    """The possessor of a speech noun that speaks ("Cha's remarks suggested that …",
    lens `speech_nouns`), or None."""
    if noun.lower_ not in lens.speech_nouns:
        return None
    return next((c for c in noun.children if c.dep_ == "poss"), None)


def document_owner(noun, lens: Lens):  # type: ignore[no-untyped-def]
    """The author of a document that speaks ("A KIEP report said …", "the NIS's
    assessment", "according to a report by KITA"), or the body a spokesperson speaks for
    ("a Foreign Ministry spokesperson", "a spokesperson for the ministry"), or None."""
    if noun.tag_ not in ("NN", "NNS") or noun.lower_ not in lens.document_nouns:
        return None
    owner = [c for c in noun.children if c.dep_ in ("poss", "compound") and c.tag_ in ("NNP", "NNPS")]
    # "a report by KITA", "a study from KITA", "a report released Tuesday by KITA"; a
    # spokesperson "for" or "of" the body (a report "for" Congress is not Congress's)
    preps = ("by", "from", "for", "of") if noun.lower_ in lens.spokesperson_nouns else ("by", "from")
    heads = [noun, *(c for c in noun.children if c.dep_ == "acl")]
    by = [
        o
        for h in heads
        for p in h.children
        if (p.dep_ == "prep" and p.lower_ in preps) or (p.dep_ == "agent" and p.lower_ == "by")
        for o in p.children
    ]
    return (owner or [o for o in by if o.dep_ == "pobj"] or [None])[-1]


def _frame_speaker(tok, lens: Lens):  # type: ignore[no-untyped-def]
    """The speaker of a framing phrase: "in Cha's view", "in the view of Victor Cha" (a
    speech noun after "in", its possessor or its "of"), "as Cha put it" (the subject of
    "put it" after "as")."""
    if tok.lower_ in lens.speech_nouns and tok.dep_ == "pobj" and tok.head.lower_ == "in":
        # a name ("In his statement, Cha said …" leaves the speaker to the verb)
        owners = [c for c in tok.children if c.dep_ == "poss"]
        owners += [o for p in tok.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children]
        # ... or a pronoun for the person named before ("In his view, …")
        return next((c for c in owners if c.tag_ in ("NNP", "NNPS") or c.lower_ in ("his", "her")), None)
    if tok.lower_ not in ("put", "puts"):
        return None
    marks = {(c.dep_, c.lower_) for c in tok.children}
    if ("dobj", "it") in marks:
        # "as Cha put it", or "Cha put it bluntly: …" (a colon after the phrase)
        after = next((t for t in tok.doc[tok.i + 1 :] if t.dep_ not in ("dobj", "advmod")), None)
        if ("mark", "as") in marks or (after is not None and after.text == ":"):
            return next((c for c in tok.children if c.dep_ == "nsubj"), None)
    return None


def _speech_holder(tok, child, lens: Lens):  # type: ignore[no-untyped-def]
    """The possessor of a noun that reports speech or thought ("Trump's suggestion that
    …", "Cha's prediction that …"; lens `speech_nouns`) whose that-clause (`child`, on
    the way up from the cue) holds the cue; also as the subject of "is that …" ("Cha's
    assessment is that …")."""
    if tok.lower_ in ("is", "was", "are", "were") and child.dep_ == "ccomp":
        noun = next((c for c in tok.children if c.dep_ == "nsubj" and c.lower_ in lens.speech_nouns), None)
        return next((c for c in noun.children if c.dep_ == "poss"), None) if noun is not None else None
    if not tok.tag_.startswith("NN") or tok.lower_ not in lens.speech_nouns:
        return None
    if not any(c.dep_ == "mark" and c.lower_ == "that" for c in child.children):
        return None
    return next((c for c in tok.children if c.dep_ == "poss"), None)


def _trailing_speaker(tok) -> list:  # type: ignore[no-untyped-def,type-arg]
    """The name commas set before a reporting verb with no subject of its own, where the
    parser hung it elsewhere ("…, Victor Cha of CSIS told reporters", "…, Kim Hyun-wook,
    president of the academy, said"): the proper name that opens the words after the
    last comma, or a bare name between two commas before a description."""
    doc = tok.doc
    edges = [t.i for t in doc[: tok.i] if t.text == ","][-3:]
    spans = [(a + 1, b) for a, b in zip(edges, [*edges[1:], tok.i], strict=False)][::-1]
    for k, (start, end) in enumerate(spans[:3]):
        name = list(itertools.takewhile(_in_a_name, doc[start:end]))
        if name and (k == 0 or len(name) == end - start):
            return [max((t for t in name if t.tag_ != "HYPH"), key=lambda t: t.i)]
    return []


def _quoted_before(t, verb) -> bool:  # type: ignore[no-untyped-def]
    """Is `t` inside a quotation that closes before `verb`?"""
    doc = t.doc
    closes = any(w.text in ('"', "”") for w in doc[t.i + 1 : verb.i])
    return t.i < verb.i and closes and any(w.text in ('"', "“") for w in doc[: t.i])


def _in_a_name(t) -> bool:  # type: ignore[no-untyped-def]
    """A proper noun, a hyphen, or the syllable after a hyphen ("Hyun-wook": "wook" is
    often read as a common noun)."""
    return t.tag_ in ("NNP", "NNPS", "HYPH") or (t.i > 0 and t.doc[t.i - 1].tag_ == "HYPH" and t.is_alpha)


def _inverted_subject(tok):  # type: ignore[no-untyped-def]
    """The speaker after a reporting verb that follows its clause ("…, warned Kim
    Hyun-wook, a professor at …"): spaCy reads some of these names as the verb's object;
    a proper name right after a comma-led verb is its speaker."""
    doc = tok.doc
    if tok.i == 0 or tok.i + 1 >= len(doc) or doc[tok.i - 1].text not in (",", "”", '"', "’", "'"):
        return None
    if doc[tok.i + 1].tag_ not in ("NNP", "NNPS"):
        return None
    child = next(
        (
            c
            for c in tok.children
            if c.i > tok.i and c.left_edge.i == tok.i + 1 and c.dep_ != "punct" and c.tag_.startswith("NN")
        ),
        None,
    )
    if child is not None:
        return child
    # a quotation split around the verb ('"A Trump win," said Victor Cha, …, "could …"'):
    # the parser hangs the name on the quotation's verb; the name's last word stands for it
    name = list(itertools.takewhile(_in_a_name, doc[tok.i + 1 :]))
    return max((t for t in name if t.tag_ != "HYPH"), key=lambda t: t.i, default=None)


def attribution(
    s: Sentence, lens: Lens, ctx: Context, cue_start: int | None = None
) -> tuple[str, str, str] | None:
    """(source, phrase, rule) from the sentence's own reporting verb or "according to",
    outside quotation marks; None when it has neither. The reporting verb that governs
    the cue's clause wins ("Trump said he was willing to talk, which some here believe
    could open a channel": the projection is "some here"'s)."""
    doc = s.parsed
    assert doc is not None
    if cue_start is not None:
        cue = next((t for t in doc if t.idx == cue_start), None)
        below = cue
        for tok in cue.ancestors if cue is not None else ():
            below, child = tok, below
            if inside(tok.idx, s.quoted):
                continue
            holder = _speech_holder(tok, child, lens)
            if holder is not None:  # "Trump's suggestion that Seoul might …"
                phrase = f"{chunk(holder, lens.organization_heads).text} {tok.text}"
                return who(holder, lens, ctx, phrase, "source:speech-noun")
            subject = reporting_subject(tok, lens)
            if subject is not None:
                phrase = f"{chunk(subject, lens.organization_heads).text} {tok.text}"
                return who(subject, lens, ctx, phrase, "source:governing-verb")
    for tok in doc:
        if inside(tok.idx, s.quoted):
            continue
        if tok.lower_ == "according" and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "to":
            objects = [t for t in doc[tok.i + 1].children if t.dep_ == "pobj"]
            if objects:
                phrase = f"according to {chunk(objects[0], lens.organization_heads).text}"
                speaker = document_owner(objects[0], lens) or objects[0]
                return who(speaker, lens, ctx, phrase, "source:according-to")
        framer = _frame_speaker(tok, lens)
        if framer is not None:
            phrase = f"{chunk(framer, lens.organization_heads).text} {tok.text}"
            return who(framer, lens, ctx, phrase, "source:frame")
        subject = reporting_subject(tok, lens) if not _on_the_condition(tok) else None
        if subject is not None:
            phrase = f"{chunk(subject, lens.organization_heads).text} {tok.text}"
            return who(subject, lens, ctx, phrase, "source:reporting-verb")
    return None


def _on_the_condition(tok) -> bool:  # type: ignore[no-untyped-def]
    """A reporting verb that comments on the condition's clause ("… if Trump scraps the
    act, as he has vowed to do"): the candidate's pledge, not who projects. An "as" clause
    right after the condition's clause is one, however it is parsed."""
    # the verbs of the condition clauses before it ("if Trump scraps …": "scraps")
    conditions = [t.head for t in tok.doc[: tok.i] if t.dep_ == "mark" and t.lower_ in _CONDITIONAL]
    clause = set(conditions[-1].subtree) | set(tok.subtree) if conditions else set()
    after = bool(conditions) and all(t in clause or t.is_punct for t in tok.doc[conditions[-1].i : tok.i])
    return (after and any(c.dep_ == "mark" and c.lower_ == "as" for c in tok.children)) or (
        tok.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in _CONDITIONAL for c in tok.head.children)
    )


_CONDITIONAL = frozenset({"if", "unless", "once", "when"})


def chunk(token, organization_heads: frozenset[str] = frozenset()):  # type: ignore[no-untyped-def]
    """The token with its contiguous modifiers (compounds, titles, determiners, hyphen
    parts), and for a proper name its "of/for ..." tail ("Korea Institute for National
    Unification")."""
    left = [t for t in token.lefts if t.dep_ in ("compound", "det", "amod", "poss", "nmod", "flat", "punct")]
    start = min([token.i] + [t.left_edge.i for t in left])
    right = [t for t in token.rights if t.dep_ in ("flat", "compound")]
    end = max([token.i] + [t.i for t in right])
    # a name that ends in a possessive and owns nothing: "Moody's said"
    if token.dep_ != "poss" and any(t.tag_ == "POS" and t.i == end + 1 for t in token.rights):
        end += 1
    doc = token.doc
    # A hyphenated name is one word however it was parsed ("Min-su", "Hyun-wook").
    while (
        end + 2 < len(doc)
        and doc[end].whitespace_ == ""
        and doc[end + 1].text == "-"
        and doc[end + 1].whitespace_ == ""
    ):
        end += 2
    while (
        start >= 2
        and doc[start - 1].text == "-"
        and doc[start - 2].whitespace_ == ""
        and doc[start - 1].whitespace_ == ""
    ):
        start -= 2
    # the word reached across a hyphen brings its own name parts ("Kim" of "Kim Min-soo"
    # where the parser hung "soo" apart from "Kim Min")
    parts = [t for t in doc[start].lefts if t.dep_ in ("compound", "flat")] if start < token.i else []
    start = min([start] + [t.left_edge.i for t in parts])
    if token.tag_ in ("NNP", "NNPS") and token.lower_ in organization_heads:
        for prep in token.rights:
            if prep.dep_ == "prep" and prep.lower_ in ("of", "for", "on") and prep.i == end + 1:
                tail = list(prep.subtree)
                # "… for International Economic Policy (KIEP)": the name ends at the bracket
                tail = next((tail[:k] for k, t in enumerate(tail) if t.text == "("), tail)
                # a list inside the name: "Ministry of Trade, Industry and Energy"
                if all(t.tag_ in ("NNP", "NNPS", "IN", "CC", "DT", "HYPH", ",") for t in tail[1:]):
                    end = max(t.i for t in tail if t.tag_ != ",")
    return token.doc[start : end + 1]


_OWNER = re.compile(r"^(?:[\w.]+\s+){0,2}[\w.]+['’]s\s+")


def who(token, lens: Lens, ctx: Context, phrase: str, rule: str) -> tuple[str, str, str]:  # type: ignore[no-untyped-def]
    """Resolve the subject of a reporting verb: a pronoun to the last person named, an
    alias to its actor, a proper name (surnames completed from earlier full names), or
    an unnamed attribution ("experts said") to the author. The author of a document
    ("according to a report by KERI") is also who "the report" is next ("The report
    estimated that …"), and a body named by its kind ("the Korea Institute for …") who
    "the institute" is."""
    found = _who(token, lens, ctx, phrase, rule)
    if found[0] != AUTHOR:
        document = _document_of(token, lens)
        if document is not None:
            ctx.described[document] = found[0]
        elif token.lower_ in lens.organization_heads and not found[2].endswith(":description"):
            ctx.described[token.lower_] = found[0]  # "the institute" next is this institute
    return found


def _document_of(token, lens: Lens) -> str | None:  # type: ignore[no-untyped-def]
    """The document noun `token` is the owner of ("KIEP" in "a KIEP report", "KERI" in
    "a report released Tuesday by KERI"), or None."""
    for up in itertools.islice(token.ancestors, 3):
        if up.lower_ in lens.document_nouns:
            owner = document_owner(up, lens)
            return up.lower_ if owner is not None and owner.i == token.i else None
    return None


def _who(token, lens: Lens, ctx: Context, phrase: str, rule: str) -> tuple[str, str, str]:  # type: ignore[no-untyped-def]
    """`who` for one token, without remembering what it names for later sentences."""
    if token.lower_ in ("he", "she", "his", "her", "him"):  # "his remarks suggest …", "according to him"
        person = ctx.last_person
        if person and person.startswith("candidate:"):
            outcome = person.split(":", 1)[1]
            person = next((o.candidate for o in lens.model.outcomes if o.id == outcome), outcome)
        return (
            (person, phrase, f"{rule}:pronoun") if person else (AUTHOR, phrase, f"{rule}:pronoun-unresolved")
        )
    named = next((c for c in token.children if c.dep_ == "appos" and c.tag_ == "NNP"), None)
    if named is not None and token.tag_ == "NN":  # "The institute's president, Lee Sang-hyun, said"
        return _who(named, lens, ctx, phrase, rule)
    words = chunk(token, lens.organization_heads)
    text = words.text
    # (not a title of someone else's: "the vice president of the Asan Institute")
    titled = any(c.dep_ == "prep" for c in token.rights)
    candidate = None if titled else candidate_named(text, lens, ctx)
    if candidate:  # "The former president said he would …": the candidate's own words
        return candidate, phrase, f"{rule}:candidate-alias"
    bare = re.sub(r"^the\s+", "", text, flags=re.IGNORECASE)
    campaign = campaign_of(bare, lambda: token.doc.text, lens, ctx)
    if campaign:  # "his campaign said", "Trump's campaign said": a candidate's campaign
        return campaign, phrase, f"{rule}:campaign"
    owned = _OWNER.sub("", bare)  # "Seoul's Foreign Ministry" is the Foreign Ministry
    alias = next(
        (
            lens.actor_aliases[k]
            for k in (text.lower(), bare.lower(), owned.lower())
            if k in lens.actor_aliases
        ),
        None,
    )
    if alias and owned != bare and owned_elsewhere(bare[: len(bare) - len(owned)], alias, lens):
        return bare, phrase, f"{rule}:foreign-body"  # "China's Foreign Ministry", as written
    if alias:
        return alias, phrase, f"{rule}:actor"
    described = ctx.described_as(token)
    if described:  # "The professor added that …": the person described as one before
        return described, phrase, f"{rule}:description"
    # Names are proper nouns ("Experts say" is not); a romanized given name's lowercase
    # half ("Hyun-wook") is tagged as a common noun, so any proper noun in the chunk counts.
    proper = any(t.tag_ in ("NNP", "NNPS") for t in words)
    if token.tag_ == "NNPS" and not any(t.tag_ == "NNP" for t in words):
        return AUTHOR, phrase, f"{rule}:group"  # "Some Democrats", "Many Koreans": people, not a name
    name = proper_name(text, lens) if proper else None
    unowned = proper_name(owned, lens) if proper and owned != bare else None
    if unowned and len(unowned.split()) > 1:
        name = unowned  # an owner before a full name: "Ewha's Park Won-gon" (not "Moody's Analytics")
    # "Shin Won-sik, national security adviser, said": the parser took the name for the
    # adviser's modifier; a run of capitalized words before the comma is still the name
    lead = text.split(",", 1)[0].split()
    if (
        name is None
        and proper
        and len(lead) > 1
        and lead != text.split()
        and all(w[:1].isupper() for w in lead)
    ):
        name = proper_name(" ".join(lead), lens)
    if name is None:
        return AUTHOR, phrase, f"{rule}:unnamed"
    canonical = lens.actor_aliases.get(name.lower())
    if canonical:
        return canonical, phrase, f"{rule}:actor"
    parts = name.split()
    if len(parts) == 1:
        return ctx.names.get(name.lower(), name), phrase, f"{rule}:surname"
    for part in (parts[0], parts[-1]):  # the latest of two Kims is the one "Kim" means next
        ctx.names[part.lower()] = name
    for c in token.children:  # "Kim Sung-han, a professor at …", "Unification Minister Kim Yung-ho"
        if c.dep_ in ("appos", "compound") and c.lower_ in lens.titles:
            ctx.described[c.lower_] = name
    return name, phrase, f"{rule}:named"
