"""The audit against the corpus's own verdicts, for folders whose articles carry one.

Each article of such a folder carries ``verdict`` (``error``: it holds a genuine slip,
described in ``judgement``; ``clean``; ``borderline``: off-market but explainable, neither a
hit nor an alarm). The article is audited with ``factcheck.api.audit_text`` as
``harness.corpus`` lays it out; it is *flagged* when it gets a finding of severity warning
or error, whatever its code. An ``error`` article flagged is caught; a ``clean`` one flagged
is a false alarm; ``borderline`` ones are counted apart.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from benchmarks.harness.auditing import Auditor, audit_safely, default_auditor, describe_finding
from benchmarks.harness.corpus import CorpusArticle

VERDICTS: tuple[str, ...] = ("error", "clean", "borderline")


def judge_articles(
    articles: Sequence[CorpusArticle], auditor: Auditor | None = None
) -> dict[str, Any] | None:
    """Per verdict, how many articles the audit flagged, and each judged article's findings
    (None when no article carries a verdict)."""
    judged = [a for a in articles if a.verdict is not None]
    if not judged:
        return None
    auditor = auditor or default_auditor()
    rows: list[dict[str, Any]] = []
    for article in judged:
        audited = audit_safely(auditor, article.text, article.lang, article.published, article.url)
        alarms = audited.alarms
        rows.append(
            {
                "id": article.id,
                "lang": article.lang,
                "verdict": article.verdict,
                "judgement": article.judgement,
                "flagged": bool(alarms),
                "codes": sorted({f"{f.code} {f.severity}" for f in alarms}),
                "findings": [describe_finding(f) for f in audited.findings],
                "error": audited.error,
            }
        )
    unknown = sorted({str(r["verdict"]) for r in rows} - set(VERDICTS))
    return {
        "articles": len(rows),
        "by_verdict": {
            verdict: {
                "articles": sum(r["verdict"] == verdict for r in rows),
                "flagged": sum(r["flagged"] for r in rows if r["verdict"] == verdict),
            }
            for verdict in (*VERDICTS, *unknown)
        },
        "rows": rows,
    }
