"""The real-corpus set's mutations: the kinds as data, and a mutator of a printed figure.

A corpus figure is its printed ``surface`` (a currency sign or name, a numeral, perhaps a
scale word) and its ``value``. The numeral is read in the article's number style, checked
against the value (a numeral the other style reads right, as in Indonesian text written
with a decimal point, is read that way), and rewritten in the same style.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from benchmarks.generation.numbers import NumberStyle, quantize
from benchmarks.harness.corpus import CorpusArticle
from benchmarks.harness.mutation_sets import MutationKind

ALARM_CODES = frozenset({"any"})  # any code at warning or above catches a mutant
KINDS: tuple[MutationKind, ...] = (
    MutationKind("up", "converted figure 8% higher", ALARM_CODES),
    MutationKind("down", "converted figure 8% lower", ALARM_CODES),
    MutationKind("scale", "scale word swapped", ALARM_CODES),
    MutationKind("swap", "two adjacent digits transposed", ALARM_CODES),
    MutationKind("ten", "ten times larger", ALARM_CODES),
)
CHANGE = 0.08
NUMERAL = re.compile(r"\d[\d.,\u00a0\u202f ]*\d|\d")
# The next scale word up or down, per language (what an editor writes for the other).
SCALE_SWAPS: dict[str, dict[str, str]] = {
    "id": {"ribu": "juta", "juta": "miliar", "miliar": "triliun", "milyar": "triliun",
           "triliun": "miliar", "trilyun": "miliar", "trilliun": "miliar"},
    "fr": {"million": "milliard", "millions": "milliards", "milliard": "million",
           "milliards": "millions", "md": "M", "mds": "M", "m": "Md"},
    "en": {"million": "billion", "billion": "million", "trillion": "billion", "mn": "bn",
           "bn": "mn", "m": "bn", "b": "m", "tn": "bn"},
}
STYLES = {"id": NumberStyle(",", "."), "fr": NumberStyle(",", " "), "en": NumberStyle(".", ",")}
OTHER = {",": NumberStyle(".", ","), ".": NumberStyle(",", ".")}


@dataclass(frozen=True)
class PrintedFigure:
    """A converted figure of a corpus article, where it is printed in the article's text."""

    article: CorpusArticle
    index: int  # in the article's ``figures``
    pair: int  # in the article's ``pairs``
    start: int  # offset of ``surface`` in the article's text
    surface: str
    value: float

    @property
    def line(self) -> int:
        return self.article.text.count("\n", 0, self.start) + 1


def locate(article: CorpusArticle, pair_index: int) -> PrintedFigure | None:
    """The converted figure of a pair, located in the text (after its source figure when
    both are in one sentence); None for a range end or a figure not found."""
    pair = article.pairs[pair_index]
    index = int(pair["converted_figure"])
    figure: dict[str, Any] = article.figures[index]
    source: dict[str, Any] = article.figures[int(pair["source_figure"])]
    if str(figure.get("role", "")).startswith("range") or not figure.get("surface"):
        return None
    sentence = int(figure["sentence"])
    line_start = article.line_start(sentence)
    line = article.line_text(sentence)
    after = 0
    lead = str(source.get("surface") or "")
    if int(source["sentence"]) == sentence and lead and lead in line:
        after = line.index(lead) + len(lead)
    found = line.find(str(figure["surface"]), after)
    if found < 0:
        found = line.find(str(figure["surface"]))
    if found < 0:
        return None
    return PrintedFigure(article, index, pair_index, line_start + found, str(figure["surface"]),
                         float(figure["value"]))


def _style(numeral: str, lang: str, value: float) -> NumberStyle | None:
    """The style that reads ``numeral`` as a power of ten of ``value``."""
    for style in (STYLES.get(lang, STYLES["en"]), OTHER[STYLES.get(lang, STYLES["en"]).decimal]):
        try:
            read = float(style.parse(numeral.replace("\u00a0", "").replace("\u202f", "")
                                     .replace(" ", "")))
        except ArithmeticError:
            continue
        if read > 0 and value > 0:
            ratio = value / read
            power = round(math.log10(ratio))
            if abs(ratio / 10.0**power - 1) < 1e-6:
                return style
    return None


def _numeral(figure: PrintedFigure) -> tuple[re.Match[str], NumberStyle] | None:
    for m in NUMERAL.finditer(figure.surface):
        style = _style(m.group().strip(), figure.article.lang, figure.value)
        if style is not None:
            return m, style
    return None


def _written(original: str, style: NumberStyle, value: Decimal) -> str:
    """``value`` in ``style``, with the group symbol the original numeral uses (and four-digit
    numbers grouped as it groups them, when it shows)."""
    whole = original.partition(style.decimal)[0] if style.decimal in original else original
    groups = [c for c in whole if not c.isdigit()]
    digits = len(re.sub(r"\D", "", whole))
    group4 = bool(groups) if digits == 4 else style.group4
    return NumberStyle(style.decimal, groups[0] if groups else style.group, group4).format(value)


def _replace(figure: PrintedFigure, m: re.Match[str], numeral: str) -> str:
    return figure.surface[:m.start()] + numeral + figure.surface[m.end():]


def changed(figure: PrintedFigure, factor: float) -> str | None:
    """The surface with its number times ``factor``, at its printed precision or finer."""
    found = _numeral(figure)
    if found is None:
        return None
    m, style = found
    text = m.group().strip()
    bare = re.sub(r"[\s\u00a0\u202f]", "", text)
    old = style.parse(bare)
    decimals = len(bare.partition(style.decimal)[2]) if style.decimal in bare else 0
    for extra in range(3):
        step = Decimal(1).scaleb(-(decimals + extra))
        new = quantize(float(old) * factor, step, truncate=False)
        if new != old and abs(float(new / old) - factor) <= 0.02 * factor:
            return _replace(figure, m, _written(text, style, new))
    return None


def ten_times(figure: PrintedFigure) -> str | None:
    """The surface with its numeral's decimal point one place to the right."""
    found = _numeral(figure)
    if found is None:
        return None
    m, style = found
    text = m.group().strip()
    old = style.parse(re.sub(r"[\s\u00a0\u202f]", "", text))
    return _replace(figure, m, _written(text, style, (old * 10).normalize()
                                        if style.decimal in text else old * 10))


def transposed(figure: PrintedFigure) -> str | None:
    """The surface with the first two adjacent different digits of its numeral swapped
    (never putting a zero first)."""
    found = _numeral(figure)
    if found is None:
        return None
    m, _ = found
    text = m.group()
    for k in range(len(text) - 1):
        a, b = text[k], text[k + 1]
        if a.isdigit() and b.isdigit() and a != b and not (k == 0 and b == "0"):
            return _replace(figure, m, text[:k] + b + a + text[k + 2:])
    return None


SCALE_VALUES = {"ribu": 3, "juta": 6, "miliar": 9, "milyar": 9, "triliun": 12, "trilyun": 12,
                "trilliun": 12, "million": 6, "millions": 6, "milliard": 9, "milliards": 9,
                "billion": 9, "trillion": 12, "m": 6, "md": 9, "mds": 9, "mn": 6, "bn": 9,
                "b": 9, "tn": 12}


def rescaled(figure: PrintedFigure) -> tuple[str, int] | None:
    """The surface with its scale word swapped for the next one (case kept), and the power
    of ten that multiplies its value."""
    swaps = SCALE_SWAPS.get(figure.article.lang, {})
    for m in re.finditer(r"[^\W\d_]+", figure.surface):
        word = m.group()
        new = swaps.get(word.lower()) or swaps.get(word)
        if new is None:
            continue
        power = SCALE_VALUES[new.lower()] - SCALE_VALUES[word.lower()]
        if word[:1].isupper() and len(word) > 2:
            new = new.capitalize()
        return figure.surface[:m.start()] + new + figure.surface[m.end():], power
    return None


def reading(figure: PrintedFigure, surface: str | None = None) -> tuple[float, float] | None:
    """(value, unit of the last significant digit) of the figure, or of ``surface`` printed
    in its place (same scale), trailing integer zeros not significant."""
    found = _numeral(figure)
    if found is None:
        return None
    m, style = found
    original = re.sub(r"[\s\u00a0\u202f]", "", m.group())
    scale = figure.value / float(style.parse(original))
    text = figure.surface if surface is None else surface
    numeral = NUMERAL.search(text[m.start():]) if len(text) > m.start() else None
    if numeral is None:
        return None
    bare = re.sub(r"[\s\u00a0\u202f]", "", numeral.group())
    return float(style.parse(bare)) * scale, float(style.unit(bare)) * scale


def mutated_surfaces(figure: PrintedFigure) -> list[tuple[str, str, float, float]]:
    """(kind, mutated surface, its value, the unit of its last significant digit) of every
    mutation that applies to the figure."""
    out: list[tuple[str, str, float, float]] = []
    for kind, text in (("up", changed(figure, 1 + CHANGE)), ("down", changed(figure, 1 - CHANGE)),
                       ("swap", transposed(figure)), ("ten", ten_times(figure))):
        read = reading(figure, text) if text is not None else None
        if text is not None and text != figure.surface and read is not None:
            out.append((kind, text, *read))
    scaled, own = rescaled(figure), reading(figure)
    if scaled is not None and own is not None:
        out.insert(2, ("scale", scaled[0], own[0] * 10.0**scaled[1], own[1] * 10.0**scaled[1]))
    return out
