"""Roll-ups of the cell facts, kept in step with every write (migration 13).

`cell_rollups` holds, per (cycle, outcome, domain, source), how many statements there are
and the sums the matrix needs (signed likelihood for the vote, plain likelihood for the
weight), in integer millionths so that removing a document's statements subtracts
exactly what adding them added; `source_rollups` counts each named source's statements
per outcome and direction (the sources page); `documents.statement_count` holds each
document's count.
`save_analysis` calls `retract` before a document's statements are replaced and `record`
after, inside its transaction; the matrix, a cell's count and a cycle's corpus figures
then read these rows instead of aggregating every statement.
"""

from __future__ import annotations

from scenariodesk.store.db import Database

# One cell fact's contribution, in millionths (the same expression in the migration).
SIGNED_MICRO = (
    "CAST(round(CASE sd.direction WHEN '+' THEN sd.probability WHEN '-' THEN -sd.probability"
    " ELSE 0 END * 1000000) AS BIGINT)"
)
WEIGHT_MICRO = "CAST(round(sd.probability * 1000000) AS BIGINT)"

_DOCUMENT_FACTS = (
    "SELECT coalesce(sd.cycle, 0), sd.condition, sd.domain, sd.source_key, count(*),"
    f" sum({SIGNED_MICRO}), sum({WEIGHT_MICRO})"
    " FROM statement_domains sd JOIN statements s ON s.id = sd.statement_id"
    " WHERE s.document_id = ? GROUP BY coalesce(sd.cycle, 0), sd.condition, sd.domain, sd.source_key"
)
_DOCUMENT_SOURCES = (
    "SELECT source, condition, direction, count(*) FROM statements"
    " WHERE document_id = ? AND source != 'author' GROUP BY source, condition, direction"
)
_BUMP_SOURCE = (
    "INSERT INTO source_rollups(source, condition, direction, n) VALUES (?,?,?,?)"
    " ON CONFLICT (source, condition, direction) DO UPDATE SET n = source_rollups.n + excluded.n"
)
_BUMP = (
    "INSERT INTO cell_rollups(cycle, condition, domain, source_key, n, signed_micro, weight_micro)"
    " VALUES (?,?,?,?,?,?,?) ON CONFLICT (cycle, condition, domain, source_key) DO UPDATE SET"
    " n = cell_rollups.n + excluded.n,"
    " signed_micro = cell_rollups.signed_micro + excluded.signed_micro,"
    " weight_micro = cell_rollups.weight_micro + excluded.weight_micro"
)


def retract(db: Database, doc_id: int) -> None:
    """Take a document's statements out of the roll-ups (before they are deleted)."""
    rows = db.execute(_DOCUMENT_FACTS, (doc_id,)).fetchall()
    if rows:
        db.executemany(_BUMP, [(c, o, d, k, -n, -int(sv), -int(wv)) for c, o, d, k, n, sv, wv in rows])
        db.execute("DELETE FROM cell_rollups WHERE n <= 0")
    named = db.execute(_DOCUMENT_SOURCES, (doc_id,)).fetchall()
    if named:
        db.executemany(_BUMP_SOURCE, [(src, o, d, -n) for src, o, d, n in named])
        db.execute("DELETE FROM source_rollups WHERE n <= 0")


def record(db: Database, doc_id: int) -> None:
    """Add a document's (new) statements to the roll-ups, set its statement count and
    bump the store's generation (what derived_cache entries are checked against)."""
    rows = db.execute(_DOCUMENT_FACTS, (doc_id,)).fetchall()
    if rows:
        db.executemany(_BUMP, [(c, o, d, k, n, int(sv), int(wv)) for c, o, d, k, n, sv, wv in rows])
    named = db.execute(_DOCUMENT_SOURCES, (doc_id,)).fetchall()
    if named:
        db.executemany(_BUMP_SOURCE, [(src, o, d, n) for src, o, d, n in named])
    db.execute(
        "UPDATE documents SET statement_count = (SELECT count(*) FROM statements WHERE document_id = ?)"
        " WHERE id = ?",
        (doc_id, doc_id),
    )
    db.execute("UPDATE store_state SET value = value + 1 WHERE key = 'generation'")


def generation(db: Database) -> int:
    row = db.execute("SELECT value FROM store_state WHERE key = 'generation'").fetchone()
    return int(row[0]) if row else 0


def cached(db: Database, key: str) -> tuple[int, str] | None:
    """(generation it was computed at, payload) of a derived result, or None."""
    row = db.execute("SELECT generation, payload FROM derived_cache WHERE key = ?", (key,)).fetchone()
    return (int(row[0]), row[1]) if row else None


def cache(db: Database, key: str, at: int, payload: str) -> None:
    with db.transaction():
        db.execute(
            "INSERT INTO derived_cache(key, generation, payload) VALUES (?,?,?)"
            " ON CONFLICT (key) DO UPDATE SET generation = excluded.generation, payload = excluded.payload",
            (key, at, payload),
        )
