"""A range restated as a range: its ends, each to its own printed precision."""

from __future__ import annotations

import pytest

from factcheck.analyse.conversions import range_ends
from factcheck.extract import extract_text


def _figure(text: str, written: str):  # type: ignore[no-untyped-def]
    for figure in extract_text(text, "id"):
        if figure.text == written:
            return figure
    raise AssertionError(f"{written!r} not read in {text!r}")


@pytest.mark.parametrize(("text", "written", "ends"), [
    ("Gaji di sana HKD 4.000-5.000 sebulan.", "HKD 4.000-5.000 sebulan",
     [("HKD 4.000 sebulan", 4000, 1000), ("HKD 5.000 sebulan", 5000, 1000)]),
    # the second end's trailing zeros count down to the first end's digit
    ("Gaji di sana HKD 9.000-10.000.", "HKD 9.000-10.000",
     [("HKD 9.000", 9000, 1000), ("HKD 10.000", 10000, 1000)]),
    ("Nilainya Rp 7,2-9,6 juta.", "Rp 7,2-9,6 juta",
     [("Rp 7,2 juta", 7.2e6, 1e5), ("Rp 9,6 juta", 9.6e6, 1e5)]),
    ("Gajinya RM 1.250 hingga RM 1.800.", "RM 1.250 hingga RM 1.800",
     [("RM 1.250", 1250, 10), ("RM 1.800", 1800, 10)]),
])
def test_each_end_is_written_and_read_to_its_own_precision(
    text: str, written: str, ends: list[tuple[str, float, float]]
) -> None:
    found = range_ends(_figure(text, written))
    assert found is not None
    assert [(f.text, f.value, f.step, f.qualifier) for f in found] == [
        (t, pytest.approx(v), pytest.approx(s), None) for t, v, s in ends]
    assert {f.id for f in found} == {_figure(text, written).id}


def test_a_single_amount_has_no_ends() -> None:
    assert range_ends(_figure("Nilainya Rp 7,2 juta.", "Rp 7,2 juta")) is None
