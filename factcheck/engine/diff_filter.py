"""``--diff-base REF``: report only the findings on lines changed since REF, as
vale-action's filter mode does, so that a pull request is not blamed for old findings.

The changes are ``git diff --unified=0`` from the merge base of REF and HEAD to the working
tree (what a pull request adds, uncommitted edits included), and every untracked file that
git does not ignore, as wholly new. A finding is kept when

- its lines (``line`` to ``end_line``) hold a changed line of its file, or its file is new,
  changed as a binary file, or changed at all for a finding of a whole file (line 0);
- it is in a claims file and the record it is on changed (a record spans from its line to
  the line before the next record; a changed line inside counts, so does a new record);
- it names a record that changed, in any file: cross-source findings hold the ids of the
  records they compare (``record``, ``other_record``, ``agreeing_records``);
- it is a bug in the tool (IN002), wherever it is.
"""

from __future__ import annotations

import codecs
import os
import re
import subprocess
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from factcheck.codes import INTERNAL_ERROR_CODES
from factcheck.errors import ConfigError
from factcheck.model import AuditResult, Finding

HUNK = re.compile(r"^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@")
RECORD_KEYS = ("record", "other_record", "agreeing_records")
CLAIMS_SUFFIXES = (".yaml", ".yml", ".json", ".csv")


@dataclass
class Changes:
    """Changed lines by real path, and the files that are new or changed as a whole."""

    lines: dict[str, set[int]] = field(default_factory=dict)
    whole: set[str] = field(default_factory=set)

    def touched(self, real: str) -> bool:
        return real in self.whole or bool(self.lines.get(real))


def _git(args: list[str], cwd: Path) -> str:
    try:
        run = subprocess.run(["git", "-c", "core.quotePath=false", *args], cwd=cwd,
                             capture_output=True, text=True, encoding="utf-8",
                             errors="surrogateescape", check=False)
    except OSError as error:
        raise ConfigError(f"cannot run git: {error.strerror or error}",
                          field="--diff-base") from None
    if run.returncode != 0:
        detail = run.stderr.strip().splitlines()
        raise ConfigError(f"git {args[0]} failed: {detail[-1] if detail else run.returncode}",
                          field="--diff-base")
    return run.stdout


def _unquote(name: str) -> str:
    """A path as ``git diff`` prints it: C-quoted when it holds unusual characters."""
    if len(name) >= 2 and name[0] == name[-1] == '"':
        raw = codecs.escape_decode(name[1:-1].encode("utf-8", "surrogateescape"))[0]
        return bytes(raw).decode("utf-8", "surrogateescape")
    return name


def parse_diff(text: str, top: Path) -> Changes:
    """The new side's changed lines of a ``git diff --unified=0``, by real path."""
    changes = Changes()
    current: str | None = None
    for line in text.splitlines():
        if line.startswith("+++ "):
            name = _unquote(line[4:].rstrip("\t"))
            current = None if name == "/dev/null" else os.path.realpath(top / name[2:])
            if current is not None:
                changes.lines.setdefault(current, set())
        elif line.startswith("Binary files ") and line.endswith(" differ"):
            name = _unquote(line[len("Binary files "):-len(" differ")].split(" and ", 1)[-1])
            if name != "/dev/null":
                changes.whole.add(os.path.realpath(top / name[2:]))
        elif current is not None and (m := HUNK.match(line)):
            start, count = int(m.group(1)), int(m.group(2) or "1")
            touched = range(start, start + count) if count else (start, start + 1)
            changes.lines[current].update(n for n in touched if n >= 1)
    return changes


def changes_since(base: str, cwd: Path | None = None) -> Changes:
    """What changed since the merge base of ``base`` and HEAD, in the repository of
    ``cwd``; a ``ConfigError`` when git cannot tell."""
    here = Path(cwd or Path.cwd())
    top = Path(_git(["rev-parse", "--show-toplevel"], here).strip())
    _git(["rev-parse", "--verify", "--quiet", f"{base}^{{commit}}"], here)
    merge_base = _git(["merge-base", base, "HEAD"], here).strip()
    diff = _git(["diff", "--unified=0", "--no-color", "--no-ext-diff", "--no-textconv",
                 "--src-prefix=a/", "--dst-prefix=b/", merge_base, "--"], top)
    changes = parse_diff(diff, top)
    untracked = _git(["ls-files", "--others", "--exclude-standard", "-z"], top)
    changes.whole.update(os.path.realpath(top / name) for name in untracked.split("\0") if name)
    return changes


def _record_ids(evidence: Mapping[str, object]) -> set[str]:
    ids: set[str] = set()
    for key in RECORD_KEYS:
        value = evidence.get(key)
        for item in value if isinstance(value, list) else [value]:
            if isinstance(item, str | int) and not isinstance(item, bool):
                ids.add(str(item))
    return ids


def changed_records(changes: Changes, files: Iterable[str] = ()
                    ) -> tuple[set[str], dict[str, list[tuple[int, int]]]]:
    """(ids of the changed records, {real path: changed records' line spans}) of the
    changed files that hold claims records: every changed YAML, JSON or CSV file (one that
    holds no records adds nothing), and those among ``files``."""
    from factcheck.claims.loaders import load_claims

    ids: set[str] = set()
    spans: dict[str, list[tuple[int, int]]] = {}
    names = {os.path.realpath(name) for name in files}
    names.update(changes.whole)
    names.update(real for real, lines in changes.lines.items() if lines)
    for real in sorted(names):
        if not real.lower().endswith(CLAIMS_SUFFIXES) or not changes.touched(real):
            continue
        if not os.path.isfile(real):
            continue
        records, _ = load_claims(real)
        starts = sorted((r.line, r.id) for r in records)
        for index, (line, ident) in enumerate(starts):
            end = starts[index + 1][0] - 1 if index + 1 < len(starts) else 1 << 30
            lines = changes.lines.get(real, set())
            if real in changes.whole or any(line <= n <= end for n in lines):
                ids.add(ident)
                spans.setdefault(real, []).append((line, end))
    return ids, spans


def _kept(finding: Finding, changes: Changes, ids: set[str],
          spans: dict[str, list[tuple[int, int]]]) -> bool:
    real = os.path.realpath(finding.path.partition("#")[0])
    if real in changes.whole or finding.code in INTERNAL_ERROR_CODES:
        return True
    if finding.line < 1:
        return changes.touched(real)
    last = max(finding.line, finding.end_line or finding.line)
    if any(finding.line <= n <= last for n in changes.lines.get(real, ())):
        return True
    if any(start <= finding.line <= end for start, end in spans.get(real, ())):
        return True
    return bool(ids & _record_ids(finding.evidence))


def changed_findings(result: AuditResult, changes: Changes) -> AuditResult:
    """``result`` with only the findings that the changes touch."""
    ids, spans = changed_records(changes, (f.path for f in result.findings))
    kept = tuple(f for f in result.findings if _kept(f, changes, ids, spans))
    return result.model_copy(update={"findings": kept})
