"""Findings as SARIF 2.1.0, for code-scanning UIs (GitHub, GitLab, Azure DevOps).

One run; ``tool.driver`` names factcheck with its version and one rule per checked rule
(``id`` the code, ``defaultConfiguration.level`` from the configured severity). Each
result points at its rule (``ruleId``, and ``ruleIndex`` when the rule is listed), gives
the message with the suggestion, the location as a relative URI reference (forward
slashes, characters that a URI cannot hold percent-encoded), ``partialFingerprints`` for
baselines, and the check's evidence and figure ids in ``properties``. Columns count
Unicode code points, as the figures' columns do.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any
from urllib.parse import quote

from factcheck.model import AuditResult, Finding, RuleInfo

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
FINGERPRINT_KEY = "factcheck/v1"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}


def artifact_uri(path: str) -> str:
    """``path`` as a URI reference: forward slashes, everything outside the unreserved and
    sub-delimiter characters (spaces, ``%``, ``#``, ``?``, ``:``, non-ASCII) percent-encoded."""
    return quote(path.replace("\\", "/"), safe="/!$&'()*+,;=@~")


def _rule(rule: RuleInfo) -> dict[str, Any]:
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": rule.doc or rule.summary},
        "defaultConfiguration": {"level": LEVELS[rule.severity]},
    }


def _message(finding: Finding) -> str:
    if finding.suggestion is None:
        return finding.message
    return f"{finding.message} (suggestion: {finding.suggestion})"


def _location(finding: Finding) -> dict[str, Any]:
    physical: dict[str, Any] = {"artifactLocation": {"uri": artifact_uri(finding.path)}}
    if finding.line >= 1:
        region = {"startLine": finding.line}
        if finding.column >= 1:
            region["startColumn"] = finding.column
        physical["region"] = region
    return {"physicalLocation": physical}


def _result(finding: Finding, index: dict[str, int]) -> dict[str, Any]:
    out: dict[str, Any] = {"ruleId": finding.code}
    if finding.code in index:
        out["ruleIndex"] = index[finding.code]
    out["level"] = LEVELS[finding.severity]
    out["message"] = {"text": _message(finding)}
    out["locations"] = [_location(finding)]
    if finding.fingerprint:
        out["partialFingerprints"] = {FINGERPRINT_KEY: finding.fingerprint}
    data = finding.model_dump(mode="json", include={"evidence", "figures"})
    out["properties"] = {"evidence": data["evidence"], "figures": data["figures"]}
    return out


def to_sarif(result: AuditResult, rules: Sequence[RuleInfo]) -> dict[str, Any]:
    """The SARIF log as JSON-ready data."""
    from factcheck import __version__

    index: dict[str, int] = {}
    for i, rule in enumerate(rules):
        index.setdefault(rule.code, i)
    driver = {"name": "factcheck", "version": __version__,
              "rules": [_rule(rule) for rule in rules]}
    run = {"tool": {"driver": driver}, "columnKind": "unicodeCodePoints",
           "results": [_result(f, index) for f in result.findings]}
    return {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}


def render(result: AuditResult, rules: Sequence[RuleInfo], color: bool = False) -> str:
    """``result`` as a SARIF 2.1.0 log, indented by 2, UTF-8 as is, with a final newline."""
    return json.dumps(to_sarif(result, rules), ensure_ascii=False, indent=2) + "\n"
