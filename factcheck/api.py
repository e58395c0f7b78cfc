"""The library entry points behind the command line."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path

from factcheck.documents import iter_documents
from factcheck.errors import InputError
from factcheck.extract import ExtractOptions, extract_document
from factcheck.model import DocumentFigures, Lang


def extract_paths(
    paths: Sequence[Path | str], *, lang: Lang | None = None, published: date | None = None,
    options: ExtractOptions | None = None,
) -> tuple[list[DocumentFigures], list[InputError]]:
    """Figures of every document under ``paths``, and the inputs that could not be read.

    A bad input never stops the others: it is returned as an error beside the results.
    """
    results: list[DocumentFigures] = []
    errors: list[InputError] = []
    for item in iter_documents(paths, lang=lang, published=published):
        if isinstance(item, InputError):
            errors.append(item)
            continue
        results.append(DocumentFigures(document=item, figures=extract_document(item, options)))
    return results, errors
