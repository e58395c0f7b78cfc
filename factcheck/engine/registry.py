"""The registry of checks by stable code, and the base every check derives from.

A check is a class in one module of ``factcheck/checks/``; the module's docstring, in the
fixed sections What it flags / Why it matters / Example / Options, is its documentation
(``factcheck rules CODE`` prints it). Codes are stable: a duplicate code is refused.
"""

from __future__ import annotations

import importlib
import pkgutil
import sys
from collections.abc import Iterable
from functools import cache
from typing import TYPE_CHECKING, Any, ClassVar

from pydantic import BaseModel, ConfigDict

from factcheck.model import Finding, RuleInfo, Severity

if TYPE_CHECKING:
    from factcheck.engine.context import DocumentContext


class CheckOptions(BaseModel):
    """Options of a check; a pack that names an unknown option is an error."""

    model_config = ConfigDict(extra="forbid", frozen=True)


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


class InputCheck(Check):
    """A check of the inputs or of the claims table as a whole (IN001, CL001-CL003,
    XS001-XS003): it finds nothing in one document; the engine calls its own
    ``findings``/``finding`` class methods with what it needs."""

    def run(self, ctx: DocumentContext, options: Any) -> Iterable[Finding]:
        return ()


REGISTRY: dict[str, type[Check]] = {}


def register(check: type[Check]) -> type[Check]:
    """Class decorator: add a check under its code, refusing a code that is taken."""
    if check.code in REGISTRY and REGISTRY[check.code] is not check:
        raise ValueError(f"duplicate check code {check.code}: {REGISTRY[check.code].__name__} "
                         f"and {check.__name__}")
    REGISTRY[check.code] = check
    return check


@cache
def all_checks() -> dict[str, type[Check]]:
    """Every check, imported once, sorted by code."""
    import factcheck.checks as package

    for module in pkgutil.iter_modules(package.__path__):
        if not module.name.startswith("_"):
            importlib.import_module(f"{package.__name__}.{module.name}")
    return dict(sorted(REGISTRY.items()))


def rule_info(code: str, severity: Severity | None = None) -> RuleInfo:
    check = all_checks()[code]
    return RuleInfo(code=code, name=check.name, summary=check.summary(), doc=check.doc(),
                    severity=severity or check.default_severity)
