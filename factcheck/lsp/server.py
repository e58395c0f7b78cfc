"""The language server: ``factcheck lsp``, over standard input and output (pygls).

- Diagnostics: a buffer is checked when it is opened and saved, and while it is being
  typed in once the typing pauses (``DEBOUNCE`` seconds after the last change; a change
  that comes before the check starts cancels it). Markdown, text and HTML files are
  articles, claims YAML (as the project's globs say) claims data; the project's
  configuration is the one ``factcheck audit`` would use there (``lsp.checking``).
- Code actions: a quick fix for each finding with a certain correction, its exact edit.
- Hover: on a figure, how it was read: value, interval, currency or unit, qualifier,
  period, and the rate a conversion implies.

A configuration that cannot be read is shown once as an error message; the buffer gets no
diagnostics until it is fixed.
"""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

from lsprotocol import types as lsp
from pygls.lsp.server import LanguageServer
from pygls.uris import to_fs_path

from factcheck import __version__
from factcheck.lsp.checking import BufferChecker, Checked
from factcheck.lsp.protocol import Buffer, code_actions, diagnostics, figure_at, hover_text

#: Seconds of quiet after a change before the buffer is checked.
DEBOUNCE = 0.15
#: The suffix an untitled buffer is read as, by its language.
UNTITLED = {"markdown": ".md", "plaintext": ".txt", "html": ".html"}


class FactcheckServer(LanguageServer):
    """The server and what it keeps: the last check of each open buffer."""

    def __init__(self) -> None:
        super().__init__("factcheck", __version__)
        self.checker = BufferChecker()
        self.checked: dict[str, tuple[int | None, Checked]] = {}
        self.pending: dict[str, asyncio.TimerHandle] = {}
        self.told: set[str] = set()

    def path_of(self, uri: str, language: str | None = None) -> Path:
        found = to_fs_path(uri) if uri.startswith("file:") else None
        if found:
            return Path(found)
        folder = self.checker.workspace or Path.cwd()
        return folder / f"untitled{UNTITLED.get(language or '', '.txt')}"

    def check(self, uri: str) -> None:
        """Check the buffer ``uri`` now and publish its diagnostics."""
        self.pending.pop(uri, None)
        document = self.workspace.get_text_document(uri)
        path = self.path_of(uri, document.language_id)
        checked = self.checker.check(path, document.source)
        self.checked[uri] = (document.version, checked)
        if checked.error is not None and checked.error not in self.told:
            self.told.add(checked.error)
            self.window_show_message(lsp.ShowMessageParams(
                lsp.MessageType.Error, f"factcheck: {checked.error}"))
        buffer = Buffer(document.source, document.position_codec)
        self.text_document_publish_diagnostics(lsp.PublishDiagnosticsParams(
            uri=uri, version=document.version, diagnostics=diagnostics(checked, buffer)))

    def later(self, uri: str) -> None:
        """Check ``uri`` once changes have paused for ``DEBOUNCE`` seconds."""
        waiting = self.pending.pop(uri, None)
        if waiting is not None:
            waiting.cancel()
        loop = asyncio.get_running_loop()
        self.pending[uri] = loop.call_later(DEBOUNCE, self.check, uri)

    def current(self, uri: str) -> tuple[Checked, Buffer] | None:
        """The buffer's check, made again if the text changed since."""
        document = self.workspace.get_text_document(uri)
        known = self.checked.get(uri)
        if known is None or known[0] != document.version:
            self.check(uri)
            known = self.checked[uri]
        return known[1], Buffer(document.source, document.position_codec)


def make_server() -> FactcheckServer:
    server = FactcheckServer()

    @server.feature(lsp.INITIALIZED)
    def initialized(ls: FactcheckServer, params: lsp.InitializedParams) -> None:
        folders = ls.workspace.folders
        root = next(iter(folders.values())).uri if folders else ls.workspace.root_uri
        found = to_fs_path(root) if root else None
        ls.checker.workspace = Path(found) if found else None
        ls.checker.warm_up()  # the pack, rates and languages, before the first buffer

    @server.feature(lsp.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: FactcheckServer, params: lsp.DidOpenTextDocumentParams) -> None:
        ls.check(params.text_document.uri)

    @server.feature(lsp.TEXT_DOCUMENT_DID_CHANGE)
    async def did_change(ls: FactcheckServer, params: lsp.DidChangeTextDocumentParams
                         ) -> None:
        ls.later(params.text_document.uri)

    @server.feature(lsp.TEXT_DOCUMENT_DID_SAVE)
    def did_save(ls: FactcheckServer, params: lsp.DidSaveTextDocumentParams) -> None:
        ls.check(params.text_document.uri)

    @server.feature(lsp.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: FactcheckServer, params: lsp.DidCloseTextDocumentParams) -> None:
        uri = params.text_document.uri
        waiting = ls.pending.pop(uri, None)
        if waiting is not None:
            waiting.cancel()
        ls.checked.pop(uri, None)
        ls.text_document_publish_diagnostics(lsp.PublishDiagnosticsParams(uri, []))

    @server.feature(lsp.TEXT_DOCUMENT_CODE_ACTION, lsp.CodeActionOptions(
        code_action_kinds=[lsp.CodeActionKind.QuickFix]))
    def code_action(ls: FactcheckServer, params: lsp.CodeActionParams
                    ) -> list[lsp.CodeAction] | None:
        found = ls.current(params.text_document.uri)
        if found is None:
            return None
        checked, buffer = found
        return code_actions(checked, buffer, params.text_document.uri, params.range) or None

    @server.feature(lsp.TEXT_DOCUMENT_HOVER)
    def hover(ls: FactcheckServer, params: lsp.HoverParams) -> lsp.Hover | None:
        found = ls.current(params.text_document.uri)
        if found is None:
            return None
        checked, buffer = found
        line, column = buffer.from_client(params.position)
        figure = figure_at(checked, buffer, line, column)
        if figure is None:
            return None
        return lsp.Hover(lsp.MarkupContent(lsp.MarkupKind.Markdown,
                                           hover_text(checked, *figure)))

    return server


def serve(**streams: Any) -> None:
    """Run the server over standard input and output until the client exits."""
    make_server().start_io(**streams)
