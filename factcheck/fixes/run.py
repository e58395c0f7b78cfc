"""``factcheck.fix``: audit, apply the certain corrections, write the files (or not).

The inputs are audited as ``factcheck audit`` would (the same pack, rates, configuration
and code selection); the findings with a certain, unambiguous correction
(``fixes.plan``) are applied, file by file:

- a text file (.txt, .md, .html) is rewritten in place (``fixes.text_files``), atomically;
- a draft (.docx, .odt) is written to a corrected copy beside it, ``draft.fixed.docx``,
  the original untouched (``fixes.drafts``);
- a claims YAML file is rewritten in place, comments and order kept (``fixes.claims_yaml``).

With ``write=False`` nothing is written, and each ``FileFix`` holds the text before and
after (a draft's paragraphs, one a line) for a diff. Standard input is never written: its
corrected bytes are the ``FileFix``'s ``data``. The findings that could not be fixed are
``remaining``.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from factcheck.documents.drafts import open_draft
from factcheck.documents.given import GivenInput
from factcheck.documents.opening import MAX_INPUT_SIZE, opened, read_upto
from factcheck.engine.inputs import InputSelection
from factcheck.engine.settings import AuditJob
from factcheck.errors import InputError
from factcheck.fixes.claims_yaml import fix_claims_yaml
from factcheck.fixes.drafts import fix_paragraphs, paragraph_texts
from factcheck.fixes.plan import Edit, RecordEdit, fixed_by, kind_of, planned_edits
from factcheck.fixes.text_files import fix_text
from factcheck.fixes.writing import copy_path, unified_diff, write_atomic_bytes
from factcheck.model import AuditResult, Finding, Lang


@dataclass(frozen=True)
class FileFix:
    """One file's corrections: the input as named, where its corrected version goes (the
    file itself, or a draft's copy), its text before and after, the corrected file's bytes
    and the findings fixed."""

    path: str
    target: str
    before: str
    after: str
    data: bytes
    fixed: tuple[Finding, ...]
    #: Whether ``data`` was written to ``target`` (not with ``write=False``, nor for
    #: standard input).
    written: bool = False

    def diff(self) -> str:
        """The change as a unified diff (a draft's: of its paragraphs' texts)."""
        return unified_diff(self.before, self.after, self.path, self.target)


@dataclass(frozen=True)
class FixResult:
    """The audit, the files corrected, and the findings that could not be fixed."""

    audit: AuditResult
    files: tuple[FileFix, ...]
    remaining: tuple[Finding, ...]

    @property
    def fixed(self) -> tuple[Finding, ...]:
        return tuple(finding for file in self.files for finding in file.fixed)


def _read(path: str, max_size: int) -> bytes | None:
    try:
        with opened(path) as (handle, size):
            return read_upto(handle, size, max_size)
    except (InputError, OSError):
        return None  # gone or changed since it was audited: its findings remain


def _fixed(path: str, data: bytes, edits: list[Edit] | list[RecordEdit], max_size: int
           ) -> FileFix | None:
    kind = kind_of(path)
    if kind == "copy":
        try:
            draft = open_draft(io.BytesIO(data), path, max_size)
        except InputError:
            return None
        before = paragraph_texts(draft.paragraphs)
        applied = fix_paragraphs(
            draft.paragraphs, [e for e in edits if isinstance(e, Edit)])
        output = io.BytesIO()
        if applied:
            draft.save(output)
        return FileFix(path, copy_path(path), before, paragraph_texts(draft.paragraphs),
                       output.getvalue(), tuple(fixed_by(applied)))
    if kind == "claims":
        done = fix_claims_yaml(data, [e for e in edits if isinstance(e, RecordEdit)])
    else:
        done = fix_text(data, [e for e in edits if isinstance(e, Edit)])
    return FileFix(path, path, done.before, done.after, done.data(),
                   tuple(fixed_by(done.applied)))


def fix_inputs(inputs: Sequence[Path | str | GivenInput], job: AuditJob, *,
               selection: InputSelection | None = None, baseline: Path | None = None,
               select: Sequence[str] = ("ALL",), ignore: Sequence[str] = (),
               write: bool = True, accept: Callable[[Finding], bool] | None = None
               ) -> FixResult:
    """Audit ``inputs`` with ``job`` (as ``engine.audit.audit_inputs``, then the code
    filter), apply the certain corrections and, with ``write``, write the files.
    ``accept``: only the findings it accepts are fixed (an editor's choice among them);
    the others remain."""
    from factcheck.api import filter_findings
    from factcheck.engine.audit import audit_inputs

    job = replace(job, keep_documents=True)  # the figures' texts, which the spans must hold
    result = audit_inputs(inputs, job, baseline, selection=selection)
    result = filter_findings(result, select=select, ignore=ignore)
    given = {item.name: item.data for item in inputs if isinstance(item, GivenInput)}
    files: list[FileFix] = []
    chosen = result if accept is None else result.model_copy(
        update={"findings": tuple(f for f in result.findings if accept(f))})
    for path, edits in planned_edits(chosen).items():
        data = given[path] if path in given else _read(path, job.max_input_size)
        fixed = _fixed(path, data, edits, job.max_input_size) if data is not None else None
        if fixed is not None and fixed.fixed:
            files.append(fixed)
    if write:
        for index, file in enumerate(files):
            if file.path not in given:
                write_atomic_bytes(file.target, file.data,
                                   like=file.path if file.target == file.path else None)
                files[index] = replace(file, written=True)
    done = {id(finding) for file in files for finding in file.fixed}
    remaining = tuple(f for f in result.findings if id(f) not in done)
    return FixResult(result, tuple(files), remaining)


def fix(paths: Sequence[Path | str], *, rules: Path | str | None = None,
        rates: Path | str | None = None, lang: Lang | None = None,
        published: date | None = None, select: Sequence[str] = ("ALL",),
        ignore: Sequence[str] = (), write: bool = True,
        max_input_size: int = MAX_INPUT_SIZE) -> FixResult:
    """Apply the certain corrections of the findings in ``paths`` (those of the ``select``
    codes, less ``ignore``): text files and claims YAML in place, drafts to a copy beside
    them; with ``write=False`` only say what would change (``FileFix.diff``)."""
    job = AuditJob(str(rules) if rules else None, str(rates) if rates else None, lang,
                   published, max_input_size=max_input_size)
    return fix_inputs(paths, job, select=select, ignore=ignore, write=write)
