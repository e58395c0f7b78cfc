"""The audit as Markdown for a pull-request comment (``render`` is the ``markdown``
reporter).

A summary table (one row per file: figures by status, findings by severity, checks), then
per file a ``<details>`` block listing its findings, each with its correction and its
arithmetic (:mod:`factcheck.report.explain`). Text from the input, file names included,
is escaped: HTML special characters become entities, Markdown's inline markers (and
``$``, which GitHub reads as maths) are backslashed, line breaks become spaces and other
control characters visible escapes (``\\x1b``), so an article can neither inject HTML,
links or emphasis nor start a list, heading or table row, nor leave the ``<summary>`` of
its file. What GitHub would link by itself (``https://``, ``www.``, an address with
``@``) is broken by an entity (``&#58;``, ``&#46;``, ``&#64;``) that reads the same: a
source's name or URL is shown, never made a link.

In another ``locale`` than English (``render_localised``) the labels are the locale's,
through the catalogs the HTML page's labels come from, and the arithmetic's numbers and
dates are written as the locale writes them (:mod:`factcheck.report.explain`).
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from gettext import NullTranslations

from factcheck.escaping import one_line
from factcheck.i18n import SOURCE_LOCALE, translations
from factcheck.model import AuditResult, Finding, RuleInfo
from factcheck.report.explain import explain
from factcheck.report.status import figure_names
from factcheck.report.view import DocView, document_view

_MARKDOWN = re.compile(r"([\\`*_\[\]|~$])")
_AUTOLINK = re.compile(r"(:)(?=//)|(?<=www)(\.)|(@)", re.IGNORECASE)
_ENTITIES = {":": "&#58;", ".": "&#46;", "@": "&#64;"}
SEVERITIES = ("error", "warning", "info")


def _one_line(text: object) -> str:
    return one_line(" ".join(str(text).split()))


def escape(text: object) -> str:
    """``text`` safe inside a Markdown paragraph, table cell or list item."""
    out = _MARKDOWN.sub(r"\\\1", html.escape(_one_line(text), quote=False))
    return _AUTOLINK.sub(lambda m: _ENTITIES[m.group()], out)


def escape_path(path: str) -> str:
    """A file name inside an HTML block (``<summary>``), where Markdown is not read: on one
    line, its line breaks shown as ``\\n`` (a blank line would end the block), HTML special
    characters as entities."""
    return _AUTOLINK.sub(lambda m: _ENTITIES[m.group()], html.escape(one_line(path)))


def _counts(findings: Sequence[Finding], catalog: NullTranslations) -> str:
    errors, warnings, infos = (sum(1 for f in findings if f.severity == s) for s in SEVERITIES)
    return _totals(errors, warnings, infos, catalog)


def _totals(errors: int, warnings: int, infos: int, catalog: NullTranslations) -> str:
    ngettext, _ = catalog.ngettext, catalog.gettext
    return ", ".join((ngettext("%(num)s error", "%(num)s errors", errors) % {"num": errors},
                      ngettext("%(num)s warning", "%(num)s warnings", warnings)
                      % {"num": warnings},
                      _("%(num)s info") % {"num": infos}))


def _finding(f: Finding, names: dict[str, str], original: str | None, unit: str,
             locale: str) -> list[str]:
    _ = translations(locale).gettext
    where = _("line %(line)s") % {"line": f.line} + (f":{f.column}" if f.column else "")
    severity = {"error": _("error"), "warning": _("warning"), "info": _("info")}[f.severity]
    lines = [f"- **{severity} {escape(f.code)}** {escape(f.name)}, {where}: "
             f"{escape(f.message)}"]
    if f.suggestion is not None:
        fix = f"**{escape(f.suggestion)}**"
        if original:
            fix = f"~~{escape(original)}~~ → {fix}"
        correction = _("{label}:").format(label=_("Correction"))
        lines.append(f"  - **{correction}** {fix}")
    for label, value in explain(f, names, unit, locale):
        labelled = _("{label}:").format(label=escape(_(label)))
        lines.append(f"  - {labelled} {escape(value)}")
    return lines


def _doc_findings(view: DocView, locale: str) -> list[str]:
    names = figure_names(view.result.figures)
    by_id = {f.id: f for f in view.result.figures}
    lines = []
    for v in view.findings:
        anchor = next((by_id[i] for i in v.finding.figures if i in by_id), None)
        unit = (anchor.currency or anchor.unit or "") if anchor else ""
        lines += _finding(v.finding, names, v.original, unit, locale)
    return lines


def _heading(result: AuditResult, articles: int, others: int,
             catalog: NullTranslations) -> list[str]:
    ngettext, _ = catalog.ngettext, catalog.gettext
    counts = result.counts()
    totals = (f"**{_totals(counts['error'], counts['warning'], counts['info'], catalog)}** "
              + ngettext("in %(num)s article", "in %(num)s articles", articles)
              % {"num": articles} + " "
              + ngettext("and %(num)s other file", "and %(num)s other files", others)
              % {"num": others})
    if result.suppressed or result.baselined:
        totals += "; " + _("%(suppressed)s suppressed inline, %(baselined)s in the baseline") % {
            "suppressed": result.suppressed, "baselined": result.baselined}
    statuses = " / ".join((_("finding"), _("fine"), _("not checked")))
    columns = (_("File"), _("Figures") + f" ({statuses})", _("Errors"), _("Warnings"),
               _("Info"), _("Checks"))
    title = _("factcheck report")
    return [f"## {title}", "", totals, "", f"| {' | '.join(columns)} |",
            "|---|---:|---:|---:|---:|---|"]


def render_localised(result: AuditResult, rules: Sequence[RuleInfo],
                     locale: str = SOURCE_LOCALE) -> str:
    """The Markdown summary of ``result`` with its labels, numbers and dates in ``locale``."""
    catalog = translations(locale)
    by_path: dict[str, list[Finding]] = {}
    for finding in result.findings:
        by_path.setdefault(finding.path, []).append(finding)
    articles = {d.document.path: d for d in result.documents}
    paths = sorted(set(by_path) | set(articles))
    out = _heading(result, len(articles), len(paths) - len(articles), catalog)
    views: dict[str, DocView] = {}
    for index, path in enumerate(paths, 1):
        found = by_path.get(path, [])
        figures = catalog.gettext("no article text")
        if path in articles:
            views[path] = view = document_view(index, articles[path], found, locale)
            c = view.status_counts()
            figures = f"{len(view.marks)} ({c['finding']} / {c['fine']} / {c['unchecked']})"
        sev = [str(sum(1 for f in found if f.severity == s)) for s in SEVERITIES]
        codes = " ".join(sorted({escape(f.code) for f in found}))
        out.append(f"| {escape(one_line(path))} | {figures} | {' | '.join(sev)} | {codes} |")
    for path in paths:
        found = by_path.get(path, [])
        if not found:
            continue
        summary = f"<code>{escape_path(path)}</code>: {_counts(found, catalog)}"
        body = (_doc_findings(views[path], locale) if path in views
                else [line for f in found for line in _finding(f, {}, None, "", locale)])
        out += ["", "<details>", f"<summary>{summary}</summary>", "", *body, "", "</details>"]
    if not result.findings:
        out += ["", catalog.gettext("No findings.")]
    return "\n".join(out) + "\n"


def render(result: AuditResult, rules: Sequence[RuleInfo], color: bool = False,
           fail_on: str = "warning") -> str:
    """The ``markdown`` reporter: :func:`render_localised` in English."""
    return render_localised(result, rules)
