"""The checks by stable code: every module of ``factcheck/checks/`` imported once, its
checks registered (``checks._base.register``), and what reports say of each."""

from __future__ import annotations

import importlib
import pkgutil
from functools import cache

import factcheck.checks as package
from factcheck.checks._base import REGISTRY, Check, CheckOptions, register
from factcheck.model import RuleInfo, Severity

__all__ = ["Check", "CheckOptions", "all_checks", "register", "rule_info"]


@cache
def all_checks() -> dict[str, type[Check]]:
    """Every check, imported once, sorted by code."""
    for module in pkgutil.iter_modules(package.__path__):
        if not module.name.startswith("_"):
            importlib.import_module(f"{package.__name__}.{module.name}")
    return dict(sorted(REGISTRY.items()))


def rule_info(code: str, severity: Severity | None = None) -> RuleInfo:
    check = all_checks()[code]
    return RuleInfo(code=code, name=check.name, summary=check.summary(), doc=check.doc(),
                    severity=severity or check.default_severity)
