"""Schemas of the files that say what makes a number a figure: ``amounts.yaml`` (scale
words, qualifiers, ranges, rates; the currencies are ``schema_currencies``'), ``units.yaml``
and ``number_words.yaml``.

Each field's meaning is documented in the data files themselves; the schema says what each
field holds.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import ConfigDict, Field, StrictBool, TypeAdapter

from factcheck.lang.fields import (
    Count,
    CurrencyCode,
    CurrencyOrDollar,
    DataFile,
    Factor,
    QualifierName,
    TimeUnit,
    Word,
    Words,
)


class Amounts(DataFile):
    """``<lang>/amounts.yaml``: the words around a number that make it a figure."""

    scale_words: dict[Word, Factor]
    short_scale_senses: dict[Word, Factor]
    scale_abbreviations: dict[Word, Factor]
    abbreviations_next_to_currency: Words
    power_words: Words
    followed_by_words: Words
    zero_words: Words
    one_scale_words: dict[Word, Factor]
    qualifiers: dict[Word, QualifierName]
    qualifiers_after: dict[Word, QualifierName]
    range_words: Words
    alternative_words: Words = ()
    range_openers: dict[Word, Word]
    full_range_openers: Words
    per_time: dict[Word, TimeUnit]
    not_per_time_after: Words
    cents_joiners: Words
    per_words: Words
    per_nouns: dict[Word, Word]
    rate_words: Words
    rate_equals: Words
    one_unit_words: Words
    quote_verbs: Words
    quote_prepositions: Words
    price_words: Words
    cost_words: Words
    rate_default_currency: CurrencyCode | None
    money_words: Words
    money_words_after: Words
    scale_word_currencies: dict[Word, tuple[CurrencyCode, ...]]
    carry_currency_before: Words
    percent_words: Words
    one_articles: Words
    subunits: dict[Word, CurrencyOrDollar]
    scaled_subunits: dict[Word, tuple[CurrencyCode, ...]]
    name_joiners: Words
    qualifier_articles: Words
    per_noun_words: Words
    fraction_of: Words


class UnitNames(DataFile):
    """``<lang>/units.yaml``: unit names written after a number -> pint unit expression."""

    names: dict[Word, Word]


class Fractions(DataFile):
    standalone: dict[Word, Count]
    denominators: dict[Word, Count]


class IndonesianNumberWords(DataFile):
    """``number_words.yaml`` of a language whose cardinals the Indonesian grammar reads
    (``extract/number_words_id.py``): multipliers after a unit, "se-" forms."""

    grammar: Literal["indonesian"]
    zero: Words
    units: dict[Word, Count]
    teen_word: Word
    tens_word: Word
    hundred_word: Word
    thousand_word: Word
    se_forms: dict[Word, Count]
    approx_suffix: Word
    enclitic: Word
    decimal: Words
    half_suffix: Words
    half_of_place: dict[Word, Count]
    fractions: Fractions


class Text2NumNumberWords(DataFile):
    """``number_words.yaml`` of a language whose cardinals ``text2num`` reads (French,
    English, and the other languages that library knows): the words only serve to find a
    phrase, and to read decimals, halves and fractions."""

    grammar: Literal["text2num"]
    zero: Words
    units: Words
    teens: Words
    tens: Words
    and_: Words = Field(alias="and")
    and_units: Words
    tens_bare_one: Words
    tens_with_teens: Words
    and_teens: Words
    tens_plural: Words
    hundred: Words
    hundred_pairing: StrictBool
    thousand: Words
    bare_scale: StrictBool
    not_before_scale: Words
    and_after_scale: StrictBool
    articles: dict[Word, Word]
    ordinal_suffixes: Words
    ordinal_hyphen_only: StrictBool
    decimal: Words
    half_suffix: Words
    fractions: Fractions


NumberWords = Annotated[IndonesianNumberWords | Text2NumNumberWords,
                        Field(discriminator="grammar")]
"""``<lang>/number_words.yaml``: one of the two grammars, named by its ``grammar`` key."""

NUMBER_WORDS: TypeAdapter[NumberWords] = TypeAdapter(NumberWords,
                                                     config=ConfigDict(defer_build=True))
