"""The exchange-rate charts an audit computes for a report to draw (``analyse.rate_charts``
makes them with the audit's own rate table; ``report.charts`` lays them out): per currency
pair of a document, its conversions and the reference-rate curve."""

from __future__ import annotations

from datetime import date

from pydantic import BaseModel, ConfigDict


class ChartedConversion(BaseModel):
    """One conversion on a rate chart: the rate interval it implies (``quote`` per
    ``base`` of its chart), at its valuation date, beside the reference rate of that date
    (``None`` when the rate table has none)."""

    model_config = ConfigDict(frozen=True)

    number: int  # its place among the document's conversions (A, B, ... on the chart)
    source: str  # the text of the figure converted
    converted: str  # the text of the converted figure
    figure: str  # the converted figure's id
    low: float
    high: float
    point: float
    on: date
    reference: float | None = None
    reference_date: date | None = None


class RateChart(BaseModel):
    """The conversions of one currency pair of a document against the reference-rate
    curve of the rate table the audit used (``provider``), over ``start``-``end``: the
    window around publication asked for, or, when the table has no curve there
    (``series_error`` says why, if it raised), the same window unclipped."""

    model_config = ConfigDict(frozen=True)

    base: str
    quote: str
    provider: str
    published: date
    asked: tuple[date, date]
    start: date
    end: date
    series: tuple[tuple[date, float], ...] = ()
    series_error: str | None = None
    conversions: tuple[ChartedConversion, ...] = ()
