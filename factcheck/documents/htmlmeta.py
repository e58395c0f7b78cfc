"""A web page's publication date from its structured data (JSON-LD).

News sites describe the article in ``<script type="application/ld+json">``: a
``NewsArticle`` (or ``Article``, ``BlogPosting``...) with its ``datePublished``, directly,
in a list, or in an ``@graph``. The first ``datePublished`` of an object whose type names an
article wins; else the first ``datePublished`` of any object. Text that is not JSON gives
nothing (never an error: the page is still read).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date

from factcheck.documents.fields import date_or_none

#: How deep the JSON is searched (pages nest a few levels; bounded against pathologies).
MAX_DEPTH = 12


def _objects(value: object, depth: int = 0) -> Iterator[dict[str, object]]:
    if depth > MAX_DEPTH:
        return
    if isinstance(value, dict):
        yield value
        for child in value.values():
            yield from _objects(child, depth + 1)
    elif isinstance(value, list):
        for child in value:
            yield from _objects(child, depth + 1)


def _is_article(obj: dict[str, object]) -> bool:
    kinds = obj.get("@type")
    names = kinds if isinstance(kinds, list) else [kinds]
    return any(isinstance(name, str) and ("Article" in name or name in ("BlogPosting",
               "Report", "ReportageNews")) for name in names)


def json_ld_published(text: str) -> date | None:
    """The publication date a JSON-LD block gives, or None."""
    try:
        data = json.loads(text)
    except (ValueError, RecursionError):
        return None
    found: list[tuple[bool, date]] = []
    for obj in _objects(data):
        value = obj.get("datePublished")
        if isinstance(value, str) and (day := date_or_none(value.strip())) is not None:
            found.append((_is_article(obj), day))
    articles = [day for is_article, day in found if is_article]
    return articles[0] if articles else (found[0][1] if found else None)
