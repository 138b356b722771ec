"""Any table a page shows (rows of plain values) as CSV or JSON: the downloads of the
documents list, the sources, the simulation and the scores."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from scenariodesk.render.registry import renderer
from scenariodesk.render.text import csv_text


@renderer("rows", "json")
def _json(rows: list[dict[str, Any]]) -> str:
    return json.dumps(rows, ensure_ascii=False, indent=1) + "\n"


@renderer("rows", "csv")
def _csv(rows: list[dict[str, Any]]) -> str:
    """One column per key of the first row; text cells never start a formula."""
    buffer = io.StringIO()
    if rows:
        writer = csv.writer(buffer)
        columns = list(rows[0])
        writer.writerow(columns)
        for row in rows:
            writer.writerow([csv_text(v) if isinstance(v, str) else v for v in (row.get(c) for c in columns)])
    return buffer.getvalue()
