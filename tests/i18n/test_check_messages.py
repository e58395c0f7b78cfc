"""Every check's messages exist in Indonesian and French: each finding of every YAML case
(tests/checks/cases) has a form in ``factcheck/i18n/message_forms.py``, and shown in each
translated locale it reads differently from the English, with the same figures in it.
A message added or reworded without its form and translations fails here, with what to do;
so does a label of a finding's arithmetic that ``factcheck/i18n/evidence_labels.py`` lacks.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from babel.messages.pofile import read_po

from factcheck.api import audit, audit_text
from factcheck.i18n import CATALOG_COMMANDS, DOMAIN, LOCALE_DIR, LOCALES, SOURCE_LOCALE
from factcheck.i18n.evidence_labels import LABELS
from factcheck.i18n.message_forms import FORMS, PIECES, WORDS
from factcheck.i18n.messages import form_of, localised_findings, localised_message, said_in
from factcheck.model import Finding
from factcheck.registry import all_checks
from tests.checks.test_cases import case_findings, load

TRANSLATED = [locale for locale in LOCALES if locale != SOURCE_LOCALE]
UPDATE = "from the repository's root:\n    " + "\n    ".join(CATALOG_COMMANDS)
HOW = ("give the message its form in factcheck/i18n/message_forms.py (the English words, "
       "{name} for each piece, [...] around a part that may be missing), then, " + UPDATE)
#: Codes whose message is the text of a bug (IN002): an exception's own words.
AS_WRITTEN = {"IN002"}


@pytest.mark.parametrize(("check", "case"), load())
def test_every_message_of_every_case_is_translated(
        check: str, case: dict[str, Any], tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    findings = [f for f in case_findings(case, tmp_path, monkeypatch)
                if f.code not in AS_WRITTEN]
    for finding in findings:
        assert form_of(FORMS.get(finding.code, ()), finding.message) is not None, (
            f"{finding.code}: no form for the message {finding.message!r}; {HOW}")
        if finding.said is not None:  # built from its form: the same form, the same words
            assert finding.said.form in FORMS[finding.code], (finding.said.form, HOW)
            assert finding.said.english() == finding.message
            for locale in TRANSLATED:
                assert said_in(finding.said, locale) not in (None, finding.message), HOW
        for locale in TRANSLATED:
            shown = localised_message(finding.code, finding.message, locale)
            assert shown != finding.message, (
                f"{finding.code}: {finding.message!r} is not translated in {locale}; {HOW}")
            if finding.suggestion:  # the correction is the article's, in every locale
                assert finding.suggestion in shown or finding.suggestion not in finding.message
        for label, _ in finding.evidence.rows():
            assert label in LABELS, (
                f"{finding.code}: the label {label!r} of its arithmetic is not in "
                f"factcheck/i18n/evidence_labels.py; add it there, then, {UPDATE}")


def test_every_check_that_writes_messages_has_forms() -> None:
    assert set(all_checks()) - set(FORMS) <= AS_WRITTEN


_PLACES = re.compile(r"\{\w+\}|\[|\]")


@pytest.mark.parametrize("locale", TRANSLATED)
def test_translations_keep_the_pieces_of_their_form(locale: str) -> None:
    with open(LOCALE_DIR / locale / "LC_MESSAGES" / f"{DOMAIN}.po", "rb") as source:
        catalog = read_po(source, locale=locale)
    forms = {form for forms in (*FORMS.values(), *PIECES.values()) for form in forms}
    words = {word for group in WORDS.values() for word in group}
    for message in catalog:
        if message.id in forms:
            assert sorted(_PLACES.findall(message.string)) == sorted(
                _PLACES.findall(message.id)), (locale, message.id, message.string)
        if message.id in words:
            assert message.string and not _PLACES.search(message.string), message.id


def test_a_message_keeps_its_figures_and_dates_in_the_locale() -> None:
    message = ("US$ 4 miliar -> Rp 64 triliun implies 15.875–16.250 IDR/USD; the article's "
               "other 3 conversions agree on 16.281,3–16.300 IDR/USD: at that rate it is "
               "about Rp 65 triliun")
    fr = localised_message("FX001", message, "fr")
    assert fr == ("US$ 4 miliar -> Rp 64 triliun suppose un cours de 15.875–16.250 IDR/USD ; "
                  "les 3 autres conversions dans l'article s'accordent sur 16.281,3–16.300 "
                  "IDR/USD : à ce cours, cela fait environ Rp 65 triliun")
    id_ = localised_message("FX001", message.replace(": at that rate it is about Rp 65 "
                                                     "triliun", ""), "id")
    assert id_ == ("US$ 4 miliar -> Rp 64 triliun menyiratkan kurs 15.875–16.250 IDR/USD; 3 "
                   "konversi lain di artikel ini sepakat pada 16.281,3–16.300 IDR/USD")
    dated = ("fx_date 2024-10-10 is after the source was published (2024-10-03)")
    assert localised_message("CL003", dated, "fr") == (
        "fx_date 10 octobre 2024 est postérieure à la publication de la source "
        "(3 octobre 2024)")
    assert localised_message("CL003", dated, "en") == dated


def test_a_message_with_no_form_is_shown_as_written() -> None:
    assert localised_message("FX001", "a message no check writes", "id") == (
        "a message no check writes")


def test_only_the_message_changes() -> None:
    finding = Finding(code="IN001", name="unreadable-input", severity="error",
                      message="empty file", path="a.md", line=1, column=1, fingerprint="x")
    (shown,) = localised_findings([finding], "id")
    assert shown.message == "berkas kosong"
    assert shown.model_dump(exclude={"message"}) == finding.model_dump(exclude={"message"})


NNBSP = "\u202f"


def _said(code: str, findings: list[Finding], locale: str) -> str:
    found = [f for f in findings if f.code == code]
    assert len(found) == 1 and found[0].said is not None
    return localised_findings(found, locale)[0].message


def test_numbers_of_a_message_built_from_its_form_are_the_locale_s(tmp_path: Path) -> None:
    records = tmp_path / "kurs.yaml"
    records.write_text("\n".join(
        f"- {{id: {key}, source: {source}, published: 2003-06-02, subject: {subject}, "
        f"metric: investment, period: '2003', kind: actual, lang: id, value: US$ {usd} "
        f"miliar, equivalent: 'Rp {idr} triliun'}}"
        for key, source, subject, usd, idr in (
            ("a", "Harian Satu", "PLN", 2, "32,4"), ("b", "Warta Dua", "KAI", 3, "48,6"),
            ("c", "Kabar Tiga", "Inalum", 3, 45))) + "\n", encoding="utf-8")
    findings = list(audit([records]).findings)
    english = [f.message for f in findings if f.code == "XS002"]
    assert english == ["Kabar Tiga converts at 14,833.3–15,333.3 IDR/USD on 2003-06-02, but "
                       "other sources of that date agree on 16,183.3–16,233.3 IDR/USD"]
    assert "14.833,3–15.333,3 IDR/USD pada 2 Juni 2003" in _said("XS002", findings, "id")
    assert f"16{NNBSP}183,3–16{NNBSP}233,3 IDR/USD" in _said("XS002", findings, "fr")
    text = "Maskapai itu merugi US$ 2 miliar per tahun, atau setara Rp 9 miliar setiap hari.\n"
    findings = list(audit_text(text, "id", published=date(2024, 7, 30)))
    assert "(1 an = 365 jours, à 16" + NNBSP + "335,8 IDR/USD)" in _said("UN002", findings, "fr")
    assert "(-89,9\u00a0%)" in _said("UN002", findings, "fr")
    assert "(1 tahun = 365 hari, dengan kurs 16.335,8 IDR/USD)" in _said("UN002", findings, "id")


def test_months_and_rates_of_a_message_are_the_locale_s() -> None:
    text = ("Perusahaan itu rugi US$ 5 miliar (sekitar Rp 81 triliun) tahun ini.\n\n"
            "Nilai pasarnya diprediksi mencapai US$ 80 miliar (sekitar Rp 1.303 triliun) "
            "pada Februari 2024.\n")
    findings = list(audit_text(text, "id", published=date(2024, 7, 30)))
    french = _said("FX005", findings, "fr")
    assert f"environ 16{NNBSP}287,5 IDR/USD, le cours de mai–juillet 2024" in french
    assert f"le 29 février 2024, le cours était de 15{NNBSP}738,2" in french
    assert "kurs pada Mei–Juli 2024" in _said("FX005", findings, "id")
