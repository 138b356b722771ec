"""The store as Datasette shows it: titles and descriptions for the tables people read,
the `statements_full` view with facets, the index and search tables hidden. Written by
`scenariodesk export-datasette`; Datasette itself is not a dependency."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from scenariodesk import __version__
from scenariodesk.lens import Lens

# Tables that hold indexes, search structures or machine state, not something to read.
HIDDEN = (
    "minhash_bands",
    "passages",
    "passage_fts",
    "statement_fts",
    "schema_migrations",
    "watch_files",
    "watch_cells",
    "statement_domains",
)
_FTS_SUFFIXES = ("_config", "_data", "_docsize", "_idx", "_content")


def datasette_metadata(lens: Lens, database: str | Path) -> dict[str, Any]:
    """Datasette metadata (metadata.json) for the store file `database`."""
    name = Path(database).stem
    outcomes = ", ".join(f"{o.id} = {o.label}" for o in lens.model.outcomes)
    domains = ", ".join(f"{d.id} = {d.label}" for d in lens.model.domains)
    hidden = {t: {"hidden": True} for t in HIDDEN}
    hidden |= {
        f"{fts}{suffix}": {"hidden": True}
        for fts in ("passage_fts", "statement_fts")
        for suffix in _FTS_SUFFIXES
    }
    tables: dict[str, Any] = hidden | {
        "statements_full": {
            "title": "Scenario statements",
            "description": f"One row per statement with its document. Outcomes: {outcomes}. Domains: {domains}. "
            "direction: + favourable, - unfavourable, 0 mixed (for the subject, "
            f"{lens.model.subject}); probability: the ICD-203 band's midpoint.",
            "facets": ["outcome", "cycle", "direction", "likelihood", "outlet"],
            "sort_desc": "probability",
        },
        "documents": {
            "title": "Documents",
            "description": "Cleaned articles with their metadata; cycle: the election the lens places them in.",
            "facets": ["outlet", "language", "cycle"],
        },
        "statements": {
            "title": "Statements (raw)",
            "description": "As analysis stored them, with the rule trace.",
        },
        "recommendations": {
            "title": "Recommendations",
            "description": "Advice sentences the lens's playbook matched.",
        },
        "signpost_hits": {
            "title": "Signpost reports",
            "description": "Sentences reporting a signpost event.",
        },
        "fact_claims": {"title": "Fact claims", "description": "Checked numeric claims with their verdicts."},
        "events": {
            "title": "Resolved events",
            "description": "What happened, with citations (scenariodesk resolve).",
        },
        "cycle_results": {"title": "Cycle winners"},
        "alerts": {"title": "Watch alerts"},
    }
    return {
        "title": f"scenariodesk: {lens.model.description.split('.')[0]}",
        "description": f"Lens {lens.fingerprint}, scenariodesk {__version__}.",
        "databases": {name: {"tables": tables}},
    }
