"""Language knowledge: every word, symbol and table the stages read, as validated data.

``factcheck/lang/<code>/`` holds one language (its code is the folder's name, and
``language.yaml`` in it is what makes the folder a language); ``factcheck/lang/common/``
holds the tables all languages share (currencies, unit symbols, claims-drafting entities).
:mod:`factcheck.lang.loader` is the only code that opens these files: each is read once per
process, when first needed, and validated against the schema of its kind
(``schema_*.py``); a malformed file is a ``ConfigError`` naming the file, line and field.

Adding a language is adding a folder with the files of ``loader.LANGUAGE_FILES``; its
``number_words.yaml`` names one of the two number grammars in code (``text2num`` for the
languages that library reads, ``indonesian``).

This module only finds the folders, without reading them, so that the command line can
offer the languages as choices without loading pydantic (``--help`` stays fast); the
loader orders them by the ``list_order`` of their ``language.yaml``.
"""

from __future__ import annotations

from pathlib import Path

__all__ = ["ABOUT", "COMMON", "PACKAGE_ROOT", "language_codes"]

PACKAGE_ROOT = Path(__file__).resolve().parent
"""The language data shipped with factcheck: ``factcheck/lang/``."""

ABOUT = "language.yaml"
"""The file whose presence makes a folder a language."""

COMMON = "common"
"""The folder of the language-independent tables."""


def language_codes(root: Path = PACKAGE_ROOT) -> tuple[str, ...]:
    """The codes of the language folders under ``root``, in name order (unread: the
    loader's ``languages()`` gives them validated, in their ``list_order``)."""
    try:
        return tuple(sorted(p.name for p in root.iterdir() if (p / ABOUT).is_file()))
    except OSError:
        return ()
