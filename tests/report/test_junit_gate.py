"""JUnit follows the gate: read back with an independent parser (junitparser), a report has
as many failures as findings at or above --fail-on, and the others pass."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from junitparser import Error, Failure, JUnitXml, TestSuite
from typer.testing import CliRunner

from factcheck.api import audit
from factcheck.cli import app
from factcheck.cli.exits import audit_exit_code
from factcheck.codes import INTERNAL_ERROR_CODES, NOT_AUDITED_CODES
from factcheck.engine.settings import rules_of, settings
from factcheck.model import SEVERITY_RANK, AuditResult, Finding
from factcheck.report import render

ROOT = Path(__file__).resolve().parents[2]
THRESHOLDS = ("error", "warning", "info", "never")


def at_or_above(findings: tuple[Finding, ...], fail_on: str) -> int:
    if fail_on == "never":
        return 0
    return sum(1 for f in findings if SEVERITY_RANK[f.severity] >= SEVERITY_RANK[fail_on])


def parse(text: str, tmp_path: Path) -> TestSuite:
    path = tmp_path / "report.xml"
    path.write_text(text, encoding="utf-8")
    xml = JUnitXml.fromfile(str(path))
    suites = [xml] if isinstance(xml, TestSuite) else list(xml)
    assert len(suites) == 1
    suite: TestSuite = suites[0]
    return suite


@pytest.fixture(scope="module")
def bundled() -> AuditResult:
    cwd = Path.cwd()
    os.chdir(ROOT)
    try:
        result = audit(["claims", "examples"])
    finally:
        os.chdir(cwd)
    assert {f.severity for f in result.findings} == {"error", "warning", "info"}
    return result


@pytest.mark.parametrize("fail_on", THRESHOLDS)
def test_failures_are_the_findings_at_or_above_the_threshold(
        bundled: AuditResult, fail_on: str, tmp_path: Path) -> None:
    rules = rules_of(settings().pack)
    suite = parse(render("junit", bundled, rules, fail_on=fail_on), tmp_path)
    cases = list(suite)
    failed = [c for c in cases if any(isinstance(r, Failure) for r in c.result)]
    assert len(cases) == suite.tests == len(bundled.findings)
    assert len(failed) == suite.failures == at_or_above(bundled.findings, fail_on)
    assert suite.errors == 0 and suite.skipped == 0
    passed = [c for c in cases if c.is_passed]
    assert len(passed) == len(cases) - len(failed)
    assert all(c.system_out for c in passed)  # a passing finding still says what it is


@pytest.mark.parametrize("code", sorted(NOT_AUDITED_CODES))
def test_an_input_that_was_not_audited_is_an_error_whatever_the_threshold(
        code: str, tmp_path: Path) -> None:
    bad = Finding(code=code, name="not-audited", severity="error",
                  message="binary file", path="x.md", line=0, column=0)
    suite = parse(render("junit", AuditResult(findings=(bad,)), [], fail_on="never"), tmp_path)
    (case,) = list(suite)
    assert (suite.errors, suite.failures) == (1, 0)
    assert [type(r) for r in case.result] == [Error]


def test_one_list_of_codes_is_not_audited_for_the_exit_code_and_junit() -> None:
    assert {"IN001", "CL001", "IN002"} <= NOT_AUDITED_CODES
    for code in sorted(NOT_AUDITED_CODES):
        finding = Finding(code=code, name="x", severity="error", message="m", path="x.md",
                          line=1, column=1)
        assert audit_exit_code(AuditResult(findings=(finding,)), "never") == (
            3 if code in INTERNAL_ERROR_CODES else 2)


@pytest.mark.parametrize(("fail_on", "failures"), [
    ("never", 0), ("error", 0), ("warning", 1), ("info", 2)])
def test_the_command_and_its_junit_report_agree(fail_on: str, failures: int,
                                                tmp_path: Path) -> None:
    report = tmp_path / "out.xml"  # the examples: one warning (FX001) and one info (DT002)
    run = CliRunner().invoke(app, ["audit", str(ROOT / "examples"), "--format", "junit",
                                   "--output", str(report), "--fail-on", fail_on])
    suite = parse(report.read_text(encoding="utf-8"), tmp_path)
    assert (suite.tests, suite.failures) == (2, failures)
    assert run.exit_code == (1 if failures else 0)
