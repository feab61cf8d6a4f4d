"""Docs are tested: every CLI command and option is mentioned in the README."""

from __future__ import annotations

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


@pytest.mark.parametrize(("name", "command"), COMMANDS, ids=[n for n, _ in COMMANDS])
def test_readme_documents_command_and_options(name: str, command: click.Command) -> None:
    leaf = name.split()[-1]
    assert f"`{name}" in README or leaf in README, f"README does not mention the command {name!r}"
    for param in command.params:
        if isinstance(param, click.Option):
            longest = max(param.opts, key=len)
            assert longest in README, f"README does not mention {name} {longest}"


def test_readme_documents_global_options() -> None:
    for param in cli.params:
        if isinstance(param, click.Option) and "--help" not in param.opts and "--version" not in param.opts:
            assert max(param.opts, key=len) in README
