"""The Dask run on a real LocalCluster: the same Parquet as one process, --load, failed partitions."""

from __future__ import annotations

import functools
import importlib.util
import os
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
import pytest
from sqlalchemy import select

from flashpoint import open_store
from flashpoint.batch import TABLES, BatchSummary, run_batch, run_local
from flashpoint.batch.runner import pipelines_built
from flashpoint.settings import Settings
from flashpoint.store import schema as t

# Four reports in our own words: three of one shelling (two of them placed in the same town), one protest.
REPORTS = Path(__file__).resolve().parent / "reports"

# Loaded from its file and kept out of sys.modules, so the workers get these functions by value
# (cloudpickle): test modules are not importable under pytest's importlib mode.
_spec = importlib.util.spec_from_file_location("batch_poison", Path(__file__).with_name("poison.py"))
assert _spec is not None and _spec.loader is not None
_poison = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_poison)
poisoned, write_shards = _poison.poisoned, _poison.write_shards


@pytest.fixture(scope="module")
def runs(
    client: Any, corpus: Path, gazetteer_path: Path, tmp_path_factory: pytest.TempPathFactory
) -> tuple[Path, Path, BatchSummary, Settings]:
    """One single-process run and one Dask run (with --load) of the same inputs."""
    root = tmp_path_factory.mktemp("batch")
    inputs = [str(corpus), str(root / "missing.txt"), str(REPORTS)]
    local = Settings(db=str(root / "unused.db"), gazetteer=gazetteer_path)
    run_local(inputs, root / "local", local, partition_size=4)
    settings = Settings(db=str(root / "loaded.db"), gazetteer=gazetteer_path)
    summary = run_batch(inputs, root / "dask", settings, client=client, partition_size=2, load=True)
    return root / "local", root / "dask", summary, settings


@pytest.mark.parametrize("table", TABLES)
def test_run_batch_equals_run_local(runs: tuple[Path, Path, BatchSummary, Settings], table: str) -> None:
    local, dask, _summary, _settings = runs
    expected = pq.read_table(local / f"{table}.parquet")
    got = pq.read_table(dask / f"{table}.parquet")
    assert got.schema.equals(expected.schema)
    assert got.to_pylist() == expected.to_pylist()


def test_run_batch_keeps_input_order(runs: tuple[Path, Path, BatchSummary, Settings]) -> None:
    _local, dask, summary, _settings = runs
    sources = pq.read_table(dask / "documents.parquet").column("source").to_pylist()
    names = [Path(s.rsplit(":", 1)[0] if s.endswith(tuple("0123456789")) else s).name for s in sources]
    assert names == ["harbour-strike.txt", "valley-clash.md"] + ["wires.jsonl"] * 5 + ["shelling.jsonl"] * 4
    assert summary.partitions == 7  # 9 + 4 records and a missing file, 2 a partition
    assert pq.read_table(dask / "events.parquet").num_rows > 0


def test_run_batch_load_stores_documents_and_rejections(
    runs: tuple[Path, Path, BatchSummary, Settings],
) -> None:
    _local, dask, summary, settings = runs
    assert summary.loaded is not None
    store = open_store(settings.db_url)
    try:
        stats = store.stats().as_dict()
        rejected = {r.source for r in store.rejections()}
    finally:
        store.close()
    parquet_rejections = set(pq.read_table(dask / "rejections.parquet").column("source").to_pylist())
    assert summary.loaded.added == pq.read_table(dask / "documents.parquet").num_rows
    assert rejected == parquet_rejections
    assert len(rejected) == 3  # a record without text, a line that is not JSON, a missing file
    events = pq.read_table(dask / "events.parquet")
    assert summary.loaded.events == events.num_rows > 0  # reports
    assert stats["events"] == len(set(events.column("cluster_id").to_pylist()))  # clusters


def test_run_batch_builds_the_pipeline_once_per_worker(
    client: Any, runs: tuple[Path, Path, BatchSummary, Settings]
) -> None:
    # the runs used two databases: the pipeline's key leaves the database out
    assert list(client.run(pipelines_built).values()) == [1, 1]


def test_run_batch_clusters_events_as_the_store_does(runs: tuple[Path, Path, BatchSummary, Settings]) -> None:
    _local, dask, _summary, settings = runs
    events = pq.read_table(dask / "events.parquet").to_pylist()
    store = open_store(settings.db_url)
    try:
        with store.engine.connect() as conn:
            stored = dict(conn.execute(select(t.reports.c.own_id, t.reports.c.event_id)).all())
    finally:
        store.close()
    assert {e["event_id"]: e["cluster_id"] for e in events} == stored
    shelling = [e for e in events if e["document_id"].startswith("agency-") and e["type"] == "ASSAULT"]
    assert len({e["cluster_id"] for e in shelling}) < len(shelling)  # two reports share a cluster


@pytest.mark.parametrize(("heal_after", "failed"), [(1, False), (99, True)])
def test_run_batch_retries_then_reports_a_failed_partition(
    client: Any, tmp_path: Path, heal_after: int, failed: bool
) -> None:
    paths = write_shards(tmp_path / "in")
    attempts = tmp_path / "attempts"
    attempts.mkdir()
    factory = functools.partial(poisoned, attempts=attempts, heal_after=heal_after)
    summary = run_batch(
        paths, tmp_path / "out", Settings(), client=client, partition_size=1, retries=2, factory=factory
    )
    documents = pq.read_table(tmp_path / "out" / "documents.parquet").column("source").to_pylist()
    rejections = pq.read_table(tmp_path / "out" / "rejections.parquet").to_pylist()
    assert len(list(attempts.iterdir())) == (3 if failed else 2)
    if failed:
        assert summary.failed_partitions == (1,)
        assert documents == [paths[0], paths[2]]
        assert [(r["source"], r["stage"]) for r in rejections] == [(paths[1], "batch")]
        assert "poisoned partition" in rejections[0]["reason"]
    else:
        assert summary.failed_partitions == ()
        assert documents == paths


@pytest.mark.parametrize(
    ("variable", "expected"), [("MALLOC_TRIM_THRESHOLD_", None), ("OMP_NUM_THREADS", "1")]
)
def test_connect_starts_single_threaded_workers_without_malloc_trimming(
    client: Any, variable: str, expected: str | None
) -> None:
    workers = client.scheduler_info()["workers"]
    assert [info["nthreads"] for info in workers.values()] == [1, 1]
    assert set(client.run(functools.partial(os.getenv, variable)).values()) == {expected}
