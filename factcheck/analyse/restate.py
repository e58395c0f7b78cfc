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
from factcheck.phrases import Num, Said, said

SPACES = " \u00a0\u202f\u2009"

#: The largest scale a correction writes unless the article itself uses the word: news
#: copy writes "Rp 1.590 triliun" far more often than "Rp 1,59 kuadriliun".
EVERYDAY_SCALE = 1e12


def format_number(value: float, decimals: int, lang: Lang, written: str,
                  written_decimals: int = 0) -> str:
    """``value`` with ``decimals`` decimals, grouped like ``written`` (which has
    ``written_decimals``), or the CLDR way."""
    decimal, group = symbols(lang)
    seps = [c for c in written if not c.isdigit()]
    groups = seps[:-1] if written_decimals else seps  # the last one marks the decimals
    whole_written = written.rsplit(seps[-1], 1)[0] if written_decimals and seps else written
    if groups:
        group = groups[0]  # keep the writer's own group symbol ("1.900", "1 200")
    elif value < 10_000 and sum(c.isdigit() for c in whole_written) >= 4:
        group = ""  # "1303" stays ungrouped if the writer did not group; "1,59" had no
        # thousands to group, so "1.590" is grouped the language's way
    text = f"{abs(value):,.{decimals}f}"
    whole, _, frac = text.partition(".")
    out = whole.replace(",", group) + (decimal + frac if decimals else "")
    return ("-" if value < 0 else "") + out


def restate(figure: Figure, value: float, lang: Lang, *, step: float | None = None,
            finer: int = 0) -> str | None:
    """The figure's text with its number set to ``value`` at its printed precision (or at
    ``step``, in the figure's units), ``finer`` more decimals."""
    m = NUMERAL.search(figure.text)
    printed = parse_numeral(m.group(), lang) if m else None
    if (m is None or printed is None or printed.value == 0 or figure.qualifier == "range"
            or not math.isfinite(value) or value <= 0):
        return None
    factor = figure.value / printed.value
    new = value / factor
    unit = max((figure.step if step is None else step) / factor, 10.0 ** -printed.decimals
               if step is None else 0.0) / 10.0**finer
    if not unit > 0:
        return None
    decimals = max(0, math.ceil(-math.log10(unit) - 1e-9))
    rounded = round(new / unit) * unit
    if rounded <= 0:
        return None
    number = format_number(rounded, decimals, lang, m.group(), printed.decimals)
    return figure.text[: m.start()] + number + figure.text[m.end():]


def rescale(figure: Figure, power: int, lang: Lang, *, used_in: str | None = None
            ) -> str | None:
    """The figure's text with its scale word multiplied by 1000**power ("miliar" ->
    "triliun"), if its language has such a word (and, with ``used_in``, for a word above
    ``EVERYDAY_SCALE``, if that text, folded, uses the word: an article that never writes
    "kuadriliun" is not corrected into it)."""
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
    if used_in is not None and target > EVERYDAY_SCALE:
        candidates = [w for w in candidates if re.search(
            rf"(?<!\w){re.escape(w.casefold())}(?!\w)", used_in)]
    if not candidates:
        return None
    new_word = min(candidates, key=len)
    if word[:1].isupper():
        new_word = new_word.capitalize()
    start, end = scale.span("word")
    return figure.text[:start] + new_word + figure.text[end:]


def written(value: float, like: Figure, lang: Lang, extra: int = 1) -> str:
    """``value`` written like the figure ``like``, with ``extra`` more decimals."""
    return written_said(value, like, lang, extra).english()


def written_said(value: float, like: Figure, lang: Lang, extra: int = 1) -> Said:
    """:func:`written` as a form and its pieces: the figure's own words around the number,
    which a locale writes in its own style."""
    m = NUMERAL.search(like.text)
    printed = parse_numeral(m.group(), lang) if m else None
    if m is None or printed is None or printed.value == 0:
        return said("{number}", number=Num(value, f"{value:,.6g}"))
    shown = value * printed.value / like.value
    number = format_number(shown, printed.decimals + extra, lang, m.group(), printed.decimals)
    digits = sum(c.isdigit() for c in number.lstrip("0,.\u202f\u00a0 ")) or 1
    return said("{before}{number}{after}", before=like.text[:m.start()],
                number=Num(shown, number, digits), after=like.text[m.end():])


def clean(text: str) -> str:
    """A figure's text on one line (for messages)."""
    return re.sub(r"\s+", " ", text).strip()


def number_text(value: float, lang: Lang, digits: int = 6) -> str:
    """``value`` to ``digits`` significant digits in the language's style: "16.281,3" in
    Indonesian, "16 281,3" in French, "16,281.3" in English (trailing zeros dropped)."""
    if not math.isfinite(value):
        return str(value)
    if value == 0:
        return "0"
    decimals = max(0, min(12, digits - 1 - math.floor(math.log10(abs(value)))))
    text = f"{value:,.{decimals}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    decimal, group = symbols(lang)
    return text.replace(",", "\0").replace(".", decimal).replace("\0", group)


def percent_text(fraction: float, lang: Lang, decimals: int = 1, sign: str = "") -> str:
    """A fraction as a percentage in the language's style ("3,5%", "+3.5%")."""
    return f"{fraction * 100:{sign}.{decimals}f}%".replace(".", symbols(lang)[0])


def about(text: str, lang: Lang) -> str:
    """"about X", unless X already opens with a qualifier of its own ("sekitar Rp 65
    triliun" as a claims record writes it): a qualifier is never doubled."""
    qualifiers = lexicon(lang).qualifiers
    lead = re.match(r"\s*([^\W\d_]+(?:[\s-]+[^\W\d_]+)?)", text)
    words = lead.group(1).casefold().split() if lead else []
    if words and (words[0] in qualifiers or " ".join(words[:2]) in qualifiers):
        return text
    return f"about {text}"


def span_text(low: float, high: float, lang: Lang) -> str:
    """An interval of rates in the language's style ("16.281,3–16.300")."""
    return f"{number_text(low, lang)}–{number_text(high, lang)}"


def span_said(low: float, high: float, lang: Lang) -> Said:
    """``span_text`` as a piece of a message built from its form (``phrases``): written
    so in English, in the locale's style in another locale."""
    return said("{low}–{high}", low=Num(low, number_text(low, lang)),
                high=Num(high, number_text(high, lang)))


def about_said(text: str, lang: Lang) -> Said | str:
    """``about`` as a piece of a message built from its form: "about X" is translated in
    another locale, a figure with a qualifier of its own stays as written."""
    shown = about(text, lang)
    return said("about {figure}", figure=text) if shown == f"about {text}" else shown
