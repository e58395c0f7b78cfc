"""IN001 unreadable-input: a file that cannot be read, decoded or parsed.

What it flags:
    An input that is missing, unreadable, binary, empty, not UTF-8, or whose front matter
    or JSON Lines record is invalid; an input that is not a regular file (a named pipe, a
    device, a socket, a directory), which is never read; a file over the size cap
    (--max-input-size), or a line or row of an archive over it. The message names the
    file, the line and the field. The other inputs are still audited and reported; the
    run exits with code 2.

Why it matters:
    A figure that was never read was never checked: a silent skip would pass an article
    nobody looked at.

Example:
    "articles/broken.md:3: published: not a valid date: '2024-13-01'"

Options:
    none.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from factcheck.checks._scopes import InputCheck
from factcheck.claims.claim_error import ClaimError
from factcheck.errors import FactcheckError, InputError, InternalError
from factcheck.evidence import Evidence, optional
from factcheck.model import Finding
from factcheck.readings import Row, Text
from factcheck.registry import register


@dataclass(frozen=True)
class Unreadable(Evidence):
    field: str | None = optional()

    def rows(self) -> list[Row]:
        return [("Field", Text(self.field))] if self.field is not None else []


@register
class UnreadableInput(InputCheck):
    code = "IN001"
    name = "unreadable-input"
    default_severity = "error"

    def run(self, errors: Sequence[InputError], options: object) -> list[Finding]:
        """One finding per input that could not be read (a record that fails the claims
        schema is CL001's, a bug in the tool IN002's)."""
        return [self.error_finding(e) for e in errors
                if not isinstance(e, ClaimError | InternalError)]

    @classmethod
    def error_finding(cls, error: FactcheckError) -> Finding:
        detail = ": ".join(p for p in (error.field, error.message) if p)
        return Finding(
            code=cls.code, name=cls.name, severity="error", message=detail,
            said=error.said if not error.field else None,
            path=error.path or "<input>", line=error.line or 1, column=1,
            evidence=Unreadable(error.field or None),
        )
