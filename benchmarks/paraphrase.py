"""How well the analysis holds when a gold sentence is said another way: each right
statement of the seeds and ../shared/sets/train is rewritten in its article by a change
that keeps its gold (another name for the same place, another reporting verb, a hedge of
the same band, a synonym of a domain word, an attribution added to what the author
asserts), the article is analyzed again, and each field that was right is checked again.

A rule fitted to one sentence breaks under these; a mechanism for a kind of sentence does
not. Prints, per rewriting, how many statements it made, how many were lost and, per
field, how many of the right ones broke. Only training data is read (never dev), and no
article text is kept in the repository.

    python benchmarks/paraphrase.py [--shared ../shared] [--set seeds --set train]
        [--only names] [--show]
"""

from __future__ import annotations

import argparse
import html
import re
import sys
import tempfile
import textwrap
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path

from scenariodesk.analyze import analyze_document
from scenariodesk.evaluate import Item, collapse, load_gold
from scenariodesk.ingest import IngestError, read_documents
from scenariodesk.lens import Lens, load_lens
from scenariodesk.models import Statement

SETS = {"seeds": ("gold/seeds.jsonl", "corpus/seeds"), "train": ("sets/train/gold", "sets/train/corpus")}
FIELDS = ("domains", "direction", "likelihood", "source")
SPEAKER = "Kim Min-soo"  # a person no article names
DESCRIBED = f"{SPEAKER}, a professor at Korea University"
# A rewritten sentence and the gold fields it changes (only the source, for attributions).
Rewrite = tuple[str, dict[str, str]]


def _each(pairs: list[tuple[str, str]]) -> Callable[[str, Item], list[Rewrite]]:
    """One rewrite per pattern that occurs once in the sentence."""

    def rewrite(sentence: str, gold: Item) -> list[Rewrite]:
        return [(re.sub(a, b, sentence), {}) for a, b in pairs if len(re.findall(a, sentence)) == 1]

    return rewrite


_REPORTED = re.compile(
    r"\b(say|says|said|believe|believes|fear|fears|suspect|suspects|think|thinks|according to|sources?)\b"
    r"|^[A-Z]+ \(|^[A-Z]+, "
)


def _asserted(sentence: str, gold: Item) -> bool:
    """The author's own plain sentence, with no quotation or report inside ("Some experts
    say …" said by someone: whose it is, is not plain)."""
    return (
        gold.source == "author"
        and sentence.endswith(".")
        and not re.search('["“”]', sentence)
        and not _REPORTED.search(sentence)
    )


def _lowered(text: str) -> str:
    """`text` to follow other words: its first letter in lower case, unless it opens on a
    name or an acronym."""
    keep = re.match(r"[A-Z][a-z]+ [A-Z]|[A-Z]{2}|I\b|[A-Z][a-z]+ (said|says|added|noted|argued|told)\b", text)
    if keep and not re.match(r"(The|A|An|This|That|His|Her|Its|Their) ", text):
        return text
    return text[0].lower() + text[1:]


def _attributed(sentence: str, gold: Item) -> list[Rewrite]:
    """What the author asserts, said by a named person in six forms."""
    if not _asserted(sentence, gold):
        return []
    body = sentence[:-1]
    low, who = _lowered(body), DESCRIBED
    forms = [
        f"{body}, said {who}.",
        f"According to {who}, {low}.",
        f"{who}, said {low}.",
        f"{who}, said that {low}.",
        f'"{body}," said {who}.',
        f"{body}, {who}, told reporters.",
    ]
    return [(form, {"source": SPEAKER}) for form in forms]


CANDIDATE = r"(Trump|Biden|Harris|Clinton|Haley|DeSantis|Sanders|Warren)"


def _reordered(sentence: str, gold: Item) -> list[Rewrite]:
    """ "If A, B." said as "B if A." (and back)."""
    opening = re.fullmatch(r"(If|Should|Under) ([^,]{3,80}), ([a-z].+)\.", sentence)
    if opening:
        head, cond, rest = opening.groups()
        return [(f"{rest[0].upper()}{rest[1:]} {head.lower()} {cond}.", {})]
    closing = re.fullmatch(r"([A-Z][^,]+?) if ([^,]{3,80})\.", sentence)
    if closing:
        rest, cond = closing.groups()
        return [(f"If {cond}, {_lowered(rest)}.", {})]
    return []


def _across(sentence: str, gold: Item) -> list[Rewrite]:
    """What the author asserts, said by someone the sentence before introduces or the
    sentence after names; a condition opening the sentence said in the sentence before."""
    out: list[Rewrite] = []
    if _asserted(sentence, gold):
        body, who = sentence[:-1], {"source": SPEAKER}
        out += [
            (f'{DESCRIBED}, sees change ahead. "{body}," he said.', who),
            (f'"{body}." That is the view of {DESCRIBED}.', who),
        ]
    opening = re.fullmatch(
        rf"If {CANDIDATE} (wins|is elected|is re-elected|returns to the White House), ([a-z].+)", sentence
    )
    if opening:
        name, verb, rest = opening.groups()
        out += [
            (f"Suppose {name} {verb}. Then {rest}", {}),
            (f"{name} may well win. In that case, {rest}", {}),
        ]
    return out


# How articles name a party's candidate instead of by surname (the lens's aliases of
# each cycle's outcomes): the full name, a courtesy title, the party's nominee.
_PARTY = {"Trump": "Republican", "Biden": "Democratic", "Harris": "Democratic", "Clinton": "Democratic"}
_FIRST = {"Trump": "Donald", "Biden": "Joe", "Harris": "Kamala", "Clinton": "Hillary"}
_TITLE = {"Trump": "Mr.", "Biden": "Mr.", "Harris": "Ms.", "Clinton": "Mrs."}


def _named(sentence: str, gold: Item) -> list[Rewrite]:
    """The outcome's candidate, named once by surname, called otherwise."""
    outcome = gold.condition.capitalize()
    if outcome not in _PARTY or len(re.findall(rf"\b{outcome}\b", sentence)) != 1:
        return []
    whole = re.search(rf"(?<![A-Z][a-z]\. )(?<!President )\b{outcome}\b(?!'s)", sentence)
    if not whole or re.match(rf"{_FIRST[outcome]} ", sentence[max(0, whole.start() - 8) :]):
        return []
    at = sentence[: whole.start()]
    nominee = f"the {_PARTY[outcome]} nominee"
    forms = [f"{_FIRST[outcome]} {outcome}", f"{_TITLE[outcome]} {outcome}"]
    if re.search(r"\b(if|should|whether|when|once|unless)\s+$", at, re.I):
        forms.append(nominee)  # "if the Republican nominee wins"
    out = []
    for form in forms:
        if not at and form[0].islower():
            form = form[0].upper() + form[1:]
        out.append((at + form + sentence[whole.end() :], {}))
    return out


def _opened(sentence: str, gold: Item) -> list[Rewrite]:
    """The sentence opened by a discourse marker that changes none of its fields (not a
    continuation such as "Moreover", which carries the paragraph before's outcome on)."""
    if (
        not re.match(r"[A-Z]", sentence)
        or not re.search(r"[.!?\"”]$", sentence)  # a headline opens nothing
        or re.match(r"(But|And|Yet|So|However|Still|Moreover)\b", sentence)
    ):
        return []
    low = _lowered(sentence)
    return [
        (f"{marker}, {low}", {})
        for marker in (
            "Indeed",
            "Of course",
            "In short",
            "For its part",
            "In the long run",
            "By 2026",
            "Within months of the inauguration",
        )
    ]


def _aside(sentence: str, gold: Item) -> list[Rewrite]:
    """An aside set off by commas between the subject and its modal cue ("The alliance,
    however, could be shaken"), where the cue is one modal that occurs once."""
    if gold.cue.lower() not in ("would", "could", "will", "may", "might") or gold.source != "author":
        return []
    found = list(re.finditer(rf"(?<=[a-z]) {gold.cue}\b", sentence))
    if len(found) != 1 or "," in sentence[: found[0].start()]:
        return []
    at = found[0].start()
    return [(f"{sentence[:at]}, {aside},{sentence[at:]}", {}) for aside in ("however", "in turn", "for now")]


def _curled(sentence: str, gold: Item) -> list[Rewrite]:
    """Typographic quotes and apostrophes for straight ones, as many sites print them."""
    if not re.search("[\"']", sentence):
        return []
    curled = re.sub(r'(^|[\s(\[])"', "\\1\u201c", sentence).replace('"', "\u201d")
    return [(curled.replace("'", "\u2019"), {})]


REWRITES: dict[str, Callable[[str, Item], list[Rewrite]]] = {
    "places": _each(
        [
            (r"\bNorth Korea\b", "Pyongyang"),
            (r"\bSouth Korea\b", "Seoul"),
            (r"\bPyongyang\b", "North Korea"),
            (r"\bSeoul\b", "South Korea"),
            (r"\bSeoul\b", "the South"),
            (r"\bWashington\b", "the United States"),
            (r"\bthe United States\b", "Washington"),
            (r"\bWashington\b", "the U.S."),
            (r"\bBeijing\b", "China"),
            (r"\bTokyo\b", "Japan"),
        ]
    ),
    "reporting verbs": _each(
        [
            (r"\bsaid\b", v)
            for v in ("noted", "argued", "predicted", "warned", "told reporters", "added", "wrote")
        ]
    ),
    "hedges": _each(
        [
            (r"\b(is|are) likely to\b", "will likely"),
            (r"\b(is|are) likely to\b", r"\1 poised to"),
            (r"\b(is|are) expected to\b", "will probably"),
            (r"\bcould\b", "could well"),
            (r"\bmay\b", "may well"),
            (r"\bwill\b(?! likely| probably)", "is going to"),
            (r"\b(is|are) unlikely to\b", "probably will not"),
        ]
    ),
    "domain words": _each(
        [
            (r"\bsummit\b", "leaders' meeting"),
            (r"\btariffs\b", "import duties"),
            (r"\btroops\b", "soldiers"),
            (r"\bthe alliance\b", "the security partnership"),
            (r"\bcost-sharing\b", "burden-sharing"),
            (r"\bprovocations\b", "weapons tests"),
            (r"\bsanctions relief\b", "an easing of sanctions"),
            (r"\bU\.S\. Forces Korea\b", "the American garrison in Korea"),
            (r"\bwithdrawal\b", "pullout"),
            (r"\bnegotiations\b", "talks"),
            (r"\bdenuclearization\b", "nuclear disarmament"),
            (r"\bKim Jong Un\b", "the North Korean leader"),
            (r"\bKim Jong Un\b", "Kim"),
            (r"\bU\.S\. Forces Korea\b", "the U.S. military in Korea"),
            (r"\bUSFK\b", "American forces in Korea"),
            (r"\bU\.S\. troops\b", "American forces"),
            (r"\btariffs\b", "levies"),
            (r"\btariffs\b", "duties on imports"),
            (r"\bcost-sharing\b", "defense cost-sharing"),
            (r"\bthe alliance\b", "the 70-year-old alliance"),
            (r"\bthe alliance\b", "the Seoul-Washington alliance"),
            (r"\bmissile launches\b", "missile firings"),
            (r"\bnuclear test\b", "nuclear detonation"),
            (r"\bsanctions\b", "economic penalties"),
            (r"\bChina\b", "the Chinese"),
            (r"\bsemiconductors?\b", "chips"),
            (r"\bchips\b", "semiconductors"),
            (r"\bexports\b", "overseas sales"),
            (r"\btrade\b", "commerce"),
            (r"\bdialogue\b", "talks"),
            (r"\bprovocations\b", "saber-rattling"),
            (r"\btensions\b", "military tensions"),
        ]
    ),
    "attribution": _attributed,
    "conditions": _each(
        [
            (rf"\bif {CANDIDATE} wins\b", r"if \1 is elected"),
            (rf"\bif {CANDIDATE} wins\b", r"should \1 win"),
            (rf"\bIf {CANDIDATE} wins\b", r"Should \1 win"),
            (rf"\bIf {CANDIDATE} wins\b", r"In the event that \1 wins"),
            (rf"\b([Ii]f) {CANDIDATE} wins\b", r"\1 \2 takes the White House"),
            (rf"\b([Ii]f) {CANDIDATE} (is elected|wins)\b", r"\1 \2 prevails"),
            (rf"\b([Ii]f) {CANDIDATE} is re-elected\b", r"\1 \2 wins a second term"),
            (rf"\b([Aa]) {CANDIDATE} (administration|presidency)\b", r"\1 \2 White House"),
            (rf"\b([Aa]) {CANDIDATE} (administration|White House)\b", r"\1 \2 presidency"),
            (rf"\b([Aa]) second {CANDIDATE} (administration|term)\b", r"\1 second \2 presidency"),
            (rf"\b([Aa]) {CANDIDATE} (victory|win)\b", r"\1 victory for \2"),
            (rf"\b([Uu]nder) {CANDIDATE}\b(?! administration| presidency)", r"\1 a \2 presidency"),
        ]
    ),
    "clause order": _reordered,
    "across sentences": _across,
    "names": _named,
    "openers": _opened,
    "asides": _aside,
    "typography": _curled,
    "contractions": _each(
        [
            (r"\bwill not\b", "won't"),
            (r"\bwould not\b", "wouldn't"),
            (r"\bis not\b", "isn't"),
            (r"\bdoes not\b", "doesn't"),
            (r"\bwon't\b", "will not"),
            (r"\bwouldn't\b", "would not"),
            (r"\bcan't\b", "cannot"),
            (r"\bisn't\b", "is not"),
            (r"\b(is|are) not (likely|expected|going)\b", r"\1n't \2"),
        ]
    ),
    "modals": _each([(r"\bwould\b", "will"), (r"\bwill\b", "would")]),
    "spellings": _each(
        [
            (r"\bdefense\b", "defence"),
            (r"\bprogram\b", "programme"),
            (
                r"\b(normal|stabil|destabil|priorit|jeopard|recogn|emphas|organ|real|minim|maxim)iz(e|es|ed|ing)\b",
                r"\1is\2",
            ),
            (r"\b(fav|lab|hon|behavi)or(s?)\b", r"\1our\2"),
            (r"\bcenter\b", "centre"),
        ]
    ),
}


def _ingested(name: str, content: str, lens: Lens) -> str:
    """`content` saved as the file `name` and read back as ingest reads it."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / name
        path.write_text(content, "utf-8")
        ((_, doc),) = read_documents([path], lens)
    return doc.text if not isinstance(doc, IngestError) else ""


def _wrapped(text: str, lens: Lens, between: str = "\n\n") -> str:
    """The whole article hard-wrapped at 64 characters, as text pasted from an e-mail or a
    fixed-width page is, its paragraphs set apart by `between`."""
    paragraphs = (
        textwrap.fill(p, 64, break_long_words=False, break_on_hyphens=False) for p in text.split("\n\n")
    )
    return _ingested("page.txt", between.join(paragraphs), lens)


def _as_html(text: str, lens: Lens) -> str:
    """The article as a news page (navigation, the headline in <h1>, a <p> per
    paragraph, a footer), read back through ingest's HTML path (trafilatura)."""
    first, *rest = text.split("\n\n")
    body = "".join(f"<p>{html.escape(p)}</p>\n" for p in rest)
    page = (
        "<html><head><title>News</title></head><body><nav><a href='/'>Home</a> | <a href='/w'>World</a></nav>"
        f"<article><h1>{html.escape(first)}</h1>\n{body}</article>"
        "<footer>Copyright 2024. All rights reserved.</footer></body></html>"
    )
    return _ingested("page.html", page, lens)


def _as_markdown(text: str, lens: Lens) -> str:
    """The article as Markdown, as scrapers and notes tools save pages: the headline a
    heading, the candidates' names links, the first words of each paragraph in bold, a
    quotation a block quote."""
    first, *rest = text.split("\n\n")
    linked = [re.sub(rf"\b{CANDIDATE}\b", r"[\1](https://example.com/\1)", p) for p in rest]
    emphasized = [re.sub(r"^(\w+ \w+)", r"**\1**", p) if not p.startswith('"') else f"> {p}" for p in linked]
    return _ingested("page.md", "\n\n".join([f"# {first}", *emphasized]), lens)


# Rewritings of a whole article, after which every right statement is checked again.
ARTICLE_REWRITES: dict[str, Callable[[str, Lens], str]] = {
    "wrapped lines": _wrapped,
    "wrapped, no blank lines": lambda text, lens: _wrapped(text, lens, "\n"),
    "html page": _as_html,
    "markdown": _as_markdown,
}


def _find(statements: tuple[Statement, ...], sentence: str, condition: str) -> Statement | None:
    text = collapse(sentence)
    for st in statements:
        found = collapse(st.sentence)
        if st.condition == condition and (found in text or text in found):
            return st
    return None


def _value(field: str, value: object, lens: Lens) -> object:
    if field == "domains":
        return frozenset(value)  # type: ignore[arg-type]
    if field == "source":
        return lens.actor_aliases.get(str(value).lower(), str(value)).lower()
    return value


Case = tuple[str, str, Item, Item, Statement, Statement | None]


def _rewritten(shared: Path, name: str, lens: Lens, only: str | None) -> Iterator[Case]:
    """(kind, rewritten sentence, gold, gold of the rewrite, statement before, statement
    after or None) for each rewrite of each gold statement the analysis finds."""
    gold_path, corpus = SETS[name]
    gold: dict[str, list[Item]] = defaultdict(list)
    for item in load_gold(shared / gold_path):
        gold[item.doc].append(item)
    for _, doc in read_documents([shared / corpus], lens):
        if isinstance(doc, IngestError):
            print(f"{doc.path}: {doc.reason}", file=sys.stderr)
            continue
        before = analyze_document(doc, lens).statements
        for kind, whole in ARTICLE_REWRITES.items():
            if only and kind != only:
                continue
            after = analyze_document(replace(doc, text=whole(doc.text, lens)), lens).statements
            for item in gold.get(Path(doc.path).name, []):
                right = _find(before, item.sentence, item.condition)
                if right is not None:
                    yield kind, item.sentence, item, item, right, _find(after, item.sentence, item.condition)
        for item in gold.get(Path(doc.path).name, []):
            right = _find(before, item.sentence, item.condition)
            where = re.search(r"\s+".join(map(re.escape, item.sentence.split())), doc.text)
            if right is None or where is None:
                continue
            for kind, rewrite in REWRITES.items():
                if only and kind != only:
                    continue
                for text, changed in rewrite(item.sentence, item):
                    if text == item.sentence:
                        continue
                    changed_text = doc.text[: where.start()] + text + doc.text[where.end() :]
                    after = analyze_document(replace(doc, text=changed_text), lens)
                    found = _find(after.statements, text, item.condition)
                    yield kind, text, item, replace(item, **changed), right, found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=Path(__file__).resolve().parents[2] / "shared")
    parser.add_argument("--set", dest="sets", action="append", choices=sorted(SETS))
    parser.add_argument(
        "--only", choices=sorted({*REWRITES, *ARTICLE_REWRITES}), help="One kind of rewriting."
    )
    parser.add_argument("--show", action="store_true", help="Print each lost statement and broken field.")
    args = parser.parse_args()
    if not (args.shared / "gold").is_dir():
        sys.exit(f"{args.shared}: not the shared data folder (--shared PATH)")
    lens = load_lens()
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for name in args.sets or ["seeds", "train"]:
        for kind, text, gold, wanted, right, found in _rewritten(args.shared, name, lens, args.only):
            counts[kind]["rewrites"] += 1
            if found is None:
                counts[kind]["lost"] += 1
                if args.show:
                    print(f"[{kind}] lost ({gold.condition}): {text}")
                continue
            for field in FIELDS:
                if _value(field, getattr(right, field), lens) != _value(field, getattr(gold, field), lens):
                    continue  # wrong before the rewrite
                counts[kind][f"{field} right"] += 1
                want, got = (
                    _value(field, getattr(wanted, field), lens),
                    _value(field, getattr(found, field), lens),
                )
                if got != want:
                    counts[kind][f"{field} broke"] += 1
                    if args.show:
                        print(f"[{kind}] {field}: {want} -> {got} | {text}")
    for kind, c in counts.items():
        fields = "  ".join(f"{f} {c[f + ' broke']}/{c[f + ' right']}" for f in FIELDS if c[f + " right"])
        print(f"{kind:16} {c['rewrites']:4} rewrites, {c['lost']:3} lost | broke: {fields}")


if __name__ == "__main__":
    main()
