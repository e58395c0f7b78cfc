"""Calling factcheck through its public API, without letting one text stop a benchmark."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

import factcheck
from factcheck.api import audit_text
from factcheck.model import Figure, Finding, Lang

ALARM = frozenset({"warning", "error"})  # the severities that count as an alarm
FX_CODES = frozenset({"FX001", "FX002", "FX003", "FX004", "FX005"})

Auditor = Callable[[str, Lang, date | None, str | None], Sequence[Finding]]


def default_auditor() -> Auditor:
    """``factcheck.api.audit_text`` with the default rule pack and rates."""

    def audit(text: str, lang: Lang, published: date | None, source: str | None) -> Any:
        return audit_text(text, lang, published=published, source=source)

    return audit


def extract(
    text: str, lang: Lang, published: date | None, source: str | None = None
) -> tuple[Figure, ...]:
    """``factcheck.extract_text``: the figures of one text."""
    figures: tuple[Figure, ...] = tuple(
        factcheck.extract_text(text, lang, published=published, source=source)
    )
    return figures


@dataclass
class Audited:
    """What the auditor said about one text (or the exception it raised)."""

    findings: tuple[Finding, ...] = ()
    error: str | None = None

    @property
    def alarms(self) -> list[Finding]:
        return [f for f in self.findings if f.severity in ALARM]


def audit_safely(
    auditor: Auditor, text: str, lang: Lang, published: date | None, source: str | None = None
) -> Audited:
    try:
        return Audited(tuple(auditor(text, lang, published, source)))
    except Exception as exc:  # one failing text must not stop the benchmark
        return Audited(error=f"{type(exc).__name__}: {exc}")


def describe_finding(finding: Finding) -> str:
    text = (
        f"{finding.line}:{finding.column} {finding.severity} {finding.code} "
        f"[{','.join(finding.figures)}] {finding.message}"
    )
    return text + (f" -> {finding.suggestion}" if finding.suggestion else "")


def finding_dict(finding: Finding) -> dict[str, Any]:
    return {
        "code": finding.code,
        "severity": finding.severity,
        "line": finding.line,
        "figures": list(finding.figures),
        "message": finding.message,
        "suggestion": finding.suggestion,
    }


def line_of(text: str, offset: int) -> int:
    """1-based line number of a text offset."""
    return text.count("\n", 0, offset) + 1


def figure_at(figures: Sequence[Figure], span: tuple[int, int]) -> Figure | None:
    """The extracted figure on a span: the one starting there, else the largest overlap."""
    best: tuple[int, Figure] | None = None
    for fig in figures:
        shared = min(fig.end, span[1]) - max(fig.start, span[0])
        if shared <= 0:
            continue
        score = shared + (10**6 if fig.start == span[0] else 0)
        if best is None or score > best[0]:
            best = (score, fig)
    return None if best is None else best[1]
