"""The Markdown report: a summary table, a <details> block per file, input text escaped."""

from __future__ import annotations

from pathlib import Path

from factcheck.engine.audit import audit_paths
from factcheck.engine.settings import rules_of, settings
from factcheck.model import AuditResult, Finding
from factcheck.report import render
from factcheck.report.markdown import escape

ROOT = Path(__file__).resolve().parents[2]
RULES = rules_of(settings().pack)


def test_summary_table_then_one_details_block_per_file_with_findings() -> None:
    result = audit_paths([ROOT / "examples"])
    text = render("markdown", result, RULES)
    lines = text.splitlines()
    assert lines[0] == "## factcheck report"
    header = lines.index("| File | Figures (finding / fine / not checked) | Errors | Warnings "
                         "| Info | Checks |")
    rows = lines[header + 2:header + 2 + len(result.documents)]
    assert [r.split(" | ")[0] for r in rows] == [
        f"| {escape(d.document.path)}" for d in result.documents]
    kerugian = next(r for r in rows if r.split(" | ")[0].endswith("openai-kerugian.md"))
    assert kerugian.endswith("| 10 (2 / 6 / 2) | 0 | 1 | 0 | FX001 |")
    assert text.count("<details>") == len({f.path for f in result.findings})
    assert text.count("<details>") == text.count("</details>")
    assert "  - **Correction:** ~~Rp 64 triliun~~ → **Rp 65 triliun**" in lines
    assert "  - Rate this conversion implies: 15,875 – 16,250 IDR/USD" in lines
    assert render("markdown", result, RULES) == text


def test_input_text_cannot_inject_markdown_or_html() -> None:
    hostile = ("<script>alert(1)</script> | *bold* _it_ [x](javascript:alert(1)) `code` "
               "US$ 4 $ 5\n# heading\n- item")
    finding = Finding(code="FX001", name="conversion-rate-mismatch", severity="error",
                      message=hostile, path="claims/a|b <i>.yaml", line=3, column=1,
                      suggestion=hostile, evidence={"wording": hostile})
    text = render("markdown", AuditResult(findings=(finding,)), RULES)
    assert "<script>" not in text and "<i>" not in text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text
    assert r"claims/a\|b &lt;i&gt;.yaml" in text  # a table cell stays one cell
    assert r"\[x\](javascript:alert(1))" in text and r"\*bold\*" in text
    assert r"US\$ 4 \$ 5" in text and r"\`code\`" in text
    assert "<summary><code>claims/a|b &lt;i&gt;.yaml</code>: 1 error, 0 warnings, 0 info" \
           "</summary>" in text
    for line in text.splitlines():
        assert not line.startswith(("# heading", "- item"))


def test_no_findings() -> None:
    text = render("markdown", AuditResult(findings=()), RULES)
    assert text.endswith("No findings.\n") and "<details>" not in text
