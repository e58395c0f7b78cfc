"""Past periods (a month, a quarter, a year) as each language writes them."""

from __future__ import annotations

import random
from calendar import monthrange
from dataclasses import dataclass, replace
from datetime import date, timedelta

from benchmarks.date_errors.wording import wording

MIN_AGE = timedelta(days=125)  # a past period ended more than four months before publication
MAX_AGE = timedelta(days=3 * 365)
ROMAN = ("", "I", "II", "III", "IV")


@dataclass(frozen=True)
class PastPeriod:
    """A month, quarter or year as written in one of the language's forms."""

    kind: str  # "month", "quarter", "year"
    year: int
    index: int  # month 1-12, quarter 1-4; 0 for a year
    form: str

    @property
    def end(self) -> date:
        if self.kind == "year":
            return date(self.year, 12, 31)
        month = self.index if self.kind == "month" else 3 * self.index
        return date(self.year, month, monthrange(self.year, month)[1])

    @property
    def label(self) -> str:
        if self.kind == "month":
            return f"{self.year}-{self.index:02d}"
        return f"{self.year}-Q{self.index}" if self.kind == "quarter" else str(self.year)

    def text(self, lang: str) -> str:
        tpl = wording(lang)
        index = max(self.index, 1)
        return self.form.format(
            year=self.year,
            month=tpl["months"][index - 1],
            q_num=index,
            q_roman=ROMAN[min(index, 4)],
            q_word=tpl["quarter_words"][min(index, 4) - 1],
        )

    def shifted(self, years: int) -> PastPeriod:
        return replace(self, year=self.year + years)


def past_period(rng: random.Random, lang: str, published: date) -> PastPeriod | None:
    """A period that ended between three years and four months before ``published``."""
    spec = wording(lang)["periods"]
    kind = rng.choices(list(spec), weights=[float(v["w"]) for v in spec.values()])[0]
    form = rng.choice(spec[kind]["forms"])
    top, bottom = published - MIN_AGE, published - MAX_AGE
    indices = {"month": range(1, 13), "quarter": range(1, 5), "year": range(0, 1)}[kind]
    candidates = [
        PastPeriod(kind, year, index, form)
        for year in range(bottom.year, top.year + 1)
        for index in indices
    ]
    candidates = [p for p in candidates if bottom <= p.end <= top]
    return rng.choice(candidates) if candidates else None
