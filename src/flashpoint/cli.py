"""The `flashpoint` command: thin; each subcommand calls one library function and prints the result."""

from __future__ import annotations

import datetime as dt
import json
import logging
import sys
from pathlib import Path
from typing import Any, TextIO

import click

from flashpoint.commands import EXIT_REJECTED, fail, near_point, progress, settings_of
from flashpoint.errors import FlashpointError
from flashpoint.records import STANCES, Rejection
from flashpoint.settings import Settings

__all__ = ["EXIT_REJECTED", "main"]

FORMATS = ("table", "csv", "json", "jsonl", "geojson")


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


def _changes(changes: Any) -> str:
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


# ---------------------------------------------------------------------------------------------- ingest


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "-q", "--quiet", is_flag=True, help="No progress bar and no summary (errors still go to stderr)."
)
@click.pass_context
def ingest(ctx: click.Context, paths: tuple[str, ...], quiet: bool) -> None:
    """Read PATHS (files, folders, globs, or - for stdin) into the database.

    Each rejected input is named on stderr with its reason and recorded in the store; the exit
    status is 3 when anything was rejected. Documents already stored are skipped before parsing.
    """
    from flashpoint.ingest import count_inputs
    from flashpoint.pipeline import load_pipeline
    from flashpoint.store import Store
    from flashpoint.workflow import ingest_items, read_and_run

    settings = settings_of(ctx)
    store = Store.from_settings(settings)
    pipeline = load_pipeline(settings)
    bar = progress(count_inputs(paths, settings=settings), quiet=quiet, unit="doc")
    try:
        items = read_and_run(
            paths,
            settings=settings,
            pipeline=pipeline,
            stdin=sys.stdin.buffer,
            skip=lambda doc: bool(store.has_document(doc.hash)),
            tick=lambda: bar.update(1),
        )
        summary = ingest_items(
            items,
            store,
            on_rejection=lambda r: bar.write(f"rejected: {r.source}: {r.reason}", file=sys.stderr),
        )
    finally:
        bar.close()
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


# ---------------------------------------------------------------------------------------------- events


@cli.command()
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
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True)
@click.pass_context
def events(
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
    from flashpoint.store import EventQuery, Store

    settings = settings_of(ctx)
    store = Store.from_settings(settings)
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
    rows = store.events(query)
    if fmt == "table":
        claimants = {row.id: _claimants(store.event(row.id)) for row in rows}
        sys.stdout.write(_table(rows, claimants))
    else:
        _write_events(rows, fmt, sys.stdout)


def _claimants(detail: Any) -> str:
    """Return who claims an event and how firmly, for the table: "claimant (stance)", the author's own
    voice as the bare stance."""
    if detail is None:
        return "-"
    data = detail.as_dict()
    claims = list(data.get("claims") or [])
    for report in data.get("reports") or []:
        claims += report.get("claims") or []
    labels = (
        f"{c['claimant']} ({c.get('stance') or '?'})" if c.get("claimant") else str(c.get("stance") or "")
        for c in claims
    )
    return ", ".join(dict.fromkeys(label for label in labels if label)) or "-"


def _write_events(rows: list[Any], fmt: str, out: TextIO) -> None:
    from flashpoint import export

    if fmt == "csv":
        export.write_csv(rows, out)
    elif fmt == "json":
        export.write_json(rows, out)
    elif fmt == "jsonl":
        export.write_jsonl(rows, out)
    elif fmt == "geojson":
        export.write_geojson(rows, out)
    else:
        out.write(_table(rows, {}))


def _table(rows: list[Any], claimants: dict[str, str]) -> str:
    if not rows:
        return "no events\n"
    headers = ("id", "date", "type", "actor", "recipient", "place", "claimed by", "sentence")
    lines = []
    for row in rows:
        d = row.as_dict()
        claimant = _clip(claimants.get(d["id"], "-"), 30)
        status = "" if d.get("happened", True) else " (not happened)"
        lines.append(
            (
                d["id"],
                d.get("date") or "-",
                f"{d['type']}{status}",
                _actor_label(d, "actor"),
                _actor_label(d, "recipient"),
                _place_label(d),
                claimant,
                _clip(d.get("sentence") or "", 70),
            )
        )
    widths = [max(len(str(x)) for x in col) for col in zip(headers, *lines, strict=False)]
    widths[-1] = min(widths[-1], 70)
    fmt = "  ".join(f"{{:<{w}}}" for w in widths)
    out = [fmt.format(*headers), fmt.format(*("-" * w for w in widths))]
    out += [fmt.format(*(str(x) for x in line)) for line in lines]
    return "\n".join(out) + "\n"


def _actor_label(d: dict[str, Any], key: str) -> str:
    code = f"{d.get(f'{key}_country') or ''}{d.get(f'{key}_sector') or ''}"
    text = d.get(f"{key}_text")
    if not code and not text:
        return "-"
    return f"{code or '?'} ({_clip(text, 24)})" if text else code


def _place_label(d: dict[str, Any]) -> str:
    name = d.get("place_name") or d.get("place_surface")
    if not name:
        return "-"
    precision = d.get("place_precision")
    return f"{name} p{precision}" if precision else str(name)


def _clip(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


# ---------------------------------------------------------------------------------------------- show


@cli.command()
@click.argument("event_id")
@click.option("--format", "fmt", type=click.Choice(("text", "json")), default="text", show_default=True)
@click.pass_context
def show(ctx: click.Context, event_id: str, fmt: str) -> None:
    """Show one event with every report, sentence, document and claimant."""
    from flashpoint.store import Store

    store = Store.from_settings(settings_of(ctx))
    detail = store.event(event_id)
    if detail is None:
        fail(f"no event {event_id!r} in {settings_of(ctx).db} (see `flashpoint events`)", code=1)
    data = detail.as_dict()
    if fmt == "json":
        click.echo(json.dumps(data, indent=2, ensure_ascii=False, default=str))
        return
    click.echo(_show_text(data))
    click.echo(_report_places(data))


def _report_places(data: dict[str, Any]) -> str:
    """Return one line per report: its own place, outlet, claimants and stance."""
    lines = [f"reports by place: ({len(data['reports'])})"]
    for report in data["reports"]:
        place = report.get("place_name") or report.get("place_surface") or "no place"
        outlet = report.get("publisher") or report.get("origin") or "unknown outlet"
        claimants = ", ".join(
            dict.fromkeys(c.get("claimant") or c.get("channel") or "the author" for c in report["claims"])
        )
        lines.append(f"  - {place} · {outlet} · {claimants or 'the author'} · {report.get('stance') or '-'}")
    return "\n".join(lines)


def _show_text(data: dict[str, Any], indent: str = "") -> str:
    """Return a nested dict as indented `key: value` lines, lists as `- ` items, empty values left out."""
    lines: list[str] = []
    for key, value in data.items():
        if isinstance(value, dict):
            lines.append(f"{indent}{key}:")
            lines.append(_show_text(value, indent + "  "))
        elif isinstance(value, list | tuple):
            if not value:
                continue
            lines.append(f"{indent}{key}: ({len(value)})")
            for item in value:
                if isinstance(item, dict):
                    block = _show_text(item, indent + "    ")
                    lines.append(indent + "  - " + block.lstrip())
                else:
                    lines.append(f"{indent}  - {_clip(str(item), 200)}")
        elif value not in (None, ""):
            text = " ".join(str(value).split())
            lines.append(f"{indent}{key}: {text}")
    return "\n".join(line for line in lines if line)


# ---------------------------------------------------------------------------------------------- extract


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(("jsonl", "json")), default="jsonl", show_default=True)
@click.option("-q", "--quiet", is_flag=True, help="No progress bar.")
@click.pass_context
def extract(ctx: click.Context, paths: tuple[str, ...], fmt: str, quiet: bool) -> None:
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
    try:
        items = read_and_run(
            paths, settings=settings, pipeline=pipeline, stdin=sys.stdin.buffer, tick=lambda: bar.update(1)
        )
        for item in items:
            if isinstance(item, Rejection):
                rejected += 1
                bar.write(f"rejected: {item.source}: {item.reason}", file=sys.stderr)
                continue
            record = extract_record(item)
            if fmt == "json":
                records.append(record)
            else:
                sys.stdout.write(json.dumps(record, ensure_ascii=False, default=str) + "\n")
    finally:
        bar.close()
    if fmt == "json":
        sys.stdout.write(json.dumps(records, ensure_ascii=False, indent=2, default=str) + "\n")
    if rejected:
        sys.exit(EXIT_REJECTED)


# ---------------------------------------------------------------------------------------------- stats


@cli.command()
@click.option("--format", "fmt", type=click.Choice(("text", "json")), default="text", show_default=True)
@click.pass_context
def stats(ctx: click.Context, fmt: str) -> None:
    """Summarise the store: documents, events by type, top actors, rejections."""
    from flashpoint.store import Store

    data = Store.from_settings(settings_of(ctx)).stats().as_dict()
    if fmt == "json":
        click.echo(json.dumps(data, indent=2, ensure_ascii=False, default=str))
    else:
        click.echo(_show_text(data))


# ---------------------------------------------------------------------------------------------- eval


@cli.group(name="eval")
def eval_group() -> None:
    """Score flashpoint against gold data (events, claims, actors, geo)."""


def _report(report: Any, *, as_json: bool, gate: str | None, update_gate: bool, allow_lower: bool) -> None:
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


def _eval_options(func: Any) -> Any:
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


# ---------------------------------------------------------------------------------------------- gazetteer


@cli.group()
def gazetteer() -> None:
    """Build, extend and query the place-name index."""


@gazetteer.command(name="build")
@click.pass_context
def gazetteer_build(ctx: click.Context) -> None:
    """(Re)build the gazetteer from the bundled sources."""
    from flashpoint.geo.gazetteer import build_gazetteer

    path = settings_of(ctx).gazetteer_path
    stats = build_gazetteer(path)
    click.echo(f"built {path}: {json.dumps(stats.as_dict(), default=str)}")


@gazetteer.command(name="import")
@click.argument(
    "files", nargs=-1, required=True, type=click.Path(path_type=Path, exists=True, dir_okay=False)
)
@click.pass_context
def gazetteer_import(ctx: click.Context, files: tuple[Path, ...]) -> None:
    """Import GeoNames dump files (allCountries/XX .txt or .zip, alternateNamesV2, admin1CodesASCII)."""
    from flashpoint.geo.gazetteer import Gazetteer

    count = Gazetteer.open(settings_of(ctx).gazetteer_path).import_geonames(list(files))
    click.echo(f"imported {count} record(s)")


@gazetteer.command(name="add")
@click.argument("csv_file", type=click.Path(path_type=Path, exists=True, dir_okay=False))
@click.pass_context
def gazetteer_add(ctx: click.Context, csv_file: Path) -> None:
    """Add places from a CSV: name, alternates (|-separated), lat, lon, country, admin1."""
    from flashpoint.geo.gazetteer import Gazetteer

    count = Gazetteer.open(settings_of(ctx).gazetteer_path).add_csv(csv_file)
    click.echo(f"added {count} place(s)")


@gazetteer.command(name="lookup")
@click.argument("name")
@click.option("--country", help="ISO3 (or ISO2) country to restrict to.")
@click.option("--limit", type=int, default=10, show_default=True)
@click.pass_context
def gazetteer_lookup(ctx: click.Context, name: str, country: str | None, limit: int) -> None:
    """Show the gazetteer entries a name can mean, best first."""
    from flashpoint.geo.gazetteer import Gazetteer

    places = Gazetteer.open(settings_of(ctx).gazetteer_path).lookup(name, country=country, limit=limit)
    if not places:
        click.echo(f"no place called {name!r}")
        sys.exit(1)
    for place in places:
        click.echo(
            f"{place.id}\t{place.name}\t{place.lat:.4f},{place.lon:.4f}\t{place.country or '-'}"
            f"\t{place.admin1 or '-'}\t{place.feature_class or '-'}.{place.feature_code or '-'}\tpop {place.population}"
        )


@gazetteer.command(name="stats")
@click.pass_context
def gazetteer_stats(ctx: click.Context) -> None:
    """Count the gazetteer's places and names."""
    from flashpoint.geo.gazetteer import Gazetteer

    stats = Gazetteer.open(settings_of(ctx).gazetteer_path).stats()
    click.echo(json.dumps(stats.as_dict(), indent=2, default=str))


# ---------------------------------------------------------------------------------------------- serve


@cli.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Interface to listen on.")
@click.option("--port", type=int, default=8000, show_default=True)
@click.option(
    "--cors-origin", "cors_origins", multiple=True, help="An origin allowed to call the API; repeatable."
)
@click.option("--tile-url", help="A raster tile URL template ({z}/{x}/{y}) for the map's basemap.")
@click.option("--workers", type=click.IntRange(1, 64), default=1, show_default=True, help="Server processes.")
@click.pass_context
def serve(
    ctx: click.Context,
    host: str,
    port: int,
    cors_origins: tuple[str, ...],
    tile_url: str | None,
    workers: int,
) -> None:
    """Serve the REST API and the web map (http://HOST:PORT/)."""
    from flashpoint.api import serve as run_server

    run_server(
        settings_of(ctx),
        host=host,
        port=port,
        cors_origins=cors_origins or None,
        tile_url=tile_url,
        workers=workers,
    )


@cli.group()
def token() -> None:
    """API tokens for the write endpoints (stored hashed)."""


@token.command(name="create")
@click.argument("name")
@click.pass_context
def token_create(ctx: click.Context, name: str) -> None:
    """Create a token called NAME and print it (it is shown only once)."""
    from flashpoint.api import create_token

    click.echo(create_token(settings_of(ctx).db, name=name))


@token.command(name="list")
@click.pass_context
def token_list(ctx: click.Context) -> None:
    """List token names and whether they are active."""
    from flashpoint.api import list_tokens

    for info in list_tokens(settings_of(ctx).db):
        state = "active" if info.active else f"revoked {info.revoked_at}"
        click.echo(f"{info.name}\tcreated {info.created_at}\t{state}")


@token.command(name="revoke")
@click.argument("name")
@click.pass_context
def token_revoke(ctx: click.Context, name: str) -> None:
    """Revoke the token called NAME."""
    from flashpoint.api import revoke_token

    if not revoke_token(settings_of(ctx).db, name=name):
        fail(f"no active token called {name!r}", code=1)
    click.echo(f"revoked {name}")


@cli.group()
def db() -> None:
    """The database: upgrade its schema."""


@db.command(name="upgrade")
@click.pass_context
def db_upgrade(ctx: click.Context) -> None:
    """Upgrade the database to the newest schema revision (opening a store does this too)."""
    from flashpoint.store import migrate

    settings = settings_of(ctx)
    click.echo(f"{settings.db}: at revision {migrate(settings.db)}")


def _register_plugins() -> None:
    """Add the commands that live beside their modules (alerts, monitoring, batch)."""
    from flashpoint.alerts.commands import alerts_command, brief_command, flashpoints_command
    from flashpoint.batch.commands import batch_command
    from flashpoint.watch.commands import feeds_group, watch_command

    cli.add_command(flashpoints_command)
    cli.add_command(brief_command)
    cli.add_command(alerts_command)
    cli.add_command(watch_command)
    cli.add_command(feeds_group)
    cli.add_command(batch_command)


_register_plugins()


def main() -> None:
    """Entry point of the `flashpoint` console script."""
    cli(prog_name="flashpoint")


if __name__ == "__main__":
    main()
