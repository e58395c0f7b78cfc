"""How precisely a converted figure (and a whole percentage) is read: what its trailing
zeros say.

"Rp 1.300 triliun" may be 1.300 exactly or 1.303 rounded to tens; "Rp 20 triliun" may be
20 or anything from 15 to 25 rounded to one digit. Inside a conversion the writer chose the
precision of the converted figure, so how its round figures are read decides which slips
can be seen. The readings (``ExtractOptions.converted_zeros``):

- ``insignificant``: trailing zeros before the decimal symbol are never significant
  ("Rp 20 triliun" is 15-25);
- ``significant``: they always are (19,5-21);
- ``unless-qualified``: they are, unless a qualifier ("sekitar", "about") marks the figure
  as rounded;
- ``two-digits``: they count until the figure shows two significant digits ("Rp 20
  triliun" is 19,5-21, "Rp 300 miliar" 295-310, "Rp 1.300 triliun" 1.250-1.400): a
  converted figure is read to at least two significant digits, as writers print them.

The default is chosen by measurement (README, Design). The unit returned is never coarser
than the figure's own ``step`` (a pack that makes every trailing zero significant wins).
"""

from __future__ import annotations

import math
from functools import lru_cache
from typing import Literal

from factcheck.extract.numbers import NUMERAL, parse_numeral
from factcheck.model import Figure, Lang

ZerosReading = Literal["insignificant", "significant", "unless-qualified", "two-digits"]
READINGS: tuple[str, ...] = ("insignificant", "significant", "unless-qualified", "two-digits")
DEFAULT_ZEROS: ZerosReading = "two-digits"


def converted_step(figure: Figure, lang: Lang, reading: str) -> float:
    """The unit of the last digit that ``figure``, as the converted figure of a pair, is
    read to under ``reading`` (in its base units)."""
    return read_step(figure.text, figure.value, figure.step, figure.qualifier, lang, reading)


@lru_cache(maxsize=65536)
def read_step(text: str, value: float, step: float, qualifier: str | None, lang: Lang,
              reading: str) -> float:
    """``converted_step`` of a figure given by its parts (a claims record's equivalent)."""
    if reading == "insignificant" or (reading == "unless-qualified" and qualifier):
        return step
    m = NUMERAL.search(text)
    numeral = parse_numeral(m.group(), lang, trailing_zeros_significant=True) if m else None
    if m is None or numeral is None or numeral.value <= 0 or numeral.decimals or value <= 0:
        return step
    scale = value / numeral.value
    if abs(scale / 10.0 ** round(math.log10(scale)) - 1) > 1e-9:
        return step  # read otherwise in its context: keep the extractor's reading
    if reading == "two-digits":
        digits = "".join(ch for ch in m.group() if ch.isdigit())
        return min(step, two_digit_unit(digits) * scale)
    return min(step, numeral.step * scale)


def two_digit_unit(digits: str) -> float:
    """The unit of the last digit a whole number written with ``digits`` is read to when its
    trailing zeros count until it shows two significant digits ("20": 1, "300": 10,
    "1300": 100, "25": 1)."""
    shown = max(len(digits.rstrip("0")), min(2, len(digits)))
    return 10.0 ** (len(digits) - shown)


def percent_step(value: float, step: float) -> float:
    """The unit a whole percentage is read to: to two significant digits, as a converted
    figure ("10%" is 9.5-10.5%, "100%" 95-105%); a writer who rounds a share or a change
    prints fewer digits, not a round ten."""
    if step <= 1 or value <= 0 or value != int(value):
        return step
    return min(step, two_digit_unit(str(int(value))))


def read_interval(figure: Figure, lang: Lang, reading: str) -> tuple[float | None, float | None]:
    """``figure``'s interval with its trailing zeros read under ``reading`` (an amount
    before or after a stated change, or a share's part and whole: "US$ 700 juta" is 695-705
    juta to two significant digits, not 650-750); a figure with a qualifier or a range, or
    whose printed digits the reading does not narrow, keeps its own."""
    if (figure.qualifier is not None or figure.kind not in ("money", "quantity")
            or figure.step <= 0):
        return figure.low, figure.high
    step = read_step(figure.text, figure.value, figure.step, None, lang, reading)
    if step >= figure.step:
        return figure.low, figure.high
    return figure.value - step / 2, figure.value + step / 2
