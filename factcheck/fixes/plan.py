"""Which findings can be fixed, and how: the exact edits of an audit, by file.

A finding is fixed only when its correction is certain and unambiguous:

- in a text file (.txt, .md, .html) or a draft (.docx, .odt) it carries its exact edit
  (``replacement`` with ``end_line``/``end_column``: one suggested figure, in the article's
  own number style; ``analyse.edits``) and its span still holds its figure's text;
- in a claims YAML file it names the record's field its suggestion replaces whole
  (``record_field``);
- no other finding asks for a different text over an overlapping span (two checks that
  disagree about one figure leave it to a person).

Everything else (a hint such as AR004's, a JSON Lines record, a Parquet row, a claims JSON
or CSV file) stays a finding to fix by hand.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import PurePath

from factcheck.model import AuditResult, DocumentFigures, Figure, Finding

#: The formats whose files are fixed in place, and those fixed in a copy beside them.
IN_PLACE = frozenset({".txt", ".text", ".md", ".markdown", ".html", ".htm"})
COPIED = frozenset({".docx", ".odt"})
CLAIMS = frozenset({".yaml", ".yml"})


@dataclass(frozen=True)
class Edit:
    """Replace the text from (``line``, ``column``) to (``end_line``, ``end_column``), which
    must be ``original``, with ``replacement`` (1-based, columns in code points; in a draft
    the line is the paragraph's number)."""

    line: int
    column: int
    end_line: int
    end_column: int
    original: str
    replacement: str
    findings: tuple[Finding, ...]


@dataclass(frozen=True)
class RecordEdit:
    """Replace the ``field`` of the claims record whose first key is on ``line`` with
    ``replacement``."""

    line: int
    field: str
    replacement: str
    findings: tuple[Finding, ...]


def kind_of(path: str) -> str | None:
    """"in place", "copy" or "claims" for a file that can be fixed, else None."""
    suffix = PurePath(path).suffix.lower()
    if suffix in IN_PLACE:
        return "in place"
    if suffix in COPIED:
        return "copy"
    return "claims" if suffix in CLAIMS else None


def _anchored(finding: Finding, document: DocumentFigures | None) -> Figure | None:
    if document is None:
        return None
    for figure in document.figures:
        if figure.id in finding.figures and (figure.line, figure.column) == (
                finding.line, finding.column):
            return figure
    return None


def _text_edit(finding: Finding, document: DocumentFigures | None) -> Edit | None:
    figure = _anchored(finding, document)
    if (finding.replacement is None or finding.end_line is None or finding.end_column is None
            or figure is None):
        return None
    return Edit(finding.line, finding.column, finding.end_line, finding.end_column,
                figure.text, finding.replacement, (finding,))


def _without_conflicts(edits: list[Edit]) -> list[Edit]:
    """One edit per span (findings asking for the same text merged); edits whose spans
    overlap another's that asks for something else are dropped, both of them."""
    merged: dict[tuple[int, int, int, int, str], Edit] = {}
    for edit in edits:
        key = (edit.line, edit.column, edit.end_line, edit.end_column, edit.replacement)
        if key in merged:
            edit = Edit(*key[:4], edit.original, edit.replacement,
                        merged[key].findings + edit.findings)
        merged[key] = edit
    spans = sorted(merged.values(), key=lambda e: (e.line, e.column, e.end_line, e.end_column))
    clash: set[int] = set()
    for i, edit in enumerate(spans):
        for j in range(i + 1, len(spans)):
            other = spans[j]
            if (other.line, other.column) >= (edit.end_line, edit.end_column):
                break
            clash.update((i, j))
    return [edit for i, edit in enumerate(spans) if i not in clash]


def _record_edits(findings: Iterable[Finding]) -> list[RecordEdit]:
    wanted: dict[tuple[int, str], set[str]] = defaultdict(set)
    found: dict[tuple[int, str], list[Finding]] = defaultdict(list)
    for finding in findings:
        if finding.record_field is not None and finding.suggestion is not None:
            wanted[finding.line, finding.record_field].add(finding.suggestion)
            found[finding.line, finding.record_field].append(finding)
    return [RecordEdit(line, field, next(iter(texts)), tuple(found[line, field]))
            for (line, field), texts in sorted(wanted.items()) if len(texts) == 1]


def planned_edits(result: AuditResult) -> dict[str, list[Edit] | list[RecordEdit]]:
    """The edits of each file that can be fixed, by path, in file order."""
    documents = {d.document.path: d for d in result.documents}
    by_path: dict[str, list[Finding]] = defaultdict(list)
    for finding in result.findings:
        by_path[finding.path].append(finding)
    out: dict[str, list[Edit] | list[RecordEdit]] = {}
    for path, findings in sorted(by_path.items()):
        kind = kind_of(path)
        if kind == "claims":
            records = _record_edits(findings)
            if records:
                out[path] = records
        elif kind is not None:
            edits = [e for f in findings if (e := _text_edit(f, documents.get(path)))]
            kept = _without_conflicts(edits)
            if kept:
                out[path] = kept
    return out


def fixed_by(edits: Sequence[Edit | RecordEdit]) -> list[Finding]:
    """The findings the ``edits`` fix."""
    return [finding for edit in edits for finding in edit.findings]
