"""Findings as SARIF 2.1.0, for code-scanning UIs (GitHub, GitLab, Azure DevOps).

One run; ``tool.driver`` names factcheck with its version and ``informationUri``, and one
rule per checked rule: ``id`` the code, ``defaultConfiguration.level`` from the configured
severity, ``help`` (the check's docstring as text and as Markdown) and ``helpUri`` (its
section of docs/checks.md). Each result points at its rule (``ruleId``, and ``ruleIndex``
when the rule is listed), gives the message with the suggestion and the region of the
figure, ``partialFingerprints`` for baselines, the check's evidence and figure ids in
``properties``, and ``fixes`` when the finding carries an exact edit.

Locations: a path under the root (the working directory unless given) is a relative URI
reference (forward slashes, characters that a URI cannot hold percent-encoded) with
``uriBaseId`` ``%SRCROOT%``, which ``originalUriBaseIds`` maps to the root's ``file:`` URI;
any other absolute path is a ``file:`` URI of its own, never a reference beginning with a
slash. Columns count Unicode code points, as the figures' columns do (``columnKind``).
"""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from pathlib import Path, PurePosixPath, PureWindowsPath
from typing import Any
from urllib.parse import quote

from factcheck.escaping import json_safe
from factcheck.model import AuditResult, Finding, RuleInfo
from factcheck.report.check_docs import HOME, help_uri, rule_markdown

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
FINGERPRINT_KEY = "factcheck/v1"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}
ROOT_ID = "%SRCROOT%"


def artifact_uri(path: str) -> str:
    """``path`` as a URI reference: forward slashes, everything outside the unreserved and
    sub-delimiter characters (spaces, ``%``, ``#``, ``?``, ``:``, non-ASCII) percent-encoded."""
    return quote(path.replace("\\", "/"), safe="/!$&'()*+,;=@~")


def _is_absolute(path: str) -> bool:
    return PurePosixPath(path).is_absolute() or PureWindowsPath(path).is_absolute()


def root_uri(root: Path) -> str:
    """The ``file:`` URI of a folder, ending in a slash (as a base URI must)."""
    uri = Path(os.path.abspath(root)).as_uri()
    return uri if uri.endswith("/") else uri + "/"


def artifact_location(path: str, root: Path) -> dict[str, str]:
    """Where a finding's file is: relative to ``%SRCROOT%`` (``root``) when it is under it,
    else an absolute ``file:`` URI."""
    if not _is_absolute(path):
        normal = os.path.normpath(path.replace("\\", "/"))
        if normal != ".." and not normal.startswith("../"):
            return {"uri": artifact_uri(path), "uriBaseId": ROOT_ID}
        path = os.path.join(os.path.abspath(root), path)
    absolute = os.path.abspath(path)
    try:
        inside = os.path.commonpath([absolute, os.path.abspath(root)]) == os.path.abspath(root)
    except ValueError:  # another drive
        inside = False
    if inside:
        return {"uri": artifact_uri(os.path.relpath(absolute, root)), "uriBaseId": ROOT_ID}
    return {"uri": "file://" + artifact_uri(Path(absolute).as_posix())}


def _rule(rule: RuleInfo) -> dict[str, Any]:
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": rule.doc or rule.summary},
        "help": {"text": rule.doc or rule.summary, "markdown": rule_markdown(rule)},
        "helpUri": help_uri(rule.code),
        "defaultConfiguration": {"level": LEVELS[rule.severity]},
    }


def _message(finding: Finding) -> str:
    if finding.suggestion is None:
        return finding.message
    return f"{finding.message} (suggestion: {finding.suggestion})"


def _region(finding: Finding) -> dict[str, int] | None:
    if finding.line < 1:
        return None
    region = {"startLine": finding.line}
    if finding.column >= 1:
        region["startColumn"] = finding.column
        if finding.end_line is not None and finding.end_column is not None:
            region["endLine"] = finding.end_line
            region["endColumn"] = finding.end_column
    return region


def _location(finding: Finding, root: Path) -> dict[str, Any]:
    physical: dict[str, Any] = {"artifactLocation": artifact_location(finding.path, root)}
    region = _region(finding)
    if region is not None:
        physical["region"] = region
    return {"physicalLocation": physical}


def _fixes(finding: Finding, root: Path) -> list[dict[str, Any]]:
    region = _region(finding)
    if finding.replacement is None or region is None or "endColumn" not in region:
        return []
    change = {"artifactLocation": artifact_location(finding.path, root),
              "replacements": [{"deletedRegion": region,
                                "insertedContent": {"text": finding.replacement}}]}
    return [{"description": {"text": f"Replace with {finding.replacement}"},
             "artifactChanges": [change]}]


def _result(finding: Finding, index: dict[str, int], root: Path) -> dict[str, Any]:
    out: dict[str, Any] = {"ruleId": finding.code}
    if finding.code in index:
        out["ruleIndex"] = index[finding.code]
    out["level"] = LEVELS[finding.severity]
    out["message"] = {"text": _message(finding)}
    out["locations"] = [_location(finding, root)]
    if finding.fingerprint:
        out["partialFingerprints"] = {FINGERPRINT_KEY: finding.fingerprint}
    fixes = _fixes(finding, root)
    if fixes:
        out["fixes"] = fixes
    data = finding.model_dump(mode="json", include={"evidence", "figures"})
    out["properties"] = {"evidence": data["evidence"], "figures": data["figures"]}
    return out


def to_sarif(result: AuditResult, rules: Sequence[RuleInfo], root: Path | None = None
             ) -> dict[str, Any]:
    """The SARIF log as JSON-ready data; relative locations are under ``root`` (default:
    the working directory)."""
    from factcheck import __version__

    base = Path.cwd() if root is None else root
    index: dict[str, int] = {}
    for i, rule in enumerate(rules):
        index.setdefault(rule.code, i)
    driver = {"name": "factcheck", "version": __version__, "informationUri": HOME,
              "rules": [_rule(rule) for rule in rules]}
    run = {"tool": {"driver": driver},
           "originalUriBaseIds": {ROOT_ID: {"uri": root_uri(base)}},
           "columnKind": "unicodeCodePoints",
           "results": [_result(f, index, base) for f in result.findings]}
    return {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}


def render(result: AuditResult, rules: Sequence[RuleInfo], color: bool = False,
           fail_on: str = "warning") -> str:
    """``result`` as a SARIF 2.1.0 log, indented by 2, UTF-8 as is (control characters
    escaped), with a final newline."""
    text = json.dumps(to_sarif(result, rules), ensure_ascii=False, allow_nan=False, indent=2)
    return json_safe(text) + "\n"
