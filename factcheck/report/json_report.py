"""Findings out: the ``audit --format json`` contract, version 2.

The contract (DESIGN.md): ``{"version": 2, "findings": [{"code", "name", "severity",
"message", "path", "line", "column", "end_line", "end_column", "figures", "suggestion",
"replacement", "evidence"}], "summary": {"errors", "warnings", "info", "documents",
"suppressed", "baselined"}}``. Version 2 added the exact edit (``end_line``,
``end_column``, ``replacement``: see ``model.FindingContract``); the fields of version 1
are unchanged. Findings keep the engine's order; a finding's ``fingerprint`` is for
baselines and is not written here. Text is UTF-8 as is, except control characters,
which are ``\\uXXXX`` escapes (:func:`factcheck.escaping.json_safe`).
``FindingsOutput.model_json_schema()`` is the JSON Schema of the format.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence

from pydantic import BaseModel, ConfigDict

from factcheck.escaping import json_safe
from factcheck.model import AuditResult, Finding, FindingContract, RuleInfo


class FindingRecord(FindingContract):
    """One finding as the JSON contract writes it."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class Summary(BaseModel):
    """How many findings of each severity, in how many documents, and how many were held back
    by suppressions and by the baseline."""

    model_config = ConfigDict(extra="forbid")

    errors: int
    warnings: int
    info: int
    documents: int
    suppressed: int
    baselined: int


class FindingsOutput(BaseModel):
    """The whole output of ``factcheck audit --format json``."""

    model_config = ConfigDict(extra="forbid")

    version: int = 2
    findings: list[FindingRecord]
    summary: Summary


def _record(finding: Finding) -> FindingRecord:
    return FindingRecord(**{k: getattr(finding, k) for k in FindingContract.model_fields})


def _summary(result: AuditResult) -> Summary:
    counts = result.counts()
    return Summary(errors=counts["error"], warnings=counts["warning"], info=counts["info"],
                   documents=result.document_count, suppressed=result.suppressed,
                   baselined=result.baselined)


def chunks(result: AuditResult, rules: Sequence[RuleInfo], color: bool = False,
           fail_on: str = "warning") -> Iterator[str]:
    """``render`` in pieces: the findings one at a time, as the whole would print them (two
    levels deep), so that a large archive's output is never held whole, nor its findings
    as records and dicts (``report.render_chunks`` writes them as they come)."""
    frame = FindingsOutput(findings=[], summary=_summary(result)).model_dump(mode="json")
    text = json.dumps(frame, ensure_ascii=False, allow_nan=False, indent=2) + "\n"
    if not result.findings:
        yield text
        return
    head, tail = text.split('  "findings": [],\n', 1)
    yield head + '  "findings": [\n'
    for index, finding in enumerate(result.findings):
        item = json.dumps(_record(finding).model_dump(mode="json"), ensure_ascii=False,
                          allow_nan=False, indent=2)
        yield ("    " if index == 0 else ",\n    ") + json_safe(item).replace("\n", "\n    ")
    yield "\n  ],\n" + tail


def render(result: AuditResult, rules: Sequence[RuleInfo], color: bool = False,
           fail_on: str = "warning") -> str:
    """``result`` as the JSON contract, indented by 2, UTF-8 as is, with a final newline."""
    return "".join(chunks(result, rules, color))
