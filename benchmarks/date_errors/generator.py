"""Deterministic correct articles of the date set: article ``i`` depends only on the seed and
``i``."""

from __future__ import annotations

import math
import random
from datetime import date
from decimal import Decimal
from fractions import Fraction
from typing import Any

from benchmarks.date_errors.articles import DatedArticle
from benchmarks.date_errors.lines import Line, make_line
from benchmarks.date_errors.periods import past_period
from benchmarks.date_errors.ratios import ratio_admitted
from benchmarks.date_errors.wording import printed, wording
from benchmarks.generation.amounts import Amount, gap, printed_conversion
from benchmarks.generation.generator import ArticleGenerator
from benchmarks.generation.layout import headline
from benchmarks.generation.numbers import NumberStyle, article_style, pick, quantize, weighted
from benchmarks.harness.rates import Rates
from factcheck.model import Lang

LANGS: tuple[Lang, ...] = ("id", "fr", "en")
SEED = 20251113
DEFAULT_ARTICLES = 360
FIRST_DAY, LAST_DAY = date(2010, 1, 1), date(2025, 12, 31)
RatioLines = tuple[list[tuple[str, Line]], str, str, int, tuple[str, str]]


class Generator(ArticleGenerator[DatedArticle]):
    """Articles in Indonesian, French and English in turn, with three statements each."""

    salt = "dates"

    def language(self, rng: random.Random, index: int) -> Lang:
        return LANGS[index % len(LANGS)]

    def draw(self, rng: random.Random, lang: Lang, ident: str) -> DatedArticle | None:
        tpl = wording(lang)
        base, quote = pick(rng, tpl["directions"]).split(">")
        published = self.rates.draw_day(rng, FIRST_DAY, LAST_DAY, [base, quote])
        if published is None:
            return None
        period = past_period(rng, lang, published)
        if period is None:
            return None
        valued = self.rates.business_day_on_or_before(period.end, [base, quote])
        earlier = self.rates.business_day_on_or_before(period.shifted(-1).end, [base, quote])
        if valued is None or earlier is None:
            return None
        style = article_style(rng, tpl, lang)
        formats = {c: weighted(rng, tpl["money"][c]) for c in (base, quote)}
        truncate = rng.random() < float(tpl["truncate_share"])
        rate_then = self.rates.rate(base, quote, valued)
        conv = printed_conversion(rng, tpl, style, formats, (base, quote), rate_then, truncate)
        rate_now = self.rates.rate(base, quote, published)
        now = printed_conversion(rng, tpl, style, formats, (base, quote), rate_now, False)
        if conv is None or now is None:
            return None
        vocab = {name: rng.choice(values) for name, values in tpl["vocab"].items()}
        vocab.update(
            qty=style.format(Decimal(rng.randrange(12, 95) * 100)),
            pct=style.format(quantize(rng.uniform(0.5, 9.5), Decimal("0.1"), False))
            + (" %" if lang == "fr" else "%"),
        )
        pair = weighted(rng, tpl["pairs"])["t"]

        # (1) the past figure
        spec = rng.choice(tpl["past"])
        verbs = tuple(rng.choice(spec["verbs"]))
        past = make_line(
            spec["t"].replace("{src_dst}", pair),
            vocab,
            verb=verbs[0],
            src=printed(conv.src, lang, style),
            dst=printed(conv.dst, lang, style),
            period=period.text(lang),
        )
        after = spec["t"].index("{period}") > spec["t"].index("{verb}")

        # (2) the projection; the probe gives it a conversion at the publication rate
        built = _ratio(rng, tpl, lang, style, vocab, published)
        if built is None:
            return None
        ratio_lines, ratio, block, ryear, numerals = built
        fyear = str(
            rng.choice([y for y in range(published.year + 1, published.year + 5) if y != ryear])
        )
        projection = make_line(
            rng.choice(tpl["projection"]),
            vocab | {"fyear": fyear},
            amount=printed(now.src, lang, style),
        )
        probe = pair.format(src=printed(now.src, lang, style), dst=printed(now.dst, lang, style))

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
        title = headline(make_line(rng.choice(tpl["titles"]), vocab).render()[0], lang)
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


def _ratio(
    rng: random.Random,
    tpl: dict[str, Any],
    lang: str,
    style: NumberStyle,
    vocab: dict[str, str],
    published: date,
) -> RatioLines | None:
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
    part_value = quantize(part_exact, part_step, truncate=False)
    if abs(float(part_value) / part_exact - 1) > 0.02:
        return None
    whole = Amount(currency, exp, style.format(whole_value), fmt["t"], "words", Decimal(1))
    part = Amount(currency, exp, style.format(part_value), fmt["t"], "words", part_step)
    year = (
        published.year + rng.randint(1, 3)
        if block == "future"
        else (published.year - rng.randint(1, 2))
    )
    words = vocab | {"ryear": str(year)}
    q = weighted(rng, tpl["qualifiers"])["t"]
    word = weighted(rng, tpl["ratio_words"][ratio])["t"]
    whole_text = printed(whole, lang, style)
    part_line = make_line(
        spec["part"], words, part=printed(part, lang, style), q=q, ratio=word, whole=whole_text
    )
    lines: list[tuple[str, Line]] = []
    if "whole" in spec:
        lines.append(("whole", make_line(spec["whole"], words, whole=whole_text)))
    lines.append(("part", part_line))
    return lines, ratio, block, year, (part.numeral, whole.numeral)


def generate(
    count: int = DEFAULT_ARTICLES, seed: int = SEED, rates: Rates | None = None
) -> list[DatedArticle]:
    """``count`` correct articles; article ``i`` is the same whatever ``count`` is."""
    generator = Generator(rates or Rates(), seed)
    articles = [generator.article(i) for i in range(count)]
    for article in articles:  # self-check: the past conversion and the ratio are right
        assert gap(article.conversion, article.style, article.conversion.rate) == 0.0
        qualified = bool(article.lines[article.ratio_line].slot("q"))
        assert ratio_admitted(article, article.ratio, qualified), article.id
    return articles
