"""Running checks: the one loop that finds the enabled checks of a scope in the registry,
runs each on its subject with the pack's options and gives its findings the pack's
severity (a check grades its own under ``auto``).

- documents (``document_findings``): the findings an article or a source's records give,
  less those suppressed inline (``<!-- factcheck: ignore CODE -->``), quoting their
  paragraph where the document asks for it (``engine.citing``);
- claims records and the claims table (``run_checks`` with ``RecordsCheck`` or
  ``TableCheck``);
- inputs that could not be read or validated (``input_findings``).

``quiet_records`` asks the document checks which claims records none of them can find
anything on, so that no document is built for those.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from typing import TYPE_CHECKING, TypeVar

from factcheck.analyse.context import DocumentContext
from factcheck.checks._scopes import DocumentCheck, InputCheck, ScopedCheck
from factcheck.engine.citing import cite_paragraphs
from factcheck.engine.packs import Pack, Rule
from factcheck.engine.suppress import is_suppressed, markers
from factcheck.errors import InputError
from factcheck.model import Finding
from factcheck.registry import all_checks

if TYPE_CHECKING:
    from factcheck.analyse.records import Mask, RecordConversions

S = TypeVar("S")
C = TypeVar("C", bound=ScopedCheck)  # type: ignore[type-arg]


def enabled(pack: Pack, scope: type[C], only: Collection[str] | None = None
            ) -> list[tuple[type[C], Rule]]:
    """The checks of ``scope`` the pack enables (those among ``only`` if given), in the
    pack's order."""
    checks = all_checks()
    out = []
    for code, rule in pack.rules.items():
        check = checks[code]
        if rule.enabled and issubclass(check, scope) and (only is None or code in only):
            out.append((check, rule))
    return out


def graded(finding: Finding, rule: Rule) -> Finding:
    """The finding at the pack's severity for its rule (its own under ``auto``)."""
    if rule.severity == "auto":
        return finding
    return finding.model_copy(update={"severity": rule.severity})


def run_checks(pack: Pack, scope: type[ScopedCheck[S]], subject: S,
               only: Collection[str] | None = None) -> list[Finding]:
    """The findings of the enabled checks of ``scope`` on ``subject``."""
    found: list[Finding] = []
    for check, rule in enabled(pack, scope, only):
        found.extend(graded(f, rule) for f in check().run(subject, rule.options))
    return found


def document_findings(ctx: DocumentContext, pack: Pack, only: Collection[str] | None = None
                      ) -> tuple[list[Finding], int]:
    """The findings of one document, and how many were suppressed inline. The context
    learns which checks are enabled, so that a check's reading hides another's finding
    only when that check runs. ``only``: the enabled checks that may find something in
    it (the others said in advance that they find nothing; every one when None)."""
    ctx.checks = {check.code: rule.options for check, rule in enabled(pack, DocumentCheck)}
    found = run_checks(pack, DocumentCheck, ctx, only)
    marks = markers(ctx.document) if found else {}
    kept = [f for f in found if not is_suppressed(f, marks)]
    return cite_paragraphs(ctx, kept), len(found) - len(kept)


def input_findings(errors: Sequence[InputError], pack: Pack) -> list[Finding]:
    """The findings of the inputs that could not be read or validated."""
    return run_checks(pack, InputCheck, errors) if errors else []


def quiet_records(records: RecordConversions, pack: Pack) -> Mask:
    """The claims records every enabled document check says it finds nothing on (see
    ``DocumentCheck.quiet_records``)."""
    import numpy as np  # deferred, like pandas: loaded only when claims are audited

    quiet = np.ones(len(records.frame), dtype=bool)
    for said in quiet_by_check(records, pack).values():
        quiet &= said
    return quiet


def quiet_by_check(records: RecordConversions, pack: Pack) -> dict[str, Mask]:
    """Per enabled document check, the claims records it says it finds nothing on (none
    for a check that does not say)."""
    import numpy as np

    quiet: dict[str, Mask] = {}
    for check, rule in enabled(pack, DocumentCheck):
        said = check.quiet_records(records, rule.options)
        quiet[check.code] = np.zeros(len(records.frame), dtype=bool) if said is None else said
    return quiet
