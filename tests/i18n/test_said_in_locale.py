"""The messages of AR003, AR004, CL002, FX003, IN001, TX001 and XS001 are built from their
forms, so in French and Indonesian the numbers the checks compute are written as the
locale writes them, whatever the style of the article or record they come from."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from factcheck.api import audit, audit_text
from factcheck.i18n.messages import localised_findings
from factcheck.model import Finding

NNBSP = "\u202f"


def _one(code: str, findings: list[Finding]) -> Finding:
    found = [f for f in findings if f.code == code]
    assert len(found) == 1 and found[0].said is not None, found
    assert found[0].said.english() == found[0].message
    return found[0]


def _in(finding: Finding, locale: str) -> str:
    return localised_findings([finding], locale)[0].message


def _english(text: str) -> list[Finding]:
    return list(audit_text(text, "en", published=date(2024, 7, 30)))


def test_the_bounds_of_a_sum_are_written_in_the_locale() -> None:
    finding = _one("AR004", _english(
        "The $1,240 million plan comprises $610 million for schools, $352 million for "
        "clinics and $131 million for housing.\n"))
    assert finding.message == (
        "$610 million + $352 million + $131 million = $1,093 million (between $1,087.0 "
        "million and $1,099.0 million), not the stated $1,240 million (+13.4%)")
    # the correction stays the article's; the bounds and the gap are the locale's
    assert _in(finding, "fr") == (
        f"$610 million + $352 million + $131 million = $1,093 million (entre $1{NNBSP}087 "
        f"million et $1{NNBSP}099 million), et non les $1,240 million annoncés "
        "(+13,4\u00a0%)")
    assert "(antara $1.087 million dan $1.099 million)" in _in(finding, "id")
    assert _in(finding, "id").endswith("(+13,4%)")


def test_the_bounds_of_a_part_and_its_whole_are_written_in_the_locale() -> None:
    finding = _one("AR003", _english(
        "The agency spent $12.2 billion on grants, of which $17.6 billion went to farmers.\n"))
    assert "(at least $17.55 billion)" in finding.message
    assert _in(finding, "fr") == ("la partie $17.6 billion (au moins $17,55 billion) dépasse "
                                  "le total $12.2 billion (au plus $12,25 billion)")
    assert "(paling sedikit $17,55 billion)" in _in(finding, "id")
    assert "(paling banyak $12,25 billion)" in _in(finding, "id")


def test_a_slipped_scale_is_written_in_the_locale() -> None:
    finding = _one("FX003", _english(
        "The company raised $2 billion (€1,840 billion) last week.\n"))
    assert "1000 times above the reference rate, 0.923873" in finding.message
    fr, id_ = _in(finding, "fr"), _in(finding, "id")
    assert f"1{NNBSP}000 fois au-dessus du cours de référence, 0,923873" in fr
    assert f"est 1{NNBSP}000 fois trop grand ; il faudrait lire €1,840 million" in fr
    assert "1.000 kali di atas kurs acuan, 0,923873" in id_
    assert "angka hasil konversi 1.000 kali terlalu besar" in id_


def test_a_misspelt_scale_word_is_translated_around_the_article_s_figures() -> None:
    finding = _one("TX001", _english("The firm lost $5 trilion last year.\n"))
    assert _in(finding, "fr") == ("« trilion » est une coquille pour « trillion » : "
                                  "$5 trilion lu comme $5 trillion")
    assert _in(finding, "id") == ('"trilion" salah ketik untuk "trillion": $5 trilion '
                                  "dibaca sebagai $5 trillion")


def _record(key: str, source: str, value: str, lang: str = "en") -> str:
    return (f"- {{id: {key}, source: {source}, published: 2024-07-30, subject: Acme, "
            f"metric: revenue, period: '2024', kind: actual, lang: {lang}, value: '{value}'}}")


def test_the_agreed_amounts_of_claims_are_written_in_the_locale(tmp_path: Path) -> None:
    records = tmp_path / "revenue.yaml"
    records.write_text("\n".join((_record("a", "Harian Niaga", "US$ 5 miliar", "id"),
                                  _record("b", "Market Daily", "$4.2 billion"),
                                  _record("b", "Market Weekly", "$4.3 billion"))) + "\n",
                       encoding="utf-8")
    findings = list(audit([records]).findings)
    finding = _one("XS001", findings)
    assert finding.message == (
        "Acme revenue 2024 (actual): Harian Niaga gives US$ 5 miliar ($4.5 billion to "
        "$5.5 billion), but Market Daily, Market Weekly give $4.25 billion")
    assert _in(finding, "fr") == (
        "Acme revenue 2024 (réalisé) : Harian Niaga donne US$ 5 miliar (4,5 milliards de "
        "dollars à 5,5 milliards de dollars), mais Market Daily, Market Weekly donnent "
        "4,25 milliards de dollars")
    assert "(US$ 4,5 miliar hingga US$ 5,5 miliar)" in _in(finding, "id")
    duplicate = _one("CL002", findings)
    assert duplicate.message.startswith("duplicate id 'b': first used at ")
    assert _in(duplicate, "fr").startswith("identifiant 'b' en double : ")
    assert _in(duplicate, "id").startswith("id 'b' ganda")


def test_the_place_of_a_bad_byte_is_written_in_the_locale(tmp_path: Path) -> None:
    draft = tmp_path / "draft.md"
    draft.write_bytes(b"The budget is fine.\n" * 60 + b"caf\xe9\n")
    (finding,) = audit([draft]).findings
    assert finding.said is not None and finding.said.english() == finding.message
    assert finding.message == ("invalid UTF-8: byte 0xe9 at byte offset 1203 (byte 4 of the "
                               "line); the file must be UTF-8")
    assert _in(finding, "fr") == (f"UTF-8 invalide : octet 0xe9 à la position 1{NNBSP}203 "
                                  "(octet 4 de la ligne) ; le fichier doit être en UTF-8")
    assert "pada posisi 1.203 (bita ke-4 di baris itu)" in _in(finding, "id")
