"""Reporting: the one table format every benchmark prints, and the cells that go in it.

A table is a title line, a header row and rows, indented under the title; each column is as
wide as its widest cell; a column of numbers (every cell starts with a digit, a sign, "n/a"
or is "-") is right-aligned, any other left-aligned, so that numbers line up whatever the
benchmark.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

INDENT = "   "
NUMERIC = re.compile(r"^(n/a|-$|[-+]?[\d.])")


def table(title: str, header: Sequence[str], rows: Sequence[Sequence[object]]) -> list[str]:
    """The lines of one table (title first); cells are printed with ``str``."""
    cells = [[str(cell) for cell in row] for row in [header, *rows]]
    columns = range(len(header))
    widths = [max(len(row[col]) for row in cells) for col in columns]
    numeric = [bool(rows) and all(NUMERIC.match(row[col]) for row in cells[1:]) for col in columns]

    def line(row: Sequence[str]) -> str:
        parts = [
            cell.rjust(widths[col]) if numeric[col] else cell.ljust(widths[col])
            for col, cell in enumerate(row)
        ]
        return (INDENT + "  ".join(parts)).rstrip()

    return [title, *(line(row) for row in cells)]


def fmt_value(value: float | None) -> str:
    """A compact, unambiguous rendering of a base-unit value."""
    if value is None:
        return "None"
    return f"{value:.6g}"


def fmt_ratio(num: int, den: int) -> str:
    """``num/den (pct)``, or ``-`` when there is nothing to count."""
    if den == 0:
        return "-"
    return f"{num}/{den} ({num / den:.1%})"


def fmt_score(value: float | None, num: int, den: int) -> str:
    """``0.950 (95/100)``; ``n/a (0/0)`` when there is nothing to count."""
    shown = "n/a" if value is None else f"{value:.3f}"
    return f"{shown} ({num}/{den})"


def fmt_tally(tally: dict[str, Any]) -> str:
    """A ``scoring.tally`` as ``recall (caught/n)``."""
    return fmt_score(tally["recall"], tally["caught"], tally["n"])


def fmt_rate(rate: float | None, num: int, den: int) -> str:
    """A rate such as false alarms per article (0.000 when nothing was counted)."""
    return fmt_score(rate or 0.0, num, den)


def quoted(text: str, prefix: str = "      | ") -> list[str]:
    """A text block (an article), each line prefixed."""
    return [prefix + line for line in text.rstrip("\n").split("\n")]


def clip(text: str, limit: int = 110) -> str:
    """``repr`` of ``text`` cut to about ``limit`` characters."""
    return repr(text if len(text) <= limit else text[: limit - 3] + "...")
