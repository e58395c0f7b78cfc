"""``--select`` and ``--ignore``: which checks' findings are reported, by code or prefix.

``select`` and ``ignore`` hold codes ("FX001"), prefixes ("FX", "FX00") or "ALL". A finding
is reported when its code matches a selected entry and no ignored one, unless the ignored
entry is less specific than the selected one it matches ("--select FX001 --ignore FX"
reports FX001), as in ruff. An entry that matches no check is a ``ConfigError``: a typo
must not silence a gate. The pack decides which checks run; this decides which findings
are shown, after the audit. A bug in the tool (IN002) is always shown.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from factcheck.codes import INTERNAL_ERROR_CODES
from factcheck.errors import ConfigError
from factcheck.model import AuditResult, Finding


def _specificity(entry: str, code: str) -> int:
    """How many characters of ``code`` the entry fixes, or -1 when it does not match."""
    if entry == "ALL":
        return 0
    return len(entry) if code.startswith(entry) else -1


def check_codes(entries: Iterable[str], known: Iterable[str], option: str) -> None:
    """Every entry matches at least one known code."""
    codes = list(known)
    for entry in entries:
        if not any(_specificity(entry, code) >= 0 for code in codes):
            raise ConfigError(f"{entry!r} matches no check; see `factcheck rules`",
                              field=option)


def reported(code: str, select: Sequence[str], ignore: Sequence[str]) -> bool:
    chosen = max((_specificity(e, code) for e in select), default=-1)
    dropped = max((_specificity(e, code) for e in ignore), default=-1)
    return chosen >= 0 and dropped < chosen


def select_findings(result: AuditResult, select: Sequence[str] = ("ALL",),
                    ignore: Sequence[str] = ()) -> AuditResult:
    """``result`` with only the findings of the selected, not ignored, codes, and those of
    a bug in the tool (IN002), which no filter hides."""
    if tuple(select) == ("ALL",) and not ignore:
        return result
    kept: tuple[Finding, ...] = tuple(f for f in result.findings
                                      if reported(f.code, select, ignore)
                                      or f.code in INTERNAL_ERROR_CODES)
    return result.model_copy(update={"findings": kept})
