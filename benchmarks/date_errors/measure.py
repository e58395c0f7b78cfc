"""The date set's run: every original, mutant and probe audited, tallied as a dict."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from typing import Any

from benchmarks.date_errors.articles import render
from benchmarks.date_errors.generator import DEFAULT_ARTICLES, LANGS, SEED, generate
from benchmarks.date_errors.judging import judge
from benchmarks.date_errors.mutations import (
    KINDS,
    THRESHOLD,
    DateMutation,
    mutations,
    probe_variant,
)
from benchmarks.harness.auditing import Auditor, audit_safely, default_auditor
from benchmarks.harness.mutation_sets import Survey, Verdict, alarm_entry
from benchmarks.harness.rates import Rates
from benchmarks.harness.scoring import ratio, tally

Result = Verdict[DateMutation]


def run(
    limit: int | None = None,
    *,
    articles: int = DEFAULT_ARTICLES,
    seed: int = SEED,
    auditor: Auditor | None = None,
    probe: bool = True,
) -> dict[str, Any]:
    """The whole benchmark as a dict; ``limit`` takes the first ``limit`` generated articles
    (a deterministic subsample: article ``i`` does not depend on how many are made)."""
    auditor = auditor or default_auditor()
    rates = Rates()
    originals = generate(min(articles, limit) if limit else articles, seed, rates)
    survey: Survey[DateMutation] = Survey(KINDS)
    probe_alarms: list[dict[str, Any]] = []
    probe_codes: Counter[str] = Counter()
    skipped: Counter[str] = Counter()
    for article in originals:
        audited = survey.audit_original(article, render(article)[0], auditor)
        made = mutations(article, rates, seed)
        skipped.update({kind.key for kind in KINDS} - {m.kind for m in made})
        survey.verdicts.extend(judge(m, auditor, audited) for m in made)
        if probe:
            variant = probe_variant(article)
            vtext, _ = render(variant)
            checked = audit_safely(auditor, vtext, article.lang, article.published)
            survey.per_lang[article.lang]["probe_alarms"] += bool(checked.alarms)
            if checked.alarms:
                probe_codes.update({f.code for f in checked.alarms})
                probe_alarms.append(alarm_entry(variant, vtext, checked.findings))
    verdicts = survey.verdicts

    def table(keep: Callable[[Result], bool]) -> dict[str, dict[str, Any]]:
        """Per kind: the tally over all languages and per language."""
        out: dict[str, dict[str, Any]] = {}
        for kind in KINDS:
            chosen = [v for v in verdicts if keep(v) and v.mutation.kind == kind.key]
            out[kind.key] = {"all": tally(chosen)} | {
                lang: tally([v for v in chosen if v.mutation.article.lang == lang])
                for lang in LANGS
            }
        return out

    by_kind = {k.key: tally(survey.of_kind(k.key)) for k in KINDS}
    shifts = survey.of_kind("a")
    return survey.summary() | {
        "by_kind": by_kind,
        "recall": table(lambda v: True),
        "recall_detectable": table(lambda v: v.mutation.detectable),
        "shift": {
            "all": by_kind["a"],
            "rates_3pct": tally([v for v in shifts if (v.mutation.rate_diff or 0) >= THRESHOLD]),
            "gap_3pct": tally([v for v in shifts if (v.mutation.gap or 0) > THRESHOLD]),
            "under_3pct": tally([v for v in shifts if (v.mutation.gap or 0) <= THRESHOLD]),
        },
        "not_applicable": dict(skipped),
        "by_lang": {
            lang: survey.lang_alarms(lang)
            | {"probe_alarms": survey.per_lang[lang]["probe_alarms"]}
            for lang in LANGS
        },
        "probe": {
            "articles": len(originals) if probe else 0,
            "false_alarms": len(probe_alarms),
            "false_alarm_rate": ratio(len(probe_alarms), len(originals)) if probe else None,
            "codes": dict(sorted(probe_codes.items())),
            "alarms": probe_alarms,
        },
    }
