"""The whole suite's setting: a cache of its own.

The package keeps parsed language data and compiled patterns in the user's cache
(``factcheck.disk_cache``). The tests use a fresh folder for it instead, so that a run
neither reads what another checkout or an earlier version wrote nor leaves anything in
the user's home; tests of the cache itself point it elsewhere again.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator

import pytest


@pytest.fixture(autouse=True, scope="session")
def _a_cache_of_the_suites_own() -> Iterator[None]:
    before = os.environ.get("FACTCHECK_CACHE_DIR")
    with tempfile.TemporaryDirectory(prefix="factcheck-test-cache-") as folder:
        os.environ["FACTCHECK_CACHE_DIR"] = folder
        try:
            yield
        finally:
            if before is None:
                os.environ.pop("FACTCHECK_CACHE_DIR", None)
            else:
                os.environ["FACTCHECK_CACHE_DIR"] = before
