"""Findings a user has accepted: inline comments and a baseline file.

Inline: ``<!-- factcheck: ignore FX001 -->`` (or ``ignore FX001, FX002``; no code ignores
every check) on the finding's line or on the line above it. The marker is read from the
document's text, and for HTML and Markdown from the source file (their comments are not
visible text).

Baseline: a JSON file of findings keyed by content (code, path and the normalised figures,
never line numbers), so edits elsewhere in a file do not break it. A finding in the
baseline is not reported; a new finding is.
"""

from __future__ import annotations

import json
import os
import re
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from factcheck.codes import INTERNAL_ERROR_CODES
from factcheck.config_files import read_config_text
from factcheck.errors import ConfigError
from factcheck.escaping import one_line, shorten
from factcheck.model import Document, Finding

MARKER = re.compile(r"factcheck:\s*ignore\b((?:\s*,?\s*[A-Z]{2}\d{3})*)")
CODE = re.compile(r"[A-Z]{2}\d{3}")
MAX_BASELINE_BYTES = 256 * 2**20
#: Formats whose comments are not in the visible text: the marker is read from the file.
SOURCE_READ = (".html", ".htm", ".md", ".markdown")


def markers(doc: Document) -> dict[int, frozenset[str]]:
    """{source line: codes ignored there (empty: all)} of one document."""
    text = doc.text
    first_line = doc.position(0)[0]
    if doc.path.lower().endswith(SOURCE_READ) and Path(doc.path).is_file():
        text, first_line = Path(doc.path).read_text(encoding="utf-8", errors="replace"), 1
    found: dict[int, frozenset[str]] = {}
    if "factcheck" not in text:
        return found
    for number, line in enumerate(text.split("\n"), start=first_line):
        m = MARKER.search(line)
        if m:
            found[number] = frozenset(CODE.findall(m.group(1)))
    return found


def is_suppressed(finding: Finding, marks: dict[int, frozenset[str]]) -> bool:
    for line in (finding.line, finding.line - 1):
        codes = marks.get(line)
        if codes is not None and (not codes or finding.code in codes):
            return True
    return False


def read_baseline(path: Path) -> Counter[tuple[str, str, str]]:
    """The findings a baseline accepts, counted. The file must be a regular file of at
    most ``MAX_BASELINE_BYTES`` (256 MB, a million findings and more) in UTF-8. When it
    does not exist yet, the error says how to write it."""
    if not os.path.lexists(path):
        raise ConfigError("no baseline file here yet: write one from the current findings with "
                          f"`factcheck audit --write-baseline {one_line(str(path))} ...`",
                          path=str(path))
    text = read_config_text(path, MAX_BASELINE_BYTES, "baseline")
    try:
        data = json.loads(text)
        entries = data["findings"]
        return Counter((e["path"], e["code"], e["fingerprint"]) for e in entries)
    except json.JSONDecodeError as error:
        raise ConfigError(f"not a factcheck baseline: not valid JSON: {error.msg}",
                          path=str(path), line=error.lineno) from None
    except RecursionError:
        raise ConfigError("not a factcheck baseline: nested too deeply",
                          path=str(path)) from None
    except (ValueError, KeyError, TypeError) as error:
        raise ConfigError(f"not a factcheck baseline ({shorten(str(error))})",
                          path=str(path)) from None


def apply_baseline(
    findings: Iterable[Finding], baseline: Counter[tuple[str, str, str]]
) -> tuple[list[Finding], int]:
    """Findings not covered by the baseline, and how many were (a bug in the tool, IN002,
    never is)."""
    left = Counter(baseline)
    kept, covered = [], 0
    for finding in findings:
        key = (finding.path, finding.code, finding.fingerprint)
        if left[key] > 0 and finding.code not in INTERNAL_ERROR_CODES:
            left[key] -= 1
            covered += 1
        else:
            kept.append(finding)
    return kept, covered


def baseline_text(findings: Iterable[Finding]) -> str:
    entries = [{"path": f.path, "code": f.code, "fingerprint": f.fingerprint,
                "message": f.message} for f in findings
               if f.code != "IN001" and f.code not in INTERNAL_ERROR_CODES]
    entries.sort(key=lambda e: (e["path"], e["code"], e["fingerprint"]))
    return json.dumps({"version": 1, "findings": entries}, ensure_ascii=False,
                      allow_nan=False, indent=2) + "\n"
