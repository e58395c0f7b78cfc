"""Schemas of the files about the language as a whole: ``language.yaml`` (its name, tags
and order), ``stopwords.yaml`` and ``detection.yaml`` (language detection),
``sentences.yaml`` (abbreviations), ``money_format.yaml`` (how a corrected amount is
written) and ``claims_drafting.yaml`` (the words that tag drafted claims).
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import (
    ConfigDict,
    Field,
    StrictInt,
    StringConstraints,
    TypeAdapter,
    model_validator,
)

from factcheck.lang.fields import (
    CurrencyCode,
    DataFile,
    Factor,
    LowerWord,
    LowerWords,
    Word,
    Words,
)


class About(DataFile):
    """``<lang>/language.yaml``: the file whose presence makes a folder a language."""

    name: Word
    tags: Words
    list_order: StrictInt
    detection_tie_order: StrictInt


class Detection(DataFile):
    """``<lang>/detection.yaml``: the words and signs next to figures that say a short text
    is in this language."""

    figure_words: LowerWords
    figure_signs: LowerWords


STOPWORDS: TypeAdapter[LowerWords] = TypeAdapter(LowerWords,
                                                  config=ConfigDict(defer_build=True))
"""``<lang>/stopwords.yaml``: a list of function words, lower case."""


class Sentences(DataFile):
    """``<lang>/sentences.yaml``: tokens a full stop follows without ending a sentence (at
    most 15 characters: the splitter looks that far back)."""

    abbreviations: tuple[Annotated[LowerWord, StringConstraints(max_length=15)], ...]


class ScaleWord(DataFile):
    factor: Factor
    one: Word
    many: Word


class CurrencyName(DataFile):
    one: Word
    many: Word


class MoneyFormat(DataFile):
    """``<lang>/money_format.yaml``: how a writer of the language prints an amount."""

    scales: tuple[ScaleWord, ...]
    plural_from: Factor
    currency: Literal["symbol_before", "name_after"]
    space_after_symbol: Literal["always", "after_letter"] = "after_letter"
    symbols: dict[CurrencyCode, Word] = Field(default_factory=dict)
    names: dict[CurrencyCode, CurrencyName] = Field(default_factory=dict)
    name_joiner: str = ""
    name_joiner_elided: str = ""
    elide_before: str = ""

    @model_validator(mode="after")
    def _smallest_scale_first(self) -> MoneyFormat:
        factors = [s.factor for s in self.scales]
        if factors != sorted(set(factors)):
            raise ValueError("scales must be listed smallest factor first, each factor once")
        return self


Kind = Literal["projection", "estimate"]


class ClaimsDrafting(DataFile):
    """``<lang>/claims_drafting.yaml``: metric words and projection/estimate words."""

    metrics: dict[Word, Words]
    kinds: dict[Kind, Words]


class ClaimsEntities(DataFile):
    """``common/claims_drafting.yaml``: the name a record uses -> the names an article may
    call the entity by."""

    entities: dict[Word, Words]
