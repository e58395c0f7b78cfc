"""A finding's arithmetic spelled out from its evidence, for people to read.

``explain(finding, names)`` formats the labelled readings the finding's evidence gives
(``factcheck.readings``: amounts, intervals, relative sizes, dates, figure names) as rows
such as ``("Rate this conversion implies", "15,875 – 16,250 IDR/USD")``. Each kind of
reading is written one way; what a value is, and its label, is the evidence's own
business, so a check that adds evidence is reported without a change here. ``names``
maps figure ids to their text ("f6" -> "Rp 64 triliun") where the document is known;
``unit`` is the currency or unit of the figures involved, for amounts given without one.

Numbers and dates are written as ``locale`` writes them (``i18n.formats``: "16,250.5" in
English, "16 250,5" in French, "16.250,5" in Indonesian; dates of the evidence written out,
"29 juillet 2024", in French and Indonesian and kept as ISO dates in English), and the
words of a note after an amount are translated through the locale's catalog. The values
themselves are the evidence's, unchanged: the JSON contract keeps them as numbers.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from factcheck.i18n import N_, SOURCE_LOCALE, translations
from factcheck.i18n.formats import format_count, format_iso_day, format_number, format_percent
from factcheck.model import Finding
from factcheck.readings import (
    Amount,
    Amounts,
    Count,
    Counts,
    DateSpans,
    Fields,
    Names,
    Note,
    Power,
    Reading,
    Records,
    Relative,
    Span,
    Spans,
    Text,
)

#: Words of the readings themselves, for the catalogs: ``DateSpans``' default ``empty``.
READING_WORDS = (N_("none"),)


def number(value: float, locale: str = SOURCE_LOCALE) -> str:
    """A number the way the reports print it: 6 significant digits, grouped; large
    values with a scale word (4.65 billion; 4,65 milliards in French)."""
    return format_number(value, locale)


def percent(value: float, signed: bool = False, locale: str = SOURCE_LOCALE) -> str:
    return format_percent(value, locale, signed)


def day(text: str, locale: str = SOURCE_LOCALE) -> str:
    """An ISO date of the evidence as ``locale`` writes dates (as it is in English)."""
    return text if locale == SOURCE_LOCALE else format_iso_day(text, locale)


def interval(value: Sequence[float | None], unit: str = "", as_percent: bool = False,
             locale: str = SOURCE_LOCALE) -> str:
    """``[low, high]`` as ``low – high unit`` (one number when both ends agree)."""
    unbounded = translations(locale).gettext(N_("unbounded"))
    ends = [unbounded if v is None else (percent(v, locale=locale) if as_percent
                                         else number(v, locale)) for v in value]
    text = ends[0] if ends[0] == ends[1] else f"{ends[0]} – {ends[1]}"
    return f"{text} {unit}".rstrip()


def _span(start: str, end: str, locale: str) -> str:
    if start == end:
        return day(start, locale)
    return translations(locale).gettext(N_("{start} to {end}")).format(
        start=day(start, locale), end=day(end, locale))


def _count(value: float, locale: str) -> str:
    return format_count(value, locale) if isinstance(value, int) else number(value, locale)


def note_text(note: Note | None, locale: str = SOURCE_LOCALE) -> str:
    """The words after an amount, in ``locale``."""
    if note is None:
        return ""
    gettext = translations(locale).gettext
    values = {name: gettext(value) if name in note.words else day(value, locale)
              for name, value in note.values}
    return gettext(note.form).format(**values)


def reading_text(reading: Reading, unit: str = "", names: Mapping[str, str] | None = None,
                 locale: str = SOURCE_LOCALE) -> str:
    """One reading as text in ``locale``; ``unit`` stands for an amount's unit when it
    gives none."""
    match reading:
        case Amount(value, own, before, after):
            amount = f"{number(float(value), locale)} {unit if own is None else own}".rstrip()
            return f"{before}{amount}{note_text(after, locale)}"
        case Amounts(values, own):
            return "; ".join(f"{number(float(v), locale)} {unit if own is None else own}"
                             .rstrip() for v in values)
        case Span(low, high, own, as_percent):
            return interval((low, high), unit if own is None else own, as_percent, locale)
        case Spans(spans):
            return "; ".join(reading_text(s, unit, names, locale) for s in spans)
        case Relative(value, signed):
            return percent(float(value), signed, locale)
        case Count(value):
            return _count(value, locale)
        case Counts(values):
            return ", ".join(_count(v, locale) for v in values)
        case Power(power):
            scale = format_count(10 ** abs(power), locale)
            return f"×{scale}" if power >= 0 else f"×1/{scale}"
        case DateSpans(spans, empty):
            return (", ".join(_span(start, end, locale) for start, end in spans)
                    or translations(locale).gettext(empty))
        case Names(items):
            return ", ".join((names or {}).get(v, v) for v in items)
        case Text(text):
            return day(text, locale)
        case Fields(named):
            return "; ".join(f"{name}: {reading_text(r, unit, names, locale)}"
                             for name, r in named)
        case Records(items):
            return "; ".join(reading_text(item, unit, names, locale) for item in items)
    raise TypeError(f"not a reading: {reading!r}")


def explain(finding: Finding, names: Mapping[str, str] | None = None,
            unit: str = "", locale: str = SOURCE_LOCALE) -> list[tuple[str, str]]:
    """Labelled rows of the finding's arithmetic, in the evidence's own order, in
    ``locale``."""
    return [(label, reading_text(reading, unit, names, locale))
            for label, reading in finding.evidence.rows()]
