"""What analysis finds besides statements, read back as typed records with their
documents' provenance: recommendations, signpost reports, fact claims."""

from __future__ import annotations

from typing import Any

from scenariodesk.models import SignpostReport, StoredFactClaim, StoredRecommendation
from scenariodesk.store.db import Database

_PROVENANCE = "d.title AS document_title, d.outlet, d.date"
# The alert a signpost report raises: one per signpost and document.
SIGNPOST_ALERT_KEY = "'signpost:' || h.signpost || ':' || CAST(h.document_id AS TEXT)"


def _finding(row: Any) -> dict[str, Any]:
    return {
        "id": row["id"],
        "document_id": row["document_id"],
        "sentence": row["sentence"],
        "sentence_start": row["sentence_start"],
        "sentence_end": row["sentence_end"],
        "document_title": row["document_title"],
        "outlet": row["outlet"],
        "date": row["date"],
    }


def _in_cycle(cycle: int | None, joiner: str = "WHERE") -> tuple[str, tuple[int, ...]]:
    """The SQL condition (and its parameter) that keeps one election cycle's documents."""
    return (f" {joiner} d.cycle = ?", (cycle,)) if cycle is not None else ("", ())


def recommendations(db: Database, cycle: int | None = None) -> list[StoredRecommendation]:
    """Every recommendation (of one election cycle's documents), in document order."""
    where, params = _in_cycle(cycle)
    sql = (
        f"SELECT r.*, {_PROVENANCE} FROM recommendations r JOIN documents d ON d.id = r.document_id"
        f"{where} ORDER BY r.document_id, r.sentence_start"
    )
    return [
        StoredRecommendation(
            **_finding(r),
            outcome=r["outcome"],
            domains=tuple(d for d in r["domains"].split(",") if d),
            rule=r["rule"],
            source=r["source"],
        )
        for r in db.execute(sql, params)
    ]


def signpost_reports(
    db: Database, *, unalerted: bool = False, cycle: int | None = None
) -> list[SignpostReport]:
    """Signpost reports (of one election cycle's documents); with `unalerted`, only those
    no alert has been recorded for."""
    where = (
        f" WHERE NOT EXISTS (SELECT 1 FROM alerts a WHERE a.key = {SIGNPOST_ALERT_KEY})" if unalerted else ""
    )
    in_cycle, params = _in_cycle(cycle, "AND" if where else "WHERE")
    sql = (
        f"SELECT h.*, {SIGNPOST_ALERT_KEY} AS alert_key, {_PROVENANCE} FROM signpost_hits h"
        f" JOIN documents d ON d.id = h.document_id{where}{in_cycle} ORDER BY h.signpost, d.date, h.document_id"
    )
    return [
        SignpostReport(**_finding(r), signpost=r["signpost"], match=r["match"], alert_key=r["alert_key"])
        for r in db.execute(sql, params)
    ]


def fact_claims(db: Database, cycle: int | None = None) -> list[StoredFactClaim]:
    """Every checked numeric claim (of one election cycle's documents)."""
    where, params = _in_cycle(cycle)
    sql = (
        f"SELECT c.*, {_PROVENANCE} FROM fact_claims c JOIN documents d ON d.id = c.document_id"
        f"{where} ORDER BY c.fact, c.document_id, c.sentence_start"
    )
    return [
        StoredFactClaim(
            **_finding(r),
            fact=r["fact"],
            value=float(r["value"]),
            match=r["match"],
            source=r["source"],
            verdict=r["verdict"],
        )
        for r in db.execute(sql, params)
    ]
