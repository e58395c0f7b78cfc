"""Where the peer suites are, and running every suite into one summary."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from benchmarks.harness.paths import shared_dir
from benchmarks.peer.calls import NUMERAL_MODULE, load_harness, probe_subunits
from benchmarks.peer.currencies import supported_currencies
from benchmarks.peer.quantulum import run_quantulum, run_quantulum_errors
from benchmarks.peer.recognizers import run_recognizers_currency, run_recognizers_number

TARGET_CURRENCY_RATE = 0.90


def peer_dir() -> Path | None:
    """The peer suites folder, ``<shared>/peer``, when it exists (``paths.shared_dir``)."""
    path = shared_dir() / "peer"
    return path if path.is_dir() else None


def run(peer: Path | None = None) -> dict[str, Any]:
    """Run every suite; a JSON-serialisable summary (``available`` False if no peer data)."""
    peer = peer or peer_dir()
    if peer is None:
        return {"available": False, "reason": "peer suites not found (../shared/peer)"}
    h = load_harness()
    supported = supported_currencies()
    subunits = probe_subunits(h)
    q = peer / "quantulum3"
    suites: dict[str, Any] = {
        "recognizers.currency": run_recognizers_currency(h, peer, supported, subunits),
        "recognizers.number": run_recognizers_number(h, peer),
        "quantulum3": run_quantulum(h, q / "quantities.json", supported, subunits["en"]),
        "quantulum3.ambiguity": run_quantulum(
            h, q / "quantities.ambiguity.json", supported, subunits["en"]
        ),
        "quantulum3.errors": run_quantulum_errors(h, q / "errors.json"),
    }
    return {
        "available": True,
        "peer_dir": str(peer),
        "extractor": "factcheck.extract_text",
        "parse_numeral": h.numeral_error or f"{NUMERAL_MODULE}.parse_numeral",
        "supported_currencies": sorted(supported),
        "subunits_read": subunits,
        "suites": suites,
        "contract_violations": [{"problem": p, "input": i} for p, i in h.contract],
    }
