"""Full-text search over statements (with the statement filter) and document passages
(with its document fields): FTS5 with the Porter stemmer on SQLite, `tsvector` with the
'english' configuration on PostgreSQL."""

from __future__ import annotations

import re

from scenariodesk.models import SearchHit, StatementFilter
from scenariodesk.store.db import Database
from scenariodesk.store.statements import filter_clauses

_HANGUL = re.compile(r"[\uac00-\ud7a3]")
_WORDS = re.compile(r"\w[\w'-]*")
_MAX_WORDS = 20
# An unfiltered query is ranked among the most recently stored matches of each kind: FTS5
# computes the rank of every match, so a word found in every other statement of a large
# store would otherwise cost a rank per match (a quarter of a second at a million).
RANKED_CANDIDATES = 2000


def _newest(table: str) -> str:
    """A bound on the rowid: at most RANKED_CANDIDATES of the newest matches pass it."""
    return (
        f" AND {table}.rowid >= (SELECT coalesce(min(rowid), 0) FROM (SELECT rowid FROM {table}"
        f" WHERE {table} MATCH ? ORDER BY rowid DESC LIMIT {RANKED_CANDIDATES}) newest)"
    )


def fts_query(text: str) -> str:
    """A user's words as an FTS5 query: each word quoted (so operators and punctuation in
    the input cannot break the query), all required."""
    words = _WORDS.findall(text)
    # A Korean word carries its particle ("방위비는"): it is searched by prefix.
    return " ".join(
        '"' + w.replace('"', '""') + '"' + ("*" if _HANGUL.search(w) else "") for w in words[:_MAX_WORDS]
    )


def search(db: Database, query: str, where: StatementFilter, *, limit: int = 50) -> list[SearchHit]:
    match = fts_query(query)
    if not match:
        return []
    if db.postgres:
        return _search_postgres(db, " ".join(_WORDS.findall(query)[:_MAX_WORDS]), where, limit)
    clause, params = _and(filter_clauses(where))
    doc_clause, doc_params = _and(filter_clauses(where.documents_only()))
    if not params:
        clause, params = _newest("statement_fts"), [match]
    if not doc_params:
        doc_clause, doc_params = _newest("passage_fts"), [match]
    statements = db.execute(
        "SELECT s.id, d.id, d.title, d.outlet, d.date,"
        " snippet(statement_fts, 0, char(2), char(3), '…', 40), s.condition, s.source"
        " FROM statement_fts JOIN statements s ON s.id = statement_fts.rowid"
        " JOIN documents d ON d.id = s.document_id"
        f" WHERE statement_fts MATCH ?{clause} ORDER BY rank LIMIT {int(limit)}",
        [match, *params],
    )
    hits = [SearchHit("statement", *r) for r in statements]
    passages = db.execute(
        "SELECT p.id, d.id, d.title, d.outlet, d.date, snippet(passage_fts, 0, char(2), char(3), '…', 40)"
        " FROM passage_fts JOIN passages p ON p.id = passage_fts.rowid JOIN documents d ON d.id = p.document_id"
        f" WHERE passage_fts MATCH ?{doc_clause} ORDER BY rank LIMIT {int(limit)}",
        [match, *doc_params],
    )
    return hits + [SearchHit("passage", *r) for r in passages]


def _search_postgres(db: Database, words: str, where: StatementFilter, limit: int) -> list[SearchHit]:
    clause, params = _and(filter_clauses(where))
    doc_clause, doc_params = _and(filter_clauses(where.documents_only()))

    def parts(col: str) -> tuple[str, str, str]:
        query = "plainto_tsquery('english', ?)"
        found = f"to_tsvector('english', {col}) @@ {query}"
        snippet = (
            f"ts_headline('english', {col}, {query},"
            " 'StartSel=' || chr(2) || ', StopSel=' || chr(3) || ', MaxWords=40, MinWords=20')"
        )
        rank = f"ts_rank(to_tsvector('english', {col}), {query}) DESC"
        return found, snippet, rank

    found, snippet, rank = parts("s.sentence")
    statements = db.execute(
        f"SELECT s.id, d.id, d.title, d.outlet, d.date, {snippet}, s.condition, s.source"
        f" FROM statements s JOIN documents d ON d.id = s.document_id WHERE {found}{clause}"
        f" ORDER BY {rank} LIMIT {int(limit)}",
        [words, words, *params, words],
    )
    hits = [SearchHit("statement", *r) for r in statements]
    found, snippet, rank = parts("p.text")
    passages = db.execute(
        f"SELECT p.id, d.id, d.title, d.outlet, d.date, {snippet}"
        f" FROM passages p JOIN documents d ON d.id = p.document_id WHERE {found}{doc_clause}"
        f" ORDER BY {rank} LIMIT {int(limit)}",
        [words, words, *doc_params, words],
    )
    return hits + [SearchHit("passage", *r) for r in passages]


def _and(where: tuple[list[str], list[object]]) -> tuple[str, list[object]]:
    """The filter's conditions as further conditions of a query that has its own WHERE."""
    clauses, params = where
    return "".join(f" AND {c}" for c in clauses), params
