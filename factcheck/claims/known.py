"""Claims records as known figures for the article checks: a ratio in an article ("about
three quarters of its projected 2028 revenue") is held against the recorded whole."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from factcheck.documents.given import GivenInput
from factcheck.documents.opening import MAX_INPUT_SIZE
from factcheck.errors import InputError, InternalError, guarded
from factcheck.model import Period


@dataclass(frozen=True)
class KnownFigure:
    """What AR001 needs of a record: subject, metric, period, value and currency."""

    subject: str | None
    metric: str
    period: Period | None
    value: float
    currency: str | None


def known_figures(paths: Sequence[Path | str | GivenInput], max_size: int = MAX_INPUT_SIZE
                  ) -> tuple[tuple[KnownFigure, ...], list[InternalError]]:
    """The valid records of the claims files under ``paths`` (their errors are reported
    by the claims audit itself), and the files the tool failed on (a bug, IN002: those
    give no known figures); ``max_size`` is the size cap of a file."""
    from factcheck.claims.loaders import iter_claim_files

    out: list[KnownFigure] = []
    failures: list[InternalError] = []
    for path in iter_claim_files(paths):
        name = (path.path or "<claims>") if isinstance(path, InputError) else str(path)
        read = guarded(lambda: _known_of(path, max_size), "reading the claims records "  # noqa: B023
                       "the articles are held against", name)
        if isinstance(read, InternalError):
            failures.append(read)
        elif not isinstance(read, InputError):
            out.extend(read)
    return tuple(out), failures


def _known_of(path: Path | GivenInput | InputError, max_size: int) -> list[KnownFigure]:
    from factcheck.claims.loaders import load_claims

    return [_known(r.record) for r in load_claims(path, max_size)[0]]


def _known(record: object) -> KnownFigure:
    start, end = record.span  # type: ignore[attr-defined]
    amount = record.amount  # type: ignore[attr-defined]
    period = Period(text=str(record.period), label=str(record.period),  # type: ignore[attr-defined]
                    start=start, end=end)
    return KnownFigure(subject=record.subject, metric=record.metric,  # type: ignore[attr-defined]
                       period=period, value=amount.value, currency=amount.currency)
