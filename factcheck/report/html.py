"""The audit as one self-contained HTML page for editors (``render`` is the ``html``
reporter).

The page holds, for each article, its text with every figure marked by status (see
:mod:`factcheck.report.view`: has a finding, fine, not checked) and each finding beside
its paragraph with the arithmetic spelled out and the correction; for each claims file
(or unreadable input) a table of its findings. Charts are inline SVG drawn here
(:mod:`factcheck.report.charts`). Filters by severity and check are checkboxes that CSS
alone acts on: no script, no external URL, no web font. Templates are Jinja2 with
autoescaping, so every piece of input text is escaped; the input never becomes a link.
Every value a template prints first has its control characters (other than line breaks)
shown as escapes (``\\x1b``, :func:`factcheck.escaping.visible_controls`): HTML cannot
hold them, and a bidirectional override would reverse what follows it on screen.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING, Any

from factcheck.escaping import visible_controls
from factcheck.i18n import SOURCE_LOCALE, translations
from factcheck.i18n.check_docs import localised_rules
from factcheck.i18n.formats import format_day
from factcheck.model import SEVERITY_RANK, AuditResult, Finding, RuleInfo
from factcheck.report.charts import Chart, cross_source_charts, fx_charts
from factcheck.report.view import (
    DocView,
    FindingView,
    claims_views,
    document_view,
    slug,
)

if TYPE_CHECKING:
    from jinja2 import Environment

SEVERITIES = ("error", "warning", "info")


@dataclass
class FileSection:
    """One file of the report: an article (``view``) or a table of findings (``rows``)."""

    path: str
    anchor: str
    counts: dict[str, int]
    codes: list[str]
    view: DocView | None = None
    rows: list[FindingView] = field(default_factory=list)
    charts: list[Chart] = field(default_factory=list)

    @property
    def figures(self) -> dict[str, int] | None:
        return self.view.status_counts() if self.view else None


def _finalize(value: object) -> object:
    """A value as a template prints it: text with its control characters escaped, before
    autoescaping escapes its markup; markup of ours (the charts) as it is."""
    if isinstance(value, str) and not hasattr(value, "__html__"):
        return visible_controls(value)
    return value


@cache
def environment(locale: str = SOURCE_LOCALE) -> Environment:
    """The Jinja2 environment of the report templates in ``locale`` (its catalog for the
    labels, its formats for dates), autoescaping everything."""
    from jinja2 import Environment, PackageLoader, StrictUndefined  # deferred: html only

    env = Environment(loader=PackageLoader("factcheck.report", "templates"), autoescape=True,
                      undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True,
                      keep_trailing_newline=True, finalize=_finalize,
                      extensions=["jinja2.ext.i18n"])
    env.install_gettext_translations(translations(locale), newstyle=True)  # type: ignore[attr-defined]
    env.filters["slug"] = slug
    env.filters["day"] = lambda day: format_day(day, locale)
    # A label listed for the catalogs elsewhere (i18n.evidence_labels), translated as text.
    env.filters["translated"] = translations(locale).gettext
    return env


def _counts(findings: Sequence[Finding]) -> dict[str, int]:
    counts: Counter[str] = Counter(f.severity for f in findings)
    return {s: counts.get(s, 0) for s in SEVERITIES}


def sections(result: AuditResult, locale: str = SOURCE_LOCALE) -> list[FileSection]:
    """The report's files, sorted by path: each article with its view and charts, every
    other path that has findings with its table; numbers and dates in ``locale``."""
    by_path: dict[str, list[Finding]] = {}
    for finding in result.findings:
        by_path.setdefault(finding.path, []).append(finding)
    articles = {d.document.path: d for d in result.documents}
    out = []
    for index, path in enumerate(sorted(set(by_path) | set(articles)), 1):
        found = by_path.get(path, [])
        section = FileSection(path, f"doc-{index}", _counts(found),
                              sorted({f.code for f in found}))
        if path in articles:
            section.view = document_view(index, articles[path], found, locale)
            section.charts = fx_charts(articles[path].charts, section.view.marks, locale)
        else:
            section.rows = claims_views(index, found, locale)
        section.charts += cross_source_charts(found, locale)
        out.append(section)
    return out


def context(result: AuditResult, rules: Sequence[RuleInfo], locale: str = SOURCE_LOCALE
            ) -> dict[str, Any]:
    """Everything the template shows, in ``locale``."""
    files = sections(result, locale)
    codes = Counter(f.code for f in result.findings)
    known = {r.code: r for r in rules}
    worst_of = {code: max((SEVERITY_RANK[f.severity] for f in result.findings
                           if f.code == code), default=0) for code in codes}
    rules, in_english = localised_rules(
        [known[code] for code in sorted(codes) if code in known], locale)
    figures = Counter[str]()
    for section in files:
        figures.update(section.figures or {})
    return {
        "locale": locale,
        "files": files,
        "counts": _counts(result.findings),
        "articles": result.document_count,
        "other_files": sum(1 for s in files if s.view is None),
        "figures": {s: figures.get(s, 0) for s in ("finding", "fine", "unchecked")},
        "suppressed": result.suppressed,
        "baselined": result.baselined,
        "severities": SEVERITIES,
        "codes": [(code, codes[code], known[code].name if code in known else "",
                   SEVERITIES[3 - worst_of[code]]) for code in sorted(codes)],
        "rules": rules,
        "rules_in_english": in_english,
    }


def render_page(result: AuditResult, rules: Sequence[RuleInfo], locale: str = SOURCE_LOCALE
                ) -> str:
    """The page in ``locale``, its exchange-rate charts drawn from the series the audit
    computed with its own rate table."""
    template = environment(locale).get_template("report.html.j2")
    return template.render(context(result, rules, locale))


def render(result: AuditResult, rules: Sequence[RuleInfo], color: bool = False,
           fail_on: str = "warning") -> str:
    """The ``html`` reporter: :func:`render_page`."""
    return render_page(result, rules)
