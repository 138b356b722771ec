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

from collections.abc import Sequence

from scenariodesk.store.db import Database

# One cell fact's contribution, in millionths (the same expression in the migration).
SIGNED_MICRO = (
    "CAST(round(CASE sd.direction WHEN '+' THEN sd.probability WHEN '-' THEN -sd.probability"
    " ELSE 0 END * 1000000) AS BIGINT)"
)
WEIGHT_MICRO = "CAST(round(sd.probability * 1000000) AS BIGINT)"


def create_rollups(db: Database) -> None:
    """Migration 13: roll-ups kept in step on write, so the matrix, a cell's count and
    a cycle's corpus figures read a few rows, not every statement: per (cycle, outcome,
    domain, source) the number of statements and their signed and plain likelihood sums
    (in millionths, so adding and removing is exact); per named source and outcome its
    statements by direction; per document its statement count. And the store's
    generation (bumped by every saved analysis) with a cache of what is derived from all
    statements (developments), valid while the generation it was computed at holds."""
    db.script(
        f"""
        CREATE TABLE cell_rollups (
            cycle INTEGER NOT NULL,
            condition TEXT NOT NULL,
            domain TEXT NOT NULL,
            source_key TEXT NOT NULL,
            n INTEGER NOT NULL,
            signed_micro BIGINT NOT NULL,
            weight_micro BIGINT NOT NULL,
            PRIMARY KEY (cycle, condition, domain, source_key)
        );
        INSERT INTO cell_rollups
        SELECT coalesce(sd.cycle, 0), sd.condition, sd.domain, sd.source_key, count(*),
               sum({SIGNED_MICRO}), sum({WEIGHT_MICRO})
        FROM statement_domains sd GROUP BY coalesce(sd.cycle, 0), sd.condition, sd.domain, sd.source_key;
        CREATE TABLE source_rollups (
            source TEXT NOT NULL,
            condition TEXT NOT NULL,
            direction TEXT NOT NULL,
            n INTEGER NOT NULL,
            PRIMARY KEY (source, condition, direction)
        );
        INSERT INTO source_rollups
        SELECT source, condition, direction, count(*) FROM statements WHERE source != 'author'
        GROUP BY source, condition, direction;
        ALTER TABLE documents ADD COLUMN statement_count INTEGER NOT NULL DEFAULT 0;
        UPDATE documents SET statement_count = (SELECT count(*) FROM statements WHERE document_id = documents.id);
        CREATE INDEX documents_cycle_counts ON documents(cycle, statement_count, date);
        CREATE INDEX statements_reading ON statements(document_id, sentence_start, id);
        CREATE TABLE store_state (key TEXT PRIMARY KEY, value BIGINT NOT NULL);
        INSERT INTO store_state(key, value) VALUES ('generation', 1);
        CREATE TABLE derived_cache (
            key TEXT PRIMARY KEY,
            generation BIGINT NOT NULL,
            payload TEXT NOT NULL
        );
        """,
    )


def create_derived_rows(db: Database) -> None:
    """Derived results kept as rows (one per development, in order, with its outcome): a
    light payload a page reads, and the detail (every statement id) only what needs all
    of it reads; derived_cache keeps each key's generation and summary."""
    db.script(
        """
        CREATE TABLE derived_rows (
            key TEXT NOT NULL,
            position INTEGER NOT NULL,
            part TEXT NOT NULL,
            payload TEXT NOT NULL,
            detail TEXT NOT NULL DEFAULT '',
            PRIMARY KEY (key, position)
        );
        CREATE INDEX derived_rows_part ON derived_rows(key, part, position);
        DELETE FROM derived_cache;
        """,
    )


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
    """(generation it was computed at, summary) of a derived result, or None."""
    row = db.execute("SELECT generation, payload FROM derived_cache WHERE key = ?", (key,)).fetchone()
    return (int(row[0]), row[1]) if row else None


def cache(db: Database, key: str, at: int, summary: str, rows: Sequence[tuple[str, str, str]]) -> None:
    """Replace a derived result: its summary and its rows, each (part, payload, detail),
    in order."""
    with db.transaction():
        db.execute("DELETE FROM derived_rows WHERE key = ?", (key,))
        db.executemany(
            "INSERT INTO derived_rows(key, position, part, payload, detail) VALUES (?,?,?,?,?)",
            [(key, i, part, payload, detail) for i, (part, payload, detail) in enumerate(rows)],
        )
        db.execute(
            "INSERT INTO derived_cache(key, generation, payload) VALUES (?,?,?)"
            " ON CONFLICT (key) DO UPDATE SET generation = excluded.generation, payload = excluded.payload",
            (key, at, summary),
        )


def derived_rows(
    db: Database,
    key: str,
    part: str | None = None,
    *,
    limit: int | None = None,
    offset: int = 0,
    detail: bool = False,
) -> list[tuple[str, str]]:
    """(payload, detail or "") of a derived result's rows, in order (of one part, a page)."""
    where, params = " WHERE key = ?", [key]
    if part is not None:
        where += " AND part = ?"
        params.append(part)
    page = f" LIMIT {int(limit)} OFFSET {int(offset)}" if limit is not None else ""
    columns = "payload, detail" if detail else "payload, ''"
    sql = f"SELECT {columns} FROM derived_rows{where} ORDER BY position{page}"
    return [(r[0], r[1]) for r in db.execute(sql, params)]
