"""The four kinds of check, by what they read (a check declares its scope by the class it
derives from, and has one ``run`` signature for it):

- ``DocumentCheck``: one document (an article, or the records of one source held together
  like one article), through its ``DocumentContext`` and the analyses on it (FX, UN, AR,
  DT). It may say, vectorised over the claims table, on which records it surely finds
  nothing (``quiet_records``), so that the engine builds no document for them.
- ``RecordsCheck``: every valid claims record at once, as the claims table (CL002, CL003).
- ``TableCheck``: the claims table across sources, grouped (XS001-XS003); it names the
  columns whose equal values keep each of its groups together, on which a distributed
  engine partitions the table.
- ``InputCheck``: the inputs that could not be read or validated (IN001, CL001), or on
  which the tool failed (IN002).

The engine runs checks only through the registry, by scope (``engine.dispatch``).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any, ClassVar, Generic, Literal, TypeVar

from factcheck.analyse.context import DocumentContext
from factcheck.analyse.edits import figure_end, position_map, record_field, replacement
from factcheck.analyse.frame import ClaimsFrame
from factcheck.checks._base import digest
from factcheck.errors import InputError
from factcheck.evidence import Evidence, RawEvidence
from factcheck.model import Figure, Finding, Severity
from factcheck.phrases import Said
from factcheck.registry import Check

if TYPE_CHECKING:
    import pandas as pd

    from factcheck.analyse.records import Mask, RecordConversions
    from factcheck.claims.table import ClaimsTable  # noqa: F401  (RecordsCheck's quoted base)

Scope = Literal["document", "records", "table", "input"]
S = TypeVar("S", contravariant=True)



def written(message: str | Said) -> str:
    """The English message of a finding (a form and its pieces written out)."""
    return message.english() if isinstance(message, Said) else message

class ScopedCheck(Check, Generic[S]):
    """A check of one scope: ``run`` reads the scope's subject ``S``."""

    scope: ClassVar[Scope]

    def run(self, subject: S, options: Any) -> Iterable[Finding]:
        raise NotImplementedError


class DocumentCheck(ScopedCheck[DocumentContext]):
    """A check of one document (see the module's docstring)."""

    scope = "document"

    @classmethod
    def quiet_records(cls, records: RecordConversions, options: Any) -> Mask | None:
        """The claims records on whose documents this check surely finds nothing, as far
        as each record is concerned (the engine skips a source's document when every
        check is quiet on every record of it); None: it cannot tell, every document is
        checked."""
        return None

    def finding(
        self, ctx: DocumentContext, at: Figure, severity: Severity, message: str | Said, *,
        figures: tuple[Figure, ...] = (), suggestion: str | None = None,
        evidence: Evidence | None = None, corrects: bool = True,
    ) -> Finding:
        """A finding anchored at a figure, keyed for baselines by its content. ``corrects``:
        the suggestion is the anchored figure corrected, so it is the finding's exact edit
        where the file allows one (``analyse.edits``); False when it is only a hint."""
        involved = figures or (at,)
        end = figure_end(ctx.document, at, ctx.analysis(position_map))
        path = ctx.paths.get(at.id, ctx.document.path)
        key = "|".join([self.code, path,
                         *sorted(f"{f.kind}:{f.currency}:{f.unit}:{f.value:.6g}"
                                 for f in involved)])
        return Finding(
            code=self.code, name=self.name, severity=severity, message=written(message),
            said=message if isinstance(message, Said) else None,
            path=path, line=at.line, column=at.column,
            end_line=end[0] if end else None, end_column=end[1] if end else None,
            figures=tuple(dict.fromkeys(f.id for f in involved)), suggestion=suggestion,
            replacement=replacement(ctx.document, at, suggestion) if corrects else None,
            evidence=evidence or RawEvidence(), fingerprint=digest(key),
            record_field=record_field(ctx.document, at, suggestion) if corrects else None,
        )


class RecordsCheck(ScopedCheck["ClaimsTable"]):
    """A check of every valid claims record at once (see the module's docstring): it finds
    the records it can flag on the table's frame, and reads only those
    (``table.records(rows)``)."""

    scope = "records"


class TableCheck(ScopedCheck[ClaimsFrame]):
    """A check of the claims table across sources (see the module's docstring)."""

    scope = "table"
    #: Columns whose equal values keep each group the check compares together.
    group_columns: ClassVar[tuple[str, ...]]

    @classmethod
    def partition_keys(cls, frame: pd.DataFrame) -> pd.DataFrame:
        """The values to partition ``frame`` on (``group_columns`` unless a check derives
        them); checks with the same columns and the same way of reading them share one
        partitioning."""
        return frame[list(cls.group_columns)]

    @classmethod
    def row_finding(cls, row: Any, severity: Severity, message: str | Said,
                    evidence: Evidence) -> Finding:
        """A finding on a row of the claims table (``path``, ``line`` and ``id`` columns)."""
        key = f"{cls.code}|{row.path}|{row.id}"
        return Finding(
            code=cls.code, name=cls.name, severity=severity, message=written(message),
            said=message if isinstance(message, Said) else None, path=row.path,
            line=int(row.line), column=1, evidence=evidence, fingerprint=digest(key),
        )

    @classmethod
    def ignored(cls, row: Any) -> bool:
        """Whether a row of the claims table ignores this check (its ``ignore`` codes)."""
        codes = row.ignore if isinstance(row.ignore, (list, tuple, frozenset, set)) else ()
        return cls.code in codes


class InputCheck(ScopedCheck[Sequence[InputError]]):
    """A check of the inputs that could not be read or validated (see the module's
    docstring): each takes the errors that are its own."""

    scope = "input"
