"""The API's commands: `flashpoint serve` and `flashpoint token create|list|revoke`."""

from __future__ import annotations

import click

from flashpoint.commands import fail, settings_of

__all__ = ["serve_command", "token_group"]


@click.command(name="serve")
@click.option("--host", default="127.0.0.1", show_default=True, help="Interface to listen on.")
@click.option("--port", type=int, default=8000, show_default=True)
@click.option(
    "--cors-origin", "cors_origins", multiple=True, help="An origin allowed to call the API; repeatable."
)
@click.option("--tile-url", help="A raster tile URL template ({z}/{x}/{y}) for the map's basemap.")
@click.option("--workers", type=click.IntRange(1, 64), default=1, show_default=True, help="Server processes.")
@click.pass_context
def serve_command(
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


@click.group(name="token")
def token_group() -> None:
    """API tokens for the write endpoints (stored hashed)."""


@token_group.command(name="create")
@click.argument("name")
@click.pass_context
def token_create(ctx: click.Context, name: str) -> None:
    """Create a token called NAME and print it (it is shown only once)."""
    from flashpoint.api import create_token

    click.echo(create_token(settings_of(ctx).db, name=name))


@token_group.command(name="list")
@click.pass_context
def token_list(ctx: click.Context) -> None:
    """List token names and whether they are active."""
    from flashpoint.api import list_tokens

    for info in list_tokens(settings_of(ctx).db):
        state = "active" if info.active else f"revoked {info.revoked_at}"
        click.echo(f"{info.name}\tcreated {info.created_at}\t{state}")


@token_group.command(name="revoke")
@click.argument("name")
@click.pass_context
def token_revoke(ctx: click.Context, name: str) -> None:
    """Revoke the token called NAME."""
    from flashpoint.api import revoke_token

    if not revoke_token(settings_of(ctx).db, name=name):
        fail(f"no active token called {name!r}", code=1)
    click.echo(f"revoked {name}")
