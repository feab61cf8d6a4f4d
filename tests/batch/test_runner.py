"""The single-process run: a partition that keeps failing is retried, then written as rejections."""

from __future__ import annotations

import functools
import importlib.util
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from flashpoint.batch import TABLES, make_tables, run_local
from flashpoint.batch.runner import OrderedSink, PartitionResult
from flashpoint.records import Rejection
from flashpoint.settings import Settings

# Loaded from its file and kept out of sys.modules, so the workers get these functions by value
# (cloudpickle): test modules are not importable under pytest's importlib mode.
_spec = importlib.util.spec_from_file_location("batch_poison", Path(__file__).with_name("poison.py"))
assert _spec is not None and _spec.loader is not None
_poison = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_poison)
poisoned, write_shards = _poison.poisoned, _poison.write_shards


@pytest.mark.parametrize(("heal_after", "failed"), [(1, False), (99, True)])
def test_run_local_retries_then_reports_a_failed_partition(
    tmp_path: Path, heal_after: int, failed: bool
) -> None:
    paths = write_shards(tmp_path / "in")
    attempts = tmp_path / "attempts"
    attempts.mkdir()
    factory = functools.partial(poisoned, attempts=attempts, heal_after=heal_after)
    summary = run_local(paths, tmp_path / "out", Settings(), partition_size=1, retries=2, factory=factory)
    documents = pq.read_table(tmp_path / "out" / "documents.parquet").column("source").to_pylist()
    rejections = pq.read_table(tmp_path / "out" / "rejections.parquet").to_pylist()
    if failed:
        assert len(list(attempts.iterdir())) == 3
        assert summary.failed_partitions == (1,)
        assert documents == [paths[0], paths[2]]
        assert [(r["source"], r["stage"]) for r in rejections] == [(paths[1], "batch")]
        assert "poisoned partition" in rejections[0]["reason"]
    else:
        assert len(list(attempts.iterdir())) == 2
        assert summary.failed_partitions == ()
        assert documents == paths
        assert rejections == []


def test_ordered_sink_writes_in_partition_order(tmp_path: Path) -> None:
    sink = OrderedSink(out=tmp_path).open()
    for index in (2, 0, 1):
        tables = make_tables([Rejection(f"input-{index}", "empty input")], cluster_km=50.0, cluster_days=3)
        sink.add(PartitionResult(index=index, tables=tables))
    sink.close()
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(f"{name}.parquet" for name in TABLES)
    sources = pq.read_table(tmp_path / "rejections.parquet").column("source").to_pylist()
    assert sources == ["input-0", "input-1", "input-2"]
