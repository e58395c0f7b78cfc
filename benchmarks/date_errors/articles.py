"""A generated article of the date set, and its text."""

from __future__ import annotations

from dataclasses import dataclass, replace

from benchmarks.date_errors.lines import Line
from benchmarks.date_errors.periods import PastPeriod
from benchmarks.generation.amounts import Conversion
from benchmarks.generation.layout import GeneratedArticle


@dataclass(frozen=True)
class DatedArticle(GeneratedArticle):
    """A generated article and where its three statements are."""

    lines: tuple[Line, ...]
    past_line: int
    period: PastPeriod
    conversion: Conversion
    verbs: tuple[str, str]  # the past wording and its future counterpart
    period_after_verb: bool
    projection_line: int
    probe_amount: str  # the projection's amount as a conversion at the publication rate
    ratio_line: int
    whole_line: int | None  # None: the whole is in the ratio sentence
    ratio: str  # "3/4"
    ratio_block: str  # "future", "past", "inline"
    part_numeral: str  # X and Y as printed
    whole_numeral: str


def layout(article: DatedArticle) -> tuple[str, list[int], list[int]]:
    """The article's text, and the 1-based line number and the offset of each of its lines."""
    head = article.header()
    body = [line.render()[0] for line in article.lines]
    first = head.count("\n") + 1
    numbers = [first + 2 * i for i in range(len(body))]
    offsets = [len(head) + sum(len(b) + 2 for b in body[:i]) for i in range(len(body))]
    return head + "\n\n".join(body) + "\n", numbers, offsets


def render(article: DatedArticle) -> tuple[str, list[int]]:
    """The article's text and the 1-based line number of each of its lines."""
    text, numbers, _ = layout(article)
    return text, numbers


def slot_span(article: DatedArticle, index: int, name: str) -> tuple[int, int]:
    """The span, in the rendered article, of slot ``name`` of line ``index``."""
    offset = layout(article)[2][index]
    start, end = article.lines[index].render()[1][name]
    return offset + start, offset + end


def with_line(article: DatedArticle, index: int, line: Line) -> DatedArticle:
    """The article with line ``index`` replaced."""
    lines = list(article.lines)
    lines[index] = line
    return replace(article, lines=tuple(lines))
