"""CL002 duplicate-claim-id: two claims records with one id.

What it flags:
    A record whose ``id`` was already used by an earlier record, in the same file or in
    any other file of the audit (files in sorted path order). The finding is on the later
    record and names where the first one is. The later record is still loaded.

Why it matters:
    Ids are how findings, baselines and cross-references name a record; two records with
    one id make every one of them ambiguous, and usually mean a record was copied and
    not edited.

Example:
    "claims/openai.yaml:40: duplicate id 'openai-loss-2024-nyt': first used at
    claims/openai.yaml:12"

Options:
    none.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from factcheck.checks._base import record_finding
from factcheck.checks._scopes import RecordsCheck
from factcheck.evidence import Evidence
from factcheck.model import Finding
from factcheck.phrases import said
from factcheck.readings import Row, Text
from factcheck.registry import register

if TYPE_CHECKING:
    from factcheck.claims.table import ClaimsTable
    from factcheck.claims.validate import LoadedRecord


@dataclass(frozen=True)
class IdUsedBefore(Evidence):
    record: str
    first_path: str
    first_line: int

    def rows(self) -> list[Row]:
        return [("Record", Text(self.record)),
                ("First seen in", Text(f"{self.first_path}, line {self.first_line}"))]


@register
class DuplicateClaimId(RecordsCheck):
    code = "CL002"
    name = "duplicate-claim-id"
    default_severity = "error"

    def run(self, table: ClaimsTable, options: object) -> list[Finding]:
        """The findings of the records whose id is used more than once (found on the
        frame); the other records cannot be flagged."""
        twice = table.frame["id"].duplicated(keep=False).to_numpy()
        return self.findings(table.records(twice.nonzero()[0].tolist()))

    @classmethod
    def findings(cls, records: Iterable[LoadedRecord]) -> list[Finding]:
        """The records, in load order, whose id an earlier record already has."""
        first: dict[str, LoadedRecord] = {}
        out = []
        for loaded in records:
            ident = loaded.record.id
            seen = first.setdefault(ident, loaded)
            if seen is loaded or cls.code in loaded.record.ignore:
                continue
            message = said("duplicate id {ident}: first used at {place}", ident=repr(ident),
                           place=f"{seen.path}:{seen.line}")
            out.append(record_finding(
                cls, loaded.path, loaded.line_of("id"), ident, "error", message,
                evidence=IdUsedBefore(ident, seen.path, seen.line)))
        return out
