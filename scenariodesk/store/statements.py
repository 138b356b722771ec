"""Statements: save a document's analysis, read statements back by filter, and the
per-cell sums and evidence the matrix is built from."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Sequence
from typing import Any

from scenariodesk.models import (
    AUTHOR,
    Analysis,
    CellSums,
    CorpusSummary,
    DocumentRef,
    Span,
    Statement,
    StatementFilter,
    StoredStatement,
    source_key,
)
from scenariodesk.store import rollups
from scenariodesk.store.db import Database

# A statement with its document's provenance and its domains in order.
STATEMENT_SELECT = (
    "SELECT s.*, d.id AS d_id, d.path AS d_path, d.title AS d_title, d.date AS d_date,"
    " d.outlet AS d_outlet, d.url AS d_url, d.author AS d_author, d.language AS d_language,"
    " (SELECT group_concat(domain, ',') FROM (SELECT domain FROM statement_domains"
    "   WHERE statement_id = s.id ORDER BY position) AS ordered_domains) AS domain_list"
    " FROM statements s JOIN documents d ON d.id = s.document_id"
)

# The strongest evidence first: likeliest, a named source before the author, earliest.
STRONGEST_FIRST = "s.probability DESC, s.source = 'author', s.id"


def filter_sql(where: StatementFilter, *, dense_domain: bool = False) -> tuple[str, list[object]]:
    """(WHERE clause or "", parameters) over statements `s` joined to documents `d`."""
    clauses, params = filter_clauses(where, dense_domain=dense_domain)
    return (" WHERE " + " AND ".join(clauses) if clauses else ""), params


def filter_clauses(where: StatementFilter, *, dense_domain: bool = False) -> tuple[list[str], list[object]]:
    """The filter's conditions (to be AND-ed) and their parameters. A domain is tested
    per statement (`EXISTS`) when it is `dense_domain` (a page read in order stops early),
    else by the list of its statements (cheap for a small domain)."""
    clauses: list[str] = []
    params: list[object] = []

    def add(clause: str, value: object) -> None:
        clauses.append(clause)
        params.append(value)

    if where.outcome:
        add("s.condition = ?", where.outcome)
    if where.domain and dense_domain:
        add(
            "EXISTS (SELECT 1 FROM statement_domains sd WHERE sd.domain = ? AND sd.statement_id = s.id)",
            where.domain,
        )
    elif where.domain:
        add("s.id IN (SELECT statement_id FROM statement_domains WHERE domain = ?)", where.domain)
    if where.source:
        add(
            "lower(s.source) LIKE ? ESCAPE '\\'",
            "%" + re.sub(r"([%_\\])", r"\\\1", where.source.lower()) + "%",
        )
    if where.document_id is not None:
        add("s.document_id = ?", where.document_id)
    if where.outlet:
        add("d.outlet = ?", where.outlet)
    if where.language:
        add("d.language = ?", where.language)
    if where.date_from:
        add("d.date >= ?", where.date_from)
    if where.date_to:
        add("d.date != '' AND d.date <= ?", where.date_to)
    if where.min_probability is not None:
        add("s.probability >= ?", where.min_probability)
    if where.direction:
        add("s.direction = ?", where.direction)
    if where.cycle is not None:
        add("d.cycle = ?", where.cycle)
    return clauses, params


def save_analysis(db: Database, doc_id: int, analysis: Analysis, lens: str) -> None:
    """Replace everything analysis found in a document with `analysis`, atomically."""
    with db.transaction():
        if db.postgres:
            # Two analyses of one document at once (two `analyze` runs, a restarted
            # partition) take turns here, so neither can leave the other's rows behind.
            db.execute("SELECT id FROM documents WHERE id = ? FOR UPDATE", (doc_id,))
        _save_findings(db, doc_id, analysis)
        outlet = db.execute("SELECT outlet FROM documents WHERE id = ?", (doc_id,)).fetchone()[0]
        rollups.retract(db, doc_id)
        db.execute("DELETE FROM statements WHERE document_id = ?", (doc_id,))
        for st in analysis.statements:
            _insert_statement(db, doc_id, st, lens, source_key(st.source, outlet, doc_id), analysis.cycle)
        rollups.record(db, doc_id)
        db.execute(
            "UPDATE documents SET analyzed_with = ?, analysis_error = ?, cycle = ? WHERE id = ?",
            (lens, analysis.failure or None, analysis.cycle, doc_id),
        )


def _save_findings(db: Database, doc_id: int, analysis: Analysis) -> None:
    """Recommendations, signpost reports and fact claims, replaced."""
    for table in ("recommendations", "signpost_hits", "fact_claims"):
        db.execute(f"DELETE FROM {table} WHERE document_id = ?", (doc_id,))
    db.executemany(
        "INSERT INTO recommendations(document_id, sentence, sentence_start, sentence_end, outcome,"
        " domains, rule, source) VALUES (?,?,?,?,?,?,?,?)",
        [
            (doc_id, r.sentence, *r.sentence_span, r.outcome, ",".join(r.domains), r.rule, r.source)
            for r in analysis.recommendations
        ],
    )
    db.executemany(
        "INSERT INTO signpost_hits(document_id, signpost, sentence, sentence_start, sentence_end, match)"
        " VALUES (?,?,?,?,?,?)",
        [(doc_id, h.signpost, h.sentence, *h.sentence_span, h.match.text) for h in analysis.signposts],
    )
    db.executemany(
        "INSERT INTO fact_claims(document_id, fact, value, sentence, sentence_start, sentence_end, match,"
        " source, verdict) VALUES (?,?,?,?,?,?,?,?,?)",
        [
            (doc_id, c.fact, c.value, c.sentence, *c.sentence_span, c.match.text, c.source, c.verdict)
            for c in analysis.claims
        ],
    )


def _insert_statement(
    db: Database, doc_id: int, st: Statement, lens: str, voter: str, cycle: int | None
) -> None:
    cond = st.condition_phrase
    cur = db.execute(
        "INSERT INTO statements(document_id, sentence, sentence_start, sentence_end,"
        " condition, direction, likelihood, probability, cue, cue_start, cue_end,"
        " condition_phrase, condition_start, condition_end, source, source_phrase,"
        " rules, lens, proposition) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) RETURNING id",
        (
            doc_id,
            st.sentence,
            *st.sentence_span,
            st.condition,
            st.direction,
            st.likelihood,
            st.probability,
            st.cue.text,
            st.cue.start,
            st.cue.end,
            cond.text if cond else None,
            cond.start if cond else None,
            cond.end if cond else None,
            st.source,
            st.source_phrase,
            json.dumps(list(st.rules)),
            lens,
            st.proposition,
        ),
    )
    statement_id = cur.fetchone()[0]
    named = int(st.source != AUTHOR)
    db.executemany(
        "INSERT INTO statement_domains(statement_id, domain, position, condition, direction,"
        " probability, named, source_key, cycle) VALUES (?,?,?,?,?,?,?,?,?)",
        [
            (statement_id, d, i, st.condition, st.direction, st.probability, named, voter, cycle)
            for i, d in enumerate(st.domains)
        ],
    )


def iter_statements(
    db: Database,
    where: StatementFilter,
    *,
    limit: int | None = None,
    offset: int = 0,
    strongest_first: bool = False,
) -> Iterator[StoredStatement]:
    """Statements in document order (or strongest first); `limit`/`offset` page."""
    if strongest_first and limit is not None and _is_cell(where):
        # a cell's page: ids by an index seek on cell_strongest(_cycle), then the rows
        yield from get_statements(
            db, cell_evidence(db, where.outcome, where.domain, limit, where.cycle, offset)
        )
        return
    dense = limit is not None and bool(where.domain) and _domain_size(db, where.domain) > DENSE_DOMAIN
    clause, params = filter_sql(where, dense_domain=dense)
    page = f" LIMIT {int(limit)} OFFSET {int(offset)}" if limit is not None else ""
    order = STRONGEST_FIRST if strongest_first else "s.document_id, s.sentence_start, s.id"
    for row in db.execute(STATEMENT_SELECT + clause + " ORDER BY " + order + page, params):
        yield stored_statement(row)


# Statements of a domain above which a page of them is read in order with a test per
# statement rather than from the list of all of them (see filter_clauses).
DENSE_DOMAIN = 20_000


def _domain_size(db: Database, domain: str) -> int:
    return int(
        db.execute("SELECT coalesce(sum(n), 0) FROM cell_rollups WHERE domain = ?", (domain,)).fetchone()[0]
    )


def _is_cell(where: StatementFilter) -> bool:
    """Only an outcome, a domain and maybe a cycle: what the cell facts answer alone."""
    return bool(where.outcome and where.domain) and where == StatementFilter(
        outcome=where.outcome, domain=where.domain, cycle=where.cycle
    )


def count_statements(db: Database, where: StatementFilter) -> int:
    if where.domain and where == StatementFilter(
        outcome=where.outcome, domain=where.domain, cycle=where.cycle
    ):
        # a cell (or a domain): one roll-up row per source (a statement has a domain once)
        clauses, params = ["domain = ?"], [where.domain]
        for clause, value in (("condition = ?", where.outcome), ("cycle = ?", where.cycle)):
            if value is not None:
                clauses.append(clause)
                params.append(value)
        sql = "SELECT coalesce(sum(n), 0) FROM cell_rollups WHERE " + " AND ".join(clauses)
        return int(db.execute(sql, params).fetchone()[0])
    if where == StatementFilter(cycle=where.cycle):  # the whole store or a cycle: per document
        cycle = "" if where.cycle is None else " AND cycle = ?"
        sql = "SELECT coalesce(sum(statement_count), 0) FROM documents WHERE statement_count > 0" + cycle
        return int(db.execute(sql, [] if where.cycle is None else [where.cycle]).fetchone()[0])
    clause, params = filter_sql(where)
    sql = "SELECT count(*) FROM statements s JOIN documents d ON d.id = s.document_id" + clause
    return db.execute(sql, params).fetchone()[0]


def get_statements(db: Database, ids: Sequence[int]) -> list[StoredStatement]:
    """The statements with these ids, in the order given (unknown ids left out)."""
    if not ids:
        return []
    marks = ",".join("?" * len(ids))
    rows = db.execute(STATEMENT_SELECT + f" WHERE s.id IN ({marks})", list(ids)).fetchall()
    by_id = {row["id"]: stored_statement(row) for row in rows}
    return [by_id[i] for i in ids if i in by_id]


def corpus_summary(db: Database, where: StatementFilter) -> CorpusSummary:
    """Articles, statements, sources (the cell facts' voter keys) and dates under a filter;
    for a whole cycle (or the whole store) from the roll-ups."""
    if where == StatementFilter(cycle=where.cycle):
        cycle = "" if where.cycle is None else " AND cycle = ?"
        params: list[object] = [] if where.cycle is None else [where.cycle]
        documents, statements, first, last = db.execute(
            "SELECT count(*), coalesce(sum(statement_count), 0), min(nullif(date, '')), max(nullif(date, ''))"
            " FROM documents WHERE statement_count > 0" + cycle,
            params,
        ).fetchone()
        (sources,) = db.execute(
            "SELECT count(DISTINCT source_key) FROM cell_rollups" + (" WHERE cycle = ?" if params else ""),
            params,
        ).fetchone()
        return CorpusSummary(int(documents), int(statements), int(sources), first or "", last or "")
    clause, params = filter_sql(where)
    joined = " FROM statements s JOIN documents d ON d.id = s.document_id" + clause
    documents, statements, first, last = db.execute(
        "SELECT count(DISTINCT d.id), count(*), min(nullif(d.date, '')), max(nullif(d.date, ''))" + joined,
        params,
    ).fetchone()
    sql = (
        "SELECT count(DISTINCT sd.source_key) FROM statement_domains sd"
        " JOIN statements s ON s.id = sd.statement_id JOIN documents d ON d.id = s.document_id" + clause
    )
    (sources,) = db.execute(sql, params).fetchone()
    return CorpusSummary(int(documents), int(statements), int(sources), first or "", last or "")


def _cell_facts(outcome: str | None, domain: str | None, cycle: int | None) -> tuple[str, list[object]]:
    """(FROM ... WHERE ..., parameters) over the cell facts of the chosen cells: the
    statement_domains rows, which carry outcome, domain, cycle and vote (covering indexes
    cell_facts and cell_facts_cycle)."""
    clauses, params = [], []
    for clause, value in (("sd.cycle = ?", cycle), ("sd.condition = ?", outcome), ("sd.domain = ?", domain)):
        if value is not None and value != "":
            clauses.append(clause)
            params.append(value)
    return "statement_domains sd" + (" WHERE " + " AND ".join(clauses) if clauses else ""), params


def cell_sums(
    db: Database, *, outcome: str | None = None, domain: str | None = None, cycle: int | None = None
) -> list[CellSums]:
    """One row per (outcome, domain) cell: counts and sums, from the roll-ups (a row per
    cell and source, kept in step on write: rollups.py)."""
    clauses, params = [], []
    for clause, value in (("cycle = ?", cycle), ("condition = ?", outcome), ("domain = ?", domain)):
        if value is not None and value != "":
            clauses.append(clause)
            params.append(value)
    where = (" WHERE " + " AND ".join(clauses)) if clauses else ""
    # Per source first (one source, one vote: the mean of its signed likelihoods, summed
    # over cycles when every cycle is shown), then per cell; aggregate.py shrinks the sum
    # of votes toward 0.
    per_source = (
        "SELECT condition, domain, source_key, sum(n) AS n, sum(signed_micro) AS signed,"
        f" sum(weight_micro) AS weight FROM cell_rollups{where} GROUP BY condition, domain, source_key"
    )
    sql = (
        "SELECT condition, domain, sum(n), count(*), coalesce(sum(signed * 1.0 / n), 0) / 1000000.0,"
        " coalesce(sum(weight), 0) / 1000000.0,"
        " sum(CASE WHEN signed > 0 THEN 1 ELSE 0 END), sum(CASE WHEN signed < 0 THEN 1 ELSE 0 END)"
        f" FROM ({per_source}) per_source GROUP BY condition, domain"
    )
    return [
        CellSums(
            o, dom, int(n), int(src), float(w), float(wt), int(pos), int(neg)
        )  # PostgreSQL sums are Decimal
        for o, dom, n, src, w, wt, pos, neg in db.execute(sql, params)
    ]


def cell_evidence(
    db: Database, outcome: str, domain: str, per_cell: int = 3, cycle: int | None = None, offset: int = 0
) -> list[int]:
    """Ids of a cell's strongest statements (the order of STRONGEST_FIRST: an index seek on
    cell_strongest, or cell_strongest_cycle for one cycle)."""
    facts, params = _cell_facts(outcome, domain, cycle)
    sql = (
        f"SELECT sd.statement_id FROM {facts}"
        " ORDER BY sd.probability DESC, sd.named DESC, sd.statement_id"
        f" LIMIT {int(per_cell)} OFFSET {int(offset)}"
    )
    return [r[0] for r in db.execute(sql, params)]


def source_summary(db: Database) -> list[tuple[str, str, str, int]]:
    """(source, outcome, direction, statements) for every named source (the roll-ups)."""
    sql = "SELECT source, condition, direction, n FROM source_rollups ORDER BY source, condition, direction"
    return [(r[0], r[1], r[2], int(r[3])) for r in db.execute(sql)]


def stored_statement(row: Any) -> StoredStatement:
    cond = None
    if row["condition_phrase"] is not None:
        cond = Span(row["condition_start"], row["condition_end"], row["condition_phrase"])
    statement = Statement(
        sentence=row["sentence"],
        sentence_span=(row["sentence_start"], row["sentence_end"]),
        condition=row["condition"],
        domains=tuple(row["domain_list"].split(",")) if row["domain_list"] else (),
        direction=row["direction"],
        likelihood=row["likelihood"],
        probability=row["probability"],
        cue=Span(row["cue_start"], row["cue_end"], row["cue"]),
        condition_phrase=cond,
        source=row["source"],
        source_phrase=row["source_phrase"],
        rules=tuple(json.loads(row["rules"])),
        doc_id=row["document_id"],
        proposition=row["proposition"],
    )
    document = DocumentRef(
        id=row["d_id"],
        path=row["d_path"],
        title=row["d_title"],
        date=row["d_date"],
        outlet=row["d_outlet"],
        url=row["d_url"],
        author=row["d_author"],
        language=row["d_language"],
    )
    return StoredStatement(row["id"], statement, document)
