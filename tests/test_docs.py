"""Docs are tested: every CLI command and option is mentioned in the README."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import click
import pytest

from flashpoint.cli import cli

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


def _commands(group: click.Group, prefix: str = "") -> list[tuple[str, click.Command]]:
    found = []
    for name, command in group.commands.items():
        found.append((f"{prefix}{name}", command))
        if isinstance(command, click.Group):
            found += _commands(command, prefix=f"{prefix}{name} ")
    return found


COMMANDS = _commands(cli)


def _documenting_lines(name: str) -> list[str]:
    """README lines that document a command: a backticked mention of it, subcommand words after their group."""
    first, *rest = (re.escape(part) for part in name.split())
    pattern = re.compile("`" + first + "".join(rf"\b[^`]*\b{part}" for part in rest) + r"\b")
    return [line for line in README.splitlines() if pattern.search(line)]


@pytest.mark.parametrize(("name", "command"), COMMANDS, ids=[n for n, _ in COMMANDS])
def test_readme_documents_command_and_options(name: str, command: click.Command) -> None:
    lines = _documenting_lines(name)
    assert lines, f"README does not document the command {name!r} (write it in backticks, `{name} …`)"
    for param in command.params:
        if isinstance(param, click.Option):
            longest = max(param.opts, key=len)
            assert any(longest in line for line in lines), (
                f"README's {name!r} entry does not mention {longest}"
            )


@pytest.mark.parametrize(
    ("name", "readme", "documented"),
    [
        ("feeds add", "| `feeds add\\|list URL` | the feeds |", True),
        ("feeds remove", "| `feeds add\\|list URL` | remove the list |", False),
        ("events", "Run `events --type X`.", True),
        ("events", "Every event is listed.", False),
    ],
)
def test_documenting_lines_need_the_command_in_backticks(
    name: str, readme: str, documented: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys.modules[__name__], "README", readme)
    assert bool(_documenting_lines(name)) is documented


def test_readme_documents_global_options() -> None:
    for param in cli.params:
        if isinstance(param, click.Option) and "--help" not in param.opts and "--version" not in param.opts:
            assert max(param.opts, key=len) in README
