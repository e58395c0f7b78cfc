"""Pictures of the arithmetic, drawn at build time as inline SVG (no script, no fonts).

- :func:`fx_charts`: per currency pair of an article, the rate interval each conversion
  implies, drawn at its valuation date against the reference-rate curve from about six
  months before publication to a month after, with the publication and valuation dates
  marked. A faint band across the chart shows which dates' rates would fit.
- :func:`cross_source_charts`: per metric of the XS001 findings of a claims file, the
  interval each disagreeing record gives beside the interval the other sources agree on.

The figures come from the engine (``DocumentContext.conversions``, the findings'
evidence); these functions only lay them out.
"""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from markupsafe import Markup

from factcheck.analyse.context import DocumentContext
from factcheck.analyse.conversions import Conversion
from factcheck.model import DocumentFigures, Finding
from factcheck.normalise.fx import RateProvider, RateUnavailable
from factcheck.report.explain import interval, number
from factcheck.report.svg import FINE_COLOR, SEVERITY_COLORS, Scale, Svg, nice_ticks, padded
from factcheck.report.view import Mark

BEFORE, AFTER = timedelta(days=182), timedelta(days=31)
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


def fx_charts(result: DocumentFigures, marks: Sequence[Mark], rates: RateProvider
              ) -> list[Chart]:
    """One chart per currency pair of the article's conversions (none without a
    publication date: there is no date to centre on)."""
    doc = result.document
    if doc.published is None:
        return []
    ctx = DocumentContext(doc, result.figures, rates)
    by_pair: dict[tuple[str, str], list[tuple[int, Conversion]]] = {}
    for n, c in enumerate(ctx.conversions):
        by_pair.setdefault((c.base, c.quote), []).append((n, c))
    mark_of = {m.figure.id: m for m in marks}
    charts = []
    for (base, quote), numbered in sorted(by_pair.items()):
        charts.append(_fx_chart(ctx, base, quote, numbered, mark_of, doc.published, rates))
    return charts


def _fx_chart(ctx: DocumentContext, base: str, quote: str, convs: list[tuple[int, Conversion]],
              mark_of: dict[str, Mark], published: date, rates: RateProvider) -> Chart:
    pair = f"{quote}/{base}"
    chart = Chart(f"{pair}: the rates the conversions imply, against the reference rate", None)
    dated = [(n, c, ctx.valuation_date(c.converted) or published) for n, c in convs]
    first, last = rates.span()
    start = max(min([published - BEFORE, *(on - timedelta(days=14) for _, _, on in dated)]),
                first)
    end = min(published + AFTER, last)
    series: list[tuple[date, float]] = []
    if start < end:
        try:
            series = rates.series(base, quote, start, end)
        except RateUnavailable as error:
            chart.notes.append(f"no reference curve: {error}")
    if not series:
        chart.notes.append(f"no {pair} reference rates from {start} to {end} in {rates.name}")
        start, end = published - BEFORE, published + AFTER
    centre = statistics.median([r for _, r in series] or [c.point for _, c, _ in dated])
    shown = []
    dots: dict[date, float] = {}
    for n, c, on in dated:
        mark = mark_of.get(c.converted.id)
        off = max(c.high / centre, centre / c.low) > OFF_CHART
        reference = "no reference rate"
        try:
            quote_on = rates.rate(base, quote, on)
            reference = f"{number(quote_on.rate)} {pair} on {quote_on.used.isoformat()}"
            dots[on] = quote_on.rate
        except RateUnavailable:
            pass
        chart.legend.append(LegendRow(
            letter(n), f"{c.source.text} → {c.converted.text}", interval([c.low, c.high], pair),
            on.isoformat(), reference, _color(mark), mark.status if mark else "fine"))
        if off:
            chart.notes.append(f"{letter(n)}: {interval([c.low, c.high], pair)} is more than "
                               f"{OFF_CHART:g} times off the reference rate and not drawn")
        elif start <= on <= end:
            shown.append((n, c, on, _color(mark)))
    values = [r for _, r in series] + [v for _, c, _, _ in shown for v in (c.low, c.high)]
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
        svg.text(_LEFT - 6, y(tick) + 4, f"{tick:,.6g}", class_="tick", text_anchor="end")
    month = date(start.year, start.month, 1)
    while month <= end:
        if month >= start:
            label = month.strftime("%b %Y" if month.month == 1 else "%b")
            svg.add("line", x1=x(month.toordinal()), x2=x(month.toordinal()), y1=_TOP,
                    y2=_H - _BOTTOM, class_="grid")
            svg.text(x(month.toordinal()), _H - _BOTTOM + 16, label, class_="tick",
                     text_anchor="middle")
        month = date(month.year + month.month // 12, month.month % 12 + 1, 1)
    svg.text(_LEFT, _H - 6, f"{pair}, {rates.name}", class_="axis")
    for _, c, _, color in shown:
        svg.add("rect", x=_LEFT, width=_W - _LEFT - _RIGHT, y=y(c.high),
                height=max(1.0, y(c.low) - y(c.high)), fill=color, class_="band")
    if series:
        svg.polyline([(x(d.toordinal()), y(r)) for d, r in series],
                     f"reference rate {pair} ({rates.name})", class_="curve")
    _date_line(svg, x(published.toordinal()), f"published {published.isoformat()}", "pub",
               _TOP - 20)
    for on in sorted({on for _, _, on, _ in shown if on != published}):
        _date_line(svg, x(on.toordinal()), f"valued {on.isoformat()}", "val", _TOP - 8)
    for on in sorted({on for _, _, on, _ in shown}):
        same = [s for s in shown if s[2] == on]
        for k, (n, c, _, color) in enumerate(same):
            cx = x(on.toordinal()) + (k - (len(same) - 1) / 2) * 11
            top, height = y(c.high), max(3.0, y(c.low) - y(c.high))
            svg.add("rect", f"{letter(n)}: {c.source.text} → {c.converted.text}: "
                    f"{interval([c.low, c.high], pair)}", x=cx - 4, y=top, width=8,
                    height=height, fill=color, class_="bar")
            svg.text(cx, top - 4, letter(n), class_="num", text_anchor="middle")
    for on, rate in sorted(dots.items()):
        if start <= on <= end and y_low <= rate <= y_high:
            svg.add("circle", f"reference rate on {on.isoformat()}: {number(rate)} {pair}",
                    cx=x(on.toordinal()), cy=y(rate), r=4, class_="dot")
    chart.svg = svg.markup()
    return chart


def _date_line(svg: Svg, at: float, label: str, kind: str, text_y: float) -> None:
    svg.add("line", x1=at, x2=at, y1=_TOP, y2=_H - _BOTTOM, class_=f"when {kind}")
    anchor = "end" if at > _W / 2 else "start"
    svg.text(at + (-4 if anchor == "end" else 4), text_y + 12, label, class_=f"when-label {kind}",
             text_anchor=anchor)


def cross_source_charts(findings: Sequence[Finding]) -> list[Chart]:
    """One chart per metric of the XS001 findings among ``findings``: a bar per record
    that disagrees and one for the interval the other records agree on."""
    groups: dict[_Key, list[Finding]] = {}
    for f in findings:
        ev = f.evidence
        if f.code != "XS001" or not isinstance(ev.get("agreed"), list):
            continue
        key = (str(ev.get("unit", "")), tuple(ev["agreed"]),
               tuple(str(r) for r in ev.get("agreeing_records", ())))
        groups.setdefault(key, []).append(f)
    return [_xs_chart(key, group) for key, group in groups.items()]


_Key = tuple[str, tuple[float | None, ...], tuple[str, ...]]


def _xs_chart(key: _Key, group: list[Finding]) -> Chart:
    unit, agreed, agreeing = key[0], list(key[1]), list(key[2])
    message = group[0].message
    title = message.split(": ", 1)[0] if ": " in message else "XS001"
    rows = [(str(f.evidence.get("record", f"line {f.line}")), f.evidence["interval"],
             SEVERITY_COLORS[f.severity]) for f in group]
    rows.append((f"agreed by {', '.join(agreeing)}", agreed, FINE_COLOR))
    chart = Chart(title, None)
    ends = [float(v) for _, span, _ in rows for v in span if v is not None]
    if not ends:
        return chart
    low, high = padded(ends, 0.08)
    left, row_h, top = 270, 30, 12
    height = top + row_h * len(rows) + 34
    x = Scale(low, high, left, _W - 24)
    svg = Svg(_W, height, f"{title}: values by source ({unit})")
    for tick in nice_ticks(low, high, 4):
        svg.add("line", x1=x(tick), x2=x(tick), y1=top - 4, y2=height - 30, class_="grid")
        svg.text(x(tick), height - 14, number(tick), class_="tick", text_anchor="middle")
    for i, (label, span, color) in enumerate(rows):
        cy = top + row_h * i + row_h / 2
        short = label if len(label) <= 40 else label[:39] + "…"
        svg.text(left - 8, cy + 4, short, class_="rowlabel", text_anchor="end")
        lo = float(span[0]) if span[0] is not None else low
        hi = float(span[1]) if span[1] is not None else high
        width = max(3.0, x(hi) - x(lo))
        svg.add("rect", f"{label}: {interval(span, unit)}", x=x(lo) - (3 if width == 3 else 0),
                y=cy - 7, width=width, height=14, fill=color, class_="bar")
        chart.legend.append(LegendRow(letter(i), label, interval(span, unit), "", "", color,
                                      "fine" if color == FINE_COLOR else "finding"))
    svg.text(left, height - 2, unit, class_="axis")
    chart.svg = svg.markup()
    return chart
