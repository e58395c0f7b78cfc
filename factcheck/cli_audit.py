"""The `audit`, `rules`, `rate` and `convert` commands (registered on the app in cli.py).

Only argument parsing and exit codes live here; the work is in the library.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Annotated

import typer

from factcheck.cli import (
    Engine,
    FailOn,
    LangChoice,
    ReportFormat,
    _config_error,
    _parse_date,
    _write,
    app,
)


@app.command()
def audit(
    paths: Annotated[list[Path], typer.Argument(help="Files or directories to audit.")],
    rules: Annotated[Path | None, typer.Option(help="Rule pack (YAML).")] = None,
    rates: Annotated[Path | None, typer.Option(help="Rate table CSV (date,base,quote,rate).")] = (
        None
    ),
    lang: Annotated[LangChoice, typer.Option(help="Language of the texts.")] = LangChoice.auto,
    published: Annotated[str | None, typer.Option(help="Publication date (YYYY-MM-DD).")] = None,
    fmt: Annotated[ReportFormat, typer.Option("--format", help="Report format.")] = (
        ReportFormat.text
    ),
    output: Annotated[Path | None, typer.Option(help="Write the report to this file.")] = None,
    fail_on: Annotated[FailOn, typer.Option(help="Exit 1 on findings at or above this.")] = (
        FailOn.warning
    ),
    baseline: Annotated[Path | None, typer.Option(help="Accepted findings (JSON).")] = None,
    write_baseline: Annotated[
        Path | None, typer.Option(help="Write the current findings as a baseline file.")
    ] = None,
    report_dir: Annotated[Path | None, typer.Option(
        help="Also write report.html, report.md, findings.json and figures.csv here.")] = None,
    jobs: Annotated[int | None, typer.Option(
        "--jobs", "-j", min=1, help="Processes to audit documents in (default 1), or Dask "
                                    "workers (default: one per core).")] = None,
    engine: Annotated[Engine, typer.Option(help="Where to run: this machine's processes, "
                                                "or Dask.")] = Engine.local,
    scheduler: Annotated[str | None, typer.Option(
        help="Address of a running Dask scheduler (with --engine dask).")] = None,
) -> None:
    """Check the figures of the texts against each other, stated rates and reference rates."""
    from factcheck.engine.parallel import AuditJob, job_settings
    from factcheck.engine.runner import audit_inputs, rules_of
    from factcheck.errors import ConfigError
    from factcheck.report import render_chunks
    from factcheck.report.progress import with_progress

    day = _parse_date(published)
    language = None if lang is LangChoice.auto else lang.value
    if scheduler and engine is not Engine.dask:
        typer.echo("error: --scheduler needs --engine dask", err=True)
        raise typer.Exit(2)
    if engine is Engine.dask:
        _need_dask()
    workers = jobs or ((os.cpu_count() or 1) if engine is Engine.dask else 1)
    keep = report_dir is not None or fmt in (ReportFormat.html, ReportFormat.markdown)
    job = AuditJob(str(rules) if rules else None, str(rates) if rates else None,
                   language, day, keep_documents=keep)  # type: ignore[arg-type]
    try:
        result = audit_inputs(paths, job, baseline, engine=engine.value, jobs=workers,
                              scheduler=scheduler, progress=with_progress)
    except ConfigError as error:
        raise _config_error(error) from None
    setup = job_settings(job)  # loaded by the audit, cached
    if write_baseline is not None:
        from factcheck.engine.suppress import baseline_text
        from factcheck.report.files import write_atomic

        write_atomic(write_baseline, baseline_text(result.findings))
    if report_dir is not None:
        from factcheck.report.report_dir import write_report_dir

        try:
            write_report_dir(report_dir, result, rules_of(setup.pack), setup.rates)
        except OSError as error:
            typer.echo(f"error: cannot write the reports to {report_dir}: {error}", err=True)
            raise typer.Exit(2) from None
    color = output is None and fmt is ReportFormat.text and sys.stdout.isatty()
    _write(render_chunks(fmt.value, result, rules_of(setup.pack), color=color), output)
    raise typer.Exit(result.exit_code(fail_on.value))


def _need_dask() -> None:
    from importlib.util import find_spec

    if not all(find_spec(name) for name in ("dask", "distributed", "pyarrow")):
        typer.echo("error: --engine dask needs Dask: pip install 'factcheck[scale]'", err=True)
        raise typer.Exit(2)


@app.command("rules")
def rules_command(
    code: Annotated[str | None, typer.Argument(help="A check code, e.g. FX001.")] = None,
) -> None:
    """List the checks, or print one check's documentation."""
    from factcheck.engine.registry import all_checks

    checks = all_checks()
    if code is None:
        for check in checks.values():
            typer.echo(f"{check.code}  {check.name:<30} {check.summary()}")
        return
    if code.upper() not in checks:
        typer.echo(f"error: unknown check code {code!r}; see `factcheck rules`", err=True)
        raise typer.Exit(2)
    typer.echo(checks[code.upper()].doc())


@app.command()
def rate(
    base: Annotated[str, typer.Argument(help="Currency converted from, e.g. USD.")],
    quote: Annotated[str, typer.Argument(help="Currency converted to, e.g. IDR.")],
    on: Annotated[str | None, typer.Option("--date", help="Date (YYYY-MM-DD); default the "
                                                          "table's last day.")] = None,
    rates: Annotated[Path | None, typer.Option(help="Rate table CSV instead of ECB.")] = None,
) -> None:
    """Print the reference rate of QUOTE per one BASE on a date, and the date used."""
    from factcheck.errors import ConfigError
    from factcheck.normalise.fx import RateUnavailable, provider_from

    try:
        provider = provider_from(rates)
        day = _parse_date(on) or provider.span()[1]
        found = provider.rate(base.upper(), quote.upper(), day)  # type: ignore[arg-type]
    except (ConfigError, RateUnavailable) as error:
        raise _config_error(error) from None
    from factcheck.normalise.money_format import format_rate

    typer.echo(f"{format_rate(found.rate, found.base, found.quote, 'en')} on "
               f"{found.used.isoformat()} (requested {found.requested.isoformat()}; "
               f"{found.source})")


def significant_decimals(value: float, digits: int) -> int:
    """Decimals that give ``digits`` significant digits once a scale word is chosen."""
    import math

    if value <= 0:
        return 0
    mantissa = value / 1000.0 ** (max(0, int(math.log10(value)) // 3))
    return max(0, digits - 1 - math.floor(math.log10(mantissa)))


@app.command()
def convert(
    amount: Annotated[str, typer.Argument(help='An amount as written, e.g. "US$ 5 miliar".')],
    to: Annotated[str, typer.Option("--to", help="Target currency, e.g. IDR.")],
    on: Annotated[str | None, typer.Option("--date", help="Date (YYYY-MM-DD).")] = None,
    lang: Annotated[LangChoice, typer.Option(help="Language of the amount.")] = LangChoice.id,
    rates: Annotated[Path | None, typer.Option(help="Rate table CSV instead of ECB.")] = None,
) -> None:
    """Convert an amount as written ("US$ 5 miliar") at the reference rate of a date."""
    from factcheck.errors import ConfigError
    from factcheck.extract import extract_text
    from factcheck.normalise.fx import RateUnavailable, provider_from
    from factcheck.normalise.money_format import format_amount

    language = "id" if lang is LangChoice.auto else lang.value
    money = [f for f in extract_text(amount, language) if f.kind == "money"]  # type: ignore[arg-type]
    if len(money) != 1 or not money[0].currency:
        typer.echo(f"error: {amount!r} is not one amount of money", err=True)
        raise typer.Exit(2)
    try:
        provider = provider_from(rates)
        day = _parse_date(on) or provider.span()[1]
        found = provider.rate(money[0].currency, to.upper(), day)  # type: ignore[arg-type]
    except (ConfigError, RateUnavailable) as error:
        raise _config_error(error) from None
    value = money[0].value * found.rate
    text = format_amount(value, found.quote, language,  # type: ignore[arg-type]
                         decimals=significant_decimals(value, 3))
    typer.echo(f"{text}  (at {found.rate:,.6g} {found.quote}/{found.base} on "
               f"{found.used.isoformat()}; {found.source})")


@app.command("date-rates")
def date_rates(
    paths: Annotated[list[Path], typer.Argument(help="Articles to date.")],
    lang: Annotated[LangChoice, typer.Option(help="Language of the texts.")] = LangChoice.auto,
    rates: Annotated[Path | None, typer.Option(help="Rate table CSV instead of ECB.")] = None,
) -> None:
    """Print the periods whose reference rates fit all of an article's conversions."""
    from factcheck.checks._dating import article_fits, describe
    from factcheck.documents import iter_documents
    from factcheck.engine.context import DocumentContext
    from factcheck.errors import ConfigError, InputError
    from factcheck.extract import extract_document
    from factcheck.normalise.fx import provider_from

    try:
        provider = provider_from(rates)
    except ConfigError as error:
        raise _config_error(error) from None
    failed = False
    language = None if lang is LangChoice.auto else lang.value
    for item in iter_documents(paths, lang=language):  # type: ignore[arg-type]
        if isinstance(item, InputError):
            typer.echo(f"error: {item}", err=True)
            failed = True
            continue
        ctx = DocumentContext(item, extract_document(item), provider)
        found = article_fits(ctx)
        if not found:
            typer.echo(f"{item.path}: no currency conversions to date it by")
        for pair, used, spans in found:
            when = ", ".join(describe(s) for s in spans) or "no date in the rate table"
            typer.echo(f"{item.path}: {pair}, {used} conversion{'s' if used > 1 else ''}: {when}")
    if failed:
        raise typer.Exit(2)
