"""How a piece of evidence reads to people: an amount in a unit, an interval, a relative
size, dates, figure names, text. A check's evidence says which reading each of its values
is (``factcheck.evidence``); a report writes each kind of reading one way
(``report.explain``)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Note:
    """Words after an amount, as a form with named places (" on {day} ({table})"), the form
    marked for the catalogs where it is written (``i18n.N_``): a report translates the
    form, writes a place whose value is a date (2024-07-29) as its locale writes dates, and
    translates the values of the places named in ``words``."""

    form: str
    values: tuple[tuple[str, str], ...] = ()
    words: tuple[str, ...] = ()


@dataclass(frozen=True)
class Amount:
    """A number in a unit (``None``: the unit of the figures the finding is about), with
    text before it (the article's) and a note after it ("16,200 IDR/USD on 2024-07-29
    (ECB)")."""

    value: float
    unit: str | None = None
    before: str = ""
    after: Note | None = None


@dataclass(frozen=True)
class Amounts:
    """Several numbers in one unit."""

    values: tuple[float, ...]
    unit: str | None = None


@dataclass(frozen=True)
class Span:
    """An interval (an end ``None`` is unbounded), in a unit or as percentages."""

    low: float | None
    high: float | None
    unit: str | None = None
    percent: bool = False


@dataclass(frozen=True)
class Spans:
    spans: tuple[Span, ...]


@dataclass(frozen=True)
class Relative:
    """A relative size: 0.018 reads 1.8% (signed: +1.8%)."""

    value: float
    signed: bool = False


@dataclass(frozen=True)
class Count:
    value: float


@dataclass(frozen=True)
class Counts:
    values: tuple[float, ...]


@dataclass(frozen=True)
class Power:
    """A power of ten: 3 reads ×1,000, -1 reads ×1/10."""

    value: int


@dataclass(frozen=True)
class DateSpans:
    """Spans of dates (ISO strings); none reads ``empty``."""

    spans: tuple[tuple[str, str], ...]
    empty: str = "none"


@dataclass(frozen=True)
class Names:
    """Figure ids (shown by their text where the report knows it) or other names."""

    names: tuple[str, ...]


@dataclass(frozen=True)
class Text:
    text: str


@dataclass(frozen=True)
class Fields:
    """Named readings of one item ("pair: IDR/USD; reason: ...")."""

    fields: tuple[tuple[str, Reading], ...]


@dataclass(frozen=True)
class Records:
    """Several items, each a ``Fields``."""

    items: tuple[Fields, ...]


Reading = (Amount | Amounts | Span | Spans | Relative | Count | Counts | Power | DateSpans
           | Names | Text | Fields | Records)
Row = tuple[str, Reading]
