"""What ``factcheck fix`` did, as lines for a person: each finding fixed, each file written,
then the findings that remain (as ``report.text`` prints findings) and a summary; for
``--diff``, what would be fixed.

``path:14:31: fixed FX001 (Rp 65 triliun)`` for every finding fixed, ``wrote
draft.fixed.docx`` for each draft's corrected copy, the remaining findings, and
``Fixed 2 findings in 2 files; 1 remains.``. Input text is escaped as in every report.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from factcheck.escaping import one_line
from factcheck.model import Finding
from factcheck.report.text import finding_line


class FixedFile(Protocol):
    """What the report reads of a file fixed (``fixes.FileFix``)."""

    @property
    def path(self) -> str: ...
    @property
    def target(self) -> str: ...
    @property
    def fixed(self) -> tuple[Finding, ...]: ...
    @property
    def written(self) -> bool: ...


class Fixed(Protocol):
    """What the report reads of a fix (``fixes.FixResult``)."""

    @property
    def files(self) -> Sequence[FixedFile]: ...
    @property
    def fixed(self) -> tuple[Finding, ...]: ...
    @property
    def remaining(self) -> tuple[Finding, ...]: ...


def _count(number: int, word: str) -> str:
    return f"{number} {word}" if number == 1 else f"{number} {word}s"


def render_fixed(result: Fixed, *, written: bool = True) -> str:
    """The lines of a fix: what was fixed and written (``written``: the files were
    written; otherwise what would be), what remains, and the summary."""
    lines = []
    verb = "fixed" if written else "would fix"
    for file in result.files:
        for finding in file.fixed:
            lines.append(f"{one_line(finding.path)}:{finding.line}:{finding.column}: {verb} "
                         f"{finding.code} ({one_line(finding.suggestion or '')})")
        if file.written and file.target != file.path:
            lines.append(f"{one_line(file.path)}: wrote {one_line(file.target)}")
    lines.extend(finding_line(finding) for finding in result.remaining)
    fixed = len(result.fixed)
    summary = (f"{verb.capitalize()} {_count(fixed, 'finding')} in "
               f"{_count(len(result.files), 'file')}" if fixed else "Nothing to fix")
    left = len(result.remaining)
    summary += f"; {left} {'remains' if left == 1 else 'remain'}." if left else "."
    return "\n".join([*lines, summary]) + "\n"
