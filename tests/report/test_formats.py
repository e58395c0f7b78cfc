"""The audit reporters: text, json, sarif, junit, github, and their registry."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path
from typing import Any

import pytest

import factcheck
from factcheck.model import (
    AuditResult,
    Document,
    DocumentFigures,
    Finding,
    RuleInfo,
    Severity,
)
from factcheck.report import REPORTERS, register, render
from factcheck.report.json_report import FindingsOutput

DATA = Path(__file__).parent / "data"
SCHEMA = DATA / "sarif-schema-2.1.0.json"
HOSTILE = ('"Rp 64 triliun" <script>alert(1)</script> 100%, a:b\nnext line\r\n'
           "près de Rp 1.303 triliun [red]not markup[/red] \x1b[2J")
FX001 = Finding(
    code="FX001", name="conversion-rate-mismatch", severity="error", message=HOSTILE,
    path="news/kurs, 2024.md", line=12, column=40, figures=("f3", "f4"),
    suggestion="Rp 65 triliun", fingerprint="abc123",
    evidence={"implied": [16000.0, 16250.0], "at": date(2024, 7, 1), "upper": float("inf")})
DT001 = Finding(code="DT001", name="tense-date-mismatch", severity="warning",
                message="diprediksi … Februari 2024", path=r"news\b.md", line=3, column=1)
DT002 = Finding(code="DT002", name="unresolvable-period", severity="info",
                message="« cette année » sans date", path="news/c d.md", line=1, column=5)
IN001 = Finding(code="IN001", name="unreadable-input", severity="error",
                message="cannot decode", path="/abs/bad.md", line=0, column=0)
RULE_ROWS: tuple[tuple[str, str, Severity], ...] = (
    ("FX001", "conversion-rate-mismatch", "error"), ("DT001", "tense-date-mismatch", "warning"),
    ("DT002", "unresolvable-period", "info"))
RULES = [RuleInfo(code=c, name=n, summary=f"{n} summary", doc=f"{n}\n\nWhat it flags: …",
                  severity=s) for c, n, s in RULE_ROWS]
DOCS = tuple(DocumentFigures(document=Document(path=p, text="", lang="id"), figures=())
             for p in ("news/a.md", "news/b.md"))
RESULT = AuditResult(findings=(FX001, DT001, DT002), documents=DOCS, suppressed=3, baselined=2)
EMPTY = AuditResult(findings=(), documents=DOCS)
ESCAPED = (r'"Rp 64 triliun" <script>alert(1)</script> 100%, a:b\nnext line\r\n'
           r"près de Rp 1.303 triliun [red]not markup[/red] \x1b[2J")


def test_text_lines_are_exact() -> None:
    assert render("text", RESULT, RULES).splitlines() == [
        f"news/kurs, 2024.md:12:40: error FX001 {ESCAPED} (suggestion: Rp 65 triliun)",
        r"news\b.md:3:1: warning DT001 diprediksi … Februari 2024",
        "news/c d.md:1:5: info DT002 « cette année » sans date",
        "",
        "1 error, 1 warning, 1 info in 2 documents; 3 suppressed, 2 in baseline",
    ]
    assert render("text", EMPTY, RULES) == "0 errors, 0 warnings, 0 info in 2 documents\n"
    with_claims = EMPTY.model_copy(update={"records": 39})
    assert render("text", with_claims, RULES).endswith(" in 2 documents and 39 claims records\n")
    assert "\x1b" not in render("text", RESULT, RULES)


def test_text_in_colour_styles_but_never_reads_markup() -> None:
    out = render("text", RESULT, RULES, color=True)
    assert "\x1b[" in out
    plain = re.sub(r"\x1b\[[0-9;]*m", "", out)
    assert f"error FX001 {ESCAPED} (suggestion: Rp 65 triliun)" in plain
    assert "[red]not markup[/red]" in plain
    assert re.search(r"suppressed\s*│\s*3", plain) and re.search(r"errors\s*│\s*1", plain)
    assert plain.endswith("\n1 error, 1 warning, 1 info in 2 documents; 3 suppressed, "
                          "2 in baseline\n")


def test_json_has_exactly_the_contract() -> None:
    out = render("json", RESULT, RULES)
    assert out.endswith("}\n") and '\n  "findings": [' in out and "près de" in out
    data = json.loads(out)
    assert list(data) == ["version", "findings", "summary"] and data["version"] == 2
    assert [list(f) for f in data["findings"]] == [[
        "code", "name", "severity", "message", "path", "line", "column", "end_line",
        "end_column", "figures", "suggestion", "replacement", "evidence"]] * 3
    first = data["findings"][0]
    assert first["message"] == HOSTILE and first["figures"] == ["f3", "f4"]
    assert first["evidence"] == {"implied": [16000.0, 16250.0], "at": "2024-07-01", "upper": None}
    assert [f["code"] for f in data["findings"]] == ["FX001", "DT001", "DT002"]
    assert data["summary"] == {"errors": 1, "warnings": 1, "info": 1, "documents": 2,
                               "suppressed": 3, "baselined": 2}
    assert FindingsOutput.model_validate(data).findings[1].path == r"news\b.md"


@pytest.mark.parametrize("result", [RESULT, EMPTY], ids=["findings", "none"])
def test_json_written_in_pieces_is_the_whole_document_dumped_at_once(
        result: AuditResult) -> None:
    from factcheck.report import render_chunks

    pieces = list(render_chunks("json", result, RULES))
    written = "".join(pieces)
    whole = json.dumps(json.loads(written), ensure_ascii=False, indent=2)  # dumped at once
    assert written == whole + "\n" == render("json", result, RULES)
    assert len(json.loads(written)["findings"]) == len(result.findings)
    assert len(pieces) == (len(result.findings) + 2 if result.findings else 1)
    assert list(render_chunks("sarif", result, RULES)) == [render("sarif", result, RULES)]


def sarif_validator() -> Any:
    jsonschema = pytest.importorskip("jsonschema", reason="jsonschema is a dev dependency")
    return jsonschema.Draft7Validator(json.loads(SCHEMA.read_text(encoding="utf-8")))


def test_sarif_validates_and_carries_everything() -> None:
    log = json.loads(render("sarif", AuditResult(findings=(*RESULT.findings, IN001)), RULES))
    sarif_validator().validate(log)
    assert log["$schema"] == "https://json.schemastore.org/sarif-2.1.0.json"
    assert log["version"] == "2.1.0" and len(log["runs"]) == 1
    driver = log["runs"][0]["tool"]["driver"]
    assert driver["name"] == "factcheck" and driver["version"] == factcheck.__version__
    assert driver["informationUri"].startswith("https://")
    assert [(r["id"], r["defaultConfiguration"]["level"]) for r in driver["rules"]] == [
        ("FX001", "error"), ("DT001", "warning"), ("DT002", "note")]
    assert driver["rules"][0]["fullDescription"]["text"] == RULES[0].doc
    fx, dt1, dt2, bad = log["runs"][0]["results"]
    assert (fx["ruleId"], fx["ruleIndex"], fx["level"]) == ("FX001", 0, "error")
    assert fx["message"]["text"] == f"{HOSTILE} (suggestion: Rp 65 triliun)"
    location = fx["locations"][0]["physicalLocation"]
    assert location["artifactLocation"] == {"uri": "news/kurs,%202024.md",
                                            "uriBaseId": "%SRCROOT%"}
    assert location["region"] == {"startLine": 12, "startColumn": 40}
    assert fx["partialFingerprints"] == {"factcheck/v1": "abc123"}
    assert fx["properties"]["figures"] == ["f3", "f4"]
    assert fx["properties"]["evidence"]["at"] == "2024-07-01"
    assert "partialFingerprints" not in dt1 and dt2["level"] == "note"
    assert dt1["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "news/b.md"
    assert "ruleIndex" not in bad and "region" not in bad["locations"][0]["physicalLocation"]
    assert bad["locations"][0]["physicalLocation"]["artifactLocation"] == {
        "uri": "file:///abs/bad.md"}  # an absolute path is no reference beginning with "/"
    sarif_validator().validate(json.loads(render("sarif", EMPTY, [])))


def test_vendored_schema_is_the_shared_one() -> None:
    shared = Path(os.environ.get("FACTCHECK_SHARED", Path(__file__).resolve().parents[3]
                                 / "shared")) / "peer" / "sarif" / SCHEMA.name
    if not shared.is_file():
        pytest.skip(f"shared schema absent: {shared} (set FACTCHECK_SHARED)")
    assert SCHEMA.read_bytes() == shared.read_bytes()


def test_junit_parses_and_counts() -> None:
    out = render("junit", RESULT, RULES)
    assert out.startswith('<?xml version="1.0" encoding="UTF-8"?>\n') and "<script>" not in out
    suite = ET.fromstring(out.encode("utf-8"))
    assert (suite.tag, suite.get("name"), suite.get("tests"), suite.get("failures")) == (
        "testsuite", "factcheck", "3", "2")
    cases = suite.findall("testcase")
    assert [(c.get("classname"), c.get("name")) for c in cases] == [
        ("news/kurs, 2024.md", "FX001 line 12"), (r"news\b.md", "DT001 line 3"),
        ("news/c d.md", "DT002 line 1")]
    failure = cases[0].find("failure")
    assert failure is not None and failure.get("type") == "FX001"
    assert failure.get("message") == (f"{ESCAPED} (suggestion: Rp 65 triliun)")
    assert "suggestion: Rp 65 triliun" in (failure.text or "")
    assert cases[2].find("failure") is None
    assert "« cette année »" in (cases[2].findtext("system-out") or "")
    green = ET.fromstring(render("junit", EMPTY, RULES).encode("utf-8"))
    assert (green.get("tests"), green.get("failures")) == ("1", "0")
    assert [c.get("name") for c in green.iter("testcase")] == ["factcheck audit"]
    assert green.find("testcase/failure") is None


def test_github_commands_escape() -> None:
    out = render("github", RESULT, RULES)
    lines = out.splitlines()
    assert out.endswith("\n") and len(lines) == 3
    assert lines[0] == (
        "::error file=news/kurs%2C 2024.md,line=12,col=40,title=FX001 conversion-rate-mismatch::"
        '"Rp 64 triliun" <script>alert(1)</script> 100%25, a:b%0Anext line%0D%0A'
        "près de Rp 1.303 triliun [red]not markup[/red] \\x1b[2J (suggestion: Rp 65 triliun)")
    assert lines[1] == ("::warning file=news/b.md,line=3,col=1,title=DT001 tense-date-mismatch"
                        "::diprediksi … Februari 2024")
    assert lines[2].startswith("::notice file=news/c d.md,line=1,col=5,title=DT002 ")
    bad = render("github", AuditResult(findings=(IN001,)), RULES)
    assert bad == "::error file=/abs/bad.md,title=IN001 unreadable-input::cannot decode\n"
    assert render("github", EMPTY, RULES) == ""


@pytest.mark.parametrize("fmt", sorted(REPORTERS))
@pytest.mark.parametrize("color", [False, True])
def test_same_input_same_bytes(fmt: str, color: bool) -> None:
    twin = AuditResult.model_validate(RESULT.model_dump())
    assert render(fmt, RESULT, RULES, color=color) == render(fmt, twin, list(RULES), color=color)


def test_unknown_format_and_duplicate_registration() -> None:
    with pytest.raises(ValueError, match="unknown report format 'yaml'"):
        render("yaml", RESULT, RULES)
    with pytest.raises(ValueError, match="already registered"):
        register("json", REPORTERS["text"])
    try:
        register("shout", lambda result, rules, color, fail_on="warning":
                 f"{len(result.findings)}!")
        assert render("shout", RESULT, RULES) == "3!"
        with pytest.raises(ValueError, match="already registered"):
            register("shout", lambda result, rules, color, fail_on="warning": "")
    finally:
        REPORTERS.pop("shout", None)
    assert {"text", "json", "sarif", "junit", "github"} <= set(REPORTERS)


def test_importing_the_registry_stays_light() -> None:
    code = ("import sys, factcheck.report as r; r.render('text', __import__('factcheck.model')"
            ".model.AuditResult(findings=()), []); print(sorted(m for m in sys.modules if "
            "m.startswith(('rich', 'factcheck.report.')) or m == 'xml.etree.ElementTree'))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "['factcheck.report.text']"
