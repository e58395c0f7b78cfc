"""Reference-rate speed: time to load the ECB table, and look-ups per second.

The load is the parse of the ECB history that ``currencyconverter`` ships
(``factcheck.normalise.fx.EcbRates``, cache cleared before each run): the first run and
the best of ``--runs`` are printed (target under 0.5 s). The look-ups are ``--lookups``
(default 100,000) calls of ``EcbRates.rate`` for random (date, pair) samples, seeded, with
pairs drawn from the currencies the ECB still publishes and dates spread over
1999 to the table's last day; a sample outside a currency's series raises RateUnavailable,
which is counted and timed like any other look-up. ``currencyconverter``'s own load time
is printed for comparison with ``--compare``.

    python -m benchmarks.rate_lookup [--lookups N] [--runs N] [--seed N] [--compare]
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from datetime import date, timedelta
from pathlib import Path

from currency_converter import CurrencyConverter

if not __package__:  # run as a file: python benchmarks/rate_lookup.py
    sys.path[0] = str(Path(__file__).resolve().parents[1])

from factcheck.normalise import fx

TARGET_LOAD_SECONDS = 0.5


def time_load(runs: int) -> tuple[float, float]:
    """(first, best) seconds to parse the ECB table into an EcbRates."""
    times = []
    for _ in range(runs):
        fx._ecb_table.cache_clear()
        start = time.perf_counter()
        fx.EcbRates()
        times.append(time.perf_counter() - start)
    return times[0], min(times)


def samples(rates: fx.EcbRates, count: int, seed: int) -> list[tuple[str, str, date]]:
    """Random (base, quote, date) look-ups over the table's span."""
    rng = random.Random(seed)
    first, last = rates.span()
    current = sorted(c for c in rates.currencies()
                     if c == "EUR" or _last_day(rates, c) >= last - timedelta(days=7))
    days = (last - first).days + 1
    out = []
    for _ in range(count):
        base, quote = rng.sample(current, 2)
        out.append((base, quote, first + timedelta(days=rng.randrange(days))))
    return out


def _last_day(rates: fx.EcbRates, code: str) -> date:
    try:
        return rates.rate("EUR", code, rates.span()[1]).used
    except fx.RateUnavailable:
        return date.min


def time_lookups(rates: fx.EcbRates, queries: list[tuple[str, str, date]]) -> tuple[float, int]:
    """(seconds, unavailable count) for all queries."""
    missing = 0
    start = time.perf_counter()
    for base, quote, on in queries:
        try:
            rates.rate(base, quote, on)
        except fx.RateUnavailable:
            missing += 1
    return time.perf_counter() - start, missing


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--lookups", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=5, help="load runs (best is printed)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--compare", action="store_true",
                        help="also time currency_converter.CurrencyConverter()")
    args = parser.parse_args(argv)

    first, best = time_load(max(1, args.runs))
    rates = fx.EcbRates()
    span = rates.span()
    print(f"ECB table: {len(rates.currencies())} currencies, {span[0]} .. {span[1]}")
    verdict = "ok" if best < TARGET_LOAD_SECONDS else "SLOW"
    print(f"load: first {first * 1000:.1f} ms, best of {args.runs} {best * 1000:.1f} ms "
          f"(target < {TARGET_LOAD_SECONDS * 1000:.0f} ms: {verdict})")

    queries = samples(rates, args.lookups, args.seed)
    seconds, missing = time_lookups(rates, queries)
    print(f"look-ups: {len(queries):,} in {seconds:.3f} s = {len(queries) / seconds:,.0f}/s "
          f"({missing:,} outside a series, reported as RateUnavailable)")

    if args.compare:
        start = time.perf_counter()
        CurrencyConverter()
        print(f"currencyconverter load for comparison: "
              f"{(time.perf_counter() - start) * 1000:.1f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
