"""The watcher's state: files already ingested, alerts (recorded before delivery) and
the matrix baseline that cell alerts compare against."""

from __future__ import annotations

import json
from collections.abc import Sequence

from scenariodesk.models import Alert
from scenariodesk.store.db import Database


def watched_signature(db: Database, path: str) -> str | None:
    row = db.execute("SELECT signature FROM watch_files WHERE path = ?", (path,)).fetchone()
    return row[0] if row else None


def mark_watched(db: Database, path: str, signature: str) -> None:
    with db.transaction():
        db.execute(
            "INSERT INTO watch_files(path, signature) VALUES (?, ?)"
            " ON CONFLICT (path) DO UPDATE SET signature = excluded.signature",
            (path, signature),
        )


def watch_baseline(db: Database) -> dict[tuple[str, str], float]:
    return {(o, d): net for o, d, net in db.execute("SELECT outcome, domain, net FROM watch_cells")}


def record_alerts(
    db: Database,
    signposts: Sequence[Alert],
    cell_alerts: Sequence[Alert],
    baseline: dict[tuple[str, str], float],
) -> None:
    """Record new alerts (each key once, ever) and move the matrix baseline, atomically."""
    old = watch_baseline(db)
    with db.transaction():
        db.executemany(
            "INSERT INTO alerts(key, kind, message, payload) VALUES (?,?,?,?) ON CONFLICT DO NOTHING",
            [
                (a.key, a.kind, a.message, json.dumps(a.payload, default=str))
                for a in [*signposts, *cell_alerts]
            ],
        )
        for key, net in baseline.items():
            # A cell's baseline moves when it alerts or when it is new; small drifts
            # accumulate against the old baseline until they cross the threshold.
            alerted = any((a.payload["outcome"], a.payload["domain"]) == key for a in cell_alerts)
            if key not in old or alerted:
                db.execute(
                    "INSERT INTO watch_cells(outcome, domain, net) VALUES (?,?,?)"
                    " ON CONFLICT (outcome, domain) DO UPDATE SET net = excluded.net",
                    (*key, net),
                )


def pending_alerts(db: Database) -> list[Alert]:
    sql = "SELECT key, kind, message, payload FROM alerts WHERE delivered = 0 ORDER BY created_at, key"
    return [Alert(key, kind, message, json.loads(payload)) for key, kind, message, payload in db.execute(sql)]


def mark_alert_delivered(db: Database, key: str) -> None:
    with db.transaction():
        db.execute("UPDATE alerts SET delivered = 1 WHERE key = ?", (key,))


def never_watched(db: Database) -> bool:
    """No watch has run on this store yet (no file seen, no alert, no baseline)."""
    return not any(
        db.execute(f"SELECT 1 FROM {table} LIMIT 1").fetchone()
        for table in ("watch_files", "alerts", "watch_cells")
    )


def record_seen(db: Database, alerts: Sequence[Alert]) -> None:
    """Record alerts as already delivered: what the store held when the watch began."""
    with db.transaction():
        db.executemany(
            "INSERT INTO alerts(key, kind, message, payload, delivered) VALUES (?,?,?,?,1) ON CONFLICT DO NOTHING",
            [(a.key, a.kind, a.message, json.dumps(a.payload, default=str)) for a in alerts],
        )
