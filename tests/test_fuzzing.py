"""Fuzzing in the suite: number-shaped texts (``benchmarks.harness.fuzzing``: digits mixed
with separators and no-break spaces, every language's scale words, currency signs and
names, qualifiers, parentheses, dashes, numbers beyond float range) read by the extractor
and ``audit_text`` keep every invariant. A few seconds here; ``benchmarks/fuzz.py`` runs
10^5."""

from __future__ import annotations

import random
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from benchmarks.harness import fuzzing
from factcheck.model import Figure, Lang


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.randoms(use_true_random=False), st.sampled_from(fuzzing.LANGS))
def test_number_shaped_texts_keep_every_invariant(rng: random.Random, lang: Lang) -> None:
    text = fuzzing.draw(rng)
    assert fuzzing.violations(text, lang) == [], text


@pytest.mark.parametrize("text", [fuzzing.draw(random.Random(seed)) for seed in range(3)] + [
    f"US$ {'9' * 309} miliar (sekitar Rp 1{'0' * 400} triliun)",
    "Rp\u00a05,83 triliun = US\u00a0$ 0." + "0" * 330 + "1 juta",
], ids=["drawn-0", "drawn-1", "drawn-2", "huge", "tiny"])
def test_the_pieces_include_every_shape(text: str) -> None:
    assert fuzzing.violations(text, "id") == []


def test_the_vocabulary_is_the_language_data() -> None:
    vocabulary = set(fuzzing.words())
    assert {"miliar", "milliards", "billion", "bn", "Rp", "US$", "€"} <= vocabulary


def test_a_broken_reading_is_named(monkeypatch: pytest.MonkeyPatch) -> None:
    def crash(text: str, lang: Lang, **_: Any) -> tuple[Figure, ...]:
        raise ZeroDivisionError("float division by zero")

    monkeypatch.setattr(fuzzing, "extract_text", crash)
    assert fuzzing.violations("5 juta", "id") == [
        "crash: ZeroDivisionError: float division by zero"]

    def misplaced(text: str, lang: Lang, **_: Any) -> tuple[Figure, ...]:
        return (Figure(id="f1", text="5 juta", start=1, end=7, line=1, column=2, kind="quantity",
                       value=5e6, low=6e6, high=None),)

    monkeypatch.setattr(fuzzing, "extract_text", misplaced)
    problems = fuzzing.violations("5 juta", "id")
    assert [p.split(":")[0] for p in problems] == ["slice", "bounds"]
