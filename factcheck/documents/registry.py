"""The readers of article files, by suffix: the one place that knows which formats exist.

Every reader is a ``documents.reader.Reader``: it names its suffixes, reads text
(``TextReader``: given the UTF-8 text of the file or of a block) or bytes
(``BytesReader``: given the open file), and says how a large file splits into blocks and
what the size cap bounds. Nothing outside ``documents/`` knows a format: the engine plans
and reads blocks through ``documents.files``.

=============  ==========  =========================================  ===========
format         reads       a large file splits                        cap bounds
=============  ==========  =========================================  ===========
.txt .text     text        never: one block                           the file
.md .markdown  text        never: one block                           the file
.html .htm     text        never: one block                           the file
.jsonl         text        at line starts, blocks of about 256 KB     each line
.parquet       bytes       by row group                               each row
.docx          bytes       never: one block                           the file, and
                                                                      what it unpacks to
.odt           bytes       never: one block                           the same
=============  ==========  =========================================  ===========

A file named on the command line with any other suffix is read as plain text; a directory
walk reads the suffixes above (and, for ``audit``, the claims files of ``claims.loaders``).

Adding a reader is one module and one line:

1. ``factcheck/documents/<format>.py`` defines the reader and an instance ``READER``; a
   binary format subclasses ``BytesReader`` (``docx`` and ``odt`` are short examples: an
   optional library imported when used, its absence an ``InputError`` saying what to
   install)::

       class DocxReader(BytesReader):
           name = "docx"
           suffixes = (".docx",)        # capped = "file": the cap bounds the file

           def read(self, handle, path, block, options, ids):
               draft = open_draft(handle, path, options.max_size)
               return [draft_document(path, draft.paragraphs, ...)], []

   A format whose file is one document built from its text needs no class:
   ``READER = WholeDocument("name", (".ext",), read_ext)``. A record archive overrides
   ``splits`` and ``blocks`` (see ``jsonl`` and ``parquet``) and checks each record
   against ``options.max_size``.
2. Its ``READER`` is added to ``READERS`` below.

Then tests in ``tests/documents/`` and a line in the README's inputs list.
"""

from __future__ import annotations

from pathlib import Path

from factcheck.documents import docx, htmlpage, jsonl, markdown, odt, parquet, text
from factcheck.documents.reader import Reader

READERS: tuple[Reader, ...] = (
    text.READER, markdown.READER, htmlpage.READER, jsonl.READER, parquet.READER,
    docx.READER, odt.READER,
)
#: A file named explicitly whose suffix no reader takes is read as plain text.
FALLBACK: Reader = text.READER

_BY_SUFFIX = {suffix: reader for reader in READERS for suffix in reader.suffixes}
#: The suffixes a directory walk reads.
SUFFIXES = frozenset(_BY_SUFFIX)


def reader_for(path: Path | str) -> Reader:
    """The reader of a file, by its suffix (case-insensitive)."""
    return _BY_SUFFIX.get(Path(path).suffix.lower(), FALLBACK)
