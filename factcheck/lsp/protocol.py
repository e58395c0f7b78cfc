"""Findings and figures in the language server protocol's terms: diagnostics, quick fixes
and hover text (lsprotocol's types).

Positions: factcheck's lines and columns count from 1, columns in code points; the
protocol's count from 0, characters in the encoding the client asked for (UTF-16 by
default), which pygls' position codec converts. A finding with an end position covers
its figure; a claims record's finding covers the field it corrects, else the record's
first line. A quick fix is the finding's exact edit (a claims record's: its field
rewritten as ``factcheck fix`` would, comments and quoting kept).
"""

from __future__ import annotations

import math

from lsprotocol import types as lsp
from pygls.workspace import PositionCodec

from factcheck.fixes.claims_yaml import field_span, fix_claims_yaml
from factcheck.fixes.plan import RecordEdit
from factcheck.lsp.checking import Checked
from factcheck.model import Figure, Finding, PositionMap

SEVERITIES = {"error": lsp.DiagnosticSeverity.Error, "warning": lsp.DiagnosticSeverity.Warning,
              "info": lsp.DiagnosticSeverity.Information}


class Buffer:
    """A buffer's text, and positions in it between factcheck's and the client's terms."""

    def __init__(self, text: str, codec: PositionCodec) -> None:
        self.text = text
        self.lines = text.splitlines(keepends=True) or [""]
        self.codec = codec
        self._starts = [0]
        for line in self.lines:
            self._starts.append(self._starts[-1] + len(line))

    def position(self, line: int, column: int) -> lsp.Position:
        """The client's position of factcheck's (line, column), clamped into the text."""
        row = min(max(line - 1, 0), len(self.lines) - 1)
        width = len(self.lines[row].rstrip("\r\n"))
        point = lsp.Position(row, min(max(column - 1, 0), width))
        return self.codec.position_to_client_units(self.lines, point)

    def offset_position(self, offset: int) -> lsp.Position:
        row = max(0, min(len(self.lines) - 1, _row(self._starts, offset)))
        return self.position(row + 1, offset - self._starts[row] + 1)

    def from_client(self, position: lsp.Position) -> tuple[int, int]:
        """factcheck's (line, column) of a client's position."""
        found = self.codec.position_from_client_units(self.lines, position)
        return found.line + 1, found.character + 1

    def line_range(self, line: int) -> lsp.Range:
        row = min(max(line - 1, 0), len(self.lines) - 1)
        text = self.lines[row].rstrip("\r\n")
        lead = len(text) - len(text.lstrip())
        return lsp.Range(self.position(row + 1, lead + 1), self.position(row + 1, len(text) + 1))


def _row(starts: list[int], offset: int) -> int:
    from bisect import bisect_right

    return bisect_right(starts, offset) - 1


def finding_range(finding: Finding, buffer: Buffer) -> lsp.Range:
    if finding.end_line is not None and finding.end_column is not None:
        return lsp.Range(buffer.position(finding.line, finding.column),
                         buffer.position(finding.end_line, finding.end_column))
    if finding.record_field is not None:
        span = field_span(buffer.text, finding.line, finding.record_field)
        if span is not None:
            return lsp.Range(buffer.offset_position(span[0]), buffer.offset_position(span[1]))
    return buffer.line_range(finding.line)


def diagnostic(finding: Finding, buffer: Buffer, index: int) -> lsp.Diagnostic:
    message = finding.message
    if finding.suggestion is not None:
        message += f" (suggestion: {finding.suggestion})"
    return lsp.Diagnostic(range=finding_range(finding, buffer), message=message,
                          severity=SEVERITIES[finding.severity], code=finding.code,
                          source="factcheck", data={"index": index})


def diagnostics(checked: Checked, buffer: Buffer) -> list[lsp.Diagnostic]:
    return [diagnostic(f, buffer, i) for i, f in enumerate(checked.findings)]


def _overlaps(a: lsp.Range, b: lsp.Range) -> bool:
    return ((a.start.line, a.start.character) <= (b.end.line, b.end.character)
            and (b.start.line, b.start.character) <= (a.end.line, a.end.character))


def _edit(finding: Finding, buffer: Buffer) -> lsp.TextEdit | None:
    if finding.replacement is not None and finding.end_line is not None:
        return lsp.TextEdit(finding_range(finding, buffer), finding.replacement)
    if finding.record_field is None or finding.suggestion is None:
        return None
    edit = RecordEdit(finding.line, finding.record_field, finding.suggestion, (finding,))
    done = fix_claims_yaml(buffer.text.encode("utf-8", "surrogatepass"), [edit])
    if not done.applied:
        return None
    before, after = done.before, done.after
    head = 0
    while head < min(len(before), len(after)) and before[head] == after[head]:
        head += 1
    tail = 0
    while (tail < min(len(before), len(after)) - head
           and before[-1 - tail] == after[-1 - tail]):
        tail += 1
    return lsp.TextEdit(lsp.Range(buffer.offset_position(head),
                                  buffer.offset_position(len(before) - tail)),
                        after[head:len(after) - tail])


def code_actions(checked: Checked, buffer: Buffer, uri: str, wanted: lsp.Range
                 ) -> list[lsp.CodeAction]:
    """A quick fix for each finding over ``wanted`` that has a certain correction."""
    actions = []
    for index, finding in enumerate(checked.findings):
        edit = _edit(finding, buffer)
        if edit is None or not _overlaps(edit.range, wanted):
            continue
        actions.append(lsp.CodeAction(
            title=f"Replace with {edit.new_text.strip()} ({finding.code})",
            kind=lsp.CodeActionKind.QuickFix, is_preferred=True,
            diagnostics=[diagnostic(finding, buffer, index)],
            edit=lsp.WorkspaceEdit(changes={uri: [edit]})))
    return actions


def _number(value: float) -> str:
    if value == 0 or not math.isfinite(value):
        return f"{value:g}"
    places = max(0, 3 - math.floor(math.log10(abs(value))))
    return f"{value:,.{places}f}"


def _interval(low: float | None, high: float | None) -> str:
    return f"{'−∞' if low is None else _number(low)} – {'∞' if high is None else _number(high)}"


def hover_text(checked: Checked, index: int, figure: Figure) -> str:
    """How a figure was read, in Markdown: its value, interval, currency or unit, period,
    and the rate a conversion implies."""
    unit = " ".join(u for u in (figure.currency, f"per {figure.unit}" if figure.currency
                                and figure.unit else figure.unit) if u)
    lines = [f"**{figure.text}**: {figure.kind}, {_number(figure.value)} {unit}".rstrip(),
             f"- interval: {_interval(figure.low, figure.high)}"]
    if figure.qualifier:
        lines.append(f"- qualifier: {figure.qualifier}")
    if figure.per:
        lines.append(f"- per {figure.per}")
    if figure.period is not None:
        label = figure.period.label or "unresolved"
        lines.append(f"- period: {figure.period.text} ({label})")
    for conversion in checked.context(index).conversions:
        if figure is conversion.source or figure is conversion.converted:
            other = conversion.converted if figure is conversion.source else conversion.source
            lines.append(f"- conversion with {other.text}: implies {_number(conversion.low)}"
                         f" – {_number(conversion.high)} {conversion.quote}/{conversion.base}")
    return "\n".join(lines)


def figure_at(checked: Checked, buffer: Buffer, line: int, column: int
              ) -> tuple[int, Figure] | None:
    """The figure under factcheck's (line, column), with its document's index."""
    for index, (document, figures) in enumerate(checked.documents):
        positions = PositionMap(document)
        for figure in figures:
            if (figure.line, figure.column) <= (line, column) < positions.end(figure.end):
                return index, figure
    return None
