"""The report in French and Indonesian: the arithmetic of each finding, the figures'
readings and the rate charts write numbers and dates as the locale does, while the JSON
contract keeps the same machine values in every locale."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from factcheck.engine.audit import audit_paths
from factcheck.engine.settings import rules_of, settings
from factcheck.i18n import check_docs
from factcheck.model import AuditResult
from factcheck.report import render
from factcheck.report.html import render_page

RULES = rules_of(settings().pack)
NNBSP = "\u202f"


@pytest.fixture(scope="module")
def result(tmp_path_factory: pytest.TempPathFactory) -> AuditResult:
    article = tmp_path_factory.mktemp("locale") / "obligasi.md"
    article.write_text(
        "---\npublished: 2024-07-30\nlang: id\n---\n"
        "Pemerintah menerbitkan obligasi US$ 2 miliar (sekitar Rp 30,5 triliun) hari ini.\n\n"
        "Nilai pasar perusahaan itu mencapai US$ 80 miliar (sekitar Rp 1.303 triliun) "
        "pada Februari 2024.\n", encoding="utf-8")
    return audit_paths([article])


def _rows(html: str) -> list[tuple[str, str]]:
    return re.findall(r"<dt>(.*?)</dt><dd>(.*?)</dd>", html)


def _texts(html: str, kind: str) -> list[str]:
    return re.findall(rf'<text[^>]*class="{kind}[^"]*"[^>]*>([^<]*)</text>', html)


def test_the_arithmetic_is_written_in_the_locale(result: AuditResult) -> None:
    english = dict(_rows(render_page(result, RULES, "en")))
    assert english["Reference rate on the valuation date"] == (
        "15,738.2 IDR/USD (rate of 2024-02-29)")
    assert english["Dates whose reference rate fits"] == (
        "2024-04-17 to 2024-04-30, 2024-05-31 to 2024-07-30")
    indonesian = _rows(render_page(result, RULES, "id"))
    assert ("Kurs yang disepakati konversi lain", "16.281,3 – 16.300 IDR/USD") in indonesian
    assert ("Selisih", "−6,39%") in indonesian
    assert ("Kurs acuan pada tanggal penilaian", "15.738,2 IDR/USD (kurs 29 Februari 2024)"
            ) in indonesian
    assert ("Tanggal yang kurs acuannya cocok", "17 April 2024 hingga 30 April 2024, "
            "31 Mei 2024 hingga 30 Juli 2024") in indonesian
    french = dict(_rows(render_page(result, RULES, "fr")))
    assert f"15{NNBSP}738,2 IDR/USD (cours du 29 février 2024)" in french.values()
    assert "29 février 2024" in french.values()  # the valuation date


def test_the_figures_read_in_the_locale(result: AuditResult) -> None:
    titles = re.findall(r'data-status="\w+" title="([^"]*)"', render_page(result, RULES, "id"))
    assert titles[0] == "uang · 2 miliar USD · berkisar 1,5 miliar – 2,5 miliar USD · temuan FX001"
    assert titles[3].startswith("uang · 1.303 triliun IDR · berkisar 1.302,5 triliun – ")
    assert titles[1].endswith(" IDR · sekitar · temuan FX001")  # the qualifier, in words
    english = re.findall(r'data-status="\w+" title="([^"]*)"', render_page(result, RULES, "en"))
    assert english[0] == "money · 2 billion USD · admits 1.5 billion – 2.5 billion USD · " \
        "finding FX001"


def test_the_rate_chart_is_drawn_in_the_locale(result: AuditResult) -> None:
    page = render_page(result, RULES, "id")
    chart = page[page.index('<figure class="chart-box">'):]
    assert _texts(chart, "when-label") == ["terbit 30 Juli 2024", "nilai per 29 Februari 2024"]
    assert _texts(chart, "tick")[:3] == ["15.500", "16.000", "16.500"]
    assert "Agu" in _texts(chart, "tick")  # the months as the locale abbreviates them
    assert "15.738,2 IDR/USD pada 29 Februari 2024" in chart  # the legend's reference
    english = render_page(result, RULES, "en")
    chart = english[english.index('<figure class="chart-box">'):]
    assert _texts(chart, "when-label") == ["published 2024-07-30", "valued 2024-02-29"]
    assert _texts(chart, "tick")[:3] == ["15,500", "16,000", "16,500"]


def test_the_json_contract_is_the_same_in_every_locale(result: AuditResult) -> None:
    written = {loc: json.loads(render("json", result, RULES, locale=loc))
               for loc in ("en", "fr", "id")}
    for loc in ("fr", "id"):
        assert [f["evidence"] for f in written[loc]["findings"]] == [
            f["evidence"] for f in written["en"]["findings"]]


def test_the_checks_are_documented_in_the_locale_or_said_to_be_english(
        result: AuditResult, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    french = render_page(result, RULES, "fr")
    assert "des conversions d&#39;un même document qui n&#39;admettent aucun cours" in french
    assert "une conversion faite au cours d&#39;une autre date" in french  # FX005's summary
    assert 'id="checks-in-english"' not in french  # both checks are translated
    shares = tmp_path / "ekspor.txt"
    shares.write_text("Ekspor mencapai Rp 6 triliun, atau setengah dari total penjualan "
                      "Rp 18 triliun.\n", encoding="utf-8")
    assert "« X, environ les trois quarts de Y »" in render_page(
        audit_paths([shares]), RULES, "fr").replace("&#34;", '"')  # AR001's summary
    translated = check_docs.translated_doc
    monkeypatch.setattr(check_docs, "translated_doc",  # as if AR001 were not translated
                        lambda code, locale: None if code == "AR001" else translated(code, locale))
    page = render_page(audit_paths([shares]), RULES, "fr")
    notes = re.findall(r'<p class="muted" id="checks-in-english">([^<]*)</p>', page)
    assert notes == ["La documentation de AR001 n'est pas encore traduite : elle est donnée "
                     "en anglais."]  # once, naming the check shown in English
    assert 'id="checks-in-english"' not in render_page(result, RULES, "en")
