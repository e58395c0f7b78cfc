"""How a converted figure's trailing zeros are read (extract.precision)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factcheck.extract import extract_text
from factcheck.extract.precision import READINGS, converted_step, read_interval, read_step
from factcheck.model import Figure


def only(text: str) -> Figure:
    figures = [f for f in extract_text(text, "id") if f.kind == "money"]
    assert len(figures) == 1, figures
    return figures[0]


@pytest.mark.parametrize(
    ("text", "reading", "unit"),
    [
        ("Rp 20 triliun", "insignificant", 1e13),
        ("Rp 20 triliun", "significant", 1e12),
        ("Rp 20 triliun", "two-digits", 1e12),
        ("Rp 300 miliar", "two-digits", 1e10),
        ("Rp 300 miliar", "significant", 1e9),
        ("Rp 1.300 triliun", "two-digits", 1e14),
        ("Rp 24,5 triliun", "two-digits", 1e11),
        ("sekitar Rp 20 triliun", "unless-qualified", 1e13),
        ("Rp 20 triliun", "unless-qualified", 1e12),
    ],
)
def test_each_reading_gives_the_unit_of_the_last_digit_it_counts(
    text: str, reading: str, unit: float
) -> None:
    assert converted_step(only(text), "id", reading) == pytest.approx(unit)


@given(digits=st.integers(min_value=1, max_value=999_999), reading=st.sampled_from(READINGS))
def test_a_reading_is_never_coarser_than_the_extractor_and_never_finer_than_a_digit(
    digits: int, reading: str
) -> None:
    text = f"{digits:,}".replace(",", ".")
    value = float(digits) * 1e9
    step = 10.0 ** (len(str(digits)) - len(str(digits).rstrip("0"))) * 1e9
    unit = read_step(text, value, step, None, "id", reading)
    assert 1e9 * (1 - 1e-9) <= unit <= step * (1 + 1e-9)
    if reading == "two-digits" and digits >= 10:
        assert unit <= 10.0 ** (len(str(digits)) - 2) * 1e9 * (1 + 1e-9)


@given(st.integers(min_value=1, max_value=999), st.sampled_from(READINGS))
def test_a_read_interval_holds_the_value_and_stays_inside_the_printed_one(
        whole: int, reading: str) -> None:
    figure = only(f"Nilainya US$ {whole} juta.")
    low, high = read_interval(figure, "id", reading)
    assert low is not None and high is not None and figure.low is not None
    assert figure.low <= low <= figure.value <= high <= (figure.high or high)


def test_round_amounts_of_a_relation_are_read_to_two_significant_digits() -> None:
    assert read_interval(only("Nilainya US$ 700 juta."), "id", "two-digits") == (
        pytest.approx(695e6), pytest.approx(705e6))
    assert read_interval(only("Nilainya US$ 700 juta."), "id", "insignificant") == (
        pytest.approx(650e6), pytest.approx(750e6))
    qualified = only("Nilainya sekitar US$ 700 juta.")  # hedged: its own interval
    assert read_interval(qualified, "id", "two-digits") == (qualified.low, qualified.high)
