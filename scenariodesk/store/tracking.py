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
    forecasts: Sequence[StoredStatement],
) -> None:
    """Record (or replace) an event and the statements that forecast it, atomically."""
    with db.transaction():
        db.execute("DELETE FROM events WHERE id = ?", (event_id,))
        db.execute(
            "INSERT INTO events(id, happened, by_date, note, citation) VALUES (?,?,?,?,?)",
            (event_id, int(happened), by, note, citation),
        )
        db.executemany(
            "INSERT INTO event_forecasts(event_id, document_id, sentence_start, condition) VALUES (?,?,?,?)"
            " ON CONFLICT DO NOTHING",
            [
                (event_id, f.document.id, f.statement.sentence_span[0], f.statement.condition)
                for f in forecasts
            ],
        )


def cycle_winners(db: Database) -> dict[int, str]:
    return {row[0]: row[1] for row in db.execute("SELECT year, winner FROM cycle_results")}


def resolved_forecasts(db: Database) -> Iterator[tuple[StoredStatement, bool]]:
    """Each statement tied to a resolved event, with whether the event happened."""
    sql = (
        "SELECT * FROM (" + STATEMENT_SELECT + ") s"
        " JOIN (SELECT f.document_id AS f_document, f.sentence_start AS f_start, f.condition AS f_condition,"
        " e.happened, e.id AS event_id FROM event_forecasts f JOIN events e ON e.id = f.event_id) r"
        " ON r.f_document = s.document_id AND r.f_start = s.sentence_start AND r.f_condition = s.condition"
        " ORDER BY s.id, r.event_id"
    )
    for row in db.execute(sql):
        yield stored_statement(row), bool(row["happened"])
