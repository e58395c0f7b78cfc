"""The desk's work on a draft: its audit, and its corrections applied.

A draft is audited as ``factcheck audit`` audits a file of its name (the same pack and
rate table: those the desk was started with), from its bytes in memory; corrections are
those ``factcheck fix`` would apply (``factcheck.fixes``), of the findings the editor
accepted. A finding is named by its key, ``CODE:LINE:COLUMN`` (``finding_key``), which the
audit of the same draft gives again.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

from factcheck.desk.drafts import DraftRequest
from factcheck.documents.given import GivenInput
from factcheck.engine.settings import AuditJob
from factcheck.fixes import FixResult, fix_inputs
from factcheck.fixes.plan import fixed_by, planned_edits
from factcheck.model import AuditResult, Finding, Lang

#: The default cap on a request's body, in bytes (``--max-request-size``).
MAX_REQUEST_SIZE = 10 * 1024 * 1024


@dataclass(frozen=True)
class DeskSettings:
    """What the desk was started with: a rule pack and a rate table (None: the defaults),
    and the largest request it reads, in bytes."""

    rules: str | None = None
    rates: str | None = None
    max_request_size: int = MAX_REQUEST_SIZE


@dataclass(frozen=True)
class Corrected:
    """A draft with the accepted corrections applied (the draft as it was when none
    applies), and the fix that made it."""

    draft: GivenInput
    fix: FixResult


def finding_key(finding: Finding) -> str:
    """How a request names a finding: ``CODE:LINE:COLUMN``."""
    return f"{finding.code}:{finding.line}:{finding.column}"


def _job(request: DraftRequest, settings: DeskSettings) -> AuditJob:
    lang: Lang | None = None if request.lang == "auto" else request.lang
    return AuditJob(settings.rules, settings.rates, lang, request.published,
                    keep_documents=True, max_input_size=settings.max_request_size)


def audit_draft(draft: GivenInput, request: DraftRequest, settings: DeskSettings
                ) -> AuditResult:
    """The audit of ``draft``, with the request's language and publication date."""
    from factcheck.engine.audit import audit_inputs

    return audit_inputs([draft], _job(request, settings))


def correct_draft(draft: GivenInput, request: DraftRequest, settings: DeskSettings,
                  accept: Collection[str] | None) -> Corrected:
    """``draft`` with the corrections of the findings whose keys are in ``accept`` (all
    that can be made when None) applied."""
    chosen = None if accept is None else frozenset(accept)
    fix = fix_inputs([draft], _job(request, settings), write=False,
                     accept=None if chosen is None else lambda f: finding_key(f) in chosen)
    data = next((file.data for file in fix.files if file.path == draft.name), draft.data)
    return Corrected(GivenInput(draft.name, data), fix)


def fixable_keys(result: AuditResult) -> list[str]:
    """The keys of the findings whose correction can be applied, in the audit's order."""
    edits = [edit for edits in planned_edits(result).values() for edit in edits]
    fixable = {id(finding) for finding in fixed_by(edits)}
    return [finding_key(f) for f in result.findings if id(f) in fixable]
