"""Pictures of the arithmetic, drawn at build time as inline SVG (no script, no fonts).

- :func:`fx_charts`: per currency pair of an article, the rate interval each conversion
  implies, drawn at its valuation date against the reference-rate curve of the rate table
  the audit used, with the publication and valuation dates marked. A faint band across
  the chart shows which dates' rates would fit.
- :func:`cross_source_charts`: per metric of the XS001 findings of a claims file, the
  interval each disagreeing record gives beside the interval the other sources agree on.

The figures come from the audit (``DocumentFigures.charts``, made by
``analyse.rate_charts``; the findings' evidence); these functions only lay them out, their
words, numbers and dates in the report's locale (``report.explain``: ISO dates in English,
dates written out in French and Indonesian).
"""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from markupsafe import Markup

from factcheck.chart_data import RateChart
from factcheck.evidence import ValueDisagreement
from factcheck.i18n import N_, SOURCE_LOCALE, translations
from factcheck.i18n.formats import format_significant
from factcheck.model import Finding
from factcheck.report.explain import day, interval, number
from factcheck.report.svg import FINE_COLOR, SEVERITY_COLORS, Scale, Svg, nice_ticks, padded
from factcheck.report.view import Mark

OFF_CHART = 3.0  # an implied rate this many times off the curve is listed, not drawn
_W, _H, _LEFT, _RIGHT, _TOP, _BOTTOM = 760, 320, 70, 16, 34, 40


@dataclass(frozen=True)
class LegendRow:
    number: str
    label: str
    value: str
    on: str
    reference: str
    color: str
    status: str


@dataclass
class Chart:
    title: str
    svg: Markup | None
    legend: list[LegendRow] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def letter(n: int) -> str:
    """A, B, ... Z, AA, AB: conversions are lettered so as not to be read as findings."""
    return letter(n // 26 - 1) + chr(65 + n % 26) if n >= 26 else chr(65 + n)


def _color(mark: Mark | None) -> str:
    if mark is not None and mark.severity:
        return SEVERITY_COLORS[mark.severity]
    return FINE_COLOR


def _say(locale: str, form: str, **values: str) -> str:
    """``form`` (marked for the catalogs where it is written) in ``locale``, filled."""
    return translations(locale).gettext(form).format(**values)


def fx_charts(charts: Sequence[RateChart], marks: Sequence[Mark], locale: str = SOURCE_LOCALE
              ) -> list[Chart]:
    """One chart per currency pair of an article's conversions, as the audit computed
    them (``DocumentFigures.charts``), in ``locale``."""
    mark_of = {m.figure.id: m for m in marks}
    return [_fx_chart(chart, mark_of, locale) for chart in charts]


def _fx_chart(data: RateChart, mark_of: dict[str, Mark], locale: str) -> Chart:
    pair = f"{data.quote}/{data.base}"
    chart = Chart(_say(locale, N_("{pair}: the rates the conversions imply, against the "
                                  "reference rate"), pair=pair), None)
    series, published, provider = data.series, data.published, data.provider
    if data.series_error is not None:
        chart.notes.append(_say(locale, N_("no reference curve: {reason}"),
                                reason=data.series_error))
    if not series:
        asked_start, asked_end = data.asked
        chart.notes.append(_say(locale, N_("no {pair} reference rates from {start} to {end} "
                                           "in {table}"), pair=pair,
                                start=day(str(asked_start), locale),
                                end=day(str(asked_end), locale), table=provider))
    start, end = data.start, data.end
    centre = statistics.median([r for _, r in series] or [c.point for c in data.conversions])
    shown = []
    dots: dict[date, float] = {}
    for c in data.conversions:
        mark = mark_of.get(c.figure)
        off = max(c.high / centre, centre / c.low) > OFF_CHART
        reference = _say(locale, N_("no reference rate"))
        if c.reference is not None and c.reference_date is not None:
            reference = _say(locale, N_("{rate} {pair} on {day}"), rate=number(c.reference,
                             locale), pair=pair, day=day(c.reference_date.isoformat(), locale))
            dots[c.on] = c.reference
        span = interval([c.low, c.high], pair, locale=locale)
        chart.legend.append(LegendRow(
            letter(c.number), f"{c.source} → {c.converted}", span,
            day(c.on.isoformat(), locale), reference, _color(mark),
            mark.status if mark else "fine"))
        if off:
            chart.notes.append(_say(locale, N_("{letter}: {span} is more than {times} times off "
                                               "the reference rate and not drawn"),
                                    letter=letter(c.number), span=span,
                                    times=number(OFF_CHART, locale)))
        elif start <= c.on <= end:
            shown.append((c, _color(mark)))
    values = [r for _, r in series] + [v for c, _ in shown for v in (c.low, c.high)]
    if not values:
        return chart
    y_low, y_high = padded(values)
    x = Scale(start.toordinal(), end.toordinal(), _LEFT, _W - _RIGHT)
    y = Scale(y_low, y_high, _H - _BOTTOM, _TOP)
    svg = Svg(_W, _H, chart.title)
    svg.add("rect", x=_LEFT, y=_TOP, width=_W - _LEFT - _RIGHT, height=_H - _TOP - _BOTTOM,
            class_="plot")
    for tick in nice_ticks(y_low, y_high):
        svg.add("line", x1=_LEFT, x2=_W - _RIGHT, y1=y(tick), y2=y(tick), class_="grid")
        svg.text(_LEFT - 6, y(tick) + 4, format_significant(tick, locale), class_="tick",
                 text_anchor="end")
    _months(svg, x, start, end, locale)
    svg.text(_LEFT, _H - 6, f"{pair}, {provider}", class_="axis")
    for c, color in shown:
        svg.add("rect", x=_LEFT, width=_W - _LEFT - _RIGHT, y=y(c.high),
                height=max(1.0, y(c.low) - y(c.high)), fill=color, class_="band")
    if series:
        svg.polyline([(x(d.toordinal()), y(r)) for d, r in series],
                     _say(locale, N_("reference rate {pair} ({table})"), pair=pair,
                          table=provider), class_="curve")
    _date_line(svg, x(published.toordinal()), _say(locale, N_("published {day}"),
               day=day(published.isoformat(), locale)), "pub", _TOP - 20)
    for on in sorted({c.on for c, _ in shown if c.on != published}):
        _date_line(svg, x(on.toordinal()), _say(locale, N_("valued {day}"),
                   day=day(on.isoformat(), locale)), "val", _TOP - 8)
    for on in sorted({c.on for c, _ in shown}):
        same = [s for s in shown if s[0].on == on]
        for k, (c, color) in enumerate(same):
            cx = x(on.toordinal()) + (k - (len(same) - 1) / 2) * 11
            top, height = y(c.high), max(3.0, y(c.low) - y(c.high))
            svg.add("rect", f"{letter(c.number)}: {c.source} → {c.converted}: "
                    f"{interval([c.low, c.high], pair, locale=locale)}", x=cx - 4, y=top, width=8,
                    height=height, fill=color, class_="bar")
            svg.text(cx, top - 4, letter(c.number), class_="num", text_anchor="middle")
    for on, rate in sorted(dots.items()):
        if start <= on <= end and y_low <= rate <= y_high:
            svg.add("circle", _say(locale, N_("reference rate on {day}: {rate} {pair}"),
                                   day=day(on.isoformat(), locale), rate=number(rate, locale),
                                   pair=pair),
                    cx=x(on.toordinal()), cy=y(rate), r=4, class_="dot")
    chart.svg = svg.markup()
    return chart


def _months(svg: Svg, x: Scale, start: date, end: date, locale: str) -> None:
    """A grid line and label at the first of each month in [start, end] ("Jan 2024",
    "Feb": the month's abbreviation in ``locale``)."""
    from babel.dates import format_date

    month = date(start.year, start.month, 1)
    while month <= end:
        if month >= start:
            label = str(format_date(month, "LLL y" if month.month == 1 else "LLL",
                                    locale=locale))
            svg.add("line", x1=x(month.toordinal()), x2=x(month.toordinal()), y1=_TOP,
                    y2=_H - _BOTTOM, class_="grid")
            svg.text(x(month.toordinal()), _H - _BOTTOM + 16, label, class_="tick",
                     text_anchor="middle")
        month = date(month.year + month.month // 12, month.month % 12 + 1, 1)


def _date_line(svg: Svg, at: float, label: str, kind: str, text_y: float) -> None:
    svg.add("line", x1=at, x2=at, y1=_TOP, y2=_H - _BOTTOM, class_=f"when {kind}")
    anchor = "end" if at > _W / 2 else "start"
    svg.text(at + (-4 if anchor == "end" else 4), text_y + 12, label, class_=f"when-label {kind}",
             text_anchor=anchor)


def cross_source_charts(findings: Sequence[Finding], locale: str = SOURCE_LOCALE
                        ) -> list[Chart]:
    """One chart per metric of the findings among ``findings`` whose evidence is a value
    against the interval other sources agree on (XS001's): a bar per record that
    disagrees and one for the interval the other records agree on."""
    groups: dict[_Key, list[tuple[Finding, ValueDisagreement]]] = {}
    for f in findings:
        ev = f.evidence
        if isinstance(ev, ValueDisagreement):
            groups.setdefault((ev.unit, ev.agreed, ev.agreeing_records), []).append((f, ev))
    return [_xs_chart(key, group, locale) for key, group in groups.items()]


_Key = tuple[str, tuple[float, float], tuple[str, ...]]


def _xs_chart(key: _Key, group: list[tuple[Finding, ValueDisagreement]], locale: str
              ) -> Chart:
    unit, agreed, agreeing = key[0], list(key[1]), list(key[2])
    message = group[0][0].message
    title = message.split(": ", 1)[0] if ": " in message else group[0][0].code
    rows = [(ev.record, list(ev.interval), SEVERITY_COLORS[f.severity]) for f, ev in group]
    rows.append((_say(locale, N_("agreed by {names}"), names=", ".join(agreeing)), agreed,
                 FINE_COLOR))
    chart = Chart(title, None)
    ends = [float(v) for _, span, _ in rows for v in span if v is not None]
    if not ends:
        return chart
    low, high = padded(ends, 0.08)
    left, row_h, top = 270, 30, 12
    height = top + row_h * len(rows) + 34
    x = Scale(low, high, left, _W - 24)
    svg = Svg(_W, height, _say(locale, N_("{title}: values by source ({unit})"), title=title,
                               unit=unit))
    for tick in nice_ticks(low, high, 4):
        svg.add("line", x1=x(tick), x2=x(tick), y1=top - 4, y2=height - 30, class_="grid")
        svg.text(x(tick), height - 14, number(tick, locale), class_="tick",
                 text_anchor="middle")
    for i, (label, span, color) in enumerate(rows):
        cy = top + row_h * i + row_h / 2
        short = label if len(label) <= 40 else label[:39] + "…"
        svg.text(left - 8, cy + 4, short, class_="rowlabel", text_anchor="end")
        lo = float(span[0]) if span[0] is not None else low
        hi = float(span[1]) if span[1] is not None else high
        width = max(3.0, x(hi) - x(lo))
        shown = interval(span, unit, locale=locale)
        svg.add("rect", f"{label}: {shown}", x=x(lo) - (3 if width == 3 else 0),
                y=cy - 7, width=width, height=14, fill=color, class_="bar")
        chart.legend.append(LegendRow(letter(i), label, shown, "", "", color,
                                      "fine" if color == FINE_COLOR else "finding"))
    svg.text(left, height - 2, unit, class_="axis")
    chart.svg = svg.markup()
    return chart
