"""Find amounts in text: a number (digits or words) and what is written around it.

For every number the scanner reads, left to right: a scale word, a range's second end, a
currency, unit or percent sign after it, a currency symbol before it, a "1 X = Y Z"
rate, a denominator ("per ton", "/dolar", "per hari"), and the qualifier before it. A
number that gets none of these is not a figure (years, counts, dates); a number with a
scale word but nothing else ("1,4 miliar") is kept as ``bare`` for the context to give
it a currency.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from factcheck.extract.lexicon import (
    SP,
    Lexicon,
    alternation,
    load_data,
    range_closer,
    trie_pattern,
)
from factcheck.extract.number_words import is_fraction, number_words_pattern, parse_number_words
from factcheck.extract.numbers import NUMERAL, parse_numeral
from factcheck.model import Lang
from factcheck.normalise.units import canonical

RATE_EQUALS = re.compile(rf"{SP}?={SP}?")
FRACTION_OF = re.compile(r"\s+(?i:dari|of|de|des|du|d['’])\b")


@dataclass(slots=True)
class Amount:
    """One amount as read from the text, before ids, intervals and context."""

    start: int
    end: int
    value: float
    step: float
    kind: str
    currency: str | None = None
    unit: str | None = None
    per: str | None = None
    qualifier: str | None = None
    range_first: tuple[float, float] | None = None
    has_scale: bool = False
    rate_base_pending: bool = False
    inferred_currency: bool = False


@dataclass(slots=True)
class _Core:
    start: int
    end: int
    value: float
    step: float
    fraction: bool
    words: bool


@cache
def _words_re(lang: Lang, lex: Lexicon) -> re.Pattern[str]:
    scale = alternation(w for w, (_, wl) in lex.scale.items() if wl == lang)
    return re.compile(
        rf"(?<![^\W\d_])(?:(?:(?P<os>(?i:{alternation(lex.one_scale)}))"
        rf"|(?P<nw>{number_words_pattern(lang)}))(?![^\W\d_])"
        rf"|(?P<one>{lex.one_articles}){SP}+(?=(?i:{scale})\b))",
        re.IGNORECASE,
    )


WORD = re.compile(r"[^\W\d_]+")
# Keys of number_words.yaml whose words only join or end a phrase, never start one.
NOT_FIRST_WORDS = frozenset({"and", "decimal", "ordinal_suffixes", "half_suffix"})


@cache
def _word_starts(lang: Lang, lex: Lexicon) -> frozenset[str]:
    """The first word of every phrase in the number-word data: only these can start one."""
    words: set[str] = set()

    def walk(item: object) -> None:
        if isinstance(item, dict):
            for key, value in item.items():
                walk(key)
                walk(value)
        elif isinstance(item, list):
            for value in item:
                walk(value)
        elif isinstance(item, str):
            first = WORD.match(item.lower())  # only a phrase's first word can start it
            if first:
                words.add(first.group())

    for key, value in load_data("number_words", lang).items():  # top-level keys name tables
        if key not in NOT_FIRST_WORDS:
            walk(value)
    walk(list(lex.one_scale))
    walk(load_data("amounts", lang)["one_articles"])
    # Lower case, Capitalised and UPPER CASE, as running text writes them: no lower-casing.
    return frozenset(v for w in words for v in (w, w.capitalize(), w.upper()))


@cache
def _starts_re(lang: Lang, lex: Lexicon) -> re.Pattern[str]:
    return re.compile(rf"(?<![^\W\d_]){trie_pattern(_word_starts(lang, lex))}(?![^\W\d_])")


def _word_numbers(text: str, lex: Lexicon) -> Iterator[re.Match[str]]:
    """What ``_words_re(...).finditer(text)`` finds, trying the pattern only at words that
    can start a number-word phrase (most words cannot): several times faster."""
    pattern, starts = _words_re(lex.lang, lex), _starts_re(lex.lang, lex)
    end = 0
    for word in starts.finditer(text):
        if word.start() < end:
            continue
        m = pattern.match(text, word.start())
        if m:
            end = m.end()
            yield m


def _cores(text: str, lex: Lexicon, trailing_zeros: bool) -> Iterator[_Core]:
    digits = NUMERAL.finditer(text)
    words = _word_numbers(text, lex)
    d, w = next(digits, None), next(words, None)
    while d or w:
        if d and (not w or d.start() <= w.start()):
            token = d.group()
            num = parse_numeral(token, lex.lang, trailing_zeros_significant=trailing_zeros)
            if num is not None:
                yield _Core(d.start(), d.end(), num.value, num.step, False, False)
            d = next(digits, None)
            continue
        assert w is not None
        phrase = w.group()
        if w.group("os"):
            factor = lex.one_scale[phrase.lower()]
            yield _Core(w.start(), w.end(), factor, factor, False, True)
        elif w.group("one"):
            yield _Core(w.start(), w.start() + len(w.group("one")), 1.0, 1.0, False, True)
        else:
            value = parse_number_words(phrase, lex.lang)
            if value is not None:
                frac = is_fraction(phrase, lex.lang)
                yield _Core(w.start(), w.end(), value, 1.0 if not frac else 0.0, frac, True)
        w = next(words, None)


def _scale(text: str, pos: int, lex: Lexicon) -> tuple[float, int, Lang | None, bool] | None:
    """(factor, end, language of the word, is a one-letter abbreviation) of a scale word."""
    m = lex.scale_re.match(text, pos)
    if not m:
        return None
    if m.group("word"):
        factor, lang = lex.scale[m.group("word").lower()]
        return factor, m.end(), lang, False
    abbr = m.group("abbr")
    return lex.scale_abbr[abbr], m.end(), None, len(abbr) == 1


def _numeral_at(
    text: str, core: _Core, lex: Lexicon, trailing_zeros: bool
) -> tuple[float, float, float, int, bool]:
    """(value, step, scale factor, end, scale needs a currency) of the number at ``core``."""
    scale = _scale(text, core.end, lex)
    value, step = core.value, core.step
    if scale is None:
        return value, step, 1.0, core.end, False
    factor, end, scale_lang, needs_currency = scale
    if scale_lang and scale_lang != lex.lang and not core.words:
        num = parse_numeral(text[core.start:core.end], scale_lang,
                            trailing_zeros_significant=trailing_zeros)
        if num is not None:
            value, step = num.value, num.step
    return value, step, factor, end, needs_currency


def read_amounts(
    text: str, lex: Lexicon, dollars: tuple[str, str], trailing_zeros: bool
) -> list[Amount]:
    """Every amount in ``text``, in order, non-overlapping."""
    out: list[Amount] = []
    last_end = 0
    for core in _cores(text, lex, trailing_zeros):
        if core.start < last_end:
            continue
        amount = _read(text, core, lex, dollars, trailing_zeros, last_end)
        if amount is None:
            continue
        if out and _joins_range(text, out[-1], amount, lex):
            _merge_range(out[-1], amount)
        else:
            out.append(amount)
        last_end = amount.end
    return out


DASH_GAP = re.compile(rf"{SP}?[-–—]{SP}?")


def _joins_range(text: str, first: Amount, second: Amount, lex: Lexicon) -> bool:
    """Two complete amounts that form a range: "US$ 1,2 miliar - US$ 1,9 miliar",
    "between 2% and 3%", "antara Rp 5 triliun dan Rp 7 triliun"."""
    if (first.range_first or second.range_first or first.kind != second.kind
            or first.kind not in ("money", "percent", "quantity")
            or (first.currency, first.unit) != (second.currency, second.unit)
            or not 0 <= first.value < second.value):
        return False
    if DASH_GAP.fullmatch(text, first.end, second.start):
        return True
    opener = lex.opener_re.search(text, max(0, first.start - 20), first.start)
    if opener is None or opener.group("open").lower() not in lex.full_range_openers:
        return False
    closer = range_closer(lex.lang, opener.group("open"))
    return re.fullmatch(rf"{SP}+{closer}{SP}+", text[first.end:second.start], re.I) is not None


def _merge_range(first: Amount, second: Amount) -> None:
    first.range_first = (first.value, first.step)
    first.value, first.step, first.end = second.value, second.step, second.end
    first.qualifier, first.per = "range", first.per or second.per


def _read(
    text: str, core: _Core, lex: Lexicon, dollars: tuple[str, str], tz: bool, floor: int
) -> Amount | None:
    """The amount whose number is ``core``; it may not start before ``floor``."""
    value, step, factor, pos, needs_currency = _numeral_at(text, core, lex, tz)
    has_scale = factor != 1.0 or bool(core.words and core.value == core.step and core.value > 1)
    start, first = core.start, None
    ranged = _range(text, core, pos, (value, factor, has_scale), lex, tz)
    if ranged is not None:
        second, second_factor, pos = ranged
        factor = factor if has_scale else second_factor
        has_scale = has_scale or second_factor != 1.0
        first, (value, step) = (value * factor, step * factor), second
    amount = Amount(start, pos, value * factor, step * factor, "bare", has_scale=has_scale)
    if first is not None:
        amount.range_first, amount.qualifier = first, "range"
    _attach_after(text, amount, lex, has_scale)
    if amount.currency == "$":
        amount.currency = dollars[1]
    if amount.kind in ("bare", "money") and (has_scale or not core.words):
        _attach_prefix(text, amount, lex, core, needs_currency, floor)
    if amount.currency == "$":
        amount.currency = dollars[0]
    if amount.kind == "bare" and amount.currency:
        amount.kind = "money"
    if amount.kind in ("money", "bare"):
        _attach_rate_or_denominator(text, amount, lex, dollars[0], tz)
    if amount.kind == "bare":
        if core.fraction and FRACTION_OF.match(text, amount.end):
            amount.kind = "ratio"
        elif not has_scale or needs_currency:
            return None
    if amount.kind in ("quantity", "money", "bare") and amount.per is None:
        m = lex.per_time_re.match(text, amount.end)
        if m:
            amount.per, amount.end = lex.lookup(lex.per_time, m.group("per")), m.end()
    if amount.qualifier is None:
        m = lex.qualifier_re.search(text, max(0, amount.start - 30), amount.start)
        if m:
            amount.qualifier = lex.lookup(lex.qualifiers, m.group("q"))
    if amount.start > floor and text[amount.start - 1] in "-−" and (
        amount.start < 2 or text[amount.start - 2] in " (\n\t"
    ):
        amount.start -= 1
        amount.value = -amount.value
    return amount


def _range(
    text: str, core: _Core, pos: int, first: tuple[float, float, bool], lex: Lexicon, tz: bool
) -> tuple[tuple[float, float], float, int] | None:
    """The second end of a range starting at ``core``: ((value, step), its scale, end).

    ``first`` is the first end's (value, scale factor, has a scale word); the first end
    must be the smaller, so "Juni 2022 hingga 2,64 miliar" is a date, then an amount.
    """
    first_value, first_factor, has_scale = first
    m = lex.range_re.match(text, pos)
    if m is None:
        opener = lex.opener_re.search(text, max(0, core.start - 20), core.start)
        closer = range_closer(lex.lang, opener.group("open")) if opener else ""
        m = re.compile(rf"{SP}+(?i:{closer}){SP}+").match(text, pos) if closer else None
        if m is None:
            return None
    elif m.group("word") and has_scale:
        return None
    at = m.end()
    prefix = lex.prefix_re.pattern.rstrip("$")
    sym = re.compile(prefix).match(text, at)
    at = sym.end() if sym else at
    nxt = NUMERAL.match(text, at)
    if nxt is None:
        return None
    num = parse_numeral(nxt.group(), lex.lang, trailing_zeros_significant=tz)
    if num is None:
        return None
    second = _Core(nxt.start(), nxt.end(), num.value, num.step, False, False)
    value, step, factor, end, _ = _numeral_at(text, second, lex, tz)
    if first_value * (first_factor if has_scale else factor) >= value * factor:
        return None
    return (value, step), factor, end


def suffix_currency(
    text: str, pos: int, lex: Lexicon, has_scale: bool
) -> tuple[str, str, int] | None:
    """(currency code, as written, end) of a currency written after a number at ``pos``."""
    m = lex.suffix_re.match(text, pos)
    if m is None or not (has_scale or not m.group("join").strip()):
        return None  # "de dollars", "-rand" join only a scale word: "milliards de dollars"
    written = m.group("sym") or m.group("name")
    code = lex.symbols.get(written) if m.group("sym") else lex.lookup(lex.currencies, written)
    if m.group("name") and written.lower() in lex.scale_only and not has_scale:
        return None  # "20 pounds" may weigh; "20 million pounds" is money
    if m.group("sym") and not CODE.fullmatch(written) and DIGIT_NEXT.match(text, m.end()):
        return None  # "pada 2023 Rp 4 triliun", "10 $ 30 $": the sign opens the next amount
    return (code, written, m.end()) if code else None


def _attach_after(text: str, amount: Amount, lex: Lexicon, has_scale: bool) -> None:
    pos = amount.end
    suffix = suffix_currency(text, pos, lex, has_scale)
    if suffix is not None:
        code, written, end = suffix
        amount.currency, amount.end, amount.kind = code, end, "money"
        _scale_amount(amount, lex.symbol_factor.get(written, 1.0))
        if not has_scale and written not in lex.symbol_factor:
            late = lex.scale_re.match(text, amount.end)
            if late and late.group("word"):  # "75 USD million"
                _scale_amount(amount, lex.scale[late.group("word").lower()][0])
                amount.end, has_scale = late.end(), True
        if not has_scale:
            attach_cents(text, amount, lex, require_subunit=False)
        return
    m = lex.subunit_re.match(text, pos)
    if m and not has_scale and (len(m.group("sub")) > 1 or m.start("sub") == pos):
        amount.currency = lex.lookup(lex.subunits, m.group("sub"))
        amount.value /= 100
        amount.step /= 100
        amount.end, amount.kind = m.end(), "money"
        return
    m = lex.unit_re.match(text, pos)
    if m and (has_scale or m.group("join").strip() in ("", "-")):
        expression = lex.lookup(lex.units, m.group("name") or m.group("sym"))
        if expression:
            unit = canonical(expression)
            amount.value *= unit.factor
            amount.step *= unit.factor
            if amount.range_first:
                amount.range_first = (amount.range_first[0] * unit.factor,
                                      amount.range_first[1] * unit.factor)
            amount.unit, amount.per, amount.end, amount.kind = unit.unit, unit.per, m.end(), \
                "quantity"
            return
    m = lex.percent_re.match(text, pos)
    if m:
        amount.value /= 100
        amount.step /= 100
        if amount.range_first:
            amount.range_first = (amount.range_first[0] / 100, amount.range_first[1] / 100)
        amount.end, amount.kind = m.end(), "percent"


DIGIT_NEXT = re.compile(rf"{SP}?\d")
CODE = re.compile(r"[A-Z]{3}")  # "17 USD 25" is 17.25 dollars; "2023 Rp 4 triliun" is not


def _scale_amount(amount: Amount, factor: float) -> None:
    if factor == 1.0:
        return
    amount.value *= factor
    amount.step *= factor
    amount.has_scale = True
    if amount.range_first:
        amount.range_first = (amount.range_first[0] * factor, amount.range_first[1] * factor)


def attach_cents(text: str, amount: Amount, lex: Lexicon, *, require_subunit: bool) -> None:
    """ "15 dollars 50", "13 dollars and 45 cents", "10 $ 30 cent": whole units and cents."""
    if amount.range_first is not None or amount.step < 1 or amount.value != int(amount.value):
        return
    m = lex.cents_re.match(text, amount.end)
    if m is None or (require_subunit and not m.group("sub")):
        return
    if not m.group("sub") and lex.suffix_re.match(text, m.end()):
        return  # "50 dollar 40 rmb": the number is the next amount
    written = m.group("n")
    cents = float(written) if written.isdigit() else parse_number_words(written, lex.lang)
    if cents is None or not 0 <= cents < 100 or cents != int(cents):
        return
    amount.value += cents / 100
    amount.step, amount.end = 0.01, m.end()


def _attach_prefix(
    text: str, amount: Amount, lex: Lexicon, core: _Core, needs_currency: bool, floor: int
) -> None:
    m = lex.prefix_re.search(text, max(floor, core.start - 8), core.start)
    if m:
        code = lex.symbols[m.group("sym")]
        if amount.currency is None or amount.currency == code or code == "$":
            if amount.currency is None:
                _scale_amount(amount, lex.symbol_factor.get(m.group("sym"), 1.0))
                if not amount.has_scale:
                    attach_cents(text, amount, lex, require_subunit=True)
            amount.currency, amount.start, amount.kind = code, m.start(), "money"
        return
    if amount.currency is not None:
        return
    rand = load_rand_prefix()
    if (core.start > floor and text[core.start - 1] == rand and not core.words
            and (core.start < 2 or not text[core.start - 2].isalnum())
            and (needs_currency or amount.has_scale or round(amount.step, 9) == 0.01)):
        amount.currency, amount.start = "ZAR", core.start - 1


@cache
def load_rand_prefix() -> str:
    from factcheck.extract.lexicon import load_data

    return str(load_data("currencies")["rand_prefix"])


def _attach_rate_or_denominator(
    text: str, amount: Amount, lex: Lexicon, dollar: str, tz: bool
) -> None:
    from factcheck.extract.rates import read_rate

    read_rate(text, amount, lex, dollar, tz)
