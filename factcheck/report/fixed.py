"""What ``factcheck fix`` did, as lines for a person: each finding fixed, each file written,
then the findings that remain (as ``report.text`` prints findings) and a summary; for
``--diff``, what would be fixed.

``path:14:31: fixed FX001 (Rp 65 triliun)`` for every finding fixed, ``wrote
draft.fixed.docx`` for each draft's corrected copy, the remaining findings, and
``Fixed 2 findings in 2 files; 1 remains.``. Input text is escaped as in every report.

In another ``locale`` than English the words of these lines, the summary and the remaining
findings' messages are in that language (``factcheck.i18n``); the locations, codes and
corrections are as they are.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from factcheck.escaping import one_line
from factcheck.i18n import SOURCE_LOCALE, translations
from factcheck.i18n.messages import localised_findings
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


def render_fixed(result: Fixed, *, written: bool = True, locale: str = SOURCE_LOCALE) -> str:
    """The lines of a fix in ``locale``: what was fixed and written (``written``: the files
    were written; otherwise what would be), what remains, and the summary."""
    catalog = translations(locale)
    gettext, ngettext = catalog.gettext, catalog.ngettext
    lines = []
    for file in result.files:
        for finding in file.fixed:
            done = (gettext("fixed {code} ({correction})") if written
                    else gettext("would fix {code} ({correction})"))
            lines.append(f"{one_line(finding.path)}:{finding.line}:{finding.column}: "
                         + done.format(code=finding.code,
                                       correction=one_line(finding.suggestion or "")))
        if file.written and file.target != file.path:
            lines.append(f"{one_line(file.path)}: "
                         + gettext("wrote {file}").format(file=one_line(file.target)))
    lines.extend(finding_line(f, locale) for f in localised_findings(result.remaining, locale))
    fixed, files, left = len(result.fixed), len(result.files), len(result.remaining)
    findings = ngettext("{count} finding", "{count} findings", fixed).format(count=fixed)
    in_files = ngettext("{count} file", "{count} files", files).format(count=files)
    if not fixed:
        summary = gettext("Nothing to fix")
    elif written:
        summary = gettext("Fixed {findings} in {files}").format(findings=findings,
                                                               files=in_files)
    else:
        summary = gettext("Would fix {findings} in {files}").format(findings=findings,
                                                                   files=in_files)
    if left:
        summary += ngettext("; {count} remains.", "; {count} remain.", left).format(count=left)
    else:
        summary += "."
    return "\n".join([*lines, summary]) + "\n"
