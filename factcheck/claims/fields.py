"""The field types of a claims record: dates, period labels, sources, and the two forms
of a value (a string read in the record's language, or ``{amount, currency, unit}``)."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any, TypeAlias

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Discriminator,
    Field,
    Tag,
    WithJsonSchema,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError

from factcheck.claims.amounts import check_currency, check_unit, currency_codes
from factcheck.claims.periods import PATTERN
from factcheck.documents.fields import parse_date

#: Tags of the two forms of a field; they appear in pydantic's error locations and are
#: dropped from the field names that errors report.
FORM_TAGS = frozenset({"string", "mapping"})


def claim_error(message: str) -> PydanticCustomError:
    """A validation error whose message is ``message`` as it is (no "Value error, ")."""
    return PydanticCustomError("claim", message)


def _date(value: object) -> date:
    try:
        return parse_date(value)
    except ValueError as error:
        raise claim_error(str(error)) from None


def _label(value: object) -> object:
    """A bare year as YAML and JSON write it (``period: 2024``) is the label "2024"."""
    return str(value) if isinstance(value, int) and not isinstance(value, bool) else value


ISODate = Annotated[date, BeforeValidator(_date)]
PeriodLabel = Annotated[str, BeforeValidator(_label), WithJsonSchema({
    "anyOf": [{"type": "string", "pattern": PATTERN},
              {"type": "integer", "minimum": 1, "maximum": 9999}],
    "description": "2024, 2024-02, 2024-02-29, 2024-Q3, 2024-H1, or FROM/TO: 2023-01/2023-08",
})]
Text = Annotated[str, Field(min_length=1)]


class Source(BaseModel):
    """A source named, with the address of the piece."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: Text
    url: Text | None = None


class AmountSpec(BaseModel):
    """A value as numbers: ``amount`` in ``currency`` (ISO 4217) or in ``unit`` (pint)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    amount: Annotated[float, WithJsonSchema({"anyOf": [
        {"type": "number"},
        # YAML 1.1 reads 5.0e9 (no exponent sign) as text, and CSV cells are text
        {"type": "string", "pattern": r"^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$"}]})] = Field(
        allow_inf_nan=False)
    currency: str | None = Field(default=None, description="ISO 4217 code, e.g. USD, IDR",
                                 json_schema_extra={"enum": [*sorted(currency_codes()), None]})
    unit: str | None = Field(default=None, description="a pint unit, e.g. gigawatt")

    @field_validator("currency")
    @classmethod
    def _currency(cls, value: str | None) -> str | None:
        try:
            return None if value is None else check_currency(value)
        except ValueError as error:
            raise claim_error(str(error)) from None

    @field_validator("unit")
    @classmethod
    def _unit(cls, value: str | None) -> str | None:
        try:
            return None if value is None else (check_unit(value) and value)
        except ValueError as error:
            raise claim_error(str(error)) from None

    @model_validator(mode="after")
    def _one_of(self) -> AmountSpec:
        if (self.currency is None) == (self.unit is None):
            raise claim_error("give either a currency or a unit")
        return self


def _form(value: Any) -> str | None:
    if isinstance(value, str):
        return "string"
    if isinstance(value, dict | BaseModel):
        return "mapping"
    return None


VALUE_FORMS = "a string such as 'US$ 5 miliar' or a mapping {amount, currency, unit}"
ValueForm: TypeAlias = Annotated[
    Annotated[str, Tag("string")] | Annotated[AmountSpec, Tag("mapping")],
    Discriminator(_form, custom_error_type="claim_form",
                  custom_error_message=f"expected {VALUE_FORMS}"),
]
SourceForm: TypeAlias = Annotated[
    Annotated[str, Field(min_length=1), Tag("string")] | Annotated[Source, Tag("mapping")],
    Discriminator(_form, custom_error_type="claim_form",
                  custom_error_message="expected a source name or a mapping {name, url}"),
]
