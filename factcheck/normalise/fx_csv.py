"""A user's own rate table (e.g. Bank Indonesia JISDOR) as CSV: ``date,base,quote,rate``.

Every row is validated when the table is loaded; one ConfigError names the file, line and
field of each bad one. A rate is a finite number from ``MIN_RATE`` (1e-9) to ``MAX_RATE``
(1e9) units of quote per base: the widest pairs of today's currencies (the Iranian rial
or the Venezuelan bolívar before its redenomination, against the dollar) stay within
10^7 either way, and two more orders of magnitude leave room while keeping every rate,
its inverse and its product with any amount a figure can hold far from overflow (1e308)
and from the subnormal numbers (1e-320) that have lost their precision. The file must be
a regular file of at most ``MAX_TABLE_BYTES`` (64 MB, about two million rows), in UTF-8
(a byte-order mark is allowed).
"""

from __future__ import annotations

import csv
import io
import math
import re
from collections.abc import Iterator
from contextlib import suppress
from datetime import date
from pathlib import Path
from typing import Any

from factcheck.config_files import read_config_text
from factcheck.errors import ConfigError
from factcheck.escaping import excerpt, one_line, short_name
from factcheck.normalise.rate_table import MAX_STALE_DAYS, Leg, Series, TableRates

CSV_FIELDS = ("date", "base", "quote", "rate")
_CODE = re.compile(r"[A-Z]{3}")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_MAX_LISTED_ERRORS = 20
MIN_RATE, MAX_RATE = 1e-9, 1e9
MAX_TABLE_BYTES = 64 * 2**20


class CsvRates(TableRates):
    """A user's rate table: ``date,base,quote,rate`` rows (ISO dates, ``rate`` units of
    quote per one base). A pair is looked up as written or inverted; no cross rates.
    ``max_stale_days`` is how far back a look-up may reach (raise it for monthly tables)."""

    def __init__(self, path: Path, *, max_stale_days: int = MAX_STALE_DAYS) -> None:
        self.path, self.name, self.max_stale_days = Path(path), str(path), max_stale_days
        self._pairs = _read_csv(self.path)
        self._currencies = frozenset(code for pair in self._pairs for code in pair)

    def _legs(self, base: str, quote: str, on: date) -> list[Leg]:
        for code in (base, quote):
            if code not in self._currencies:
                raise self._unavailable("unknown currency", base, quote, on,
                                        f"{code} is not in the table")
        if (base, quote) in self._pairs:
            return [Leg(f"{base}/{quote}", self._pairs[base, quote], False)]
        if (quote, base) in self._pairs:
            return [Leg(f"{quote}/{base}", self._pairs[quote, base], True)]
        if base == quote:
            pair = next(p for p in self._pairs if base in p)
            ones = Series(self._pairs[pair].days, [1.0] * len(self._pairs[pair].days))
            return [Leg(f"{pair[0]}/{pair[1]}", ones, False)]
        raise self._unavailable("no rate", base, quote, on,
                                f"the table has neither {base}/{quote} nor {quote}/{base}")

    def currencies(self) -> frozenset[str]:
        return self._currencies

    def span(self) -> tuple[date, date]:
        return (date.fromordinal(min(s.days[0] for s in self._pairs.values())),
                date.fromordinal(max(s.days[-1] for s in self._pairs.values())))


def _read_csv(path: Path) -> dict[tuple[str, str], Series]:
    """Validated rows of a rate table by pair; one ConfigError lists every bad field."""
    text = read_config_text(path, MAX_TABLE_BYTES, "rate table")
    reader = csv.reader(io.StringIO(text))
    try:
        header = [cell.strip().lower() for cell in next(reader, [])]
    except csv.Error as error:
        raise ConfigError(f"not valid CSV: {error}", path=str(path), line=1) from None
    wrong = [(f"unknown column {excerpt(name)}", name) for name in header
             if name not in CSV_FIELDS]
    wrong += [(f"missing column {excerpt(name)}", name) for name in CSV_FIELDS
              if name not in header]
    wrong += [(f"repeated column {excerpt(name)}", name) for name in CSV_FIELDS
              if header.count(name) > 1]
    if wrong:
        raise ConfigError(f"{wrong[0][0]}; the header must be {','.join(CSV_FIELDS)}",
                          path=str(path), line=1, field=short_name(wrong[0][1]))
    errors: list[tuple[int, str, str]] = []
    rows: dict[tuple[str, str], dict[int, tuple[float, int]]] = {}
    for line, row in _rows(reader, path):
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(header):
            errors.append((line, "row", f"{len(row)} fields, expected {len(header)}"))
            continue
        cells = {name: cell.strip() for name, cell in zip(header, row, strict=True)}
        problems, parsed = _parse_row(cells)
        errors += [(line, field, message) for field, message in problems]
        if parsed is None:
            continue
        day, base, quote, rate = parsed
        seen = rows.setdefault((base, quote), {})
        if day in seen:
            errors.append((line, "date", f"second {base}/{quote} rate on "
                           f"{cells['date']} (first on line {seen[day][1]})"))
        seen.setdefault(day, (rate, line))
    if errors:
        (line, field, message), more = errors[0], errors[1:_MAX_LISTED_ERRORS]
        listed = "".join(f"\n{one_line(str(path))}:{n}: {f}: {m}" for n, f, m in more)
        if len(errors) > _MAX_LISTED_ERRORS:
            listed += f"\n... and {len(errors) - _MAX_LISTED_ERRORS} more errors"
        raise ConfigError(message + listed, path=str(path), line=line, field=field)
    if not rows:
        raise ConfigError("the rate table has no rows", path=str(path), line=1)
    return {pair: Series(sorted(by_day), [by_day[d][0] for d in sorted(by_day)])
            for pair, by_day in rows.items()}


def _rows(reader: Any, path: Path) -> Iterator[tuple[int, list[str]]]:
    """(line, cells) of each row after the header; a row CSV cannot read is an error."""
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            raise ConfigError(f"not valid CSV: {error}", path=str(path),
                              line=reader.line_num) from None
        yield reader.line_num, row


def _parse_row(cells: dict[str, str]) -> tuple[list[tuple[str, str]],
                                                 tuple[int, str, str, float] | None]:
    """(field, message) problems of one row, and its values when there are none."""
    problems: list[tuple[str, str]] = []
    day = rate = None
    if _ISO_DATE.fullmatch(cells["date"]):
        with suppress(ValueError):
            day = date.fromisoformat(cells["date"]).toordinal()
    if day is None:
        problems.append(("date", f"not an ISO date (YYYY-MM-DD): {excerpt(cells['date'])}"))
    base, quote = cells["base"].upper(), cells["quote"].upper()
    for field, code in (("base", base), ("quote", quote)):
        if not _CODE.fullmatch(code):
            problems.append((field, f"not a currency code: {excerpt(cells[field])}"))
    if base == quote and base:
        problems.append(("quote", f"same currency as base: {excerpt(cells['quote'])}"))
    try:
        rate = float(cells["rate"])
    except ValueError:
        problems.append(("rate", f"not a number: {excerpt(cells['rate'])}"))
    if rate is not None and not math.isfinite(rate):
        problems.append(("rate", f"not a finite number: {excerpt(cells['rate'])}"))
    elif rate is not None and rate <= 0:
        problems.append(("rate", f"must be a positive number, got {excerpt(cells['rate'])}"))
    elif rate is not None and not MIN_RATE <= rate <= MAX_RATE:
        problems.append(("rate", f"out of range: {excerpt(cells['rate'])} (a rate is from "
                         f"{MIN_RATE:g} to {MAX_RATE:g} units of quote per base)"))
    if problems or day is None or rate is None:
        return problems, None
    return problems, (day, base, quote, rate)
