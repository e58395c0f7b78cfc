"""Whether an audit caught a date-set mutant, and why not when it did not."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache, partial

from benchmarks.date_errors.articles import render, slot_span
from benchmarks.date_errors.mutations import EXPECTED, THRESHOLD, DateMutation
from benchmarks.harness.auditing import ALARM, Audited, Auditor, audit_safely, extract, figure_at
from benchmarks.harness.mutation_sets import Verdict, judge_hits
from factcheck.lang.loader import language
from factcheck.model import Finding


def _key(finding: Finding) -> tuple[str, int, str]:
    return finding.code, finding.line, finding.message


def judge(mutation: DateMutation, auditor: Auditor, original: Audited) -> Verdict[DateMutation]:
    """Caught when a finding of the kind's codes sits on the mutated sentence's line."""
    art = mutation.article
    text, numbers = render(art)
    line_no = numbers[mutation.line]
    audited = audit_safely(auditor, text, art.lang, art.published)
    hits = [f for f in audited.findings if f.code in EXPECTED[mutation.kind] and f.line == line_no]
    why = partial(miss_cause, mutation, text, audited.findings, line_no)
    return judge_hits(mutation, text, audited, hits, original, _key, why)


@cache
def _lexicon(lang: str, key: str) -> tuple[str, ...]:
    return tuple(str(w).casefold() for w in getattr(language(lang).tense, key))


def _has_word(text: str, words: Sequence[str]) -> list[str]:
    folded = text.casefold().replace("’", "'")
    return [w for w in words if re.search(rf"(?<!\w){re.escape(w)}(?!\w)", folded)]


def miss_cause(mutation: DateMutation, text: str, findings: Sequence[Finding], line_no: int) -> str:
    """Why a mutation went unflagged, as far as the extracted figures tell."""
    art = mutation.article
    figures = extract(text, art.lang, art.published)
    here = [f for f in findings if f.line == line_no and f.severity in ALARM]
    elsewhere = ", ".join(sorted({f"{f.code}@{f.line}" for f in here}))
    has = f" (has {elsewhere})" if elsewhere else ""
    if mutation.kind == "a":
        src = figure_at(figures, slot_span(art, mutation.line, "src"))
        dst = figure_at(figures, slot_span(art, mutation.line, "dst"))
        if src is None or dst is None or "money" not in (src.kind, dst.kind):
            return "conversion not read as money"
        if dst.equivalent_of != src.id:
            return "pair not linked by the extractor"
        if dst.period is None or dst.period.label != art.period.shifted(-1).label:
            got = dst.period.label if dst.period else None
            return f"period not read on the converted figure (got {got})"
        if (mutation.gap or 0.0) <= THRESHOLD:
            return "the printed conversion is within 3% of the shifted date's rate"
        return f"no FX005/FX002 on the line{has}"
    if mutation.kind == "b":
        first = figure_at(figures, slot_span(art, mutation.line, "src"))
        if first is None:
            return "figure not read"
        if first.tense != "future":
            return f"future wording {mutation.after!r} not read as future (tense {first.tense})"
        if first.period is None or first.period.end is None:
            return "period not read on the figure"
        pasts = _has_word(mutation.after, _lexicon(art.lang, "past"))
        if pasts:
            return f"a past marker inside the future wording ({', '.join(pasts)})"
        return f"no DT001 on the line{has}"
    ratio = figure_at(figures, slot_span(art, mutation.line, "ratio"))
    if ratio is None or ratio.kind not in ("ratio", "percent"):
        return f"ratio word {mutation.after!r} not read as a ratio"
    whole_line = art.whole_line if art.whole_line is not None else mutation.line
    whole = figure_at(figures, slot_span(art, whole_line, "whole"))
    r_label = ratio.period.label if ratio.period else None
    w_label = whole.period.label if whole is not None and whole.period else None
    if art.whole_line is not None and r_label != w_label:
        return f"the ratio's period ({r_label}) is not the whole's ({w_label})"
    if not mutation.detectable:
        return "the printed X and Y admit the new ratio word (round figures)"
    return f"no AR001 on the line{has}"
