"""Analysis on a Dask distributed cluster: `analyze --cluster tcp://host:8786 | local:N`.

The driver streams pending documents from the store in partitions, keeps a bounded
number of partitions in flight, and writes each partition's results as it comes back,
one transaction per document. Workers receive the lens once (scattered) and load the
spaCy model once (it is cached per process), then analyze whole partitions with
`analyze_batch`. A partition analyzed twice (a worker died, a run was restarted)
replaces its documents' results rather than adding to them.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from typing import Any

from scenariodesk.lens import Lens
from scenariodesk.models import Analysis, Document
from scenariodesk.pipeline import ResultWriter
from scenariodesk.store import Store

PARTITION = 32  # documents per task
IN_FLIGHT_PER_WORKER = 2  # partitions queued per worker: busy workers, bounded memory


class ClusterError(RuntimeError):
    pass


def _analyze_partition(documents: list[Document], lens: Lens) -> list[tuple[int, Analysis]]:
    from scenariodesk.analyze import analyze_batch

    return [(doc.id or 0, analysis) for doc, analysis in analyze_batch(documents, lens)]


def connect(address: str) -> Any:
    """A dask.distributed Client for `tcp://...` (an existing scheduler) or `local:N` (a
    local cluster of N single-threaded worker processes, started here)."""
    from dask.distributed import Client, LocalCluster

    if address.startswith("local:"):
        try:
            workers = int(address.split(":", 1)[1])
        except ValueError:
            raise ClusterError(f"--cluster local:N needs a number of workers (got {address!r})") from None
        if workers < 1:
            raise ClusterError("--cluster local:N needs at least one worker")
        import dask

        # Forked workers start in a fraction of the time spawned ones take to re-import
        # spaCy and the rest (measured: the difference is most of a short run's overhead).
        dask.config.set({"distributed.worker.multiprocessing-method": "fork"})
        cluster = LocalCluster(
            n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=":0", silence_logs=40
        )
        return Client(cluster)
    try:
        return Client(address, timeout="20s")
    except OSError as exc:
        raise ClusterError(f"cannot reach the Dask scheduler at {address}: {exc}") from exc


def analyze_on_cluster(
    store: Store,
    lens: Lens,
    address: str,
    *,
    on_progress: Callable[[int, int], None] | None = None,
    on_dashboard: Callable[[str], None] | None = None,
    on_failure: Callable[[int, str], None] | None = None,
) -> tuple[int, int]:
    """Analyze every pending document on the cluster; (documents, statements)."""
    from dask.distributed import as_completed

    client = connect(address)
    try:
        if on_dashboard and client.dashboard_link:
            on_dashboard(client.dashboard_link)
        workers = max(1, len(client.scheduler_info().get("workers", {})))
        lens_future = client.scatter(lens, broadcast=True)
        pending = store.count_documents(pending_for=lens.fingerprint)
        documents = store.iter_documents(pending_for=lens.fingerprint)

        def submit_next() -> Any | None:
            part = list(itertools.islice(documents, PARTITION))
            return client.submit(_analyze_partition, part, lens_future, pure=False) if part else None

        queue = as_completed()
        for _ in range(workers * IN_FLIGHT_PER_WORKER):
            future = submit_next()
            if future is None:
                break
            queue.add(future)
        progress = ResultWriter(pending, on_progress, on_failure)
        for future in queue:
            for doc_id, analysis in future.result():
                progress.save(store, doc_id, analysis, lens.fingerprint)
            future.release()
            following = submit_next()
            if following is not None:
                queue.add(following)
        return progress.done, progress.found
    finally:
        cluster = getattr(client, "cluster", None)
        client.close()
        if cluster is not None:
            cluster.close()
