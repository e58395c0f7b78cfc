"""What the mutation sets share: kinds declared as data, verdicts, and the run over them.

A mutation set generates correct articles, mutates each the ways editors err, audits the
originals and the mutants, and judges every mutant caught or missed. What differs between
sets is data (``MutationKind``: a key, what the mutation does, the finding codes that
catch it) and the generator and mutators; the bookkeeping is here: the audit of each
original (false alarms, informational findings, audit errors, per language), the verdict
of each mutant (caught, why missed, stale) and the summary both sets report.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Generic, Protocol, TypeVar

from benchmarks.harness.auditing import ALARM, Audited, Auditor, audit_safely, describe_finding
from benchmarks.harness.scoring import ratio
from factcheck.model import Finding, Lang


@dataclass(frozen=True)
class MutationKind:
    """One way editors err, as a mutation set declares it."""

    key: str  # "a", "b", ...
    description: str
    codes: frozenset[str]  # the finding codes that catch it


class Generated(Protocol):
    """A generated article, as the harness sees it."""

    @property
    def id(self) -> str: ...
    @property
    def lang(self) -> Lang: ...
    @property
    def published(self) -> date: ...


class Mutant(Protocol):
    """One mutated article, as the harness sees it."""

    @property
    def id(self) -> str: ...
    @property
    def kind(self) -> str: ...
    @property
    def label(self) -> str: ...  # the kind, or the kind and its size ("a5")
    @property
    def article(self) -> Generated: ...
    def describe(self) -> dict[str, Any]: ...


M = TypeVar("M", bound=Mutant)


@dataclass
class Verdict(Generic[M]):
    """One mutant's verdict, and why when it was missed."""

    mutation: M
    caught: bool
    cause: str  # "caught", or the reason it was missed
    codes: tuple[str, ...]  # codes of the findings that caught it
    stale: bool  # caught only by findings the original article already had
    text: str
    findings: tuple[Finding, ...]
    details: dict[str, Any] = field(default_factory=dict)  # what one set adds to a verdict

    def as_dict(self) -> dict[str, Any]:
        return (
            self.mutation.describe()
            | {"caught": self.caught, "cause": self.cause, "codes": list(self.codes)}
            | self.details
            | {
                "stale": self.stale,
                "text": self.text,
                "findings": [describe_finding(f) for f in self.findings],
            }
        )


def judge_hits(
    mutation: M,
    text: str,
    audited: Audited,
    hits: Sequence[Finding],
    original: Audited,
    key: Callable[[Finding], Hashable],
    explain: Callable[[], str],
) -> Verdict[M]:
    """The verdict on a mutant whose catching findings are ``hits``; ``key`` says when a
    finding is one the original already had, ``explain`` why a miss was missed."""
    before = {key(f) for f in original.findings}
    if audited.error is not None:
        cause = "audit raised " + audited.error.split(":")[0]
    elif hits:
        cause = "caught"
    else:
        cause = explain()
    return Verdict(
        mutation=mutation,
        caught=bool(hits),
        cause=cause,
        codes=tuple(sorted({f.code for f in hits})),
        stale=bool(hits) and all(key(f) in before for f in hits),
        text=text,
        findings=audited.findings,
    )


def alarm_entry(article: Generated, text: str, findings: Sequence[Finding]) -> dict[str, Any]:
    """A correct article that got a warning or an error, for the report."""
    return {
        "id": article.id,
        "lang": article.lang,
        "published": article.published.isoformat(),
        "text": text,
        "codes": sorted({f.code for f in findings if f.severity in ALARM}),
        "findings": [describe_finding(f) for f in findings],
    }


@dataclass
class Survey(Generic[M]):
    """The audits of a mutation set's originals and the verdicts on its mutants."""

    kinds: Sequence[MutationKind]
    articles: int = 0
    false_alarms: list[dict[str, Any]] = field(default_factory=list)
    alarm_codes: Counter[str] = field(default_factory=Counter)
    info_codes: Counter[str] = field(default_factory=Counter)
    audit_errors: list[dict[str, str]] = field(default_factory=list)
    per_lang: defaultdict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))
    verdicts: list[Verdict[M]] = field(default_factory=list)

    def audit_original(self, article: Generated, text: str, auditor: Auditor) -> Audited:
        """Audit a correct article, count what the audit said, and return it."""
        audited = audit_safely(auditor, text, article.lang, article.published)
        self.articles += 1
        if audited.error:
            self.audit_errors.append({"id": article.id, "error": audited.error})
        alarms = audited.alarms
        self.info_codes.update(f.code for f in audited.findings if f.severity not in ALARM)
        self.per_lang[article.lang]["articles"] += 1
        if alarms:
            self.per_lang[article.lang]["false_alarms"] += 1
            self.alarm_codes.update({f.code for f in alarms})
            self.false_alarms.append(alarm_entry(article, text, audited.findings))
        return audited

    def of_kind(self, key: str) -> list[Verdict[M]]:
        return [v for v in self.verdicts if v.mutation.kind == key]

    def lang_alarms(self, lang: str) -> dict[str, Any]:
        counts = self.per_lang[lang]
        return {
            "articles": counts["articles"],
            "false_alarms": counts["false_alarms"],
            "false_alarm_rate": ratio(counts["false_alarms"], counts["articles"]),
        }

    def summary(self) -> dict[str, Any]:
        """The measurements every mutation set reports."""
        missed = [v for v in self.verdicts if not v.caught]
        return {
            "articles": self.articles,
            "mutations": len(self.verdicts),
            "false_alarm_rate": ratio(len(self.false_alarms), self.articles),
            "false_alarms": self.false_alarms,
            "false_alarm_codes": dict(sorted(self.alarm_codes.items())),
            "caught_by_kind": {
                kind.key: dict(Counter(code for v in self.of_kind(kind.key) for code in v.codes))
                for kind in self.kinds
            },
            "stale_catches": sum(v.caught and v.stale for v in self.verdicts),
            "info_on_originals": dict(sorted(self.info_codes.items())),
            "miss_causes": dict(
                Counter(f"{v.mutation.label}: {v.cause}" for v in missed).most_common()
            ),
            "misses": [v.as_dict() for v in missed],
            "audit_errors": self.audit_errors,
        }
