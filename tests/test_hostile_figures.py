"""The figures that used to crash a whole run, each beside a good article: a currency
symbol whose parts are apart by a no-break space, several spaces or a line break; a change
or a share of zero; numbers beyond the range of a float. Each is read (or refused as a
figure) without an internal error, the good article keeps its findings, and every JSON
output parses with a strict parser: no Infinity, no NaN."""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

import pytest
from pydantic import ValidationError
from typer.testing import CliRunner

from factcheck.api import audit_text
from factcheck.cli import app
from factcheck.extract import extract_text
from factcheck.model import Figure, Finding

GOOD = (
    "Proyek pertama bernilai US$ 5 miliar atau setara Rp 81 triliun.\n"
    "Proyek kedua bernilai US$ 7 miliar atau setara Rp 114 triliun.\n"
    "Proyek ketiga bernilai US$ 2 miliar atau setara Rp 36 triliun.\n"
)
HUGE = "9" * 320
HOSTILE = {
    "symbol-nbsp.txt": ("fr", "La perte atteint US\u00a0$ 5 millions cette année."),
    "rate-spaces.txt": ("fr", "Le cours est de €1 = US  $ 1,08, soit US $ 5 millions."),
    "symbol-newline.txt": ("en", "It cost US\n$ 5 million (about Rp 80 trillion)."),
    "change-from-zero.txt": ("en", "Revenue rose 50% from $0 million to $5 million."),
    "whole-of-zero.txt": ("en", "Its profit was $5 billion, about three quarters of its "
                                "revenue of $0 billion."),
    "huge.txt": ("en", f"The loss was ${HUGE} (about Rp 5 trillion), or US$ 1{'0' * 400}."),
    "huge-scaled.txt": ("id", f"Nilainya Rp 1{'0' * 305} triliun (sekitar US$ 5 miliar)."),
    "tiny.txt": ("en", f"A share of 0.{'0' * 330}1% is US$ 0.{'0' * 400}5 million."),
}


def strict(text: str) -> Any:
    """JSON as a strict parser reads it: Infinity and NaN are not JSON."""
    def refuse(constant: str) -> None:
        raise ValueError(f"{constant} in the JSON")
    return json.loads(text, parse_constant=refuse)


@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("US\u00a0$ 5 millions", "fr", ("USD", 5e6)),
    ("US  $ 5 millions", "fr", ("USD", 5e6)),
    ("US\n$ 5 million", "en", ("USD", 5e6)),
    ("half\u00a0a billion dollars", "en", ("USD", 5e8)),
    ("5 milliardſ d'euros", "fr", ("EUR", 5e9)),  # "ſ" matches "s" case-insensitively
])
def test_a_currency_or_scale_written_apart_is_read_by_its_key(
        text: str, lang: str, expected: tuple[str, float]) -> None:
    (figure,) = extract_text(text, lang)  # type: ignore[arg-type]
    assert (figure.currency, figure.value) == expected and figure.text == text


@pytest.mark.parametrize("space", ["\u00a0", "  ", "\n"])
def test_a_stated_rate_with_a_symbol_written_apart_is_a_rate(space: str) -> None:
    (rate,) = extract_text(f"Le cours: €1 = US{space}$ 1,08.", "fr")
    assert (rate.kind, rate.currency, rate.unit, rate.value) == ("rate", "USD", "EUR", 1.08)


def test_numbers_beyond_float_range_are_not_figures() -> None:
    assert [f.text for f in extract_text(HOSTILE["huge.txt"][1], "en")] == ["Rp 5 trillion"]
    assert extract_text(f"Rp 1{'0' * 305} triliun", "id") == ()
    for figure in extract_text(HOSTILE["tiny.txt"][1], "en"):
        assert all(math.isfinite(x) and (x == 0 or abs(x) > 1e-300)
                   for x in (figure.value, figure.step))


def test_a_figure_or_evidence_can_hold_no_infinity_or_nan() -> None:
    fields = {"id": "f1", "text": "x", "start": 0, "end": 1, "line": 1, "column": 1,
              "kind": "money"}
    for bad in (math.inf, -math.inf, math.nan):
        with pytest.raises(ValidationError):
            Figure(**fields, value=bad, low=None, high=None)  # type: ignore[arg-type]
        with pytest.raises(ValidationError):
            Figure(**fields, value=1.0, low=bad, high=None)  # type: ignore[arg-type]
    finding = Finding(code="AR001", name="x", severity="info", message="m", path="a", line=1,
                      column=1, evidence={"share": [0.5, math.inf], "nested": {"hi": -math.inf}})
    assert finding.evidence == {"share": [0.5, None], "nested": {"hi": None}}  # unbounded
    with pytest.raises(ValidationError, match="NaN in the evidence"):
        Finding(code="AR001", name="x", severity="info", message="m", path="a", line=1,
                column=1, evidence={"share": (math.nan, 1.0)})


def test_zero_changes_and_shares_give_no_internal_error() -> None:
    for name in ("change-from-zero.txt", "whole-of-zero.txt"):
        lang, text = HOSTILE[name]
        assert not [f for f in audit_text(text, lang) if f.code == "IN002"]  # type: ignore[arg-type]


def test_hostile_figures_beside_a_good_article(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    for name, (_, text) in HOSTILE.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    runner = CliRunner()
    audited = runner.invoke(app, ["audit", str(tmp_path), "--published", "2024-07-30",
                                  "--format", "json", "--fail-on", "never"])
    assert audited.exit_code == 0, audited.output
    findings = strict(audited.stdout)["findings"]
    assert not [f for f in findings if f["code"] in ("IN001", "IN002")]
    assert [f["code"] for f in findings if f["path"].endswith("good.txt")] == ["FX001"]
    for fmt in ("json", "jsonl"):
        extracted = runner.invoke(app, ["extract", str(tmp_path), "--format", fmt])
        assert extracted.exit_code == 0, extracted.output
        for line in extracted.stdout.splitlines() if fmt == "jsonl" else [extracted.stdout]:
            strict(line)
    sarif = runner.invoke(app, ["audit", str(tmp_path), "--format", "sarif", "--fail-on",
                                "never"])
    strict(sarif.stdout)
