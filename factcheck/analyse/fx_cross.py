"""A rate for a pair no reference quotes, crossed through the article's own conversions.

"100 millions €, soit plus de 307 millions de dinars" and "630 millions de dollars (plus
de 1658 MDT)": no table quotes the Tunisian dinar, but the article converts both the euro
and the dollar into it, and the table quotes the euro in dollars. The dollar conversions,
which share one rate (2,632-2,633 TND per USD), crossed with the reference EUR/USD rate of
their day (1,1677), give the euro conversions a rate to be held to (3,073-3,074 TND per
EUR); the euro conversions give the dollar ones theirs. A cross is taken only:

- between groups valued within a week of each other that share the currency no reference
  quotes, whose other currencies the reference quotes against each other on the date of
  the group held to the cross;
- from a group whose conversions all share one rate (their intervals meet): a group that
  disagrees within itself gives no cross (FX001's to report).

Of two groups that are off each other's cross, which one slipped is not known: FX002
reports it once, on the later group, naming the cross it was held to. A pair with neither
a reference nor such a cross stays one note (FX002, info).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Protocol, TypeVar

from factcheck.analyse.conversions import Conversion
from factcheck.normalise.fx import RateQuote


class GroupKey(Protocol):
    """A group of conversions held to one rate (``fx_groups.Group``)."""

    @property
    def base(self) -> str: ...
    @property
    def quote(self) -> str: ...
    @property
    def on(self) -> date | None: ...


@dataclass(frozen=True)
class CrossRate:
    """``low``-``high`` units of the group's quote per its base, through ``through``'s
    conversions (the article's) and ``reference`` (the table's rate between the two other
    currencies)."""

    low: float
    high: float
    through: str  # the currency whose conversions into the shared one give the cross
    shared: str  # the currency no reference quotes
    reference: RateQuote
    conversions: tuple[Conversion, ...]  # the conversions the cross is taken from

    @property
    def middle(self) -> float:
        return (self.low + self.high) / 2

    def distance(self, c: Conversion) -> float:
        """How far ``c``'s interval lies from the cross, as a relative gap (0 if they meet)."""
        if c.high < self.low:
            return self.low / c.high - 1
        if c.low > self.high:
            return c.low / self.high - 1
        return 0.0


G = TypeVar("G", bound=GroupKey)
NEAR = timedelta(days=7)  # groups valued this close are crossed: their rates differ little
Reference = Callable[[str, str, date | None], RateQuote | None]


def common_interval(conversions: Sequence[Conversion]) -> tuple[float, float] | None:
    """The rates every conversion admits (quote per base), or None when they do not meet."""
    low, high = max(c.low for c in conversions), min(c.high for c in conversions)
    return (low, high) if conversions and low <= high else None


def per(interval: tuple[float, float], base: str, want_base: str) -> tuple[float, float]:
    """An interval of rates per one ``base`` (of a pair of two currencies) turned to be
    per one ``want_base``, the pair's other currency when it is not ``base``."""
    low, high = interval
    return (low, high) if base == want_base else (1 / high, 1 / low)


def cross_rate(groups: Mapping[G, Sequence[Conversion]], group: G,
               reference: Reference) -> CrossRate | None:
    """``group``'s rate through another group of its date sharing the currency no
    reference quotes (the first such group, in the order of ``groups``), or None."""
    if group.on is None:
        return None
    for shared, known in ((group.quote, group.base), (group.base, group.quote)):
        for other, conversions in groups.items():
            if (other == group or other.on is None or abs(other.on - group.on) > NEAR
                    or shared not in (other.base, other.quote)):
                continue
            through = other.base if other.quote == shared else other.quote
            if through == known:
                continue
            found = common_interval(conversions)
            quoted = reference(known, through, group.on)  # through per known
            if found is None or quoted is None:
                continue
            # shared per through, times through per known: shared per known
            s_low, s_high = per(found, other.base, through)
            low, high = s_low * quoted.rate, s_high * quoted.rate
            if group.base == shared:  # the group quotes known per shared
                low, high = 1 / high, 1 / low
            return CrossRate(low, high, through, shared, quoted, tuple(conversions))
    return None
