"""The `extract` command: every figure of the texts, normalised."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Annotated

import typer

from factcheck.cli.options import (
    MAX_INPUT_SIZE_HELP,
    FiguresFormat,
    LangChoice,
    LocaleChoice,
    LocaleOption,
    StdinFilename,
    check_output,
    parse_date,
    parse_size,
    with_stdin,
    write_output,
)


def extract_command(
    paths: Annotated[list[Path] | None, typer.Argument(
        help="Files or directories to read (- for standard input).", readable=False)] = None,
    lang: Annotated[LangChoice, typer.Option(help="Language of the texts.")] = LangChoice.auto,
    published: Annotated[
        str | None, typer.Option(help="Publication date (YYYY-MM-DD) for every text.")
    ] = None,
    fmt: Annotated[FiguresFormat, typer.Option("--format", help="Output format.")] = (
        FiguresFormat.json
    ),
    output: Annotated[Path | None, typer.Option(
        "--output", "-o", help="Write to this file.")] = None,
    max_input_size: Annotated[str, typer.Option(help=MAX_INPUT_SIZE_HELP)] = "64M",
    stdin_filename: StdinFilename = None,
    locale: LocaleOption = LocaleChoice.en,
) -> None:
    """Print every figure found in the texts, normalised."""
    from factcheck.api import iter_extracted
    from factcheck.cli.exits import inputs_exit_code
    from factcheck.errors import InputError
    from factcheck.model import DocumentFigures
    from factcheck.report.figures import input_warning, render_chunks

    day = parse_date(published)
    cap = parse_size(max_input_size)
    if not paths and stdin_filename is None:
        raise typer.BadParameter("name the files or directories to read (- for standard "
                                 "input)", param_hint="PATHS")
    check_output(output, "--output")
    errors: list[InputError] = []

    def documents() -> Iterator[DocumentFigures]:
        """The documents as they are read; an input's error goes to stderr at once."""
        for item in iter_extracted(with_stdin(paths, stdin_filename, cap), published=day,
                                   lang=None if lang is LangChoice.auto else lang.value,
                                   max_input_size=cap):
            if isinstance(item, InputError):
                errors.append(item)
                typer.echo(input_warning(item, locale.value), err=True)
            else:
                yield item

    write_output(render_chunks(documents(), fmt.value, locale.value), output)
    if errors:
        raise typer.Exit(inputs_exit_code(errors))
