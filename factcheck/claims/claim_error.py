"""The error of a claims record that fails the schema, apart from the schema itself: the
checks that report input errors tell it from others without loading the claims readers."""

from __future__ import annotations

from factcheck.errors import InputError


class ClaimError(InputError):
    """A claims record that fails the schema (CL001); ``record_id`` when it could be read."""

    def __init__(self, message: str, *, path: str, line: int, field: str | None = None,
                 record_id: str | None = None) -> None:
        super().__init__(message, path=path, line=line, field=field)
        self.record_id = record_id
