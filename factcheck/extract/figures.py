"""Build a ``Figure`` from values the extractor has already checked, without pydantic's
validation, which costs ten times the object itself when a document holds hundreds.

``built_figure`` takes every field of ``Figure``. What validation would do it does here at
the cost of a few comparisons: numbers become floats, the literal fields must hold one of
their values, and every number must be finite. Anything else (an infinite value, an unknown
kind, a field missing) goes through the validating constructor, so it fails as before.
"""

from __future__ import annotations

import math
from typing import Any, get_args

from factcheck.model import (
    CurrencySource,
    Figure,
    FigureKind,
    Period,
    Qualifier,
    Tense,
    shared_field_set,
)

__all__ = ["built_figure"]

_FIELDS = tuple(Figure.model_fields)
_GIVEN = shared_field_set(set(_FIELDS))
_NUMBERS = ("value", "low", "high", "step")
_BOUNDS = ("low", "high")
_INTEGERS = ("start", "end", "line", "column", "sentence")
_TEXTS = ("id", "text")
_OPTIONAL_TEXTS = ("currency", "unit", "per", "equivalent_of")
_LITERALS: dict[str, frozenset[object]] = {
    "kind": frozenset(get_args(FigureKind)),
    "qualifier": frozenset((*get_args(Qualifier), None)),
    "tense": frozenset((*get_args(Tense), None)),
    "currency_source": frozenset((*get_args(CurrencySource), None)),
}
_set_attribute = object.__setattr__


def _texts(items: object, size: int | None = None) -> bool:
    if type(items) is not tuple or (size is not None and len(items) != size):
        return False
    return all(type(item) is str for item in items)


def _plain(fields: dict[str, Any]) -> bool:
    """Whether validation would take ``fields`` as they are, up to ints becoming floats."""
    for name in _NUMBERS:
        number = fields[name]
        if number is None and name in _BOUNDS:
            continue
        if type(number) not in (float, int) or not math.isfinite(number):
            return False
    for name in _INTEGERS:
        if type(fields[name]) is not int:
            return False
    for name in _TEXTS:
        if type(fields[name]) is not str:
            return False
    for name in _OPTIONAL_TEXTS:
        if fields[name] is not None and type(fields[name]) is not str:
            return False
    for name, allowed in _LITERALS.items():
        if fields[name] not in allowed:
            return False
    candidates, typo, period = (fields["currency_candidates"], fields["scale_typo"],
                                fields["period"])
    first = fields["range_first"]
    return ((candidates is None or _texts(candidates)) and (typo is None or _texts(typo, 2))
            and (period is None or type(period) is Period)
            and (first is None or (type(first) is tuple and len(first) == 2
                                   and all(type(x) is float and math.isfinite(x)
                                           for x in first))))


def built_figure(**fields: Any) -> Figure:
    """The ``Figure`` of ``fields`` (all of its fields, by name), equal to ``Figure(**fields)``."""
    if fields.keys() != _GIVEN or not _plain(fields):
        return Figure(**fields)
    values = {name: fields[name] for name in _FIELDS}
    for name in _NUMBERS:
        if values[name] is not None:
            values[name] = float(values[name])
    figure = Figure.__new__(Figure)
    _set_attribute(figure, "__dict__", values)
    _set_attribute(figure, "__pydantic_fields_set__", _GIVEN)
    _set_attribute(figure, "__pydantic_extra__", None)
    _set_attribute(figure, "__pydantic_private__", None)
    return figure
