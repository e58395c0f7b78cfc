"""``audit --report-dir DIR``: the reports people read, written into one directory.

``DIR/report.html`` (the page for editors, :mod:`factcheck.report.html`), ``report.md``
(a pull-request comment, :mod:`factcheck.report.markdown`), ``findings.json`` (the
``json`` reporter's output) and ``figures.csv`` (every figure of every document, the
``extract --format csv`` columns). All four are rendered in memory first and then each is
written to a temporary file beside its target and renamed over it, so an interrupted or
failing run leaves the previous report whole. The output is deterministic: no
timestamps, no random ids, everything sorted.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from factcheck.model import AuditResult, RuleInfo
from factcheck.report.files import write_atomic

if TYPE_CHECKING:
    from factcheck.normalise.fx import RateProvider

FILES = ("report.html", "report.md", "findings.json", "figures.csv")


def render_files(result: AuditResult, rules: Sequence[RuleInfo],
                 rates: RateProvider | None = None) -> dict[str, str]:
    """The four files' names and texts; ``rates`` draw the exchange-rate charts (the ECB
    table when None)."""
    from factcheck.report import figures, html, json_report, markdown

    return {
        "report.html": html.render_page(result, rules, rates),
        "report.md": markdown.render(result, rules),
        "findings.json": json_report.render(result, rules),
        "figures.csv": figures.render(result.documents, "csv"),
    }


def write_report_dir(directory: Path, result: AuditResult, rules: Sequence[RuleInfo],
                     rates: RateProvider | None = None) -> list[Path]:
    """Write the reports into ``directory`` (created if missing); the paths written."""
    texts = render_files(result, rules, rates)
    written = []
    for name in FILES:
        path = directory / name
        write_atomic(path, texts[name])
        path.chmod(0o644)  # a temporary file is private; a report is for people to read
        written.append(path)
    return written
