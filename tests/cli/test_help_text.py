"""Every option's help is shown as written: the help screens are rendered with Rich markup,
where a bracketed word ("[default: auto]", "[tool.factcheck]") is read as a style tag and
dropped unless it is escaped."""

from __future__ import annotations

import re
from typing import Any

import pytest
import typer.main
from typer.testing import CliRunner

from factcheck.cli import app

_ESCAPED = re.compile(r"\\(\[)")


def _commands(command: Any, path: tuple[str, ...] = ()) -> list[tuple[tuple[str, ...], Any]]:
    """The command and its subcommands, each with the words that call it (Typer's own
    click classes, read by their attributes)."""
    found = [(path, command)]
    if hasattr(command, "commands"):
        for name, sub in sorted(command.commands.items()):
            found.extend(_commands(sub, (*path, name)))
    return found


COMMANDS = _commands(typer.main.get_command(app))
BRACKETED = [(path, param.name, _ESCAPED.sub(r"\1", param.help))
             for path, command in COMMANDS for param in command.params
             if getattr(param, "help", None) and "[" in param.help]


def test_some_help_holds_brackets() -> None:
    assert BRACKETED, "no option help holds a bracket: the test below checks nothing"


@pytest.mark.parametrize(("path", "name", "shown"), BRACKETED,
                         ids=[f"{' '.join(p) or 'factcheck'}:{n}" for p, n, _ in BRACKETED])
def test_bracketed_help_is_shown(path: tuple[str, ...], name: str, shown: str) -> None:
    result = CliRunner().invoke(app, [*path, "--help"], env={"COLUMNS": "1000"})
    assert result.exit_code == 0, result.output
    flat = " ".join(result.stdout.split())
    for part in re.findall(r"\[[^\]]*\]", shown):
        assert part in flat, f"{part} is not shown in the help of {name}"
