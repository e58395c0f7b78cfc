"""A whole percentage is read to two significant digits: "10%" is 9.5-10.5%, not 5-15%."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factcheck import audit_text
from factcheck.extract import extract_text
from factcheck.extract.precision import percent_step


@pytest.mark.parametrize(("text", "lang", "low", "high"), [
    ("Inflasi tahunan mencapai 10% pada Mei.", "id", 0.095, 0.105),
    ("Le chômage a touché 20 % des jeunes.", "fr", 0.195, 0.205),
    ("Sales fell 100% in a year.", "en", 0.95, 1.05),
    ("Sales rose 7% in a year.", "en", 0.065, 0.075),
    ("Sales rose 12.50% in a year.", "en", 0.12495, 0.12505),
])
def test_whole_percentages_keep_two_digits(text: str, lang: str, low: float,
                                           high: float) -> None:
    (figure,) = [f for f in extract_text(text, lang) if f.kind == "percent"]  # type: ignore[arg-type]
    assert figure.low == pytest.approx(low) and figure.high == pytest.approx(high)


def test_a_round_change_that_its_figures_contradict_is_flagged() -> None:
    findings = audit_text("Ekspor naik 20% dari Rp 5,0 triliun menjadi Rp 6,2 triliun.", "id")
    assert [f.code for f in findings] == ["AR002"]


@given(st.integers(min_value=1, max_value=10**6))
def test_the_step_never_widens_and_keeps_the_value_printed(value: int) -> None:
    printed_step = 10.0 ** (len(str(value)) - len(str(value).rstrip("0")))
    step = percent_step(float(value), printed_step)
    assert step <= printed_step
    assert value % step == 0  # the printed value is a multiple of the unit read
    assert len(str(value)) - len(str(int(value // step))) <= max(0, len(str(value)) - 2)
