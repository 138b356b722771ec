"""The SQLite store: migrations, atomic writes, duplicates, streaming reads."""

from __future__ import annotations

import sqlite3

import pytest

from scenariodesk.dedupe import fingerprint
from scenariodesk.models import Document, Span, Statement
from scenariodesk.store import MIGRATIONS, StatementFilter, Store, StoreError


def _doc(text: str, **kw) -> Document:
    return Document(text=text, path=kw.pop("path", "x.txt"), **kw)


def _statement(condition="trump", domains=("alliance",), direction="-", source="author") -> Statement:
    return Statement(
        sentence="A second Trump term could strain the alliance.",
        sentence_span=(0, 47),
        condition=condition,
        domains=domains,
        direction=direction,
        likelihood="even_chance",
        probability=0.5,
        cue=Span(20, 25, "could"),
        condition_phrase=Span(0, 19, "A second Trump term"),
        source=source,
        source_phrase="",
        rules=("cue:could",),
    )


def test_store_records_migrations_and_reopens(db_path):
    with Store(db_path) as s:
        assert s.schema_version == len(MIGRATIONS)
    with Store(db_path) as s:  # idempotent
        assert s.schema_version == len(MIGRATIONS)
        assert s.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_store_refuses_newer_schema(db_path):
    with Store(db_path) as s:
        s.db.execute("INSERT INTO schema_migrations(version, name) VALUES (999, 'future')")
    with pytest.raises(StoreError, match="newer scenariodesk"):
        Store(db_path)


def test_store_refuses_a_file_that_is_not_a_database(tmp_path):
    bogus = tmp_path / "notes.db"
    bogus.write_text("these are my notes, not a database " * 100)
    with pytest.raises(StoreError, match="notes.db"):
        Store(bogus)


def test_store_document_round_trip(store):
    doc = _doc("Body text here.", title="T", date="2024-01-02", outlet="O", removed=("nav-ui: Menu",))
    doc_id = store.add_document(doc, fingerprint(doc.text))
    back = store.get_document(doc_id)
    assert (back.title, back.date, back.outlet, back.removed, back.text) == (
        "T",
        "2024-01-02",
        "O",
        ("nav-ui: Menu",),
        "Body text here.",
    )


def test_store_finds_exact_duplicate(store):
    doc = _doc("The same words in the same order, twice over.")
    doc_id = store.add_document(doc, fingerprint(doc.text))
    assert store.find_duplicate(fingerprint("The same  words in the same order, twice over!")) == (
        doc_id,
        "exact",
    )
    assert store.find_duplicate(fingerprint("Entirely different words about trade tariffs.")) is None


def test_store_failed_write_leaves_store_intact(store):
    doc = _doc("First document body.")
    doc_id = store.add_document(doc, fingerprint(doc.text))
    store.save_statements(doc_id, [_statement()], "lens@1")
    broken = _statement(domains=("alliance", "alliance"))  # violates the (statement, domain) key
    with pytest.raises(sqlite3.IntegrityError):
        store.save_statements(doc_id, [_statement(), broken], "lens@2")
    rows = list(store.iter_statements())
    assert len(rows) == 1 and rows[0].statement.domains == ("alliance",)
    assert store.count_documents(pending_for="lens@1") == 0


def test_store_pending_documents_follow_lens_version(store):
    ids = [
        store.add_document(_doc(f"Document number {i} text."), fingerprint(f"Document number {i} text."))
        for i in range(3)
    ]
    store.save_statements(ids[0], [], "lens@1")
    assert store.count_documents(pending_for="lens@1") == 2
    assert [d.id for d in store.iter_documents(pending_for="lens@1")] == ids[1:]
    assert store.count_documents(pending_for="lens@2") == 3


def test_store_statement_filters(store):
    doc_id = store.add_document(_doc("Body."), fingerprint("Body."))
    store.save_statements(
        doc_id,
        [_statement(), _statement(condition="harris", domains=("china", "trade"), source="Victor Cha")],
        "lens@1",
    )
    assert len(list(store.iter_statements(StatementFilter(outcome="harris")))) == 1
    assert len(list(store.iter_statements(StatementFilter(domain="trade")))) == 1
    (cha,) = store.iter_statements(StatementFilter(source="cha"))
    assert cha.statement.domains == ("china", "trade")
    assert cha.document.id == doc_id


def test_store_search_statements_and_passages(store):
    doc = _doc("Intro paragraph about tariffs.\n\nA second Trump term could strain the alliance.", outlet="O")
    doc_id = store.add_document(doc, fingerprint(doc.text))
    store.save_statements(doc_id, [_statement()], "lens@1")
    hits = store.search('strain "alliance')  # stray quote: no FTS syntax error
    kinds = {h.kind for h in hits}
    assert kinds == {"statement", "passage"}
    assert all(h.document_id == doc_id for h in hits)
    assert "\x02strain\x03" in hits[0].snippet
    assert store.search("tariffs", StatementFilter(outlet="other")) == []
    store.save_statements(doc_id, [], "lens@2")  # replaced statements leave the index
    assert [h.kind for h in store.search("strain")] == ["passage"]


def test_store_migrates_a_version_1_database(db_path):
    from scenariodesk.store.db import Database
    from scenariodesk.store.migrations import _m1_initial

    raw = Database(str(db_path))
    with raw.transaction():
        raw.execute(
            "CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT)"
        )
        _m1_initial(raw)
        raw.execute("INSERT INTO schema_migrations(version, name) VALUES (1, 'initial')")
        raw.execute(
            "INSERT INTO documents(path, text, content_hash, signature) VALUES ('a', 'One.\n\nTwo tariffs.', 'h', x'00')"
        )
    raw.close()
    with Store(db_path) as s:
        assert s.schema_version == len(MIGRATIONS)
        assert [h.document_id for h in s.search("tariffs")] == [1]


def test_postgres_placeholders_leave_string_literals_alone():
    from scenariodesk.store.db import pyformat_placeholders

    sql = "SELECT '?' AS q, \"a?\" FROM t WHERE a = ? AND b LIKE '%x?' ESCAPE '\\' AND c = ?"
    assert pyformat_placeholders(sql) == (
        "SELECT '?' AS q, \"a?\" FROM t WHERE a = %s AND b LIKE '%%x?' ESCAPE '\\' AND c = %s"
    )
