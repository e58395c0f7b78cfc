"""SARIF that code scanning accepts: rule help and its page, locations, fixes; validated
against the SARIF 2.1.0 JSON Schema and by Microsoft's SARIF multitool under GitHub's rules.

The multitool runs on node; `.ci/run` installs it into `.ci/node` (this test does the same
when node and npm are there and it is missing). Without node the test is skipped, except
in CI, where it must run.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from factcheck.api import audit
from factcheck.engine.settings import rules_of, settings
from factcheck.model import AuditResult, Finding
from factcheck.registry import all_checks, rule_info
from factcheck.report import render
from factcheck.report.check_docs import PAGE, checks_page, inline, rule_markdown
from factcheck.report.sarif import artifact_location, to_sarif

ROOT = Path(__file__).resolve().parents[2]
SCHEMA = Path(__file__).parent / "data" / "sarif-schema-2.1.0.json"
MULTITOOL_DIR = ROOT / ".ci" / "node"
MULTITOOL_PACKAGE = "@microsoft/sarif-multitool@5.7.0"  # the version .ci/run installs
ODD = (
    "Proyek pertama bernilai US$ 5 miliar atau setara Rp 81 triliun.\n"
    "Proyek kedua bernilai US$ 7 miliar atau setara Rp 114 triliun.\n"
    "Proyek ketiga bernilai US$ 2 miliar atau setara Rp 36 triliun.\n"
)


def test_the_checks_page_is_generated_from_the_docstrings() -> None:
    rules = [rule_info(code) for code in all_checks()]
    committed = (ROOT / "docs" / "checks.md").read_text(encoding="utf-8")
    assert committed == checks_page(rules), (
        "docs/checks.md is out of date: python -m factcheck.report.check_docs > docs/checks.md")


def test_each_rule_has_help_and_a_help_uri_that_lands_on_its_section() -> None:
    page = (ROOT / "docs" / "checks.md").read_text(encoding="utf-8")
    headings = {line[3:].strip().lower() for line in page.splitlines() if line.startswith("## ")}
    rules = [rule_info(code) for code in all_checks()]
    driver = to_sarif(AuditResult(findings=()), rules)["runs"][0]["tool"]["driver"]
    assert driver["informationUri"].startswith("https://")
    assert len(driver["rules"]) == len(all_checks())
    for rule in driver["rules"]:
        page_uri, _, anchor = rule["helpUri"].partition("#")
        assert page_uri == PAGE and anchor == rule["id"].lower() and anchor in headings
        assert rule["help"]["text"] == all_checks()[rule["id"]].doc()
        assert "**What it flags.**" in rule["help"]["markdown"]
        assert "**Why it matters.**" in rule["help"]["markdown"]


def test_markdown_keeps_code_spans_and_escapes_everything_else() -> None:
    assert inline("a ``b_c <d>`` <script> *x* [y](z)") == (
        r"a `b_c <d>` \<script> \*x\* \[y\](z)")
    rule = rule_info("CL003")
    markdown = rule_markdown(rule)
    assert "\n- an `fx_date` after `published`" in markdown  # a list stays a list
    assert "\n\nEach finding is at the line" in markdown  # and ends at the margin


def test_locations_are_relative_to_the_root_or_absolute_file_uris(tmp_path: Path) -> None:
    root = tmp_path / "repo"
    assert artifact_location("claims/a b.yaml", root) == {
        "uri": "claims/a%20b.yaml", "uriBaseId": "%SRCROOT%"}
    assert artifact_location(str(root / "news" / "x#1.md"), root) == {
        "uri": "news/x%231.md", "uriBaseId": "%SRCROOT%"}
    outside = artifact_location(str(tmp_path / "other" / "é.md"), root)
    assert outside == {"uri": (tmp_path / "other").as_uri() + "/%C3%A9.md"}
    assert artifact_location("../up.md", root) == {"uri": (tmp_path / "up.md").as_uri()}


def test_a_finding_with_an_exact_edit_carries_a_fix() -> None:
    finding = Finding(code="FX001", name="conversion-rate-mismatch", severity="warning",
                      message="m", path="a.md", line=3, column=44, end_line=3,
                      end_column=57, suggestion="Rp 33 triliun", replacement="Rp 33 triliun")
    hint = finding.model_copy(update={"replacement": None})
    log = to_sarif(AuditResult(findings=(finding, hint)), [rule_info("FX001")])
    fixed, hinted = log["runs"][0]["results"]
    region = {"startLine": 3, "startColumn": 44, "endLine": 3, "endColumn": 57}
    assert fixed["locations"][0]["physicalLocation"]["region"] == region
    (change,) = fixed["fixes"][0]["artifactChanges"]
    assert change["artifactLocation"] == {"uri": "a.md", "uriBaseId": "%SRCROOT%"}
    assert change["replacements"] == [{"deletedRegion": region,
                                       "insertedContent": {"text": "Rp 33 triliun"}}]
    assert "fixes" not in hinted


def _logs(tmp_path: Path) -> dict[str, dict[str, Any]]:
    """SARIF logs of real audits: the bundled data by relative path, articles given by
    absolute paths inside and outside the working directory, a name a URI must encode."""
    odd = tmp_path / "news dir" / "kurs #1 é.md"
    odd.parent.mkdir()
    odd.write_text(ODD, encoding="utf-8")
    rules = rules_of(settings().pack)
    logs = {}
    cwd = Path.cwd()
    os.chdir(ROOT)
    try:
        bundled = audit(["claims", "examples"])
        absolute = audit([ROOT / "examples", odd])
    finally:
        os.chdir(cwd)
    logs["bundled"] = to_sarif(bundled, rules, root=ROOT)
    logs["absolute"] = to_sarif(absolute, rules, root=ROOT)
    logs["outside"] = to_sarif(absolute, rules, root=tmp_path / "news dir")
    assert any("fixes" in r for r in logs["absolute"]["runs"][0]["results"])
    return logs


def test_real_logs_validate_against_the_schema(tmp_path: Path) -> None:
    jsonschema = pytest.importorskip("jsonschema", reason="jsonschema is a dev dependency")
    validator = jsonschema.Draft7Validator(json.loads(SCHEMA.read_text(encoding="utf-8")))
    for log in _logs(tmp_path).values():
        validator.validate(log)
    json.loads(render("sarif", AuditResult(findings=()), []))  # the empty log too


def multitool() -> Path:
    """The SARIF multitool's binary, installed into .ci/node as .ci/run does."""
    if shutil.which("node") is None or shutil.which("npm") is None:
        if os.environ.get("CI"):
            pytest.fail("node and npm are needed for the SARIF multitool in CI")
        pytest.skip("node and npm are not installed: the SARIF multitool needs them")

    def resolve() -> Path | None:
        found = subprocess.run(["node", "-p", "require('@microsoft/sarif-multitool')"],
                               cwd=MULTITOOL_DIR if MULTITOOL_DIR.is_dir() else ROOT,
                               capture_output=True, text=True, check=False)
        path = Path(found.stdout.strip())
        return path if found.returncode == 0 and path.is_file() else None

    binary = resolve()
    if binary is None:
        subprocess.run(["npm", "install", "--prefix", str(MULTITOOL_DIR), "--no-audit",
                        "--no-fund", "--silent", MULTITOOL_PACKAGE], check=False, timeout=900)
        binary = resolve()
    if binary is None:
        pytest.fail(f"npm could not install {MULTITOOL_PACKAGE} into {MULTITOOL_DIR}")
    binary.chmod(binary.stat().st_mode | 0o100)
    return binary


def test_github_code_scanning_rules_find_nothing_to_fix(tmp_path: Path) -> None:
    binary = multitool()
    paths = []
    for name, log in _logs(tmp_path).items():
        path = tmp_path / f"{name}.sarif"
        path.write_text(json.dumps(log, ensure_ascii=False, indent=2), encoding="utf-8")
        paths.append(str(path))
    report = tmp_path / "validation.sarif"
    run = subprocess.run([str(binary), "validate", *paths, "--rule-kind", "Gh;Sarif",
                          "--output", str(report), "--log", "ForceOverwrite"],
                         capture_output=True, text=True, timeout=600, check=False)
    assert report.is_file(), run.stdout + run.stderr
    results = json.loads(report.read_text(encoding="utf-8-sig"))["runs"][0]["results"]
    problems = [(r["ruleId"], r["message"]) for r in results
                if r.get("level", "warning") in ("error", "warning")]
    assert problems == []
    assert f"Done. {len(paths)} files scanned." in run.stdout
