"""The briefing memo: executive summary, matrix, domains, simulation, playbook, signposts,
fact check and sources, every claim cited [n] to a statement and its document."""

from __future__ import annotations

import base64
import io
import shutil
import subprocess
import tempfile
from dataclasses import asdict
from pathlib import Path
from typing import Any

from scenariodesk import __version__
from scenariodesk.aggregate import evidence_of, load_matrix
from scenariodesk.developments import Development, developments_of
from scenariodesk.lens import BANDS, Lens
from scenariodesk.models import (
    CorpusSummary,
    Evidence,
    Finding,
    Matrix,
    StatementFilter,
    StoredStatement,
    direction_of,
    verdict,
)
from scenariodesk.proposition import reads_as_sentence
from scenariodesk.render import formats, plural, render_text
from scenariodesk.simulate import SimulationResult, simulate
from scenariodesk.store import Store

FORMATS = (*formats("memo"), "pdf")  # pdf: the html printed by Chromium
SUMMARY_PER_OUTCOME = 5
# What Chromium needs here: no sandbox as root, no background networking (its
# connections are refused on a closed network). The browser test uses the same flags.
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
PRINT_FLAGS = ["--headless", "--no-pdf-header-footer"]


class MemoError(RuntimeError):
    pass


class _References:
    """Numbered references [n], one per cited sentence of a document."""

    def __init__(self, web_url: str | None) -> None:
        self.web_url = web_url.rstrip("/") if web_url else None
        self.items: list[dict[str, Any]] = []
        self._index: dict[tuple[int, int], int] = {}

    def cite(
        self, document_id: int, start: int, sentence: str, source: str, *, title: str, outlet: str, date: str
    ) -> int:
        """The reference number of a sentence, given a new one the first time."""
        key = (document_id, start)
        if key not in self._index:
            self._index[key] = len(self.items) + 1
            link = f"{self.web_url}/documents/{document_id}#s{start}" if self.web_url else None
            self.items.append(
                {
                    "n": self._index[key],
                    "sentence": sentence,
                    "source": source,
                    "document_id": document_id,
                    "title": title,
                    "outlet": outlet,
                    "date": date,
                    "link": link,
                }
            )
        return self._index[key]

    def cite_finding(self, found: Finding, source: str) -> int:
        return self.cite(
            found.document_id,
            found.sentence_start,
            found.sentence,
            source,
            title=found.document_title,
            outlet=found.outlet,
            date=found.date,
        )

    def cite_evidence(self, e: Evidence) -> int:
        return self.cite(
            e.document_id,
            e.sentence_start,
            e.sentence,
            e.source,
            title=e.document_title,
            outlet=e.outlet,
            date=e.date,
        )


def band_of(probability: float, lens: Lens) -> str:
    for band in BANDS:
        low, high = lens.model.bands[band]  # type: ignore[index]
        if probability <= high:
            return band
    return BANDS[-1]


def build_memo(
    store: Store,
    lens: Lens,
    *,
    prior: dict[str, float] | None = None,
    runs: int = 10_000,
    seed: int = 0,
    web_url: str | None = None,
    cycle: int | None = None,
) -> dict[str, Any]:
    """All the memo's content as plain data; the renderers only lay it out. Statements
    stream once (into the developments); what the memo cites is read by id. With a
    `cycle`, only that election's articles, and its candidates' rows."""
    refs = _References(web_url)
    where = StatementFilter(cycle=cycle)
    prior = prior or lens.default_prior(cycle)
    developments = developments_of(store, lens, cycle, every_statement=False)
    matrix = load_matrix(store, lens, cycle=cycle)
    result = simulate(developments, lens.domain_ids, prior, runs=runs, seed=seed)
    labels = lens.labels
    corpus = store.corpus_summary(where)
    return {
        "title": f"Scenario brief for {lens.model.subject}"
        + (f": the {cycle} election" if cycle is not None else ": every election cycle"),
        "subtitle": _subtitle(corpus),
        "cycle": cycle,
        "lens": lens.fingerprint,
        "subject": lens.model.subject,
        "version": __version__,
        "documents": corpus.documents,
        "statements": corpus.statements,
        "sources": corpus.sources,
        "summary": _summary(store, developments, prior, lens, refs),
        "matrix": _matrix_table(matrix, labels),
        "matrix_figure": _matrix_figure(matrix, labels),
        "domains": _domain_sections(matrix, labels, refs),
        "simulation": _simulation_data(result, labels),
        "simulation_figure": _simulation_figure(result, labels),
        "developments": len(developments),
        "playbook": _playbook(store, lens, refs, cycle),
        "signposts": _signposts(store, lens, refs, cycle),
        "facts": _facts(store, lens, refs, cycle),
        "references": refs.items,
    }


def _subtitle(corpus: CorpusSummary) -> str:
    """'4 articles from 2024-07-01 to 2024-10-28; 57 statements from 12 sources'."""
    dates = (
        f" from {corpus.first_date} to {corpus.last_date}"
        if corpus.first_date and corpus.first_date != corpus.last_date
        else (f" of {corpus.first_date}" if corpus.first_date else "")
    )
    return (
        f"{plural(corpus.documents, 'article')}{dates}; "
        f"{plural(corpus.statements, 'statement')} from {plural(corpus.sources, 'source')}"
    )


def _summary(
    store: Store, developments: list[Development], prior: dict[str, float], lens: Lens, refs: _References
) -> list[dict[str, Any]]:
    """Per outcome, its weightiest developments, each stated as a proposition one of its
    statements makes (a clause with its subject, or the whole sentence) and citing up to
    three statements. A development none of whose statements reads as a sentence (a cut
    headline, a fragment) is left to the domain sections."""
    chosen: dict[str, list[Development]] = {}
    for outcome in [*prior, "any"]:
        devs = [d for d in developments if d.outcome == outcome]
        devs.sort(
            key=lambda d: (-(d.probability * max(abs(d.impact), 0.25)) * (1 + 0.25 * (d.support - 1)), d.id)
        )
        if devs:
            chosen[outcome] = devs[: SUMMARY_PER_OUTCOME * 2]  # room for the ones left out
    members = {
        s.id: s
        for s in store.get_statements([i for devs in chosen.values() for d in devs for i in d.statements])
    }
    evidence = {i: evidence_of(s) for i, s in members.items()}

    def cite(statement_id: int) -> int:
        return refs.cite_evidence(evidence[statement_id])

    blocks = []
    for outcome, devs in chosen.items():
        points = []
        for dev in devs:
            stated = _stated(dev, members, lens)
            if stated is not None and len(points) < SUMMARY_PER_OUTCOME:
                points.append(_point(dev, stated, lens, cite))
        if points:
            blocks.append({"outcome": outcome, "label": lens.labels.get(outcome, outcome), "points": points})
    return blocks


def _stated(dev: Development, members: dict[int, StoredStatement], lens: Lens) -> str | None:
    """The first proposition of the development (its representative first) that parses as
    a sentence with a subject and a verb, ending with its full stop; else its first whole
    sentence that does. One that reads out of place in a summary (`_leans_on_context`:
    "This isolation could …", "I heard …", a title-case headline) only where no other
    does: a summary line is read out of its article."""
    order = [dev.representative, *(i for i in dev.statements if i != dev.representative)]
    found = [members[i].statement for i in order if i in members]
    texts = [t.strip() for t in (*(st.quotable for st in found), *(st.sentence for st in found))]
    for text in sorted(texts, key=lambda t: _leans_on_context(t, lens)):  # stable: order kept
        if text and reads_as_sentence(text):
            return text if text.rstrip("'\"’”")[-1:] in (".", "?", "!") else text.rstrip(",;:") + "."
    return None


# Pronouns that open a sentence by pointing back at the one before it ("Its outcome will
# reshape …", "They would …") or at its speaker ("I heard …"): closed-class English,
# beside the lens's own `anaphors`.
_POINTING_BACK = frozenset(
    ["it", "its", "they", "their", "them", "these", "those", "he", "his", "she", "her"]
    + ["i", "we", "my", "our", "us"]
)


def _leans_on_context(text: str, lens: Lens) -> bool:
    """A text that opens by pointing back at its article or its speaker ("This isolation
    …", "Its …", "I heard …"), or a headline in title case ("A Second-Term Trump Would
    Keep Trying …"), which a summary line should not be where another text says it."""
    words = text.split()
    first = words[0].strip("\"'“‘").lower() if words else ""
    long = [w for w in words if len(w.strip("\"'“‘,.")) > 3]
    headline = len(long) >= 4 and sum(w[:1].isupper() for w in long) >= 0.8 * len(long)
    return bool(lens.anaphors.match(text)) or first in _POINTING_BACK or headline


def _domain_sections(matrix: Matrix, labels: dict[str, str], refs: _References) -> list[dict[str, Any]]:
    domains = []
    for domain in matrix.domains:
        cells = []
        for outcome in matrix.outcomes:
            cell = matrix.cell(outcome, domain)
            if cell is None:
                continue
            cells.append(
                asdict(cell)
                | {
                    "label": labels.get(outcome, outcome),
                    "verdict": verdict(cell.net_direction),
                    "cited": [{"ref": refs.cite_evidence(e), **asdict(e)} for e in cell.evidence],
                }
            )
        if cells:
            domains.append({"id": domain, "label": labels.get(domain, domain), "cells": cells})
    return domains


def _playbook(store: Store, lens: Lens, refs: _References, cycle: int | None) -> list[dict[str, Any]]:
    labels = lens.labels
    playbook: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for rec in store.recommendations(cycle):
        n = refs.cite_finding(rec, rec.source)
        key = (rec.outcome, rec.domains[0] if rec.domains else "general")
        playbook.setdefault(key, []).append({"ref": n, "sentence": rec.sentence, "source": rec.source})
    return [
        {
            "outcome": o,
            "outcome_label": labels.get(o, o),
            "domain": d,
            "domain_label": labels.get(d, d),
            "entries": items,
        }
        for (o, d), items in sorted(playbook.items(), key=lambda kv: (_order(lens, kv[0][0]), kv[0][1]))
    ]


def _signposts(store: Store, lens: Lens, refs: _References, cycle: int | None) -> list[dict[str, Any]]:
    hits: dict[str, list[dict[str, Any]]] = {}
    for hit in store.signpost_reports(cycle=cycle):
        n = refs.cite_finding(hit, "author")
        hits.setdefault(hit.signpost, []).append(
            {"ref": n, "match": hit.match, "date": hit.date, "outlet": hit.outlet}
        )
    return [
        {**s.model_dump(), "outcome_label": lens.labels.get(s.outcome, s.outcome), "hits": hits.get(s.id, [])}
        for s in lens.model.signposts
    ]


def _facts(store: Store, lens: Lens, refs: _References, cycle: int | None) -> list[dict[str, Any]]:
    claims: dict[str, list[dict[str, Any]]] = {}
    for claim in store.fact_claims(cycle):
        n = refs.cite_finding(claim, claim.source)
        claims.setdefault(claim.fact, []).append({"ref": n, **asdict(claim)})
    return [{**f.model_dump(), "claims": claims.get(f.id, [])} for f in lens.model.facts]


def _order(lens: Lens, outcome: str) -> int:
    return lens.outcome_ids.index(outcome) if outcome in lens.outcome_ids else 99


def _point(dev: Development, stated: str, lens: Lens, cite) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    band = band_of(dev.probability, lens)
    return {
        "id": dev.id,
        "band": band.replace("_", " "),
        "probability": dev.probability,
        "label": dev.label,
        "stated": stated,
        "direction": dev.direction,
        "domains": [lens.labels.get(d, d) for d in dev.domains],
        "support": dev.support,
        "sources": len(dev.sources),
        "refs": [cite(i) for i in dev.statements[:3]],
    }


def _matrix_table(matrix, labels: dict[str, str]) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    return {
        "domains": [labels.get(d, d) for d in matrix.domains],
        "rows": [
            {
                "label": labels.get(o, o),
                "cells": [
                    None
                    if (c := matrix.cell(o, d)) is None
                    else {
                        "net": c.net_direction,
                        "tone": {"+": "plus", "-": "minus"}.get(direction_of(c.net_direction), "zero"),
                        "n": c.statements,
                        "sources": c.sources,
                    }
                    for d in matrix.domains
                ],
            }
            for o in matrix.outcomes
        ],
    }


def _simulation_data(result: SimulationResult, labels: dict[str, str]) -> dict[str, Any]:
    data = asdict(result)
    for d in data["domains"]:
        d["label"] = labels.get(d["domain"], d["domain"])
    data["prior_labels"] = {o: labels.get(o, o) for o in result.prior}
    return data


def _png(fig) -> str:  # type: ignore[no-untyped-def]
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=130, bbox_inches="tight")
    import matplotlib.pyplot as plt

    plt.close(fig)
    return "data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode()


def _matrix_figure(matrix, labels: dict[str, str]) -> str | None:  # type: ignore[no-untyped-def]
    """The matrix as a heatmap PNG (matplotlib, offline), as a data URI."""
    if not matrix.cells:
        return None
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    import numpy as np

    values = np.full((len(matrix.outcomes), len(matrix.domains)), np.nan)
    for i, o in enumerate(matrix.outcomes):
        for j, d in enumerate(matrix.domains):
            if (c := matrix.cell(o, d)) is not None:
                values[i, j] = c.net_direction
    fig, ax = plt.subplots(figsize=(10, 0.7 * len(matrix.outcomes) + 1.6))
    image = ax.imshow(values, cmap="RdYlGn", vmin=-1, vmax=1, aspect="auto")
    ax.set_xticks(
        range(len(matrix.domains)),
        [matrix.short_labels.get(d, d) for d in matrix.domains],
        rotation=30,
        ha="right",
    )
    ax.set_yticks(range(len(matrix.outcomes)), [labels.get(o, o) for o in matrix.outcomes])
    for i, o in enumerate(matrix.outcomes):
        for j, d in enumerate(matrix.domains):
            if (c := matrix.cell(o, d)) is not None:
                ax.text(
                    j,
                    i,
                    f"{c.net_direction:+.2f}\n{c.statements}·{c.sources}",
                    ha="center",
                    va="center",
                    fontsize=7,
                )
    fig.colorbar(image, ax=ax, label="net direction (−1 unfavourable … +1 favourable)")
    ax.set_title("Scenario matrix: net impact by outcome and domain (statements·sources)")
    return _png(fig)


def _simulation_figure(result: SimulationResult, labels: dict[str, str]) -> str | None:
    if not result.domains:
        return None
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(9, 3.2))
    names = [labels.get(d.domain, d.domain) for d in result.domains]
    ax.barh(names, [d.unfavourable for d in result.domains], color="#b3261e")
    ax.set_xlim(0, 1)
    ax.invert_yaxis()
    ax.set_xlabel("probability the domain ends unfavourable for the subject")
    ax.set_title(f"Simulation: {result.runs:,} runs, seed {result.seed}")
    return _png(fig)


# ------------------------------------------------------------------------ rendering
def render_memo(memo: dict[str, Any], fmt: str) -> str:
    """HTML or Markdown text of the memo (the renderer registry's "memo" kind)."""
    return render_text("memo", fmt, memo)


def write_memo(memo: dict[str, Any], fmt: str, out: Path) -> Path:
    if fmt not in FORMATS:
        raise MemoError(f"format must be one of {', '.join(FORMATS)} (got {fmt!r})")
    if fmt != "pdf":
        out.write_text(render_memo(memo, fmt), encoding="utf-8")
        return out
    browser = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
    if browser is None:
        raise MemoError(
            "a PDF needs Chromium (apt-get install chromium); --format html or md work without it"
        )
    with tempfile.TemporaryDirectory(prefix="scenariodesk-memo-") as tmp:
        page = Path(tmp) / "memo.html"
        page.write_text(render_memo(memo, "html"), encoding="utf-8")
        command = [
            browser,
            *PRINT_FLAGS,
            *CHROMIUM_FLAGS,
            f"--user-data-dir={tmp}/profile",
            f"--print-to-pdf={out.resolve()}",
            page.as_uri(),
        ]
        done = subprocess.run(command, capture_output=True, text=True, timeout=120)
        if done.returncode != 0 or not out.exists():
            raise MemoError(
                f"Chromium could not print the PDF: {(done.stderr or '').strip().splitlines()[-1:]}"
            )
    return out
