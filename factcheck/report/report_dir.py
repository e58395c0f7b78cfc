"""``audit --report-dir DIR``: the reports people read, written into one directory.

``DIR/report.html`` (the page for editors, :mod:`factcheck.report.html`), ``report.md``
(a pull-request comment, :mod:`factcheck.report.markdown`), ``findings.json`` (the
``json`` reporter's output) and ``figures.csv`` (every figure of every document, the
``extract --format csv`` columns). The output is deterministic: no timestamps, no random
ids, everything sorted.

The four files are one set: a reader never sees a new ``report.html`` beside an old
``findings.json``. They are rendered in memory, written into a temporary folder beside
``DIR`` (``.DIR.*.tmp``), and the folder is swapped with ``DIR`` in one step (Linux's
``renameat2`` exchange; elsewhere the old folder is renamed away and the new one renamed
in), then the old set is removed. A run that fails or is interrupted before the swap
leaves the old set untouched and removes its temporary folder; one killed outright leaves
a temporary folder that the next run removes. ``DIR`` is therefore the report's own
folder: a ``DIR`` holding anything but these four files is refused (nothing in it is
touched), and a ``DIR`` that is a symbolic link has the folder it points to replaced.
"""

from __future__ import annotations

import ctypes
import errno
import os
import shutil
import stat
import tempfile
from collections.abc import Sequence
from pathlib import Path

from factcheck.escaping import one_line
from factcheck.model import AuditResult, RuleInfo

FILES = ("report.html", "report.md", "findings.json", "figures.csv")
_AT_FDCWD, _RENAME_EXCHANGE = -100, 2


def render_files(result: AuditResult, rules: Sequence[RuleInfo], locale: str = "en"
                 ) -> dict[str, str]:
    """The four files' names and texts, their messages (and the page's labels) in
    ``locale``."""
    from factcheck.report import figures, render

    return {
        "report.html": render("html", result, rules, locale=locale),
        "report.md": render("markdown", result, rules, locale=locale),
        "findings.json": render("json", result, rules, locale=locale),
        "figures.csv": figures.render(result.documents, "csv"),
    }


def _exchange(new: Path, old: Path) -> bool:
    """Swap two folders in one step; False where the system cannot (then nothing moved)."""
    try:
        renameat2 = ctypes.CDLL(None, use_errno=True).renameat2
    except (AttributeError, OSError, TypeError):  # no renameat2 in this C library
        return False
    if renameat2(_AT_FDCWD, os.fsencode(new), _AT_FDCWD, os.fsencode(old),
                 _RENAME_EXCHANGE) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.EINVAL, errno.ENOSYS, errno.ENOTSUP, errno.EPERM):
        return False  # a kernel or filesystem without the exchange
    raise OSError(code, os.strerror(code), str(old))


def _report_folder(path: Path) -> bool:
    """Whether ``path`` is a folder holding nothing but report files."""
    try:
        return path.is_dir() and not path.is_symlink() and all(
            entry.name in FILES and entry.is_file(follow_symlinks=False)
            for entry in os.scandir(path))
    except OSError:
        return False


def _remove_leftovers(target: Path) -> None:
    """Temporary folders of runs killed before they could remove their own."""
    prefix = f".{target.name}."
    for entry in target.parent.iterdir():
        if entry.name.startswith(prefix) and entry.name.endswith(".tmp") and \
                _report_folder(entry):
            shutil.rmtree(entry, ignore_errors=True)


def _check_target(target: Path) -> int | None:
    """The mode of the folder the reports replace (None when there is none yet); an
    ``OSError`` when it is not a folder of reports."""
    try:
        mode = target.stat().st_mode
    except FileNotFoundError:
        return None
    if not stat.S_ISDIR(mode):
        raise NotADirectoryError(errno.ENOTDIR, "not a directory", str(target))
    others = sorted(e.name for e in os.scandir(target) if e.name not in FILES or
                    not e.is_file(follow_symlinks=False))
    if others:
        shown = ", ".join(one_line(name) for name in others[:3])
        raise OSError(f"the folder holds files that are not reports ({shown}"
                      f"{', ...' if len(others) > 3 else ''}); the reports need a folder of "
                      "their own, which each run replaces whole")
    return stat.S_IMODE(mode)


def write_report_dir(directory: Path, result: AuditResult, rules: Sequence[RuleInfo],
                     locale: str = "en") -> list[Path]:
    """Write the reports into ``directory`` as one set (see the module's docstring); the
    paths written."""
    target = Path(os.path.realpath(directory))
    mode = _check_target(target)
    texts = render_files(result, rules, locale)
    target.parent.mkdir(parents=True, exist_ok=True)
    _remove_leftovers(target)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.", suffix=".tmp",
                                    dir=target.parent))
    try:
        umask = os.umask(0)
        os.umask(umask)
        for name in FILES:
            with open(staging / name, "w", encoding="utf-8", newline="") as handle:
                handle.write(texts[name])
            (staging / name).chmod(0o644)  # a report is for people to read
        staging.chmod(0o777 & ~umask if mode is None else mode)
        if mode is None:
            staging.rename(target)
        elif not _exchange(staging, target):
            old = tempfile.mkdtemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
            target.replace(old)  # onto the empty folder just made
            staging.rename(target)
            shutil.rmtree(old, ignore_errors=True)
    finally:
        shutil.rmtree(staging, ignore_errors=True)  # the new set if it failed, else the old
    return [Path(directory) / name for name in FILES]
