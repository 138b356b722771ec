"""Run the stages against a store: ingest files into it, analyze what is pending.

Both stream: ingest reads one file at a time, analysis reads documents in batches from
the store and keeps at most a bounded window of them in flight, whatever the corpus size.
"""

from __future__ import annotations

import ctypes
import itertools
import multiprocessing as mp
import os
import signal
import sys
import tempfile
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from multiprocessing.pool import AsyncResult
from pathlib import Path
from typing import Literal

from scenariodesk.dedupe import fingerprint
from scenariodesk.ingest import SUFFIXES, IngestError, read_documents
from scenariodesk.lens import Lens
from scenariodesk.models import Analysis, Document
from scenariodesk.store import Store

EventKind = Literal["added", "duplicate", "error", "warning"]
_CHUNK = 8  # documents per task sent to a worker process
_CHUNKS_PER_WORKER = 3  # tasks in flight per worker: enough to never idle, little memory


@dataclass(frozen=True)
class IngestEvent:
    kind: EventKind
    path: str
    message: str
    document_id: int | None = None


@dataclass
class IngestReport:
    added: int = 0
    duplicates: int = 0
    errors: list[str] = field(default_factory=list)


def ingest_paths(
    store: Store,
    paths: Iterable[str | Path],
    lens: Lens,
    *,
    metadata: str | Path | None = None,
    on_event: Callable[[IngestEvent], None] | None = None,
) -> IngestReport:
    """Add every new article under `paths`; each document is its own transaction."""
    report = IngestReport()
    for path, item in read_documents(paths, lens, metadata=metadata):
        if isinstance(item, IngestError):
            event = IngestEvent("error", str(path), str(item))
            report.errors.append(str(item))
        else:
            for warning in item.warnings:
                if on_event:
                    on_event(IngestEvent("warning", str(path), f"{item.path}: {warning}"))
            event = _add(store, item)
            if event.kind == "added":
                report.added += 1
            else:
                report.duplicates += 1
        if on_event:
            on_event(event)
    return report


def ingest_bytes(store: Store, name: str, data: bytes, lens: Lens) -> list[IngestEvent]:
    """Ingest one uploaded file. It is written to a private temporary file whose name the
    server chooses (only a validated suffix is kept), read exactly as `ingest` reads
    files, and labelled `upload:NAME` in the store and in messages."""
    label = "upload:" + (Path(name.replace("\\", "/")).name[:200] or "unnamed")
    suffix = Path(name).suffix.lower()
    if suffix not in SUFFIXES:
        return [IngestEvent("error", label, f"{label}: unsupported file type {suffix or '(none)'!r}")]
    with tempfile.TemporaryDirectory(prefix="scenariodesk-upload-") as folder:
        path = Path(folder) / f"upload{suffix}"
        path.write_bytes(data)
        events = []
        for _, item in read_documents([path], lens):
            if isinstance(item, IngestError):
                message = str(item).replace(str(path), label)
                events.append(IngestEvent("error", label, message))
            else:
                events.append(_add(store, replace(item, path=item.path.replace(str(path), label))))
    return events


def _add(store: Store, doc: Document) -> IngestEvent:
    fp = fingerprint(doc.text)
    duplicate = store.find_duplicate(fp)  # outside the lock: most duplicates are found here
    if duplicate is None:
        try:
            doc_id, kind = store.add_unless_duplicate(doc, fp)
        except store.integrity_errors:  # another writer stored the same text a moment ago
            return IngestEvent(
                "duplicate", doc.path, f"{doc.path}: exact duplicate of a document stored concurrently"
            )
        if kind is None:
            return IngestEvent("added", doc.path, f"{doc.path}: added as document {doc_id}", doc_id)
        duplicate = doc_id, kind
    other, kind = duplicate
    return IngestEvent("duplicate", doc.path, f"{doc.path}: {kind} duplicate of document {other}")


# ------------------------------------------------------------------------- analysis
_worker_lens: Lens | None = None


def _init_worker(lens: Lens, parent: int) -> None:
    global _worker_lens
    _worker_lens = lens
    _die_with_parent(parent)


def _die_with_parent(parent: int) -> None:
    """A worker whose parent is killed (kill -9) ends quietly with it, instead of printing
    a BrokenPipeError traceback when it next hands back a result. On Linux the kernel
    sends it SIGTERM (prctl PR_SET_PDEATHSIG); Ctrl-C is the parent's to handle."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if sys.platform.startswith("linux"):
        try:
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
        except (OSError, AttributeError):
            pass
    if os.getppid() != parent:  # the parent died before the line above took effect
        os._exit(0)


def _analyze_chunk(docs: list[Document]) -> list[tuple[int, Analysis]]:
    from scenariodesk.analyze import analyze_batch

    assert _worker_lens is not None
    return [(doc.id or 0, analysis) for doc, analysis in analyze_batch(docs, _worker_lens)]


def analyze_store(
    store: Store,
    lens: Lens,
    *,
    workers: int = 1,
    on_progress: Callable[[int, int], None] | None = None,
    on_failure: Callable[[int, str], None] | None = None,
) -> tuple[int, int]:
    """Analyze every document not yet analyzed with this lens version.

    Returns (documents analyzed, statements found). Results are written by this process
    only, one transaction per document, so an interrupted run loses nothing and a rerun
    picks up where it stopped. A document that cannot be analyzed is recorded with its
    reason (`on_failure(doc_id, reason)` hears of it) and skipped: it blocks no other.
    """
    pending = store.count_documents(pending_for=lens.fingerprint)
    documents = store.iter_documents(pending_for=lens.fingerprint)
    progress = ResultWriter(pending, on_progress, on_failure)
    for doc_id, analysis in _results(documents, lens, workers):
        progress.save(store, doc_id, analysis, lens.fingerprint)
    return progress.done, progress.found


@dataclass
class ResultWriter:
    """Writes analyses as they come (one transaction each) and counts them; the one place
    the local pool and the Dask path (cluster.py) record results and failures."""

    pending: int
    on_progress: Callable[[int, int], None] | None = None
    on_failure: Callable[[int, str], None] | None = None
    done: int = 0
    found: int = 0

    def save(self, store: Store, doc_id: int, analysis: Analysis, fingerprint: str) -> None:
        store.save_analysis(doc_id, analysis, fingerprint)
        self.done += 1
        self.found += len(analysis.statements)
        if analysis.failure and self.on_failure:
            self.on_failure(doc_id, analysis.failure)
        if self.on_progress:
            self.on_progress(self.done, self.pending)


def _results(documents: Iterator[Document], lens: Lens, workers: int) -> Iterator[tuple[int, Analysis]]:
    if workers <= 1:
        from scenariodesk.analyze import analyze_batch

        for doc, analysis in analyze_batch(documents, lens):
            yield doc.id or 0, analysis
        return
    # A window of chunks in flight, oldest first: memory stays flat however large the
    # corpus, the workers stay busy, and only this thread touches the store. Chunks of
    # several documents amortize the round trip and let a worker batch its parsing.
    context = mp.get_context("fork") if "fork" in mp.get_all_start_methods() else mp.get_context()
    with context.Pool(workers, initializer=_init_worker, initargs=(lens, os.getpid())) as pool:
        pending: deque[AsyncResult[list[tuple[int, Analysis]]]] = deque()
        while chunk := list(itertools.islice(documents, _CHUNK)):
            pending.append(pool.apply_async(_analyze_chunk, (chunk,)))
            if len(pending) >= workers * _CHUNKS_PER_WORKER:
                yield from pending.popleft().get()
        while pending:
            yield from pending.popleft().get()
