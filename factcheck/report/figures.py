"""Figures out: the `extract` JSON contract, JSON Lines, CSV, claims drafts and a table.

The contract (DESIGN.md): ``{"version": 1, "documents": [{"path", "lang", "published",
"figures": [{"id", "text", "start", "end", "line", "column", "kind", "value", "low",
"high", "currency", "unit", "per", "qualifier", "period", "equivalent_of"}]}]}``, and
``currency_source`` and ``currency_candidates`` where they are set.
Reporters only format; every number here was computed upstream. The table is for people:
in another locale than English its headings and words (kind, unit of time, tense) are in
that language and its values written as the locale writes numbers; the other formats are
for tools and the same in every locale.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator, Sequence
from datetime import date
from typing import Any

from pydantic import BaseModel, ConfigDict

from factcheck.errors import InputError
from factcheck.escaping import json_safe, one_line, visible_controls
from factcheck.i18n import N_, SOURCE_LOCALE, translations
from factcheck.i18n.formats import format_significant
from factcheck.i18n.messages import localised_message
from factcheck.model import (
    OPTIONAL_FIGURE_FIELDS,
    DocumentFigures,
    Figure,
    FigureContract,
    Lang,
)
from factcheck.report.spool import SortedSpool

FORMATS = ("json", "jsonl", "csv", "table", "claims")


class FigureRecord(FigureContract):
    """One figure as the JSON contract writes it."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class DocumentRecord(BaseModel):
    model_config = ConfigDict(extra="forbid")

    path: str
    lang: Lang
    published: date | None
    figures: list[FigureRecord]


class FiguresOutput(BaseModel):
    """The whole output of ``factcheck extract --format json``."""

    model_config = ConfigDict(extra="forbid")

    version: int = 1
    documents: list[DocumentRecord]


def _record(figure: Figure) -> FigureRecord:
    return FigureRecord(**{k: getattr(figure, k) for k in FigureContract.model_fields})


def to_output(results: Iterable[DocumentFigures]) -> FiguresOutput:
    ordered = sorted(results, key=lambda r: r.document.path)
    return FiguresOutput(documents=[_document(r) for r in ordered])


def _document(result: DocumentFigures) -> DocumentRecord:
    return DocumentRecord(path=result.document.path, lang=result.document.lang,
                          published=result.document.published,
                          figures=[_record(f) for f in result.figures])


def _contract(document: DocumentRecord) -> dict[str, Any]:
    """A document as the contract writes it: the optional figure fields only when set."""
    data = document.model_dump(mode="json")
    for figure in data["figures"]:
        for key in OPTIONAL_FIGURE_FIELDS:
            if figure[key] is None:
                del figure[key]
    return data


def input_warning(error: InputError, locale: str = SOURCE_LOCALE) -> str:
    """The line that says an input could not be read (``error: path:line: message``), in
    ``locale`` (its message as IN001 shows it there)."""
    message = localised_message("IN001", error.message, locale)
    shown = InputError(message, path=error.path, line=error.line, field=error.field)
    return translations(locale).gettext("error: {error}").format(error=shown)


def render(results: Iterable[DocumentFigures], fmt: str, locale: str = SOURCE_LOCALE) -> str:
    """The figures of several documents in one of ``FORMATS``."""
    return "".join(render_chunks(results, fmt, locale))


def render_chunks(results: Iterable[DocumentFigures], fmt: str, locale: str = SOURCE_LOCALE
                  ) -> Iterator[str]:
    """``render`` in pieces: each document is formatted as it comes and spooled
    (``report.spool``), then the pieces are written in path order, so that a run holds
    one document's figures at a time, not all of them. The table, which sizes its columns
    over every row, holds its rows."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    if fmt == "table":
        ordered = sorted(results, key=lambda r: r.document.path)
        yield _table([row for result in ordered for row in _rows(result)], locale)
        return
    spool = SortedSpool()
    for result in results:
        spool.add(result.document.path, _piece(result, fmt))
    pieces = spool.pieces()
    if fmt == "json":
        yield from _json_frame(pieces)
        return
    if fmt == "csv":
        yield _csv_line(COLUMNS)
    yield from pieces


def _piece(result: DocumentFigures, fmt: str) -> str:
    """One document in ``fmt``; text from the input has its control characters escaped
    as each format allows (:mod:`factcheck.escaping`)."""
    if fmt in ("json", "jsonl"):
        data = _contract(_document(result))
        if fmt == "jsonl":
            return json_safe(json.dumps(data, ensure_ascii=False, allow_nan=False)) + "\n"
        text = json.dumps(data, ensure_ascii=False, allow_nan=False, indent=2)
        return "    " + json_safe(text).replace("\n", "\n    ")
    if fmt == "csv":
        return "".join(_csv_line([row[c] for c in COLUMNS]) for row in _rows(result))
    return _claims(result)


def _json_frame(pieces: Iterator[str]) -> Iterator[str]:
    """The ``FiguresOutput`` JSON around the documents' pieces, as ``json.dumps`` of the
    whole with ``indent=2`` writes it."""
    first = next(pieces, None)
    if first is None:
        yield '{\n  "version": 1,\n  "documents": []\n}\n'
        return
    yield '{\n  "version": 1,\n  "documents": [\n' + first
    for piece in pieces:
        yield ",\n" + piece
    yield "\n  ]\n}\n"


def _claims(result: DocumentFigures) -> str:
    """The draft claims records of one document as YAML; a document whose text holds a
    control character YAML would write raw (a bidirectional override) is written with
    every non-ASCII character escaped."""
    import yaml

    from factcheck.claims.drafts import draft_records

    records = draft_records(result)
    if not records:
        return ""
    text = yaml.safe_dump(records, allow_unicode=True, sort_keys=False)
    if json_safe(text) != text:
        text = yaml.safe_dump(records, allow_unicode=False, sort_keys=False)
    return text


def _rows(result: DocumentFigures) -> list[dict[str, Any]]:
    rows = []
    doc = result.document
    for f in result.figures:
        row: dict[str, Any] = {"path": doc.path, "lang": doc.lang,
                               "published": doc.published.isoformat()
                               if doc.published else None}
        row.update(_record(f).model_dump(mode="json", exclude={"period"}))
        row["period"] = f.period.label if f.period else None
        row["period_text"] = f.period.text if f.period else None
        row["tense"] = f.tense
        candidates = f.currency_candidates
        row["currency_candidates"] = " ".join(candidates) if candidates else None
        rows.append(row)
    return rows


COLUMNS = ["path", "lang", "published",
           *(f for f in FigureRecord.model_fields if f not in OPTIONAL_FIGURE_FIELDS),
           "period_text", "tense", *OPTIONAL_FIGURE_FIELDS]


def _csv_line(cells: Sequence[object]) -> str:
    """One CSV row: numbers as Python writes them, None empty, text with its control
    characters but line breaks and tab escaped, quoted where it must be."""
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerow(
        ["" if cell is None else visible_controls(cell) if isinstance(cell, str)
         else repr(cell) if isinstance(cell, float) else str(cell) for cell in cells])
    return buffer.getvalue()


#: The table's headings, for the catalogs.
TABLE_COLUMNS = (N_("where"), N_("text"), N_("kind"), N_("value"), N_("currency/unit"),
                 N_("per"), N_("qualifier"), N_("period"), "≡", N_("tense"))


def _table(rows: list[dict[str, Any]], locale: str = SOURCE_LOCALE) -> str:
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    gettext = translations(locale).gettext
    table = Table(title=gettext("figures"))
    for column in TABLE_COLUMNS:
        table.add_column(gettext(column))
    for r in rows:
        words = [gettext(r[k]) if r[k] else r[k] for k in ("kind", "per", "tense")]
        cells = (
            f"{r['path']}:{r['line']}:{r['column']}", r["text"], words[0],
            format_significant(r["value"], locale),
            " per ".join(x for x in (r["currency"], r["unit"]) if x),
            words[1], r["qualifier"], r["period"], r["equivalent_of"], words[2],
        )
        table.add_row(*(Text(one_line(str(c)) if c is not None else "") for c in cells))
    console = Console(file=io.StringIO(), width=160, color_system=None)
    console.print(table)
    out = console.file.getvalue()  # type: ignore[attr-defined]
    return str(out)
