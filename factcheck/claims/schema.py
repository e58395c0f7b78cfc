"""The schema of one claims record (pydantic v2), and the JSON Schema of a claims file.

A record states one figure from one source: who published it and when, about which
subject, metric and period, whether it is an actual, a projection or an estimate, and its
value, either as written ("US$ 5 miliar", read in the record's ``lang``) or as
``{amount, currency, unit}``. A conversion the source printed goes in ``equivalent``
(same two forms), with the rate (``fx_rate``: units of the equivalent's currency per one
unit of the value's currency) and its date (``fx_date``) when the source gave them.
Unknown fields, currencies, units, dates and periods are errors, never ignored.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any, Literal, TypeAlias, cast

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, field_validator, model_validator

from factcheck.claims.amounts import Amount, from_mapping, read_text
from factcheck.claims.fields import (
    FORM_TAGS,
    AmountSpec,
    ISODate,
    PeriodLabel,
    SourceForm,
    Text,
    ValueForm,
    claim_error,
)
from factcheck.claims.periods import resolve
from factcheck.escaping import excerpt
from factcheck.model import Lang

__all__ = ["FIELDS", "FORM_TAGS", "ClaimRecord", "amount_of", "claims_json_schema"]

Kind = Literal["actual", "projection", "estimate"]
CODE = re.compile(r"[A-Z]{2}\d{3}")
SLUG = re.compile(r"^[a-z][a-z0-9_]*$")
_FIELD_SETS: dict[frozenset[str], set[str]] = {}
Parsed: TypeAlias = tuple[Amount, Amount | None, tuple[date, date]]


def amount_of(value: str | AmountSpec, lang: Lang) -> Amount:
    """The ``Amount`` of a value or equivalent, in either form."""
    if isinstance(value, str):
        return read_text(value, lang)
    return from_mapping(value.amount, value.currency, value.unit, lang)


class ClaimRecord(BaseModel):
    """One figure as one source stated it."""

    model_config = ConfigDict(extra="forbid", frozen=True,
                              json_schema_extra={"title": "ClaimRecord"})

    id: Text = Field(description="unique across the dataset")
    source: SourceForm
    published: ISODate = Field(description="publication date of the source, YYYY-MM-DD")
    lang: Lang = Field(default="en", description="language of the value strings")
    subject: Text = Field(description="who the figure is about, e.g. OpenAI")
    metric: str = Field(json_schema_extra={"pattern": SLUG.pattern},
                        description="a slug: net_loss, revenue, valuation, ...")
    period: PeriodLabel
    kind: Kind
    value: ValueForm
    equivalent: ValueForm | None = None
    fx_rate: float | None = Field(default=None, gt=0, allow_inf_nan=False,
                                  description="equivalent currency per one value currency")
    fx_date: ISODate | None = None
    valuation_date: ISODate | None = None
    quote: Text | None = Field(default=None, description="the source's sentence")
    ignore: tuple[str, ...] = Field(default=(), description="check codes not to report")

    # The parsed value, equivalent and period, kept beside the fields (a slot, not a
    # private attribute: pydantic initialises those per instance, a cost at 10^6 rows).
    __slots__ = ("_parsed_",)

    @field_validator("metric")
    @classmethod
    def _metric(cls, value: str) -> str:
        if not SLUG.fullmatch(value):
            raise claim_error(f"not a metric slug: {excerpt(value)} (lowercase letters, "
                              "digits and _, e.g. net_loss)")
        return value

    @field_validator("period")
    @classmethod
    def _period(cls, value: str) -> str:
        try:
            resolve(value)
        except ValueError as error:
            raise claim_error(str(error)) from None
        return value

    @field_validator("value", "equivalent")
    @classmethod
    def _amount_form(cls, value: str | AmountSpec | None, info: ValidationInfo) -> Any:
        lang = info.data.get("lang")
        if value is None or lang is None:
            return value
        try:
            amount = amount_of(value, lang)
        except ValueError as error:
            raise claim_error(str(error)) from None
        first = info.data.get("value")
        if info.field_name == "equivalent" and first is not None:
            _check_pair(amount_of(first, lang), amount)
        return value

    @field_validator("fx_rate", "fx_date")
    @classmethod
    def _needs_money_pair(cls, value: object, info: ValidationInfo) -> object:
        if value is None or "equivalent" not in info.data or "value" not in info.data:
            return value
        if info.data["equivalent"] is None:
            raise claim_error(f"{info.field_name} is given but there is no equivalent")
        if amount_of(info.data["equivalent"], info.data["lang"]).kind != "money":
            raise claim_error(f"{info.field_name} needs a money value and equivalent")
        return value

    @field_validator("ignore", mode="before")
    @classmethod
    def _ignore(cls, value: object) -> object:
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list | tuple):
            return value
        from factcheck.registry import all_checks

        known = all_checks()
        for code in value:
            if not isinstance(code, str) or not CODE.fullmatch(code):
                raise claim_error(f"not a check code: {excerpt(code)} (expected e.g. XS001)")
            if code not in known:
                raise claim_error(f"unknown check code {excerpt(code)}")
        return value

    @model_validator(mode="after")
    def _resolve(self) -> ClaimRecord:
        self._compute()
        # One shared set per combination of fields given, not one per record (~700 bytes of
        # 1,500 at 10^6 rows). Safe as the model is frozen: pydantic copies the set before
        # it changes one (``model_copy(update=...)``).
        given = frozenset(self.__pydantic_fields_set__)
        shared = _FIELD_SETS.setdefault(given, self.__pydantic_fields_set__)
        object.__setattr__(self, "__pydantic_fields_set__", shared)
        return self

    def _compute(self) -> Parsed:
        equivalent = self.equivalent
        parsed = (amount_of(self.value, self.lang),
                  None if equivalent is None else amount_of(equivalent, self.lang),
                  resolve(self.period))
        object.__setattr__(self, "_parsed_", parsed)
        return parsed

    def _parsed(self) -> Parsed:
        """(value, equivalent, period span): set by validation; recomputed for an instance
        made without it (``model_construct``, ``model_copy``)."""
        try:
            return cast(Parsed, object.__getattribute__(self, "_parsed_"))
        except AttributeError:
            return self._compute()

    @property
    def amount(self) -> Amount:
        """The value, normalised."""
        return self._parsed()[0]

    @property
    def equivalent_amount(self) -> Amount | None:
        """The equivalent, normalised (None when the record has none)."""
        return self._parsed()[1]

    @property
    def span(self) -> tuple[date, date]:
        """First and last day of the record's period."""
        return self._parsed()[2]

    @property
    def source_name(self) -> str:
        return self.source if isinstance(self.source, str) else self.source.name

    @property
    def source_url(self) -> str | None:
        return None if isinstance(self.source, str) else self.source.url


def _check_pair(value: Amount, equivalent: Amount) -> None:
    if value.kind != equivalent.kind:
        raise claim_error(f"the equivalent is a {equivalent.kind} figure, the value a {value.kind}")
    if value.kind == "money" and value.currency == equivalent.currency:
        raise claim_error(f"the equivalent is in the value's own currency ({value.currency})")
    if value.kind == "quantity" and value.unit != equivalent.unit:
        raise claim_error(f"the equivalent is in {equivalent.unit}, the value in {value.unit}")


FIELDS: tuple[str, ...] = tuple(ClaimRecord.model_fields)


def claims_json_schema() -> dict[str, Any]:
    """The JSON Schema of a claims file: a list of records, or ``{"records": [...]}``."""
    record = ClaimRecord.model_json_schema(ref_template="#/$defs/{model}")
    defs = record.pop("$defs", {})
    defs["ClaimRecord"] = record
    records = {"type": "array", "items": {"$ref": "#/$defs/ClaimRecord"}}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "factcheck claims file",
        "description": (__doc__ or "").strip(),
        "oneOf": [records, {"type": "object", "properties": {"records": records},
                            "required": ["records"], "additionalProperties": False}],
        "$defs": defs,
    }
