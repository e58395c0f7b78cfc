"""The field types the schemas of the language data are built from.

A word is a non-empty string (YAML's ``on``, ``no`` or ``12`` left unquoted are not words:
PyYAML reads them as a boolean or a number, and the schema says so instead of letting them
through as "True" or "12"). Numbers are numbers (a boolean is not a number), finite, and
positive where they are factors.
"""

from __future__ import annotations

import re
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, Strict, StringConstraints

from factcheck.patterns import compiled

Word = Annotated[str, StringConstraints(min_length=1)]
"""A word or phrase as written in text (a space stands for any run of whitespace)."""

Words = tuple[Word, ...]


def _lower_case(word: str) -> str:
    if word != word.lower():
        raise ValueError("must be written in lower case")
    return word


LowerWord = Annotated[Word, AfterValidator(_lower_case)]
"""A word matched against lower-cased text, so written in lower case."""

LowerWords = tuple[LowerWord, ...]

Factor = Annotated[float, Strict(), Field(gt=0, allow_inf_nan=False)]
"""A positive multiplier (a scale word's 1.0e+9)."""

Count = Annotated[int, Strict(), Field(gt=0)]
"""A positive whole number (a denominator, an ordinal, a month)."""

Offset = Annotated[int, Strict()]
"""A whole number that may be negative or zero (a relative period's -1)."""

CurrencyCode = Annotated[str, StringConstraints(pattern=r"^[A-Z]{3}$")]
"""An ISO 4217 code."""

CurrencyOrDollar = Annotated[str, StringConstraints(pattern=r"^(?:[A-Z]{3}|\$)$")]
"""An ISO 4217 code, or "$" for a dollar whose country the document decides."""

QualifierName = Literal["about", "nearly", "more_than", "at_least", "up_to", "less_than"]
"""What a qualifier word does to a figure's interval (``model.Qualifier`` less "range")."""

TimeUnit = Literal["hour", "day", "week", "month", "quarter", "year"]
"""A time denominator ("per day")."""


def _compiles(source: str) -> str:
    try:
        compiled(source)
    except re.error as exc:
        raise ValueError(f"not a valid regular expression: {exc}") from None
    return source


Regex = Annotated[str, StringConstraints(min_length=1), AfterValidator(_compiles)]
"""The source of a Python regular expression."""


class DataFile(BaseModel):
    """Base of every schema: unknown keys are errors, the result is read-only, and the
    validator is built on first use (so importing the schemas costs little)."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True,
                              populate_by_name=True)
