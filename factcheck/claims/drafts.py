"""Draft claims records from an article's figures, for a human to review and commit.

Subject, metric and kind are tagged from the words of ``lang/<lang>/claims_drafting.yaml``
(metric words, projection and estimate words) and the entity list of
``lang/common/claims_drafting.yaml``; the period comes from the figure (else the
publication year, where the design values such a figure), the value and its equivalent
are written as the article writes them. A metric no word names is
"unclassified", for the reviewer to name.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from pathlib import PurePath
from typing import Any, TypeVar

from factcheck.extract.sentences import sentence_spans
from factcheck.lang.loader import common, language
from factcheck.model import DocumentFigures, Figure


def _nearest(text: str, end: int, words: Sequence[str]) -> tuple[int, str] | None:
    """The word of ``words`` that ends nearest before ``end`` (case-insensitive)."""
    best = None
    for word in words:
        for m in re.finditer(rf"(?<!\w){re.escape(word)}(?!\w)", text[:end], re.IGNORECASE):
            if best is None or m.end() > best[0]:
                best = (m.end(), word)
    return best


Name = TypeVar("Name", bound=str)


def _tag(sentence: str, offset: int, table: Mapping[Name, Sequence[str]]) -> Name | None:
    found = [(hit[0], name) for name, words in table.items()
             if (hit := _nearest(sentence, offset, words))]
    return max(found)[1] if found else None


def draft_records(result: DocumentFigures) -> list[dict[str, Any]]:
    """One draft record per money figure that is not itself a converted equivalent."""
    doc = result.document
    words = language(doc.lang).claims_drafting
    by_id = {f.id: f for f in result.figures}
    equivalents = {f.equivalent_of: f for f in result.figures if f.equivalent_of}
    stem = re.sub(r"[^a-z0-9]+", "-", PurePath(doc.path.split("#")[0]).stem.lower()).strip("-")
    entities = common().claims_drafting.entities
    aliases = {alias: name for name, names in entities.items() for alias in names}
    spans = sentence_spans(doc.text)
    records = []
    for figure in result.figures:
        if figure.kind != "money" or figure.equivalent_of in by_id:
            continue
        start = spans[figure.sentence][0] if figure.sentence < len(spans) else 0
        sentence = doc.text[start:figure.end]
        offset = figure.start - start
        subject = _nearest(sentence, offset, list(aliases)) or _nearest(
            doc.text, figure.start, list(aliases))
        kind = _tag(sentence, offset, words.kinds) or "actual"
        if figure.tense == "future":
            kind = "projection"
        record: dict[str, Any] = {
            "id": f"{stem}-{figure.id}",
            "source": doc.source or doc.path,
            "published": doc.published.isoformat() if doc.published else None,
            "subject": aliases[subject[1]] if subject else None,
            # Placeholders a reviewer replaces: a record must name a metric and a period.
            "metric": _tag(sentence, offset, words.metrics) or "unclassified",
            "period": (figure.period.label if figure.period and figure.period.label
                       else str(doc.published.year) if doc.published else None),
            "kind": kind,
            "lang": doc.lang,
            "value": _one_line(figure),
        }
        if figure.id in equivalents:
            record["equivalent"] = _one_line(equivalents[figure.id])
        records.append(record)
    return records


def _one_line(figure: Figure) -> str:
    return re.sub(r"\s+", " ", figure.text).strip()
