"""A finding's evidence, typed: the arithmetic behind it, and how people read it.

A check writes its evidence as a frozen dataclass of its own deriving from
:class:`Evidence`. Its fields are the JSON contract's ``evidence`` object: each written
under its name, in field order, tuples as lists, a field made with ``optional()`` left
out when it is ``None``. Its ``rows`` say how a person reads it: labelled readings
(:data:`Reading`: an amount in a unit, an interval, a relative size, dates, figure
names, ...) that a report formats each one way, without knowing any check. Evidence read
back from JSON, or given as a plain dict, is :class:`RawEvidence`, read by the shapes of
its values. Evidence is also a read-only mapping of its JSON form, so ``evidence["record"]``
reads as it always did.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field, fields, replace
from typing import Any

from pydantic import GetCoreSchemaHandler, GetJsonSchemaHandler
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import core_schema

from factcheck.readings import (
    Amount,
    Amounts,
    DateSpans,
    Fields,
    Names,
    Reading,
    Records,
    Row,
    Span,
    Spans,
    Text,
)

_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
#: The most figures a finding's evidence names where it could name a whole article's (the
#: conversions that agree): it names the first ones and counts them all, so that a
#: finding's size does not grow with the article.
MAX_NAMED = 20


def optional() -> Any:
    """A field written only when it is not ``None``."""
    return field(default=None, metadata={"optional": True})


def to_json(value: Any) -> Any:
    if isinstance(value, Evidence):
        return value.to_json()
    if isinstance(value, tuple | list):
        return [to_json(v) for v in value]
    return value


class Evidence(Mapping[str, Any]):
    """The base of a check's evidence (see the module's docstring)."""

    def finite(self) -> Evidence:
        """This evidence with every infinite number None (the unbounded end of an
        interval, as in a figure); a NaN is a bug and raises ``ValueError``."""
        changed = {}
        for f in fields(self):  # type: ignore[arg-type]
            value = getattr(self, f.name)
            kept = _finite(value, f.name)
            if kept is not value:
                changed[f.name] = kept
        return replace(self, **changed) if changed else self  # type: ignore[type-var]

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for f in fields(self):  # type: ignore[arg-type]
            value = getattr(self, f.name)
            if value is None and f.metadata.get("optional"):
                continue
            out[f.name] = to_json(value)
        return out

    def rows(self) -> list[Row]:
        """The readings a report shows, labelled, in the evidence's order."""
        return RawEvidence(self.to_json()).rows()

    def __getitem__(self, key: str) -> Any:
        return self.to_json()[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self.to_json())

    def __len__(self) -> int:
        """How many keys ``to_json`` writes, counted without writing them (a finding's
        evidence is tested for emptiness once per finding)."""
        count = 0
        for f in fields(self):  # type: ignore[arg-type]
            if not (f.metadata.get("optional") and getattr(self, f.name) is None):
                count += 1
        return count

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: GetCoreSchemaHandler
                                     ) -> core_schema.CoreSchema:
        return core_schema.no_info_plain_validator_function(
            _coerce, serialization=core_schema.plain_serializer_function_ser_schema(
                lambda e: e.to_json(), when_used="always"))

    @classmethod
    def __get_pydantic_json_schema__(cls, schema: core_schema.CoreSchema,
                                     handler: GetJsonSchemaHandler) -> JsonSchemaValue:
        return {"additionalProperties": True, "type": "object"}


def _finite(value: Any, where: str) -> Any:
    if isinstance(value, float):
        if math.isnan(value):
            raise ValueError(f"NaN in the evidence ({where})")
        return None if math.isinf(value) else value
    if isinstance(value, Evidence):
        return value.finite()
    if isinstance(value, list | tuple):
        items = [_finite(item, where) for item in value]
        if all(a is b for a, b in zip(items, value, strict=True)):
            return value
        return items if isinstance(value, list) else tuple(items)
    if isinstance(value, Mapping):
        return {key: _finite(item, f"{where}.{key}") for key, item in value.items()}
    return value


def _coerce(value: Any) -> Evidence:
    if isinstance(value, Evidence):
        return value
    if isinstance(value, Mapping):
        return RawEvidence(dict(value))
    raise ValueError("evidence is an object")


class RawEvidence(Evidence):
    """Evidence as a plain JSON object (read back from JSON, or written as a dict): its
    rows are read from the shapes of its values, labelled from their names."""

    def __init__(self, data: dict[str, Any] | None = None) -> None:
        self._data = dict(data or {})

    def to_json(self) -> dict[str, Any]:
        return dict(self._data)

    def __len__(self) -> int:
        return len(self._data)

    def finite(self) -> Evidence:
        return RawEvidence({key: _finite(value, key) for key, value in self._data.items()})

    def rows(self) -> list[Row]:
        return [(key.replace("_", " ").capitalize(), reading(value))
                for key, value in self._data.items()]

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Evidence):
            return self.to_json() == other.to_json()
        return isinstance(other, Mapping) and self.to_json() == dict(other)

    def __hash__(self) -> int:
        return hash(tuple(self._data))

    def __repr__(self) -> str:
        return f"RawEvidence({self._data!r})"


def _number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def reading(value: Any) -> Reading:
    """How a JSON value reads, from its shape alone."""
    if value is None or isinstance(value, bool):
        return Text("none" if value is None else "yes" if value else "no")
    if _number(value):
        return Amount(float(value))
    if isinstance(value, list | tuple):
        if len(value) == 2 and all(v is None or _number(v) for v in value):
            return Span(*value)
        if len(value) == 2 and all(isinstance(v, str) and _DATE.fullmatch(v) for v in value):
            return DateSpans(((value[0], value[1]),))
        if all(isinstance(v, str) for v in value):
            return Names(tuple(value))
        if all(_number(v) for v in value):
            return Amounts(tuple(float(v) for v in value))
        if all(isinstance(v, list | tuple) and len(v) == 2 for v in value):
            return Spans(tuple(Span(*v) for v in value))
        if all(isinstance(v, Mapping) for v in value):
            return Records(tuple(_fields(v) for v in value))
    if isinstance(value, Mapping):
        return _fields(value)
    return Text(str(value))


def _fields(value: Mapping[str, Any]) -> Fields:
    return Fields(tuple((str(k), reading(v)) for k, v in sorted(value.items())))


@dataclass(frozen=True)
class ValueDisagreement(Evidence):
    """A claims record's value against the interval the other sources agree on (XS001),
    in one unit: the shape the HTML report also draws, as bars by record."""

    record: str
    interval: tuple[float, float]
    agreed: tuple[float, float]
    unit: str
    agreeing_records: tuple[str, ...]

    def rows(self) -> list[Row]:
        return [("Record", Text(self.record)),
                ("This record's value", Span(*self.interval, self.unit or None)),
                ("Value the other sources agree on", Span(*self.agreed, self.unit or None)),
                ("Records that agree", Names(self.agreeing_records))]
