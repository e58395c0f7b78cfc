"""The finding codes that say an input was not audited, in one place: the exit codes
(``cli.exits``), JUnit's errors (``report.junit``), the filters and the baselines read
them here. Light on purpose: the command line imports it before any heavy module.
"""

from __future__ import annotations

#: An input that was bad, so not audited (unreadable, a claims record off its schema): the
#: run exits 2.
BAD_INPUT_CODES = frozenset({"IN001", "CL001"})
#: An input the tool failed on (a bug): the run exits 3, and no filter, baseline or pack
#: hides the finding.
INTERNAL_ERROR_CODES = frozenset({"IN002"})
#: An input that was not audited, or not wholly.
NOT_AUDITED_CODES = BAD_INPUT_CODES | INTERNAL_ERROR_CODES
