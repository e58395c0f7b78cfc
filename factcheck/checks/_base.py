"""What every check is made of: its code, name, options and documentation, the registry
that refuses a duplicate code, and the findings it builds.

A check is a class in one module of ``factcheck/checks/``; the module's docstring, in the
fixed sections What it flags / Why it matters / Example / Options, is its documentation
(``factcheck rules CODE`` prints it). Codes are stable: a duplicate code is refused.
"""

from __future__ import annotations

import hashlib
import sys
from collections.abc import Iterable
from typing import Any, ClassVar

from pydantic import BaseModel, ConfigDict, field_validator

from factcheck.analyse.context import DocumentContext
from factcheck.analyse.edits import figure_end, replacement
from factcheck.model import Figure, Finding, Severity


class CheckOptions(BaseModel):
    """Options of a check; a pack that names an unknown option is an error. Options are
    strict: a number is a finite number, never a boolean or a string, and not negative
    (every option is a tolerance, a share, a count or a number of days)."""

    model_config = ConfigDict(extra="forbid", frozen=True, strict=True, allow_inf_nan=False)

    @field_validator("*")
    @classmethod
    def _not_negative(cls, value: object) -> object:
        if isinstance(value, int | float) and not isinstance(value, bool) and value < 0:
            raise ValueError(f"must not be negative (got {value})")
        return value


class Check:
    """A rule's code: subclasses set ``code``, ``name``, ``Options`` and implement ``run``."""

    code: ClassVar[str]
    name: ClassVar[str]
    default_severity: ClassVar[Severity] = "warning"
    Options: ClassVar[type[CheckOptions]] = CheckOptions

    def run(self, ctx: DocumentContext, options: Any) -> Iterable[Finding]:
        raise NotImplementedError

    @classmethod
    def doc(cls) -> str:
        module = sys.modules[cls.__module__]
        return (module.__doc__ or "").strip()

    @classmethod
    def summary(cls) -> str:
        """The first line of the documentation, without its "CODE name:" lead."""
        first = cls.doc().splitlines()[0] if cls.doc() else cls.name
        lead = f"{cls.code} {cls.name}:"
        return first[len(lead):].strip() if first.startswith(lead) else first.strip()

    def finding(
        self, ctx: DocumentContext, at: Figure, severity: Severity, message: str, *,
        figures: tuple[Figure, ...] = (), suggestion: str | None = None,
        evidence: dict[str, object] | None = None, corrects: bool = True,
    ) -> Finding:
        """A finding anchored at a figure, keyed for baselines by its content. ``corrects``:
        the suggestion is the anchored figure corrected, so it is the finding's exact edit
        where the file allows one (``analyse.edits``); False when it is only a hint."""
        involved = figures or (at,)
        end = figure_end(ctx.document, at)
        path = ctx.paths.get(at.id, ctx.document.path)
        key = "|".join([self.code, path,
                         *sorted(f"{f.kind}:{f.currency}:{f.unit}:{f.value:.6g}"
                                 for f in involved)])
        return Finding(
            code=self.code, name=self.name, severity=severity, message=message,
            path=path, line=at.line, column=at.column,
            end_line=end[0] if end else None, end_column=end[1] if end else None,
            figures=tuple(f.id for f in involved), suggestion=suggestion,
            replacement=replacement(ctx.document, at, suggestion) if corrects else None,
            evidence=dict(evidence or {}), fingerprint=_digest(key),
        )

    @classmethod
    def record_finding(
        cls, path: str, line: int, record_id: str | None, severity: Severity, message: str, *,
        evidence: dict[str, Any] | None = None, aspect: str = "",
    ) -> Finding:
        """A finding on one claims record, at its file and line (column 1), keyed for
        baselines by code, file and record id (never the line, which edits move);
        ``aspect`` tells apart two findings of one check on one record (the field at
        fault), so that each has its own fingerprint."""
        key = "|".join([cls.code, path, record_id if record_id is not None else f"@{line}",
                        aspect])
        return Finding(
            code=cls.code, name=cls.name, severity=severity, message=message, path=path,
            line=line, column=1, evidence=dict(evidence or {}), fingerprint=_digest(key),
        )

    @classmethod
    def row_finding(cls, row: Any, severity: Severity, message: str, evidence: dict[str, Any]
                    ) -> Finding:
        """A finding on a row of the claims table (``path``, ``line`` and ``id`` columns)."""
        key = f"{cls.code}|{row.path}|{row.id}"
        return Finding(
            code=cls.code, name=cls.name, severity=severity, message=message, path=row.path,
            line=int(row.line), column=1, evidence=evidence, fingerprint=_digest(key),
        )

    @classmethod
    def ignored(cls, row: Any) -> bool:
        """Whether a row of the claims table ignores this check (its ``ignore`` codes)."""
        codes = row.ignore if isinstance(row.ignore, (list, tuple, frozenset, set)) else ()
        return cls.code in codes


class InputCheck(Check):
    """A check of the inputs or of the claims table as a whole (IN001, CL001-CL003,
    XS001-XS003): it finds nothing in one document; the engine calls its own
    ``findings``/``finding`` class methods with what it needs."""

    def run(self, ctx: DocumentContext, options: Any) -> Iterable[Finding]:
        return ()


def _digest(key: str) -> str:
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]


def graded(deviation: float) -> Severity:
    """Severity by the size of the error: under 1% it misleads nobody (info), 1-2% a
    little (warning), beyond that it is wrong (error)."""
    size = abs(deviation)
    return "info" if size < 0.01 else "warning" if size <= 0.02 else "error"


REGISTRY: dict[str, type[Check]] = {}


def register(check: type[Check]) -> type[Check]:
    """Class decorator: add a check under its code, refusing a code that is taken."""
    if check.code in REGISTRY and REGISTRY[check.code] is not check:
        raise ValueError(f"duplicate check code {check.code}: {REGISTRY[check.code].__name__} "
                         f"and {check.__name__}")
    REGISTRY[check.code] = check
    return check
