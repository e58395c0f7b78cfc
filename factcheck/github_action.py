"""What the GitHub Action (``action.yml``) runs: the audit as the project configures it,
a SARIF log for code scanning, annotations on the pull request, the gate's exit code.

``python -m factcheck.github_action`` reads its inputs from the environment, as the
action's step sets them:

- ``FACTCHECK_PATHS``: files or folders to audit, one a line (none: the project's root,
  as ``factcheck audit`` with no path; the configuration says what is read);
- ``FACTCHECK_ARGS``: more options of ``factcheck audit`` (``--diff-base origin/main``,
  ``--select FX``), split as a shell would;
- ``FACTCHECK_SARIF``: where the SARIF log goes (default ``factcheck.sarif``).

It runs ``factcheck audit`` once with those paths and options, printing ``--format github``
workflow commands (annotations) on standard output and writing the SARIF log of the same
audit (``--also sarif=PATH``); its exit code is the step's: 0 nothing at or above
``--fail-on``, 1 findings, 2 bad input or configuration, 3 a bug. It writes ``exit-code``
and ``sarif-file`` to ``GITHUB_OUTPUT`` and a one-line count of the findings to
``GITHUB_STEP_SUMMARY`` when GitHub sets them.
"""

from __future__ import annotations

import json
import os
import shlex
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path

DEFAULT_SARIF = "factcheck.sarif"


def audit_command(env: Mapping[str, str]) -> list[str]:
    """``factcheck audit`` with the action's paths and options."""
    paths = [line.strip() for line in env.get("FACTCHECK_PATHS", "").splitlines()
             if line.strip()]
    options = shlex.split(env.get("FACTCHECK_ARGS", ""))
    return [sys.executable, "-m", "factcheck", "audit", *paths, *options]


def _append(path: str | None, text: str) -> None:
    if path:
        with open(path, "a", encoding="utf-8") as handle:
            handle.write(text)


def summary(sarif: Path) -> str:
    """One line counting the SARIF log's results by level."""
    try:
        results = json.loads(sarif.read_text(encoding="utf-8"))["runs"][0]["results"]
    except (OSError, ValueError, KeyError, IndexError):
        return "factcheck wrote no SARIF log (see the step's output)"
    counts = {level: sum(1 for r in results if r.get("level") == level)
              for level in ("error", "warning", "note")}
    return (f"factcheck: {counts['error']} errors, {counts['warning']} warnings, "
            f"{counts['note']} notes")


def main(env: Mapping[str, str] | None = None) -> int:
    """Run the audit for the action; the exit code is the gate's."""
    env = os.environ if env is None else env
    command = audit_command(env)
    sarif = Path(env.get("FACTCHECK_SARIF") or DEFAULT_SARIF)
    sys.stdout.flush()
    audited = subprocess.run([*command, "--format", "github", "--also", f"sarif={sarif}"],
                             check=False)
    code = audited.returncode
    _append(env.get("GITHUB_OUTPUT"), f"exit-code={code}\nsarif-file={sarif}\n")
    _append(env.get("GITHUB_STEP_SUMMARY"), summary(sarif) + "\n")
    return code


if __name__ == "__main__":
    sys.exit(main())
