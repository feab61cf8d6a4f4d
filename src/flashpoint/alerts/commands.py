"""The `flashpoint flashpoints` and `flashpoint alerts` commands (registered by cli.py with `add_command`)."""

from __future__ import annotations

import datetime as dt
import json
import os
from typing import TYPE_CHECKING, Any

import click

from flashpoint.commands import day, near_point, settings_of
from flashpoint.settings import Settings

if TYPE_CHECKING:
    from flashpoint.alerts.flashpoints import Flashpoint
    from flashpoint.store import Store, StoredEvent

__all__ = ["alerts_command", "flashpoints_command"]


def _store(settings: Settings) -> Store:
    from flashpoint import open_store

    return open_store(settings)


def _geojson(flashpoints: list[Flashpoint]) -> dict[str, Any]:
    features = []
    for fp in flashpoints:
        data = fp.as_dict()
        geometry = None if fp.lat is None else {"type": "Point", "coordinates": [fp.lon, fp.lat]}
        features.append({"type": "Feature", "id": fp.id, "geometry": geometry, "properties": data})
    return {"type": "FeatureCollection", "features": features}


SPARK_DAYS = 35  # the trend's baseline (28 days) and recent window (7), ending on the detection day


def _table(flashpoints: list[Flashpoint], events: list[StoredEvent]) -> str:
    """Return the flashpoints as a text table, each with a sparkline of its last 35 days of hostility."""
    from flashpoint.alerts.escalation import daily_hostility
    from flashpoint.alerts.flashpoints import counted, local_events

    head = f"{'as of':<10} {'last 35 days of hostility':<35}"
    lines = [
        f"{'id':<20} {'actors':<8} {'place':<18} {'severity':<8} {'trend':<11} {'score':>6} {head} evidence"
    ]
    for fp in flashpoints:
        single = sum(1 for e in fp.evidence if e.single_source)
        alleged = sum(1 for e in fp.evidence if e.only_alleged)
        end = fp.as_of or fp.last_date
        spark = ""
        if end is not None:
            start = end - dt.timedelta(days=SPARK_DAYS - 1)
            local = local_events(events, fp, siblings=flashpoints)
            spark = daily_hostility(local, since=start, until=end).sparkline()
        day = end.isoformat() if end else "-"
        lines.append(
            f"{fp.id:<20} {'-'.join(fp.actors):<8} {(fp.place_name or '-')[:18]:<18} {fp.severity:<8} "
            f"{fp.trend:<11} {fp.score:>6.2f} {day:<10} {spark:<35} "
            f"{counted(len(fp.evidence), 'event')} ({single} single-source, {alleged} only alleged)"
        )
        lines.append(f"{'':<20} {fp.severity_reason}")
        lines.append(f"{'':<20} {fp.trend_reason}")
    return "\n".join(lines)


@click.command("flashpoints")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "json", "geojson", "md", "html"]),
    default="table",
    show_default=True,
    help="md and html write a self-contained situation brief of the window (see --since).",
)
@click.option(
    "--as-of", type=click.DateTime(formats=["%Y-%m-%d"]), help="Detect as of this day (default: latest)."
)
@click.option(
    "--since",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    help="Also detect as of every event day from this day on; alerts are then left as they are.",
)
@click.option("--near", help="Brief only: a place name (gazetteer) or LAT,LON the brief looks around.")
@click.option("--km", type=float, default=50.0, show_default=True, help="Brief only: radius for --near.")
@click.option("--country", help="Brief only: ISO3 of actor, recipient or place (flashpoints: of the pair).")
@click.pass_context
def flashpoints_command(
    ctx: click.Context,
    fmt: str,
    as_of: dt.datetime | None,
    since: dt.datetime | None,
    near: str | None,
    km: float,
    country: str | None,
) -> None:
    """Detect flashpoints (rivals, forces near one place, rising hostility) and record them as alerts.

    With --format md or html, write the situation brief of --since..--as-of instead (alerts untouched).
    """
    from flashpoint.alerts.flashpoints import detect_flashpoints, find_flashpoints
    from flashpoint.alerts.registry import refresh_alerts

    if fmt in ("md", "html"):
        click.echo(_brief(settings_of(ctx), fmt, as_of=day(as_of), since=day(since), near=near, km=km,
                          country=country), nl=False)  # fmt: skip
        return
    with _store(settings_of(ctx)) as store:
        if since is None:
            found = find_flashpoints(store, as_of=day(as_of))
            refresh_alerts(store, flashpoints=found)
        else:
            end = day(as_of) or store.day_range()[1] or since.date()
            if end < since.date():
                raise click.BadParameter("--since is after --as-of", param_hint="--since")
            window = (end - since.date()).days + 1
            found = list(detect_flashpoints(store, as_of=end, window=window).flashpoints)
        events = store.events() if fmt == "table" and found else []
    if fmt == "json":
        click.echo(json.dumps([fp.as_dict() for fp in found], ensure_ascii=False, indent=2))
    elif fmt == "geojson":
        click.echo(json.dumps(_geojson(found), ensure_ascii=False))
    else:
        click.echo(_table(found, events))


def _brief(
    settings: Settings,
    fmt: str,
    *,
    as_of: dt.date | None,
    since: dt.date | None,
    near: str | None,
    km: float,
    country: str | None,
) -> str:
    """Return the situation brief of since..as_of (default: the last 30 days of the store) as md or html."""
    from flashpoint.brief import Area, build_brief, render_brief

    point = None
    if near is not None:
        point = near_point(near, km, settings)
    area = Area(near=point, near_name=near, country=country.upper() if country else None)
    with _store(settings) as store:
        until = as_of or store.day_range()[1] or dt.date.today()
        start = since or until - dt.timedelta(days=29)
        if start > until:
            raise click.BadParameter("--since is after the last day", param_hint="--since")
        return render_brief(build_brief(store, since=start, until=until, area=area), format=fmt)


@click.command("brief")
@click.option(
    "--since", type=click.DateTime(formats=["%Y-%m-%d"]), help="First day (default: 30 days before --until)."
)
@click.option(
    "--until", type=click.DateTime(formats=["%Y-%m-%d"]), help="Last day (default: the latest event day)."
)
@click.option("--near", help="A place name (gazetteer) or LAT,LON the brief looks around.")
@click.option("--km", type=float, default=50.0, show_default=True, help="Radius for --near.")
@click.option("--country", help="ISO3: events whose actor, recipient or place is in this country.")
@click.option("--format", "fmt", type=click.Choice(["md", "html"]), default="md", show_default=True)
@click.option(
    "--out", type=click.Path(dir_okay=False, writable=True), help="Write to this file (default: stdout)."
)
@click.pass_context
def brief_command(
    ctx: click.Context,
    since: dt.datetime | None,
    until: dt.datetime | None,
    near: str | None,
    km: float,
    country: str | None,
    fmt: str,
    out: str | None,
) -> None:
    """Write a self-contained situation brief of a window: flashpoints, what changed, contested claims, a map."""
    text = _brief(
        settings_of(ctx), fmt, as_of=day(until), since=day(since), near=near, km=km, country=country
    )
    if out is None:
        click.echo(text, nl=False)
        return
    with open(out, "w", encoding="utf-8") as handle:
        handle.write(text)


@click.command("alerts")
@click.option(
    "--since", type=click.DateTime(formats=["%Y-%m-%d"]), help="Alerts changed on or after this day."
)
@click.option("--status", type=click.Choice(["open", "closed"]), help="Only open or only closed alerts.")
@click.option(
    "--format", "fmt", type=click.Choice(["table", "json", "atom"]), default="table", show_default=True
)
@click.option(
    "--deliver",
    "webhook",
    metavar="URL",
    help="POST queued alert changes to URL first (default: $FLASHPOINT_WEBHOOK_URL, when set).",
)
@click.pass_context
def alerts_command(
    ctx: click.Context, since: dt.datetime | None, status: str | None, fmt: str, webhook: str | None
) -> None:
    """List stored alerts (opened, updated or closed), newest change first."""
    from flashpoint.alerts.atom import alert_title, atom_feed
    from flashpoint.alerts.registry import list_alerts
    from flashpoint.alerts.webhook import deliver_pending

    url = webhook or os.environ.get("FLASHPOINT_WEBHOOK_URL")
    with _store(settings_of(ctx)) as store:
        if url:
            report = deliver_pending(store, url)
            click.echo(f"webhook: {report.sent} sent, {report.failed} to retry", err=True)
        found = list_alerts(store, since=day(since), status=status)  # type: ignore[arg-type]
    if fmt == "json":
        click.echo(json.dumps([a.as_dict() for a in found], ensure_ascii=False, indent=2))
    elif fmt == "atom":
        click.echo(atom_feed(found))
    else:
        for alert in found:
            click.echo(f"{alert.id}  {alert.updated_at:%Y-%m-%d %H:%M}  {alert_title(alert)}")
