"""One registry of output formats: every kind renders its formats, files get text only."""

from __future__ import annotations

import csv
import io
import json

import pytest

from scenariodesk.aggregate import load_matrix
from scenariodesk.developments import find_developments
from scenariodesk.render import UnknownFormat, formats, render, render_text
from scenariodesk.store import Store

pytestmark = pytest.mark.slow


def test_each_kind_lists_its_formats():
    assert formats("matrix") == ("table", "md", "json", "csv")
    assert set(formats("statements")) == {"table", "md", "json", "csv"}
    assert set(formats("developments")) == {"table", "md", "json", "csv"}
    assert set(formats("scores")) == {"table", "md", "json"}


def test_an_unknown_format_names_the_ones_there_are():
    with pytest.raises(UnknownFormat, match="choose one of table, md, json, csv"):
        render("matrix", "xml", None)


def test_a_terminal_table_is_not_a_file_format(seeded_db, lens):
    with Store(seeded_db) as store:
        matrix = load_matrix(store, lens)
    with pytest.raises(UnknownFormat, match="for the terminal"):
        render_text("matrix", "table", matrix)


def test_text_formats_carry_the_same_rows(seeded_db, lens):
    with Store(seeded_db) as store:
        matrix = load_matrix(store, lens)
        rows = list(store.iter_statements())
        found = find_developments(rows, lens)
    cells = list(csv.DictReader(io.StringIO(render_text("matrix", "csv", matrix))))
    as_json = json.loads(render_text("matrix", "json", matrix))
    assert len(cells) == sum(1 for row in as_json["rows"] for c in row["cells"] if c) > 0
    assert {(c["outcome"], c["domain"]) for c in cells} <= set(matrix.cells)
    statements = json.loads(render_text("statements", "json", rows))
    assert [s["id"] for s in statements] == [r.id for r in rows]
    developments = list(csv.DictReader(io.StringIO(render_text("developments", "csv", found))))
    assert [d["id"] for d in developments] == [d.id for d in found]
    assert render_text("developments", "md", found).count("\n- **") == len(found) - 1


def test_article_text_in_a_csv_cell_never_starts_a_formula():
    from scenariodesk.render.text import csv_text

    assert csv_text('=HYPERLINK("http://x","y")') == '\'=HYPERLINK("http://x","y")'
    assert csv_text("@SUM(A1)") == "'@SUM(A1)"
    assert csv_text("Trump would demand more.") == "Trump would demand more."
