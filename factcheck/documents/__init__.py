"""Reading inputs: plain text, Markdown with YAML front matter, HTML, JSON Lines, Parquet.

Every reader returns ``Document`` records whose anchors map text offsets back to the
file's lines and columns. ``lang`` and ``published`` arguments (the CLI's ``--lang`` and
``--published``) override a file's own metadata; without either, the language is
detected from stop words and the publication date is unknown. The formats are the
readers of ``documents.registry`` (which says how to add one); every file is opened
through ``documents.opening``: regular files only, within a size cap.
"""

from __future__ import annotations

from factcheck.documents.files import iter_documents, read_path
from factcheck.documents.htmlpage import read_html
from factcheck.documents.jsonl import read_jsonl
from factcheck.documents.language import detect_language
from factcheck.documents.markdown import read_markdown
from factcheck.documents.opening import MAX_INPUT_SIZE
from factcheck.documents.text import read_text

__all__ = [
    "MAX_INPUT_SIZE",
    "detect_language",
    "iter_documents",
    "read_html",
    "read_jsonl",
    "read_markdown",
    "read_path",
    "read_text",
]
