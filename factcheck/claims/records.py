"""Records as the checks read them: one record as a tiny document with its figures (for the
conversion checks, FX001-FX005, unchanged), and all records as one columnar table (for the
cross-source checks).

A record's document text is its value as written, its equivalent in brackets and the
stated rate: "US$ 5 miliar (sekitar Rp 81 triliun) [16.200 IDR/USD]". Every figure
reports the record's line (column 1). The figures carry the record's period; a
``valuation_date`` overrides it as the day the value is valued, and an ``fx_date`` is the
day the equivalent (and the rate) were converted at, so that FX002 compares the
conversion with the reference rate of the day the record says it was made. The record's
``ignore`` codes are written into the text as an inline marker
(``<!-- factcheck: ignore FX002 -->``), which the engine's suppression already reads.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from typing import TYPE_CHECKING, Any, NamedTuple

from factcheck.claims.amounts import Amount, format_number, printed_step, read_text, widened
from factcheck.claims.periods import period_of
from factcheck.claims.validate import LoadedRecord
from factcheck.extract import ExtractOptions
from factcheck.model import Anchor, Document, Figure, Lang, Period

if TYPE_CHECKING:
    import pandas as pd


def _figure(ident: str, amount: Amount, start: int, line: int, period: Period,
            equivalent_of: str | None = None, sentence: int = 0) -> Figure:
    return Figure(
        id=ident, text=amount.text, start=start, end=start + len(amount.text), line=line,
        column=1, kind=amount.kind,  # type: ignore[arg-type]
        value=amount.value, low=amount.low, high=amount.high, currency=amount.currency,
        unit=amount.unit, per=amount.per, qualifier=amount.qualifier,  # type: ignore[arg-type]
        period=period, equivalent_of=equivalent_of, step=amount.step, sentence=sentence,
        scale_typo=amount.scale_typo,
    )


def _day(day: date, label: str) -> Period:
    return Period(text=label, label=day.isoformat(), start=day, end=day)


class RecordFacts(NamedTuple):
    """What a record's document is made of: its fields, and its value and equivalent read
    (``*_is_text``: written as a string, to be read again with the pack's options)."""

    path: str
    line: int
    id: str
    source: str  # the address of the piece, else the source's name
    published: date
    lang: Lang
    subject: str
    metric: str
    period: str
    kind: str
    value: Amount
    equivalent: Amount | None
    value_is_text: bool
    equivalent_is_text: bool
    fx_rate: float | None
    fx_date: date | None
    valuation_date: date | None
    ignore: tuple[str, ...]


def facts_of(loaded: LoadedRecord) -> RecordFacts:
    r = loaded.record
    return RecordFacts(
        loaded.path, loaded.line, r.id, r.source_url or r.source_name, r.published, r.lang,
        r.subject, r.metric, r.period, r.kind, r.amount, r.equivalent_amount,
        isinstance(r.value, str), isinstance(r.equivalent, str), r.fx_rate, r.fx_date,
        r.valuation_date, r.ignore)


def record_document(
    loaded: LoadedRecord, options: ExtractOptions | None = None
) -> tuple[Document, tuple[Figure, ...]]:
    """A record as a document and its figures: f1 the value, f2 the equivalent (its
    ``equivalent_of`` is f1), f3 the stated rate (``currency`` per one ``unit``).

    ``options`` are the pack's extraction options: a value written as text is read with
    them; inside the conversion pair the equivalent's qualifier adds no width, as in text.
    """
    return facts_document(facts_of(loaded), options)


def facts_document(
    r: RecordFacts, options: ExtractOptions | None = None
) -> tuple[Document, tuple[Figure, ...]]:
    """``record_document`` of a record's facts."""
    text, figures = record_parts(r, options)
    anchors = tuple(Anchor(offset=f.start, line=r.line, column=1) for f in figures)
    document = Document(
        path=r.path, text=text, lang=r.lang, published=r.published,
        title=f"{r.subject} {r.metric} {r.period} ({r.kind}) [{r.id}]",
        source=r.source, anchors=anchors,
    )
    return document, figures


def record_parts(r: RecordFacts, options: ExtractOptions | None = None, prefix: str = "",
                 offset: int = 0, sentence: int = 0) -> tuple[str, tuple[Figure, ...]]:
    """The text of a record's document and its figures, the ids prefixed, the offsets
    shifted and the sentence set as in a document of several records at ``offset``."""
    value, equivalent = r.value, r.equivalent
    if options is not None and r.value_is_text:
        value = read_text(value.text, r.lang, options)
    if options is not None and r.equivalent_is_text and equivalent is not None:
        equivalent = read_text(equivalent.text, r.lang, options)
    period = period_of(r.period, r.valuation_date)
    converted = _day(r.fx_date, r.period) if r.fx_date else period
    line = r.line
    figures = [_figure(f"{prefix}f1", value, offset, line, period, sentence=sentence)]
    text = value.text
    if equivalent is not None:
        text += " ("
        figures.append(_figure(f"{prefix}f2", widened(equivalent, 0.0), offset + len(text),
                               line, converted, f"{prefix}f1", sentence))
        text += equivalent.text + ")"
        if r.fx_rate is not None and equivalent.currency and value.currency:
            rate = Amount(f"{format_number(r.fx_rate, r.lang)} {equivalent.currency}/"
                          f"{value.currency}", "rate", r.fx_rate, None, None, 0.0,
                          equivalent.currency, value.currency, None, None)
            text += " ["
            step = min(1.0, printed_step(r.fx_rate))  # a stated rate's zeros are significant
            rate = rate._replace(step=step, low=r.fx_rate - step / 2, high=r.fx_rate + step / 2)
            figures.append(_figure(f"{prefix}f3", rate, offset + len(text), line, converted,
                                   sentence=sentence))
            text += rate.text + "]"
    if r.ignore:
        text += f" <!-- factcheck: ignore {', '.join(r.ignore)} -->"
    return text, tuple(figures)


FRAME_COLUMNS = (
    "id", "path", "line", "source", "source_url", "published", "lang", "subject", "metric",
    "period", "period_start", "period_end", "kind", "written", "value", "low", "high",
    "step", "qualifier", "currency", "unit", "per", "equivalent_written", "equivalent_value",
    "equivalent_low", "equivalent_high", "equivalent_step", "equivalent_currency",
    "equivalent_unit", "fx_rate", "rate_low", "rate_high", "fx_date", "valuation_date",
    "ignore",
)
_DATES = ("published", "period_start", "period_end", "fx_date", "valuation_date")
_FLOATS = ("value", "low", "high", "step", "equivalent_value", "equivalent_low",
           "equivalent_high", "equivalent_step", "fx_rate", "rate_low", "rate_high")
#: Columns that may be missing, kept as Python ``None`` (object dtype), not NaN.
_OPTIONAL = ("source_url", "qualifier", "currency", "unit", "per", "equivalent_written",
             "equivalent_currency", "equivalent_unit", "ignore")
_INF = float("inf")


def record_frame(records: Sequence[LoadedRecord]) -> pd.DataFrame:
    """One row per record, columnar: strings, ``float64`` values in base units (``low``
    and ``high`` the interval from the printed precision and qualifier, unbounded ends
    as -inf/+inf), ``datetime64`` dates (NaT when absent), ``ignore`` a tuple of codes."""
    columns: dict[str, list[Any]] = {name: [] for name in FRAME_COLUMNS}
    add = {name: columns[name].append for name in FRAME_COLUMNS}
    for loaded in records:
        r = loaded.record
        a, e = r.amount, r.equivalent_amount
        start, end = r.span
        add["id"](r.id)
        add["path"](loaded.path)
        add["line"](loaded.line)
        add["source"](r.source_name)
        add["source_url"](r.source_url)
        add["published"](r.published)
        add["lang"](r.lang)
        add["subject"](r.subject)
        add["metric"](r.metric)
        add["period"](r.period)
        add["period_start"](start)
        add["period_end"](end)
        add["kind"](r.kind)
        add["written"](a.text)
        add["value"](a.value)
        add["low"](-_INF if a.low is None else a.low)
        add["high"](_INF if a.high is None else a.high)
        add["step"](a.step)
        add["qualifier"](a.qualifier)
        add["currency"](a.currency)
        add["unit"](a.unit)
        add["per"](a.per)
        e = _NO_EQUIVALENT if e is None else widened(e, 0.0)
        add["equivalent_written"](e.text or None)
        add["equivalent_value"](e.value)
        add["equivalent_low"](-_INF if e.low is None else e.low)
        add["equivalent_high"](_INF if e.high is None else e.high)
        add["equivalent_step"](e.step)
        add["equivalent_currency"](e.currency)
        add["equivalent_unit"](e.unit)
        add["fx_rate"](r.fx_rate)
        low, high = rate_interval(a, e, r.fx_rate)
        add["rate_low"](low)
        add["rate_high"](high)
        add["fx_date"](r.fx_date)
        add["valuation_date"](r.valuation_date)
        add["ignore"](r.ignore)
    return assemble(columns)


def assemble(columns: Mapping[str, Any]) -> pd.DataFrame:
    """The frame of ``record_frame`` from its columns (lists or arrays, ``FRAME_COLUMNS``
    order): text columns kept as Python objects (optional ones with ``None``; not the
    Arrow-backed ``str`` pandas would infer when pyarrow is installed, which the checks
    would turn back into objects at every step), dates to ``datetime64``, numbers to
    float."""
    import pandas as pd

    numeric = {*_DATES, *_FLOATS, "line"}
    frame = pd.DataFrame({name: columns[name] if name in numeric else
                          pd.Series(columns[name], dtype=object) for name in FRAME_COLUMNS})
    for name in _DATES:
        frame[name] = pd.to_datetime(frame[name])
    for name in _FLOATS:
        frame[name] = frame[name].astype("float64")
    frame["line"] = frame["line"].astype("int64")
    return frame


def rate_interval(value: Amount, equivalent: Amount, fx_rate: float | None
                  ) -> tuple[float, float]:
    """The rate (equivalent's currency per one of the value's) a record states: implied by
    its conversion, the value as printed and the equivalent rounded or truncated
    ([y - u/2, y + u), as in text), else its ``fx_rate`` at its printed precision (zeros
    significant); NaN when it states none."""
    if (equivalent.kind == "money" and value.currency and equivalent.currency
            and value.value > 0 and equivalent.value > 0 and value.per == equivalent.per
            and "range" not in (value.qualifier, equivalent.qualifier)):
        y, u = equivalent.value, equivalent.step
        return (y - u / 2) / value.value, (y + u) / value.value
    if fx_rate is not None:
        half = min(1.0, printed_step(fx_rate)) / 2
        return fx_rate - half, fx_rate + half
    return _NAN, _NAN


_NAN = float("nan")
_NO_EQUIVALENT = Amount("", "money", _NAN, _NAN, _NAN, _NAN, None, None, None, None)
