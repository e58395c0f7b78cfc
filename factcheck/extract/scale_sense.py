"""Long-scale words in their English sense, where the text shows that sense.

French counts in the long scale: a "billion" is 10^12 and a "trillion" 10^18. Translated
copy keeps English words ("1,4 trillions de dollars" for 1.4 × 10^12), and the long reading
of such a word can give a sum no economy has: more than ``largest_money_usd`` (10^15 US
dollars at the reference rate; the world's yearly output is about 10^14). A money amount
whose long reading is beyond that and whose English reading (``short_scale_senses`` of
``<lang>/amounts.yaml``) is not is read in the English sense. A French "billion" of any
currency is a plausible sum, so it keeps the long sense, and "1,84 billion d'euros" for
1,84 milliard stays a scale slip for FX003 to name.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from datetime import date

from factcheck.extract.attach import scale_amount
from factcheck.extract.cores import Amount
from factcheck.extract.lexicon import Lexicon
from factcheck.lang.loader import common

WORD = re.compile(r"[^\W\d_]+")


def short_sense(text: str, amount: Amount, lex: Lexicon) -> float | None:
    """The factor from the long to the English sense of the scale word of ``amount``
    (10^-6 for a French "trillion"), or None."""
    if not lex.short_senses:
        return None
    for word in WORD.finditer(text, amount.start, amount.end):
        short = lex.short_senses.get(word.group().lower())
        found = lex.scale.get(word.group().lower())
        if short is not None and found is not None:
            return short / found[0]
    return None


def english_senses(text: str, amounts: Sequence[Amount], lex: Lexicon,
                   published: date | None) -> None:
    """Read in the English sense every money amount whose long-scale reading is larger than
    any sum of money (the amounts are changed in place)."""
    if not lex.short_senses:
        return
    largest = common().currencies.largest_money_usd
    for amount in amounts:
        if amount.kind != "money" or amount.currency is None:
            continue
        ratio = short_sense(text, amount, lex)
        if ratio is None:
            continue
        usd = _in_usd(abs(amount.value), amount.currency, published)
        if usd is not None and usd > largest >= usd * ratio:
            scale_amount(amount, ratio)


def _in_usd(value: float, currency: str, published: date | None) -> float | None:
    if currency == "USD":
        return value
    from factcheck.normalise.fx import RateUnavailable, default_provider

    provider = default_provider()
    try:
        rate = provider.rate(currency, "USD", published or provider.span()[1]).rate
    except RateUnavailable:
        return None
    usd = value * rate
    return usd if math.isfinite(usd) else None
