"""Findings as JUnit XML, for CI test-report UIs.

One ``<testsuite name="factcheck">``; one ``<testcase classname="PATH" name="CODE line N">``
per finding. Errors and warnings fail (``<failure type="CODE" message="...">`` with the
linter line, the suggestion and the evidence as its text); info findings pass and carry
their details in ``<system-out>``. Without findings there is one passing testcase,
``factcheck audit``, so the UI shows a green test. ElementTree escapes the markup;
characters that XML 1.0 cannot hold at all (control characters) are written as ``\\xNN``.
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from collections.abc import Sequence

from factcheck.model import AuditResult, Finding, RuleInfo

_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def xml_safe(text: str) -> str:
    """``text`` with the characters that XML 1.0 forbids written as ``\\xNN`` escapes."""
    return _NOT_XML.sub(lambda m: f"\\x{ord(m.group()):02x}", text)


def _message(finding: Finding) -> str:
    if finding.suggestion is None:
        return finding.message
    return f"{finding.message} (suggestion: {finding.suggestion})"


def _details(finding: Finding) -> str:
    lines = [f"{finding.path}:{finding.line}:{finding.column}: "
             f"{finding.severity} {finding.code} {finding.name}", finding.message]
    if finding.suggestion is not None:
        lines.append(f"suggestion: {finding.suggestion}")
    if finding.figures:
        lines.append(f"figures: {', '.join(finding.figures)}")
    if finding.evidence:
        evidence = finding.model_dump(mode="json", include={"evidence"})["evidence"]
        lines.append(f"evidence: {json.dumps(evidence, ensure_ascii=False)}")
    return xml_safe("\n".join(lines))


def _testcase(suite: ET.Element, finding: Finding) -> None:
    case = ET.SubElement(suite, "testcase", classname=xml_safe(finding.path),
                         name=f"{finding.code} line {finding.line}")
    if finding.severity == "info":
        ET.SubElement(case, "system-out").text = _details(finding)
        return
    failure = ET.SubElement(case, "failure", type=finding.code,
                            message=xml_safe(_message(finding)))
    failure.text = _details(finding)


def to_element(result: AuditResult) -> ET.Element:
    """The ``<testsuite>`` element of ``result``."""
    failures = sum(1 for f in result.findings if f.severity != "info")
    tests = max(1, len(result.findings))
    suite = ET.Element("testsuite", name="factcheck", tests=str(tests),
                       failures=str(failures), errors="0", skipped="0")
    for finding in result.findings:
        _testcase(suite, finding)
    if not result.findings:
        ET.SubElement(suite, "testcase", classname="factcheck", name="factcheck audit")
    return suite


def render(result: AuditResult, rules: Sequence[RuleInfo], color: bool = False) -> str:
    """``result`` as a JUnit XML document (UTF-8), indented, with a final newline."""
    suite = to_element(result)
    ET.indent(suite)
    body = ET.tostring(suite, encoding="unicode")
    return f'<?xml version="1.0" encoding="UTF-8"?>\n{body}\n'
