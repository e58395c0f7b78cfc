"""Deterministic correct articles of the conversion set: article ``i`` depends only on the
seed and ``i``."""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import date
from decimal import Decimal
from typing import Any

from benchmarks.conversion_errors.articles import FAMILY, Article, fill, printed
from benchmarks.generation.amounts import Amount, Conversion, gap, printed_conversion, templates
from benchmarks.generation.generator import ArticleGenerator
from benchmarks.generation.layout import headline
from benchmarks.generation.numbers import NumberStyle, article_style, quantize, weighted
from benchmarks.harness.rates import Rates
from factcheck.model import Lang

LANGS: tuple[Lang, ...] = ("id", "fr", "en")
LANG_WEIGHTS: tuple[float, ...] = (0.45, 0.275, 0.275)
SEED = 20240611
DEFAULT_ARTICLES = 360
FIRST_DAY, LAST_DAY = date(2005, 1, 1), date(2024, 12, 31)
MILLION = {"id": "juta", "fr": "millions de", "en": "million"}


class Generator(ArticleGenerator[Article]):
    """Articles in Indonesian, French and English (weighted), with one to five conversions."""

    salt = "article"

    def language(self, rng: random.Random, index: int) -> Lang:
        return rng.choices(LANGS, weights=LANG_WEIGHTS)[0]

    def draw(self, rng: random.Random, lang: Lang, ident: str) -> Article | None:
        tpl = templates(FAMILY, lang)
        main = _direction(rng, tpl)
        count = 1 if rng.random() < 0.2 else rng.randint(2, 5)
        dirs = [main if rng.random() < 0.75 else _direction(rng, tpl) for _ in range(count)]
        stated_key = _stated_key(tpl, main)
        stated = stated_key is not None and rng.random() < 0.3
        if stated:
            base, quote = main.split(">")
            dirs = [main if rng.random() < 0.7 else f"{quote}>{base}" for _ in range(count)]
        currencies = sorted({c for d in dirs for c in d.split(">")})
        day = self.rates.draw_day(rng, FIRST_DAY, LAST_DAY, currencies)
        if day is None:
            return None
        style = article_style(rng, tpl, lang)
        formats: dict[str, dict[str, Any]] = {c: weighted(rng, tpl["money"][c]) for c in currencies}
        stated_rate: float | None = None
        stated_numeral: str | None = None
        stated_text = ""
        if stated and stated_key is not None:
            spec = tpl["stated_rates"][stated_key]
            base, quote = stated_key.split(">")
            step = Decimal(str(spec["step"]))
            rate_printed = quantize(self.rates.rate(base, quote, day), step, truncate=False)
            if step < 1:
                rate_printed = rate_printed.quantize(step)
            stated_rate = float(rate_printed)
            stated_numeral = style.format(rate_printed)
            stated_text = rng.choice(spec["templates"]).format(rate=stated_numeral)
        topic = rng.choice(sorted(tpl["conversions"]))
        slots = _slots(rng, tpl, lang, style, day, formats, dirs[0].split(">")[0])
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
            sentence = fill(sentences[number % len(sentences)], _vary(rng, tpl, slots))
            conv = printed_conversion(
                rng, tpl, style, formats, (base, quote), rate, rng.random() < truncate_share
            )
            if conv is None:
                return None
            pairs = tpl["pairs"]["inline"] + (
                tpl["pairs"]["final"] if sentence.rstrip().endswith("{pair}.") else []
            )
            conversions.append(replace(conv, pair=weighted(rng, pairs)["t"], sentence=sentence))
        paragraphs: list[str | int] = []
        fillers = rng.sample(tpl["fillers"], k=rng.randint(1, 3))
        for number in range(count):
            paragraphs.append(number)
            if fillers and rng.random() < 0.5:
                paragraphs.append(fill(fillers.pop(), _vary(rng, tpl, slots)))
        for filler in fillers:
            text = fill(filler, _vary(rng, tpl, slots))
            paragraphs.insert(rng.randint(1, len(paragraphs)), text)
        if stated_text:
            at_end = "di atas" in stated_text or stated_text.startswith("(") or rng.random() < 0.5
            paragraphs.insert(len(paragraphs) if at_end else 1, stated_text)
        title = headline(fill(rng.choice(tpl["titles"][topic]), slots), lang)
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


def _direction(rng: random.Random, tpl: dict[str, Any]) -> str:
    directions = list(tpl["directions"].items())
    return str(rng.choices([d for d, _ in directions], weights=[w for _, w in directions])[0])


def _stated_key(tpl: dict[str, Any], direction: str) -> str | None:
    base, quote = direction.split(">")
    for key in tpl.get("stated_rates", {}):
        if key in (direction, f"{quote}>{base}"):
            return str(key)
    return None


def _slots(
    rng: random.Random,
    tpl: dict[str, Any],
    lang: str,
    style: NumberStyle,
    day: date,
    formats: dict[str, dict[str, Any]],
    currency: str,
) -> dict[str, str]:
    """The article's vocabulary, its years, and one same-currency amount (``money_same``) in
    the format of the first conversion's source currency."""
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
    slots["money_same"] = printed(same, lang, style)
    return _vary(rng, tpl, slots) | {"money_same": slots["money_same"]}


def _vary(rng: random.Random, tpl: dict[str, Any], slots: dict[str, str]) -> dict[str, str]:
    """Fresh numbers (and sometimes a fresh noun) for the next sentence."""
    lang = tpl["lang"]
    style = NumberStyle(tpl["number"]["decimal"], tpl["number"]["group"][0])
    pct = style.format(quantize(rng.uniform(0.5, 15.0), Decimal("0.1"), False))
    qty_day = rng.randrange(6, 60) * 500  # at least 1.1 million a year
    qty_year = quantize(qty_day * 365 / 1e6, Decimal("0.01"), False)
    out = dict(slots)
    out.update(
        pct=pct + (" %" if lang == "fr" else "%"),
        qty=style.format(Decimal(rng.randrange(45, 950) * 1000)),
        qty_day=style.format(Decimal(qty_day)),
        qty_year=f"{style.format(qty_year)} {MILLION[lang]}",
        price=str(rng.randrange(40, 400)),
        small=style.format(quantize(rng.uniform(1.1, 9.9), Decimal("0.1"), False)),
    )
    for name in ("org2", "country", "program", "project"):
        if name in tpl["vocab"] and rng.random() < 0.5:
            out[name] = rng.choice(tpl["vocab"][name])
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
