"""The typed records that move between the stages: documents in, figures out.

Every stage takes and returns these models; nothing else crosses a package boundary.
Values are in base units (currency units, SI units), intervals are closed unless a bound
is ``None`` (unbounded).
"""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from factcheck.chart_data import RateChart
from factcheck.evidence import Evidence, RawEvidence
from factcheck.model_types import (
    LANGS,
    CurrencySource,
    FigureKind,
    Finite,
    Lang,
    Lean,
    Qualifier,
    Tense,
    shared_field_set,
)
from factcheck.phrases import Said
from factcheck.positions import PositionMap, positions_of

__all__ = [  # the field types of ``model_types`` are part of this module's surface
    "LANGS", "OPTIONAL_FIGURE_FIELDS", "SEVERITY_RANK", "Anchor", "AuditResult",
    "CurrencySource", "Document", "DocumentFigures", "Figure", "FigureContract", "FigureKind",
    "Finding", "FindingContract", "Finite", "Lang", "Lean", "Period", "PositionMap",
    "Qualifier", "RuleInfo", "Severity", "Tense", "shared_field_set",
]

class Anchor(BaseModel):
    """A point where text offsets are known to map to a source line and column."""

    model_config = ConfigDict(frozen=True)

    offset: int
    line: int
    column: int


class Document(BaseModel):
    """One article: the text that is analysed, and how its offsets map to the source file."""

    model_config = ConfigDict(frozen=True)

    path: str
    text: str
    lang: Lang
    published: date | None = None
    title: str | None = None
    source: str | None = None
    anchors: tuple[Anchor, ...] = (Anchor(offset=0, line=1, column=1),)
    #: What a position's line counts: the file's lines, or its paragraphs (a word
    #: processor's draft, whose text has one line per paragraph).
    line_unit: Literal["line", "paragraph"] = "line"
    #: Whether findings quote the paragraph they are in (its number and text): where a
    #: line number does not show an editor where to look (a draft, a one-line HTML page).
    cite_paragraph: bool = False
    #: (offset into ``text``, level 1-6) where a heading starts (Markdown ``#``, HTML ``h1``).
    headings: tuple[tuple[int, int], ...] = ()

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) in the source file of a character offset into ``text``
        (the map of the last document asked about is kept, so that the findings of one
        document cost a search each, not a scan of its text)."""
        return positions_of(self).position(offset)




class Period(Lean):
    """The period a figure is stated for, as written and as resolved (``None`` if unresolved)."""

    model_config = ConfigDict(frozen=True)

    text: str
    label: str | None = Field(
        default=None, description="'2024', '2024-02', '2024-Q3', '2024-H1', '2023-01/2023-08'"
    )
    start: date | None = None
    end: date | None = None
    relative: bool = False


class FigureContract(Lean):
    """The fields of a figure that the ``extract`` JSON contract writes, in its order.

    ``kind`` decides how ``currency`` and ``unit`` read:
    money (``currency``; ``per`` a time denominator), percent (value 0.04 for 4%),
    quantity (``unit`` a canonical pint unit, value in it), rate (``currency`` per one
    ``unit``, e.g. IDR per USD), price (``currency`` per one ``unit``, e.g. USD per
    metric_ton), ratio (a fraction such as three quarters).

    ``currency_source`` says how a currency the text did not write for certain was decided
    ("evidence", "default", "context"); a money figure whose sign stays ambiguous has no
    ``currency`` and lists its ``currency_candidates``. Both are written only when set.
    """

    model_config = ConfigDict(frozen=True)

    id: str
    text: str
    start: int
    end: int
    line: int
    column: int
    kind: FigureKind
    value: Finite
    low: Finite | None
    high: Finite | None
    currency: str | None = None
    unit: str | None = None
    per: str | None = None
    qualifier: Qualifier | None = None
    period: Period | None = None
    equivalent_of: str | None = None
    currency_source: CurrencySource | None = None
    currency_candidates: tuple[str, ...] | None = None


OPTIONAL_FIGURE_FIELDS = ("currency_source", "currency_candidates")
"""Fields of the contract written only when they are set."""


class Figure(FigureContract):
    """One figure found in a document, normalised: the contract's fields and what the checks
    also need."""

    step: Finite = Field(default=0.0, description="unit of the last printed digit, in base units")
    tense: Tense | None = None
    sentence: int = 0
    scale_typo: tuple[str, str] | None = Field(
        default=None, description="a misspelt scale word read as meant: (as written, as meant)")
    range_first: tuple[Finite, Finite] | None = Field(
        default=None, description="a range's first end and its last printed digit's unit, in "
        "base units (its second end is ``2 * value - first``, to ``step``)")


class DocumentFigures(BaseModel):
    """A document and the figures found in it; when it was audited for a report that shows
    them, the rate charts of its conversions."""

    model_config = ConfigDict(frozen=True)

    document: Document
    figures: tuple[Figure, ...]
    charts: tuple[RateChart, ...] = ()


Severity = Literal["error", "warning", "info"]
SEVERITY_RANK: dict[str, int] = {"info": 1, "warning": 2, "error": 3}


class FindingContract(Lean):
    """The fields of a finding that the ``audit`` JSON contract writes, in its order.
    ``evidence`` holds the arithmetic (intervals, implied rates, reference rates and their
    dates), typed by the check (``factcheck.evidence``), written as a JSON object;
    ``figures`` the ids of the figures involved;
    ``suggestion`` a corrected figure in the text's own style.

    The exact edit: ``end_line``/``end_column`` is the position just after the anchored
    figure's last character (``null`` where the file has no text positions: claims records,
    Parquet rows, findings of a whole file); ``replacement`` the text that replaces the
    figure's span, from ``line``/``column`` to there, when the correction is certain and
    the span is the file's own characters (``null`` otherwise)."""

    model_config = ConfigDict(frozen=True)

    code: str
    name: str
    severity: Severity
    message: str
    path: str
    line: int
    column: int
    end_line: int | None = None
    end_column: int | None = None
    figures: tuple[str, ...] = ()
    suggestion: str | None = None
    replacement: str | None = None
    evidence: Evidence = Field(default_factory=RawEvidence)

    @field_validator("evidence")
    @classmethod
    def _finite_evidence(cls, evidence: Evidence) -> Evidence:
        """An infinite number in the evidence is the unbounded end of an interval: None,
        as in a figure; a NaN is a bug."""
        return evidence.finite()


class Finding(FindingContract):
    """One inconsistency a check found, with the content key that baselines use."""

    fingerprint: str = Field(default="", description="content key for baselines")
    record_field: str | None = Field(
        default=None, description="on a claims record: the field (value, equivalent) that "
        "``suggestion`` replaces whole when the correction is certain (``factcheck fix``)")
    #: The message as its form and pieces, where the check built it so (``phrases``), for
    #: writing it in another locale; not part of any output.
    said: Said | None = Field(default=None, exclude=True, repr=False)

    def sort_key(self) -> tuple[str, int, int, str, str]:
        return (self.path, self.line, self.column, self.code, self.message)


class AuditResult(BaseModel):
    """Everything an audit produced: findings (sorted), the documents and their figures,
    and the inputs that could not be read."""

    model_config = ConfigDict(frozen=True)

    findings: tuple[Finding, ...]
    documents: tuple[DocumentFigures, ...] = ()
    suppressed: int = 0
    baselined: int = 0
    #: Documents audited, when ``documents`` was not kept (a streamed archive).
    audited: int = 0
    #: Claims records audited (those that passed the schema).
    records: int = 0

    @property
    def document_count(self) -> int:
        return max(self.audited, len(self.documents))

    def counts(self) -> dict[str, int]:
        out = {"error": 0, "warning": 0, "info": 0}
        for finding in self.findings:
            out[finding.severity] += 1
        return out


class RuleInfo(BaseModel):
    """What a report says about a check: its stable code, name, one-line summary, full
    documentation (the check module's docstring) and configured severity."""

    model_config = ConfigDict(frozen=True)

    code: str
    name: str
    summary: str
    doc: str
    severity: Severity
