"""Date, tense and ratio detection gates: seeded mutations of generated articles.

The date-error mutation set (``benchmarks.date_errors``, run by
``benchmarks/detection_dates.py``) runs on the first ``LIMIT`` generated articles (a
deterministic subsample: article ``i`` does not depend on how many are generated; about 850
mutants, a few seconds).

Targets, and why two of them are not a flat 0.9 over every mutant:

- ``a`` (the past period moved a year earlier, the conversion unchanged): FX005 flags a
  conversion more than its tolerance (3%) off the valuation date's rate, measured from the
  interval the printed figures admit. About half the shifts move the rate by less than 3%, and
  a converted figure printed with two significant digits ("Rp 86 triliun", "$30 billion")
  hides a few percent more, so recall over all shifts (about 0.5) and over shifts whose two
  rates differ by 3% or more (about 0.8) measure the printing, not the check. The gate is
  recall >= 0.9 on the shifts every reading of the printed figures puts more than 3% off the
  new date's rate, and >= 0.75 on the nominal 3%-or-more shifts.
- ``b`` (future wording on a past period): recall >= 0.9 over all mutants. Only sentences that
  name the period after the wording are mutated: DT001 deliberately leaves "Pada 2022, ...
  akan mencapai" alone (the period may be when the forecast was made).
- ``c`` (ratio word changed by 20% or more): recall >= 0.9 on the mutants whose printed X and Y
  rule the new word out (a round "US$ 10 miliar" is read as 5-15 billion, so "seperempat" of
  "US$ 20 miliar" cannot be refuted).

Measured at the time of writing (seed 20251113, 300 articles): a 1.000 on the detectable
shifts and 0.81 on the nominal ones; b 0.94 (misses: "akan meraup" / "diprediksi akan
membukukan" read as past because the verb is a past marker, French "affichera" not a future
marker); c 0.93 on the detectable ones (misses: French "le quart" / "le tiers" not read as
ratios; French recall alone is about 0.78); no false alarms on the originals. A probe that adds
a current-rate conversion of the same currency pair beside the past one gets FX001 errors on
about two thirds of the articles (FX001 compares conversions of different valuation dates);
``test_mixed_valuation_dates_probe`` is an expected failure until FX001 takes valuation dates
into account.
"""

from __future__ import annotations

from functools import cache
from typing import Any

import pytest

from benchmarks.date_errors.articles import render, slot_span
from benchmarks.date_errors.generator import generate
from benchmarks.date_errors.measure import run
from benchmarks.date_errors.mutations import mutations
from benchmarks.date_errors.periods import MIN_AGE
from benchmarks.date_errors.ratios import ratio_admitted
from benchmarks.date_errors.wording import printed
from benchmarks.generation.amounts import gap
from benchmarks.harness.rates import Rates

LIMIT = 300  # of the 360 articles the benchmark makes
RECALL_TARGET = 0.9
NOMINAL_SHIFT_TARGET = 0.75  # a: rates 3%+ apart, some hidden by the printed precision
FALSE_ALARM_TARGET = 0.02


@cache
def result() -> dict[str, Any]:
    outcome: dict[str, Any] = run(limit=LIMIT)
    return outcome


def _misses(kind: str, limit: int = 12) -> str:
    misses = [m for m in result()["misses"] if m["kind"] == kind and m["detectable"]]
    return "\n".join(
        f"  {m['id']} ({m['cause']}): {m['before']!r} -> {m['after']!r}; "
        f"findings: {'; '.join(m['findings']) or 'none'}"
        for m in misses[:limit]
    )


def test_generated_articles_are_correct() -> None:
    rates = Rates()
    for article in generate(45, rates=rates):
        conv = article.conversion
        assert gap(conv, article.style, conv.rate) == 0.0
        day = rates.business_day_on_or_before(
            article.period.end, [conv.src.currency, conv.dst.currency]
        )
        assert conv.rate == rates.rate(conv.src.currency, conv.dst.currency, day)
        assert article.period.end <= article.published - MIN_AGE
        qualified = bool(article.lines[article.ratio_line].slot("q"))
        assert ratio_admitted(article, article.ratio, qualified)
        text, _ = render(article)
        start, end = slot_span(article, article.past_line, "dst")
        assert text[start:end] == printed(conv.dst, article.lang, article.style)


def test_mutations_change_exactly_one_slot() -> None:
    rates = Rates()
    for article in generate(30, rates=rates):
        original, _ = render(article)
        made = mutations(article, rates)
        assert {m.kind for m in made} >= {"a", "c"}
        for mutation in made:
            text, _ = render(mutation.article)
            start, end = slot_span(mutation.article, mutation.line, mutation.slot)
            assert text[start:end].casefold() == mutation.after.casefold() != mutation.before
            offset = len(text) - len(original)
            assert text[:start] == original[:start]
            assert text[end:] == original[end - offset :]


def test_shifted_period_is_caught() -> None:
    shift = result()["shift"]
    assert shift["gap_3pct"]["n"] >= 100
    assert shift["gap_3pct"]["recall"] >= RECALL_TARGET, f"{shift}\n{_misses('a')}"
    assert shift["rates_3pct"]["recall"] >= NOMINAL_SHIFT_TARGET, f"{shift}\n{_misses('a')}"


def test_future_wording_on_past_period_is_caught() -> None:
    tally = result()["recall"]["b"]["all"]
    assert tally["n"] >= 150
    assert tally["recall"] >= RECALL_TARGET, f"{tally}\n{_misses('b')}"


def test_changed_ratio_word_is_caught() -> None:
    tally = result()["recall_detectable"]["c"]["all"]
    assert tally["n"] >= 200
    assert tally["recall"] >= RECALL_TARGET, f"{tally}\n{_misses('c')}"


def test_false_alarms_on_correct_articles() -> None:
    res = result()
    listing = "\n".join(
        f"  {fa['id']}: {'; '.join(fa['findings'])}" for fa in res["false_alarms"][:15]
    )
    assert res["false_alarm_rate"] <= FALSE_ALARM_TARGET, listing


@pytest.mark.xfail(
    reason="FX001 compares conversions of different valuation dates: a past figure at its "
    "period's rate beside a current one at today's rate gets an FX001 error",
    strict=False,
)
def test_mixed_valuation_dates_probe() -> None:
    probe = result()["probe"]
    listing = "\n".join(f"  {a['id']}: {'; '.join(a['findings'])}" for a in probe["alarms"][:5])
    assert probe["false_alarm_rate"] <= FALSE_ALARM_TARGET, listing
