"""Speakers named in another sentence than the statement's: the person the sentence
before introduces ("Park Won-gon, a professor at Ewha, spoke at a forum. "If Trump wins,
…"", "Park Won-gon is a professor at …. According to him, …") and the one the sentence
after names ('"…." That was the view of Kim Hyun-wook, …'). ANNOTATION convention 11.
In an interview written as a transcript, the label opening a paragraph ("Lee:", "A:").
And what names or describes a speaker in the statement's own sentence rather than the
consequence (`descriptions`)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from functools import lru_cache

from spacy.lang.en.stop_words import STOP_WORDS

from scenariodesk import nlp as pipelines
from scenariodesk.attribution import attribution, chunk, who
from scenariodesk.discourse import Context, full_name
from scenariodesk.lens import Lens
from scenariodesk.models import AUTHOR
from scenariodesk.names import proper_name
from scenariodesk.sentences import Sentence, inside


def introduced_speaker(
    before: Sentence | None, s: Sentence, lens: Lens, ctx: Context, earlier: Sequence[Sentence] = ()
) -> tuple[str, str] | None:
    """(speaker, phrase) a bare quotation takes from the sentence before it when that one
    names someone speaking ("Park Won-gon, a professor at Ewha, spoke at a forum. "If
    Trump wins, …""; ANNOTATION convention 11), or, with no reporting verb, is about a
    named person (see `_introduced_person`); `earlier` are the sentences before that one."""
    if before is None or before.paragraph < s.paragraph - 1 or before.quotes:
        return None
    if before.parsed is not None:
        found = attribution(before, lens, ctx)
        if found is not None:
            return found[:2] if found[0] != AUTHOR else None
    return _introduced_person(before, lens, ctx, earlier)


_IS_A = re.compile(r"\s+(?:is|was)\s+(?:a|an|the)\s")  # "Park Won-gon is a professor at …"
# A name opening a sentence, described after a comma or by its affiliation ("Victor Cha of
# CSIS was blunt", "Kim Hyun-wook at the Sejong Institute").
_OPENING_NAME = re.compile(
    r"\W*((?:[A-Z][\w'’.-]*\s+){0,3}[A-Z][\w'’.-]*)(\s*,|\s+(?:of|at)\s+(?:the\s+)?[A-Z])?"
)


def pronoun_to_rethink(found: tuple[str, str, str]) -> bool:
    """A "he said": the person the sentence right before introduces is nearer than the
    last one named speaking, a candidate or anyone ("Trump and Korea … Victor Cha, a
    professor at …, was blunt. "…," he said." is Cha's; "Kim said … Lee Ha-eun, a
    graduate student, was more concerned. "…," she said." is Lee's)."""
    return found[2].endswith((":pronoun-unresolved", ":pronoun"))


def _introduced_person(
    before: Sentence, lens: Lens, ctx: Context, earlier: Sequence[Sentence]
) -> tuple[str, str] | None:
    """The named person a sentence with no reporting verb is about, whose words a bare
    quotation right after it gives ("Victor Cha, a Korea expert at CSIS, was blunt.
    "Trump will …""): the subject of its main verb, when that subject is a name."""
    # Only a sentence opening on a name can: described after a comma, titled, or a
    # surname named in full before (checked on the text, so that others are not parsed).
    opening = _OPENING_NAME.match(before.text)
    if opening is None:
        return None
    run = opening.group(1).split()
    if run[0].lower() in STOP_WORDS or lens.candidate_names.regex.search(opening.group(1)):
        return None  # "The …", "But …"; a candidate introducing a quote is not its speaker
    if not (
        opening.group(2)
        or any(w.lower() in lens.titles for w in run)
        or (len(run) == 1 and full_name(run[0], list(earlier), lens))
        or _IS_A.match(before.text, opening.end())
    ):
        return None
    # Parsed here and not kept: the sentence's own statements keep what they were read on.
    doc = before.parsed if before.parsed is not None else pipelines.parser()(before.text)
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    subjects = [t for t in root.children if t.dep_ in ("nsubj", "nsubjpass")] if root is not None else []
    if not subjects:
        return None
    subject = subjects[0]
    words = chunk(subject, lens.organization_heads)
    speaker, phrase, rule = who(subject, lens, ctx, words.text, "")
    # A person, not a country or a body acting ("North Korea tested a missile"): one
    # described beside the name ("Victor Cha, a Korea expert at CSIS"), titled
    # ("Professor Kim"), or named in full earlier in the article ("Moon" after "Moon
    # Chung-in, a former special adviser, …").
    if not rule.endswith((":named", ":surname")):
        return None
    if " " not in speaker:
        speaker = full_name(speaker, list(earlier), lens) or ""
        return (speaker, phrase) if speaker else None
    # "Park Won-gon, a professor at …" or "Park Won-gon is a professor at …"
    # or by an affiliation ("Victor Cha of CSIS", "Kim Hyun-wook at the Sejong Institute")
    described = (
        any(c.dep_ == "appos" for c in subject.children)
        or any(c.dep_ == "attr" and c.lower_ in lens.titles for c in root.children)
        or any(
            c.dep_ == "prep" and c.lower_ in ("of", "at") and any(o.tag_ == "NNP" for o in c.children)
            for c in subject.children
        )
    )
    titled = any(w.lower_ in lens.titles for w in words if w.i < subject.i)
    return (speaker, phrase) if described or titled else None


def colon_speaker(
    s: Sentence, cue_start: int | None, lens: Lens, ctx: Context, earlier: Sequence[Sentence]
) -> tuple[str, str, str] | None:
    """(speaker, phrase, rule) of a view a named person's clause opens with a colon, the
    cue after it: "Victor Cha, a Korea expert at CSIS, was blunt: Trump will …", "Cha had
    a warning: …", "Cha's prediction: …" (an owner before a speech noun of the lens)."""
    colon = s.text.find(": ")
    if colon < 0 or cue_start is None or cue_start < colon or inside(colon, s.quoted):
        return None
    head = s.text[:colon]
    owned = _OWNED_SPEECH.match(head)
    if owned is not None and owned.group("noun").lower() in lens.speech_nouns:
        name = proper_name(owned.group("who"), lens)
        if name is None:
            return None
        name = lens.actor_aliases.get(name.lower()) or ctx.names.get(name.lower(), name)
        return name, head.strip(), "source:colon-speech-noun"
    clause = replace(
        s, end=s.start + colon, text=head, folded=s.folded[:colon], parsed=None, quoted=[], quotes=()
    )
    found = _introduced_person(clause, lens, ctx, earlier)
    return (*found, "source:colon-view") if found else None


# "Cha's prediction:", "Victor Cha's blunt verdict was simple:"
_OWNED_SPEECH = re.compile(
    r"\W*(?P<who>(?:[A-Z][\w.-]*\s+){0,3}[A-Z][\w.-]*)['’]s\s+(?:[\w-]+\s+){0,2}?(?P<noun>\w+)"
    r"(?:\s+(?:is|was|seems|sounds)(?:\s+\w+)?)?\s*$"
)


@lru_cache(maxsize=8)
def _view_of(nouns: frozenset[str]) -> re.Pattern[str]:
    words = "|".join(map(re.escape, sorted(nouns)))
    return re.compile(
        rf"\W*(?:that|this|such|those|these)\s+(?:is|was|'s|are|were)\s+(?:the\s+)?(?:[\w-]+\s+)?(?:{words})\s+of\s+(?P<who>[^,.;:]+)",
        re.IGNORECASE,
    )


def view_named_after(following: Sentence, lens: Lens, ctx: Context) -> tuple[str, str] | None:
    """(speaker, phrase) of a bare quotation from the sentence after it that says whose
    view it was ("… ." That was the view of Kim Hyun-wook, a professor at …"), a speech
    noun of the lens after "That/This was the"; a name completed from earlier ones."""
    m = _view_of(lens.speech_nouns).match(following.text)
    name = proper_name(m.group("who"), lens) if m else None
    if name is None:
        return None
    name = lens.actor_aliases.get(name.lower()) or ctx.names.get(name.lower(), name)
    return name, m.group().strip()  # type: ignore[union-attr]


# A label opening a paragraph of a transcript: a word or name, then a colon ("Q:", "Lee:",
# "Victor Cha:"; "SEOUL:" too, a dateline, which ends an answer).
_LABEL = re.compile(r"\W*(?P<label>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3})\s*:(?:\s+\S|\s*$)")


def read_label(s: Sentence, lens: Lens, ctx: Context, sentences: Sequence[Sentence], index: int) -> None:
    """At a paragraph's first sentence: the speaker its transcript label names, for every
    sentence of the answer with no attribution of its own, until the next label (an answer
    may run over several paragraphs). The interviewer's label ("Q:") is the author's; an
    answer's ("A:") the person who answered last, else the one the lead introduces before
    the first question (see `_interviewee`); a name, the person named earlier in the
    article ("Lee:" after "Lee Sang-hyun, president of …"), never a candidate; any other
    label ("Note:", "Update:") ends the answer. In an experts' roundup (two captions or
    more, see `_caption`: one alone is a columnist's line about themselves), each caption
    names who speaks under it."""
    m = _LABEL.match(s.text)
    if m is None:
        if ctx.roundup is None:
            firsts = [
                x for i, x in enumerate(sentences) if i == 0 or x.paragraph != sentences[i - 1].paragraph
            ]
            ctx.roundup = sum(_caption(x, lens) is not None for x in firsts) >= 2
        captioned = _caption(s, lens) if ctx.roundup else None
        if captioned is not None:
            ctx.label_speaker, ctx.interviewee = captioned, captioned[0]
        return
    label = m.group("label")
    labels = lens.model.transcript_labels
    earlier = sentences[:index]
    speaker = None
    if label.lower() in {w.lower() for w in labels.get("answer", [])}:
        # the person the lead introduces, before the first question: one quoted in an
        # explainer's answers is not who answers its questions
        lead = earlier[: ctx.first_question if ctx.first_question is not None else index]
        speaker = ctx.interviewee or _interviewee(lens, ctx, lead)
    elif label.lower() not in {w.lower() for w in labels.get("question", [])}:
        speaker = _named_before(label, lens, ctx, earlier)
    elif ctx.first_question is None:
        ctx.first_question = index
    ctx.label_speaker = (speaker, label) if speaker else None
    ctx.interviewee = speaker or ctx.interviewee


# A caption naming who speaks under it, as an experts' roundup writes one: a name, then
# what they are after a comma or in brackets, on a line of its own ("Victor Cha, Korea
# Chair, CSIS") or before their words after a colon or a dash.
_CAPTION = re.compile(
    r"\W*(?!By\s)(?P<name>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){1,3})"
    r"(?:\s*,\s*(?P<described>[^:—–()]+?)|\s*\((?P<bracketed>[^)]+)\))\s*(?P<end>[:—–]|$)"
)


def _caption(s: Sentence, lens: Lens) -> tuple[str, str] | None:
    """(person, caption) a caption names (see `_CAPTION`): described by a title, an
    organization or a body of the lens ("professor, Korea University", "(CSIS)"), never a
    candidate; a caption with no colon or dash is a line of its own (a headline's shape),
    never the article's title. A byline names no title of the lens ("By Kim Tae-gyu",
    "Kim Tae-gyu, staff reporter"): the article's own words stay the author's."""
    m = _CAPTION.match(s.text)
    if m is None or s.start == 0 or not (m.group("end") or s.headline):
        return None
    described = (m.group("described") or m.group("bracketed") or "").lower()
    words = set(re.findall(r"[\w.'’-]+", described))
    known = words & (lens.titles | set(lens.organization_heads)) or described in lens.actor_aliases
    name = proper_name(m.group("name"), lens)
    if not known or name is None or " " not in name or lens.candidate_names.regex.search(name):
        return None
    return lens.actor_aliases.get(name.lower()) or name, m.group().strip(" :—–")


def _interviewee(lens: Lens, ctx: Context, earlier: Sequence[Sentence]) -> str | None:
    """Who answers an interview whose answers are labelled "A:": the person the nearest
    sentence before introduces ("Victor Cha, a professor at Georgetown University,
    answered our questions by email.")."""
    for i in range(len(earlier) - 1, -1, -1):
        found = _introduced_person(earlier[i], lens, ctx, earlier[:i])
        if found is not None:
            return found[0]
    return None


def _named_before(label: str, lens: Lens, ctx: Context, earlier: Sequence[Sentence]) -> str | None:
    """The person a label names, in full or by surname, named in an earlier sentence."""
    if lens.candidate_names.regex.search(label):
        return None
    if " " not in label:
        return ctx.names.get(label.lower()) or full_name(label, list(earlier), lens)
    name = proper_name(label, lens)
    return name if name and any(name in e.text for e in earlier) else None


def answering(ctx: Context) -> tuple[str, str, str]:
    """(source, phrase, rule) of a sentence no one else is named for: the answer's speaker
    in a transcript, else the author."""
    if ctx.label_speaker is not None:
        return (*ctx.label_speaker, "source:transcript-label")
    return AUTHOR, "", "source:author"


_SETTING = frozenset({"at", "in", "during", "before", "after", "with"})  # prepositions of a speech's setting
_CLAUSES = frozenset({"ccomp", "acl", "relcl", "advcl"})
_DESCRIBING = frozenset({"prep", "appos", "acl", "relcl"})  # what follows a speaker's noun


def descriptions(s: Sentence, lens: Lens) -> list[tuple[int, int]]:
    """The character spans (in the sentence) of what names or describes a speaker rather
    than the consequence: the appositive beside a speaking proper noun ("Lee Min-ho, a
    scholar at China's Zhengfa University, said ..."), a speaking body's own name
    ("the Korea Institute for National Unification said ..." is not about unification),
    and where or when a reporting verb's words were said ("said at a forum in Beijing").
    A proper noun speaks as a verb's subject or object ("..., said Kim, a professor at
    ...") or after "according to"; on the parse, when the sentence has one. (An
    appositive elsewhere is more often a misparsed list: "a withdrawal of U.S. Forces
    Korea, a steep rise in ...".)"""
    if s.parsed is None:
        return []
    spans = []
    for tok in s.parsed:
        if tok.tag_.startswith("VB") and lens.reporting.regex.fullmatch(tok.text):
            # where and when it was said: "said at a forum in Beijing", "said at the
            # Foreign Affairs and Unification Committee's audit"; not a passive raising a
            # clause ("is expected to add friction, with cost sharing back on the table")
            raising = {"auxpass", "xcomp"} <= {c.dep_ for c in tok.children}
            for prep in (
                c for c in tok.children if c.dep_ == "prep" and c.lower_ in _SETTING and not raising
            ):
                # up to a clause inside it: "said in a report that tariffs could …" (or,
                # misparsed, "at the committee's audit that …") is what was said
                clause = [
                    t.left_edge.i for t in prep.subtree if t.dep_ in _CLAUSES and t.tag_.startswith("VB")
                ]
                sub = [t for t in prep.subtree if t.i < min(clause, default=len(s.parsed))]
                if sub:
                    spans.append((sub[0].idx, sub[-1].idx + len(sub[-1].text)))
            continue
        speaking = (
            tok.dep_ in ("nsubj", "dobj")
            and tok.head.tag_.startswith("VB")
            and lens.reporting.regex.fullmatch(tok.head.text) is not None
        )
        if speaking and tok.tag_ in ("NN", "NNS", "NNP", "NNPS"):
            # where a speaker works or what they know, after the noun that names them
            # ("said a former U.S. ambassador to China", "said Cho Han-bum of the Korea
            # Institute for National Unification", "experts on China say …")
            for mod in (c for c in tok.children if c.dep_ in _DESCRIBING and c.i > tok.i):
                sub = list(mod.subtree)
                spans.append((sub[0].idx, sub[-1].idx + len(sub[-1].text)))
        if tok.tag_ not in ("NNP", "NNPS") or not (
            tok.dep_ in ("nsubj", "nsubjpass", "dobj")
            or (tok.dep_ == "pobj" and tok.head.head.lower_ == "according")
        ):
            continue
        name = chunk(tok, lens.organization_heads)
        if any(t.lower_ in lens.organization_heads for t in name):
            spans.append((name[0].idx, name[-1].idx + len(name[-1].text)))
        for appos in (c for c in tok.children if c.dep_ == "appos"):
            sub = list(appos.subtree)
            spans.append((sub[0].idx, sub[-1].idx + len(sub[-1].text)))
    return spans
