"""The project's configuration for the commands: the `config` command, and the options
`audit` shares with it (which file, and the command line's values laid over it)."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

if TYPE_CHECKING:
    from factcheck.config import ProjectConfig
    from factcheck.engine.inputs import InputSelection

ConfigFile = Annotated[Path | None, typer.Option(
    "--config", help="Read this configuration file instead of the one found from the "
                     "working directory up (.factcheck.yaml, or \\[tool.factcheck] in "
                     "pyproject.toml).")]
Isolated = Annotated[bool, typer.Option(
    "--isolated", help="Read no configuration file: the defaults and the command line.")]


class Only(StrEnum):
    articles = "articles"
    claims = "claims"


class ConfigFormat(StrEnum):
    text = "text"
    json = "json"


def project_config(file: Path | None, isolated: bool, overrides: dict[str, Any]
                   ) -> ProjectConfig:
    """The resolved configuration; a bad one raises ``ConfigError`` (its file, line and
    key), which the command maps to exit 2."""
    from factcheck.config import load_config

    return load_config(file=file, isolated=isolated, overrides=overrides)


def input_selection(config: ProjectConfig, *, only: Only | None = None,
                    force_exclude: bool = False, also_never: tuple[Path | None, ...] = ()
                    ) -> InputSelection:
    """Which files the audit reads, from the configuration; ``also_never`` are more files
    that are no inputs (the baseline being written)."""
    import os

    from factcheck.engine.inputs import InputSelection

    never = config.never_inputs() | {os.path.realpath(p) for p in also_never if p is not None}
    return InputSelection(config.root, tuple(config.value("articles")),
                          tuple(config.value("claims")), config.exclude(), never,
                          force_exclude=force_exclude, only=only.value if only else None)


def config_command(
    config_file: ConfigFile = None,
    isolated: Isolated = False,
    fmt: Annotated[ConfigFormat, typer.Option("--format", help="Output format.")] = (
        ConfigFormat.text),
) -> None:
    """Print the configuration that applies here, and where each value came from."""
    import json

    config = project_config(config_file, isolated, {})
    if fmt is ConfigFormat.json:
        typer.echo(json.dumps(config.as_data(), ensure_ascii=False, allow_nan=False, indent=2))
    else:
        typer.echo(config.describe(), nl=False)
