"""`factcheck lsp` driven over stdio by a real LSP client (pytest-lsp): diagnostics on
open and change, quick fixes from the exact edits, hover on a figure."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
import pytest_lsp
from lsprotocol import types as lsp
from pytest_lsp import ClientServerConfig, LanguageClient

# One line starts with a character outside the BMP (two UTF-16 units), so the positions
# the server sends are the client's, not code points.
ARTICLE = ("# Laporan\n\n"
           "Kerugian mereka US$ 5 miliar (sekitar Rp 81 triliun), belanja modal US$ 7 miliar "
           "(sekitar Rp 114 triliun).\n\n"
           "Aset US$ 80 miliar (sekitar Rp 1.303 triliun).\n\n"
           "📈 Utang US$ 4 miliar (sekitar Rp 64 triliun) pada akhir tahun.\n")
CLAIMS = """records:  # one source's records
  - id: acme-debt
    source: {name: example.org}
    published: 2024-07-30
    lang: id
    subject: Acme
    metric: debt
    period: "2024"
    kind: actual
    value: US$ 4 miliar
    equivalent: "sekitar Rp 64 triliun"   # as printed
  - id: acme-assets
    source: {name: example.org}
    published: 2024-07-30
    lang: id
    subject: Acme
    metric: assets
    period: "2024"
    kind: actual
    value: US$ 80 miliar
    equivalent: sekitar Rp 1.303 triliun
  - id: acme-capex
    source: {name: example.org}
    published: 2024-07-30
    lang: id
    subject: Acme
    metric: capex
    period: "2024"
    kind: actual
    value: US$ 7 miliar
    equivalent: sekitar Rp 114 triliun
"""


@pytest_lsp.fixture(config=ClientServerConfig(
    server_command=[sys.executable, "-m", "factcheck", "lsp"]))
async def client(lsp_client: LanguageClient, tmp_path: Path):  # type: ignore[no-untyped-def]
    (tmp_path / "claims").mkdir()
    await lsp_client.initialize_session(lsp.InitializeParams(
        capabilities=lsp.ClientCapabilities(),
        workspace_folders=[lsp.WorkspaceFolder(tmp_path.as_uri(), "drafts")]))
    yield
    await lsp_client.shutdown_session()


async def _open(client: LanguageClient, uri: str, text: str, language: str
                ) -> list[lsp.Diagnostic]:
    client.text_document_did_open(lsp.DidOpenTextDocumentParams(
        lsp.TextDocumentItem(uri=uri, language_id=language, version=1, text=text)))
    await client.wait_for_notification(lsp.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    return list(client.diagnostics[uri])



@pytest.mark.asyncio
async def test_a_draft_gets_its_diagnostic_quick_fix_and_hover(
        client: LanguageClient, tmp_path: Path) -> None:
    uri = (tmp_path / "draft.md").as_uri()
    found = await _open(client, uri, ARTICLE, "markdown")
    (odd,) = [d for d in found if d.code == "FX001"]
    line = ARTICLE.split("\n").index(next(x for x in ARTICLE.split("\n") if "Utang" in x))
    text = ARTICLE.split("\n")[line]
    utf16 = len(text[:text.index("Rp 64")].encode("utf-16-le")) // 2
    assert odd.range == lsp.Range(lsp.Position(line, utf16),
                                  lsp.Position(line, utf16 + len("Rp 64 triliun")))
    assert odd.severity == lsp.DiagnosticSeverity.Warning and odd.source == "factcheck"
    assert "suggestion: Rp 65 triliun" in odd.message

    actions = await client.text_document_code_action_async(lsp.CodeActionParams(
        lsp.TextDocumentIdentifier(uri), odd.range, lsp.CodeActionContext([odd])))
    assert actions is not None
    (action,) = [a for a in actions if isinstance(a, lsp.CodeAction)]
    assert action.kind == lsp.CodeActionKind.QuickFix
    assert action.edit is not None and action.edit.changes == {
        uri: (lsp.TextEdit(odd.range, "Rp 65 triliun"),)}

    hover = await client.text_document_hover_async(lsp.HoverParams(
        lsp.TextDocumentIdentifier(uri), lsp.Position(line, utf16 + 3)))
    assert hover is not None and isinstance(hover.contents, lsp.MarkupContent)
    shown = hover.contents.value
    assert shown.startswith("**Rp 64 triliun**: money, 64,000,000,000,000 IDR")
    assert "- qualifier: about" in shown and "implies 15,875 – 16,250 IDR/USD" in shown

    fixed = ARTICLE.replace("Rp 64 triliun", "Rp 65 triliun")
    client.text_document_did_change(lsp.DidChangeTextDocumentParams(
        lsp.VersionedTextDocumentIdentifier(uri=uri, version=2),
        [lsp.TextDocumentContentChangeWholeDocument(text=fixed)]))
    await client.wait_for_notification(lsp.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    assert [d.code for d in client.diagnostics[uri] if d.code == "FX001"] == []


@pytest.mark.asyncio
async def test_claims_yaml_gets_its_field_fixed_and_other_yaml_nothing(
        client: LanguageClient, tmp_path: Path) -> None:
    uri = (tmp_path / "claims" / "acme.yaml").as_uri()
    found = await _open(client, uri, CLAIMS, "yaml")
    (odd,) = [d for d in found if d.code == "FX001"]
    row = CLAIMS.split("\n").index('    equivalent: "sekitar Rp 64 triliun"   # as printed')
    start = len('    equivalent: ')
    assert odd.range == lsp.Range(lsp.Position(row, start),
                                  lsp.Position(row, start + len('"sekitar Rp 64 triliun"')))
    actions = await client.text_document_code_action_async(lsp.CodeActionParams(
        lsp.TextDocumentIdentifier(uri), odd.range, lsp.CodeActionContext([odd])))
    assert actions is not None
    (action,) = actions
    assert isinstance(action, lsp.CodeAction) and action.edit is not None
    (edit,) = action.edit.changes[uri]  # type: ignore[index]
    lines = CLAIMS.split("\n")
    fixed = lines[edit.range.start.line][:edit.range.start.character] + edit.new_text + (
        lines[edit.range.end.line][edit.range.end.character:])
    assert fixed == '    equivalent: "sekitar Rp 65 triliun"   # as printed'

    workflow = (tmp_path / "ci.yaml").as_uri()
    assert await _open(client, workflow, "on: push\njobs: {}\n", "yaml") == []
