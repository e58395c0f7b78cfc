"""The `fix` command: parses its options, runs ``factcheck.fixes`` and maps the result to
an exit code, as ruff's ``--fix`` does:

- without ``--diff``: the corrections are written (text files and claims YAML in place,
  drafts to a copy beside them); exit 0 when no finding at or above ``--fail-on`` remains,
  1 when some that could not be fixed remain;
- with ``--diff``: a unified diff is printed and nothing is written; exit 1 when there is
  something to fix, 0 when there is nothing;
- either way 2 for bad usage or an unreadable input (IN001, CL001), 3 for a bug.

With ``--diff`` the diff is standard output and the report (what would be fixed, what
remains) standard error. Standard input (``-``) is never written back: its corrected text
(or the unchanged input) goes to standard output, and the report to standard error.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from factcheck.cli.exits import FINDINGS, OK, audit_exit_code
from factcheck.cli.options import (
    MAX_INPUT_SIZE_HELP,
    FailOn,
    LangChoice,
    LocaleChoice,
    LocaleOption,
    StdinFilename,
    parse_date,
    parse_size,
    with_stdin,
)
from factcheck.cli.project import ConfigFile, Isolated, input_selection, project_config


def fix_command(
    paths: Annotated[list[Path] | None, typer.Argument(
        help="Files or directories to fix (default: the project's root; - for standard "
             "input).", readable=False)] = None,
    diff: Annotated[bool, typer.Option(
        "--diff", help="Print a unified diff of the corrections and write nothing.")] = False,
    select: Annotated[list[str] | None, typer.Option(
        help="Fix and report only these codes or prefixes (FX, FX001; comma-separated).")
    ] = None,
    ignore: Annotated[list[str] | None, typer.Option(
        help="Neither fix nor report these codes or prefixes.")] = None,
    rules: Annotated[Path | None, typer.Option(help="Rule pack (YAML).", readable=False)] = (
        None),
    rates: Annotated[Path | None, typer.Option(help="Rate table CSV (date,base,quote,rate).",
                                               readable=False)] = None,
    lang: Annotated[LangChoice | None, typer.Option(
        help="Language of the texts \\[default: auto].")] = None,
    published: Annotated[str | None, typer.Option(help="Publication date (YYYY-MM-DD).")] = None,
    fail_on: Annotated[FailOn | None, typer.Option(
        help="Exit 1 when findings at or above this remain \\[default: warning].")] = None,
    max_input_size: Annotated[str, typer.Option(help=MAX_INPUT_SIZE_HELP)] = "64M",
    config_file: ConfigFile = None,
    isolated: Isolated = False,
    stdin_filename: StdinFilename = None,
    locale: LocaleOption = LocaleChoice.en,
) -> None:
    """Apply the corrections that are certain: one suggested figure, in the text's style."""
    from factcheck.documents.given import GivenInput
    from factcheck.engine.settings import AuditJob
    from factcheck.fixes import fix_inputs
    from factcheck.model import AuditResult
    from factcheck.report.fixed import render_fixed

    day = parse_date(published)
    cap = parse_size(max_input_size)
    inputs = with_stdin(paths, stdin_filename, cap)
    config = project_config(config_file, isolated, {
        "rules": rules, "rates": rates, "lang": lang.value if lang else None,
        "fail-on": fail_on.value if fail_on else None,
        "select": ",".join(select) if select else None,
        "ignore": ",".join(ignore) if ignore else None})
    pack, table = config.path("rules"), config.path("rates")
    language = None if config.value("lang") == "auto" else config.value("lang")
    job = AuditJob(str(pack) if pack else None, str(table) if table else None, language, day,
                   max_input_size=cap)
    result = fix_inputs(inputs, job, selection=input_selection(config),
                        select=config.value("select"), ignore=config.value("ignore"),
                        write=not diff)
    stdin = next((item for item in inputs if isinstance(item, GivenInput)), None)
    if diff:
        sys.stdout.writelines(file.diff() for file in result.files)
    elif stdin is not None:
        fixed = next((f.data for f in result.files if f.path == stdin.name), stdin.data)
        sys.stdout.flush()
        sys.stdout.buffer.write(fixed)
        sys.stdout.flush()
    report = sys.stderr if diff or stdin is not None else sys.stdout
    report.write(render_fixed(result, written=not diff, locale=locale.value))
    remaining = AuditResult(findings=result.remaining)
    code = audit_exit_code(remaining, str(config.value("fail-on")))
    if diff and code in (OK, FINDINGS):
        code = FINDINGS if result.files else OK
    raise typer.Exit(code)
