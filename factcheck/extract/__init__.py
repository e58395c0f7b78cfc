"""Text -> figures: every money, percent, unit, rate, price and ratio figure, normalised.

``extract_document`` is the stage's interface; ``extract_text`` is a convenience for a
string. Figures come out sorted by position with ids ``f1``, ``f2``, ... in that order.
"""

from __future__ import annotations

from datetime import date

from factcheck.extract.apostrophes import scanned_text
from factcheck.extract.context import resolve_rate_bases, sentence_index
from factcheck.extract.currency_evidence import DocumentEvidence, resolve_currencies
from factcheck.extract.figures import built_figure
from factcheck.extract.implicit_currency import implicit_currencies
from factcheck.extract.intervals import ExtractOptions, interval, point_value
from factcheck.extract.lexicon import lexicon
from factcheck.extract.market_quotes import decide_quotes
from factcheck.extract.pairs import find_pairs, join_restated_ranges
from factcheck.extract.periods import attach_period, find_periods
from factcheck.extract.priced_numbers import priced_numbers
from factcheck.extract.prices import restated_prices
from factcheck.extract.scale_sense import english_senses
from factcheck.extract.scanner import Amount, read_amounts
from factcheck.extract.sentences import sentence_spans
from factcheck.extract.tense import clause_tense
from factcheck.lang.loader import common
from factcheck.model import Document, Figure, Lang, PositionMap

__all__ = ["ExtractOptions", "bare_dollar", "extract_document", "extract_text"]


def bare_dollar(options: ExtractOptions) -> str:
    """The dollar a "$" or "dollars" means when the document names no other: the pack's
    ``bare_dollar``, else USD (``lang/common/currencies.yaml``)."""
    return options.bare_dollar or common().currencies.bare_dollar


def extract_document(doc: Document, options: ExtractOptions | None = None) -> tuple[Figure, ...]:
    """All figures of one document."""
    options = options or ExtractOptions()
    text, lex = scanned_text(doc.text), lexicon(doc.lang)
    dollar = bare_dollar(options)
    amounts = read_amounts(text, lex, dollar, options.trailing_zeros_significant)
    amounts = join_restated_ranges(text, amounts, lex)
    if not amounts:
        return ()
    restated_prices(text, amounts, lex)
    sentences = sentence_spans(text)
    starts = [s for s, _ in sentences]
    pairs = find_pairs(text, amounts, lex, starts)
    if any(a.candidates is not None or a.quote_subject is not None for a in amounts):
        evidence = DocumentEvidence(text, doc.lang, doc.published, doc.source, dollar)
        amounts = resolve_currencies(amounts, pairs, evidence)
        decide_quotes(amounts, evidence)
        pairs = find_pairs(text, amounts, lex, starts)
    english_senses(text, amounts, lex, doc.published)
    if any(a.kind == "bare" for a in amounts):
        amounts = implicit_currencies(text, amounts, lex, pairs)
        pairs = find_pairs(text, amounts, lex, starts)
    priced = priced_numbers(text, amounts, lex, pairs, sentences)
    if priced is not amounts:
        amounts, pairs = priced, find_pairs(text, priced, lex, starts)
    resolve_rate_bases(amounts, pairs, starts)
    periods = find_periods(text, doc.lang, doc.published,
                           _figure_sentences(sentences, starts, amounts))
    positions = PositionMap(doc)
    figures = []
    partners: dict[int, set[int]] = {}
    for a, b in pairs.items():
        partners.setdefault(a, set()).add(b)
        partners.setdefault(b, set()).add(a)
    starts_of_amounts = sorted(a.start for a in amounts)
    for index, amount in enumerate(amounts):
        own = frozenset(amounts[k].start for k in partners.get(index, set()) | {index})
        sentence = sentence_index(starts, amount.start)
        span = sentences[sentence] if sentences else (0, len(text))
        # Inside a conversion pair "sekitar"/"about" marks the rounding that the printed
        # precision already models: it adds no width there.
        tolerance = 0.0 if index in pairs else options.approx_tolerance
        low, high = interval(amount.value, amount.step, amount.qualifier, tolerance,
                             amount.range_first)
        line, column = positions.position(amount.start)
        figures.append(built_figure(
            id=f"f{index + 1}", text=doc.text[amount.start:amount.end],
            start=amount.start, end=amount.end, line=line, column=column,
            kind=amount.kind,
            value=point_value(amount.value, amount.range_first), low=low, high=high,
            currency=amount.currency, unit=amount.unit, per=amount.per,
            qualifier=amount.qualifier,
            period=attach_period(periods, span, amount.start, amount.end, text, doc.lang,
                                 starts_of_amounts, own),
            equivalent_of=f"f{pairs[index] + 1}" if index in pairs else None,
            step=amount.step, tense=clause_tense(text, span, amount.start, doc.lang),
            sentence=sentence, currency_source=amount.currency_source,
            currency_candidates=tuple(sorted(amount.candidates)) if amount.candidates else None,
            scale_typo=amount.scale_typo,
            range_first=(None if amount.range_first is None else
                         (float(amount.range_first[0]), float(amount.range_first[1]))),
        ))
    return tuple(figures)


def _figure_sentences(
    sentences: list[tuple[int, int]], starts: list[int], amounts: list[Amount]
) -> list[tuple[int, int]]:
    """The spans of the sentences that hold figures, each with the sentence before it
    (where "the same year" finds its year), merged."""
    if not sentences:
        return [(0, 0)]
    wanted = sorted({i for a in amounts for i in (sentence_index(starts, a.start) - 1,
                                                   sentence_index(starts, a.start)) if i >= 0})
    spans: list[tuple[int, int]] = []
    for i in wanted:
        start, end = sentences[i]
        if spans and spans[-1][1] >= start:
            spans[-1] = (spans[-1][0], end)
        else:
            spans.append((start, end))
    return spans


def extract_text(
    text: str, lang: Lang = "id", *, published: date | None = None, source: str | None = None,
    options: ExtractOptions | None = None,
) -> tuple[Figure, ...]:
    """All figures of a string, read as an article in ``lang``."""
    doc = Document(path="<text>", text=text, lang=lang, published=published, source=source)
    return extract_document(doc, options)
