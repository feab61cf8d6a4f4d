"""The `flashpoint gazetteer` commands: build, extend and query the place-name index."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from flashpoint.commands import settings_of

__all__ = ["gazetteer_group"]


@click.group(name="gazetteer")
def gazetteer_group() -> None:
    """Build, extend and query the place-name index."""


@gazetteer_group.command(name="build")
@click.pass_context
def gazetteer_build(ctx: click.Context) -> None:
    """(Re)build the gazetteer from the bundled sources."""
    from flashpoint.geo.gazetteer import build_gazetteer

    path = settings_of(ctx).gazetteer_path
    stats = build_gazetteer(path)
    click.echo(f"built {path}: {json.dumps(stats.as_dict(), default=str)}")


@gazetteer_group.command(name="import")
@click.argument(
    "files", nargs=-1, required=True, type=click.Path(path_type=Path, exists=True, dir_okay=False)
)
@click.pass_context
def gazetteer_import(ctx: click.Context, files: tuple[Path, ...]) -> None:
    """Import GeoNames dump files (allCountries/XX .txt or .zip, alternateNamesV2, admin1CodesASCII)."""
    from flashpoint.geo.gazetteer import Gazetteer

    count = Gazetteer.open(settings_of(ctx).gazetteer_path).import_geonames(list(files))
    click.echo(f"imported {count} record(s)")


@gazetteer_group.command(name="add")
@click.argument("csv_file", type=click.Path(path_type=Path, exists=True, dir_okay=False))
@click.pass_context
def gazetteer_add(ctx: click.Context, csv_file: Path) -> None:
    """Add places from a CSV: name, alternates (|-separated), lat, lon, country, admin1."""
    from flashpoint.geo.gazetteer import Gazetteer

    count = Gazetteer.open(settings_of(ctx).gazetteer_path).add_csv(csv_file)
    click.echo(f"added {count} place(s)")


@gazetteer_group.command(name="lookup")
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


@gazetteer_group.command(name="stats")
@click.pass_context
def gazetteer_stats(ctx: click.Context) -> None:
    """Count the gazetteer's places and names."""
    from flashpoint.geo.gazetteer import Gazetteer

    stats = Gazetteer.open(settings_of(ctx).gazetteer_path).stats()
    click.echo(json.dumps(stats.as_dict(), indent=2, default=str))
