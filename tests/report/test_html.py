"""The HTML report: every figure and finding on the page, input text inert, no external
URL, filters without script, deterministic bytes."""

from __future__ import annotations

from datetime import date
from html.parser import HTMLParser
from pathlib import Path

import pytest

from factcheck.engine.audit import audit_paths
from factcheck.engine.settings import rules_of, settings
from factcheck.model import AuditResult, Document, DocumentFigures, Figure, Finding
from factcheck.report import render
from factcheck.report.html import render_page
from factcheck.report.status import statuses

ROOT = Path(__file__).resolve().parents[2]
RULES = rules_of(settings().pack)
HOSTILE = ('<script>window.__pwned = 1</script> "><img src=x onerror=alert(1)> '
           "[x](javascript:alert(1)) <a href=\"javascript:alert(2)\">y</a> &amp; ' |")
VOID = {"meta", "input", "br", "img", "link", "hr", "col", "source", "wbr", "path", "rect",
        "line", "circle", "polyline"}


class Page(HTMLParser):
    """Tags, attributes and text of a page, with each element's nearest section id."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str], str]] = []
        self.text: list[str] = []
        self.marks: dict[str, list[tuple[str, str]]] = {}
        self._stack: list[tuple[str, str]] = []
        self._mark: tuple[str, str, list[str]] | None = None
        self.feed(text)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        section = next((s for _, s in reversed(self._stack) if s), "")
        if tag == "section" and values.get("id", "").startswith("doc-"):
            section = values["id"]
        self.tags.append((tag, values, section))
        if tag not in VOID:
            self._stack.append((tag, section))
        if tag == "mark" and "data-figure" in values:
            self._mark = (section, values["data-figure"], [])

    def handle_endtag(self, tag: str) -> None:
        if tag == "mark" and self._mark is not None:
            section, figure, parts = self._mark
            self.marks.setdefault(section, []).append((figure, "".join(parts)))
            self._mark = None
        while self._stack:
            if self._stack.pop()[0] == tag:
                break

    def handle_data(self, data: str) -> None:
        self.text.append(data)
        if self._mark is not None:
            self._mark[2].append(data)

    def find(self, tag: str, **attrs: str) -> list[dict[str, str]]:
        return [a for t, a, _ in self.tags if t == tag
                and all(a.get(k.rstrip("_").replace("_", "-")) == v for k, v in attrs.items())]

    def with_class(self, name: str) -> list[dict[str, str]]:
        return [a for _, a, _ in self.tags if name in a.get("class", "").split()]


@pytest.fixture(scope="module")
def examples() -> AuditResult:
    return audit_paths([ROOT / "claims", ROOT / "examples"])


def _section_ids(result: AuditResult) -> dict[str, str]:
    paths = sorted({f.path for f in result.findings} | {d.document.path
                                                         for d in result.documents})
    return {path: f"doc-{i}" for i, path in enumerate(paths, 1)}


def test_every_figure_and_every_finding_is_on_the_page(examples: AuditResult) -> None:
    page = Page(render("html", examples, RULES))
    ids = _section_ids(examples)
    assert examples.documents and examples.findings
    for doc in examples.documents:
        marked = page.marks[ids[doc.document.path]]
        assert marked == [(f.id, f.text) for f in doc.figures]
    cards = page.with_class("card")
    assert len(cards) == len(examples.findings)
    text = " ".join("".join(page.text).split())
    for finding in examples.findings:
        assert " ".join(finding.message.split()) in text
        if finding.suggestion:
            assert finding.suggestion in text


def test_a_finding_sits_beside_its_paragraph_with_the_correction_prominent(
    examples: AuditResult,
) -> None:
    html = render("html", examples, RULES)
    fx001 = next(f for f in examples.findings
                 if f.code == "FX001" and f.path.endswith("openai-kerugian.md"))
    paragraph = html[html.index("memakan"):]
    paragraph = paragraph[:paragraph.index('<div class="para')]
    assert "<del>Rp 64 triliun</del>" in paragraph and "<ins>Rp 65 triliun</ins>" in paragraph
    assert f'class="card fnd sev-{fx001.severity} code-FX001"' in paragraph
    for shown in ("15,875 – 16,250 IDR/USD", "16,281.3 – 16,300 IDR/USD", "−1.78%",
                  "US$ 5 miliar → Rp 81 triliun"):
        assert shown in paragraph


def _hostile_result() -> AuditResult:
    text = f"# {HOSTILE}\n\nRugi US$ 4 miliar (sekitar Rp 64 triliun) {HOSTILE}.\n"
    start = text.index("US$")
    doc = Document(path=f"news/{HOSTILE}.md", text=text, lang="id", published=date(2024, 7, 30),
                   title=HOSTILE, source="javascript:alert(1)")
    figures = (
        Figure(id="f1", text="US$ 4 miliar", start=start, end=start + 12, line=3, column=6,
               kind="money", value=4e9, low=4e9, high=4e9, currency="USD", step=1e9),
        Figure(id="f2", text="Rp 64 triliun", start=start + 22, end=start + 35, line=3,
               column=28, kind="money", value=64e12, low=63.5e12, high=64.5e12,
               currency="IDR", qualifier="about", equivalent_of="f1", step=1e12),
    )
    findings = (
        Finding(code="FX001", name="conversion-rate-mismatch", severity="error",
                message=HOSTILE, path=doc.path, line=3, column=28, figures=("f1", "f2"),
                suggestion=HOSTILE, evidence={"implied_rate": [15875.0, 16250.0],
                                              "pair": "IDR/USD", "wording": HOSTILE}),
        Finding(code="XS001", name="cross-source-value-mismatch", severity="warning",
                message=f"{HOSTILE}: gives", path=f"claims/{HOSTILE}.yaml", line=2, column=1,
                evidence={"record": HOSTILE, "interval": [1.0, 2.0], "agreed": [3.0, 4.0],
                          "unit": "USD", "agreeing_records": [HOSTILE]}),
    )
    return AuditResult(findings=findings, documents=(DocumentFigures(document=doc,
                                                                     figures=figures),))


def test_hostile_input_is_escaped_everywhere() -> None:
    html = render("html", _hostile_result(), RULES)
    page = Page(html)
    tags = {t for t, _, _ in page.tags}
    assert not tags & {"script", "img", "iframe", "object", "embed", "link", "base", "form"}
    for tag, attrs, _ in page.tags:
        assert not any(name.startswith("on") for name in attrs), (tag, attrs)
        assert "javascript:" not in attrs.get("href", "")
    assert "window.__pwned = 1" in "".join(page.text)  # shown as text, not run
    assert html.count("&lt;script&gt;") >= 8


def test_nothing_is_loaded_from_outside_the_page(examples: AuditResult) -> None:
    for result in (examples, _hostile_result()):
        page = Page(render("html", result, RULES))
        for tag, attrs, _ in page.tags:
            assert "src" not in attrs and "srcset" not in attrs, tag
            assert attrs.get("href", "#").startswith("#"), (tag, attrs)
            for name, value in attrs.items():
                if name != "xmlns":
                    assert "//" not in value or name in ("title", "aria-label"), (tag, name)
        css = "".join(t for t in page.text if "{" in t)
        assert "url(" not in css and "@import" not in css and "@font-face" not in css
        csp = page.find("meta", http_equiv="Content-Security-Policy")
        assert csp and "default-src 'none'" in csp[0]["content"]


def test_filters_by_severity_and_code_need_no_script(examples: AuditResult) -> None:
    html = render("html", examples, RULES)
    page = Page(html)
    codes = sorted({f.code for f in examples.findings})
    for key in ["error", "warning", "info", *(f"code-{c}" for c in codes)]:
        assert page.find("input", id=f"show-{key}", type="checkbox")
        assert page.find("label", for_=f"show-{key}")
        selector = f".fnd.{'sev-' + key if '-' not in key else key}"
        assert f"#show-{key}:not(:checked) ~ main {selector} {{ display: none; }}" in html
    for finding_class in (a["class"].split() for a in page.with_class("fnd")):
        assert any(c.startswith("sev-") for c in finding_class)
        assert any(c.startswith("code-") for c in finding_class)
    assert not page.find("script")


def test_same_input_same_bytes(examples: AuditResult) -> None:
    shuffled = examples.model_copy(update={"documents": tuple(reversed(examples.documents))})
    assert render("html", examples, RULES) == render("html", shuffled, RULES)


def test_claims_findings_are_a_table_with_cross_source_bars(examples: AuditResult) -> None:
    html = render("html", examples, RULES)
    claims = html[html.index("claims/ai-labs-2025.yaml</h2>"):]
    claims = claims[:claims.index("</section>")]
    assert '<table class="findings">' in claims
    assert "decoder-anthropic-revenue-2025" in claims
    assert claims.count("<svg xmlns") == sum(1 for f in examples.findings if f.code == "XS001"
                                       and f.path.endswith("claims/ai-labs-2025.yaml"))


def test_a_conversion_valued_in_the_past_is_charted_at_its_valuation_date(
    tmp_path: Path,
) -> None:
    article = tmp_path / "valuasi.md"
    article.write_text(
        "---\npublished: 2024-07-30\nlang: id\n---\n"
        "OpenAI bisa rugi hingga US$ 5 miliar (sekitar Rp 81 triliun) pada tahun ini.\n\n"
        "Biaya mencapai US$ 7 miliar (sekitar Rp 114 triliun) tahun ini.\n\n"
        "Nilai pasar OpenAI diprediksi akan mencapai US$ 80 miliar (sekitar Rp 1.303 triliun) "
        "pada Februari 2024.\n\n"
        "Laba anak usaha US$ 97,4 miliar (sekitar Rp 1,51 triliun).\n", encoding="utf-8")
    result = audit_paths([article])
    assert "FX005" in {f.code for f in result.findings}
    html = render_page(result, RULES)
    chart = html[html.index('<figure class="chart-box">'):]
    assert "<polyline" in chart and "published 2024-07-30" in chart
    assert "valued 2024-02-29" in chart and "15,738.2 IDR/USD on 2024-02-29" in chart
    assert "times off the reference rate and not drawn" in chart  # the scale slip


def test_figure_status() -> None:
    def money(ident: str, **extra: object) -> Figure:
        return Figure(id=ident, text="x", start=0, end=1, line=1, column=1, kind="money",
                      value=1.0, low=1.0, high=1.0, currency="USD", **extra)  # type: ignore[arg-type]

    figures = [money("f1"), money("f2", equivalent_of="f1"), money("f3"), money("f4")]
    found = [Finding(code="AR003", name="part-exceeds-whole", severity="error", message="m",
                     path="a", line=1, column=1, figures=("f3",))]
    assert statuses(figures, found) == {"f1": "fine", "f2": "fine", "f3": "finding",
                                        "f4": "unchecked"}


def test_a_markdown_heading_is_shown_as_a_heading(tmp_path: Path) -> None:
    article = tmp_path / "judul.md"
    article.write_text("---\nlang: id\n---\n# Rupiah di pasar\n\nNilai ekspor naik.\n\n"
                       "## Bagian kedua\nTeks biasa tanpa tanda.\n", encoding="utf-8")
    page = Page(render_page(audit_paths([article]), RULES))
    texts = [(values.get("class", ""), values.get("aria-level")) for tag, values, _ in page.tags
             if tag == "p" and "text" in values.get("class", "").split()]
    assert texts == [("text heading", "1"), ("text", None), ("text heading", "2"),
                     ("text", None)]
    assert "#" not in "".join(page.text).split("Rupiah di pasar")[0][-5:]  # no hashes shown
