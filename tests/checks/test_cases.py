"""One YAML case file per check (cases/CODE.yaml): text or files in, expected findings out.

Each case lists the findings it expects of the file's check (``codes: all`` compares every
finding): code, line, and when given severity, the text of the figure the finding sits on,
the suggestion, words the message must hold (``message``, a list) and words it must not
(``not_in_message``). ``expect: []`` is a negative case that must stay silent. ``rules``
is a rule pack (as YAML data) to audit with instead of the default.
``breaks: {check: CODE, raises_on: TEXT}`` makes that check raise, as a bug would, on every
document whose path holds TEXT (for the cases of IN002, the bug contained).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml

from factcheck.api import audit, audit_text
from factcheck.extract import extract_text
from factcheck.model import Finding
from factcheck.registry import all_checks

CASES = Path(__file__).with_name("cases")


def load() -> list[Any]:
    params = []
    for path in sorted(CASES.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for case in data["cases"]:
            params.append(pytest.param(data["check"], case, id=f"{path.stem}: {case['name']}"))
    return params


def anchor_text(text: str, lang: str, published: date | None, finding: Finding) -> str:
    for figure in extract_text(text, lang, published=published):  # type: ignore[arg-type]
        if (figure.line, figure.column) == (finding.line, finding.column):
            return figure.text
    return ""


def break_check(breaks: dict[str, str], monkeypatch: pytest.MonkeyPatch) -> None:
    """Make the check ``breaks["check"]`` raise on the documents whose path holds
    ``breaks["raises_on"]``, and run as before on the others."""
    check = all_checks()[breaks["check"]]
    works = check.run

    def run(self: Any, ctx: Any, options: Any) -> Any:
        if breaks["raises_on"] in ctx.document.path:
            raise ZeroDivisionError("a bug in the check")
        return works(self, ctx, options)

    monkeypatch.setattr(check, "run", run)


def case_findings(case: dict[str, Any], tmp_path: Path,
                  monkeypatch: pytest.MonkeyPatch) -> list[Finding]:
    """Every finding of one case's text or files, audited as the case says."""
    if "breaks" in case:
        break_check(case["breaks"], monkeypatch)
    published = case.get("published")
    lang = case.get("lang", "id")
    rules = None
    if "rules" in case:
        rules = tmp_path / "pack.yaml"
        rules.write_text(yaml.safe_dump(case["rules"]), encoding="utf-8")
    if "files" not in case:
        return list(audit_text(case["text"], lang, published=published, rules=rules))
    for name, content in case["files"].items():
        target = (tmp_path / "in" if rules else tmp_path) / name
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, dict):
            target.write_bytes(bytes.fromhex(content["hex"]))
        else:
            target.write_text(content, encoding="utf-8")
    result = audit([tmp_path / "in"] if rules else [tmp_path], lang=lang,
                   published=published, rules=rules)
    return list(result.findings)


@pytest.mark.parametrize(("check", "case"), load())
def test_case(check: str, case: dict[str, Any], tmp_path: Path,
              monkeypatch: pytest.MonkeyPatch) -> None:
    findings = case_findings(case, tmp_path, monkeypatch)
    published = case.get("published")
    lang = case.get("lang", "id")
    codes = None if case.get("codes") == "all" else {check}
    got = [f for f in findings if codes is None or f.code in codes]
    expected = case["expect"]
    assert len(got) == len(expected), [f"{f.code} {f.line}: {f.message}" for f in got]
    for finding, want in zip(got, expected, strict=True):
        assert finding.code == want["code"], [f"{f.code} {f.path}: {f.message}" for f in got]
        assert finding.line == want["line"], finding.message
        if "severity" in want:
            assert finding.severity == want["severity"], finding.message
        if "figure" in want:
            assert anchor_text(case["text"], lang, published, finding) == want["figure"]
        if "suggestion" in want:
            assert finding.suggestion == want["suggestion"], finding.message
        if "path" in want:
            assert finding.path.endswith(want["path"])
        for words in want.get("message", []):
            assert words in finding.message, finding.message
        for words in want.get("not_in_message", []):
            assert words not in finding.message, finding.message
