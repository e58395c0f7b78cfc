"""The `extract` command: every figure of the texts, normalised."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from factcheck.cli.options import (
    MAX_INPUT_SIZE_HELP,
    FiguresFormat,
    LangChoice,
    check_output,
    parse_date,
    parse_size,
    write_output,
)


def extract_command(
    paths: Annotated[list[Path], typer.Argument(
        help="Files or directories to read.", readable=False)],
    lang: Annotated[LangChoice, typer.Option(help="Language of the texts.")] = LangChoice.auto,
    published: Annotated[
        str | None, typer.Option(help="Publication date (YYYY-MM-DD) for every text.")
    ] = None,
    fmt: Annotated[FiguresFormat, typer.Option("--format", help="Output format.")] = (
        FiguresFormat.json
    ),
    output: Annotated[Path | None, typer.Option(help="Write to this file.")] = None,
    max_input_size: Annotated[str, typer.Option(help=MAX_INPUT_SIZE_HELP)] = "64M",
) -> None:
    """Print every figure found in the texts, normalised."""
    from factcheck.api import extract_paths
    from factcheck.cli.exits import inputs_exit_code
    from factcheck.report.figures import render

    day = parse_date(published)
    check_output(output, "--output")
    results, errors = extract_paths(
        paths, lang=None if lang is LangChoice.auto else lang.value,
        published=day, max_input_size=parse_size(max_input_size),
    )
    for error in errors:
        typer.echo(f"error: {error}", err=True)
    write_output(render(results, fmt.value), output)
    if errors:
        raise typer.Exit(inputs_exit_code(errors))
