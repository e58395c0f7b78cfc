"""A generated article of the conversion set, and its text."""

from __future__ import annotations

from dataclasses import dataclass

from benchmarks.generation.amounts import Amount, Conversion, render_amount, templates
from benchmarks.generation.layout import GeneratedArticle, capitalise
from benchmarks.generation.numbers import NumberStyle

FAMILY = "conversions"  # tests/checks/article_templates/conversions_<lang>.yaml
Spans = dict[tuple[int, str], tuple[int, int]]  # (conversion, "src"/"dst") -> text span


@dataclass(frozen=True)
class Article(GeneratedArticle):
    """A generated article: paragraphs of plain text or of one conversion each."""

    conversions: tuple[Conversion, ...]
    paragraphs: tuple[str | int, ...]  # text, or the index of a conversion
    stated_rate: float | None = None
    stated_pair: str | None = None  # "USD>IDR": the stated rate is IDR per one USD
    stated_numeral: str | None = None


def printed(amount: Amount, lang: str, style: NumberStyle) -> str:
    """An amount as this language's conversion templates print it."""
    return render_amount(amount, templates(FAMILY, lang), style)


def render(article: Article) -> tuple[str, Spans]:
    """The article's text, and the span of each conversion's "src" and "dst" figure."""
    head = article.header()
    parts: list[str] = [head]
    position = len(head)
    spans: Spans = {}

    def emit(text: str) -> None:
        nonlocal position
        parts.append(text)
        position += len(text)

    for number, paragraph in enumerate(article.paragraphs):
        if number:
            emit("\n\n")
        if isinstance(paragraph, str):
            emit(paragraph)
            continue
        conv = article.conversions[paragraph]
        before, after = conv.sentence.split("{pair}")
        lead, rest = conv.pair.split("{src}")
        middle, tail = rest.split("{dst}")
        emit(before + lead)
        for role, amount in (("src", conv.src), ("dst", conv.dst)):
            text = printed(amount, article.lang, article.style)
            spans[(paragraph, role)] = (position, position + len(text))
            emit(text)
            if role == "src":
                emit(middle)
        emit(tail + after)
    emit("\n")
    return "".join(parts), spans


def fill(template: str, slots: dict[str, str]) -> str:
    """A template with its slots filled, ``{pair}`` kept for rendering."""
    return capitalise(template.format_map({**slots, "pair": "{pair}"}))
