"""The `flashpoint eval` commands: score flashpoint against gold data, and check the gate's floors."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, Protocol, TypeVar

import click

from flashpoint.commands import settings_of

__all__ = ["eval_group"]

F = TypeVar("F", bound=Callable[..., Any])


class Report(Protocol):
    """What every scorer returns: its figures as a dict and as a text table."""

    def as_dict(self) -> dict[str, Any]: ...

    def as_table(self) -> str: ...


@click.group(name="eval")
def eval_group() -> None:
    """Score flashpoint against gold data (events, claims, actors, geo)."""


def _report(report: Report, *, as_json: bool, gate: str | None, update_gate: bool, allow_lower: bool) -> None:
    """Print a scorer's report, then check (or raise) the gate's floors when a gate is named."""
    from flashpoint.evaluate.gate import check_gate, update_gate_floors

    data = report.as_dict()
    click.echo(json.dumps(data, indent=2, default=str) if as_json else report.as_table())
    if gate and update_gate:
        for line in update_gate_floors(gate, data, allow_lower=allow_lower):
            click.echo(line, err=True)
    elif gate:
        failures = check_gate(gate, data)
        for line in failures:
            click.echo(f"gate {gate}: {line}", err=True)
        if failures:
            sys.exit(1)
        click.echo(f"gate {gate}: all floors met", err=True)


def _eval_options(func: F) -> F:
    func = click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")(func)
    func = click.option("--limit", type=int, help="Score only the first N records.")(func)
    func = click.option("--gate", help="Check the floors pinned in eval_gates.toml under this name.")(func)
    func = click.option("--update-gate", is_flag=True, help="Raise the gate's floors to these scores.")(func)
    func = click.option("--allow-lower", is_flag=True, help="With --update-gate: allow lowering a floor.")(
        func
    )
    func = click.option(
        "--gold",
        required=True,
        type=click.Path(path_type=Path, exists=True, dir_okay=False),
        help="Gold JSONL.",
    )(func)
    return func


@eval_group.command(name="events")
@_eval_options
@click.pass_context
def eval_events(ctx: click.Context, /, gold: Path, limit: int | None, **report_options: Any) -> None:
    """PLOVER type P/R/F1, actor/recipient accuracy, ACLED type accuracy."""
    from flashpoint.evaluate.events import score_file

    _report(score_file(gold, settings_of(ctx), limit=limit), **report_options)


@eval_group.command(name="claims")
@_eval_options
@click.pass_context
def eval_claims(ctx: click.Context, /, gold: Path, limit: int | None, **report_options: Any) -> None:
    """Claims: event P/R/F1, stance accuracy and macro-F1, claimant and channel (as score_claims.py)."""
    from flashpoint.evaluate.claims import score_file

    _report(score_file(gold, settings_of(ctx), limit=limit), **report_options)


@eval_group.command(name="actors")
@_eval_options
@click.pass_context
def eval_actors(ctx: click.Context, /, gold: Path, limit: int | None, **report_options: Any) -> None:
    """Actor country and sector accuracy."""
    from flashpoint.evaluate.actors import score_file

    _report(score_file(gold, settings_of(ctx), limit=limit), **report_options)


@eval_group.command(name="geo")
@_eval_options
@click.option("--oracle", is_flag=True, help="Resolve the gold toponym spans instead of recognising.")
@click.pass_context
def eval_geo(
    ctx: click.Context, /, gold: Path, limit: int | None, oracle: bool, **report_options: Any
) -> None:
    """Toponym P/R/F1, error km, acc@161, AUC (EUPEG matching)."""
    from flashpoint.evaluate.geo import score_file

    _report(score_file(gold, settings_of(ctx), oracle=oracle, limit=limit), **report_options)
