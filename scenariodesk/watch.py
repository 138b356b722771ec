"""Watch folders and feeds for new articles; alert when a signpost fires or the matrix moves.

Each pass: ingest what is new (each document its own transaction; a file is marked done
only after all its documents are in), analyze incrementally, then derive alerts from the
store. Alerts are recorded in the store before they are delivered, and delivery (terminal
line, JSONL log, optional webhook) is marked in the store afterwards; on restart,
undelivered alerts are delivered unless the log already has them. So a watcher killed at
any point neither loses nor repeats an alert, and re-ingesting a half-done file adds
nothing (duplicates are skipped).
"""

from __future__ import annotations

import json
import time
import urllib.request
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from scenariodesk.aggregate import load_matrix
from scenariodesk.ingest import SUFFIXES
from scenariodesk.lens import Lens
from scenariodesk.models import Alert
from scenariodesk.pipeline import IngestEvent, analyze_store, ingest_paths
from scenariodesk.render.text import plural
from scenariodesk.store import Store

FEED_SUFFIXES = {".rss", ".atom", ".xml"}
WEBHOOK_TIMEOUT = 10  # seconds


@dataclass
class PassReport:
    files: int = 0
    added: int = 0
    errors: int = 0
    analyzed: int = 0
    alerts: int = 0


class Watcher:
    def __init__(
        self,
        store: Store,
        lens: Lens,
        paths: Iterable[str],
        *,
        log: Path,
        webhook: str | None = None,
        threshold: float = 0.3,
        say: Callable[[str], None] = print,
        warn: Callable[[str], None] = print,
        since: str | None = None,
    ) -> None:
        self.store = store
        self.lens = lens
        self.paths = list(paths)
        self.log = log
        self.webhook = webhook
        self.threshold = threshold
        self.say = say
        self.warn = warn
        self.since = since
        self._logged = self._keys_in_log()

    def run(self, interval: float, *, once: bool = False) -> None:
        self.baseline()
        self.deliver()  # what a previous run recorded but did not get to deliver
        while True:
            self.run_once()
            if once:
                return
            time.sleep(interval)

    def run_once(self) -> PassReport:
        report = PassReport()
        for source in self._new_sources():
            report.files += 1
            for event in self._ingest(source):
                if event.kind == "added":
                    report.added += 1
                elif event.kind == "error":
                    report.errors += 1
                    self.warn(f"error: {event.message}")
            self.store.mark_watched(source, _signature(source))
        report.analyzed, _ = analyze_store(self.store, self.lens)
        self.store.record_alerts(self._signpost_alerts(), self._cell_alerts())
        report.alerts = self.deliver()
        return report

    # ------------------------------------------------------------------ sources
    def _new_sources(self) -> Iterator[str]:
        for raw in self.paths:
            if raw.startswith(("http://", "https://")):
                yield raw  # feeds are re-read every pass; their articles deduplicate
                continue
            path = Path(raw)
            files = sorted(path.rglob("*")) if path.is_dir() else [path]
            for file in files:
                suffix = file.suffix.lower()
                if not file.is_file() or (suffix not in SUFFIXES and suffix not in FEED_SUFFIXES):
                    continue
                if file.name == "metadata.csv":
                    continue
                if self.store.watched_signature(str(file)) != _signature(str(file)):
                    yield str(file)

    def _ingest(self, source: str) -> Iterator[IngestEvent]:
        suffix = Path(source.split("?")[0]).suffix.lower()
        if source.startswith(("http://", "https://")) or suffix in FEED_SUFFIXES:
            yield from self._ingest_feed(source)
            return
        events: list[IngestEvent] = []
        ingest_paths(self.store, [source], self.lens, on_event=events.append)
        yield from events

    def _ingest_feed(self, source: str) -> Iterator[IngestEvent]:
        import feedparser

        from scenariodesk.pipeline import ingest_bytes

        feed = feedparser.parse(source)
        if feed.bozo and not feed.entries:
            yield IngestEvent(
                "error", source, f"{source}: not a readable RSS/Atom feed ({feed.get('bozo_exception')})"
            )
            return
        for number, entry in enumerate(feed.entries, start=1):
            body = entry.get("content", [{}])[0].get("value") or entry.get("summary") or ""
            header = "".join(
                f"{key}: {value}\n"
                for key, value in (
                    ("TITLE", entry.get("title", "")),
                    ("URL", entry.get("link", "")),
                    ("DATE", entry.get("published", "") or entry.get("updated", "")),
                    ("OUTLET", feed.feed.get("title", "")),
                )
                if value and "\n" not in value
            )
            text = header + "\n" + _strip_html(body)
            yield from ingest_bytes(self.store, f"{Path(source).name}#{number}.txt", text.encode(), self.lens)

    # ------------------------------------------------------------------ alerts
    def baseline(self) -> None:
        """The first watch on a store starts from what it already holds: signposts its
        documents report (dated before `since`, when given) never alert, and the matrix as
        it stands is the cells' baseline. Later watches go on from their recorded state."""
        if not self.store.never_watched():
            return
        analyze_store(self.store, self.lens)
        known = [
            a for a in self._signpost_alerts() if self.since is None or str(a.payload["date"]) < self.since
        ]
        self.store.record_seen(known)
        self.store.record_alerts([], self._cell_alerts())
        if known:
            self.warn(
                f"watch baseline: {plural(len(known), 'signpost report')} already in the store will not alert"
                + ("" if self.since else " (--since DATE alerts on those dated from DATE)")
            )

    def _signpost_alerts(self) -> list[Alert]:
        labels = {s.id: s.label for s in self.lens.model.signposts}
        alerts = []
        for hit in self.store.signpost_reports(unalerted=True):  # each pass reads only what is new
            message = (
                f"{labels.get(hit.signpost, hit.signpost)} — reported in document {hit.document_id}"
                f" ({hit.outlet or 'unknown outlet'}{', ' + hit.date if hit.date else ''}): “{hit.match}”"
            )
            payload = {
                "signpost": hit.signpost,
                "document_id": hit.document_id,
                "document_title": hit.document_title,
                "outlet": hit.outlet,
                "date": hit.date,
                "sentence": hit.sentence,
                "match": hit.match,
            }
            alerts.append(Alert(hit.alert_key, "signpost", message, payload))
        return alerts

    def _cell_alerts(self) -> tuple[list[Alert], dict[tuple[str, str], float]]:
        """Alerts for cells whose net direction moved more than the threshold since the
        last baseline, and the new baseline."""
        matrix = load_matrix(self.store, self.lens)
        baseline = self.store.watch_baseline()
        current = {key: cell.net_direction for key, cell in matrix.cells.items()}
        alerts = []
        for (outcome, domain), net in current.items():
            before = baseline.get((outcome, domain))
            if before is None or abs(net - before) <= self.threshold:
                continue
            n = matrix.cells[(outcome, domain)].statements
            alerts.append(
                Alert(
                    f"cell:{outcome}:{domain}:{n}:{net:+.3f}",
                    "cell",
                    f"{outcome} × {domain} net direction moved {before:+.2f} → {net:+.2f} ({n} statements)",
                    {"outcome": outcome, "domain": domain, "before": before, "after": net, "statements": n},
                )
            )
        return alerts, current

    def deliver(self) -> int:
        delivered = 0
        for alert in self.store.pending_alerts():
            if alert.key not in self._logged:
                self.say(alert.line())
                with self.log.open("a", encoding="utf-8") as fh:
                    fh.write(
                        json.dumps(
                            {"key": alert.key, "kind": alert.kind, "message": alert.message, **alert.payload},
                            ensure_ascii=False,
                            default=str,
                        )
                        + "\n"
                    )
                self._logged.add(alert.key)
                if self.webhook:
                    self._post(alert)
                delivered += 1
            self.store.mark_alert_delivered(alert.key)
        return delivered

    def _post(self, alert: Alert) -> None:
        data = json.dumps(
            {"key": alert.key, "kind": alert.kind, "message": alert.message, **alert.payload}, default=str
        ).encode()
        request = urllib.request.Request(
            self.webhook or "", data=data, headers={"Content-Type": "application/json"}
        )
        try:
            with urllib.request.urlopen(request, timeout=WEBHOOK_TIMEOUT):  # noqa: S310 (the user's own URL)
                pass
        except OSError as exc:
            self.warn(f"error: webhook {self.webhook}: {exc}")

    def _keys_in_log(self) -> set[str]:
        keys = set()
        if self.log.exists():
            for line in self.log.read_text("utf-8").splitlines():
                try:
                    keys.add(json.loads(line)["key"])
                except (json.JSONDecodeError, KeyError, TypeError):
                    continue
        return keys


def _signature(source: str) -> str:
    if source.startswith(("http://", "https://")):
        return f"feed@{time.time():.0f}"  # always re-read
    stat = Path(source).stat()
    return f"{stat.st_size}:{stat.st_mtime_ns}"


def _strip_html(text: str) -> str:
    import re
    from html import unescape

    return unescape(re.sub(r"<[^>]+>", " ", text)).strip()
