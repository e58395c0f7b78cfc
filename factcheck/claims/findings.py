"""Findings about claims records: anchored at a record's file and line (column 1), keyed
for baselines by check code, file and record id (never the line, which edits move)."""

from __future__ import annotations

import hashlib
from typing import TYPE_CHECKING, Any

from factcheck.model import Finding, Severity

if TYPE_CHECKING:
    from factcheck.engine.registry import Check


def record_finding(
    check: type[Check], path: str, line: int, record_id: str | None, severity: Severity,
    message: str, *, evidence: dict[str, Any] | None = None, aspect: str = "",
) -> Finding:
    """A finding on one record; ``aspect`` tells apart two findings of one check on one
    record (the field at fault), so that each has its own fingerprint."""
    key = "|".join([check.code, path, record_id if record_id is not None else f"@{line}",
                    aspect])
    return Finding(
        code=check.code, name=check.name, severity=severity, message=message, path=path,
        line=line, column=1, evidence=dict(evidence or {}),
        fingerprint=hashlib.sha256(key.encode("utf-8")).hexdigest()[:16],
    )
