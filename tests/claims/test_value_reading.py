"""A claims value is read by the scanner alone when that gives what the whole extractor
gives: a sign several currencies share is decided once per way of writing it, and every
value written that way reads as the whole extractor reads it."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from benchmarks.claims_scale_data import written
from factcheck.claims import amounts
from factcheck.claims.amounts import DEFAULT_OPTIONS, Amount, read_text

FAMILY_FORMS = {  # a family sign or name, in each language's way of writing it
    "en": ["${n} billion", "{n} billion dollars", "about ${n} million", "{n} million francs",
           "Rs {n} crore", "¥{n} billion", "{n} billion yen", "{n} million pesos",
           "Sh {n} million", "£{n}bn", "{n} million dinars", "${n} billion or more"],
    "id": ["${n} miliar", "sekitar $ {n} juta", "{n} miliar dolar", "{n} juta franc"],
    "fr": ["{n} milliards de dollars", "{n} millions $", "environ {n} milliards de francs",
           "{n} millions de dollars canadiens", "{n} milliards de francs CFA"],
}


def whole_extractor(text: str, lang: str) -> Amount | str:
    try:
        return amounts._read_extracted(" ".join(text.split()), lang,
                                       DEFAULT_OPTIONS)
    except ValueError as error:
        return str(error)


def as_read(text: str, lang: str) -> Amount | str:
    try:
        return read_text(text, lang)
    except ValueError as error:
        return str(error)


@settings(max_examples=150, deadline=None)
@given(lang=st.sampled_from(sorted(FAMILY_FORMS)), form=st.integers(0, 11),
       number=st.decimals(min_value="0.1", max_value="999", places=2))
def test_a_family_sign_reads_as_the_whole_extractor_reads_it(lang: str, form: int,
                                                              number: object) -> None:
    forms = FAMILY_FORMS[lang]
    digits = str(number).rstrip("0").rstrip(".") if "." in str(number) else str(number)
    if lang != "en":
        digits = digits.replace(".", ",")
    text = forms[form % len(forms)].format(n=digits)
    assert as_read(text, lang) == whole_extractor(text, lang)


@settings(max_examples=150, deadline=None)
@given(amount=st.floats(min_value=1e6, max_value=9e14), currency=st.sampled_from(
    ["USD", "EUR", "IDR"]), lang=st.sampled_from(["en", "id", "fr"]),
       digits=st.integers(2, 3), qualifier=st.booleans())
def test_values_as_newsrooms_print_them_read_as_the_whole_extractor_reads_them(
        amount: float, currency: str, lang: str, digits: int, qualifier: bool) -> None:
    text = written(amount, currency, lang, digits, qualifier)
    assert as_read(text, lang) == whole_extractor(text, lang)


def test_the_first_value_decides_for_the_values_written_alike() -> None:
    amounts._FAMILY_CURRENCY.clear()
    amounts._read_default.cache_clear()
    amounts._read.cache_clear()
    first, second = read_text("$4.2 billion", "en"), read_text("$7.9 billion", "en")
    assert (first.currency, second.currency) == ("USD", "USD")
    assert (first.value, second.value) == (4.2e9, 7.9e9)
    assert list(amounts._FAMILY_CURRENCY.values()) == ["USD"]  # decided once for both


@settings(max_examples=300, deadline=None)
@given(number=st.one_of(st.integers(0, 10**16), st.floats(0, 1e15, allow_nan=False),
                        st.integers(-10**9, -1)), lang=st.sampled_from(["en", "id", "fr"]))
def test_numbers_are_written_as_babel_writes_them(number: float, lang: str) -> None:
    from babel.numbers import format_decimal

    whole = int(number) if float(number).is_integer() else number
    assert amounts.format_number(number, lang) == format_decimal(
        whole, locale=lang, decimal_quantization=False)
