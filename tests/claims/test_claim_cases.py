"""The CL001-CL003 case files (tests/checks/cases/CL00*.yaml), run through the claims
loader and checks directly, as the audit will run them once it reads claims files (the
shared case runner, tests/checks/test_cases.py, runs them through ``audit`` then)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from factcheck.checks.claim_dates import ClaimDateOrder
from factcheck.checks.claim_duplicate import DuplicateClaimId
from factcheck.checks.claim_invalid import InvalidClaimRecord
from factcheck.claims.loaders import iter_claim_files, load_claims
from factcheck.errors import InputError
from factcheck.model import Finding

CASES = Path(__file__).parents[1] / "checks" / "cases"


def load() -> list[Any]:
    params = []
    for path in sorted(CASES.glob("CL*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for case in data["cases"]:
            params.append(pytest.param(data["check"], case, id=f"{path.stem}: {case['name']}"))
    return params


def claims_findings(folder: Path) -> list[Finding]:
    records, errors = [], []
    for path in iter_claim_files([folder]):
        loaded, failed = load_claims(path)
        records.extend(loaded)
        errors.extend(failed)
    unreadable: list[InputError] = [e for e in errors if type(e) is InputError]
    assert not unreadable, [str(e) for e in unreadable]
    findings = [*InvalidClaimRecord.findings(errors), *DuplicateClaimId.findings(records),
                *ClaimDateOrder.findings(records)]
    return sorted(findings, key=Finding.sort_key)


@pytest.mark.parametrize(("check", "case"), load())
def test_claims_case(check: str, case: dict[str, Any], tmp_path: Path) -> None:
    for name, content in case["files"].items():
        (tmp_path / name).write_text(content, encoding="utf-8")
    got = [f for f in claims_findings(tmp_path) if f.code == check]
    expected = case["expect"]
    assert len(got) == len(expected), [f"{f.code} {f.line}: {f.message}" for f in got]
    for finding, want in zip(got, expected, strict=True):
        assert (finding.code, finding.line) == (want["code"], want["line"]), finding.message
        assert finding.severity == want.get("severity", finding.severity), finding.message
        assert finding.path.endswith(want.get("path", "")), finding.path
