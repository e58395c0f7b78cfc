"""Schemas of the files that read the words around figures: ``periods.yaml`` (period
grammar), ``tense.yaml`` (tense markers), ``conversions.yaml`` (what links an amount to
its restatement), ``ratios.yaml`` and ``relations.yaml`` (the words of the arithmetic
checks).
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, StrictInt

from factcheck.lang.fields import Count, DataFile, Offset, Regex, Word, Words

Month = Annotated[StrictInt, Field(ge=1, le=12)]


class RelativePeriods(DataFile):
    """Phrase -> offset from the publication date's year, month or quarter."""

    year: dict[Word, Offset]
    month: dict[Word, Offset]
    quarter: dict[Word, Offset]


class Periods(DataFile):
    """``<lang>/periods.yaml``: the words of dates, months, quarters, halves and years."""

    months: dict[Month, Words]
    prefixes: Words
    month_nouns: Words
    year_nouns: Words
    year_codes: Words
    quarter_nouns: Words
    half_nouns: Words
    quarter_codes: Words
    half_codes: Words
    ordinals: dict[Word, Count]
    links: Words
    joiners: Words
    range_open: Words
    range_close: Words
    day_suffixes: Words
    date_order: Literal["dmy", "mdy"]
    relative: RelativePeriods
    counts: Words
    anaphora: Words
    year_not_before: Words
    year_not_after: Words
    since: Words


class Tense(DataFile):
    """``<lang>/tense.yaml``: future and past markers, clause breaks, and the markers the
    tense check (DT001) weighs."""

    future: Words
    past: Words
    clause_breaks: Words
    weak_future: Words
    outcome_past: Words
    purpose: Words


class Ratios(DataFile):
    """``<lang>/ratios.yaml``: the words of the ratio (AR001) and per-time (UN002) checks."""

    joiners: Words
    subject_verbs: Words = ()
    of: Words
    metrics: dict[Word, Words]
    suffixes: Words
    modifiers: Words
    alternatives: Words


Direction = Literal["up", "down"]


class WholeOf(DataFile):
    before: Words
    after: Words


class PerItemWords(DataFile):
    """A figure for each one of a counted set and the count of that set."""

    each: Words
    average: Words
    nouns: Words


class Relations(DataFile):
    """``<lang>/relations.yaml``: the words that relate figures to each other (percent
    changes, parts of a whole, sums)."""

    change: dict[Direction, Words]
    comparative: dict[Direction, Words]
    points: Words
    after_markers: Words
    from_markers: Words
    earlier_markers: Words
    earlier_period: Words
    links: Words
    subject_leads: Words
    anaphors: Words
    anaphor_forms: Words = ()
    demonstratives: Words = ()
    breakdown_nouns: Words = ()
    durations: Words = ()
    breaks: Words
    complete: Words
    partial: Words
    postposed: Words
    hedges: Words
    part_of: Words
    part_intro: Words
    part_intro_links: Words
    whole_of: WholeOf
    relative: Words
    value_words: Words
    separators: Words
    each: Words
    per_item: PerItemWords


class Valuation(DataFile):
    """``<lang>/valuation.yaml``: the words that make an amount a stock, valued on a day,
    or a flow, summed over a period (FX005)."""

    stock: Words
    flow: Words


class Conversions(DataFile):
    """``<lang>/conversions.yaml``: the text that makes one amount restate another."""

    pair_connectors: tuple[Regex, ...]
    restating_connectors: tuple[Regex, ...]
    sentence_openers: tuple[Regex, ...]
    first_amount_openers: tuple[Regex, ...]
    further_conversions: tuple[Regex, ...]
    contrasted_conversions: tuple[Regex, ...]
    converted_first_connectors: tuple[Regex, ...]
