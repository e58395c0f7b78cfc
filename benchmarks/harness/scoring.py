"""Scoring: tolerant comparison, precision/recall, greedy one-to-one matching, tallies."""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Protocol


def rel_close(a: float | None, b: float | None, tol: float) -> bool:
    """True when ``a`` and ``b`` agree within ``tol`` relative to the larger magnitude."""
    if a is None or b is None:
        return a is None and b is None
    scale = max(abs(a), abs(b))
    if scale == 0.0:
        return True
    return abs(a - b) <= tol * scale


def range_end_matches(predicted: float | None, expected: float, side: str, tol: float) -> bool:
    """Whether a predicted range end stands for the printed end ``expected``.

    The extractor reports a range's ``low``/``high`` as an interval: each printed end widened
    by half a unit of its last printed digit ("US$ 1,4-1.7 miliar" -> [1.35e9, 1.75e9]). An end
    matches when it is within ``tol`` of the printed end, or lies outside it (below for
    ``side="low"``, above for "high") by at most half a unit of the printed end's leading digit.
    """
    if predicted is None:
        return False
    if rel_close(predicted, expected, tol):
        return True
    widening = expected - predicted if side == "low" else predicted - expected
    if expected == 0.0 or widening < 0.0:
        return False
    leading = 10.0 ** math.floor(math.log10(abs(expected)))
    return widening <= 0.5 * leading * (1.0 + 1e-9)


def overlap(a_start: int, a_end: int, b_start: int | None, b_end: int | None) -> int:
    """Number of characters two spans share (0 when either is unknown or they are disjoint)."""
    if b_start is None or b_end is None:
        return 0
    return max(0, min(a_end, b_end) - max(a_start, b_start))


def prf(
    matched_predicted: int, predicted: int, matched_expected: int, expected: int
) -> tuple[float, float, float]:
    """Precision, recall and F1; an empty side scores 1.0 (nothing claimed, nothing to find)."""
    precision = matched_predicted / predicted if predicted else 1.0
    recall = matched_expected / expected if expected else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


@dataclass(frozen=True)
class Candidate:
    """A compatible (expected, predicted) pair, scored for the greedy one-to-one assignment."""

    expected: int
    predicted: int
    overlap: int
    distance: int
    slot: str = ""  # which capacity of the prediction it uses ("" = its only one)


def greedy_assign(
    candidates: Iterable[Candidate], capacity: Callable[[int], frozenset[str]] | None = None
) -> dict[int, tuple[int, str]]:
    """Assign each expected item to at most one prediction, largest span overlap first.

    A prediction has one slot ("") unless ``capacity`` gives it more (a range has "low" and
    "high"); every slot is used at most once. Returns expected index -> (predicted index, slot).
    """
    ordered = sorted(candidates, key=lambda c: (-c.overlap, c.distance, c.expected, c.predicted))
    taken_expected: set[int] = set()
    taken_slots: set[tuple[int, str]] = set()
    result: dict[int, tuple[int, str]] = {}
    for cand in ordered:
        if cand.expected in taken_expected or (cand.predicted, cand.slot) in taken_slots:
            continue
        if capacity is not None and cand.slot not in capacity(cand.predicted):
            continue
        taken_expected.add(cand.expected)
        taken_slots.add((cand.predicted, cand.slot))
        result[cand.expected] = (cand.predicted, cand.slot)
    return result


def ratio(hit: int, total: int) -> float | None:
    """``hit / total``, or None when there is nothing to count."""
    return hit / total if total else None


class Judged(Protocol):
    """Anything with a yes/no outcome (a mutant caught, an article flagged)."""

    @property
    def caught(self) -> bool: ...


def tally(items: Sequence[Judged]) -> dict[str, Any]:
    """``{"n", "caught", "recall"}`` over ``items``."""
    caught = sum(item.caught for item in items)
    return {"n": len(items), "caught": caught, "recall": ratio(caught, len(items))}
