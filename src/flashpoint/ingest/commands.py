"""The `flashpoint ingest` and `flashpoint extract` commands: read inputs, run the pipeline, store or print."""

from __future__ import annotations

import json
import sys
from typing import TYPE_CHECKING

import click

from flashpoint.commands import EXIT_REJECTED, RejectionReport, progress, settings_of
from flashpoint.records import Rejection

if TYPE_CHECKING:
    from flashpoint.alerts import AlertChanges

__all__ = ["extract_command", "ingest_command"]


@click.command(name="ingest")
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "-q", "--quiet", is_flag=True, help="No progress bar and no summary (errors still go to stderr)."
)
@click.pass_context
def ingest_command(ctx: click.Context, paths: tuple[str, ...], quiet: bool) -> None:
    """Read PATHS (files, folders, globs, or - for stdin) into the database.

    Each rejected input is named on stderr with its reason and recorded in the store; the exit
    status is 3 when anything was rejected. Documents already stored are skipped before parsing.
    """
    from flashpoint import open_store
    from flashpoint.ingest import count_inputs
    from flashpoint.pipeline import load_pipeline
    from flashpoint.workflow import ingest_items, read_and_run

    settings = settings_of(ctx)
    store = open_store(settings)
    pipeline = load_pipeline(settings)
    bar = progress(count_inputs(paths, settings=settings), quiet=quiet, unit="doc")
    report = RejectionReport(
        lambda line: bar.write(line, file=sys.stderr), where=" (each recorded in the rejections table)"
    )
    try:
        items = read_and_run(
            paths,
            settings=settings,
            pipeline=pipeline,
            stdin=sys.stdin.buffer,
            skip=lambda doc: bool(store.has_document(doc.hash)),
            tick=lambda: bar.update(1),
        )
        summary = ingest_items(items, store, on_rejection=report)
    finally:
        bar.close()
        report.close()
    if summary.added:
        from flashpoint.alerts import refresh_alerts

        changes = refresh_alerts(store)
        if not quiet and (changes.opened or changes.updated or changes.closed):
            click.echo(f"alerts: {_changes(changes)} (see `flashpoint alerts`)", err=True)
    if not quiet:
        click.echo(
            f"{summary.added} document(s) added with {summary.events} event(s), "
            f"{summary.already_present} already in the store, {summary.rejected} rejected → {settings.db}",
            err=True,
        )
    if summary.rejected:
        sys.exit(EXIT_REJECTED)


def _changes(changes: AlertChanges) -> str:
    parts = [
        f"{len(ids)} {name}"
        for name, ids in (
            ("opened", changes.opened),
            ("updated", changes.updated),
            ("closed", changes.closed),
        )
        if ids
    ]
    return ", ".join(parts)


@click.command(name="extract")
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(("jsonl", "json")), default="jsonl", show_default=True)
@click.option("-q", "--quiet", is_flag=True, help="No progress bar.")
@click.pass_context
def extract_command(ctx: click.Context, paths: tuple[str, ...], fmt: str, quiet: bool) -> None:
    """Run the pipeline on PATHS without a database; print one JSON record per document."""
    from flashpoint.export import extract_record
    from flashpoint.ingest import count_inputs
    from flashpoint.pipeline import load_pipeline
    from flashpoint.workflow import read_and_run

    settings = settings_of(ctx)
    pipeline = load_pipeline(settings)
    bar = progress(count_inputs(paths, settings=settings), quiet=quiet, unit="doc")
    rejected = 0
    records = []
    report = RejectionReport(lambda line: bar.write(line, file=sys.stderr))
    try:
        items = read_and_run(
            paths, settings=settings, pipeline=pipeline, stdin=sys.stdin.buffer, tick=lambda: bar.update(1)
        )
        for item in items:
            if isinstance(item, Rejection):
                rejected += 1
                report(item)
                continue
            record = extract_record(item)
            if fmt == "json":
                records.append(record)
            else:
                sys.stdout.write(json.dumps(record, ensure_ascii=False, default=str) + "\n")
    finally:
        bar.close()
        report.close()
    if fmt == "json":
        sys.stdout.write(json.dumps(records, ensure_ascii=False, indent=2, default=str) + "\n")
    if rejected:
        sys.exit(EXIT_REJECTED)
