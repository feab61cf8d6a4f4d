"""The `flashpoint` command: parses the global options and assembles the command groups.

Each command group lives beside the library it calls, in its package's `commands.py` (`ingest`,
`store`, `geo`, `evaluate`, `api`, `alerts`, `watch`, `batch`), and shares the helpers of
`flashpoint.commands`. A command parses its options, calls library functions and hands the result to a
renderer (`flashpoint.export`); nothing else happens here.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

import click

from flashpoint.commands import EXIT_REJECTED, fail
from flashpoint.errors import FlashpointError
from flashpoint.settings import Settings

__all__ = ["EXIT_REJECTED", "cli", "main"]


class _Group(click.Group):
    """A group that turns FlashpointError into a clean one-line message."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except FlashpointError as exc:
            fail(str(exc))


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--db", envvar="FLASHPOINT_DB", help="Database path (SQLite) or URL (postgresql://…).")
@click.option("--config", type=click.Path(path_type=Path, dir_okay=False), help="A TOML settings file.")
@click.option("--model", help="spaCy model name or path (default: the installed English model).")
@click.option("--gazetteer", type=click.Path(path_type=Path), help="Gazetteer index file.")
@click.option(
    "--actors",
    "actors_files",
    multiple=True,
    type=click.Path(path_type=Path, exists=True, dir_okay=False),
    help="A user actor dictionary (YAML) merged over ours; repeatable.",
)
@click.option("-v", "--verbose", is_flag=True, help="Log what each stage does.")
@click.version_option(package_name="flashpoint")
@click.pass_context
def cli(
    ctx: click.Context,
    db: str | None,
    config: Path | None,
    model: str | None,
    gazetteer: Path | None,
    actors_files: tuple[Path, ...],
    verbose: bool,
) -> None:
    """flashpoint: who did what to whom, where, when — and who says so."""
    logging.basicConfig(
        level=logging.INFO if verbose else logging.WARNING, format="%(levelname)s %(message)s"
    )
    ctx.obj = Settings.load(
        config=config,
        db=db,
        model=model,
        gazetteer=gazetteer,
        actors_files=actors_files or None,
    )


def _add_commands() -> None:
    """Add every command group, each from the package whose library it calls."""
    from flashpoint.alerts.commands import alerts_command, brief_command, flashpoints_command
    from flashpoint.api.commands import serve_command, token_group
    from flashpoint.batch.commands import batch_command
    from flashpoint.evaluate.commands import eval_group
    from flashpoint.geo.commands import gazetteer_group
    from flashpoint.ingest.commands import extract_command, ingest_command
    from flashpoint.store.commands import db_group, events_command, show_command, stats_command
    from flashpoint.watch.commands import feeds_group, watch_command

    for command in (
        ingest_command,
        extract_command,
        events_command,
        show_command,
        stats_command,
        db_group,
        eval_group,
        gazetteer_group,
        serve_command,
        token_group,
        flashpoints_command,
        brief_command,
        alerts_command,
        watch_command,
        feeds_group,
        batch_command,
    ):
        cli.add_command(command)


_add_commands()


def main() -> None:
    """Entry point of the `flashpoint` console script."""
    cli(prog_name="flashpoint")


if __name__ == "__main__":
    main()
