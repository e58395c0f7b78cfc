"""The `serve` command: the editor's desk, a local web page (see docs/desk.md)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from factcheck.cli.exits import BAD_INPUT
from factcheck.cli.options import parse_size

DESK_MODULES = ("starlette", "uvicorn", "multipart")


def serve_command(
    host: Annotated[str, typer.Option(
        help="Address to listen on: this machine alone by default; any other is reachable "
             "by others, without authentication (a warning says so).")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.", min=1, max=65535)] = 8765,
    max_request_size: Annotated[str, typer.Option(
        help="Largest request read (bytes, or with K, M or G); larger ones get 413.")] = "10M",
    rules: Annotated[Path | None, typer.Option(help="Rule pack (YAML).", readable=False)] = (
        None),
    rates: Annotated[Path | None, typer.Option(help="Rate table CSV (date,base,quote,rate).",
                                               readable=False)] = None,
    workers: Annotated[int, typer.Option(help="Worker processes.", min=1, max=64)] = 1,
) -> None:
    """Serve the editor's desk: paste or upload a draft, see its findings beside the text,
    accept the corrections, take the corrected draft back (and a JSON API)."""
    from importlib.util import find_spec

    missing = [name for name in DESK_MODULES if find_spec(name) is None]
    if missing:
        verb = "is" if len(missing) == 1 else "are"
        typer.echo(f"error: factcheck serve needs {', '.join(missing)}, which {verb} not "
                   "installed: pip install 'factcheck[desk]'", err=True)
        raise typer.Exit(BAD_INPUT)
    from factcheck.desk.server import serve
    from factcheck.desk.work import DeskSettings
    from factcheck.engine.settings import settings

    settings(rules, rates)  # a bad pack or rate table is refused before the server starts
    desk = DeskSettings(str(rules) if rules else None, str(rates) if rates else None,
                        parse_size(max_request_size))
    serve(desk, host, port, workers)
