"""Auditing claims data: every record is checked like a small document, the records of one
source are held together like one article, and the whole table across sources.

- A file that cannot be parsed is IN001; a record that fails the schema is CL001 (file,
  line, field); duplicate ids CL002; dates out of order CL003.
- The records of one source, file and publication date form one document: the document
  checks (FX001-FX005, UN001, ...) run on their figures unchanged, so four conversions of
  one article in four records are held to one rate as they would be in the article.
- The cross-source checks (XS001-XS003) group the table of all records with pandas.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from itertools import groupby
from pathlib import Path
from typing import TYPE_CHECKING

from factcheck.engine.context import DocumentContext
from factcheck.engine.registry import all_checks
from factcheck.engine.suppress import is_suppressed, markers
from factcheck.model import Anchor, Document, Figure, Finding

if TYPE_CHECKING:
    from factcheck.claims.validate import LoadedRecord
    from factcheck.engine.runner import AuditSettings

TABLE_CHECKS = ("CL001", "CL002", "CL003", "XS001", "XS002", "XS003")


def audit_claim_files(paths: Sequence[Path | str], setup: AuditSettings) -> tuple[
        list[Finding], int, int]:
    """(findings, records read, suppressed) of the claims files under ``paths``."""
    from factcheck.checks.claim_dates import ClaimDateOrder
    from factcheck.checks.claim_duplicate import DuplicateClaimId
    from factcheck.checks.claim_invalid import InvalidClaimRecord
    from factcheck.checks.unreadable import UnreadableInput
    from factcheck.claims.loaders import iter_claim_files, load_claims
    from factcheck.claims.validate import ClaimError

    rules = setup.pack.rules
    records: list[LoadedRecord] = []
    findings: list[Finding] = []
    for path in iter_claim_files(paths):
        loaded, errors = load_claims(path)
        records.extend(loaded)
        bad_records = [e for e in errors if isinstance(e, ClaimError)]
        unreadable = [e for e in errors if not isinstance(e, ClaimError)]
        if rules["CL001"].enabled:
            findings.extend(InvalidClaimRecord.findings(bad_records))
        if rules["IN001"].enabled:
            findings.extend(UnreadableInput.finding(e) for e in unreadable)
    if not records:
        return findings, 0, 0
    if rules["CL002"].enabled:
        findings.extend(DuplicateClaimId.findings(records))
    if rules["CL003"].enabled:
        findings.extend(ClaimDateOrder.findings(records))
    suppressed = 0
    for ctx in source_documents(records, setup):
        found, hidden = _document_findings(ctx, setup)
        findings.extend(found)
        suppressed += hidden
    findings.extend(_table_findings(records, setup))
    return _graded(findings, setup), len(records), suppressed


def source_documents(
    records: Sequence[LoadedRecord], setup: AuditSettings
) -> Iterable[DocumentContext]:
    """One context per (source, publication date), whatever files its records are in:
    its records' figures together, each reporting its own file and line."""
    from factcheck.claims.records import record_document

    def key(r: LoadedRecord) -> tuple[str, str]:
        return (r.record.source_name, r.record.published.isoformat())

    for _, group in groupby(sorted(records, key=key), key=key):
        parts = [record_document(r, setup.pack.extraction) for r in group]
        yield combined(parts, setup)


def combined(parts: list[tuple[Document, tuple[Figure, ...]]], setup: AuditSettings
             ) -> DocumentContext:
    """Several record documents as one: texts joined, figure ids made unique, every figure
    still reporting its own record's line."""
    texts, figures, anchors, offset = [], [], [], 0
    paths: dict[str, str] = {}
    for index, (doc, figs) in enumerate(parts):
        prefix = f"r{index + 1}"
        for anchor in doc.anchors:
            anchors.append(Anchor(offset=anchor.offset + offset, line=anchor.line,
                                  column=anchor.column))
        for f in figs:
            paths[f"{prefix}{f.id}"] = doc.path
            figures.append(f.model_copy(update={
                "id": f"{prefix}{f.id}", "start": f.start + offset, "end": f.end + offset,
                "equivalent_of": f"{prefix}{f.equivalent_of}" if f.equivalent_of else None,
                "sentence": index}))
        texts.append(doc.text)
        offset += len(doc.text) + 1
    first = parts[0][0]
    document = first.model_copy(update={"text": "\n".join(texts), "anchors": tuple(anchors)})
    return DocumentContext(document, tuple(figures), setup.rates, paths=paths)


def _document_findings(ctx: DocumentContext, setup: AuditSettings) -> tuple[list[Finding], int]:
    checks = all_checks()
    found: list[Finding] = []
    for code, rule in setup.pack.rules.items():
        if rule.enabled and code not in TABLE_CHECKS and code != "IN001":
            found.extend(checks[code]().run(ctx, rule.options))
    marks = markers(ctx.document) if found else {}
    kept = [f for f in found if not is_suppressed(f, marks)]
    return kept, len(found) - len(kept)


def _table_findings(records: Sequence[LoadedRecord], setup: AuditSettings) -> list[Finding]:
    from factcheck.checks.cross_period import CrossSourcePeriodMismatch
    from factcheck.checks.cross_rate import CrossSourceRateMismatch
    from factcheck.checks.cross_value import CrossSourceValueMismatch
    from factcheck.claims.records import record_frame

    rules = setup.pack.rules
    frame = record_frame(records)
    out: list[Finding] = []
    if rules["XS001"].enabled:
        out.extend(CrossSourceValueMismatch.findings(frame, setup.rates))
    if rules["XS002"].enabled:
        out.extend(CrossSourceRateMismatch.findings(frame, setup.rates))
    if rules["XS003"].enabled:
        out.extend(CrossSourcePeriodMismatch.findings(frame, setup.rates))
    return out


def _graded(findings: list[Finding], setup: AuditSettings) -> list[Finding]:
    """The pack's severity where it sets one."""
    out = []
    for f in findings:
        severity = setup.pack.rules[f.code].severity if f.code in setup.pack.rules else "auto"
        out.append(f if severity == "auto" else f.model_copy(update={"severity": severity}))
    return out
