"""The command line: parses arguments, calls the library, maps errors to exit codes.

Heavy modules (pydantic, babel, pint, pandas) are imported inside the commands so that
``factcheck --help`` stays fast.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

app = typer.Typer(
    help="Catch figures that do not add up: extract and check money, units, rates and dates.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


class LangChoice(StrEnum):
    auto = "auto"
    id = "id"
    fr = "fr"
    en = "en"


class FiguresFormat(StrEnum):
    json = "json"
    jsonl = "jsonl"
    csv = "csv"
    table = "table"
    claims = "claims"


class SchemaName(StrEnum):
    figures = "figures"
    findings = "findings"
    claims = "claims"


class ReportFormat(StrEnum):
    text = "text"
    json = "json"
    markdown = "markdown"
    html = "html"
    sarif = "sarif"
    junit = "junit"
    github = "github"


class Engine(StrEnum):
    local = "local"
    dask = "dask"


class FailOn(StrEnum):
    error = "error"
    warning = "warning"
    info = "info"
    never = "never"


def _config_error(error: Exception) -> typer.Exit:
    typer.echo(f"error: {error}", err=True)
    return typer.Exit(2)


def _parse_date(value: str | None) -> object:
    if value is None:
        return None
    from datetime import date

    try:
        return date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date (YYYY-MM-DD)") from None


def _write(text: str | Iterable[str], output: Path | None) -> None:
    """``text`` (or its pieces, written as they come) to ``output`` or standard output."""
    if output is None:
        sys.stdout.writelines([text] if isinstance(text, str) else text)
        return
    from factcheck.report.files import write_atomic

    write_atomic(output, text)


@app.command()
def extract(
    paths: Annotated[list[Path], typer.Argument(help="Files or directories to read.")],
    lang: Annotated[LangChoice, typer.Option(help="Language of the texts.")] = LangChoice.auto,
    published: Annotated[
        str | None, typer.Option(help="Publication date (YYYY-MM-DD) for every text.")
    ] = None,
    fmt: Annotated[FiguresFormat, typer.Option("--format", help="Output format.")] = (
        FiguresFormat.json
    ),
    output: Annotated[Path | None, typer.Option(help="Write to this file.")] = None,
) -> None:
    """Print every figure found in the texts, normalised."""
    from factcheck.api import extract_paths
    from factcheck.report.figures import render

    day = _parse_date(published)
    results, errors = extract_paths(
        paths, lang=None if lang is LangChoice.auto else lang.value,  # type: ignore[arg-type]
        published=day,  # type: ignore[arg-type]
    )
    for error in errors:
        typer.echo(f"error: {error}", err=True)
    _write(render(results, fmt.value), output)
    if errors:
        raise typer.Exit(2)


@app.command()
def schema(
    name: Annotated[SchemaName, typer.Argument(help="Which file format.")] = SchemaName.figures,
) -> None:
    """Print the JSON Schema of a file format."""
    import json

    if name is SchemaName.claims:
        from factcheck.claims.schema import claims_json_schema

        schema_ = claims_json_schema()
    elif name is SchemaName.findings:
        from factcheck.report.json_report import FindingsOutput

        schema_ = FindingsOutput.model_json_schema()
    else:
        from factcheck.report.figures import FiguresOutput

        schema_ = FiguresOutput.model_json_schema()
    typer.echo(json.dumps(schema_, indent=2, ensure_ascii=False))


def main() -> None:
    """Console entry point: every failure becomes a one-line message and exit code 2."""
    import os

    try:
        app()
    except KeyboardInterrupt:
        sys.stderr.write("factcheck: interrupted\n")
        sys.exit(130)
    except Exception as error:  # a bug: say so in one line, never a traceback by default
        from factcheck.errors import FactcheckError

        if os.environ.get("FACTCHECK_DEBUG"):
            raise
        if isinstance(error, FactcheckError):
            sys.stderr.write(f"error: {error}\n")
        else:
            sys.stderr.write(f"factcheck: internal error: {type(error).__name__}: {error} "
                             "(set FACTCHECK_DEBUG=1 for the traceback)\n")
        sys.exit(2)


# The audit commands live in their own module; importing it registers them on ``app``.
import factcheck.cli_audit  # noqa: E402, F401
