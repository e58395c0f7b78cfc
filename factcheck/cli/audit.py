"""The `audit` command: parses its options, runs the audit, writes the reports and maps
the result to an exit code (``cli.exits``); the work is in the library."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Annotated

import typer

from factcheck.cli.exits import BAD_INPUT, audit_exit_code, contained_bugs_message
from factcheck.cli.options import (
    MAX_INPUT_SIZE_HELP,
    Engine,
    FailOn,
    LangChoice,
    LocaleChoice,
    LocaleOption,
    ReportFormat,
    StdinFilename,
    check_output,
    parse_also,
    parse_date,
    parse_size,
    with_stdin,
    write_output,
)
from factcheck.cli.project import ConfigFile, Isolated, Only, input_selection, project_config
from factcheck.errors import OutputError
from factcheck.escaping import one_line


def audit_command(
    paths: Annotated[list[Path] | None, typer.Argument(
        help="Files or directories to audit (default: the project's root).",
        readable=False)] = None,
    rules: Annotated[Path | None, typer.Option(help="Rule pack (YAML).", readable=False)] = (
        None
    ),
    rates: Annotated[Path | None, typer.Option(help="Rate table CSV (date,base,quote,rate).",
                                               readable=False)] = None,
    lang: Annotated[LangChoice | None, typer.Option(
        help="Language of the texts \\[default: auto].")] = None,
    published: Annotated[str | None, typer.Option(help="Publication date (YYYY-MM-DD).")] = None,
    fmt: Annotated[ReportFormat, typer.Option("--format", help="Report format.")] = (
        ReportFormat.text
    ),
    output: Annotated[Path | None, typer.Option(
        "--output", "-o", help="Write the report to this file.")] = None,
    fail_on: Annotated[FailOn | None, typer.Option(
        help="Exit 1 on findings at or above this \\[default: warning].")] = None,
    baseline: Annotated[Path | None, typer.Option(help="Accepted findings (JSON).",
                                                  readable=False)] = None,
    write_baseline: Annotated[Path | None, typer.Option(
        help="Write the current findings as a baseline file (and exit 0 on them).")] = None,
    also: Annotated[list[str] | None, typer.Option(
        "--also", help="Also write this audit in another format to a file, FORMAT=PATH "
                       "(sarif=factcheck.sarif); repeatable.")] = None,
    report_dir: Annotated[Path | None, typer.Option(
        help="Also write report.html, report.md, findings.json and figures.csv here.")] = None,
    jobs: Annotated[int | None, typer.Option(
        "--jobs", "-j", min=1, help="Processes to audit documents in (default 1), or Dask "
                                    "workers (default: one per core).")] = None,
    engine: Annotated[Engine, typer.Option(help="Where to run: this machine's processes, "
                                                "or Dask.")] = Engine.local,
    scheduler: Annotated[str | None, typer.Option(
        help="Address of a running Dask scheduler (with --engine dask).")] = None,
    max_input_size: Annotated[str, typer.Option(help=MAX_INPUT_SIZE_HELP)] = "64M",
    allow_empty: Annotated[bool, typer.Option(
        "--allow-empty", help="Exit 0 when the paths hold nothing to audit (else exit 2).")
    ] = False,
    config_file: ConfigFile = None,
    isolated: Isolated = False,
    exclude: Annotated[list[str] | None, typer.Option(
        help="Glob of files or folders not to read (adds to the configuration's).")] = None,
    select: Annotated[list[str] | None, typer.Option(
        help="Report only these codes or prefixes (FX, FX001; comma-separated).")] = None,
    ignore: Annotated[list[str] | None, typer.Option(
        help="Do not report these codes or prefixes.")] = None,
    diff_base: Annotated[str | None, typer.Option(
        help="Report only findings on lines changed since this git revision.")] = None,
    only: Annotated[Only | None, typer.Option(
        help="Read only the articles or only the claims files.")] = None,
    force_exclude: Annotated[bool, typer.Option(
        help="Hold files named on the command line to the globs too (for pre-commit).")] = (
        False),
    stdin_filename: StdinFilename = None,
    locale: LocaleOption = LocaleChoice.en,
) -> None:
    """Check the figures of the texts against each other, stated rates and reference rates."""
    from factcheck.api import filter_findings
    from factcheck.engine.audit import audit_inputs
    from factcheck.engine.settings import AuditJob, job_settings, rules_of
    from factcheck.report import render_chunks
    from factcheck.report.progress import with_progress

    day = parse_date(published)
    cap = parse_size(max_input_size)
    inputs = with_stdin(paths, stdin_filename, cap)
    config = project_config(config_file, isolated, {
        "rules": rules, "rates": rates, "baseline": baseline,
        "lang": lang.value if lang else None, "fail-on": fail_on.value if fail_on else None,
        "exclude": exclude, "select": ",".join(select) if select else None,
        "ignore": ",".join(ignore) if ignore else None})
    gate = str(config.value("fail-on"))
    language = None if config.value("lang") == "auto" else config.value("lang")
    pack, table = config.path("rules"), config.path("rates")
    accepted = baseline if write_baseline is not None else config.path("baseline")
    selection = input_selection(config, only=only, force_exclude=force_exclude,
                                also_never=(write_baseline,))
    if scheduler and engine is not Engine.dask:
        typer.echo("error: --scheduler needs --engine dask", err=True)
        raise typer.Exit(BAD_INPUT)
    if engine is Engine.dask:
        _need_dask()
    extras = parse_also(also)
    check_output(output, "--output")
    for _, extra in extras:
        check_output(extra, "--also")
    check_output(write_baseline, "--write-baseline")
    workers = jobs or ((os.cpu_count() or 1) if engine is Engine.dask else 1)
    pages = (ReportFormat.html, ReportFormat.markdown)
    keep = report_dir is not None or any(f in pages for f in [fmt, *(f for f, _ in extras)])
    job = AuditJob(str(pack) if pack else None, str(table) if table else None,
                   language, day, keep_documents=keep, max_input_size=cap)
    result = audit_inputs(inputs, job, accepted, engine=engine.value, jobs=workers,
                          scheduler=scheduler, progress=with_progress, selection=selection)
    result = filter_findings(result, select=config.value("select"),
                             ignore=config.value("ignore"), diff_base=diff_base)
    setup = job_settings(job)  # loaded by the audit, cached
    if write_baseline is not None:
        from factcheck.engine.suppress import baseline_text

        write_output(baseline_text(result.findings), write_baseline, "--write-baseline")
    if report_dir is not None:
        from factcheck.report.report_dir import write_report_dir

        try:
            write_report_dir(report_dir, result, rules_of(setup.pack), locale.value)
        except OSError as error:
            raise OutputError(f"cannot write the reports to {one_line(str(report_dir))}: "
                              f"{error}") from None
    for extra_format, extra in extras:
        write_output(render_chunks(extra_format.value, result, rules_of(setup.pack),
                                   fail_on=gate, locale=locale.value), extra, "--also")
    color = output is None and fmt is ReportFormat.text and sys.stdout.isatty()
    write_output(render_chunks(fmt.value, result, rules_of(setup.pack), color=color,
                               fail_on=gate, locale=locale.value), output)
    empty = result.document_count == 0 and result.records == 0 and not result.findings
    if empty and not allow_empty:
        given = ", ".join(one_line(str(path)) for path in inputs or [config.root])
        typer.echo(f"error: no inputs found in {given}: nothing to audit "
                   "(--allow-empty accepts this)", err=True)
        raise typer.Exit(BAD_INPUT)
    bugs = contained_bugs_message(result)
    if bugs:
        typer.echo(bugs, err=True)
    raise typer.Exit(audit_exit_code(result, gate, recording=write_baseline is not None))


def _need_dask() -> None:
    from importlib.util import find_spec

    if not all(find_spec(name) for name in ("dask", "distributed", "pyarrow")):
        typer.echo("error: --engine dask needs Dask: pip install 'factcheck[scale]'", err=True)
        raise typer.Exit(BAD_INPUT)
