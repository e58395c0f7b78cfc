"""What the neighbours of an amount say about it (conversion pairs are ``extract.pairs``,
the currency of a bare amount ``extract.implicit_currency``).

- A rate written without its base ("kurs Rp 13.000") is per the source currency of the
  conversion it follows in its sentence, else per US dollar.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence

from factcheck.extract.cores import Amount


def sentence_index(starts: Sequence[int], offset: int) -> int:
    return max(0, bisect_right(starts, offset) - 1)


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
