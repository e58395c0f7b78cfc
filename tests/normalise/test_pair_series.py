"""The runs of days whose rate fits an interval, found by blocks of a pair's series, are
those a plain pass over the series finds; the series itself is the product of its legs."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.normalise.fx import default_provider, fitting_dates
from factcheck.normalise.pair_series import BLOCKS, PairSeries
from factcheck.normalise.rate_table import runs_in

START = date(2020, 1, 1).toordinal()


def pair_of(rates: list[float], gaps: list[int]) -> PairSeries:
    days = [START + sum(gaps[: i + 1]) for i in range(len(rates))]
    return PairSeries.of([(days, rates, False)])


@settings(max_examples=300, deadline=None)
@given(rates=st.lists(st.sampled_from([1.0, 1.5, 2.0, 2.5, 3.0, 3.5]), min_size=1,
                      max_size=3 * BLOCKS[0]),
       data=st.data())
def test_runs_by_blocks_are_the_plain_runs(rates: list[float], data: st.DataObject) -> None:
    gaps = data.draw(st.lists(st.integers(1, 3), min_size=len(rates), max_size=len(rates)))
    pair = pair_of(rates, gaps)
    low = data.draw(st.sampled_from([0.5, 1.0, 1.5, 2.0, 2.5]))
    high = data.draw(st.sampled_from([1.0, 2.0, 2.5, 3.0, 4.0]))
    i = data.draw(st.integers(0, len(rates)))
    j = data.draw(st.integers(i, len(rates)))
    plain = runs_in([(date.fromordinal(d), v) for d, v in
                     zip(pair.days[i:j], pair.values[i:j], strict=True)], low, high)
    found = [(date.fromordinal(a), date.fromordinal(b)) for a, b in pair.runs(low, high, i, j)]
    assert found == plain


def test_a_cross_rate_is_quote_over_base_on_common_days() -> None:
    base = ([1, 2, 4], [2.0, 4.0, 8.0], True)
    quote = ([2, 3, 4], [10.0, 20.0, 40.0], False)
    pair = PairSeries.of([base, quote])
    assert pair.days == [2, 4] and pair.values == [2.5, 5.0]


def test_the_ecb_dates_that_fit_a_rate_are_those_of_its_series() -> None:
    rates = default_provider()
    start, end = date(2015, 1, 1), date(2024, 6, 28)
    series = rates.series("USD", "IDR", start, end)
    low, high = 14_000.0, 14_200.0
    runs = fitting_dates(rates, "USD", "IDR", low, high, start, end)
    assert runs == runs_in(series, low, high)
    assert runs and all(start <= a <= b <= end for a, b in runs)
    inside = {d for d, v in series if low <= v <= high}
    assert inside == {d for d, _ in series if any(a <= d <= b for a, b in runs)}
    assert all(b - a < timedelta(days=3650) for a, b in runs)


def test_an_answer_kept_for_the_process_is_given_again_unchanged() -> None:
    rates = default_provider()
    start, end = date(2016, 1, 1), date(2023, 12, 29)
    expected = runs_in(rates.series("USD", "IDR", start, end), 13_500.0, 13_700.0)
    first = fitting_dates(rates, "USD", "IDR", 13_500.0, 13_700.0, start, end)
    first.clear()  # a caller's copy: what it does with it is not kept
    assert fitting_dates(rates, "USD", "IDR", 13_500.0, 13_700.0, start, end) == expected
    assert expected and fitting_dates(rates, "USD", "IDR", 13_500.0, 13_700.0, start,
                                      date(2019, 12, 31)) == [
        run for run in runs_in(rates.series("USD", "IDR", start, date(2019, 12, 31)),
                               13_500.0, 13_700.0)]
