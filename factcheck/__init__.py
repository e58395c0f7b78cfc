"""factcheck: catch figures that do not add up.

Everything the command line does is callable from Python: ``factcheck.extract(paths)``
returns the figures of every document; ``factcheck.extract_text(text, lang)`` those of
one string. Imports are lazy so that the command line starts fast.
"""

from __future__ import annotations

from typing import Any

__all__ = ["extract", "extract_text"]
__version__ = "0.1.0"


def __getattr__(name: str) -> Any:
    if name == "extract":
        from factcheck.api import extract_paths

        return extract_paths
    if name == "extract_text":
        from factcheck.extract import extract_text

        return extract_text
    raise AttributeError(name)
