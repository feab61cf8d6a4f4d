"""The `flashpoint batch` command: a backfill of files into Parquet, on Dask or in this process."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from flashpoint.batch.partitions import BatchError
from flashpoint.batch.runner import DEFAULT_PARTITION_SIZE, DEFAULT_RETRIES, BatchSummary
from flashpoint.commands import EXIT_REJECTED, settings_of

__all__ = ["batch_command"]


@click.command(name="batch")
@click.argument("inputs", nargs=-1, required=True)
@click.option(
    "--out",
    required=True,
    type=click.Path(path_type=Path, file_okay=False),
    help="Folder for documents/events/reports/claims/places/rejections .parquet.",
)
@click.option(
    "--scheduler",
    default="local",
    show_default=True,
    help="'local' starts a LocalCluster; else a Dask scheduler address (tcp://host:8786).",
)
@click.option(
    "--workers", type=int, default=2, show_default=True, help="Worker processes of a local cluster."
)
@click.option(
    "--partition-size",
    type=int,
    default=DEFAULT_PARTITION_SIZE,
    show_default=True,
    help="Records (files, or JSONL lines) per partition.",
)
@click.option(
    "--retries", type=int, default=DEFAULT_RETRIES, show_default=True, help="Retries of a failed partition."
)
@click.option("--load", is_flag=True, help="Also store every document and rejection in the database.")
@click.option("--no-dask", is_flag=True, help="Run in this process (the single-process reference run).")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar and no summary.")
@click.pass_context
def batch_command(
    ctx: click.Context,
    inputs: tuple[str, ...],
    out: Path,
    scheduler: str,
    workers: int,
    partition_size: int,
    retries: int,
    load: bool,
    no_dask: bool,
    quiet: bool,
) -> None:
    """Run INPUTS (files, folders, globs) through the pipeline on Dask and write Parquet under --out.

    Output rows follow input order and equal a single-process run's. A partition that fails after
    its retries becomes rejection rows; the exit status is 3 when anything was rejected.
    """
    from tqdm import tqdm

    from flashpoint.batch.dask_run import connect, run_batch
    from flashpoint.batch.runner import run_local
    from flashpoint.ingest import count_inputs

    settings = settings_of(ctx)
    if retries < 0:
        raise BatchError(f"--retries must be 0 or more, not {retries}")
    bar = tqdm(total=count_inputs(inputs, settings=settings), unit="doc", disable=quiet, file=sys.stderr)
    try:
        if no_dask:
            summary = run_local(
                inputs,
                out,
                settings,
                partition_size=partition_size,
                retries=retries,
                load=load,
                tick=bar.update,
            )
        else:
            with connect(scheduler, workers=workers) as client:
                summary = run_batch(
                    inputs,
                    out,
                    settings,
                    client=client,
                    partition_size=partition_size,
                    retries=retries,
                    load=load,
                    tick=bar.update,
                )
    finally:
        bar.close()
    if not quiet:
        click.echo(_describe(summary), err=True)
    if summary.rows["rejections"]:
        sys.exit(EXIT_REJECTED)


def _describe(summary: BatchSummary) -> str:
    rows = ", ".join(f"{count} {name}" for name, count in summary.rows.items())
    text = f"{summary.partitions} partition(s) in {summary.seconds:.1f}s: {rows} → {summary.out}"
    if summary.failed_partitions:
        text += f"\nfailed partitions (written as rejections): {json.dumps(list(summary.failed_partitions))}"
    if summary.loaded is not None:
        loaded = summary.loaded
        text += (
            f"\nloaded: {loaded.added} document(s) added with {loaded.events} event(s), "
            f"{loaded.already_present} already in the store, {loaded.rejected} rejection(s)"
        )
    return text
