"""The Dask run: partitions mapped over a dask.bag on a `distributed` cluster, results written in order.

Event clusters are then a keyed reduction on the same cluster (`flashpoint.batch.clusters`).

Each worker builds the pipeline once (`cached_pipeline`, warmed on every worker before the first
partition) and keeps it for every partition it runs. A partition that raises is retried by the
scheduler; one that still fails becomes rejection rows naming its inputs and the error.
"""

from __future__ import annotations

import functools
import logging
import os
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from flashpoint.batch.clusters import cluster_ids_on_dask
from flashpoint.batch.partitions import BatchError, Partition, plan_partitions
from flashpoint.batch.runner import (
    DEFAULT_PARTITION_SIZE,
    DEFAULT_RETRIES,
    BatchSummary,
    PartitionResult,
    PipelineFactory,
    build_pipeline,
    failed_partition,
    open_sink,
    run_partition,
)
from flashpoint.corroborate.clusters import ClusterRules
from flashpoint.pipeline import load_pipeline
from flashpoint.settings import Settings

if TYPE_CHECKING:
    from distributed import Client, LocalCluster

__all__ = ["connect", "run_batch"]


@contextmanager
def connect(scheduler: str = "local", *, workers: int = 2) -> Iterator[Client]:
    """Yield a distributed Client: a LocalCluster of `workers` processes (1 thread each), or an address."""
    from distributed import Client

    if logging.getLogger().getEffectiveLevel() > logging.INFO:
        # Dask's scheduler, nannies and client log their start and stop at INFO: shown with -v only.
        logging.getLogger("distributed").setLevel(logging.WARNING)
    if scheduler == "local":
        if workers < 1:
            raise BatchError(f"--workers must be at least 1, not {workers}")
        cluster = _local_cluster(workers)
        try:
            with Client(cluster) as client:  # type: ignore[no-untyped-call]
                yield client
        finally:
            cluster.close()
        return
    try:
        client = Client(scheduler, timeout=30)  # type: ignore[no-untyped-call]
    except OSError as exc:
        raise BatchError(f"cannot reach the Dask scheduler at {scheduler!r}: {exc}") from exc
    try:
        yield client
    finally:
        client.close()  # type: ignore[no-untyped-call]


# Set by the nanny in every worker by default: glibc then returns freed memory to the system at 64 KiB,
# which disables its adaptive thresholds. spaCy allocates and frees a lot: measured in bench/batch.py,
# a worker with it spent 10-25 % more CPU on the same documents than one process without it.
_TRIM = "MALLOC_TRIM_THRESHOLD_"


def _local_cluster(workers: int) -> LocalCluster:
    """Return a LocalCluster of `workers` processes of 1 thread each, tuned for a CPU-bound pipeline."""
    import dask
    from distributed import LocalCluster

    environ = dict(dask.config.get("distributed.nanny.pre-spawn-environ", default={}))
    environ.pop(_TRIM, None)
    config = {
        "distributed.nanny.pre-spawn-environ": environ,
        # The statistical profiler samples the running task every few ms: not wanted on few cores.
        "distributed.worker.profile.enabled": False,
    }
    # The nanny writes its pre-spawn variables into this process's environment too: put it back.
    saved = {name: os.environ.get(name) for name in [*environ, "PYTHONHASHSEED", _TRIM]}
    try:
        with dask.config.set(config):
            return LocalCluster(  # type: ignore[no-untyped-call]
                n_workers=workers,
                threads_per_worker=1,
                processes=True,
                dashboard_address=":0",
                silence_logs=logging.ERROR,
            )
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


def _partition_task(
    partitions: list[Partition], *, settings: Settings, factory: PipelineFactory, keep_records: bool
) -> list[PartitionResult]:
    return [
        run_partition(p, settings=settings, factory=factory, keep_records=keep_records) for p in partitions
    ]


def _warm_workers(client: Client, settings: Settings, factory: PipelineFactory) -> None:
    """Build the pipeline on every worker: at once when the gazetteer index is ready, else one worker first.

    A missing or outdated index is (re)built by the first worker to open it, so the others wait for it.
    """
    workers = sorted(client.scheduler_info()["workers"])
    if not workers:
        raise BatchError("the Dask cluster has no workers")
    first = workers if _gazetteer_ready(settings) else workers[:1]
    try:
        client.run(build_pipeline, settings, factory, workers=first)
        if len(first) < len(workers):
            client.run(build_pipeline, settings, factory, workers=workers[1:])
    except BatchError:
        raise
    except Exception as exc:
        raise BatchError(f"the workers cannot build the pipeline: {type(exc).__name__}: {exc}") from exc


def _gazetteer_ready(settings: Settings) -> bool:
    """Return True when the settings' gazetteer index exists and is current: workers only read it."""
    from flashpoint.geo.index import BUILTIN_VERSION, builtin_version, outdated_sources

    path = settings.gazetteer_path
    try:
        return path.exists() and outdated_sources(path) is None and builtin_version(path) == BUILTIN_VERSION
    except Exception:  # unreadable: let one worker open it and report
        return False


def run_batch(
    inputs: Sequence[str],
    out: Path,
    settings: Settings,
    *,
    client: Client,
    partition_size: int = DEFAULT_PARTITION_SIZE,
    retries: int = DEFAULT_RETRIES,
    load: bool = False,
    factory: PipelineFactory = load_pipeline,
    tick: Callable[[int], None] | None = None,
) -> BatchSummary:
    """Return the summary of a backfill run on the Dask `client`; writes DIR/<table>.parquet.

    The files equal those `run_local` writes for the same inputs. `tick` gets the number of records
    of each partition as it completes, for a progress bar.
    """
    import dask.bag as db
    from distributed import as_completed

    started = time.perf_counter()
    partitions = plan_partitions(inputs, settings=settings, size=partition_size)
    if partitions:
        _warm_workers(client, settings, factory)
    rules = ClusterRules.from_settings(settings)
    clusterer = functools.partial(cluster_ids_on_dask, client, rules=rules)
    sink = open_sink(out, settings, load=load, clusterer=clusterer)
    try:
        if partitions:
            bag = db.from_sequence(partitions, npartitions=len(partitions))  # type: ignore[no-untyped-call]
            results = bag.map_partitions(
                _partition_task, settings=settings, factory=factory, keep_records=load
            )
            futures = client.compute(results.to_delayed(), retries=retries)  # type: ignore[no-untyped-call]
            by_future = {future.key: partition for future, partition in zip(futures, partitions, strict=True)}
            for future in as_completed(futures):  # type: ignore[no-untyped-call]
                partition = by_future[future.key]
                if future.status == "finished":
                    for result in future.result():
                        sink.add(result)
                else:
                    sink.add(failed_partition(partition, future.exception(), attempts=retries + 1))
                future.release()
                if tick is not None:
                    tick(partition.records)
        sink.close()
    except BaseException:
        sink.abort()
        raise
    return sink.summary(partitions=len(partitions), seconds=time.perf_counter() - started)
