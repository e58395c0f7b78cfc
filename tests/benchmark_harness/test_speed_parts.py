"""The speed benchmark's texts are what it says it measures: the peers' own inputs one a
line in documents of about 2.5 KB, prefixes cut at a line; the engines count what they find;
a process is timed by its CPU time."""

from __future__ import annotations

import decimal
import importlib.util
import json
import sys
from pathlib import Path

import pytest

from benchmarks.speed_parts.engines import ENGINES, feed
from benchmarks.speed_parts.processes import best_cpu
from benchmarks.speed_parts.texts import DOC_BYTES, Text, dense_english


def test_a_prefix_is_whole_lines_within_the_size() -> None:
    text = Text("t", "en", ("one line\ntwo line\n\n", "three line\n"))
    assert text.lines(17) == ["one line", "two line"]
    assert text.lines(1) == ["one line"]  # at least one
    assert text.lines(10_000) == ["one line", "two line", "three line"]


def test_dense_english_is_the_peer_inputs_one_a_line(tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    peer = tmp_path / "peer"
    (peer / "quantulum3").mkdir(parents=True)
    currency = peer / "recognizers-text" / "NumberWithUnit" / "English"
    currency.mkdir(parents=True)
    (peer / "quantulum3" / "quantities.json").write_text(
        json.dumps([{"req": "It weighs 12 kg.", "res": []}]), encoding="utf-8")
    (currency / "CurrencyModel.json").write_text(
        json.dumps([{"Input": "It cost  $5\\nin all.", "Results": []}]), encoding="utf-8")
    monkeypatch.setenv("FACTCHECK_SHARED", str(tmp_path))
    text = dense_english(20_000)
    assert text is not None and text.size >= 20_000
    assert all(len(doc.encode()) >= DOC_BYTES for doc in text.docs)
    assert set(text.docs[0].splitlines()) == {"It weighs 12 kg.", "It cost $5\\nin all."}
    monkeypatch.setenv("FACTCHECK_SHARED", str(tmp_path / "absent"))
    assert dense_english(20_000) is None


def test_ours_and_the_floor_count_what_they_find() -> None:
    pieces = ["The port costs US$98 million, up 4% on 2023."]
    ours, floor = ENGINES["factcheck"]("en").run, ENGINES["re.finditer floor"]("en").run
    assert ours is not None and floor is not None
    assert feed(ours, pieces) >= 2  # the money and the percentage
    assert feed(floor, pieces) == 3  # 98, 4, 2023


def test_recognizers_text_has_no_indonesian() -> None:
    engine = ENGINES["Recognizers-Text"]("id")
    assert engine.run is None and "no id" in engine.why_not


def test_a_process_is_timed_by_its_cpu_time() -> None:
    busy = best_cpu("busy", [sys.executable, "-c", "sum(range(3_000_000))"], {}, 1)
    idle = best_cpu("idle", [sys.executable, "-c", "import time; time.sleep(0.3)"], {}, 1)
    assert busy.exit_code == idle.exit_code == 0
    assert idle.cpu_seconds < 0.25 and busy.cpu_seconds > idle.cpu_seconds


def test_recognizers_text_reads_english_and_french_currency_a_line_at_a_time() -> None:
    if importlib.util.find_spec("recognizers_number_with_unit") is None:  # not imported here
        pytest.skip("recognizers-text-suite is not installed (the dev extra installs it)")
    precision = decimal.getcontext().prec
    pieces = ["It cost $5 million and 300 euros.", "No money here."]
    english = ENGINES["Recognizers-Text"]("en").run
    french = ENGINES["Recognizers-Text"]("fr").run
    assert english is not None and french is not None
    assert feed(english, pieces) == 2
    assert feed(french, ["Il a coûté 5 millions de dollars."]) == 1
    assert decimal.getcontext().prec == precision  # its import sets 15 digits: not ours
