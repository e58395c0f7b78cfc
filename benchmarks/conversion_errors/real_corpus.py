"""The conversion checks on the real articles of the shared corpus's ``articles`` folder.

The corpus README judges eight of its articles to hold a genuine conversion error (they must
get an FX finding), and calls others minor or borderline for conversions (off-market but
consistent, truncation, ...): reported apart. The clean rest must get no FX warning or error.
Each article is audited as ``harness.corpus`` lays it out, dated by its publication date or,
when that is not a full date, by the date the corpus used for reference rates.
"""

from __future__ import annotations

from typing import Any

from benchmarks.harness.auditing import (
    ALARM,
    FX_CODES,
    Auditor,
    audit_safely,
    describe_finding,
    finding_dict,
)
from benchmarks.harness.corpus import holds_articles, load_folder, shared_folder

FOLDER = "articles"
CONVERSION_ERRORS = frozenset(
    {"dev-id04", "dev-id07", "dev-id10", "dev-id19", "dev-id23", "dev-en03", "dev-en06", "dev-en07"}
)
BORDERLINE = frozenset(
    {
        "dev-id06", "dev-idn04", "dev-id16", "dev-id22", "dev-id11", "dev-en02", "dev-fr06",
        "dev-id17", "dev-id02", "dev-id08", "dev-id09", "dev-id18", "dev-fr02", "dev-fr03",
        "dev-id14",
    }
)  # fmt: skip


def corpus_group(article_id: str) -> str:
    short = article_id.split("_", 1)[0]
    if short in CONVERSION_ERRORS:
        return "error"
    return "borderline" if short in BORDERLINE else "clean"


def corpus_results(auditor: Auditor) -> dict[str, Any] | None:
    """Per corpus article: its group, the FX findings, and whether the verdict is right
    (None when the corpus is absent)."""
    folder = shared_folder(FOLDER)
    if not holds_articles(folder):
        return None
    rows: list[dict[str, Any]] = []
    for article in load_folder(folder):
        published = article.published or article.reference_date
        audited = audit_safely(auditor, article.text, article.lang, published, article.url)
        fx = [f for f in audited.findings if f.code in FX_CODES]
        alarms = [f for f in fx if f.severity in ALARM]
        group = corpus_group(article.id)
        ok = bool(fx) if group == "error" else (not alarms if group == "clean" else True)
        rows.append(
            {
                "id": article.id,
                "lang": article.lang,
                "group": group,
                "published": published.isoformat() if published else None,
                "fx": [finding_dict(f) for f in fx],
                "fx_errors": sum(f.severity == "error" for f in fx),
                "fx_alarms": len(alarms),
                "ok": ok,
                "error": audited.error,
                "text": article.text,
                "findings": [describe_finding(f) for f in audited.findings],
            }
        )
    in_group = {name: [r for r in rows if r["group"] == name] for name in ("error", "clean")}
    borderline = [r for r in rows if r["group"] == "borderline"]
    return {
        "folder": str(folder),
        "articles": rows,
        "errors_flagged": sum(r["ok"] for r in in_group["error"]),
        "errors": len(in_group["error"]),
        "clean_alarmed": sum(r["fx_alarms"] > 0 for r in in_group["clean"]),
        "clean_fx_errors": sum(r["fx_errors"] > 0 for r in in_group["clean"]),
        "clean": len(in_group["clean"]),
        "borderline_alarmed": sum(r["fx_alarms"] > 0 for r in borderline),
        "borderline": len(borderline),
    }
