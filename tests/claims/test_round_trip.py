"""Extract the seed articles to claims records, audit the records: the findings agree with
auditing the articles (skipped when ../shared/seeds is absent)."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest

from factcheck.api import audit, extract_paths
from factcheck.report.figures import render

SHARED = Path(os.environ.get("FACTCHECK_SHARED", Path(__file__).resolve().parents[3] / "shared"))
SEED = SHARED / "seeds" / "000_63944d43f8edd2f5.txt"
PUBLISHED = date(2024, 7, 30)


def test_seed_claims_give_the_article_findings(tmp_path: Path) -> None:
    if not SEED.is_file():
        pytest.skip(f"../shared/seeds not found: {SEED}")
    article = audit([SEED], lang="id", published=PUBLISHED)
    results, errors = extract_paths([SEED], lang="id", published=PUBLISHED)
    assert errors == []
    claims = tmp_path / "seed.yaml"
    claims.write_text(render(results, "claims"), encoding="utf-8")
    records = audit([claims])

    def fx(findings: tuple[object, ...]) -> list[tuple[str, str | None]]:
        return sorted((f.code, f.suggestion) for f in findings  # type: ignore[attr-defined]
                      if f.code.startswith("FX"))  # type: ignore[attr-defined]

    assert fx(article.findings) == fx(records.findings) == [
        ("FX001", "Rp 65 triliun"), ("FX005", "Rp 1.259 triliun")]
    # The article's future wording about a past month is the record's projection of it.
    assert "DT001" in {f.code for f in article.findings}
    assert "CL003" in {f.code for f in records.findings}
    assert not [f for f in records.findings if f.code in ("CL001", "IN001")]
