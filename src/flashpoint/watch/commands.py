"""The `flashpoint watch` and `flashpoint feeds add|list|remove` commands (registered by the CLI)."""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from flashpoint.commands import settings_of

if TYPE_CHECKING:
    from flashpoint.watch.state import FeedState

__all__ = ["feeds_group", "read_feeds_file", "watch_command"]


def read_feeds_file(path: Path) -> list[str]:
    """Return the feed URLs in a file: one a line; blank lines and `#` comments are skipped."""
    urls: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip() if not line.lstrip().startswith("http") else line.strip()
        if line:
            urls.append(line)
    return urls


@click.command(name="watch")
@click.option(
    "--feeds",
    "feeds_file",
    type=click.Path(path_type=Path, exists=True, dir_okay=False),
    help="A file of feed URLs (one a line) to add before polling.",
)
@click.option("--every", default="10m", show_default=True, help="Poll interval: 90s, 10m, 2h …")
@click.option("--once", is_flag=True, help="Poll the due feeds once, then exit.")
@click.option("--no-articles", is_flag=True, help="Store the feed summaries; do not fetch article pages.")
@click.pass_context
def watch_command(
    ctx: click.Context, feeds_file: Path | None, every: str, once: bool, no_articles: bool
) -> None:
    """Poll RSS/Atom feeds and ingest their new items until SIGTERM/SIGINT (or once, with --once).

    Each new item's article page is fetched and read (its feed summary is the fallback), run through
    the pipeline and stored; items already stored or seen are skipped. A failing feed is retried
    later with exponential backoff.
    """
    from flashpoint import open_store
    from flashpoint.ingest.fetch import Fetcher
    from flashpoint.pipeline import load_pipeline
    from flashpoint.watch.poller import Watcher, parse_every
    from flashpoint.watch.state import FeedState

    settings = settings_of(ctx)
    try:
        interval = parse_every(every)
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="--every") from exc
    store = open_store(settings)
    state = FeedState(store.engine)
    if feeds_file is not None:
        now = dt.datetime.now(dt.UTC)
        for url in read_feeds_file(feeds_file):
            state.add(url, now=now)
    if not state.feeds():
        store.close()
        raise click.UsageError("no feeds to poll: add some with `flashpoint feeds add URL` or --feeds FILE")
    with Fetcher.from_settings(settings) as fetcher:
        watcher = Watcher(
            store=store,
            pipeline=load_pipeline(settings),
            fetcher=fetcher,
            every=interval,
            fetch_articles=not no_articles,
        )
        cycles = watcher.run(once=once, on_report=lambda r: click.echo(r.line(), err=True))
    store.close()
    added = sum(c.added for c in cycles)
    rejected = sum(c.rejected for c in cycles)
    click.echo(f"{added} document(s) added, {rejected} rejected → {settings.db}", err=True)


@click.group(name="feeds")
def feeds_group() -> None:
    """Add, list and remove the feeds `flashpoint watch` polls."""


def _state(ctx: click.Context) -> FeedState:
    from flashpoint import open_store
    from flashpoint.watch.state import FeedState

    return FeedState(open_store(settings_of(ctx)).engine)


@feeds_group.command(name="add")
@click.argument("urls", nargs=-1, required=True)
@click.pass_context
def feeds_add(ctx: click.Context, urls: tuple[str, ...]) -> None:
    """Add feed URLs to poll."""
    from flashpoint.ingest.fetch import is_url

    bad = [url for url in urls if not is_url(url)]
    if bad:
        raise click.BadParameter(f"not an http(s) URL: {bad[0]!r}", param_hint="URL")
    state = _state(ctx)
    now = dt.datetime.now(dt.UTC)
    for url in urls:
        click.echo(f"{'added' if state.add(url, now=now) else 'already polled'}: {url}")


@feeds_group.command(name="list")
@click.option("--json", "as_json", is_flag=True, help="Print the feeds' state as JSON.")
@click.pass_context
def feeds_list(ctx: click.Context, as_json: bool) -> None:
    """List the polled feeds with their last poll, failures and next poll."""
    feeds = _state(ctx).feeds()
    if as_json:
        click.echo(json.dumps([f.as_dict() for f in feeds], indent=2))
        return
    if not feeds:
        click.echo("no feeds (add one with `flashpoint feeds add URL`)")
    for feed in feeds:
        polled = feed.last_polled.isoformat(timespec="seconds") if feed.last_polled else "never"
        error = f"  failing x{feed.failures}: {feed.last_error}" if feed.failures else ""
        click.echo(f"{feed.url}\tlast polled {polled}{error}")


@feeds_group.command(name="remove")
@click.argument("urls", nargs=-1, required=True)
@click.pass_context
def feeds_remove(ctx: click.Context, urls: tuple[str, ...]) -> None:
    """Stop polling feed URLs (the documents already ingested stay)."""
    state = _state(ctx)
    missing = [url for url in urls if not state.remove(url)]
    for url in missing:
        click.echo(f"not polled: {url}", err=True)
    if missing:
        sys.exit(1)
