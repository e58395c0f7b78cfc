"""The field types the records of ``factcheck.model`` share: the languages read, finite
numbers, the kinds and qualifiers of a figure, and the lean base of models made by the
hundred thousand.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any, Literal, TypeAlias

from pydantic import BaseModel, ConfigDict, Field

from factcheck.lang.loader import languages

LANGS: tuple[str, ...] = languages()
"""The languages factcheck reads: one per folder of ``factcheck/lang/``."""
if TYPE_CHECKING:
    Lang: TypeAlias = str
else:  # validated at run time against the folders present: Literal["id", "fr", "en"]
    Lang = Literal[LANGS]

#: A number that is a number: a figure's value or bound is never infinite or NaN (an
#: unbounded end of an interval is None), so no output can hold Infinity or NaN.
Finite = Annotated[float, Field(allow_inf_nan=False)]

FigureKind = Literal["money", "percent", "quantity", "rate", "price", "ratio"]
Qualifier = Literal["about", "nearly", "more_than", "at_least", "up_to", "less_than", "range"]
Tense = Literal["future", "past"]
CurrencySource = Literal["evidence", "default", "context"]
"""How a figure's currency was decided when its sign or name did not write it for certain:
by evidence in the document, by its family's default, or from the paragraph or document
around a bare amount."""


_FIELD_SETS: dict[frozenset[str], set[str]] = {}


def shared_field_set(given: set[str]) -> set[str]:
    """The one set of these field names every ``Lean`` instance given them shares."""
    return _FIELD_SETS.setdefault(frozenset(given), given)


class Lean(BaseModel):
    """A frozen model made by the hundred thousand (figures, periods, findings): its
    instances share one set of the names of the fields given (pydantic keeps one per
    instance, about 2 KB for a figure's twenty). Safe as the model is frozen: pydantic
    copies the set before it changes one (``model_copy(update=...)``)."""

    model_config = ConfigDict(frozen=True)

    def model_post_init(self, context: Any) -> None:
        object.__setattr__(self, "__pydantic_fields_set__",
                           shared_field_set(self.__pydantic_fields_set__))
