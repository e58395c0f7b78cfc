"""What a check sees of one document: its figures, its conversions as implied-rate
intervals, its stated rates, valuation dates and the reference rates, and the analyses
built on them (``analysis``), each computed once per document whichever checks ask.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from typing import Any, Protocol, TypeVar

from factcheck.analyse.conversions import Conversion, document_conversions
from factcheck.extract.precision import DEFAULT_ZEROS
from factcheck.extract.sentences import sentence_spans
from factcheck.model import Document, Figure, Period
from factcheck.normalise.fx import RateProvider, RateQuote, RateUnavailable


class KnownFigure(Protocol):
    """A figure recorded elsewhere (a claims record) that checks may compare with: AR001
    holds a ratio in an article against a recorded whole."""

    @property
    def subject(self) -> str | None: ...
    @property
    def metric(self) -> str: ...
    @property
    def period(self) -> Period | None: ...
    @property
    def value(self) -> float: ...
    @property
    def currency(self) -> str | None: ...


A = TypeVar("A")
A_co = TypeVar("A_co", covariant=True)


class Analysis(Protocol[A_co]):
    """An analysis of one document: made from its context, kept for every check."""

    def __call__(self, ctx: DocumentContext) -> A_co: ...


@dataclass
class DocumentContext:
    """One document under audit."""

    document: Document
    figures: tuple[Figure, ...]
    rates: RateProvider | None = None
    loosest: bool = False
    known: tuple[KnownFigure, ...] = ()
    unavailable: dict[tuple[str, str, date], str] = field(default_factory=dict)
    paths: dict[str, str] = field(default_factory=dict)  # figure id -> file, when they differ
    #: The enabled checks and their options, by code (None: every check, with its
    #: defaults). An analysis lets a check's reading hide another's finding only when
    #: that check is enabled here.
    checks: Mapping[str, Any] | None = None
    #: The document is claims records held together (one source), not an article.
    records: bool = False
    #: How converted figures' trailing zeros are read (``extract.precision``).
    zeros: str = DEFAULT_ZEROS
    #: Of claims records: each figure's record's ``metric``, by figure id.
    metrics: Mapping[str, str] = field(default_factory=dict)
    _by_id: dict[str, Figure] = field(default_factory=dict)
    _analyses: dict[object, object] = field(default_factory=dict)

    def enabled(self, code: str) -> bool:
        return self.checks is None or code in self.checks

    def option(self, code: str, name: str, default: float) -> float | None:
        """An enabled check's option (``default`` when the checks are not given), or None
        when the check is disabled."""
        if self.checks is None:
            return default
        if code not in self.checks:
            return None
        return float(getattr(self.checks[code], name, default))

    @property
    def unit(self) -> str:
        """What the document is, for messages: "article", or "source" for claims records."""
        return "source" if self.records else "article"

    def figure(self, figure_id: str) -> Figure:
        return self._index()[figure_id]

    def _index(self) -> dict[str, Figure]:
        if not self._by_id:
            self._by_id = {f.id: f for f in self.figures}
        return self._by_id

    def analysis(self, kind: Analysis[A]) -> A:
        """The analysis ``kind`` of this document (a class taking the context, or a
        function of it), made on first use and shared by every check that asks."""
        if kind not in self._analyses:
            self._analyses[kind] = kind(self)
        return self._analyses[kind]  # type: ignore[return-value]

    def release(self) -> None:
        """Drop the analyses once the checks are done: each refers back to the context,
        a cycle that only the cyclic collector frees (held off during a claims audit,
        where thousands of documents would pile up until it resumes and walks them)."""
        self._analyses.clear()

    @cached_property
    def conversions(self) -> tuple[Conversion, ...]:
        """Every money conversion pair of the document, in text order, each currency pair
        quoted one way (the way its median rate is at least 1)."""
        return document_conversions(self.figures, self._index(), self.loosest,
                                    self.document.lang, self.zeros)

    @cached_property
    def sentences(self) -> list[tuple[int, int]]:
        """The document's sentence spans (figures' ``sentence`` index into them)."""
        return sentence_spans(self.document.text)

    @cached_property
    def stated_rates(self) -> tuple[Figure, ...]:
        return tuple(f for f in self.figures if f.kind == "rate" and f.currency and f.unit)

    def valuation_date(self, figure: Figure) -> date | None:
        """The publication date, or the end of a period that ended before it."""
        published = self.document.published
        period = figure.period
        if published is None:
            return None
        if period is not None and period.end is not None and period.end < published:
            return period.end
        return published

    def reference(self, base: str, quote: str, on: date | None) -> RateQuote | None:
        """The reference rate of ``quote`` per ``base`` on a date, or None if unavailable
        (why is kept in ``unavailable``, for the checks to report)."""
        if on is None or self.rates is None:
            return None
        try:
            return self.rates.rate(base, quote, on)
        except RateUnavailable as error:
            self.unavailable[(base, quote, on)] = str(error)
            return None
