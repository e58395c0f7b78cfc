"""ECB reference rates for the generated articles, from ``currencyconverter``'s bundled
table (no network)."""

from __future__ import annotations

import random
from collections.abc import Sequence
from datetime import date, timedelta

from currency_converter import CurrencyConverter, RateNotFoundError


class Rates:
    """Rates of the ECB table: whether a day has them, and cross rates through EUR."""

    def __init__(self) -> None:
        self._loose = CurrencyConverter(fallback_on_missing_rate=True, fallback_on_wrong_date=True)
        self._strict = CurrencyConverter()

    def published(self, day: date, currencies: Sequence[str]) -> bool:
        """Whether the ECB published a rate for every currency on ``day``."""
        try:
            for code in currencies:
                if code != "EUR":
                    self._strict.convert(1, "EUR", code, date=day)
        except RateNotFoundError:  # a holiday, or outside the table
            return False
        return True

    def business_day_on_or_before(self, day: date, currencies: Sequence[str]) -> date | None:
        for back in range(10):
            candidate = day - timedelta(days=back)
            if self.published(candidate, currencies):
                return candidate
        return None

    def rate(self, base: str, quote: str, day: date) -> float:
        """Units of ``quote`` per one ``base`` on ``day`` (a cross rate through EUR)."""
        return float(self._loose.convert(1.0, base, quote, date=day))

    def draw_day(
        self, rng: random.Random, first: date, last: date, currencies: Sequence[str]
    ) -> date | None:
        """A random weekday in ``[first, last]`` with rates for every currency (20 draws)."""
        for _ in range(20):
            day = first + timedelta(days=rng.randrange((last - first).days + 1))
            if day.weekday() < 5 and self.published(day, currencies):
                return day
        return None
