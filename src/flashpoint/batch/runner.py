"""Running partitions, in this process or on a worker, and writing their tables in input order.

`run_partition` is the one code path both runs share: `run_local` calls it in a loop, the Dask run
(`flashpoint.batch.dask_run`) maps it over a bag. Either way the results go through `OrderedSink`,
which writes each partition's rows once every partition before it has been written, and at the end
gives every event its cluster (`flashpoint.batch.clusters`: a keyed reduction, here or on Dask).
"""

from __future__ import annotations

import functools
import os
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pyarrow as pa
import pyarrow.parquet as pq

from flashpoint.batch.clusters import CLUSTER_COLUMNS, cluster_ids, rows_of
from flashpoint.batch.partitions import BatchError, Partition, plan_partitions, read_partition
from flashpoint.batch.tables import SCHEMAS, TABLES, make_tables
from flashpoint.corroborate import ClusterRules, Corroboration
from flashpoint.pipeline import Pipeline, load_pipeline
from flashpoint.records import Document, Rejection
from flashpoint.settings import Settings
from flashpoint.workflow import IngestSummary, ingest_items

if TYPE_CHECKING:
    from flashpoint.store import Store

__all__ = [
    "DEFAULT_PARTITION_SIZE",
    "DEFAULT_RETRIES",
    "BatchSummary",
    "OrderedSink",
    "PartitionResult",
    "PipelineFactory",
    "build_pipeline",
    "cached_pipeline",
    "failed_partition",
    "pipelines_built",
    "run_local",
    "run_partition",
]

DEFAULT_PARTITION_SIZE = 100
DEFAULT_RETRIES = 2

PipelineFactory = Callable[[Settings], Pipeline]
# Given the cluster rows of every event in output order, returns each one's cluster id.
Clusterer = Callable[[list[dict[str, Any]]], list[str]]

# One pipeline per process and (factory, settings): a worker loads the model once, on its first task.
_PIPELINES: dict[tuple[Any, Settings], Pipeline] = {}
_PIPELINES_LOCK = threading.Lock()


def cached_pipeline(settings: Settings, factory: PipelineFactory = load_pipeline) -> Pipeline:
    """Return the pipeline `factory(settings)` made in this process, building it on first use.

    The database setting is left out of the key: no stage reads it, and a run that only changes
    the database (`--load` into another store) must not load the model again.
    """
    key = (factory, replace(settings, db=""))
    with _PIPELINES_LOCK:
        pipeline = _PIPELINES.get(key)
        if pipeline is None:
            pipeline = _PIPELINES[key] = factory(settings)
    return pipeline


def pipelines_built(factory: PipelineFactory = load_pipeline) -> int:
    """Return how many pipelines of `factory` this process holds (one per distinct settings)."""
    with _PIPELINES_LOCK:
        return sum(1 for key in _PIPELINES if key[0] is factory)


def build_pipeline(settings: Settings, factory: PipelineFactory = load_pipeline) -> str:
    """Return the stage names of this process's cached pipeline; BatchError when it cannot be built.

    Called before any partition runs: a pipeline that cannot be built (no model, a broken gazetteer)
    fails the whole run once, with its reason, instead of failing every partition.
    """
    try:
        return ",".join(cached_pipeline(settings, factory).names)
    except Exception as exc:
        raise BatchError(f"the pipeline cannot be built: {type(exc).__name__}: {exc}") from exc


@dataclass(frozen=True, slots=True)
class PartitionResult:
    """What one partition gave: its six tables, and its records when they are to be stored."""

    index: int
    tables: dict[str, pa.Table]
    items: tuple[Document | Rejection, ...] = ()
    seconds: float = 0.0
    failed: bool = False


def run_partition(
    partition: Partition,
    *,
    settings: Settings,
    factory: PipelineFactory = load_pipeline,
    keep_records: bool = False,
) -> PartitionResult:
    """Return the tables of one partition read and run through the (cached) pipeline."""
    started = time.perf_counter()
    pipeline = cached_pipeline(settings, factory)
    items = tuple(pipeline.pipe(read_partition(partition, settings=settings)))
    tables = make_tables(items, cluster_km=settings.cluster_km, cluster_days=settings.cluster_days)
    return PartitionResult(
        index=partition.index,
        tables=tables,
        items=items if keep_records else (),
        seconds=time.perf_counter() - started,
    )


def failed_partition(partition: Partition, error: BaseException, *, attempts: int) -> PartitionResult:
    """Return the result standing for a partition that failed every attempt: one rejection per input."""
    reason = (
        f"partition {partition.index} failed after {attempts} attempt(s): {type(error).__name__}: {error}"
    )
    rejections = tuple(Rejection(source=src, reason=reason, stage="batch") for src in partition.sources)
    tables = make_tables(rejections, cluster_km=0.0, cluster_days=1)
    return PartitionResult(index=partition.index, tables=tables, items=rejections, failed=True)


@dataclass(frozen=True, slots=True)
class BatchSummary:
    """What a backfill did: counts per table, failed partitions, and the store summary with --load."""

    partitions: int
    rows: dict[str, int]
    failed_partitions: tuple[int, ...]
    seconds: float
    out: Path
    loaded: IngestSummary | None = None

    def as_dict(self) -> dict[str, Any]:
        return {
            "partitions": self.partitions,
            "rows": dict(self.rows),
            "failed_partitions": list(self.failed_partitions),
            "seconds": round(self.seconds, 3),
            "out": str(self.out),
            "loaded": self.loaded.as_dict() if self.loaded else None,
        }


@dataclass(slots=True)
class OrderedSink:
    """Writes partition results to DIR/<table>.parquet in partition order, whatever order they arrive in.

    With a store, each partition's documents and rejections are also stored, in the same order.
    Files are written under a temporary name and renamed by `close`, so a crashed run leaves none;
    `close` first fills in the events' cluster ids with `clusterer` (by default, in this process).
    """

    out: Path
    store: Store | None = None
    clusterer: Clusterer | None = None
    _events: list[pa.Table] = field(default_factory=list)
    _writers: dict[str, pq.ParquetWriter] = field(default_factory=dict)
    _pending: dict[int, PartitionResult] = field(default_factory=dict)
    _next: int = 0
    rows: dict[str, int] = field(default_factory=lambda: dict.fromkeys(TABLES, 0))
    failed: list[int] = field(default_factory=list)
    loaded: list[IngestSummary] = field(default_factory=list)

    def open(self) -> OrderedSink:
        self.out.mkdir(parents=True, exist_ok=True)
        for name in TABLES:
            self._writers[name] = pq.ParquetWriter(self._partial(name), SCHEMAS[name])
        return self

    def _partial(self, name: str) -> Path:
        return self.out / f".{name}.parquet.partial"

    def add(self, result: PartitionResult) -> None:
        """Take one result; write it and every waiting result that now follows in order."""
        self._pending[result.index] = result
        while self._next in self._pending:
            self._write(self._pending.pop(self._next))
            self._next += 1

    def _write(self, result: PartitionResult) -> None:
        for name in TABLES:
            table = result.tables[name]
            if table.num_rows:
                self._writers[name].write_table(table)
                self.rows[name] += table.num_rows
                if name == "events":  # only what the cluster reduction reads, until `close`
                    self._events.append(table.select(list(CLUSTER_COLUMNS)))
        if result.failed:
            self.failed.append(result.index)
        if self.store is not None:
            self.loaded.append(ingest_items(result.items, self.store))

    def close(self) -> None:
        """Finish every file and give it its final name; raises if a partition never arrived."""
        for writer in self._writers.values():
            writer.close()
        if self._pending:
            raise RuntimeError(f"partitions {sorted(self._pending)} came after a missing one")
        self._fill_clusters()
        for name in TABLES:
            os.replace(self._partial(name), self.out / f"{name}.parquet")

    def _fill_clusters(self) -> None:
        """Rewrite the events file with each event's cluster id, from one reduction over every event."""
        rows: list[dict[str, Any]] = []
        for table in self._events:
            rows.extend(rows_of(table, first=len(rows)))
        self._events.clear()
        if not rows:
            return
        clusterer = self.clusterer or (lambda found: cluster_ids(found, ClusterRules()))
        ids = clusterer(rows)
        partial, filled = self._partial("events"), self.out / ".events.parquet.clustered"
        index = SCHEMAS["events"].get_field_index("cluster_id")
        done = 0
        with pq.ParquetWriter(filled, SCHEMAS["events"]) as writer:
            for batch in pq.ParquetFile(partial).iter_batches(batch_size=65_536):
                column = pa.array(ids[done : done + batch.num_rows], type=pa.string())
                writer.write_table(pa.Table.from_batches([batch]).set_column(index, "cluster_id", column))
                done += batch.num_rows
        os.replace(filled, partial)

    def abort(self) -> None:
        """Close and delete the unfinished files."""
        for name, writer in self._writers.items():
            writer.close()
            self._partial(name).unlink(missing_ok=True)
        (self.out / ".events.parquet.clustered").unlink(missing_ok=True)

    def summary(self, *, partitions: int, seconds: float) -> BatchSummary:
        loaded = None
        if self.store is not None:
            loaded = IngestSummary(
                added=sum(s.added for s in self.loaded),
                already_present=sum(s.already_present for s in self.loaded),
                rejected=sum(s.rejected for s in self.loaded),
                events=sum(s.events for s in self.loaded),
            )
        return BatchSummary(
            partitions=partitions,
            rows=dict(self.rows),
            failed_partitions=tuple(self.failed),
            seconds=seconds,
            out=self.out,
            loaded=loaded,
        )


def open_sink(
    out: Path, settings: Settings, *, load: bool, clusterer: Clusterer | None = None
) -> OrderedSink:
    """Return an open sink writing under `out`, storing into the settings' database when `load`.

    Events are clustered with the settings' thresholds, by `clusterer` or else in this process.
    """
    store = None
    if load:
        from flashpoint.store import Store

        store = Store.open(settings.db_url, corroborator=Corroboration.from_settings(settings))
    if clusterer is None:
        rules = ClusterRules.from_settings(settings)
        clusterer = functools.partial(cluster_ids, rules=rules)
    return OrderedSink(out=out, store=store, clusterer=clusterer).open()


def run_local(
    inputs: Sequence[str],
    out: Path,
    settings: Settings,
    *,
    partition_size: int = DEFAULT_PARTITION_SIZE,
    retries: int = DEFAULT_RETRIES,
    load: bool = False,
    factory: PipelineFactory = load_pipeline,
    tick: Callable[[int], None] | None = None,
) -> BatchSummary:
    """Return the summary of a backfill run in this process: the Dask run's code path without Dask.

    Writes the same Parquet files as `run_batch` for the same inputs; `tick` gets the number of
    records of each partition done, for a progress bar.
    """
    started = time.perf_counter()
    partitions = plan_partitions(inputs, settings=settings, size=partition_size)
    if partitions:
        build_pipeline(settings, factory)
    sink = open_sink(out, settings, load=load)
    try:
        for partition in partitions:
            sink.add(_run_with_retries(partition, settings, factory, retries=retries, keep=load))
            if tick is not None:
                tick(partition.records)
        sink.close()
    except BaseException:
        sink.abort()
        raise
    return sink.summary(partitions=len(partitions), seconds=time.perf_counter() - started)


def _run_with_retries(
    partition: Partition, settings: Settings, factory: PipelineFactory, *, retries: int, keep: bool
) -> PartitionResult:
    error: Exception | None = None
    for _attempt in range(retries + 1):
        try:
            return run_partition(partition, settings=settings, factory=factory, keep_records=keep)
        except Exception as exc:  # reported as rejections below, as the Dask run does
            error = exc
    assert error is not None
    return failed_partition(partition, error, attempts=retries + 1)
