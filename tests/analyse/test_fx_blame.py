"""Blame within a group of conversions: the agreement that spares what the reference rate
bears out, and slips of a power of ten judged against the stated rate, the reference and
the group's majority."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factcheck.analyse.conversions import Conversion
from factcheck.analyse.fx_agreement import agreement
from factcheck.analyse.fx_scale import GroupLevels, power_of_ten, slip_against_stated, slip_in_group
from factcheck.model import Figure

_count = iter(range(10**6))


def conversion(rate: float, width: float = 0.001, start: int | None = None) -> Conversion:
    """A USD -> IDR conversion of one dollar implying [rate, rate * (1 + width)]."""
    n = next(_count)
    at = n * 10 if start is None else start
    src = Figure(id=f"s{n}", text="US$ 1", start=at, end=at + 5, line=1, column=1,
                 kind="money", value=1.0, low=1.0, high=1.0, currency="USD")
    dst = Figure(id=f"d{n}", text=f"Rp {rate:g}", start=at + 6, end=at + 9, line=1, column=1,
                 kind="money", value=rate, low=rate, high=rate, currency="IDR",
                 equivalent_of=src.id)
    return Conversion(src, dst, "USD", "IDR", rate, rate * (1 + width), rate * (1 + width / 2))


@pytest.mark.parametrize(("ratio", "power"), [
    (10.0, 1), (0.1, -1), (100.0, 2), (1000.0, 3), (1e-6, -6), (11.4, 1), (8.8, 1),
    (1.0, 0), (1.14, 0), (5.0, 0), (30.0, 0), (0.0, 0), (math.inf, 0), (1e20, 0),
])
def test_power_of_ten(ratio: float, power: int) -> None:
    assert power_of_ten(ratio, 0.15) == power


@given(st.integers(-12, 12).filter(bool), st.floats(0.9, 1.1))
def test_a_power_of_ten_within_the_tolerance_is_found(power: int, off: float) -> None:
    assert power_of_ten(10.0**power * off, 0.15) == power


def test_the_agreement_spares_what_the_reference_bears_out() -> None:
    stale = [conversion(13_000), conversion(13_001)]
    market = conversion(16_250)
    found = agreement([*stale, market], reference=16_252)
    assert found is not None
    assert found.agreeing == tuple(stale) and found.odd == () and found.spared == (market,)
    off = conversion(15_000)
    found = agreement([conversion(16_250), conversion(16_251), off], reference=16_252)
    assert found is not None and found.odd == (off,) and found.spared == ()


def test_a_tie_goes_to_the_reference() -> None:
    near, far = conversion(16_240), conversion(15_000)
    found = agreement([far, near], reference=16_250)
    assert found is not None and found.agreeing == (near,) and found.odd == (far,)


def test_a_slip_against_the_stated_rate() -> None:
    c = conversion(16.2)
    slip = slip_against_stated(c, 16_200, reference=16_250, tolerance=0.15)
    assert slip and slip.power == -3 and slip.basis == "stated"
    assert slip_against_stated(conversion(16_150), 16_200, 16_250, 0.15) is None
    # a stated rate that is itself a hundred times off cannot serve
    assert slip_against_stated(c, 162, reference=16_250, tolerance=0.15) is False


def test_a_slip_against_the_reference_and_the_siblings_that_agree_with_it() -> None:
    right, slipped = conversion(10_573), conversion(10.571)
    levels = GroupLevels([right, slipped])
    assert slip_in_group(right, levels, 10_560, 0.15) is None
    slip = slip_in_group(slipped, levels, 10_560, 0.15)
    assert slip is not None and slip.power == -3 and slip.basis == "siblings"
    assert slip.expected == right.point and slip.agreeing == (right,)


def test_a_group_off_the_reference_as_a_whole_is_not_blamed_pair_by_pair() -> None:
    group = [conversion(16.2), conversion(16.3)]
    levels = GroupLevels(group)
    assert slip_in_group(group[0], levels, 16_250, 0.15) is None  # the reference check's
    # with one pair at the market, the reference outweighs any majority
    group.append(conversion(16_250))
    slip = slip_in_group(group[0], GroupLevels(group), 16_250, 0.15)
    assert slip is not None and slip.power == -3 and slip.agreeing == (group[2],)


def test_without_a_reference_the_majority_decides_and_a_tie_blames_the_later() -> None:
    a, b, c = conversion(0.66e-3), conversion(0.661e-3), conversion(0.66e-6)
    slip = slip_in_group(c, GroupLevels([a, b, c]), None, 0.15)
    assert slip is not None and slip.power == -3 and slip.basis == "majority"
    assert slip_in_group(a, GroupLevels([a, b, c]), None, 0.15) is None
    first, second = conversion(0.66e-3), conversion(0.66e-6)
    assert slip_in_group(first, GroupLevels([first, second]), None, 0.15) is None
    tie = slip_in_group(second, GroupLevels([first, second]), None, 0.15)
    assert tie is not None and tie.basis == "undecided"


def test_levels_count_in_windows() -> None:
    group = [conversion(r) for r in (100.0, 101.0, 1000.0, 10.2, 55.0)]
    levels = GroupLevels(group).levels(group[0], 0.15)
    assert levels == {-1: 1, 0: 1, 1: 1}
