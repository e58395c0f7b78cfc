"""CL001 invalid-claim-record: a claims record that fails the schema.

What it flags:
    A record of a claims file (.yaml, .yml, .json, .csv) with a missing required field,
    an unknown field, a value that is not one amount with its currency or unit ("US$ 5
    miliar", or {amount, currency, unit}), an unknown currency code or unit, a date that
    is not YYYY-MM-DD, a period that is not 2024 / 2024-02 / 2024-Q3 / 2024-H1 /
    2023-01/2023-08, a kind other than actual, projection or estimate, an fx_rate or
    fx_date without a money equivalent, a repeated key; and a CSV header with an unknown,
    repeated or missing column. One finding per problem, at the line of the offending
    field, naming the dotted field ("value.currency"). The other records are still
    loaded and checked. A file that cannot be parsed at all is IN001's.

Why it matters:
    A record the checker cannot read is a figure nobody checked; in a CI gate on a claims
    dataset it must stop the merge, not vanish from the audit.

Example:
    "claims/openai.yaml:14: value.currency: unknown currency code 'usd' (expected an ISO
    4217 code such as USD, EUR, IDR); did you mean 'USD'?"

Options:
    none.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from factcheck.checks._base import record_finding
from factcheck.checks._scopes import InputCheck
from factcheck.claims.claim_error import ClaimError
from factcheck.errors import InputError
from factcheck.evidence import Evidence, optional
from factcheck.model import Finding
from factcheck.readings import Row, Text
from factcheck.registry import register


@dataclass(frozen=True)
class RecordError(Evidence):
    field: str | None = optional()
    record: str | None = optional()

    def rows(self) -> list[Row]:
        if self.record and self.field:
            return [("Record", Text(f"{self.record}, field {self.field}"))]
        return [(label, Text(value)) for label, value in (("Field", self.field),
                                                          ("Record", self.record))
                if value is not None]


@register
class InvalidClaimRecord(InputCheck):
    code = "CL001"
    name = "invalid-claim-record"
    default_severity = "error"

    def run(self, errors: Sequence[InputError], options: object) -> list[Finding]:
        return self.findings(errors)

    @classmethod
    def findings(cls, errors: Iterable[InputError]) -> list[Finding]:
        """One finding per record error of ``load_claims``; the file-level errors (plain
        ``InputError``: unreadable, not YAML/JSON/CSV, not a list) are left to IN001."""
        out = []
        for error in errors:
            if not isinstance(error, ClaimError):
                continue
            message = ": ".join(p for p in (error.field, error.message) if p)
            out.append(record_finding(
                cls, error.path or "<claims>", error.line or 1, error.record_id, "error",
                message, evidence=RecordError(error.field, error.record_id),
                aspect=f"{error.field or ''}:{error.message}" if error.record_id
                else f"{error.field or ''}:{error.line}"))
        return out
