"""The shipped language data agrees with itself and with the code that reads it: every file
fits its schema, every currency and unit it names is one the tool knows, and every value
with a meaning in code is one the code has."""

from __future__ import annotations

from typing import get_args

import pytest
from text_to_num import text2num

from factcheck.claims.schema import Kind
from factcheck.lang.cldr_currencies import TARGET, render
from factcheck.lang.currency_words import currency_words
from factcheck.lang.fields import QualifierName, TimeUnit
from factcheck.lang.loader import LANGUAGE_FILES, common, language, languages
from factcheck.lang.schema_amounts import Text2NumNumberWords
from factcheck.model import Qualifier
from factcheck.normalise.units import TIME_DENOMINATORS, canonical

CODES = set(common().cldr_currencies.codes)


@pytest.mark.parametrize("lang", languages())
def test_every_file_of_every_language_fits_its_schema(lang: str) -> None:
    data = language(lang)
    for name in LANGUAGE_FILES:
        assert getattr(data, "about" if name == "language.yaml" else name.removesuffix(".yaml"))
    assert common().cldr_currencies.codes and common().units.symbols
    assert common().claims_drafting.entities


def _codes(reading: str | tuple[str, ...]) -> set[str]:
    return {reading} if isinstance(reading, str) else set(reading)


@pytest.mark.parametrize("lang", languages())
def test_currencies_named_are_known_codes(lang: str) -> None:
    amounts = language(lang).amounts
    assert set(amounts.subunits.values()) <= CODES | {"$"}
    assert amounts.rate_default_currency in CODES | {None}
    names = language(lang).currencies.names
    for written, reading in names.items():
        if isinstance(reading, str) and not reading.isupper():  # read as another name
            assert reading in currency_words(lang).names, (written, reading)
        else:
            assert _codes(reading) <= CODES, written
    money_format = language(lang).money_format
    assert set(money_format.symbols) | set(money_format.names) <= CODES


def test_common_currency_tables_name_known_codes() -> None:
    currencies = common().currencies
    for reading in (*currencies.signs.values(), *common().cldr_currencies.signs.values()):
        assert _codes(reading) <= CODES
    assert set(currencies.code_aliases.values()) | {currencies.bare_dollar} <= CODES
    assert set(currencies.family_defaults) <= CODES


def test_the_generated_cldr_table_is_current() -> None:
    assert render() == TARGET.read_text(encoding="utf-8"), \
        "run python -m factcheck.lang.cldr_currencies"


@pytest.mark.parametrize("lang", languages())
def test_unit_names_are_units_pint_knows(lang: str) -> None:
    for expression in {*language(lang).units.names.values(), *common().units.symbols.values()}:
        assert canonical(expression).factor > 0, expression


def test_values_with_a_meaning_in_code_are_ones_the_code_has() -> None:
    assert set(get_args(QualifierName)) <= set(get_args(Qualifier))
    assert set(get_args(TimeUnit)) <= set(TIME_DENOMINATORS)
    for lang in languages():
        assert set(language(lang).claims_drafting.kinds) <= set(get_args(Kind))


@pytest.mark.parametrize("lang", languages())
def test_text2num_reads_the_languages_that_name_it(lang: str) -> None:
    words = language(lang).number_words
    if isinstance(words, Text2NumNumberWords):
        assert text2num(f"{words.units[-1]} {words.hundred[0]}", lang) == 900
