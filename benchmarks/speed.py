"""Speed, side by side in one run: extraction MB/s per text and language next to the
peers on the same text, the bare-regex floor, the audit's cost over extraction (dated and
undated articles), and whole-process start-up times.

Everything is CPU time of this process (``time.process_time``) pinned to one core, the
best of ``--runs`` after a warm-up, so that other work on the machine counts as little as
it can; the load average before and after is printed beside it.

- Extraction (steady state, in this process): ``factcheck.extract_text`` once per document
  of about 2.5 KB over each text (``benchmarks/speed_parts/texts.py``: dense English made of the
  peers' own test inputs, and news in English, Indonesian and French); quantulum3 and
  Recognizers-Text (currency model, ``recognizers-text-suite`` in the dev extra; English and
  French) a line at a time, their fastest use, on a prefix of the same text
  (``--peer-kb``); ``re.finditer`` of digit runs over the same documents as the floor. The
  ratio is our MB/s over each peer's on the same text. Target: 3.7 MB/s, 100x quantulum3.
- Audit / extract: ``factcheck.api.audit_text`` against ``factcheck.extract_text`` on the
  generated articles of the conversion-error set, with their publication date and without
  (an undated article is dated by the rates its conversions fit). Target: 1.5x.
- Whole process: ``factcheck extract`` of a folder holding each text's documents, one file
  each, in a fresh process (start-up, reading, extraction and the JSON output): MB/s.
- Start-up: ``python -m factcheck`` on one small article in a fresh process
  (``benchmarks/speed_parts/processes.py``). Target: audit under 0.35 s.

    python -m benchmarks.speed [--kb KB] [--peer-kb KB] [--runs N] [--articles N] [--json FILE]
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

if not __package__:  # run as a file: python benchmarks/speed.py
    sys.path[0] = str(Path(__file__).resolve().parents[1])

from benchmarks.conversion_errors.articles import render
from benchmarks.conversion_errors.generator import generate
from benchmarks.harness.cli import write_json
from benchmarks.harness.report import table
from benchmarks.harness.timing import pin_one_core
from benchmarks.speed_parts.engines import ENGINES, LINE_FED, feed
from benchmarks.speed_parts.processes import start_up, whole_extraction
from benchmarks.speed_parts.texts import Text, dense_english, news

TARGET_MB_S, TARGET_PEER_RATIO, TARGET_AUDIT_RATIO, TARGET_START = 3.7, 100.0, 1.5, 0.35


def cpu_best(work: Callable[[], object], runs: int) -> float:
    """A warm-up, then the least CPU time of ``runs`` runs."""
    work()
    best = float("inf")
    for _ in range(runs):
        start = time.process_time()
        work()
        best = min(best, time.process_time() - start)
    return best


def extraction(texts: Sequence[Text], peer_bytes: int, runs: int) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    for text in texts:
        for name, make in ENGINES.items():
            engine = make(text.lang)
            if engine.run is None:
                rows.append({"text": text.name, "engine": name, "why_not": engine.why_not})
                continue
            pieces = text.lines(peer_bytes) if name in LINE_FED else list(text.docs)
            size = sum(len(piece.encode("utf-8")) for piece in pieces)
            run = engine.run
            found = feed(run, pieces)
            seconds = cpu_best(lambda run=run, pieces=pieces: feed(run, pieces),  # type: ignore[misc]
                               runs if name not in LINE_FED else max(1, runs // 2))
            rows.append({"text": text.name, "engine": name, "bytes": size, "cpu_s": seconds,
                         "mb_s": size / 1e6 / seconds, "found_per_kb": found / (size / 1e3)})
            print(f"  {text.name}: {name} {size / 1e6 / seconds:.3f} MB/s", file=sys.stderr)
    return rows


def audit_ratio(count: int, runs: int) -> dict[str, float]:
    import factcheck
    from factcheck.api import audit_text

    docs = [(render(a)[0], a.lang, a.published) for a in generate(count)]
    out: dict[str, float] = {"bytes": float(sum(len(t.encode("utf-8")) for t, _, _ in docs))}
    for dated in (True, False):
        for step, call in (("extract", factcheck.extract_text), ("audit", audit_text)):
            def work(call: Any = call, dated: bool = dated) -> None:
                for text, lang, published in docs:
                    call(text, lang, published=published if dated else None)
            out[f"{step} {'dated' if dated else 'undated'}"] = cpu_best(work, runs)
    return out


def report(result: dict[str, Any]) -> list[str]:
    lines = [f"== speed: {result['cpu']}; load average {result['load_before']} before, "
             f"{result['load_after']} after (CPU time, best of {result['runs']})"]
    ours = {r["text"]: r for r in result["extraction"] if r["engine"] == "factcheck"}
    rows = []
    for r in result["extraction"]:
        if "why_not" in r:
            rows.append([r["text"], r["engine"], "-", "-", "-", "-", r["why_not"]])
            continue
        mine = ours[r["text"]]["mb_s"]
        ratio = "-" if r["engine"] == "factcheck" else f"{mine / r['mb_s']:.3g}x"
        rows.append([r["text"], r["engine"], f"{r['bytes']:,}", f"{r['mb_s']:.3f}",
                     f"{r['found_per_kb']:.2f}", ratio, ""])
    lines += table(f"== extraction (target {TARGET_MB_S} MB/s, {TARGET_PEER_RATIO:.0f}x "
                   "quantulum3)", ["text", "engine", "bytes", "MB/s", "found/KB",
                                   "factcheck is", "note"], rows)
    a = result["audit"]
    lines += table(f"== audit / extract on {int(a['bytes']):,} bytes of generated articles "
                   f"(target {TARGET_AUDIT_RATIO}x)", ["articles", "extract s", "audit s",
                                                         "audit / extract"],
                   [[kind, f"{a[f'extract {kind}']:.3f}", f"{a[f'audit {kind}']:.3f}",
                     f"{a[f'audit {kind}'] / a[f'extract {kind}']:.2f}x"]
                    for kind in ("dated", "undated")])
    lines += table("== whole process: factcheck extract of a folder of each text's documents "
                   "(start-up and JSON output included)", ["text", "bytes", "CPU s", "MB/s",
                                                          "in-process MB/s", "exit"],
                   [[w["text"], f"{w['bytes']:,}", f"{w['cpu_seconds']:.3f}",
                     f"{w['bytes'] / 1e6 / w['cpu_seconds']:.3f}",
                     f"{ours[w['text']]['mb_s']:.3f}", w["exit_code"]]
                    for w in result["whole"]])
    lines += table(f"== start-up, a fresh process (target: audit under {TARGET_START} s)",
                   ["command", "CPU s", "exit"],
                   [[p["label"], f"{p['cpu_seconds']:.3f}", p["exit_code"]]
                    for p in result["start_up"]])
    return lines


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--kb", type=int, default=500, help="KB of each text for ours (500)")
    parser.add_argument("--peer-kb", type=int, default=20, help="KB of each text for the "
                        "peers fed a line at a time (20)")
    parser.add_argument("--runs", type=int, default=5, help="timed runs; the best counts")
    parser.add_argument("--articles", type=int, default=360, help="generated articles (360)")
    parser.add_argument("--json", type=Path, help="write the measurements to this file")
    args = parser.parse_args(argv)
    load_before = " ".join(f"{x:.1f}" for x in os.getloadavg())
    cpu = pin_one_core()
    dense = dense_english(args.kb * 1000)
    texts = ([dense] if dense else []) + [news(lang, args.kb * 1000) for lang in ("en", "id", "fr")]
    result = {"cpu": cpu, "runs": args.runs, "load_before": load_before,
              "extraction": extraction(texts, args.peer_kb * 1000, args.runs),
              "audit": audit_ratio(args.articles, args.runs),
              "whole": [vars(whole_extraction(t.name, t.lang, t.docs, max(1, args.runs // 2)))
                        for t in texts],
              "start_up": [vars(p) for p in start_up(args.runs)]}
    result["load_after"] = " ".join(f"{x:.1f}" for x in os.getloadavg())
    print("\n".join(report(result)))
    if args.json:
        write_json(args.json, result)
    return 0


if __name__ == "__main__":
    sys.exit(main())
