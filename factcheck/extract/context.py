"""What the neighbours of an amount say about it (conversion pairs are ``extract.pairs``).

- Carried currency: a bare amount with a scale word ("US$ 2 miliar dan 1,4 miliar",
  "290 millions chacune") takes the currency of the last amount before it, in the same
  paragraph, that is not itself a converted figure; only when the next word is one that
  cannot be a counted noun (a function word or punctuation), so "6 million customers"
  stays no figure.
- A rate written without its base ("kurs Rp 13.000") is per the source currency of the
  conversion it follows in its sentence, else per US dollar.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence

from factcheck.extract.cores import Amount
from factcheck.extract.lexicon import Lexicon

NEXT_WORD = re.compile(r"[ \u00a0]*([^\W\d_]+(?:-[^\W\d_]+)*['’]?|[^\w\s]|$)")
CARRY_WINDOW = 400


def sentence_index(starts: Sequence[int], offset: int) -> int:
    return max(0, bisect_right(starts, offset) - 1)


def carry_currencies(
    text: str, amounts: list[Amount], lex: Lexicon, pairs: dict[int, int]
) -> list[Amount]:
    """Give bare amounts the currency of the text before them; drop those that get none.

    A bare amount restated at once in a currency C ("9 billion (US$35 million)") is in the
    currency the article last converted into C ("JPY40 billion (US$360 million)").
    """
    converted = {id(amounts[i]) for i in pairs}
    sources = {id(amounts[i]): amounts[j] for i, j in pairs.items()}
    kept: list[Amount] = []
    for index, amount in enumerate(amounts):
        if amount.kind != "bare":
            kept.append(amount)
            continue
        m = NEXT_WORD.match(text, amount.end)
        word = m.group(1).lower().replace("’", "'") if m else ""
        if word and word[0].isalpha() and word not in lex.carry_before:
            continue
        source = _last_money(text, kept, amount, converted)
        following = amounts[index + 1] if index + 1 < len(amounts) else None
        if (following is not None and following.kind == "money"
                and lex.connector_re.fullmatch(text, amount.end, following.start)):
            into = [sources[id(k)] for k in kept if id(k) in sources
                    and k.currency == following.currency
                    and sources[id(k)].currency != following.currency]
            source = into[-1] if into else source
        if source is not None:
            amount.kind, amount.currency = "money", source.currency
            amount.candidates, amount.currency_source = source.candidates, "context"
            kept.append(amount)
    return kept


def _last_money(
    text: str, before: Sequence[Amount], amount: Amount, converted: set[int]
) -> Amount | None:
    for index in range(len(before) - 1, -1, -1):
        other = before[index]
        if other.end < amount.start - CARRY_WINDOW or "\n\n" in text[other.end:amount.start]:
            return None
        if other.kind == "money" and id(other) not in converted:
            return other
    return None


def resolve_rate_bases(
    amounts: Sequence[Amount], pairs: dict[int, int], starts: Sequence[int]
) -> None:
    """Give "kurs Rp 13.000" its base currency from the conversion it follows."""
    for i, amount in enumerate(amounts):
        if not amount.rate_base_pending:
            continue
        sentence = sentence_index(starts, amount.start)
        base = None
        for j in range(i - 1, -1, -1):
            other = amounts[j]
            if sentence_index(starts, other.start) != sentence:
                break
            if j in pairs and other.currency == amount.currency:
                base = amounts[pairs[j]].currency
                break
            if other.kind == "money" and other.currency != amount.currency and base is None:
                base = other.currency
        amount.unit = base or ("USD" if amount.currency != "USD" else None)
        amount.rate_base_pending = False
