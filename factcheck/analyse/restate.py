"""Corrected figures written the way the article writes them.

"Rp 64 triliun" restated at 65.2e12 is "Rp 65 triliun": same currency sign, same scale
word, same number of decimals, the document's own separators. A figure whose scale word
is wrong ("Rp 81 miliar" for 81e12) gets the right scale word of its language.
"""

from __future__ import annotations

import math
import re

from factcheck.extract.lexicon import lexicon
from factcheck.extract.numbers import NUMERAL, parse_numeral, symbols
from factcheck.model import Figure, Lang

SPACES = " \u00a0\u202f\u2009"


def format_number(value: float, decimals: int, lang: Lang, written: str) -> str:
    """``value`` with ``decimals`` decimals, grouped like ``written`` (or the CLDR way)."""
    decimal, group = symbols(lang)
    seps = [c for c in written if not c.isdigit()]
    if len(seps) > (1 if decimals else 0):
        group = seps[0]  # keep the writer's own group symbol ("1.900", "1 200")
    elif not seps and value < 10_000:
        group = ""  # "1303" stays ungrouped if the writer did not group
    text = f"{abs(value):,.{decimals}f}"
    whole, _, frac = text.partition(".")
    out = whole.replace(",", group) + (decimal + frac if decimals else "")
    return ("-" if value < 0 else "") + out


def restate(figure: Figure, value: float, lang: Lang) -> str | None:
    """The figure's text with its number set to ``value`` at its printed precision."""
    m = NUMERAL.search(figure.text)
    printed = parse_numeral(m.group(), lang) if m else None
    if m is None or printed is None or printed.value == 0 or figure.qualifier == "range":
        return None
    factor = figure.value / printed.value
    new = value / factor
    step = max(figure.step / factor, 10.0 ** -printed.decimals)
    rounded = round(new / step) * step
    number = format_number(rounded, printed.decimals, lang, m.group())
    return figure.text[: m.start()] + number + figure.text[m.end():]


def rescale(figure: Figure, power: int, lang: Lang) -> str | None:
    """The figure's text with its scale word multiplied by 1000**power ("miliar" ->
    "triliun"), if its language has such a word."""
    lex = lexicon(lang)
    m = NUMERAL.search(figure.text)
    if m is None:
        return None
    scale = lex.scale_re.match(figure.text, m.end())
    if scale is None or not scale.group("word"):
        return None
    word = scale.group("word")
    found = lex.lookup(lex.scale, word)
    if found is None:
        return None
    factor = found[0]
    target = factor * 1000.0**power
    candidates = [w for w, (f, wl) in lex.scale.items()
                  if wl == lang and math.isclose(f, target, rel_tol=1e-9)]
    if not candidates:
        return None
    new_word = min(candidates, key=len)
    if word[:1].isupper():
        new_word = new_word.capitalize()
    start, end = scale.span("word")
    return figure.text[:start] + new_word + figure.text[end:]


def written(value: float, like: Figure, lang: Lang, extra: int = 1) -> str:
    """``value`` written like the figure ``like``, with ``extra`` more decimals."""
    m = NUMERAL.search(like.text)
    printed = parse_numeral(m.group(), lang) if m else None
    if m is None or printed is None or printed.value == 0:
        return f"{value:,.6g}"
    number = format_number(value * printed.value / like.value, printed.decimals + extra,
                           lang, m.group())
    return like.text[:m.start()] + number + like.text[m.end():]


def clean(text: str) -> str:
    """A figure's text on one line (for messages)."""
    return re.sub(r"\s+", " ", text).strip()
