"""Our extractor against other extractors' public test suites (../shared/peer).

The harness is ``benchmarks.peer`` (run by ``benchmarks/peer_conformance.py``); these tests
hold its headline numbers to their targets. The peer data is read at run time and never
copied into the project, so the tests skip where it is absent.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from benchmarks.peer.suites import TARGET_CURRENCY_RATE, peer_dir, run

PEER: Path | None = peer_dir()

pytestmark = pytest.mark.skipif(
    PEER is None,
    reason="peer suites not found: ../shared/peer (or $FACTCHECK_SHARED/peer) is absent",
)


@pytest.fixture(scope="module")
def results() -> dict[str, Any]:
    summary: dict[str, Any] = run(PEER)
    return summary


def _failures(tally: dict[str, Any], limit: int = 8) -> str:
    failing = [f for f in tally.get("failures", []) if not f["cause"].startswith("span differs")]
    return "\n".join(f"{f['cause']}: {f['detail'][:120]}" for f in failing[:limit])


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_recognizers_currency_pass_rate(results: dict[str, Any], lang: str) -> None:
    tally = results["suites"]["recognizers.currency"][lang]
    assert "pass_rate" in tally, tally
    assert tally["in_scope"] > 50, "too few in-scope cases: is the scope mapping broken?"
    rate = tally["pass_rate"]
    assert rate >= TARGET_CURRENCY_RATE, (
        f"Recognizers-Text currency ({lang}): {tally['passed']}/{tally['in_scope']} = "
        f"{rate:.1%} < {TARGET_CURRENCY_RATE:.0%}; first failures:\n" + _failures(tally)
    )


def test_quantulum3_error_strings_do_not_raise() -> None:
    assert PEER is not None
    from factcheck.extract import extract_text

    path = PEER / "quantulum3" / "errors.json"
    if not path.exists():
        pytest.skip(f"{path} is absent")
    strings = json.loads(path.read_text(encoding="utf-8-sig"))
    assert strings, "errors.json holds no strings"
    for text in strings:
        figures = extract_text(text, "en")
        for figure in figures:
            assert figure.text == text[figure.start : figure.end]


def test_output_contract_holds_on_peer_inputs(results: dict[str, Any]) -> None:
    violations = results["contract_violations"]
    assert not violations, violations[:5]
