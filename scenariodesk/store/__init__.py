"""The one place that talks to the database (SQLite, or PostgreSQL by URL).

Everything above this package deals in records (`models.py`) and never in SQL. `Store`
is the handle the rest of the code holds: it opens the connection (`db.py`), migrates
the schema (`migrations.py`) and hands each call to the module of its concern, where
every query is a small function of the connection:

- `documents.py`   insert with duplicate detection, read, stream, list a page
- `statements.py`  save an analysis, read statements by filter, cell sums and evidence
- `findings.py`    recommendations, signpost reports, fact claims
- `search.py`      full-text search over statements and passages
- `tracking.py`    cycle winners, resolved events and their forecasts
- `watch.py`       watched files, alerts, the matrix baseline
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator, Sequence
from pathlib import Path

from scenariodesk.dedupe import Fingerprint
from scenariodesk.models import (
    Alert,
    Analysis,
    CellSums,
    CorpusSummary,
    Document,
    DocumentRow,
    SearchHit,
    SignpostReport,
    Statement,
    StatementFilter,
    StoredFactClaim,
    StoredRecommendation,
    StoredStatement,
)
from scenariodesk.store import documents, findings, rollups, search, statements, tracking, watch
from scenariodesk.store.db import Database, redact
from scenariodesk.store.migrations import MIGRATIONS, MigrationError, schema_version
from scenariodesk.store.migrations import migrate as migrate_schema
from scenariodesk.store.statements import filter_sql

__all__ = ["MIGRATIONS", "Store", "StoreError", "damaged_message", "default_db_path", "exists", "filter_sql"]

DEFAULT_DB = "scenariodesk.db"
ENV_DB = "SCENARIODESK_DB"
_ANY = StatementFilter()


def default_db_path() -> str:
    return os.environ.get(ENV_DB) or DEFAULT_DB


class StoreError(RuntimeError):
    pass


def damaged_message(path: str, exc: Exception) -> str:
    """One line for a database the driver cannot read: damaged, or not a database."""
    text = " ".join(str(exc).split())
    if "malformed" in text or "not a database" in text or "disk image" in text:
        return (
            f"{redact(path)}: the database file is damaged ({text}); nothing was changed. "
            f"Recover what it holds with: sqlite3 {path} .recover | sqlite3 recovered.db"
        )
    return f"{redact(path)}: cannot read the database ({text})"


def exists(path: str) -> bool:
    """Does the database at `path` exist? (A PostgreSQL URL is assumed to.)"""
    return "://" in path or Path(path).exists()


class Store:
    """A scenariodesk database. Each public write is one transaction."""

    def __init__(self, path: str | Path, *, migrate: bool = True) -> None:
        """Open (and, unless `migrate` is False, create or upgrade) the database."""
        self.path = str(path)
        try:
            self.db = Database(self.path)
        except sqlite3.DatabaseError as exc:  # a damaged file can fail as it is opened
            raise StoreError(damaged_message(self.path, exc)) from exc
        except Exception as exc:  # psycopg's connection errors
            raise StoreError(
                f"{redact(self.path)}: cannot open the database ({exc})".splitlines()[0]
            ) from exc
        try:
            if migrate:
                migrate_schema(self.db)
        except MigrationError as exc:
            self.db.close()
            raise StoreError(str(exc)) from exc
        except self.db.errors as exc:
            self.db.close()
            raise StoreError(damaged_message(self.path, exc)) from exc

    @property
    def integrity_errors(self) -> tuple[type[Exception], ...]:
        return self.db.integrity_errors

    @property
    def schema_version(self) -> int:
        return schema_version(self.db)

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # documents
    def find_duplicate(self, fp: Fingerprint) -> tuple[int, str] | None:
        return documents.find_duplicate(self.db, fp)

    def add_unless_duplicate(self, doc: Document, fp: Fingerprint) -> tuple[int, str | None]:
        return documents.add_unless_duplicate(self.db, doc, fp)

    def add_document(self, doc: Document, fp: Fingerprint) -> int:
        with self.db.transaction():
            return documents.insert_document(self.db, doc, fp)

    def get_document(self, doc_id: int) -> Document | None:
        return documents.get_document(self.db, doc_id)

    def count_documents(self, *, pending_for: str | None = None) -> int:
        return documents.count_documents(self.db, pending_for=pending_for)

    def analysis_error(self, doc_id: int) -> str | None:
        return documents.analysis_error(self.db, doc_id)

    def analysis_failures(self) -> list[tuple[int, str, str]]:
        return documents.analysis_failures(self.db)

    def iter_documents(self, *, pending_for: str | None = None) -> Iterator[Document]:
        return documents.iter_documents(self.db, pending_for=pending_for)

    def list_documents(
        self,
        where: StatementFilter = _ANY,
        *,
        status: str | None = None,
        has_statements: bool | None = None,
        sort: str = "id",
        limit: int = 50,
        offset: int = 0,
        lens: str = "",
    ) -> tuple[int, list[DocumentRow]]:
        return documents.list_documents(
            self.db,
            where,
            status=status,
            has_statements=has_statements,
            sort=sort,
            limit=limit,
            offset=offset,
            lens=lens,
        )

    def outlets(self) -> list[str]:
        return documents.outlets(self.db)

    def cycles(self) -> list[int]:
        return documents.cycles(self.db)

    # statements and cells
    def save_statements(self, doc_id: int, found: Sequence[Statement], lens: str) -> None:
        """Replace a document's statements with those of `lens`, atomically."""
        statements.save_analysis(self.db, doc_id, Analysis(statements=tuple(found)), lens)

    def save_analysis(self, doc_id: int, analysis: Analysis, lens: str) -> None:
        statements.save_analysis(self.db, doc_id, analysis, lens)

    def iter_statements(
        self,
        where: StatementFilter = _ANY,
        *,
        limit: int | None = None,
        offset: int = 0,
        strongest_first: bool = False,
    ) -> Iterator[StoredStatement]:
        return statements.iter_statements(
            self.db, where, limit=limit, offset=offset, strongest_first=strongest_first
        )

    def count_statements(self, where: StatementFilter = _ANY) -> int:
        return statements.count_statements(self.db, where)

    def get_statements(self, ids: Sequence[int]) -> list[StoredStatement]:
        return statements.get_statements(self.db, ids)

    def corpus_summary(self, where: StatementFilter = _ANY) -> CorpusSummary:
        return statements.corpus_summary(self.db, where)

    def cell_sums(
        self, *, outcome: str | None = None, domain: str | None = None, cycle: int | None = None
    ) -> list[CellSums]:
        return statements.cell_sums(self.db, outcome=outcome, domain=domain, cycle=cycle)

    def cell_evidence(
        self, outcome: str, domain: str, per_cell: int = 3, cycle: int | None = None
    ) -> list[int]:
        return statements.cell_evidence(self.db, outcome, domain, per_cell, cycle)

    def generation(self) -> int:
        """A number that changes whenever an analysis is saved."""
        return rollups.generation(self.db)

    def cached(self, key: str) -> tuple[int, str] | None:
        return rollups.cached(self.db, key)

    def cache(self, key: str, generation: int, summary: str, rows: Sequence[tuple[str, str, str]]) -> None:
        rollups.cache(self.db, key, generation, summary, rows)

    def derived_rows(
        self,
        key: str,
        part: str | None = None,
        *,
        limit: int | None = None,
        offset: int = 0,
        detail: bool = False,
    ) -> list[tuple[str, str]]:
        return rollups.derived_rows(self.db, key, part, limit=limit, offset=offset, detail=detail)

    def source_summary(self) -> list[tuple[str, str, str, int]]:
        return statements.source_summary(self.db)

    def search(self, query: str, where: StatementFilter = _ANY, *, limit: int = 50) -> list[SearchHit]:
        return search.search(self.db, query, where, limit=limit)

    # findings
    def recommendations(self, cycle: int | None = None) -> list[StoredRecommendation]:
        return findings.recommendations(self.db, cycle)

    def signpost_reports(self, *, unalerted: bool = False, cycle: int | None = None) -> list[SignpostReport]:
        return findings.signpost_reports(self.db, unalerted=unalerted, cycle=cycle)

    def fact_claims(self, cycle: int | None = None) -> list[StoredFactClaim]:
        return findings.fact_claims(self.db, cycle)

    # tracking
    def record_cycle(self, year: int, winner: str, note: str, citation: str) -> None:
        tracking.record_cycle(self.db, year, winner, note, citation)

    def record_event(
        self,
        event_id: str,
        happened: bool,
        by: str | None,
        note: str,
        citation: str,
        forecasts: Sequence[tuple[StoredStatement, float]],
    ) -> None:
        tracking.record_event(self.db, event_id, happened, by, note, citation, forecasts)

    def cycle_winners(self) -> dict[int, str]:
        return tracking.cycle_winners(self.db)

    def resolved_forecasts(self) -> Iterator[tuple[StoredStatement, bool, float]]:
        return tracking.resolved_forecasts(self.db)

    # watch
    def watched_signature(self, path: str) -> str | None:
        return watch.watched_signature(self.db, path)

    def mark_watched(self, path: str, signature: str) -> None:
        watch.mark_watched(self.db, path, signature)

    def watch_baseline(self) -> dict[tuple[str, str], float]:
        return watch.watch_baseline(self.db)

    def record_alerts(
        self, signposts: Sequence[Alert], cells: tuple[Sequence[Alert], dict[tuple[str, str], float]]
    ) -> None:
        watch.record_alerts(self.db, signposts, *cells)

    def pending_alerts(self) -> list[Alert]:
        return watch.pending_alerts(self.db)

    def mark_alert_delivered(self, key: str) -> None:
        watch.mark_alert_delivered(self.db, key)

    def never_watched(self) -> bool:
        return watch.never_watched(self.db)

    def record_seen(self, alerts: Sequence[Alert]) -> None:
        watch.record_seen(self.db, alerts)
