"""Generated claims tables for ``claims_scale.py`` and the claims tests: deterministic rows
as newsrooms write them.

A *fact* (subject, metric, period, kind, a true amount in USD, EUR or IDR) is reported by
one to six sources of ``SOURCES`` outlets, each in its own language (id, en, fr), printed
to two or three significant digits, sometimes with a qualifier ("sekitar", "about",
"environ"). Indonesian outlets add the rupiah equivalent of a dollar or euro figure about
half the time, French ones the euro equivalent of a dollar figure a fifth of the time:
the figure as printed at the ECB rate of the publication date, printed to two or three
digits in turn; some state ``fx_rate`` and ``fx_date``. A few
reports disagree: another value (XS001), another period (XS003), a conversion at another
rate (FX001/FX002/XS002). ``broken`` rows carry the errors of hand-kept tables: a
month 13, an unknown currency code, a "Q5", text that is no amount, a missing cell.

``form="text"`` writes ``value``/``equivalent`` as strings with a ``lang`` column;
``form="numeric"`` writes ``value.amount``/``value.currency`` (and ``equivalent.*``).
"""

from __future__ import annotations

import csv
import math
import random
from collections.abc import Iterator
from datetime import date, timedelta
from functools import cache
from pathlib import Path
from typing import Literal

Form = Literal["text", "numeric"]
Row = dict[str, str]
SOURCES = 300
METRICS = ("revenue", "net_loss", "net_income", "operating_loss", "valuation", "funding_raised",
           "capex", "debt", "market_cap", "ebitda", "free_cash_flow", "investment", "subsidy",
           "export_value", "import_value", "tax_paid", "dividend", "r_and_d", "payroll",
           "contract_value", "fine", "loan", "bond_issue", "acquisition_price", "budget",
           "deficit", "reserves", "cash", "assets", "liabilities")
_STEMS = ("Nusantara", "Garuda", "Borneo", "Sumatra", "Merapi", "Lumière", "Atlas", "Helios",
          "Orion", "Vega", "Cobalt", "Summit", "Harbor", "Meridian", "Aurora", "Pacific",
          "Sahara", "Alpine", "Delta", "Quartz")
_KINDS = ("actual", "actual", "actual", "projection", "estimate")
_SCALES = {"id": ((1e12, "triliun"), (1e9, "miliar"), (1e6, "juta")),
           "en": ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")),
           "fr": ((1e12, "billions"), (1e9, "milliards"), (1e6, "millions"))}
_QUALIFIER = {"id": "sekitar", "en": "about", "fr": "environ"}


def columns(form: Form) -> list[str]:
    head = ["id", "source", "published", "lang", "subject", "metric", "period", "kind"]
    if form == "text":
        return [*head, "value", "equivalent", "fx_rate", "fx_date"]
    return [*head, "value.amount", "value.currency", "equivalent.amount",
            "equivalent.currency", "fx_rate", "fx_date"]


@cache
def _rate(base: str, quote: str, on: date) -> float:
    from factcheck.normalise.fx import default_provider

    return default_provider().rate(base, quote, on).rate


def _digits(value: float, lang: str, decimals: int) -> str:
    text = f"{value:,.{decimals}f}"
    if lang == "en":
        return text
    thousands = "." if lang == "id" else " "
    return text.replace(",", "\0").replace(".", ",").replace("\0", thousands)


def _rounded(amount: float, digits: int) -> tuple[float, int]:
    """``amount`` to ``digits`` significant digits in its scale word, and its decimals."""
    exponent = math.floor(math.log10(amount))
    scale = 1e12 if exponent >= 12 else 1e9 if exponent >= 9 else 1e6
    mantissa = amount / scale
    decimals = max(0, digits - 1 - math.floor(math.log10(mantissa)))
    return round(mantissa, decimals) * scale, decimals


def written(amount: float, currency: str, lang: str, digits: int, qualifier: bool) -> str:
    """An amount as an outlet in ``lang`` prints it: "US$ 4,25 miliar", "$4.2 billion",
    "80 milliards d'euros"."""
    value, decimals = _rounded(amount, digits)
    scale, word = next(s for s in _SCALES[lang] if value >= s[0] * 0.9995)
    number = _digits(value / scale, lang, decimals)
    if lang == "fr":
        if word == "milliards" and value / scale < 2:
            word = "milliard"
        name = {"USD": "de dollars", "EUR": "d'euros", "IDR": "de rupiahs"}[currency]
        text = f"{number} {word} {name}"
    else:
        sign = {"USD": "US$ " if lang == "id" else "$", "EUR": "€", "IDR": "Rp "}[currency]
        text = f"{sign}{number} {word}"
    return f"{_QUALIFIER[lang]} {text}" if qualifier else text


def _plain(amount: float, digits: int) -> str:
    value, _ = _rounded(amount, digits)
    return f"{float(f'{value:.{digits}g}'):.0f}"


class _Writer:
    def __init__(self, form: Form, rng: random.Random) -> None:
        self.form, self.rng = form, rng

    def value(self, row: Row, amount: float, currency: str, prefix: str = "value") -> float:
        """Write ``amount`` as printed; the amount printed."""
        digits = self.rng.choice((2, 2, 3))
        if self.form == "text":
            row[prefix] = written(amount, currency, row["lang"], digits, self.rng.random() < 0.2)
        else:
            row[f"{prefix}.amount"], row[f"{prefix}.currency"] = _plain(amount, digits), currency
        return _rounded(amount, digits)[0]

    def equivalent(self, row: Row, printed: float, currency: str, on: date) -> None:
        """The printed value converted at the day's rate (1% of them at a rate 12% off)."""
        target = "IDR" if row["lang"] == "id" else "EUR"
        rate = _rate(currency, target, on) * (1.12 if self.rng.random() < 0.01 else 1.0)
        self.value(row, printed * rate, target, "equivalent")
        if self.rng.random() < 0.2:
            row["fx_rate"] = f"{rate:.0f}" if target == "IDR" else f"{rate:.4f}"
        if self.rng.random() < 0.3:
            row["fx_date"] = (on - timedelta(days=self.rng.randrange(3))).isoformat()


def _period(rng: random.Random) -> tuple[str, date, date]:
    """A label and its first and last day."""
    year = rng.choice((2021, 2022, 2023, 2024, 2025))
    shape = rng.random()
    if shape < 0.6:
        return str(year), date(year, 1, 1), date(year, 12, 31)
    first, months = ((rng.randrange(1, 5), 3) if shape < 0.85 else (rng.randrange(1, 13), 1))
    start = date(year, months * (first - 1) + 1, 1)
    end = date(year + (start.month + months > 12), (start.month + months - 1) % 12 + 1, 1)
    label = f"{year}-Q{first}" if months == 3 else f"{year}-{first:02d}"
    return label, start, end - timedelta(days=1)


def _published(rng: random.Random, kind: str, start: date, end: date) -> date:
    """A publication date that fits the kind: an actual after its period, a projection
    before its end, an estimate around it."""
    if kind == "actual":
        return end + timedelta(days=rng.randrange(1, 300))
    if kind == "projection":
        return end - timedelta(days=rng.randrange(0, 400))
    return end + timedelta(days=rng.randrange(-60, 120))


def _break(row: Row, rng: random.Random, form: Form) -> None:
    kind = rng.randrange(5)
    if kind == 0:
        row["published"] = row["published"][:5] + "13" + row["published"][7:]
    elif kind == 1:
        row["period"] = row["period"][:4] + "-Q5"
    elif kind == 2:
        row["subject"] = ""
    elif form == "text":
        row["value"] = "lima miliar" if kind == 3 else row["value"] + " atau lebih"
    else:
        row["value.currency"] = row["value.currency"].lower() if kind == 3 else "XYZ"


def rows(n: int, *, form: Form = "text", seed: int = 2024, broken: float = 0.0,
         sources: int = SOURCES) -> Iterator[Row]:
    """``n`` rows, deterministic for a seed; a share ``broken`` of them invalid. Fewer
    ``sources`` put more records in each source's document of a day."""
    rng = random.Random(seed)
    writer = _Writer(form, rng)
    subjects = max(50, n // 200)
    langs = [rng.choice(("id", "id", "en", "en", "fr")) for _ in range(sources)]
    made = 0
    while made < n:
        subject = f"{_STEMS[rng.randrange(len(_STEMS))]} {rng.randrange(subjects):05d}"
        metric, kind = rng.choice(METRICS), rng.choice(_KINDS)
        label, start, end = _period(rng)
        currency = rng.choice(("USD",) * 7 + ("EUR", "EUR", "IDR"))
        amount = 10 ** rng.uniform(6.5, 11) * (16000 if currency == "IDR" else 1)
        for _ in range(min(rng.randrange(1, 7), n - made)):
            source = rng.randrange(sources)
            lang = langs[source]
            if currency == "IDR" and lang == "fr":
                source = (source + 1) % sources
                lang = langs[source]
            on = _published(rng, kind, start, end)
            row: Row = {"id": f"r{made:07d}", "source": f"Outlet {source:03d} ({lang})",
                        "published": on.isoformat(), "lang": lang, "subject": subject,
                        "metric": metric, "period": label, "kind": kind}
            luck = rng.random()
            if luck < 0.01:
                row["period"] = str(start.year - 1)
            mine = amount * (rng.uniform(1.2, 2.0) if 0.01 <= luck < 0.04 else 1.0)
            printed = writer.value(row, mine, currency)
            share = {"id": 0.5, "fr": 0.2, "en": 0.0}[lang]
            if currency != "IDR" and not (lang == "fr" and currency == "EUR") and (
                    rng.random() < share):
                writer.equivalent(row, printed, currency, on)
            if rng.random() < broken:
                _break(row, rng, form)
            made += 1
            yield row


def write(path: Path, n: int, *, form: Form = "text", seed: int = 2024,
          broken: float = 0.0, sources: int = SOURCES) -> Path:
    """``n`` generated rows written to ``path`` as a claims CSV file."""
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.DictWriter(out, columns(form), restval="")
        writer.writeheader()
        writer.writerows(rows(n, form=form, seed=seed, broken=broken, sources=sources))
    return path
