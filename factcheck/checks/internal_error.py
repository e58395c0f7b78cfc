"""IN002 internal-error: an input on which factcheck itself failed.

What it flags:
    An article, a record of an archive or a claims file on which reading, extracting or
    checking raised an exception that is a bug in the tool, not a fault of the input. The
    message names the file, where known the line (a record of an archive), the
    exception's type and message; the evidence names the place in factcheck's code that
    raised it. The other inputs are still audited and reported, and the run exits with
    code 3 after writing its report. No pack, --select, --ignore, --diff-base or baseline
    hides it.

Why it matters:
    A CI gate must tell a broken tool (exit 3) from a bad input (exit 2) and from figures
    that do not add up (exit 1); and one bug met on one article must not cost the report
    of all the others, nor pass that article as if it had been checked.

Example:
    "articles/budget.md:1: internal error while auditing: ZeroDivisionError: float
    division by zero" (evidence: raised at factcheck/checks/ratio.py:143). Set
    FACTCHECK_DEBUG=1 to print the traceback.

Options:
    none.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from factcheck.checks._scopes import InputCheck
from factcheck.errors import InputError, InternalError
from factcheck.evidence import Evidence, optional
from factcheck.model import Finding
from factcheck.readings import Row, Text
from factcheck.registry import register


@dataclass(frozen=True)
class Failure(Evidence):
    exception: str | None = optional()
    raised_at: str | None = optional()

    def rows(self) -> list[Row]:
        return [(label, Text(value)) for label, value in (("Exception", self.exception),
                                                          ("Raised at", self.raised_at))
                if value is not None]


@register
class InternalErrorOnInput(InputCheck):
    code = "IN002"
    name = "internal-error"
    default_severity = "error"
    #: A pack cannot disable it: a failure nobody sees is an input nobody checked.
    required = True

    def run(self, errors: Sequence[InputError], options: object) -> list[Finding]:
        """One finding per input the tool failed on."""
        return [self.error_finding(e) for e in errors if isinstance(e, InternalError)]

    @classmethod
    def error_finding(cls, error: InternalError) -> Finding:
        return Finding(
            code=cls.code, name=cls.name, severity="error", message=error.message,
            path=error.path or "<input>", line=error.line or 1, column=1,
            evidence=Failure(error.exception or None, error.raised_at or None),
        )
