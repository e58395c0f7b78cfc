"""The `lsp` command: the language server over standard input and output."""

from __future__ import annotations

import typer

from factcheck.cli.exits import BAD_INPUT


def lsp_command() -> None:
    """Run the language server over standard input and output, for editors
    (diagnostics, quick fixes, hover; see docs/editors.md)."""
    from importlib.util import find_spec

    if find_spec("pygls") is None or find_spec("lsprotocol") is None:
        typer.echo("error: factcheck lsp needs pygls, which is not installed: "
                   "pip install 'factcheck[lsp]'", err=True)
        raise typer.Exit(BAD_INPUT)
    from factcheck.lsp.server import serve

    serve()
