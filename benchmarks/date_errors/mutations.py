"""The date set's mutations: the kinds as data, and one mutator per kind."""

from __future__ import annotations

import math
import random
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

from benchmarks.date_errors.articles import DatedArticle, with_line
from benchmarks.date_errors.generator import SEED
from benchmarks.date_errors.ratios import ratio_admitted
from benchmarks.date_errors.wording import wording
from benchmarks.generation.amounts import Conversion, implied_interval
from benchmarks.generation.numbers import NumberStyle, weighted
from benchmarks.harness.mutation_sets import MutationKind
from benchmarks.harness.rates import Rates

THRESHOLD = 0.03
MIN_RATIO_ERROR = 0.2  # a wrong ratio word is at least this far off, relative
KINDS: tuple[MutationKind, ...] = (
    MutationKind("a", "past period moved a year earlier", frozenset({"FX005", "FX002"})),
    MutationKind("b", "future wording on a past period", frozenset({"DT001"})),
    MutationKind("c", "ratio word changed", frozenset({"AR001"})),
)
EXPECTED: dict[str, frozenset[str]] = {kind.key: kind.codes for kind in KINDS}


@dataclass(frozen=True)
class DateMutation:
    """One article with one statement changed."""

    id: str
    kind: str
    article: DatedArticle
    line: int  # index into article.lines
    slot: str  # the slot that changed
    before: str
    after: str
    rate_diff: float | None = None  # a: the two dates' rates, 1 - smaller/larger
    gap: float | None = None  # a: log distance of the printed conversion to the new date's rate
    detail: str = ""
    detectable: bool = True  # a, c: the printed figures rule the mutated statement out

    @property
    def label(self) -> str:
        return self.kind

    def describe(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "kind": self.kind,
            "lang": self.article.lang,
            "published": self.article.published.isoformat(),
            "before": self.before,
            "after": self.after,
            "detail": self.detail,
            "detectable": self.detectable,
            "rate_diff": None if self.rate_diff is None else round(self.rate_diff, 5),
            "gap": None if self.gap is None else round(self.gap, 5),
        }


def log_gap(conv: Conversion, style: NumberStyle, rate: float) -> float:
    """How far ``rate`` lies from the rates the printed conversion admits (as FX005 reads it:
    source as printed, converted figure rounded or cut off), as a log ratio; 0 inside."""
    low, high = implied_interval(conv, style)
    if rate < low:
        return math.log(low / rate)
    if rate > high:
        return math.log(rate / high)
    return 0.0


def mutate_shift(article: DatedArticle, rates: Rates) -> DateMutation | None:
    conv = article.conversion
    period = article.period.shifted(-1)
    day = rates.business_day_on_or_before(period.end, [conv.src.currency, conv.dst.currency])
    if day is None:
        return None
    rate = rates.rate(conv.src.currency, conv.dst.currency, day)
    line = article.lines[article.past_line]
    before, after = line.slot("period"), period.text(article.lang)
    distance = log_gap(conv, article.style, rate)
    return DateMutation(
        id=f"{article.id}-a",
        kind="a",
        article=with_line(article, article.past_line, line.with_slot("period", after)),
        line=article.past_line,
        slot="period",
        before=before,
        after=after,
        rate_diff=1.0 - min(rate, conv.rate) / max(rate, conv.rate),
        gap=distance,
        detail=f"{article.period.label} -> {period.label}",
        detectable=distance > THRESHOLD,
    )


def mutate_tense(article: DatedArticle) -> DateMutation | None:
    if not article.period_after_verb:
        return None
    line = article.lines[article.past_line]
    past, future = article.verbs
    return DateMutation(
        id=f"{article.id}-b",
        kind="b",
        article=with_line(article, article.past_line, line.with_slot("verb", future)),
        line=article.past_line,
        slot="verb",
        before=past,
        after=future,
        detail=article.period.label,
    )


def mutate_ratio(article: DatedArticle, rng: random.Random) -> DateMutation | None:
    tpl = wording(article.lang)
    true = Fraction(article.ratio)
    wrong = [
        key
        for key in sorted(tpl["ratio_words"])
        if abs(Fraction(key) / true - 1) >= MIN_RATIO_ERROR
    ]
    if not wrong:
        return None
    key = rng.choice(wrong)
    word = weighted(rng, tpl["ratio_words"][key])["t"]
    line = article.lines[article.ratio_line]
    return DateMutation(
        id=f"{article.id}-c",
        kind="c",
        article=with_line(article, article.ratio_line, line.with_slot("ratio", word)),
        line=article.ratio_line,
        slot="ratio",
        before=line.slot("ratio"),
        after=word,
        detail=f"{article.ratio} -> {key} ({article.ratio_block})",
        detectable=not ratio_admitted(article, key, bool(line.slot("q"))),
    )


def mutations(article: DatedArticle, rates: Rates, seed: int = SEED) -> list[DateMutation]:
    rng = random.Random(f"{seed}:mutate:{article.id}")
    made = [mutate_shift(article, rates), mutate_tense(article), mutate_ratio(article, rng)]
    return [m for m in made if m is not None]


def probe_variant(article: DatedArticle) -> DatedArticle:
    """The article with its projection's amount converted at the publication date's rate."""
    line = article.lines[article.projection_line]
    return with_line(
        article, article.projection_line, line.with_slot("amount", article.probe_amount)
    )
