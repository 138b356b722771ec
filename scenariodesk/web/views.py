"""One data function per view: each returns plain JSON-able data that both the HTML page
and the /api/v1 route render, so the page and the API cannot disagree."""

from __future__ import annotations

from dataclasses import asdict, replace
from typing import Any

from markupsafe import Markup, escape

from scenariodesk.aggregate import UnknownCycle, build_matrix, load_matrix
from scenariodesk.aggregate import matrix_view as build_view
from scenariodesk.aggregate import pick_cycle as choose_cycle
from scenariodesk.lens import Lens
from scenariodesk.models import Matrix, SearchHit, StatementFilter, StoredStatement
from scenariodesk.render import statement_to_dict
from scenariodesk.schemas import MatrixOut
from scenariodesk.store import Store

PAGE_SIZE = 50
MAX_PAGE_SIZE = 500


class NotFound(LookupError):
    pass


def highlight(statement: dict[str, Any]) -> Markup:
    """The statement's sentence, escaped, with its condition phrase and cue marked."""
    text = statement["sentence"]
    base = statement["sentence_span"][0]
    marks = []
    for kind, span in (("cue", statement["cue"]), ("condition", statement["condition_phrase"])):
        if span and 0 <= span["start"] - base < span["end"] - base <= len(text):
            marks.append((span["start"] - base, span["end"] - base, kind))
    return _marked(text, marks)


def _marked(text: str, marks: list[tuple[int, int, str]]) -> Markup:
    """Escape `text` and wrap the non-overlapping [start, end) ranges in <mark>."""
    out, pos = [], 0
    for start, end, kind in sorted(marks):
        if start < pos:
            continue
        out.append(escape(text[pos:start]))
        out.append(Markup('<mark class="{}">{}</mark>').format(kind, text[start:end]))
        pos = end
    out.append(escape(text[pos:]))
    return Markup("").join(out)


# ------------------------------------------------------------------------ matrix
def pick_cycle(store: Store, lens: Lens, cycle: str | None) -> int | None:
    """The cycle a page shows (aggregate.pick_cycle); an unknown one is a NotFound."""
    try:
        return choose_cycle(store, lens, cycle)
    except UnknownCycle as exc:
        raise NotFound(str(exc)) from None


def matrix_view(store: Store, lens: Lens, cycle: str | None = None) -> tuple[Matrix, MatrixOut]:
    """The matrix of the cycle a page asks for (aggregate.matrix_view)."""
    return build_view(store, lens, pick_cycle(store, lens, cycle))


def matrix_data(store: Store, lens: Lens, cycle: str | None = None) -> dict[str, Any]:
    return matrix_view(store, lens, cycle)[1].model_dump()


def heat_style(cell: dict[str, Any] | None) -> str:
    """Inline colour for a matrix cell from its net direction alone: hue from red (-1) to
    green (+1), deeper the further from 0 (how much evidence is drawn apart, as a bar).
    Built from numbers only, never from article text."""
    if cell is None:
        return ""
    net = max(-1.0, min(1.0, float(cell["net_direction"])))
    hue = int(60 + 60 * net)
    return f"background: hsla({hue}, 70%, 45%, {0.12 + 0.6 * abs(net):.2f})"


# ------------------------------------------------------------------------ cell
CELL_PAGE = 100  # statements per cell page, strongest first


def cell_cycle(store: Store, lens: Lens, filters: StatementFilter, asked: bool) -> StatementFilter:
    """A cell shows the cycle its matrix shows: unless a cycle is `asked` for, the latest
    in the store (as the matrix page), not every cycle's statements under a header of
    the latest's figures."""
    return filters if asked else replace(filters, cycle=pick_cycle(store, lens, None))


def cell_data(
    store: Store, lens: Lens, outcome: str, domain: str, filters: StatementFilter, offset: int = 0
) -> dict[str, Any]:
    if outcome not in lens.outcome_ids or domain not in lens.domain_ids:
        raise NotFound(f"no cell {outcome}/{domain} in lens {lens.name}")
    where = replace(filters, outcome=outcome, domain=domain)
    offset = max(0, offset)
    rows = [
        statement_to_dict(s)
        for s in store.iter_statements(where, limit=CELL_PAGE, offset=offset, strongest_first=True)
    ]
    if replace(filters, outcome=None, domain=None, cycle=None) == StatementFilter():
        # the cell (of one cycle or all) as the matrix has it: from the roll-ups
        m = load_matrix(store, lens, outcome=outcome, domain=domain, cycle=filters.cycle)
    else:  # the header's figures follow the filters, as the statements below do
        m = build_matrix(store.iter_statements(where), lens, outcome=outcome, domain=domain)
    cell = m.cell(outcome, domain)
    return {
        "outcome": {"id": outcome, "label": lens.labels.get(outcome, outcome)},
        "domain": {"id": domain, "label": lens.labels.get(domain, domain)},
        "cell": asdict(cell) if cell else None,
        "favourable": [r for r in rows if r["direction"] == "+"],
        "unfavourable": [r for r in rows if r["direction"] == "-"],
        "mixed": [r for r in rows if r["direction"] == "0"],
        "shown": len(rows),
        "offset": offset,
        "next_offset": offset + CELL_PAGE,
        "total": store.count_statements(where),
        "filters": asdict(filters),
        "outlets": store.outlets(),
        "cycle": filters.cycle,
        "cycles": store.cycles(),
    }


# ------------------------------------------------------------------------ statements
def statements_data(store: Store, filters: StatementFilter, limit: int, offset: int) -> dict[str, Any]:
    limit = max(1, min(limit, MAX_PAGE_SIZE))
    where = filters
    return {
        "total": store.count_statements(where),
        "limit": limit,
        "offset": offset,
        "statements": [
            statement_to_dict(s) for s in store.iter_statements(where, limit=limit, offset=max(0, offset))
        ],
    }


# ------------------------------------------------------------------------ document
DOCUMENT_SORTS = ("id", "date", "outlet", "statements")
DOCUMENT_STATUSES = ("analyzed", "pending", "failed")


def documents_data(
    store: Store,
    lens: Lens,
    *,
    outlet: str | None = None,
    language: str | None = None,
    cycle: int | None = None,
    status: str | None = None,
    has_statements: bool | None = None,
    sort: str = "id",
    limit: int = PAGE_SIZE,
    offset: int = 0,
) -> dict[str, Any]:
    """One page of the stored documents, filtered and sorted, with their statement counts
    and analysis status."""
    date_from = date_to = None
    if cycle is not None:
        try:
            date_from, date_to = lens.cycle_dates(cycle)
        except KeyError as exc:
            raise NotFound(str(exc.args[0])) from None
    total, rows = store.list_documents(
        StatementFilter(outlet=outlet, language=language, date_from=date_from, date_to=date_to),
        status=status,
        has_statements=has_statements,
        sort=sort,
        limit=limit,
        offset=offset,
        lens=lens.fingerprint,
    )
    return {
        "total": total,
        "offset": offset,
        "limit": limit,
        "documents": [asdict(r) for r in rows],
        "filters": {
            "outlet": outlet,
            "language": language,
            "cycle": cycle,
            "status": status,
            "has_statements": has_statements,
            "sort": sort,
        },
        "outlets": store.outlets(),
        "cycles": [c.year for c in lens.model.cycles],
    }


def document_data(store: Store, doc_id: int) -> dict[str, Any]:
    doc = store.get_document(doc_id)
    if doc is None:
        raise NotFound(f"no document {doc_id}")
    statements = [statement_to_dict(s) for s in store.iter_statements(StatementFilter(document_id=doc_id))]
    return {
        "id": doc.id,
        "title": doc.title,
        "date": doc.date,
        "date_precision": doc.date_precision,
        "outlet": doc.outlet,
        "author": doc.author,
        "url": doc.url,
        "safe_url": doc.url if doc.url.lower().startswith(("http://", "https://")) else "",
        "language": doc.language,
        "path": doc.path,
        "text": doc.text,
        "removed": list(doc.removed),
        "statements": statements,
        "analysis_error": store.analysis_error(doc_id),
    }


def document_html(data: dict[str, Any]) -> list[Markup]:
    """The document's paragraphs, escaped, with statement sentences, conditions and cues marked."""
    text = data["text"]
    spans: dict[tuple[int, int], list[tuple[int, int, str]]] = {}
    for st in data["statements"]:
        start, end = st["sentence_span"]
        inner = spans.setdefault((start, end), [])
        for kind, span in (("cue", st["cue"]), ("condition", st["condition_phrase"])):
            if span:
                inner.append((span["start"], span["end"], kind))
    paragraphs = []
    offset = 0
    for para in text.split("\n"):
        end = offset + len(para)
        pieces, pos = [], offset
        for (s_start, s_end), inner in sorted(spans.items()):
            if s_start < pos or s_end > end:
                continue
            pieces.append(escape(text[pos:s_start]))
            local = [(a - s_start, b - s_start, k) for a, b, k in inner if s_start <= a < b <= s_end]
            body = _marked(text[s_start:s_end], local)
            pieces.append(Markup('<span class="statement" id="s{}">{}</span>').format(s_start, body))
            pos = s_end
        pieces.append(escape(text[pos:end]))
        if para.strip():
            paragraphs.append(Markup("").join(pieces))
        offset = end + 1
    return paragraphs


# ------------------------------------------------------------------------ sources
def sources_data(store: Store, lens: Lens) -> dict[str, Any]:
    sources: dict[str, dict[str, dict[str, int]]] = {}
    for source, outcome, direction, n in store.source_summary():
        by_outcome = sources.setdefault(source, {})
        counts = by_outcome.setdefault(outcome, {"+": 0, "-": 0, "0": 0})
        counts[direction] = n
    roles = lens.actor_roles
    return {
        "sources": [
            {
                "name": name,
                "role": roles.get(name, ""),
                "statements": sum(sum(c.values()) for c in outcomes.values()),
                "outcomes": [
                    {
                        "id": o,
                        "label": lens.labels.get(o, o),
                        "favourable": c["+"],
                        "unfavourable": c["-"],
                        "mixed": c["0"],
                    }
                    for o, c in sorted(
                        outcomes.items(),
                        key=lambda kv: lens.outcome_ids.index(kv[0]) if kv[0] in lens.outcome_ids else 99,
                    )
                ],
            }
            for name, outcomes in sorted(
                sources.items(), key=lambda kv: (-sum(sum(c.values()) for c in kv[1].values()), kv[0])
            )
        ]
    }


# ------------------------------------------------------------------------ search
def table_rows(kind: str, data: dict[str, Any]) -> list[dict[str, Any]]:
    """The rows of the table a page shows, flat, for its CSV and JSON downloads."""
    if kind == "documents":
        return data["documents"]
    if kind == "sources":
        return [
            {"source": s["name"], "role": s["role"], "outcome": o["id"]}
            | {k: o[k] for k in ("favourable", "unfavourable", "mixed")}
            for s in data["sources"]
            for o in s["outcomes"]
        ]
    if kind == "scores":
        return [dict(g) for g in [*data["groups"], data["overall"]]]
    if kind == "forecasts":
        return [dict(f) for f in data["forecasts"]]
    if kind == "simulation":
        return [
            {k: row[k] for k in ("domain", "label", "mean", "p5", "p95", "unfavourable")}
            | {f"sensitivity_{o}": v for o, v in row["sensitivity"].items()}
            for row in data["rows"]
        ]
    raise NotFound(f"no table {kind!r}")


def search_data(store: Store, query: str, filters: StatementFilter, limit: int = PAGE_SIZE) -> dict[str, Any]:
    limit = max(1, min(limit, MAX_PAGE_SIZE))
    if query.strip():
        hits = [asdict(h) for h in store.search(query, filters, limit=limit)]
    elif filters != StatementFilter():  # no words: list the statements the filters select
        hits = [_as_hit(s) for s in store.iter_statements(filters, limit=limit)]
    else:
        hits = []
    return {
        "query": query,
        "filters": asdict(filters),
        "hits": hits,
        "outlets": store.outlets(),
        "cycle": filters.cycle,
        "cycles": store.cycles(),
    }


def _as_hit(stored: StoredStatement) -> dict[str, Any]:
    st, doc = stored.statement, stored.document
    return asdict(
        SearchHit(
            "statement",
            stored.id,
            doc.id or 0,
            doc.title,
            doc.outlet,
            doc.date,
            st.sentence,
            st.condition,
            st.source,
        )
    )


def snippet_html(snippet: str) -> Markup:
    """An FTS5 snippet (hits between \\x02 and \\x03), escaped, hits marked."""
    out = []
    for i, part in enumerate(snippet.split("\x02")):
        hit, _, rest = part.partition("\x03") if i else ("", "", part)
        if hit:
            out.append(Markup("<mark>{}</mark>").format(hit))
        out.append(escape(rest))
    return Markup("").join(out)


# ------------------------------------------------------------------------ scores
def scores_data(store: Store, lens: Lens, by: str) -> dict[str, Any]:
    from scenariodesk.track import GROUPS, score_forecasts

    if by not in GROUPS:
        raise NotFound(f"no grouping {by!r}; use one of {', '.join(GROUPS)}")
    return asdict(score_forecasts(store, lens, by))


def reliability_data_uri(scores: dict[str, Any]) -> str:
    import base64

    from scenariodesk.track import reliability_png

    png = reliability_png(scores["calibration"], scores["scored"])
    return "data:image/png;base64," + base64.b64encode(png).decode()
