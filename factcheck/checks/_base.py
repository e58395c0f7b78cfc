"""What checks share beyond their scope: a finding's fingerprint, the finding on one
claims record, and severity by the size of an error."""

from __future__ import annotations

import hashlib

from factcheck.evidence import Evidence, RawEvidence
from factcheck.model import Finding, Severity
from factcheck.phrases import Said
from factcheck.registry import Check


def record_finding(
    check: type[Check], path: str, line: int, record_id: str | None, severity: Severity,
    message: str | Said, *, evidence: Evidence | None = None, aspect: str = "",
) -> Finding:
    """A finding on one claims record, at its file and line (column 1), keyed for
    baselines by code, file and record id (never the line, which edits move);
    ``aspect`` tells apart two findings of one check on one record (the field at
    fault), so that each has its own fingerprint."""
    key = "|".join([check.code, path, record_id if record_id is not None else f"@{line}",
                    aspect])
    return Finding(
        code=check.code, name=check.name, severity=severity, path=path, line=line, column=1,
        message=message.english() if isinstance(message, Said) else message,
        said=message if isinstance(message, Said) else None,
        evidence=evidence or RawEvidence(), fingerprint=digest(key),
    )


def digest(key: str) -> str:
    """A finding's fingerprint: a short hash of its content key."""
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]


def graded(deviation: float) -> Severity:
    """Severity by the size of the error: under 1% it misleads nobody (info), 1-2% a
    little (warning), beyond that it is wrong (error)."""
    size = abs(deviation)
    return "info" if size < 0.01 else "warning" if size <= 0.02 else "error"
