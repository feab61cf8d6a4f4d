"""Batch fixtures: our own small corpus, and one Dask LocalCluster (2 worker processes) for the folder."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from flashpoint.batch import connect

CORPUS = Path(__file__).resolve().parent / "corpus"


@pytest.fixture(scope="session")
def corpus() -> Path:
    """The folder of short articles written for these tests: text, markdown and JSONL."""
    return CORPUS


@pytest.fixture(scope="session")
def client() -> Iterator[Any]:
    """A distributed Client on a LocalCluster of 2 worker processes, 1 thread each."""
    with connect("local", workers=2) as dask_client:
        yield dask_client
