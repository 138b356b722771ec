"""Documents: insert with duplicate detection, read back, stream, list a page."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

from scenariodesk.dedupe import NEAR_THRESHOLD, Fingerprint, similarity
from scenariodesk.models import Document, DocumentRow, StatementFilter
from scenariodesk.store.db import Database
from scenariodesk.store.statements import filter_clauses

BATCH = 200  # documents per read while streaming the corpus
_SORTS = {"id": "d.id", "date": "d.date DESC, d.id", "outlet": "d.outlet, d.id", "statements": "n DESC, d.id"}


def insert_passages(db: Database, doc_id: int, text: str) -> None:
    """The document's lines as search passages."""
    db.executemany(
        "INSERT INTO passages(document_id, start, text) VALUES (?,?,?)",
        [(doc_id, m.start(), m.group()) for m in re.finditer(r"[^\n]+", text)],
    )


def find_duplicate(db: Database, fp: Fingerprint) -> tuple[int, str] | None:
    """(id of a stored document, "exact" | "near") that `fp` repeats, or None."""
    row = db.execute("SELECT id FROM documents WHERE content_hash = ?", (fp.content_hash,)).fetchone()
    if row:
        return row[0], "exact"
    candidates: set[int] = set()
    for band, key in enumerate(fp.bands):
        for (doc_id,) in db.execute(
            "SELECT document_id FROM minhash_bands WHERE band = ? AND key = ?", (band, key)
        ):
            candidates.add(doc_id)
    for doc_id in sorted(candidates):
        (signature,) = db.execute("SELECT signature FROM documents WHERE id = ?", (doc_id,)).fetchone()
        if similarity(signature, fp.signature) >= NEAR_THRESHOLD:
            return doc_id, "near"
    return None


def add_unless_duplicate(db: Database, doc: Document, fp: Fingerprint) -> tuple[int, str | None]:
    """(id, None) for a document added, or (id of the stored one, "exact" | "near") for a
    duplicate: the check and the insert are one transaction holding the write lock
    (SQLite's BEGIN IMMEDIATE, a PostgreSQL advisory lock), so two processes ingesting
    near-duplicates at once store one of them, as one process would."""
    with db.transaction():
        if db.postgres:
            db.execute("SELECT pg_advisory_xact_lock(4243)")
        duplicate = find_duplicate(db, fp)
        if duplicate:
            return duplicate
        return insert_document(db, doc, fp), None


def insert_document(db: Database, doc: Document, fp: Fingerprint) -> int:
    """Insert inside the caller's transaction; returns the new id."""
    cur = db.execute(
        "INSERT INTO documents(path, title, date, date_precision, outlet, author, url,"
        " language, text, removed, content_hash, signature)"
        " VALUES (?,?,?,?,?,?,?,?,?,?,?,?) RETURNING id",
        (
            doc.path,
            doc.title,
            doc.date,
            doc.date_precision,
            doc.outlet,
            doc.author,
            doc.url,
            doc.language,
            doc.text,
            json.dumps(list(doc.removed)),
            fp.content_hash,
            fp.signature,
        ),
    )
    doc_id = int(cur.fetchone()[0])
    db.executemany(
        "INSERT INTO minhash_bands(band, key, document_id) VALUES (?,?,?)",
        [(band, key, doc_id) for band, key in enumerate(fp.bands)],
    )
    insert_passages(db, doc_id, doc.text)
    return doc_id


def get_document(db: Database, doc_id: int) -> Document | None:
    row = db.execute("SELECT * FROM documents WHERE id = ?", (doc_id,)).fetchone()
    return _document(row) if row else None


def count_documents(db: Database, *, pending_for: str | None = None) -> int:
    if pending_for is None:
        return db.execute("SELECT count(*) FROM documents").fetchone()[0]
    return db.execute(
        "SELECT count(*) FROM documents WHERE analyzed_with IS DISTINCT FROM ?", (pending_for,)
    ).fetchone()[0]


def analysis_error(db: Database, doc_id: int) -> str | None:
    """Why analysis could not read this document, or None."""
    row = db.execute("SELECT analysis_error FROM documents WHERE id = ?", (doc_id,)).fetchone()
    return row[0] if row else None


def analysis_failures(db: Database) -> list[tuple[int, str, str]]:
    """(document id, path, reason) of every document analysis could not read."""
    rows = db.execute(
        "SELECT id, path, analysis_error FROM documents WHERE analysis_error IS NOT NULL ORDER BY id"
    ).fetchall()
    return [(r[0], r[1], r[2]) for r in rows]


def iter_documents(db: Database, *, pending_for: str | None = None) -> Iterator[Document]:
    """Stream documents in id order, `BATCH` rows per query (never the whole corpus)."""
    last = 0
    where = "id > ?" + (" AND analyzed_with IS DISTINCT FROM ?" if pending_for else "")
    while True:
        params: tuple[object, ...] = (last, pending_for) if pending_for else (last,)
        rows = db.execute(
            f"SELECT * FROM documents WHERE {where} ORDER BY id LIMIT {BATCH}", params
        ).fetchall()
        if not rows:
            return
        for row in rows:
            yield _document(row)
        last = rows[-1]["id"]


def list_documents(
    db: Database,
    where: StatementFilter,
    *,
    status: str | None = None,
    has_statements: bool | None = None,
    sort: str = "id",
    limit: int = 50,
    offset: int = 0,
    lens: str = "",
) -> tuple[int, list[DocumentRow]]:
    """(total, one page of documents with their statement counts and analysis status:
    'analyzed' with `lens`, 'pending', or 'failed'). Only the filter's document fields
    (outlet, language, dates) apply."""
    clauses, params = filter_clauses(where.documents_only())
    if status == "failed":
        clauses.append("d.analysis_error IS NOT NULL")
    elif status == "pending":
        clauses.append("d.analyzed_with IS DISTINCT FROM ?")
        params.append(lens)
    elif status == "analyzed":
        clauses.append("d.analyzed_with = ? AND d.analysis_error IS NULL")
        params.append(lens)
    counted = "(SELECT count(*) FROM statements s WHERE s.document_id = d.id)"
    if has_statements is not None:
        clauses.append(f"{counted} {'>' if has_statements else '='} 0")
    clause = (" WHERE " + " AND ".join(clauses)) if clauses else ""
    total = db.execute(f"SELECT count(*) FROM documents d{clause}", params).fetchone()[0]
    rows = db.execute(
        "SELECT d.id, d.title, d.date, d.outlet, d.language, d.path, d.analyzed_with, d.analysis_error,"
        f" {counted} AS n FROM documents d{clause} ORDER BY {_SORTS.get(sort, 'd.id')}"
        f" LIMIT {int(limit)} OFFSET {int(offset)}",
        params,
    ).fetchall()
    page = [
        DocumentRow(
            id=r[0],
            title=r[1],
            date=r[2],
            outlet=r[3],
            language=r[4],
            path=r[5],
            statements=int(r[8]),
            status="failed" if r[7] else ("analyzed" if r[6] == lens else "pending"),
        )
        for r in rows
    ]
    return int(total), page


def cycles(db: Database) -> list[int]:
    """The election cycles analysis placed the stored documents in, oldest first."""
    return [
        r[0]
        for r in db.execute("SELECT DISTINCT cycle FROM documents WHERE cycle IS NOT NULL ORDER BY cycle")
    ]


def outlets(db: Database) -> list[str]:
    sql = "SELECT DISTINCT outlet FROM documents WHERE outlet != '' ORDER BY outlet"
    return [r[0] for r in db.execute(sql)]


def _document(row: Any) -> Document:
    return Document(
        id=row["id"],
        path=row["path"],
        title=row["title"],
        date=row["date"],
        date_precision=row["date_precision"],
        outlet=row["outlet"],
        author=row["author"],
        url=row["url"],
        language=row["language"],
        text=row["text"],
        removed=tuple(json.loads(row["removed"])),
    )
