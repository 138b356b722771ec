"""The store opens in Datasette: readable tables, statements_full, metadata from the lens."""

from __future__ import annotations

import asyncio
import json
import shutil

import pytest

from scenariodesk.cli import app
from scenariodesk.store import Store

pytestmark = pytest.mark.slow


def test_statements_full_is_one_readable_row_per_statement(seeded_db):
    with Store(seeded_db) as store:
        rows = store.db.execute("SELECT * FROM statements_full ORDER BY statement_id").fetchall()
        total = store.count_statements()
    assert len(rows) == total > 0
    first = dict(rows[0])
    assert first["title"] and first["outlet"] and first["domains"] and first["cycle"] in (2016, 2020, 2024)


def test_export_datasette_writes_metadata_and_datasette_reads_the_store(seeded_db, tmp_path, runner):
    datasette_app = pytest.importorskip(
        "datasette.app", reason="Datasette is a dev extra, not installed here"
    )
    db = tmp_path / "desk.db"
    shutil.copy(seeded_db, db)
    out = tmp_path / "metadata.json"
    result = runner.invoke(app, ["export-datasette", "--db", str(db), "--out", str(out)])
    assert result.exit_code == 0, result.output
    metadata = json.loads(out.read_text())
    assert metadata["databases"]["desk"]["tables"]["minhash_bands"] == {"hidden": True}

    async def browse():
        ds = datasette_app.Datasette(files=[str(db)], metadata=metadata)
        view = await ds.client.get("/desk/statements_full.json?_shape=array&outcome=trump")
        tables = await ds.client.get("/desk.json")
        return view, tables

    view, tables = asyncio.run(browse())
    assert view.status_code == 200
    assert view.json() and {row["outcome"] for row in view.json()} == {"trump"}
    shown = {t["name"] for t in tables.json()["tables"] if not t["hidden"]}
    assert "documents" in shown and "minhash_bands" not in shown


def test_export_datasette_refuses_a_postgres_url(runner, tmp_path):
    result = runner.invoke(
        app, ["export-datasette", "--db", "postgresql://u@h/db", "--out", str(tmp_path / "m.json")]
    )
    assert result.exit_code == 2 and "SQLite" in result.stderr
