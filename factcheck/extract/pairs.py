"""Conversion pairs: which amount restates which, from the words of ``conversions.yaml``.

- Adjacent amounts of one sentence: "X (sekitar Y)", "X atau setara Y", "X, soit Y",
  "X (about Y)", "£ 100 juta / Rp 1,96 triliun": the text between them is a pair connector.
- The converted amount first, money in two currencies: "$32 billion for the proposed
  amount of Rs 1,47,344 crore", "paid $2 million for the 30 billion rupiah stake" (the
  first restates the second).
- A short phrase about the first amount may stand between it and a connector that says
  "the same amount in other terms" outright (a restating connector): "410 trillion rupiah
  of investment last year, or equivalent to $27 billion". The phrase holds no digit but a
  year ("US$ 9 miliar pada tahun 2015 ini, atau Rp 120 triliun") and no sentence or clause
  break.
- An aside between commas may interrupt a connector: "800 milliards d'euros correspondant,
  à peu de chose près, à 900 milliards de dollars" reads as "... correspondant à ...".
- Across a sentence boundary: a sentence whose opening, up to its first amount, is a
  sentence opener ("Setara dengan Rp 830 triliun.", "Jika dirupiahkan, angka tersebut
  setara Rp 114 triliun.") restates an amount of the sentence before, in the same
  paragraph: the one in the currency of a rate the sentence states ("asumsi Rp 14.372 per
  dolar"), else the last one that is not itself a restatement. A rate that opens the
  sentence ("Jika dirupiahkan dengan kurs Rp 14.000 per dolar, nilainya ...") is passed
  over: the amount after it restates.
- A sentence whose opening names the first figure before ("..., le premier chiffre
  correspond à 1 100 milliards d'euros", "the first figure is about €1.1 trillion")
  restates the first amount of the sentence before that is no restatement itself, whatever
  clause leads to that phrase.
- One amount, two conversions: after a pair X -> Y, an amount Z right after Y restates X
  too when it is listed in Y's bracket ("80 millions d'euros (86 millions de dollars, 68
  millions de livres)") or is in Y's currency at a rate the clause names ("20 euros
  permettent d'obtenir 4000 dinars quand le taux officiel n'en donne que 3100 dinars").
- Ranges end to end: a range restated as two amounts joined by a range word ("RM 2.000
  hingga RM 2.500 atau setara dengan Rp 7 juta hingga Rp 8,7 juta") is read as one range, so
  that each end pairs with its end.

Two amounts pair only when the second can restate the first: money in another currency (or
over another time), a quantity in the same dimension.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from factcheck.extract.context import sentence_index
from factcheck.extract.cores import Amount
from factcheck.extract.lexicon import Lexicon, alternation, lexicon
from factcheck.lang.loader import language
from factcheck.model import Lang
from factcheck.patterns import compiled

#: A phrase about an amount before a restating connector: no digit, no sentence or clause
#: break, no bracket; at most this many characters.
PHRASE_CHARS = 60
#: The longest text a phrase and a restating connector take together, and the longest
#: sentence opening before an amount (patterns are tried only within these).
PHRASE_GAP = PHRASE_CHARS + 50
OPENING_CHARS = 160
_PHRASE = (rf"\s*,?\s+[^\W\d_](?:[^\d.;:!?()\[\]\n]|(?<!\d)(?:1[89]|20)\d\d(?!\d))"
           rf"{{0,{PHRASE_CHARS}}}?")
#: An aside between commas inside a connector: no digit, no sentence or clause break.
_ASIDE = re.compile(rf",\s*[^\W\d_][^\d.,;:!?()\[\]\n]{{0,{PHRASE_CHARS}}}?,")
_LEADING = re.compile(r"[\s\"'“‘«(\[]*")


@dataclass(frozen=True)
class ConversionWords:
    """The compiled patterns of one language's ``conversions.yaml``."""

    after_phrase: re.Pattern[str]
    sentence_opener: re.Pattern[str]
    first_opener: re.Pattern[str]  # restates the first amount of the sentence before
    further: re.Pattern[str]  # a second conversion listed in the same bracket
    contrasted: re.Pattern[str]  # a second conversion in the same currency, another rate
    converted_first: re.Pattern[str]  # the converted amount first: "$32 billion for ... Rs"


@cache
def conversion_words(lang: Lang) -> ConversionWords:
    data = language(lang).conversions
    qualifier = rf"(?:(?i:{alternation(lexicon(lang).qualifiers)})\s+)?"
    restating = "|".join(f"(?:{c})" for c in data.restating_connectors) or r"(?!x)x"
    openers = "|".join(f"(?:{c})" for c in data.sentence_openers) or r"(?!x)x"
    return ConversionWords(
        after_phrase=compiled(rf"(?i:{_PHRASE}(?:{restating})){qualifier}"),
        sentence_opener=compiled(rf"(?i:{openers}){qualifier}"),
        first_opener=compiled(rf"(?i:{_either(data.first_amount_openers)}){qualifier}"),
        further=compiled(rf"(?i:{_either(data.further_conversions)}){qualifier}"),
        contrasted=compiled(rf"(?i:{_either(data.contrasted_conversions)}){qualifier}"),
        converted_first=compiled(rf"(?i:{_either(data.converted_first_connectors)})"
                                 rf"{qualifier}"),
    )


def _either(patterns: Sequence[str]) -> str:
    return "|".join(f"(?:{c})" for c in patterns) or r"(?!x)x"


def compatible(a: Amount, b: Amount) -> bool:
    """Whether ``b`` can restate ``a``: money in another currency (or one not decided yet),
    or over another time ("Rp 1 triliun per tahun atau Rp 2,7 miliar per hari"); a quantity
    in the same dimension; a price of the same thing in another currency."""
    if a.kind == b.kind == "money":
        return (a.currency != b.currency or a.currency is None
                or (a.per != b.per and None not in (a.per, b.per)))
    if a.kind == b.kind == "price":  # "$0.72 per litre (N1,152 per litre)"
        return a.unit == b.unit and (a.currency != b.currency or a.currency is None)
    return a.kind == b.kind == "quantity" and a.unit == b.unit


def join_restated_ranges(text: str, amounts: list[Amount], lex: Lexicon) -> list[Amount]:
    """Read "A1-A2 (atau B1 hingga B2)" with B1 and B2 as one range: a range restated by
    an amount that a range word joins to a larger amount of its kind."""
    if not any(a.range_first is not None for a in amounts):
        return amounts
    out: list[Amount] = []
    index = 0
    while index < len(amounts):
        amount = amounts[index]
        out.append(amount)
        index += 1
        if (len(out) < 2 or out[-2].range_first is None or amount.range_first is not None
                or index >= len(amounts) or not compatible(out[-2], amount)
                or not lex.connector_re.fullmatch(text, out[-2].end, amount.start)):
            continue
        second = amounts[index]
        if (second.kind == amount.kind and second.range_first is None
                and (second.currency, second.unit) == (amount.currency, amount.unit)
                and 0 <= amount.value < second.value
                and _range_gap(text, amount.end, second.start, lex)):
            amount.range_first = (amount.value, amount.step)
            amount.value, amount.step, amount.end = second.value, second.step, second.end
            amount.qualifier, amount.per = "range", amount.per or second.per
            index += 1
    return out


def _range_gap(text: str, start: int, stop: int, lex: Lexicon) -> bool:
    """Whether the text between two amounts is a range word or dash (and a qualifier the
    range word was read as: "hingga" is also "up to")."""
    match = lex.range_re.match(text, start, stop)
    return match is not None and not text[match.end():stop].strip()


def find_pairs(
    text: str, amounts: Sequence[Amount], lex: Lexicon, starts: Sequence[int]
) -> dict[int, int]:
    """{index of the converted amount: index of the amount it restates}."""
    words = conversion_words(lex.lang)
    sentences = _sentences_of(amounts, starts)
    pairs: dict[int, int] = {}
    for i in range(len(amounts) - 1):
        a, b = amounts[i], amounts[i + 1]
        if i in pairs or sentences[i] != sentences[i + 1] or not compatible(a, b):
            continue
        if lex.connector_re.fullmatch(text, a.end, b.start) or (
                b.start - a.end <= PHRASE_GAP
                and (words.after_phrase.fullmatch(text, a.end, b.start)
                     or _connector_with_aside(text[a.end:b.start], lex))):
            pairs[i + 1] = i
        elif (a.kind == b.kind == "money" and i + 1 not in pairs and b.start - a.end <= PHRASE_GAP
              and words.converted_first.fullmatch(text, a.end, b.start)):
            pairs[i] = i + 1
    _further_conversions(text, amounts, sentences, pairs, words)
    for j in range(1, len(amounts)):
        if sentences[j - 1] != sentences[j] - 1:
            continue
        opener = _opens_restating(text, amounts[j - 1].end, starts[sentences[j]],
                                  amounts[j].start, words)
        if opener is not None:
            k = _first_amount(amounts, j, sentences)
            first = opener is words.first_opener
            source = None if k in pairs else _restated(amounts, k, sentences, pairs, first=first)
            if source is not None:
                pairs[k] = source
    return pairs


def _further_conversions(text: str, amounts: Sequence[Amount], sentences: Sequence[int],
                         pairs: dict[int, int], words: ConversionWords) -> None:
    """One amount, two conversions: after the pair X -> Y, an amount Z right after Y that
    restates X too, listed in Y's bracket ("X (Y, Z)") or in Y's currency at another rate
    ("X buys Y on the street while the bank gives only Z")."""
    for k in range(2, len(amounts)):
        j = k - 1
        if k in pairs or j not in pairs or sentences[k] != sentences[j]:
            continue
        x, y, z = amounts[pairs[j]], amounts[j], amounts[k]
        if z.start - y.end > PHRASE_GAP or not compatible(x, z):
            continue
        listed = ("(" in text[x.end:y.start] and z.currency != y.currency
                  and words.further.fullmatch(text, y.end, z.start))
        contrasted = (z.kind == y.kind and (z.currency, z.candidates) == (y.currency, y.candidates)
                      and words.contrasted.fullmatch(text, y.end, z.start))
        if listed or contrasted:
            pairs[k] = pairs[j]


def _connector_with_aside(gap: str, lex: Lexicon) -> bool:
    """Whether ``gap`` is a connector once an aside between commas is taken out of it."""
    if gap.count(",") < 2:
        return False
    bare = _ASIDE.sub(" ", gap, count=1)
    return bare != gap and lex.connector_re.fullmatch(bare) is not None


def _first_amount(amounts: Sequence[Amount], j: int, sentences: Sequence[int]) -> int:
    """The first amount from ``j`` on in its sentence that is not a rate ("Jika
    dirupiahkan dengan kurs Rp 14.000 per USD, nilainya Rp 2,8 triliun")."""
    k = j
    while (k + 1 < len(amounts) and amounts[k].kind == "rate"
           and sentences[k + 1] == sentences[j]):
        k += 1
    return k


def _sentences_of(amounts: Sequence[Amount], starts: Sequence[int]) -> list[int]:
    """The sentence index of each amount (both lists are in text order)."""
    if not amounts:
        return []
    out, sentence = [], sentence_index(starts, amounts[0].start)
    last = len(starts) - 1
    for amount in amounts:
        while sentence < last and starts[sentence + 1] <= amount.start:
            sentence += 1
        out.append(sentence)
    return out


def _opens_restating(text: str, before: int, start: int, stop: int,
                     words: ConversionWords) -> re.Pattern[str] | None:
    """The opener (``words.sentence_opener`` or ``words.first_opener``) the sentence from
    ``start`` opens with up to ``stop`` (its first amount), in the paragraph of the text
    before it (which ends at ``before``); None if it opens with neither."""
    if stop - start > OPENING_CHARS or "\n\n" in text[before:start + 1]:
        return None
    lead = _LEADING.match(text, start, stop)
    opening = lead.end() if lead else start
    if opening >= stop or not text[opening:stop].strip():
        return None
    for opener in (words.sentence_opener, words.first_opener):
        if opener.fullmatch(text, opening, stop) is not None:
            return opener
    return None


def _restated(amounts: Sequence[Amount], j: int, sentences: Sequence[int],
              pairs: dict[int, int], *, first: bool = False) -> int | None:
    """The amount of the sentence before that amount ``j`` restates (see the module's
    documentation; ``first``: its first original amount), or None."""
    b, sentence = amounts[j], sentences[j]
    before = [i for i in range(j - 1, -1, -1)
              if sentences[i] == sentence - 1 and compatible(amounts[i], b)]
    if not before:
        return None
    if first:
        originals = [i for i in before if i not in pairs]
        return originals[-1] if originals else None
    bases = {a.unit for k, a in enumerate(amounts)
             if sentences[k] == sentence and a.kind == "rate"}
    for i in before:
        if amounts[i].currency in bases:
            return i
    originals = [i for i in before if i not in pairs]
    return originals[0] if originals else before[0]
