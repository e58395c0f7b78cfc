"""The seed articles in ../shared/seeds, read as a user would (skipped when absent)."""

from __future__ import annotations

import json
import os
from datetime import date
from pathlib import Path

import pytest

from factcheck.extract import extract_text
from factcheck.model import Figure

SHARED = Path(os.environ.get("FACTCHECK_SHARED", Path(__file__).resolve().parents[3] / "shared"))
SEEDS = SHARED / "seeds"


def seed(prefix: str) -> tuple[str, str]:
    if not SEEDS.is_dir():
        pytest.skip(f"../shared/seeds not found: {SEEDS}")
    index = json.loads((SEEDS / "index.json").read_text(encoding="utf-8"))
    name = next(n for n in index if n.startswith(prefix))
    return (SEEDS / name).read_text(encoding="utf-8"), index[name]["lang"]


def by_text(figures: tuple[Figure, ...]) -> dict[str, Figure]:
    return {f.text: f for f in figures}


def test_seed_000_links_the_four_rupiah_conversions() -> None:
    text, lang = seed("000")
    figures = by_text(extract_text(text, lang, published=date(2024, 7, 30)))
    pairs = [("US$ 5 miliar", "Rp 81 triliun"), ("US$ 7 miliar", "Rp 114 triliun"),
             ("US$ 4 miliar", "Rp 64 triliun"), ("US$ 80 miliar", "Rp 1.303 triliun")]
    for dollars, rupiah in pairs:
        usd, idr = figures[dollars], figures[rupiah]
        assert (usd.currency, idr.currency) == ("USD", "IDR")
        assert idr.equivalent_of == usd.id
    assert figures["Rp 1.303 triliun"].value == 1303e12
    assert figures["US$ 80 miliar"].period is not None
    assert figures["US$ 80 miliar"].period.label == "2024-02"
    assert figures["US$ 80 miliar"].tense == "future"
    assert len(figures) == 8


def test_seed_001_money_percent_and_units() -> None:
    text, lang = seed("001")
    figures = by_text(extract_text(text, lang, published=date(2025, 11, 13)))
    assert figures["$5,83 miliar"].value == 5.83e9
    assert figures["$1,4 triliun"].value == 1.4e12
    assert figures["$1,4 triliun"].qualifier == "nearly"
    miles = figures["80 juta mil"]
    assert miles.unit == "meter" and miles.value == pytest.approx(80e6 * 1609.344)
    assert figures["10 gigawatt"].value == 1e10 and figures["10 gigawatt"].unit == "watt"
    assert figures["tiga perempat"].kind == "ratio"
    assert figures["85%"].value == pytest.approx(0.85)
    money = sorted(f.text for f in figures.values() if f.kind == "money")
    assert money == ["$1,4 triliun", "$300 miliar", "$5,83 miliar", "$500 miliar",
                     "$74 miliar"]


@pytest.mark.parametrize("prefix", ["002", "003", "004"])
def test_control_seeds_yield_no_money(prefix: str) -> None:
    text, lang = seed(prefix)
    figures = extract_text(text, lang)
    assert [f for f in figures if f.kind == "money"] == []
    if prefix == "002":
        assert figures == ()
