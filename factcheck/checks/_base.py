"""What every check is made of: its code, name, options and documentation, and the
registry that refuses a duplicate code.

A check is a class in one module of ``factcheck/checks/``; the module's docstring, in the
fixed sections What it flags / Why it matters / Example / Options, is its documentation
(``factcheck rules CODE`` prints it). Codes are stable: a duplicate code is refused.
What a check reads, and how the engine runs it, is its scope (``checks._scopes``).
"""

from __future__ import annotations

import hashlib
import sys
from typing import Any, ClassVar, TypeVar

from pydantic import BaseModel, ConfigDict, field_validator

from factcheck.model import Finding, Severity


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
    """A rule's code: subclasses set ``code``, ``name``, ``Options`` and derive from the
    class of their scope (``checks._scopes``), whose ``run`` they implement."""

    code: ClassVar[str]
    name: ClassVar[str]
    default_severity: ClassVar[Severity] = "warning"
    Options: ClassVar[type[CheckOptions]] = CheckOptions

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
            line=line, column=1, evidence=dict(evidence or {}), fingerprint=digest(key),
        )


def digest(key: str) -> str:
    """A finding's fingerprint: a short hash of its content key."""
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]


def graded(deviation: float) -> Severity:
    """Severity by the size of the error: under 1% it misleads nobody (info), 1-2% a
    little (warning), beyond that it is wrong (error)."""
    size = abs(deviation)
    return "info" if size < 0.01 else "warning" if size <= 0.02 else "error"


REGISTRY: dict[str, type[Check]] = {}


C = TypeVar("C", bound=type[Check])


def register(check: C) -> C:
    """Class decorator: add a check under its code, refusing a code that is taken."""
    if check.code in REGISTRY and REGISTRY[check.code] is not check:
        raise ValueError(f"duplicate check code {check.code}: {REGISTRY[check.code].__name__} "
                         f"and {check.__name__}")
    REGISTRY[check.code] = check
    return check
