"""The audit against the corpus's own verdicts.

Each article has a verdict (``corpus_scores.verdicts``: the file's own in ``wider``, the
README's lists for ``articles``): ``error`` (it holds a genuine slip, described in
``judgement``), ``clean``, or ``borderline`` (off-market but explainable, neither a hit nor
an alarm). The article is audited with ``factcheck.api.audit_text`` as ``harness.corpus``
lays it out; it is *flagged* when it gets a finding of severity warning or error, whatever
its code. An ``error`` article flagged is caught, and caught *on the slip* when such a
finding is on the line of a figure its judgement names (``verdicts.SLIPS``); a ``clean``
one flagged is a false alarm; ``borderline`` ones are counted apart.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from benchmarks.corpus_scores.verdicts import SLIPS, UNSEEABLE, short, slip_figures, verdict
from benchmarks.harness.auditing import Auditor, audit_safely, default_auditor, describe_finding
from benchmarks.harness.corpus import CorpusArticle

VERDICTS: tuple[str, ...] = ("error", "clean", "borderline")


def slip_lines(article: CorpusArticle) -> frozenset[int] | None:
    """The lines of the figures the judgement of an error article names (None: it names
    none that ``verdicts`` can find)."""
    slips = SLIPS.get(short(article.id)) or slip_figures(article)
    if slips is None:
        return None
    lines = set()
    for index in slips:
        offset = article.line_start(int(article.figures[index]["sentence"]))
        lines.add(article.text.count("\n", 0, offset) + 1)
    return frozenset(lines)


def judge_articles(
    articles: Sequence[CorpusArticle], auditor: Auditor | None = None
) -> dict[str, Any] | None:
    """Per verdict, how many articles the audit flagged (and, of the error articles, how
    many on the slip their judgement names), and each judged article's findings (None when
    no article is judged)."""
    judged = [a for a in articles if verdict(a) is not None]
    if not judged:
        return None
    auditor = auditor or default_auditor()
    rows: list[dict[str, Any]] = []
    for article in judged:
        audited = audit_safely(auditor, article.text, article.lang, article.published, article.url)
        alarms = audited.alarms
        lines = slip_lines(article) if verdict(article) == "error" else None
        rows.append(
            {
                "id": article.id,
                "lang": article.lang,
                "verdict": verdict(article),
                "judgement": article.judgement,
                "flagged": bool(alarms),
                "on_slip": None if lines is None else any(f.line in lines for f in alarms),
                "unseeable": UNSEEABLE.get(short(article.id)),
                "codes": sorted({f"{f.code} {f.severity}" for f in alarms}),
                "findings": [describe_finding(f) for f in audited.findings],
                "error": audited.error,
            }
        )
    unknown = sorted({str(r["verdict"]) for r in rows} - set(VERDICTS))
    errors = [r for r in rows if r["verdict"] == "error"]
    return {
        "articles": len(rows),
        "by_verdict": {
            name: {
                "articles": sum(r["verdict"] == name for r in rows),
                "flagged": sum(r["flagged"] for r in rows if r["verdict"] == name),
            }
            for name in (*VERDICTS, *unknown)
        },
        "errors_on_slip": sum(bool(r["on_slip"]) for r in errors),
        "errors_unseeable": sum(r["unseeable"] is not None for r in errors),
        "rows": rows,
    }
