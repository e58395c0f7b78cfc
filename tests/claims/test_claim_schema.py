"""The claims record schema: both value forms, periods, dates, cross-field rules."""

from __future__ import annotations

from datetime import date
from typing import Any

import jsonschema
import pytest
from pydantic import ValidationError

from factcheck.claims.amounts import printed_step, read_text
from factcheck.claims.periods import resolve
from factcheck.claims.schema import ClaimRecord, claims_json_schema

BASE: dict[str, Any] = {
    "id": "r1", "source": "CNBC Indonesia", "published": "2024-07-30", "lang": "id",
    "subject": "OpenAI", "metric": "net_loss", "period": "2024", "kind": "projection",
    "value": "US$ 5 miliar",
}


def errors(**changes: Any) -> list[tuple[str, str]]:
    try:
        ClaimRecord.model_validate({**BASE, **changes})
    except ValidationError as error:
        return [(".".join(str(p) for p in e["loc"]), e["msg"]) for e in error.errors()]
    return []


def test_a_value_string_is_read_in_the_record_language() -> None:
    record = ClaimRecord.model_validate({**BASE, "equivalent": "sekitar Rp 81 triliun"})
    assert (record.amount.value, record.amount.currency) == (5e9, "USD")
    assert (record.amount.low, record.amount.high) == (4.5e9, 5.5e9)
    assert record.equivalent_amount is not None
    assert record.equivalent_amount.currency == "IDR"
    assert record.span == (date(2024, 1, 1), date(2024, 12, 31))
    fr = ClaimRecord.model_validate({**BASE, "lang": "fr", "value": "80 milliards de dollars"})
    assert fr.amount.value == 80e9
    en = ClaimRecord.model_validate({**BASE, "lang": "en", "value": "$4.2 billion"})
    assert (en.amount.low, en.amount.high) == pytest.approx((4.15e9, 4.25e9))
    # "5,83" is 5.83 in Indonesian, 583 in English: the language decides
    assert read_text("$5,83 miliar", "id").value == pytest.approx(5.83e9)


def test_the_mapping_form_takes_its_precision_from_the_number() -> None:
    record = ClaimRecord.model_validate(
        {**BASE, "value": {"amount": 5.83e9, "currency": "USD"},
         "equivalent": {"amount": 1303e12, "currency": "IDR"}})
    assert (record.amount.low, record.amount.high) == pytest.approx((5.825e9, 5.835e9))
    assert printed_step(5_000_000_000) == 1e9 and printed_step(0.92) == pytest.approx(0.01)
    quantity = ClaimRecord.model_validate({**BASE, "value": {"amount": 10, "unit": "gigawatt"}})
    assert (quantity.amount.value, quantity.amount.unit) == (1e10, "watt")


@pytest.mark.parametrize(("changes", "field", "words"), [
    ({"value": "5 miliar"}, "value", "expected one amount"),
    ({"value": "US$ 5 miliar dan US$ 7 miliar"}, "value", "found 'US$ 5 miliar'"),
    ({"value": "45%"}, "value", "(percent)"),
    ({"value": "OpenAI rugi US$ 5 miliar"}, "value", "unexpected text 'OpenAI rugi'"),
    ({"value": 5}, "value", "expected a string such as"),
    ({"value": {"amount": 5, "currency": "XYZ"}}, "value.mapping.currency", "unknown currency"),
    ({"value": {"amount": 5}}, "value.mapping", "either a currency or a unit"),
    ({"value": {"amount": 5, "unit": "gigawat"}}, "value.mapping.unit", "unknown unit"),
    ({"equivalent": "US$ 4 miliar"}, "equivalent", "own currency (USD)"),
    ({"equivalent": "10 gigawatt"}, "equivalent", "a quantity figure, the value a money"),
    ({"fx_rate": 16200}, "fx_rate", "no equivalent"),
    ({"fx_date": "2024-07-01"}, "fx_date", "no equivalent"),
    ({"equivalent": "Rp 81 triliun", "fx_rate": -1}, "fx_rate", "greater than 0"),
    ({"published": "2024-02-30"}, "published", "not a valid date"),
    ({"published": "30/07/2024"}, "published", "expected a date YYYY-MM-DD"),
    ({"period": "2024-Q5"}, "period", "not a period"),
    ({"period": "2024-08/2024-02"}, "period", "ends before it starts"),
    ({"period": "Q3 2024"}, "period", "expected YYYY"),
    ({"kind": "forecast"}, "kind", "'actual', 'projection' or 'estimate'"),
    ({"lang": "de"}, "lang", "'id', 'fr' or 'en'"),
    ({"metric": "Net Loss"}, "metric", "not a metric slug"),
    ({"ignore": ["XS1"]}, "ignore", "not a check code"),
    ({"ignore": ["ZZ999"]}, "ignore", "unknown check code"),
    ({"source": {"url": "https://x"}}, "source.mapping.name", "Field required"),
    ({"sauce": "x"}, "sauce", "Extra inputs"),
])
def test_each_problem_names_its_field(changes: dict[str, Any], field: str, words: str) -> None:
    found = errors(**changes)
    assert [f for f, _ in found] == [field], found
    assert words in found[0][1]


def test_periods_resolve_to_their_days() -> None:
    assert resolve("2024-02") == (date(2024, 2, 1), date(2024, 2, 29))
    assert resolve("2024-Q3") == (date(2024, 7, 1), date(2024, 9, 30))
    assert resolve("2024-H1") == (date(2024, 1, 1), date(2024, 6, 30))
    assert resolve("2024-02-29") == (date(2024, 2, 29),) * 2
    assert resolve("2023-01/2023-08") == (date(2023, 1, 1), date(2023, 8, 31))
    assert ClaimRecord.model_validate({**BASE, "period": 2028}).period == "2028"


def test_the_json_schema_accepts_what_the_loader_accepts_and_refuses_a_bad_record() -> None:
    schema = claims_json_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    good = {**BASE, "source": {"name": "CNBC", "url": "https://x"},
            "equivalent": {"amount": 81e12, "currency": "IDR"}, "ignore": ["XS001"]}
    jsonschema.validate([good], schema)
    jsonschema.validate({"records": [good, {**BASE, "period": 2024}]}, schema)
    for bad in ({**BASE, "kind": "forecast"}, {**BASE, "extra": 1},
                {**BASE, "period": "2024-Q5"}, {k: v for k, v in BASE.items() if k != "id"}):
        with pytest.raises(jsonschema.ValidationError):
            jsonschema.validate([bad], schema)
