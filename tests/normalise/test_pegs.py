"""Currencies fixed to another: series derived from the ECB table by the pegs of
``lang/common/currency_pegs.yaml``, and the cross rates through them."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from factcheck.lang.schema_common import CurrencyPeg
from factcheck.normalise.fx import ECB_SOURCE, CsvRates, EcbRates, RateUnavailable
from factcheck.normalise.pegs import with_pegs
from factcheck.normalise.rate_table import Series


@pytest.fixture(scope="module")
def ecb() -> EcbRates:
    return EcbRates()


@pytest.mark.parametrize(("code", "anchor", "fixed"), [
    ("SAR", "USD", 3.75), ("AED", "USD", 3.6725), ("QAR", "USD", 3.64), ("OMR", "USD", 0.3845),
    ("BHD", "USD", 0.376), ("JOD", "USD", 0.709), ("XOF", "EUR", 655.957),
    ("XAF", "EUR", 655.957), ("KMF", "EUR", 491.96775),
])
def test_a_pegged_currency_is_at_its_fixed_rate_every_day(
        ecb: EcbRates, code: str, anchor: str, fixed: float) -> None:
    for day in (date(2003, 3, 3), date(2015, 6, 30), date(2024, 7, 15)):
        quote = ecb.rate(anchor, code, day)
        assert quote.rate == pytest.approx(fixed, rel=1e-12)
        assert f"{code} fixed at {fixed:g} per {anchor}" in quote.source


def test_a_cross_rate_goes_through_the_peg(ecb: EcbRates) -> None:
    day = date(2024, 1, 5)
    riyal = ecb.rate("SAR", "IDR", day)
    dollar = ecb.rate("USD", "IDR", day)
    assert riyal.rate == pytest.approx(dollar.rate / 3.75, rel=1e-12)
    assert riyal.used == dollar.used
    franc = ecb.rate("USD", "XOF", day)
    assert franc.rate == pytest.approx(655.957 / ecb.rate("EUR", "USD", day).rate, rel=1e-12)


def test_two_currencies_pegged_to_one_anchor(ecb: EcbRates) -> None:
    assert ecb.rate("SAR", "AED", date(2020, 2, 3)).rate == pytest.approx(3.6725 / 3.75)


def test_before_the_peg_there_is_no_rate(ecb: EcbRates) -> None:
    with pytest.raises(RateUnavailable) as caught:
        ecb.rate("STN", "EUR", date(2017, 6, 1))
    assert caught.value.reason == "before the table"
    assert caught.value.first == date(2018, 1, 2)  # the first business day of the peg


def test_a_currency_the_ecb_quotes_keeps_its_own_series(ecb: EcbRates) -> None:
    quote = ecb.rate("USD", "HKD", date(2024, 7, 15))
    assert quote.source == ECB_SOURCE  # the market's rate, not the band's centre
    assert 7.75 <= quote.rate <= 7.85


def test_the_series_of_a_pegged_pair(ecb: EcbRates) -> None:
    days = ecb.series("SAR", "USD", date(2024, 7, 1), date(2024, 7, 31))
    assert len(days) == 23 and all(rate == pytest.approx(1 / 3.75) for _, rate in days)


def peg(currency: str, anchor: str, rate: float, since: date, until: date | None = None
        ) -> CurrencyPeg:
    return CurrencyPeg(currency=currency, anchor=anchor, rate=rate, since=since, until=until)


def test_with_pegs_follows_chains_and_periods() -> None:
    days = [date(2020, 1, d).toordinal() for d in (2, 3, 6, 7)]
    table = {"EUR": Series(days, [1.0] * 4), "USD": Series(days, [1.1, 1.2, 1.3, 1.4])}
    pegs = [peg("ABC", "DEF", 2.0, date(2020, 1, 1)),  # through a pegged currency
            peg("DEF", "USD", 10.0, date(2020, 1, 1), date(2020, 1, 3)),
            peg("DEF", "USD", 20.0, date(2020, 1, 6)),  # re-pegged
            peg("GHI", "XYZ", 1.0, date(2020, 1, 1)),  # to a currency nobody quotes
            peg("USD", "EUR", 1.0, date(2020, 1, 1))]  # the table has USD: ignored
    out, notes = with_pegs(table, pegs)
    assert out["DEF"].rates == pytest.approx([11.0, 12.0, 26.0, 28.0])
    assert out["ABC"].rates == pytest.approx([22.0, 24.0, 52.0, 56.0])
    assert "GHI" not in out and out["USD"] is table["USD"]
    assert notes["DEF"] == ("DEF fixed at 10 per USD from 2020-01-01 to 2020-01-03; "
                            "DEF fixed at 20 per USD from 2020-01-06")


def test_a_rate_table_of_ones_own_has_no_pegs(tmp_path: Path) -> None:
    table = tmp_path / "rates.csv"
    table.write_text("date,base,quote,rate\n2024-01-05,USD,IDR,15500\n", encoding="utf-8")
    with pytest.raises(RateUnavailable):
        CsvRates(table).rate("SAR", "IDR", date(2024, 1, 5))


@pytest.mark.parametrize(("fields", "words"), [
    ({"currency": "SAR", "anchor": "SAR"}, "cannot be fixed to itself"),
    ({"until": date(1980, 1, 1)}, "is before since"),
    ({"band": (3.8, 3.9)}, "does not hold the rate"),
])
def test_a_peg_that_contradicts_itself_is_refused(fields: dict[str, object], words: str) -> None:
    base: dict[str, object] = {"currency": "SAR", "anchor": "USD", "rate": 3.75,
                               "since": date(1986, 6, 1)}
    with pytest.raises(ValueError, match=words):
        CurrencyPeg.model_validate(base | fields)


def test_two_pegs_of_one_currency_may_not_overlap() -> None:
    from factcheck.lang.schema_common import CurrencyPegs

    pegs = [{"currency": "HKD", "anchor": "USD", "rate": 7.8, "since": date(1983, 10, 17)},
            {"currency": "HKD", "anchor": "USD", "rate": 7.8, "since": date(2005, 5, 18)}]
    with pytest.raises(ValueError, match="the pegs of HKD from 1983-10-17 and 2005-05-18"):
        CurrencyPegs.model_validate({"pegs": pegs})
