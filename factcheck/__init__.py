"""factcheck: catch figures that do not add up.

Everything the command line does is callable from Python:

- ``factcheck.extract(paths)``: the figures of every document, and the unreadable inputs;
  ``factcheck.extract_text(text, lang)``: those of one string;
- ``factcheck.audit(paths)``: the findings (an ``AuditResult``);
  ``factcheck.audit_text(text, lang)``: those of one string;
- ``factcheck.fix(paths)``: the certain corrections applied (a ``FixResult``; with
  ``write=False`` only their diffs);
- ``factcheck.rate(base, quote, on)``, ``factcheck.convert(text, to, on, lang)`` and
  ``factcheck.date_rates(paths)``: reference rates, conversions at them, and the periods
  whose rates fit an article's conversions.

Bad input raises an error of ``factcheck.errors.FactcheckError``'s family. Imports are
lazy so that the command line starts fast.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from types import ModuleType
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from datetime import date
    from pathlib import Path

    from factcheck.errors import InputError
    from factcheck.extract.intervals import ExtractOptions
    from factcheck.model import DocumentFigures, Lang

__all__ = ["audit", "audit_text", "convert", "date_rates", "extract", "extract_text", "fix",
           "rate"]
__version__ = "0.1.0"

#: Where each lazily imported name of the API lives.
_LAZY = {
    "audit": "factcheck.api", "audit_text": "factcheck.api",
    "extract_text": "factcheck.extract",
    "rate": "factcheck.reference_rates", "convert": "factcheck.reference_rates",
    "date_rates": "factcheck.reference_rates",
    "fix": "factcheck.fixes",
}


class _Extract:
    """``factcheck.extract``: called, the figures of every document under ``paths`` and
    the inputs that could not be read; otherwise the subpackage ``factcheck.extract``,
    whose attributes it reads and sets, so that every form of import finds the module."""

    __slots__ = ()

    def __call__(
        self, paths: Sequence[Path | str], *, lang: Lang | None = None,
        published: date | None = None, options: ExtractOptions | None = None,
        max_input_size: int | None = None,
    ) -> tuple[list[DocumentFigures], list[InputError]]:
        """Figures of every document under ``paths``, and the inputs that could not be
        read (a bad input never stops the others); ``max_input_size`` caps a file read
        whole, or each record of an archive, in bytes (64 MiB when None)."""
        from factcheck.api import extract_paths

        if max_input_size is None:
            return extract_paths(paths, lang=lang, published=published, options=options)
        return extract_paths(paths, lang=lang, published=published, options=options,
                             max_input_size=max_input_size)

    def __getattr__(self, name: str) -> Any:
        return getattr(_subpackage(), name)

    def __setattr__(self, name: str, value: object) -> None:
        setattr(_subpackage(), name, value)

    def __delattr__(self, name: str) -> None:
        delattr(_subpackage(), name)

    def __repr__(self) -> str:
        return "<function factcheck.extract, and module factcheck.extract>"


def _subpackage() -> ModuleType:
    from importlib import import_module

    return import_module("factcheck.extract")


extract = _Extract()


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        from importlib import import_module

        return getattr(import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'factcheck' has no attribute {name!r}")


class _Package(ModuleType):
    """The package, whose function ``extract`` shares its name with the subpackage
    ``factcheck.extract``. Importing a submodule sets it as an attribute of its parent,
    which would replace the function with the subpackage the first time anything imports
    it (the function is then "'module' object is not callable"); this class keeps the
    function, which stands in for the subpackage's attributes (``sys.modules`` holds the
    subpackage itself, for ``import`` and ``from factcheck.extract import ...``)."""

    def __setattr__(self, name: str, value: object) -> None:
        if name == "extract" and isinstance(value, ModuleType):
            return
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package
