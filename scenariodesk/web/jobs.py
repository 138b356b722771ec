"""Background work for the web UI: ingest an upload, then analyze, with visible progress."""

from __future__ import annotations

import itertools
import threading
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from scenariodesk.lens import Lens
from scenariodesk.pipeline import IngestEvent, analyze_store, ingest_bytes
from scenariodesk.store import Store

_KEEP = 50  # finished jobs remembered for their progress pages


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
    """Runs one job at a time on a worker thread (SQLite takes one writer at a time
    anyway); each job opens its own connection to the store."""

    def __init__(self, db_path: str | Path, lens: Lens) -> None:
        self.db_path = str(db_path)
        self.lens = lens
        self._jobs: dict[int, Job] = {}
        self._ids = itertools.count(1)
        self._lock = threading.Lock()
        self._run_lock = threading.Lock()

    def get(self, job_id: int) -> Job | None:
        return self._jobs.get(job_id)

    def running(self) -> Job | None:
        return next((j for j in self._jobs.values() if j.state in ("queued", "ingesting", "analyzing")), None)

    def submit(self, files: list[tuple[str, bytes | str]]) -> Job:
        """Queue uploaded (name, bytes) pairs, or (name, error message) for files refused
        at the door, and start the job; returns at once."""
        with self._lock:
            job = Job(next(self._ids), files=len(files))
            self._jobs[job.id] = job
            for old in sorted(self._jobs)[:-_KEEP]:
                del self._jobs[old]
        thread = threading.Thread(target=self._run, args=(job, files), name=f"job-{job.id}", daemon=True)
        thread.start()
        return job

    def _run(self, job: Job, files: list[tuple[str, bytes | str]]) -> None:
        with self._run_lock:
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
        else:
            job.errors.append(event.message)
            return
        job.messages.append(event.message)
