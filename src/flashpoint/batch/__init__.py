"""Backfills: the pipeline run over file shards on Dask (or in one process), written as Parquet.

`run_batch` (on a distributed Client from `connect`) and `run_local` write the same six datasets,
DIR/{documents,events,reports,claims,places,rejections}.parquet, with the same rows in the same order.
"""

from __future__ import annotations

from flashpoint.batch.dask_run import connect, run_batch
from flashpoint.batch.partitions import BatchError, Partition, Piece, plan_partitions, read_partition
from flashpoint.batch.runner import (
    DEFAULT_PARTITION_SIZE,
    DEFAULT_RETRIES,
    BatchSummary,
    PartitionResult,
    cached_pipeline,
    run_local,
    run_partition,
)
from flashpoint.batch.tables import SCHEMAS, TABLES, cluster_key, make_tables

__all__ = [
    "DEFAULT_PARTITION_SIZE",
    "DEFAULT_RETRIES",
    "SCHEMAS",
    "TABLES",
    "BatchError",
    "BatchSummary",
    "Partition",
    "PartitionResult",
    "Piece",
    "cached_pipeline",
    "cluster_key",
    "connect",
    "make_tables",
    "plan_partitions",
    "read_partition",
    "run_batch",
    "run_local",
    "run_partition",
]
