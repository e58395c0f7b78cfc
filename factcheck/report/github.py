"""Findings as GitHub Actions workflow commands, which GitHub shows as annotations.

One command per finding, e.g.
``::error file=news/a.md,line=12,col=40,title=FX001 conversion-rate-mismatch::message``;
``::warning`` and ``::notice`` for warnings and info. Escaping follows GitHub's runner: in
the message ``%``, ``\\r`` and ``\\n`` become ``%25``, ``%0D`` and ``%0A`` (so a finding
stays one line); in property values ``:`` and ``,`` also become ``%3A`` and ``%2C``. Other
control characters, which the runner would print raw into the log, are shown as escapes
(``\\x1b``, :func:`factcheck.escaping.visible_controls`), in the message and the
properties alike.
"""

from __future__ import annotations

from collections.abc import Sequence

from factcheck.escaping import visible_controls
from factcheck.model import AuditResult, Finding, RuleInfo

COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}
_DATA = str.maketrans({"%": "%25", "\r": "%0D", "\n": "%0A"})
_PROPERTY = str.maketrans({"%": "%25", "\r": "%0D", "\n": "%0A", ":": "%3A", ",": "%2C"})


def escape_data(text: str) -> str:
    """A command's message, escaped."""
    return visible_controls(text).translate(_DATA)


def escape_property(text: str) -> str:
    """A command's property value (file, title), escaped."""
    return visible_controls(text).translate(_PROPERTY)


def command(finding: Finding) -> str:
    """The workflow command of one finding, without a line break."""
    path = finding.path.replace("\\", "/")
    properties = [f"file={escape_property(path)}"]
    if finding.line >= 1:
        properties.append(f"line={finding.line}")
        if finding.column >= 1:
            properties.append(f"col={finding.column}")
    properties.append(f"title={escape_property(f'{finding.code} {finding.name}')}")
    message = finding.message
    if finding.suggestion is not None:
        message += f" (suggestion: {finding.suggestion})"
    return f"::{COMMANDS[finding.severity]} {','.join(properties)}::{escape_data(message)}"


def render(result: AuditResult, rules: Sequence[RuleInfo], color: bool = False,
           fail_on: str = "warning") -> str:
    """One workflow command per finding; nothing when there are no findings."""
    return "".join(command(f) + "\n" for f in result.findings)
