"""The store's commands: `flashpoint events`, `show`, `stats` and `db upgrade`."""

from __future__ import annotations

import datetime as dt
import json
import sys
from typing import TYPE_CHECKING, TextIO

import click

from flashpoint.commands import fail, near_point, settings_of
from flashpoint.records import STANCES

if TYPE_CHECKING:
    from flashpoint.store import EventQuery, Store

__all__ = ["EVENT_FORMATS", "db_group", "events_command", "show_command", "stats_command", "write_listing"]

EVENT_FORMATS = ("table", "csv", "json", "jsonl", "geojson")


def write_listing(store: Store, query: EventQuery, out: TextIO, *, format: str) -> int:
    """Write the events matching `query` as a table or an export format; return how many were written.

    Costs a constant number of queries whatever the number of events: the events, then (for the table)
    every listed event's claims at once.
    """
    from flashpoint.export import claimant_label, events_table, write_events

    events = store.events(query)
    if format != "table":
        return write_events(events, out, format=format)
    claims = store.claims_by_event(event.id for event in events)
    out.write(events_table(events, {event.id: claimant_label(claims.get(event.id, ())) for event in events}))
    return len(events)


@click.command(name="events")
@click.option("--type", "event_type", help="PLOVER event type, e.g. ASSAULT.")
@click.option("--actor", help="Actor code prefix (TUR, TURMIL) or a name.")
@click.option("--country", help="ISO3 country of actor, recipient or place.")
@click.option("--since", type=click.DateTime(formats=["%Y-%m-%d"]), help="Events on or after this date.")
@click.option("--until", type=click.DateTime(formats=["%Y-%m-%d"]), help="Events on or before this date.")
@click.option("--near", help="A place name (looked up in the gazetteer) or LAT,LON.")
@click.option("--km", type=float, default=50.0, show_default=True, help="Radius for --near.")
@click.option(
    "--happened", is_flag=True, help="Only events stated as having happened (no threats, denials…)."
)
@click.option(
    "--stance",
    type=click.Choice(STANCES),
    help="Only events with a claim of this stance (asserted, reported, alleged, denied…).",
)
@click.option("--limit", type=int, help="At most this many events.")
@click.option("--format", "fmt", type=click.Choice(EVENT_FORMATS), default="table", show_default=True)
@click.pass_context
def events_command(
    ctx: click.Context,
    event_type: str | None,
    actor: str | None,
    country: str | None,
    since: dt.datetime | None,
    until: dt.datetime | None,
    near: str | None,
    km: float,
    happened: bool,
    stance: str | None,
    limit: int | None,
    fmt: str,
) -> None:
    """List the stored events, filtered, as a table, CSV, JSON, JSON lines or GeoJSON."""
    from flashpoint import open_store
    from flashpoint.store import EventQuery

    settings = settings_of(ctx)
    store = open_store(settings)
    query = EventQuery(
        type=event_type.upper() if event_type else None,
        actor=actor,
        country=country.upper() if country else None,
        since=since.date() if since else None,
        until=until.date() if until else None,
        near=near_point(near, km, settings) if near else None,
        happened_only=happened,
        stance=stance,
        limit=limit,
    )
    write_listing(store, query, sys.stdout, format=fmt)


@click.command(name="show")
@click.argument("event_id")
@click.option("--format", "fmt", type=click.Choice(("text", "json")), default="text", show_default=True)
@click.pass_context
def show_command(ctx: click.Context, event_id: str, fmt: str) -> None:
    """Show one event with every report, sentence, document and claimant."""
    from flashpoint import open_store
    from flashpoint.export import nested_text, report_places

    settings = settings_of(ctx)
    detail = open_store(settings).event(event_id)
    if detail is None:
        fail(f"no event {event_id!r} in {settings.db} (see `flashpoint events`)", code=1)
    data = detail.as_dict()
    if fmt == "json":
        click.echo(json.dumps(data, indent=2, ensure_ascii=False, default=str))
        return
    click.echo(nested_text(data))
    click.echo(report_places(data))


@click.command(name="stats")
@click.option("--format", "fmt", type=click.Choice(("text", "json")), default="text", show_default=True)
@click.pass_context
def stats_command(ctx: click.Context, fmt: str) -> None:
    """Summarise the store: documents, events by type, top actors, rejections."""
    from flashpoint import open_store
    from flashpoint.export import nested_text

    data = open_store(settings_of(ctx)).stats().as_dict()
    if fmt == "json":
        click.echo(json.dumps(data, indent=2, ensure_ascii=False, default=str))
    else:
        click.echo(nested_text(data))


@click.group(name="db")
def db_group() -> None:
    """The database: upgrade its schema."""


@db_group.command(name="upgrade")
@click.pass_context
def db_upgrade(ctx: click.Context) -> None:
    """Upgrade the database to the newest schema revision (opening a store does this too)."""
    from flashpoint.store import migrate

    settings = settings_of(ctx)
    click.echo(f"{settings.db}: at revision {migrate(settings.db)}")
