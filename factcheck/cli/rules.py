"""The `rules` and `schema` commands: what the checks are and what the outputs look like."""

from __future__ import annotations

from typing import Annotated

import typer

from factcheck.cli.options import SchemaName


def rules_command(
    code: Annotated[str | None, typer.Argument(help="A check code, e.g. FX001.")] = None,
) -> None:
    """List the checks, or print one check's documentation."""
    from factcheck.registry import all_checks

    checks = all_checks()
    if code is None:
        for check in checks.values():
            typer.echo(f"{check.code}  {check.name:<30} {check.summary()}")
        return
    if code.upper() not in checks:
        typer.echo(f"error: unknown check code {code!r}; see `factcheck rules`", err=True)
        raise typer.Exit(2)
    typer.echo(checks[code.upper()].doc())


def schema_command(
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
    typer.echo(json.dumps(schema_, indent=2, ensure_ascii=False, allow_nan=False))
