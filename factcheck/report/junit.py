"""Findings as JUnit XML, for CI test-report UIs.

One ``<testsuite name="factcheck">``; one ``<testcase classname="PATH" name="CODE line N">``
per finding. It follows the gate (``--fail-on``, default warning): a finding at or above
the threshold fails (``<failure type="CODE" message="...">`` with the linter line, the
suggestion and the evidence as its text); one below it (every one, with ``never``) is a
passing testcase with its details in ``<system-out>``, so the report fails exactly when
the command exits 1 for findings. An input that could not be audited (IN001, CL001: exit 2
whatever the threshold; IN002: exit 3) is an ``<error>``. Without findings there is one
passing testcase, ``factcheck audit``, so the UI shows a green test. ElementTree escapes
the markup; text from the input has its line breaks and other control characters written
as escapes (``\\n``, ``\\x1b``, :func:`factcheck.escaping.one_line`), so a file name cannot
split the linter line; what XML 1.0 cannot hold at all is written as ``\\xNN`` too.
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from collections.abc import Sequence

from factcheck.codes import NOT_AUDITED_CODES
from factcheck.escaping import json_safe, one_line
from factcheck.model import SEVERITY_RANK, AuditResult, Finding, RuleInfo

_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def xml_safe(text: str) -> str:
    """``text`` with the characters that XML 1.0 forbids written as ``\\xNN`` escapes."""
    return _NOT_XML.sub(lambda m: f"\\x{ord(m.group()):02x}", text)


def _message(finding: Finding) -> str:
    if finding.suggestion is None:
        return one_line(finding.message)
    return one_line(f"{finding.message} (suggestion: {finding.suggestion})")


def _details(finding: Finding) -> str:
    lines = [f"{one_line(finding.path)}:{finding.line}:{finding.column}: "
             f"{finding.severity} {finding.code} {finding.name}", one_line(finding.message)]
    if finding.suggestion is not None:
        lines.append(f"suggestion: {one_line(finding.suggestion)}")
    if finding.figures:
        lines.append(f"figures: {', '.join(finding.figures)}")
    if finding.evidence:
        evidence = finding.model_dump(mode="json", include={"evidence"})["evidence"]
        text = json.dumps(evidence, ensure_ascii=False, allow_nan=False)
        lines.append(f"evidence: {json_safe(text)}")
    return xml_safe("\n".join(lines))


def fails(finding: Finding, fail_on: str) -> bool:
    """Whether ``finding`` is at or above the gate's threshold."""
    return fail_on != "never" and SEVERITY_RANK[finding.severity] >= SEVERITY_RANK[fail_on]


def _testcase(suite: ET.Element, finding: Finding, fail_on: str) -> None:
    case = ET.SubElement(suite, "testcase", classname=xml_safe(one_line(finding.path)),
                         name=f"{finding.code} line {finding.line}")
    if finding.code in NOT_AUDITED_CODES:
        tag = "error"
    elif fails(finding, fail_on):
        tag = "failure"
    else:
        ET.SubElement(case, "system-out").text = _details(finding)
        return
    failure = ET.SubElement(case, tag, type=finding.code, message=xml_safe(_message(finding)))
    failure.text = _details(finding)


def to_element(result: AuditResult, fail_on: str = "warning") -> ET.Element:
    """The ``<testsuite>`` element of ``result`` under the threshold ``fail_on``."""
    errors = sum(1 for f in result.findings if f.code in NOT_AUDITED_CODES)
    failures = sum(1 for f in result.findings
                   if f.code not in NOT_AUDITED_CODES and fails(f, fail_on))
    tests = max(1, len(result.findings))
    suite = ET.Element("testsuite", name="factcheck", tests=str(tests),
                       failures=str(failures), errors=str(errors), skipped="0")
    for finding in result.findings:
        _testcase(suite, finding, fail_on)
    if not result.findings:
        ET.SubElement(suite, "testcase", classname="factcheck", name="factcheck audit")
    return suite


def render(result: AuditResult, rules: Sequence[RuleInfo], color: bool = False,
           fail_on: str = "warning") -> str:
    """``result`` as a JUnit XML document (UTF-8), indented, with a final newline."""
    suite = to_element(result, fail_on)
    ET.indent(suite)
    body = ET.tostring(suite, encoding="unicode")
    return f'<?xml version="1.0" encoding="UTF-8"?>\n{body}\n'
