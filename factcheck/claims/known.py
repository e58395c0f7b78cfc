"""Claims records as known figures for the article checks: a ratio in an article ("about
three quarters of its projected 2028 revenue") is held against the recorded whole."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from factcheck.documents.opening import MAX_INPUT_SIZE
from factcheck.model import Period


@dataclass(frozen=True)
class KnownFigure:
    """What AR001 needs of a record: subject, metric, period, value and currency."""

    subject: str | None
    metric: str
    period: Period | None
    value: float
    currency: str | None


def known_figures(paths: Sequence[Path | str], max_size: int = MAX_INPUT_SIZE
                  ) -> tuple[KnownFigure, ...]:
    """The valid records of the claims files under ``paths`` (errors are reported by the
    claims audit itself); ``max_size`` is the size cap of a file."""
    from factcheck.claims.loaders import iter_claim_files, load_claims

    out: list[KnownFigure] = []
    for path in iter_claim_files(paths):
        records, _ = load_claims(path, max_size)
        out.extend(_known(r.record) for r in records)
    return tuple(out)


def _known(record: object) -> KnownFigure:
    start, end = record.span  # type: ignore[attr-defined]
    amount = record.amount  # type: ignore[attr-defined]
    period = Period(text=str(record.period), label=str(record.period),  # type: ignore[attr-defined]
                    start=start, end=end)
    return KnownFigure(subject=record.subject, metric=record.metric,  # type: ignore[attr-defined]
                       period=period, value=amount.value, currency=amount.currency)
