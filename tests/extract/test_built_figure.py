"""``built_figure`` skips pydantic's validation only where validation would change nothing:
the figure it builds equals the validated one field for field and in every output, and
what validation refuses it refuses with the same error."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from factcheck.extract.figures import built_figure
from factcheck.model import Figure, Period

PERIOD = Period(text="2024", label="2024", start=date(2024, 1, 1), end=date(2024, 12, 31))


def fields(**changes: Any) -> dict[str, Any]:
    base: dict[str, Any] = dict(
        id="f1", text="$5 billion", start=10, end=20, line=1, column=11, kind="money",
        value=5e9, low=4.9e9, high=5.1e9, currency="USD", unit=None, per=None,
        qualifier="about", period=PERIOD, equivalent_of="f2", step=1e8, tense="past",
        sentence=0, currency_source=None, currency_candidates=None, scale_typo=None)
    return {**base, **changes}


def same(a: Figure, b: Figure) -> None:
    assert a == b
    assert a.model_dump_json() == b.model_dump_json()
    assert a.model_fields_set == b.model_fields_set
    assert [type(v) for v in a.__dict__.values()] == [type(v) for v in b.__dict__.values()]


def test_equal_to_the_validated_figure() -> None:
    same(built_figure(**fields()), Figure(**fields()))


def test_ints_become_floats_as_validation_makes_them() -> None:
    built = built_figure(**fields(value=5, low=4, high=6, step=1))
    assert type(built.value) is float and built.value == 5.0
    same(built, Figure(**fields(value=5, low=4, high=6, step=1)))


@pytest.mark.parametrize("changes", [
    {"value": float("inf")}, {"low": float("nan")}, {"step": float("-inf")},
    {"kind": "volume"}, {"qualifier": "roughly"}, {"tense": "present"},
    {"currency_source": "guess"}, {"start": 10.5}, {"scale_typo": ("triliu",)},
])
def test_refused_as_validation_refuses(changes: dict[str, Any]) -> None:
    with pytest.raises(ValidationError) as validated:
        Figure(**fields(**changes))
    with pytest.raises(ValidationError) as built:
        built_figure(**fields(**changes))
    assert built.value.errors() == validated.value.errors()


def test_a_missing_field_takes_the_default_as_the_constructor_does() -> None:
    given_fields = fields()
    del given_fields["scale_typo"]
    same(built_figure(**given_fields), Figure(**given_fields))


numbers = st.one_of(st.floats(allow_nan=True, allow_infinity=True), st.integers(-10**6, 10**6))


@settings(max_examples=200, deadline=None)
@given(value=numbers, low=st.one_of(st.none(), numbers), high=st.one_of(st.none(), numbers),
       step=numbers, candidates=st.one_of(st.none(), st.lists(st.sampled_from(
           ["USD", "AUD", "CAD"]), unique=True).map(tuple)))
def test_same_as_validation_for_any_numbers(value: float, low: float | None,
                                             high: float | None, step: float,
                                             candidates: tuple[str, ...] | None) -> None:
    changes = fields(value=value, low=low, high=high, step=step,
                     currency_candidates=candidates)
    try:
        validated = Figure(**changes)
    except ValidationError:
        with pytest.raises(ValidationError):
            built_figure(**changes)
        return
    same(built_figure(**changes), validated)
