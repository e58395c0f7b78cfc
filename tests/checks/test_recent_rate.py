"""FX005 on an amount with no period of its own converted at the rate of a date shortly
before publication: an info naming that date's rate while the gap is within
``recent_days``, the valuation-date warning beyond it."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import yaml

from factcheck.api import audit_text
from factcheck.checks.fx_valuation import OtherDateRate
from factcheck.model import Finding

PUBLISHED = date(2020, 3, 13)  # 14,770 IDR/USD; 14,170 on 5 March, 8 days before
TEXTS = {"id": "Nilai kontrak jembatan itu US$ 1 miliar (sekitar Rp 14,17 triliun).",
         "en": "The bridge contract is worth $1 billion (about Rp 14.17 trillion)."}


def fx005(tmp_path: Path, lang: str, recent_days: int | None) -> list[Finding]:
    rules = None
    if recent_days is not None:
        rules = tmp_path / "pack.yaml"
        rules.write_text(yaml.safe_dump({"extends": "default", "checks": {
            "FX005": {"options": {"recent_days": recent_days}}}}), encoding="utf-8")
    return [f for f in audit_text(TEXTS[lang], lang, published=PUBLISHED, rules=rules)
            if f.code == "FX005"]


@pytest.mark.parametrize("lang", sorted(TEXTS))
@pytest.mark.parametrize(("recent_days", "severity"),
                         [(None, "info"), (31, "info"), (8, "info"), (7, "warning"),
                          (0, "warning")])
def test_the_gap_against_recent_days_decides_the_severity(
        tmp_path: Path, lang: str, recent_days: int | None, severity: str) -> None:
    [finding] = fx005(tmp_path, lang, recent_days)
    assert finding.severity == severity, finding.message
    if severity == "info":
        assert "no period of its own" in finding.message
        assert "shortly before publication" in finding.message
        assert "5 March 2020" in finding.message
        assert finding.suggestion is None
    else:
        assert finding.suggestion is not None and "14" in finding.suggestion


def test_the_info_names_the_publication_date_and_the_dates_that_fit(tmp_path: Path) -> None:
    [finding] = fx005(tmp_path, "id", None)
    evidence = finding.evidence
    assert isinstance(evidence, OtherDateRate)
    assert evidence.valuation_date == "2020-03-13"
    assert round(evidence.valuation_rate) == 14770
    assert ("2020-03-05", "2020-03-05") in evidence.fitting_dates
    assert all(end < "2020-03-13" for _, end in evidence.fitting_dates)
