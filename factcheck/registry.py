"""The checks by stable code: what every check is made of (its code, name, options and
documentation), the registry each check module adds its checks to (``register``, which
refuses a code that is taken), and the discovery that imports every module of
``factcheck/checks/`` once (``all_checks``).

The registry sits below the checks it names: it finds their modules by name at run time,
the way a plugin registry does, so that whatever needs the set of checks (the engine,
the claims schema refusing an unknown code, the reports' rule texts) depends on this
module and not on the checks, and no package imports one that imports it back. A check's
module docstring, in the fixed sections What it flags / Why it matters / Example /
Options, is its documentation (``factcheck rules CODE`` prints it). What a check reads,
and how the engine runs it, is its scope (``checks._scopes``).
"""

from __future__ import annotations

import importlib
import importlib.util
import pkgutil
import sys
from functools import cache
from typing import ClassVar, TypeVar

from pydantic import BaseModel, ConfigDict, field_validator

from factcheck.model import RuleInfo, Severity

CHECKS_PACKAGE = "factcheck.checks"


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
    #: Whether it always runs: a pack that disables it is refused.
    required: ClassVar[bool] = False
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


REGISTRY: dict[str, type[Check]] = {}


C = TypeVar("C", bound=type[Check])


def register(check: C) -> C:
    """Class decorator: add a check under its code, refusing a code that is taken."""
    if check.code in REGISTRY and REGISTRY[check.code] is not check:
        raise ValueError(f"duplicate check code {check.code}: {REGISTRY[check.code].__name__} "
                         f"and {check.__name__}")
    REGISTRY[check.code] = check
    return check


@cache
def all_checks() -> dict[str, type[Check]]:
    """Every check, its module imported once, sorted by code."""
    spec = importlib.util.find_spec(CHECKS_PACKAGE)
    for module in pkgutil.iter_modules(spec.submodule_search_locations if spec else []):
        if not module.name.startswith("_"):
            importlib.import_module(f"{CHECKS_PACKAGE}.{module.name}")
    return dict(sorted(REGISTRY.items()))


def rule_info(code: str, severity: Severity | None = None) -> RuleInfo:
    check = all_checks()[code]
    return RuleInfo(code=code, name=check.name, summary=check.summary(), doc=check.doc(),
                    severity=severity or check.default_severity)
