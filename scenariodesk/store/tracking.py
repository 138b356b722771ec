"""What happened: cycle winners, resolved events and the statements that forecast them
(linked by document, sentence and condition, which survive reanalysis)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from scenariodesk.models import StoredStatement
from scenariodesk.store.db import Database
from scenariodesk.store.statements import STATEMENT_SELECT, stored_statement


def record_cycle(db: Database, year: int, winner: str, note: str, citation: str) -> None:
    with db.transaction():
        db.execute(
            "INSERT INTO cycle_results(year, winner, note, citation) VALUES (?,?,?,?) ON CONFLICT (year)"
            " DO UPDATE SET winner = excluded.winner, note = excluded.note, citation = excluded.citation",
            (year, winner, note, citation),
        )


def record_event(
    db: Database,
    event_id: str,
    happened: bool,
    by: str | None,
    note: str,
    citation: str,
    forecasts: Sequence[tuple[StoredStatement, float]],
) -> None:
    """Record (or replace) an event and the statements that forecast it, each with the
    probability it gives the event, atomically."""
    with db.transaction():
        db.execute("DELETE FROM events WHERE id = ?", (event_id,))
        db.execute(
            "INSERT INTO events(id, happened, by_date, note, citation) VALUES (?,?,?,?,?)",
            (event_id, int(happened), by, note, citation),
        )
        db.executemany(
            "INSERT INTO event_forecasts(event_id, document_id, sentence_start, condition, probability)"
            " VALUES (?,?,?,?,?) ON CONFLICT DO NOTHING",
            [
                (event_id, f.document.id, f.statement.sentence_span[0], f.statement.condition, p)
                for f, p in forecasts
            ],
        )


def cycle_winners(db: Database) -> dict[int, str]:
    return {row[0]: row[1] for row in db.execute("SELECT year, winner FROM cycle_results")}


def resolved_forecasts(db: Database) -> Iterator[tuple[StoredStatement, bool, float]]:
    """Each statement tied to a resolved event, with whether the event happened and the
    probability the statement gave it (its own, for events recorded before migration 12)."""
    sql = (
        "SELECT * FROM (" + STATEMENT_SELECT + ") s"
        " JOIN (SELECT f.document_id AS f_document, f.sentence_start AS f_start, f.condition AS f_condition,"
        " f.probability AS f_probability, e.happened, e.id AS event_id"
        " FROM event_forecasts f JOIN events e ON e.id = f.event_id) r"
        " ON r.f_document = s.document_id AND r.f_start = s.sentence_start AND r.f_condition = s.condition"
        " ORDER BY s.id, r.event_id"
    )
    for row in db.execute(sql):
        stored = stored_statement(row)
        stated = row["f_probability"]
        yield stored, bool(row["happened"]), stored.statement.probability if stated is None else stated
