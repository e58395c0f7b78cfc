"""The FX reading of an article in O(n log n): the sweep that finds the conversions that
agree, the median of a conversion's siblings, and the stated-rate searches give what the
plain definitions give (written here as the specification), ties included."""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.analyse.conversions import Conversion
from factcheck.analyse.fx_groups import agreement
from factcheck.analyse.stated_rates import StatedRate, StatedRates

ENDS = st.sampled_from([1.0, 1.5, 2.0, 2.5, 3.0, 4.0]) | st.floats(0.5, 5.0)
WIDTHS = st.sampled_from([0.0, 0.5, 1.0]) | st.floats(0.0, 2.0)
INTERVALS = st.lists(st.tuples(ENDS, WIDTHS), max_size=12)
REFERENCES = st.sampled_from([None, 0.3, 1.5, 2.2, 9.0])


def conversion(low: float, width: float) -> Conversion:
    return Conversion(None, None, "EUR", "USD", low, low + width, low + width / 2)  # type: ignore[arg-type]


def agreement_by_definition(conversions: Sequence[Conversion], reference: float | None
                            ) -> tuple[Any, ...] | None:
    """Every largest set of intervals open together, weighed by distance to the
    reference, the narrowest member and the first member; the first best."""
    if len(conversions) < 2:
        return None
    events = sorted([(c.low, 0, i) for i, c in enumerate(conversions)]
                    + [(c.high, 1, i) for i, c in enumerate(conversions)])
    active: set[int] = set()
    best: list[frozenset[int]] = []
    for _, kind, i in events:
        if kind == 1:
            active.discard(i)
            continue
        active.add(i)
        if not best or len(active) > len(best[0]):
            best = [frozenset(active)]
        elif len(active) == len(best[0]):
            best.append(frozenset(active))

    def key(members: frozenset[int]) -> tuple[float, float, int]:
        low = max(conversions[i].low for i in members)
        high = min(conversions[i].high for i in members)
        narrowest = min(conversions[i].high / conversions[i].low for i in members)
        off = 0.0 if reference is None or low <= reference <= high else abs(
            math.log(reference / (low if reference < low else high)))
        return (off, narrowest, min(members))

    chosen = min(best, key=key)
    return tuple(sorted(chosen))


@settings(max_examples=400, deadline=None)
@given(INTERVALS, REFERENCES)
def test_the_sweep_chooses_the_set_the_definition_does(
        intervals: list[tuple[float, float]], reference: float | None) -> None:
    conversions = [conversion(low, width) for low, width in intervals]
    found = agreement(conversions, reference)
    expected = agreement_by_definition(conversions, reference)
    if expected is None:
        assert found is None
        return
    assert found is not None
    assert tuple(i for i, c in enumerate(conversions) if c in found.agreeing) == expected
    assert found.low == max(conversions[i].low for i in expected)
    assert found.high == min(conversions[i].high for i in expected)


@settings(max_examples=400, deadline=None)
@given(INTERVALS, INTERVALS)
def test_stated_rate_searches_answer_as_the_plain_loops(
        stated: list[tuple[float, float]], asked: list[tuple[float, float]]) -> None:
    rates = StatedRates(StatedRate(None, low, low + width)  # type: ignore[arg-type]
                        for low, width in stated)
    for low, width in asked:
        c = conversion(low, width)
        assert rates.overlaps(c.low, c.high) == any(
            c.low <= s.high and s.low <= c.high for s in rates)
        if rates:
            assert rates.nearest(c) is min(rates, key=lambda s: c.distance((s.low + s.high) / 2))


POINTS = st.lists(st.sampled_from([1.0, 10.0, 1000.0, 16300.0, 16.3, 1.63e7, 0.0163])
                  | st.floats(0.001, 1e8), min_size=1, max_size=12)


@settings(max_examples=300, deadline=None)
@given(POINTS, st.sampled_from([0.0, 0.03, 0.15]))
def test_group_levels_count_what_they_would_list(points: list[float], tolerance: float
                                                 ) -> None:
    from factcheck.analyse.fx_scale import MAX_POWER, GroupLevels

    group = [Conversion(None, None, "A", "B", p, p, p) for p in points]  # type: ignore[arg-type]
    levels = GroupLevels(group)
    for c in group:
        counted = levels.levels(c, tolerance)
        listed = {k: len(levels.near(c.point * 10.0**k, tolerance, c))
                  for k in range(-MAX_POWER, MAX_POWER + 1)}
        assert counted == {k: n for k, n in listed.items() if n}
        assert levels.count(c.point, tolerance, c) == len(levels.near(c.point, tolerance, c))
        near = levels.near(c.point, tolerance, c)
        assert [o.point for o in near] == sorted(o.point for o in near)


@settings(max_examples=300, deadline=None)
@given(INTERVALS, st.lists(ENDS, max_size=6))
def test_stated_rates_nearest_a_rate_and_their_followers(
        stated: list[tuple[float, float]], points: list[float]) -> None:
    rates = StatedRates(StatedRate(None, low, low + width)  # type: ignore[arg-type]
                        for low, width in stated)
    if rates:
        for point in points:
            assert rates.nearest_to(point) is min(
                rates, key=lambda s: abs(math.log(2 * point / (s.low + s.high))))
    intervals = [(p, p * 1.5) for p in points]
    assert rates.followers(intervals) == [
        sum(1 for low, high in intervals if low <= s.high and s.low <= high) for s in rates]


def test_a_finding_names_at_most_twenty_agreeing_conversions_and_counts_them_all() -> None:
    from datetime import date

    from factcheck.api import audit_text

    lines = [f"Proyek {k} bernilai US$ {k + 2} juta atau setara Rp {(k + 2) * 16300:,} juta."
             .replace(",", ".") for k in range(30)]
    lines.append("Proyek lain bernilai US$ 4 juta atau setara Rp 70.100 juta.")
    odd = [f for f in audit_text("\n".join(lines), "id", published=date(2024, 7, 30))
           if f.code == "FX001"]
    assert len(odd) == 1 and odd[0].line == 31
    evidence = odd[0].evidence.to_json()
    assert evidence["agreeing_count"] == 30 and len(evidence["agreeing"]) == 20
    assert "the article's other 30 conversions agree" in odd[0].message
