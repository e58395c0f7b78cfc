"""The corpus report: money scores per folder and language, then the audit judgement."""

from __future__ import annotations

from typing import Any

from benchmarks.harness.report import INDENT, clip, fmt_score, fmt_value, table

FLAGGED_MEANS = {"error": "caught", "clean": "false alarms", "borderline": "neither"}


def money_section(scores: dict[str, dict[str, dict[str, Any]]]) -> list[str]:
    """One row per folder and language, and one per folder over its languages."""
    rows: list[list[object]] = []
    for folder, by_lang in scores.items():
        for lang, s in by_lang.items():
            rows.append(
                [folder, lang, s["articles"],
                 fmt_score(s["precision"], s["predicted_matched"], s["predicted"]),
                 fmt_score(s["recall"], s["expected_matched"], s["expected"]),
                 f"{s['f1']:.3f}", f"{s['pairs_found']}/{s['pairs']}",
                 f"{s['links_correct']}/{s['links_predicted']}",
                 s["false_positives_on_other_units"]]
            )  # fmt: skip
    out = table(
        "== money on the annotated corpus (same sentence and currency, value within 0.5%)",
        ["folder", "lang", "articles", "precision", "recall", "F1", "pairs linked",
         "links on a pair", "FP on a rate/price"],
        rows,
    )  # fmt: skip
    for folder, by_lang in scores.items():
        errors = by_lang["all"]["errors"]
        out.extend(f"{INDENT}ERROR {folder} {e['article']}: {e['error']}" for e in errors)
    return out


def _describe(item: dict[str, Any]) -> str:
    text = (
        f"{item['article']} s{item['sentence']}: {item['surface']!r} "
        f"{fmt_value(item['value'])} {item['currency']}"
    )
    if item.get("qualifier") == "range":
        text += f" range [{fmt_value(item['low'])}, {fmt_value(item['high'])}]"
    if item.get("role"):
        text += f" ({item['role']})"
    return text


def money_details(folder: str, scores: dict[str, Any]) -> list[str]:
    """Every miss, false positive and missed pair of one folder (verbose)."""
    out: list[str] = []
    for miss in scores["misses"]:
        near = "; ".join(
            f"{p['surface']!r} {fmt_value(p['value'])} {p['currency']}" for p in miss["overlapping"]
        )
        out.append(f"{INDENT}MISS {folder} {_describe(miss)}  <- predicted {near or 'nothing'}")
    for fp in scores["false_positives"]:
        note = f"  (corpus: {', '.join(fp['corpus_units'])})" if fp["corpus_units"] else ""
        out.append(f"{INDENT}FALSE POSITIVE {folder} {_describe(fp)}{note}")
    out.extend(
        f"{INDENT}PAIR {folder} {pm['article']}: {pm['converted']!r} <- {pm['source']!r} "
        f"({pm['reason']})"
        for pm in scores["pair_misses"]
    )
    return out


def judgement_section(folder: str, judged: dict[str, Any] | None, verbose: bool) -> list[str]:
    """Per verdict, the articles that got a warning or error; with ``verbose``, each error
    article and each flagged clean or borderline one, with its findings."""
    if judged is None:
        return [f"== audit judgement ({folder}): no article is judged; skipped"]
    out = table(
        f"== audit judgement ({folder}: {judged['articles']} articles with a verdict; "
        "flagged = a warning or error finding)",
        ["verdict", "articles", "flagged", "flagged means"],
        [
            [verdict, row["articles"], row["flagged"], FLAGGED_MEANS.get(verdict, "")]
            for verdict, row in judged["by_verdict"].items()
        ],
    )
    out.append(f"{INDENT}error articles flagged on the slip their judgement names: "
               f"{judged['errors_on_slip']}; whose slip no reading of the text shows: "
               f"{judged['errors_unseeable']}")
    for row in judged["rows"]:
        if row["error"]:
            out.append(f"{INDENT}AUDIT ERROR {row['id']}: {row['error']}")
        if not verbose or (row["verdict"] != "error" and not row["flagged"]):
            continue
        state = "CAUGHT" if row["flagged"] and row["verdict"] == "error" else (
            "MISSED" if row["verdict"] == "error" else "FLAGGED"
        )
        if state == "CAUGHT" and row["on_slip"] is False:
            state = "CAUGHT ELSEWHERE"
        if state == "MISSED" and row["unseeable"]:
            state = f"UNSEEABLE ({row['unseeable']})"
        codes = ", ".join(row["codes"]) or "-"
        out.append(f"{INDENT}{state} {row['verdict']} {row['id']}: {codes}")
        if row["judgement"]:
            out.append(f"      judgement: {clip(str(row['judgement']), 160)}")
        out.extend(f"      > {f}" for f in row["findings"])
    return out
