"""Partitions: JSONL files cut between records, and reading them gives what `read_inputs` gives."""

from __future__ import annotations

from pathlib import Path

import pytest

from flashpoint.batch import BatchError, plan_partitions, read_partition
from flashpoint.ingest import read_inputs
from flashpoint.settings import Settings


@pytest.mark.parametrize("size", [1, 2, 3, 50])
def test_read_partition_matches_read_inputs(corpus: Path, size: int) -> None:
    settings = Settings()
    inputs = [str(corpus), str(corpus / "absent.txt")]
    partitions = plan_partitions(inputs, settings=settings, size=size)
    read = [item for partition in partitions for item in read_partition(partition, settings=settings)]
    assert read == list(read_inputs(inputs, settings=settings))


@pytest.mark.parametrize("size", [1, 2, 4])
def test_plan_partitions_holds_at_most_size_records(corpus: Path, size: int) -> None:
    partitions = plan_partitions([str(corpus)], settings=Settings(), size=size)
    assert [p.index for p in partitions] == list(range(len(partitions)))
    assert all(1 <= p.records <= size for p in partitions)
    # 2 articles + 7 non-blank JSONL lines
    assert sum(p.records for p in partitions) == 9


def test_plan_partitions_names_line_runs(tmp_path: Path) -> None:
    shard = tmp_path / "shard.jsonl"
    shard.write_text('{"text": "one"}\n\n{"text": "two"}\n{"text": "three"}\n', encoding="utf-8")
    partitions = plan_partitions([str(shard)], settings=Settings(), size=2)
    assert [p.sources for p in partitions] == [(f"{shard}:1-3",), (f"{shard}:4-4",)]


def test_plan_partitions_reads_a_too_large_jsonl_whole(tmp_path: Path) -> None:
    shard = tmp_path / "big.jsonl"
    shard.write_text('{"text": "one"}\n{"text": "two"}\n', encoding="utf-8")
    partitions = plan_partitions([str(shard)], settings=Settings(max_bytes=10), size=1)
    assert [p.sources for p in partitions] == [(str(shard),)]


@pytest.mark.parametrize(("paths", "size"), [(["-"], 10), (["x.txt"], 0)])
def test_plan_partitions_refuses(paths: list[str], size: int) -> None:
    with pytest.raises(BatchError):
        plan_partitions(paths, settings=Settings(), size=size)
