"""Background work for the web UI: ingest an upload, then analyze, with visible progress."""

from __future__ import annotations

import itertools
import queue
import threading
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from scenariodesk.developments import warm_developments
from scenariodesk.lens import Lens
from scenariodesk.pipeline import IngestEvent, analyze_store, ingest_bytes
from scenariodesk.store import Store

_KEEP = 50  # finished jobs remembered for their progress pages
QUEUE_LIMIT = 20  # uploads waiting their turn; more are refused (503), not spawned


class JobsFull(RuntimeError):
    pass


@dataclass
class Job:
    id: int
    state: str = "queued"  # queued | ingesting | analyzing | done | failed
    files: int = 0
    added: int = 0
    duplicates: int = 0
    errors: list[str] = field(default_factory=list)
    messages: list[str] = field(default_factory=list)
    analyzed: int = 0
    to_analyze: int = 0
    statements: int = 0
    started: float = field(default_factory=time.time)
    finished: float | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


class Jobs:
    """Runs one job at a time on one worker thread, from a bounded queue (SQLite takes
    one writer at a time anyway); each job opens its own connection to the store. A job
    is recorded before its submitter hears of it, and only finished jobs are forgotten."""

    def __init__(self, db_path: str | Path, lens: Lens) -> None:
        self.db_path = str(db_path)
        self.lens = lens
        self._jobs: dict[int, Job] = {}
        self._ids = itertools.count(1)
        self._lock = threading.Lock()
        self._queue: queue.Queue[tuple[Job, list[tuple[str, bytes | str]]]] = queue.Queue(QUEUE_LIMIT)
        self._worker: threading.Thread | None = None

    def get(self, job_id: int) -> Job | None:
        return self._jobs.get(job_id)

    def running(self) -> Job | None:
        return next((j for j in self._jobs.values() if j.state in ("queued", "ingesting", "analyzing")), None)

    def submit(self, files: list[tuple[str, bytes | str]]) -> Job:
        """Queue uploaded (name, bytes) pairs, or (name, error message) for files refused
        at the door, and start the job; returns at once."""
        with self._lock:
            job = Job(next(self._ids), files=len(files))
            try:
                self._queue.put_nowait((job, files))
            except queue.Full:
                raise JobsFull(f"{QUEUE_LIMIT} uploads are already waiting; try again shortly") from None
            self._jobs[job.id] = job
            finished = [j for j in sorted(self._jobs) if self._jobs[j].finished is not None]
            for old in finished[: max(0, len(finished) - _KEEP)]:
                del self._jobs[old]
            if self._worker is None or not self._worker.is_alive():
                self._worker = threading.Thread(target=self._work, name="scenariodesk-jobs", daemon=True)
                self._worker.start()
        return job

    def _work(self) -> None:
        while True:
            job, files = self._queue.get()
            try:
                self._run(job, files)
            finally:
                self._queue.task_done()

    def _run(self, job: Job, files: list[tuple[str, bytes | str]]) -> None:
        try:
            with Store(self.db_path) as store:
                job.state = "ingesting"
                for name, data in files:
                    if isinstance(data, str):
                        self._record(job, IngestEvent("error", name, data))
                        continue
                    for event in ingest_bytes(store, name, data, self.lens):
                        self._record(job, event)
                job.state = "analyzing"
                job.to_analyze = store.count_documents(pending_for=self.lens.fingerprint)

                def progress(done: int, total: int) -> None:
                    job.analyzed, job.to_analyze = done, total

                _, job.statements = analyze_store(
                    store,
                    self.lens,
                    on_progress=progress,
                    on_failure=lambda doc_id, why: job.errors.append(
                        f"document {doc_id} could not be analyzed (skipped): {why}"
                    ),
                )
                warm_developments(store, self.lens)
            job.state = "done"
        except Exception as exc:  # the job page must say what went wrong, not hang
            job.errors.append(f"analysis failed: {type(exc).__name__}: {exc}")
            job.state = "failed"
        finally:
            job.finished = time.time()

    @staticmethod
    def _record(job: Job, event: IngestEvent) -> None:
        if event.kind == "added":
            job.added += 1
        elif event.kind == "duplicate":
            job.duplicates += 1
        elif event.kind == "warning":
            job.messages.append(f"warning: {event.message}")
            return
        else:
            job.errors.append(event.message)
            return
        job.messages.append(event.message)
