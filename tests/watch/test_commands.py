"""`flashpoint feeds add|list|remove` and `flashpoint watch --once`, run through click as the CLI will."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

import click
import pytest
from click.testing import CliRunner

import flashpoint.pipeline
from flashpoint import open_store
from flashpoint.pipeline import Pipeline
from flashpoint.settings import Settings
from flashpoint.watch.commands import feeds_group, read_feeds_file, watch_command


def _cli(settings: Settings) -> click.Group:
    @click.group()
    @click.pass_context
    def root(ctx: click.Context) -> None:
        ctx.obj = settings

    root.add_command(watch_command)
    root.add_command(feeds_group)
    return root


@pytest.fixture()
def db_settings(tmp_path: Path) -> Settings:
    return Settings(db=str(tmp_path / "cli.db"))


def test_feeds_add_list_remove(db_settings: Settings) -> None:
    cli = _cli(db_settings)
    runner = CliRunner()
    url = "https://news.example.org/world.rss"
    assert "added" in runner.invoke(cli, ["feeds", "add", url]).output
    assert "already polled" in runner.invoke(cli, ["feeds", "add", url]).output
    listed = json.loads(runner.invoke(cli, ["feeds", "list", "--json"]).output)
    assert [feed["url"] for feed in listed] == [url]
    assert runner.invoke(cli, ["feeds", "remove", url]).exit_code == 0
    assert runner.invoke(cli, ["feeds", "remove", url]).exit_code == 1
    assert "no feeds" in runner.invoke(cli, ["feeds", "list"]).output


def test_feeds_add_refuses_a_non_url(db_settings: Settings) -> None:
    result = CliRunner().invoke(_cli(db_settings), ["feeds", "add", "/etc/passwd"])
    assert result.exit_code == 2
    assert "not an http(s) URL" in result.output


def test_watch_once_ingests_the_feeds_file(
    db_settings: Settings,
    tmp_path: Path,
    feed_server: Any,
    route: Any,
    make_rss: Callable[..., bytes],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(flashpoint.pipeline, "load_pipeline", lambda settings: Pipeline([]))
    feed_server.routes["/w.rss"] = route(
        body=make_rss(
            [(f"w{n}", "", f"Border post {n} came under mortar fire late on Tuesday.") for n in range(3)]
        )
    )
    feeds = tmp_path / "feeds.txt"
    feeds.write_text(f"# our test feed\n{feed_server.url('/w.rss')}\n\n", encoding="utf-8")
    allowed = replace(db_settings, allow_private_urls=True)
    result = CliRunner().invoke(_cli(allowed), ["watch", "--feeds", str(feeds), "--once"])
    assert result.exit_code == 0, result.output
    assert "3 document(s) added" in result.output
    with open_store(db_settings.db_url) as store:
        assert store.stats().documents == 3


def test_watch_refuses_loopback_feeds_by_default(
    db_settings: Settings,
    feed_server: Any,
    route: Any,
    make_rss: Callable[..., bytes],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("FLASHPOINT_ALLOW_PRIVATE_URLS", raising=False)
    monkeypatch.setattr(flashpoint.pipeline, "load_pipeline", lambda settings: Pipeline([]))
    feed_server.routes["/w.rss"] = route(body=make_rss([("x1", "", "A checkpoint was shelled.")]))
    cli = _cli(db_settings)
    CliRunner().invoke(cli, ["feeds", "add", feed_server.url("/w.rss")])
    result = CliRunner().invoke(cli, ["watch", "--once"])
    assert result.exit_code == 0, result.output
    assert "refused" in result.output and "loopback" in result.output
    assert feed_server.hits.get("/w.rss", 0) == 0


def test_watch_without_feeds_is_a_usage_error(db_settings: Settings, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(flashpoint.pipeline, "load_pipeline", lambda settings: Pipeline([]))
    result = CliRunner().invoke(_cli(db_settings), ["watch", "--once"])
    assert result.exit_code == 2
    assert "no feeds to poll" in result.output


def test_read_feeds_file_skips_comments_and_blanks(tmp_path: Path) -> None:
    path = tmp_path / "f.txt"
    path.write_text(
        "# list\nhttps://a.example/x.rss\n\n  https://b.example/y.atom  \n# end\n", encoding="utf-8"
    )
    assert read_feeds_file(path) == ["https://a.example/x.rss", "https://b.example/y.atom"]


WATCH_RUNNER = """
import sys
import time

import click

import flashpoint.pipeline as pipeline
from flashpoint.settings import Settings
from flashpoint.watch.commands import watch_command


class Slow:
    name = "slow"
    requires = frozenset()
    provides = frozenset()

    def __call__(self, doc):
        time.sleep(0.2)
        return doc

    def pipe(self, docs):
        for doc in docs:
            yield self(doc)


pipeline.load_pipeline = lambda settings=None: pipeline.Pipeline([Slow()])


@click.group()
@click.pass_context
def root(ctx):
    ctx.obj = Settings.load(db=sys.argv[1])  # reads FLASHPOINT_ALLOW_PRIVATE_URLS


root.add_command(watch_command)
root(["watch", "--feeds", sys.argv[2], "--every", "1s"])
"""


def test_watch_exits_zero_on_sigterm_after_the_current_document(
    tmp_path: Path, feed_server: Any, route: Any, make_rss: Callable[..., bytes]
) -> None:
    import os
    import signal
    import subprocess
    import sys
    import time

    items = [(f"t{n}", "", f"Patrol {n} reported gunfire near the canal bridge at night.") for n in range(30)]
    feed_server.routes["/slow.rss"] = route(body=make_rss(items))
    feeds = tmp_path / "feeds.txt"
    feeds.write_text(feed_server.url("/slow.rss") + "\n", encoding="utf-8")
    script = tmp_path / "watch_runner.py"
    script.write_text(WATCH_RUNNER, encoding="utf-8")
    db = tmp_path / "sig.db"
    env = {**os.environ, "FLASHPOINT_ALLOW_PRIVATE_URLS": "1"}
    proc = subprocess.Popen(
        [sys.executable, str(script), str(db), str(feeds)], stderr=subprocess.PIPE, env=env
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and proc.poll() is None:
        if db.exists():
            with open_store(str(db)) as store:
                if store.stats().documents >= 2:
                    break
        time.sleep(0.05)
    proc.send_signal(signal.SIGTERM)
    _, err = proc.communicate(timeout=30)
    assert proc.returncode == 0, err.decode()
    with open_store(str(db)) as store:
        stored = store.stats().documents
    assert 2 <= stored < len(items)  # stopped early, and kept what it had finished
