"""The `batch` command: Parquet under --out, --load into the store, exit status 3 on rejections."""

from __future__ import annotations

from pathlib import Path

import pyarrow.parquet as pq
from click.testing import CliRunner

from flashpoint import open_store
from flashpoint.batch import TABLES
from flashpoint.batch.commands import batch_command
from flashpoint.settings import Settings


def test_batch_command_writes_parquet_and_loads(corpus: Path, tmp_path: Path, gazetteer_path: Path) -> None:
    settings = Settings(db=str(tmp_path / "cli.db"), gazetteer=gazetteer_path)
    out = tmp_path / "out"
    args = [str(corpus / "harbour-strike.txt"), str(corpus / "wires.jsonl"), "--out", str(out)]
    result = CliRunner().invoke(batch_command, [*args, "--no-dask", "--load", "-q"], obj=settings)
    assert result.exit_code == 3, result.output  # the JSONL holds two bad lines
    assert sorted(p.name for p in out.iterdir()) == sorted(f"{t}.parquet" for t in TABLES)
    documents = pq.read_table(out / "documents.parquet").num_rows
    store = open_store(settings.db_url)
    try:
        stats = store.stats()
    finally:
        store.close()
    assert documents == stats.documents == 6
    assert stats.rejections == pq.read_table(out / "rejections.parquet").num_rows == 2
    assert stats.events == pq.read_table(out / "events.parquet").num_rows


def test_batch_command_refuses_stdin(tmp_path: Path) -> None:
    result = CliRunner().invoke(batch_command, ["-", "--out", str(tmp_path), "--no-dask"], obj=Settings())
    assert result.exit_code != 0
    assert "stdin" in str(result.exception) + result.output
