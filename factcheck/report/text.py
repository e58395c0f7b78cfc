"""Findings as linter lines: ``path:line:col: severity CODE message (suggestion: ...)``.

A blank line and a summary line follow: ``2 errors, 1 warning, 0 info in 3 documents``,
with ``; 3 suppressed, 2 in baseline`` when the engine held findings back. Text from the
input is printed as it is, except that line breaks and other control characters are
shown as escapes (``\\n``, ``\\x1b``; :func:`factcheck.escaping.one_line`), so that one
finding stays one line and nothing from an article can move the cursor or recolour a
terminal. With ``color`` the same lines are styled with rich (input text is never read
as markup), and a summary table comes before the summary line.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import TYPE_CHECKING

from factcheck.escaping import one_line
from factcheck.i18n import SOURCE_LOCALE, translations
from factcheck.model import AuditResult, Finding, RuleInfo

if TYPE_CHECKING:
    from rich.text import Text

_STYLES = {"error": "bold red", "warning": "yellow", "info": "cyan"}


def summary_line(result: AuditResult, locale: str = SOURCE_LOCALE) -> str:
    """``N errors, M warnings, K info in D documents[ and R claims records][; S
    suppressed, B in baseline]``, in ``locale``."""
    catalog = translations(locale)
    gettext, ngettext = catalog.gettext, catalog.ngettext
    counts = result.counts()
    line = gettext("{errors}, {warnings}, {info} in {documents}").format(
        errors=ngettext("{count} error", "{count} errors", counts["error"]).format(
            count=counts["error"]),
        warnings=ngettext("{count} warning", "{count} warnings", counts["warning"]).format(
            count=counts["warning"]),
        info=ngettext("{count} info", "{count} info", counts["info"]).format(
            count=counts["info"]),
        documents=ngettext("{count} document", "{count} documents",
                           result.document_count).format(count=result.document_count))
    if result.records:
        line += gettext(" and {records}").format(records=ngettext(
            "{count} claims record", "{count} claims records", result.records).format(
                count=result.records))
    held = []
    if result.suppressed:
        held.append(gettext("{count} suppressed").format(count=result.suppressed))
    if result.baselined:
        held.append(gettext("{count} in baseline").format(count=result.baselined))
    return f"{line}; {', '.join(held)}" if held else line


def finding_line(finding: Finding, locale: str = SOURCE_LOCALE) -> str:
    """One finding as a plain linter line, without a line break."""
    line = (f"{one_line(finding.path)}:{finding.line}:{finding.column}: "
            f"{finding.severity} {finding.code} {one_line(finding.message)}")
    if finding.suggestion is not None:
        line += " " + translations(locale).gettext("(suggestion: {suggestion})").format(
            suggestion=one_line(finding.suggestion))
    return line


def render(result: AuditResult, rules: Sequence[RuleInfo], color: bool = False,
           fail_on: str = "warning", locale: str = SOURCE_LOCALE) -> str:
    """The findings of ``result``, one per line, and the summary (its words and the
    suggestion's label in ``locale``)."""
    if color:
        return _render_color(result, locale)
    lines = [finding_line(f, locale) for f in result.findings]
    if lines:
        lines.append("")
    lines.append(summary_line(result, locale))
    return "".join(line + "\n" for line in lines)


def _styled(finding: Finding, locale: str) -> Text:
    from rich.text import Text

    style = _STYLES[finding.severity]
    line = Text()
    line.append(f"{one_line(finding.path)}:{finding.line}:{finding.column}:", style="bold")
    line.append(" ")
    line.append(finding.severity, style=style)
    line.append(" ")
    line.append(finding.code, style=f"{style} underline")
    line.append(" ")
    line.append(one_line(finding.message))
    if finding.suggestion is not None:
        before, _, after = translations(locale).gettext(
            "(suggestion: {suggestion})").partition("{suggestion}")
        line.append(" " + before)
        line.append(one_line(finding.suggestion), style="green")
        line.append(after)
    return line


def _render_color(result: AuditResult, locale: str) -> str:
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    buffer = io.StringIO()
    console = Console(file=buffer, width=100, force_terminal=True, color_system="standard",
                      highlight=False, markup=False, emoji=False, legacy_windows=False)
    for finding in result.findings:
        console.print(_styled(finding, locale), soft_wrap=True)
    if result.findings:
        console.print()
    counts = result.counts()
    gettext = translations(locale).gettext
    table = Table(title=gettext("factcheck audit"))
    table.add_column("", style="bold")
    table.add_column(gettext("count"), justify="right")
    rows = [(gettext("errors"), counts["error"], _STYLES["error"]),
            (gettext("warnings"), counts["warning"], _STYLES["warning"]),
            (gettext("info"), counts["info"], _STYLES["info"]),
            (gettext("documents"), result.document_count, ""),
            (gettext("claims records"), result.records, ""),
            (gettext("suppressed"), result.suppressed, "dim"),
            (gettext("in baseline"), result.baselined, "dim")]
    for label, count, style in rows:
        table.add_row(Text(label, style=style), Text(str(count)))
    console.print(table)
    console.print(Text(summary_line(result, locale), style="bold"), soft_wrap=True)
    return buffer.getvalue()
