"""Where things are: the checkout, the test data the benchmarks share with the tests, and the
shared folder of third-party data (read at run time, never copied into the project)."""

from __future__ import annotations

import os
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
# Sentence templates of the generated articles: the mutation sets read them, and the tests
# that gate on the mutation sets (tests/checks/test_detection*.py) run those sets.
ARTICLE_TEMPLATES = REPO_ROOT / "tests" / "checks" / "article_templates"
# Labelled extraction fixtures, read by tests/extract/test_accuracy.py and extract_accuracy.
EXTRACT_FIXTURES = REPO_ROOT / "tests" / "extract" / "fixtures"
# Data only the benchmarks read (the throughput text).
BENCHMARK_DATA = REPO_ROOT / "benchmarks" / "data"


def shared_dir() -> Path:
    """The shared folder: ``$FACTCHECK_SHARED`` if set, else ``../shared`` from the repo root."""
    env = os.environ.get("FACTCHECK_SHARED")
    return Path(env) if env else REPO_ROOT.parent / "shared"
