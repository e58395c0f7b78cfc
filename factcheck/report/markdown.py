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
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence

from factcheck.escaping import one_line
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


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" + ("" if count == 1 or word == "info" else "s")


def _counts(findings: Sequence[Finding]) -> str:
    parts = [_plural(sum(1 for f in findings if f.severity == s), s) for s in SEVERITIES]
    return ", ".join(parts)


def _finding(f: Finding, names: dict[str, str], original: str | None, unit: str) -> list[str]:
    where = f"line {f.line}" + (f":{f.column}" if f.column else "")
    lines = [f"- **{f.severity} {escape(f.code)}** {escape(f.name)}, {where}: {escape(f.message)}"]
    if f.suggestion is not None:
        fix = f"**{escape(f.suggestion)}**"
        if original:
            fix = f"~~{escape(original)}~~ → {fix}"
        lines.append(f"  - **Correction:** {fix}")
    for label, value in explain(f, names, unit):
        lines.append(f"  - {escape(label)}: {escape(value)}")
    return lines


def _doc_findings(view: DocView) -> list[str]:
    names = figure_names(view.result.figures)
    by_id = {f.id: f for f in view.result.figures}
    lines = []
    for v in view.findings:
        anchor = next((by_id[i] for i in v.finding.figures if i in by_id), None)
        unit = (anchor.currency or anchor.unit or "") if anchor else ""
        lines += _finding(v.finding, names, v.original, unit)
    return lines


def render(result: AuditResult, rules: Sequence[RuleInfo], color: bool = False,
           fail_on: str = "warning") -> str:
    """The Markdown summary of ``result``."""
    by_path: dict[str, list[Finding]] = {}
    for finding in result.findings:
        by_path.setdefault(finding.path, []).append(finding)
    articles = {d.document.path: d for d in result.documents}
    paths = sorted(set(by_path) | set(articles))
    counts = result.counts()
    out = ["## factcheck report", "",
           f"**{_plural(counts['error'], 'error')}, {_plural(counts['warning'], 'warning')}, "
           f"{counts['info']} info** in {_plural(len(articles), 'article')} and "
           f"{_plural(len(paths) - len(articles), 'other file')}"
           + (f"; {result.suppressed} suppressed inline, {result.baselined} in the baseline"
              if result.suppressed or result.baselined else ""), "",
           "| File | Figures (finding / fine / not checked) | Errors | Warnings | Info | Checks |",
           "|---|---:|---:|---:|---:|---|"]
    views: dict[str, DocView] = {}
    for index, path in enumerate(paths, 1):
        found = by_path.get(path, [])
        figures = "no article text"
        if path in articles:
            views[path] = view = document_view(index, articles[path], found)
            c = view.status_counts()
            figures = f"{len(view.marks)} ({c['finding']} / {c['fine']} / {c['unchecked']})"
        sev = [str(sum(1 for f in found if f.severity == s)) for s in SEVERITIES]
        codes = " ".join(sorted({escape(f.code) for f in found}))
        out.append(f"| {escape(one_line(path))} | {figures} | {' | '.join(sev)} | {codes} |")
    for path in paths:
        found = by_path.get(path, [])
        if not found:
            continue
        summary = f"<code>{escape_path(path)}</code>: {_counts(found)}"
        body = (_doc_findings(views[path]) if path in views
                else [line for f in found for line in _finding(f, {}, None, "")])
        out += ["", "<details>", f"<summary>{summary}</summary>", "", *body, "", "</details>"]
    if not result.findings:
        out += ["", "No findings."]
    return "\n".join(out) + "\n"
