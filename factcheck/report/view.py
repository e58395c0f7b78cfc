"""What the HTML and Markdown reports show, laid out: an article's paragraphs and sentences
with its figures marked by status, and each finding placed beside the paragraph it is about.

Figure statuses (has a finding, fine, not checked) are defined in
:mod:`factcheck.report.status`. Paragraphs are split at blank lines (at every line break
in a text without blank lines); sentences come from
:func:`factcheck.extract.sentences.sentence_spans`. A paragraph is a heading where the
document says so (``Document.headings``: a Markdown heading, whose hashes the text has
dropped; an HTML ``h1``-``h6``) or where a plain text starts it with hashes and a space
("# Title"). Findings are numbered per document in the engine's order.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from factcheck.extract.sentences import sentence_spans
from factcheck.i18n import SOURCE_LOCALE
from factcheck.model import SEVERITY_RANK, DocumentFigures, Figure, Finding, PositionMap
from factcheck.report.explain import explain
from factcheck.report.status import STATUSES, Status, figure_names, statuses, title

_BLANK = re.compile(r"\n[ \t\r]*\n\s*")
_LINE = re.compile(r"\n\s*")
_HASHES = re.compile(r"(#{1,6})(?:[ \t]|$)", re.M)


def slug(text: str) -> str:
    """``text`` reduced to characters safe in an HTML id and a CSS selector."""
    return re.sub(r"[^A-Za-z0-9_-]", "-", text)


@dataclass(frozen=True)
class FindingView:
    finding: Finding
    number: int
    anchor: str
    rows: list[tuple[str, str]]
    original: str | None = None  # text of the figure the suggestion corrects
    figure_anchor: str | None = None


@dataclass(frozen=True)
class Mark:
    figure: Figure
    anchor: str
    status: Status
    severity: str | None
    numbers: tuple[int, ...]
    title: str


@dataclass(frozen=True)
class Piece:
    text: str
    mark: Mark | None = None


@dataclass
class Sentence:
    pieces: list[Piece]
    tail: str = ""  # the whitespace after it, written after its finding numbers
    numbers: list[int] = field(default_factory=list)
    severity: str | None = None


@dataclass
class Paragraph:
    line: int
    sentences: list[Sentence]
    findings: list[FindingView] = field(default_factory=list)
    heading: int = 0  # its level (1-6) when it is a heading


@dataclass
class DocView:
    result: DocumentFigures
    anchor: str
    paragraphs: list[Paragraph]
    marks: list[Mark]
    findings: list[FindingView]
    loose: list[FindingView]  # findings no paragraph could be found for

    def status_counts(self) -> dict[str, int]:
        return {s: sum(1 for m in self.marks if m.status == s) for s in STATUSES}


def worst(severities: Sequence[str]) -> str | None:
    return max(severities, key=lambda s: SEVERITY_RANK[s]) if severities else None


def _paragraph_spans(text: str) -> list[tuple[int, int]]:
    splitter = _BLANK if _BLANK.search(text) else _LINE
    spans, start = [], 0
    for m in splitter.finditer(text):
        spans.append((start, m.start()))
        start = m.end()
    spans.append((start, len(text)))
    return [(s, e) for s, e in spans if text[s:e].strip()]


def _sentences(text: str, start: int, end: int, figures: Sequence[Figure]) -> list[tuple[int,
                                                                                      int]]:
    """Sentence spans inside [start, end), joined where a figure straddles a boundary or a
    line break split a sentence before a lower-case word."""
    cuts = [(max(s, start), min(e, end)) for s, e in sentence_spans(text[start:end])
            for s, e in [(s + start, e + start)]]
    out: list[tuple[int, int]] = []
    for s, e in cuts:
        if s >= e:
            continue
        straddled = any(f.start < s < f.end for f in figures)
        lower = text[s:s + 1].islower() and "\n" in text[max(start, s - 2):s]
        if out and (straddled or lower):
            out[-1] = (out[-1][0], e)
        else:
            out.append((s, e))
    return out


def _sentence_views(text: str, p_start: int, p_end: int, inside: Sequence[Figure],
                    mark_of: dict[str, Mark]) -> list[tuple[tuple[int, int], Sentence]]:
    """The sentences of one paragraph, cut into plain text and marked figures."""
    out = []
    for s, e in _sentences(text, p_start, p_end, inside):
        pieces, cursor = [], s
        for f in inside:
            if s <= f.start < e and f.start >= cursor:
                pieces += [Piece(text[cursor:f.start]), Piece(text[f.start:f.end],
                                                              mark_of[f.id])]
                cursor = f.end
        rest = text[cursor:e]
        body = rest.rstrip()
        pieces.append(Piece(body))
        out.append(((s, e), Sentence([p for p in pieces if p.text], tail=rest[len(body):])))
    return out


def document_view(index: int, result: DocumentFigures, findings: Sequence[Finding],
                  locale: str = SOURCE_LOCALE) -> DocView:
    """The page's view of one document and the findings about it (in the engine's order),
    its arithmetic and readings in ``locale``."""
    doc, figures = result.document, result.figures
    anchor = f"doc-{index}"
    status = statuses(figures, findings)
    names = figure_names(figures)
    by_id = {f.id: f for f in figures}
    views: list[FindingView] = []
    anchored: dict[int, str] = {}  # finding number -> anchor figure id
    for n, finding in enumerate(findings, 1):
        named = [by_id[i] for i in finding.figures if i in by_id]
        at = next((f for f in named if (f.line, f.column) == (finding.line, finding.column)),
                  named[-1] if named else None)
        unit = (at.currency or at.unit or "") if at else ""
        views.append(FindingView(
            finding, n, f"{anchor}-finding-{n}", explain(finding, names, unit, locale),
            original=at.text if at and finding.suggestion else None,
            figure_anchor=f"{anchor}-{slug(at.id)}" if at else None))
        if at is not None:
            anchored[n] = at.id
    marks = []
    mark_of: dict[str, Mark] = {}
    for f in figures:
        numbers = tuple(v.number for v in views if f.id in v.finding.figures)
        severities = [v.finding.severity for v in views if f.id in v.finding.figures]
        codes = sorted({v.finding.code for v in views if f.id in v.finding.figures})
        mark = Mark(f, f"{anchor}-{slug(f.id)}", status[f.id], worst(severities), numbers,
                    title(f, status[f.id], codes, locale))
        marks.append(mark)
        mark_of[f.id] = mark
    positions = PositionMap(doc)
    headings = dict(doc.headings)
    paragraphs: list[tuple[int, int, Paragraph]] = []
    for p_start, p_end in _paragraph_spans(doc.text):
        inside = [f for f in figures if p_start <= f.start < p_end]
        sentences = _sentence_views(doc.text, p_start, p_end, inside, mark_of)
        hashes = _HASHES.match(doc.text, p_start, p_end)  # a plain text's "# Title"
        heading = headings.get(p_start, len(hashes.group(1)) if hashes else 0)
        para = Paragraph(positions.position(p_start)[0], [x for _, x in sentences],
                         heading=heading)
        paragraphs.append((p_start, p_end, para))
        for n, fid in anchored.items():
            f = by_id[fid]
            for (s, e), sentence in sentences:
                if s <= f.start < e:
                    sentence.numbers.append(n)
                    sentence.severity = worst([x for x in (sentence.severity,
                                                           views[n - 1].finding.severity) if x])
    loose = _place(views, anchored, by_id, paragraphs, positions)
    return DocView(result, anchor, [p for _, _, p in paragraphs], marks, views, loose)


def _place(views: Sequence[FindingView], anchored: dict[int, str], by_id: dict[str, Figure],
           paragraphs: Sequence[tuple[int, int, Paragraph]], positions: PositionMap
           ) -> list[FindingView]:
    """Put each finding beside the paragraph of its figure (or of its line, when it names
    none); the findings left over."""
    loose = []
    for view in views:
        at = by_id[anchored[view.number]] if view.number in anchored else None
        home = None
        for p_start, _, para in paragraphs:
            if at is not None:
                home = para if p_start <= at.start else home
            elif view.finding.line > 0 and positions.position(p_start) <= (
                    view.finding.line, view.finding.column):
                home = para
        if home is None:
            loose.append(view)
        else:
            home.findings.append(view)
    return loose


def claims_views(index: int, findings: Sequence[Finding], locale: str = SOURCE_LOCALE
                 ) -> list[FindingView]:
    """The findings of a file that is not an article (claims data, an unreadable input)."""
    anchor = f"doc-{index}"
    return [FindingView(f, n, f"{anchor}-finding-{n}", explain(f, locale=locale))
            for n, f in enumerate(findings, 1)]
