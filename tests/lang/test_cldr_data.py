"""CLDR's number symbols and month names, read from babel once and then from the user
cache."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import babel.dates
import babel.numbers
import pytest

from factcheck.lang import cldr_data


@pytest.fixture
def fresh(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.setenv("FACTCHECK_CACHE_DIR", str(tmp_path))
    _forget()
    yield tmp_path
    _forget()


def _forget() -> None:
    for kept in (cldr_data.number_symbols, cldr_data.month_names, cldr_data.territories,
                 cldr_data.territory_currencies):
        kept.cache_clear()


@pytest.mark.parametrize("lang", ["id", "fr", "en"])
def test_the_values_are_babels(fresh: Path, lang: str) -> None:
    assert cldr_data.number_symbols(lang) == (babel.numbers.get_decimal_symbol(lang),
                                              babel.numbers.get_group_symbol(lang))
    for width in ("wide", "abbreviated"):
        assert cldr_data.month_names(lang, width) == dict(
            babel.dates.get_month_names(width, locale=lang).items())


def test_a_later_process_reads_them_from_the_cache_without_babel(
        fresh: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert cldr_data.number_symbols("id") == (",", ".")
    assert cldr_data.month_names("fr", "wide")[3] == "mars"
    assert sorted(p.name.split("-")[1] for p in fresh.glob("cldr-*.marshal")) == [
        "months", "numbers"]
    _forget()

    def no_babel(*args: object, **kwargs: object) -> None:
        raise AssertionError("babel read again")

    monkeypatch.setattr(babel.numbers, "get_decimal_symbol", no_babel)
    monkeypatch.setattr(babel.dates, "get_month_names", no_babel)
    assert cldr_data.number_symbols("id") == (",", ".")
    assert cldr_data.month_names("fr", "wide")[3] == "mars"


def test_without_a_cache_they_are_read_from_babel_each_process(
        fresh: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FACTCHECK_CACHE_DIR", "off")
    assert cldr_data.number_symbols("en") == (".", ",")
    assert not list(fresh.iterdir())


def test_territories_and_the_currencies_they_use_today_are_babels(fresh: Path) -> None:
    import babel.core

    assert cldr_data.territories() == frozenset(babel.core.get_global("territory_currencies"))
    assert "SG" in cldr_data.territories()
    used = cldr_data.territory_currencies("test", ("SG", "US"))
    assert used == {"SG": ("SGD",), "US": ("USD",)}
    assert used == {code: tuple(babel.numbers.get_territory_currencies(code))
                    for code in ("SG", "US")}
