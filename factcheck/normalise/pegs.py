"""Currencies fixed to another, as series of a rate table.

The ECB does not quote the Saudi riyal or the CFA francs, but their value is fixed to a
currency it does quote (``lang/common/currency_pegs.yaml``): the riyal's series is the US
dollar's times 3.75, on the days the dollar has a rate from the day the peg began. Added to
the table as series of their own, they take part in every cross rate like any other (the
riyal in rupiah is a product of two legs, as the dollar in rupiah is). Only a currency the
table lacks takes its peg; a peg to a pegged currency follows its anchor's series.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Mapping, Sequence
from datetime import date

from factcheck.lang.schema_common import CurrencyPeg
from factcheck.normalise.rate_table import Series


def _fixed(anchor: Series, peg: CurrencyPeg) -> Series:
    """``anchor``'s series times the peg's rate, on the days the peg holds."""
    first = peg.since.toordinal()
    last = peg.until.toordinal() if peg.until is not None else date.max.toordinal()
    i, j = bisect_left(anchor.days, first), bisect_right(anchor.days, last)
    return Series(anchor.days[i:j], [rate * peg.rate for rate in anchor.rates[i:j]])


def with_pegs(table: Mapping[str, Series], pegs: Sequence[CurrencyPeg]
              ) -> tuple[dict[str, Series], dict[str, str]]:
    """``table`` (series of one base currency's rates) with a series for each currency it
    lacks that is fixed to one it has, and a note per added currency ("SAR fixed at 3.75
    per USD from 1986-06-01") for the quotes that use it."""
    out = dict(table)
    notes: dict[str, str] = {}
    waiting = [p for p in pegs if p.currency not in table]
    while waiting:
        ready = [p for p in waiting if p.anchor in out and p.anchor not in
                 {w.currency for w in waiting}]
        if not ready:
            break  # anchored to nothing the table quotes: no series
        for code in sorted({p.currency for p in ready}):
            periods = sorted((p for p in ready if p.currency == code), key=lambda p: p.since)
            parts = [_fixed(out[p.anchor], p) for p in periods]
            out[code] = Series([d for s in parts for d in s.days],
                               [r for s in parts for r in s.rates])
            notes[code] = "; ".join(_note(p) for p in periods)
        waiting = [p for p in waiting if p not in ready]
    return out, notes


def _note(peg: CurrencyPeg) -> str:
    band = f" (band {peg.band[0]:g}-{peg.band[1]:g})" if peg.band else ""
    until = f" to {peg.until.isoformat()}" if peg.until else ""
    return (f"{peg.currency} fixed at {peg.rate:g} per {peg.anchor}{band} from "
            f"{peg.since.isoformat()}{until}")
