"""Exit codes, in one place: what an audit's findings and the errors raised mean to CI.

0 nothing at or above ``--fail-on``; 1 findings at or above it; 2 bad usage, bad input, a
bad pack or rate table, an output that cannot be written, or nothing to audit; 3 a bug in
the tool (an unexpected exception, or an IN002 finding: a document whose audit failed).
"""

from __future__ import annotations

import functools
import os
import sys
import traceback
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, ParamSpec

import typer

from factcheck.codes import BAD_INPUT_CODES, INTERNAL_ERROR_CODES
from factcheck.errors import FactcheckError, InputError, InternalError
from factcheck.escaping import shorten

if TYPE_CHECKING:
    from factcheck.model import AuditResult

P = ParamSpec("P")

OK, FINDINGS, BAD_INPUT, INTERNAL_ERROR = 0, 1, 2, 3


def audit_exit_code(result: AuditResult, fail_on: str, *, recording: bool = False) -> int:
    """The exit code of an audit. ``recording`` (``--write-baseline``): the findings are
    what is being recorded, so they do not fail the run; bad input and bugs still do."""
    from factcheck.model import SEVERITY_RANK

    codes = {finding.code for finding in result.findings}
    if codes & INTERNAL_ERROR_CODES:
        return INTERNAL_ERROR
    if codes & BAD_INPUT_CODES:
        return BAD_INPUT
    if recording or fail_on == "never":
        return OK
    threshold = SEVERITY_RANK[fail_on]
    failing = any(SEVERITY_RANK[f.severity] >= threshold for f in result.findings)
    return FINDINGS if failing else OK


def contained_bugs_message(result: AuditResult) -> str | None:
    """The line on stderr that says the tool failed on some inputs (their IN002 findings
    are in the report), or None."""
    count = sum(1 for finding in result.findings if finding.code in INTERNAL_ERROR_CODES)
    if not count:
        return None
    inputs = "an input" if count == 1 else f"{count} inputs"
    return (f"factcheck: internal error on {inputs} (IN002 in the report); the others were "
            "audited; set FACTCHECK_DEBUG=1 for the traceback")


def inputs_exit_code(errors: Sequence[InputError]) -> int:
    """The exit code of a command that reports the inputs it could not read or process
    (``extract``, ``date-rates``): 3 when the tool failed on one, else 2 when one could not
    be read, else 0."""
    if any(isinstance(error, InternalError) for error in errors):
        return INTERNAL_ERROR
    return BAD_INPUT if errors else OK


def error_exit_code(error: BaseException) -> int:
    """2 for the errors of the family (what the tool was given is wrong), 3 for a bug."""
    return BAD_INPUT if isinstance(error, FactcheckError) else INTERNAL_ERROR


def internal_error_message(error: BaseException) -> str:
    return (f"factcheck: internal error: {shorten(f'{type(error).__name__}: {error}')}"
            "; set FACTCHECK_DEBUG=1 for the traceback")


def report_internal_error(error: BaseException) -> None:
    """One line on stderr; the traceback before it only when FACTCHECK_DEBUG is set."""
    if os.environ.get("FACTCHECK_DEBUG"):
        traceback.print_exception(error, file=sys.stderr)
    sys.stderr.write(internal_error_message(error) + "\n")


def mapped(command: Callable[P, None]) -> Callable[P, None]:
    """``command`` with its errors mapped to exit codes: an error of the family is one
    line on stderr and exit 2, any other exception one line and exit 3 (the traceback
    before it only with FACTCHECK_DEBUG set). Usage errors and exits pass through to typer."""

    @functools.wraps(command)
    def run(*args: P.args, **kwargs: P.kwargs) -> None:
        try:
            command(*args, **kwargs)
        except (typer.Exit, typer.Abort, typer.BadParameter):
            raise
        except BrokenPipeError:
            raise  # the reader went away (``| head``): not a bug; typer ends quietly
        except FactcheckError as error:
            typer.echo(f"error: {error}", err=True)
            raise typer.Exit(BAD_INPUT) from None
        except Exception as error:
            report_internal_error(error)
            raise typer.Exit(INTERNAL_ERROR) from None

    return run
