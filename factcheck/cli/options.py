"""What the commands share: the choices their options take, dates, and the outputs."""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Iterable, Iterator
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from factcheck.errors import OutputError
from factcheck.escaping import one_line
from factcheck.lang import language_codes

if TYPE_CHECKING:
    from factcheck.documents.given import GivenInput

    class LangChoice(StrEnum):
        """``--lang``: ``auto``, or one of the languages (a member each, one per folder of
        factcheck/lang/, found without reading the data so that ``--help`` stays fast)."""

        auto = "auto"
else:
    LangChoice = StrEnum("LangChoice", {"auto": "auto", **{c: c for c in language_codes()}})


class FiguresFormat(StrEnum):
    json = "json"
    jsonl = "jsonl"
    csv = "csv"
    table = "table"
    claims = "claims"


class SchemaName(StrEnum):
    figures = "figures"
    findings = "findings"
    claims = "claims"


class ReportFormat(StrEnum):
    text = "text"
    json = "json"
    markdown = "markdown"
    html = "html"
    sarif = "sarif"
    junit = "junit"
    github = "github"


class Engine(StrEnum):
    local = "local"
    dask = "dask"


class FailOn(StrEnum):
    error = "error"
    warning = "warning"
    info = "info"
    never = "never"


def parse_date(value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date (YYYY-MM-DD)") from None


_SIZE = re.compile(r"(\d+)\s*([kmg]?)(?:i?b)?", re.IGNORECASE)
_UNITS = {"": 1, "k": 1024, "m": 1024**2, "g": 1024**3}
#: ``--max-input-size``: the cap on a file read whole, or on each record of an archive.
MAX_INPUT_SIZE_HELP = ("Largest input read: a file read whole, or each line or row of an "
                       "archive (bytes, or with K, M or G: 64M).")


def parse_size(value: str) -> int:
    """A size in bytes from ``123``, ``64M``, ``64MiB``, ``1G`` (K, M, G are powers of 1024)."""
    match = _SIZE.fullmatch(value.strip())
    if match is None or int(match.group(1)) == 0:
        raise typer.BadParameter(f"{value!r} is not a size (bytes, or with K, M or G: 64M)")
    return int(match.group(1)) * _UNITS[match.group(2).lower()]


def parse_also(values: list[str] | None) -> list[tuple[ReportFormat, Path]]:
    """The extra reports of ``--also FORMAT=PATH`` (``sarif=factcheck.sarif``), in order."""
    extras: list[tuple[ReportFormat, Path]] = []
    for value in values or []:
        name, equals, path = value.partition("=")
        if not equals or not path or name not in ReportFormat.__members__:
            formats = "|".join(ReportFormat)
            raise typer.BadParameter(f"{one_line(value)!r} is not FORMAT=PATH with FORMAT one "
                                     f"of {formats} (sarif=factcheck.sarif)",
                                     param_hint="--also")
        extras.append((ReportFormat(name), Path(path)))
    return extras


class LocaleChoice(StrEnum):
    """``--locale``: the language of the messages (``factcheck.i18n.LOCALES``)."""

    en = "en"
    fr = "fr"
    id = "id"


LocaleOption = Annotated[LocaleChoice, typer.Option(
    help="Language of the messages and report labels; codes and fields stay as they are.")]


StdinFilename = Annotated[str | None, typer.Option(
    "--stdin-filename", help="The name of standard input (the path -): its suffix says its "
                             "format (draft.docx, claims/x.yaml), and findings name it.")]


def with_stdin(paths: list[Path] | None, stdin_filename: str | None, max_size: int
               ) -> list[Path | str | GivenInput]:
    """``paths`` with ``-`` read from standard input; ``--stdin-filename`` alone reads it
    too, and beside paths without ``-`` is a usage error."""
    from factcheck.documents.given import STDIN
    from factcheck.documents.given import with_stdin as read_with_stdin

    given = paths or []
    if stdin_filename is not None and given and not any(str(p) == STDIN for p in given):
        raise typer.BadParameter("--stdin-filename names standard input: pass - among the "
                                 "paths (or no path)")
    return read_with_stdin(given, stdin_filename, max_size)


def check_output(path: Path | None, option: str) -> None:
    """Refuse, before any work starts, an output file that cannot be written: a folder,
    or a place under a file or a folder this process may not write in."""
    if path is None:
        return
    shown = one_line(str(path))
    if path.is_dir():
        raise OutputError(f"cannot write {option} {shown}: it is a directory")
    folder = path.parent
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent  # the first folder that exists; the rest is created
    if not folder.is_dir():
        raise OutputError(f"cannot write {option} {shown}: {one_line(str(folder))} is not a "
                          "directory")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise OutputError(f"cannot write {option} {shown}: {one_line(str(folder))} is not "
                          "writable")


def write_output(text: str | Iterable[str], output: Path | None, option: str = "--output"
                 ) -> None:
    """``text`` (or its pieces, written as they come) to ``output`` or standard output.
    A file that cannot be written is an ``OutputError`` naming it; an error while the
    pieces are made is raised as it is."""
    if output is None:
        sys.stdout.writelines([text] if isinstance(text, str) else text)
        return
    from factcheck.report.files import write_atomic

    made: list[Exception] = []

    def pieces() -> Iterator[str]:
        try:
            yield from [text] if isinstance(text, str) else text
        except Exception as error:
            made.append(error)
            raise

    try:
        write_atomic(output, pieces())
    except OSError as error:
        if made:
            raise
        raise OutputError(f"cannot write {option} {one_line(str(output))}: "
                          f"{error.strerror or error}") from None
