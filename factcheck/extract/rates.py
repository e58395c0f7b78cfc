"""Exchange rates and prices written in the text.

A money amount becomes a rate when it is priced per another currency ("Rp 16.200 per
dolar AS", "15.046/dolar", "at 16,200 rupiah to the dollar"), when it is the right side
of "1 X = Y" ("US$1=Rp 15.400", "$1 = 0.92 euros"), or when a rate word stands before it
("kurs Rp 13.000"; its base currency then comes from the conversion it qualifies), or
when it quotes the currency named as the subject of a quoting verb ("the rupee traded at
1.216 euro", "the yen weakened to 150 per dollar": ``extract.market_quotes``). It
becomes a price when it is per a unit or a counted thing ("US$ 64 per ton", "Rp 106 per
saham").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from factcheck.extract.attach import Written, currency_name_at, sign_at, suffix_currency
from factcheck.extract.cores import Amount
from factcheck.extract.currency_evidence import family_default
from factcheck.extract.lexicon import Lexicon
from factcheck.extract.market_quotes import quotable, quote_base, quoted_subject
from factcheck.extract.prices import counted_denominator, price_before
from factcheck.extract.scales import numeral_written_at
from factcheck.extract.word_patterns import NOT_LETTER_AFTER, SP, alternation
from factcheck.lang.currency_words import is_code
from factcheck.lang.loader import language
from factcheck.model import Lang

SPACE = re.compile(f"{SP}?")
CODE_WORD = re.compile(r"[a-z]{3}(?![^\W\d_])")
ONE = re.compile(rf"{SP}?1(?![\d.,]?\d)")  # the one unit a rate is per: "/$1", "to $1"


@dataclass(frozen=True)
class RateWords:
    """The compiled rate words of one language (``amounts.yaml``)."""

    equals: re.Pattern[str]  # "1 X" then these, then its price in another currency
    one_unit: re.Pattern[str]  # a rate, then these, then "1 X"


@cache
def rate_words(lang: Lang) -> RateWords:
    data = language(lang).amounts
    return RateWords(equals=_words_re(data.rate_equals),
                     one_unit=_words_re((*data.per_words, *data.one_unit_words)))


def _words_re(words: tuple[str, ...]) -> re.Pattern[str]:
    """Any of ``words`` between optional spaces; a word ends where no letter follows, a
    sign ("=", "/") anywhere."""
    signs = alternation(w for w in words if not w[-1].isalpha())
    named = alternation(w for w in words if w[-1].isalpha())
    return re.compile(rf"{SP}?(?:{signs}|(?i:{named}){NOT_LETTER_AFTER}){SP}?")


def certain(written: Written | None, dollar: str) -> str | None:
    """The one currency ``written`` stands for, or its family's default: a rate is between
    two currencies, never candidates."""
    if written is None:
        return None
    if len(written.reading) == 1:
        return next(iter(written.reading))
    return family_default(written.reading, dollar)


def _make_rate(amount: Amount, quote: str, base: str) -> None:
    amount.kind, amount.currency, amount.unit = "rate", quote, base
    amount.candidates, amount.needs_evidence, amount.currency_source = None, False, None


def _money_at(
    text: str, pos: int, lex: Lexicon, dollar: str, tz: bool
) -> tuple[float, float, str, int] | None:
    """(value, step, currency, end) of a money amount starting at ``pos``."""
    currency = None
    sign = sign_at(text, pos, lex)
    if sign is not None:
        currency, pos = certain(sign, dollar), SPACE.match(text, sign.end).end()  # type: ignore[union-attr]
    read = numeral_written_at(text, pos, lex, tz)
    if read is None:
        return None
    value, step, factor, end = read.value, read.step, read.factor, read.end
    if currency is None:
        suffix = suffix_currency(text, end, lex, factor != 1.0)
        if suffix:
            currency, end = certain(suffix, dollar), suffix.end
    if currency is None:
        return None
    return value * factor, step * factor, currency, end


def read_rate(text: str, amount: Amount, lex: Lexicon, dollar: str, tz: bool) -> None:
    """Turn ``amount`` into a rate or a price if the text around it says so."""
    own = amount.currency or (family_default(amount.candidates, dollar)
                              if amount.candidates and not amount.needs_evidence else None)
    words = rate_words(lex.lang)
    if amount.kind == "money" and amount.value == 1 and amount.range_first is None:
        eq = words.equals.match(text, amount.end)
        right = _money_at(text, eq.end(), lex, dollar, tz) if eq else None
        if right is not None and own is not None and right[2] != own:
            amount.value, amount.step, quote, amount.end = right
            _make_rate(amount, quote, own)
            return
    if _per_one_unit(text, amount, lex, dollar, words):
        return
    per = lex.per_re.match(text, amount.end)
    written = None
    if per:
        written = (sign_at(text, per.end(), lex)
                   or currency_name_at(text, per.end(), lex, has_scale=False)
                   or _code_in_lower_case(text, per.end(), lex))
    subject = quoted_subject(text, amount.start, lex.lang) if quotable(amount) else None
    if per and written:
        base = certain(written, dollar)
        if own is None and amount.candidates is None and subject is not None:
            own = quote_base(subject, dollar)  # "the yen weakened to 150 per dollar"
            if own is None and base not in subject:  # "the rupee ... 83 per dollar"
                amount.candidates = subject
        quoted = own or (lex.rate_default_currency if amount.candidates is None else None)
        if base and quoted and base != quoted and not amount.has_scale:
            _make_rate(amount, quoted, base)
            amount.end = written.end
        elif base and amount.candidates and base not in amount.candidates \
                and not amount.has_scale:  # "Rs46 per usd": the quote is decided later
            amount.kind, amount.unit, amount.end = "rate", base, written.end
        return
    m = lex.denominator_re.match(text, amount.end)
    if m and amount.kind == "money":
        denominator = m.group("name") or ""
        unit = lex.lookup(lex.units, denominator) or lex.lookup(lex.per_nouns, denominator)
        if unit:
            amount.kind, amount.unit, amount.end = "price", unit.replace(" ", ""), m.end()
        return
    counted = counted_denominator(text, amount.end, lex) if amount.kind == "money" else None
    if counted:  # "3 sen per 1,000 gallons"
        amount.kind, amount.unit, amount.end = "price", *counted
        return
    if amount.kind != "money" or amount.has_scale or amount.range_first is not None:
        return
    if subject is not None and own is not None:  # "the rupee traded at 1.216 euro"
        base = quote_base(subject, dollar)
        if base is None and amount.currency is not None:
            amount.quote_subject = subject  # decided by the document's evidence
        elif base is not None and base != own:
            _make_rate(amount, own, base)
            return
    if lex.rate_word_re.search(text, max(0, amount.start - 40), amount.start):
        amount.kind, amount.rate_base_pending = "rate", True
        return
    before = lex.per_noun_before_re.search(text, max(0, amount.start - 60), amount.start)
    if before:  # "harga per unit naik dari Rp 312 menjadi Rp 355"
        amount.kind, amount.unit = "price", lex.lookup(lex.per_nouns, before.group("noun"))
    else:
        price_before(text, amount, lex)



def _per_one_unit(text: str, amount: Amount, lex: Lexicon, dollar: str, words: RateWords) -> bool:
    """ "N415/$1", "N1,590 to $1", "Rp 16.000 untuk US$1": a price of one unit of another
    currency is a rate, whatever sign the quote is written with (a family sign is decided
    later, by the document's evidence)."""
    if amount.kind != "money" or amount.has_scale or amount.range_first is not None:
        return False
    joined = words.one_unit.match(text, amount.end)
    written = sign_at(text, joined.end(), lex) if joined else None
    one = ONE.match(text, written.end) if written else None
    base = certain(written, dollar)
    if one is None or base is None or base == amount.currency:
        return False
    if amount.currency is None and amount.candidates and base in amount.candidates:
        return False
    amount.kind, amount.unit, amount.end = "rate", base, one.end()
    amount.currency_source = None if amount.candidates else amount.currency_source
    return True


def _code_in_lower_case(text: str, pos: int, lex: Lexicon) -> Written | None:
    """After a per word, an ISO code written in lower case ("Rs46 per usd"); not a name
    that may be something else ("$3.80 a pound" is a price per pound of weight)."""
    word = CODE_WORD.match(text, pos)
    code = word.group().upper() if word else ""
    if word is None or not is_code(code) or code not in lex.words.signs:
        return None
    return Written(lex.words.signs[code], word.group(), word.end(), sign=False)
