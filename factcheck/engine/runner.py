"""Run a pack's checks over documents: extract, check, grade, suppress, baseline, sort.

Documents are audited one at a time; an input that cannot be read becomes an IN001
finding and the others are still audited. Findings come out sorted by (path, line,
column, code) so that outputs diff cleanly.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from factcheck.engine.context import DocumentContext
from factcheck.engine.packs import Pack, load_pack
from factcheck.engine.registry import all_checks, rule_info
from factcheck.engine.suppress import apply_baseline, is_suppressed, markers, read_baseline
from factcheck.errors import InputError
from factcheck.extract import extract_document
from factcheck.model import AuditResult, Document, DocumentFigures, Finding, Lang, RuleInfo

if TYPE_CHECKING:
    from factcheck.normalise.fx import RateProvider


@dataclass(frozen=True)
class AuditSettings:
    pack: Pack
    rates: RateProvider | None


def settings(rules: Path | str | None = None, rates: Path | str | None = None) -> AuditSettings:
    """The pack (default when None) and the rate table (``rates`` over the pack's, over ECB)."""
    from factcheck.normalise.fx import provider_from

    pack = load_pack(rules)
    table = Path(rates) if rates else pack.rates
    return AuditSettings(pack, provider_from(table))


def check_document(
    doc: Document, setup: AuditSettings, known: tuple[object, ...] = ()
) -> tuple[DocumentFigures, list[Finding], int]:
    """The figures of one document, its findings, and how many were suppressed inline.
    ``known`` are figures recorded elsewhere (claims records) that checks may compare with."""
    pack = setup.pack
    figures = extract_document(doc, pack.extraction)
    loosest = any(getattr(r.options, "loosest_reading", False) for r in pack.rules.values()
                  if r.enabled and r.code.startswith("FX"))
    ctx = DocumentContext(doc, figures, setup.rates, loosest=loosest)
    if known:
        ctx.memo["known_figures"] = known
    found: list[Finding] = []
    checks = all_checks()
    for code, rule in pack.rules.items():
        if not rule.enabled or code == "IN001":
            continue
        for finding in checks[code]().run(ctx, rule.options):
            if rule.severity != "auto":
                finding = finding.model_copy(update={"severity": rule.severity})
            found.append(finding)
    marks = markers(doc) if found else {}
    kept = [f for f in found if not is_suppressed(f, marks)]
    return DocumentFigures(document=doc, figures=figures), kept, len(found) - len(kept)


def audit_items(
    items: Iterable[Document | InputError], setup: AuditSettings,
    baseline: Path | None = None, keep_documents: bool = True,
    claims: Sequence[Path | str] = (),
) -> AuditResult:
    """Audit documents (and report the inputs that could not be read), and the claims
    files under ``claims``."""
    from factcheck.checks.unreadable import UnreadableInput
    from factcheck.engine.claims import audit_claim_files

    findings: list[Finding] = []
    documents: list[DocumentFigures] = []
    suppressed = 0
    reading = setup.pack.rules["IN001"]
    known: tuple[object, ...] | None = None
    for item in items:
        if isinstance(item, InputError):
            if reading.enabled:
                findings.append(UnreadableInput.finding(item))
            continue
        if known is None:  # read the records once, and only when an article needs them
            from factcheck.claims.known import known_figures

            known = known_figures(claims) if claims else ()
        result, found, hidden = check_document(item, setup, known)
        findings.extend(found)
        suppressed += hidden
        if keep_documents:
            documents.append(result)
    if claims:
        found, _, hidden = audit_claim_files(claims, setup)
        findings.extend(found)
        suppressed += hidden
    baselined = 0
    if baseline is not None:
        findings, baselined = apply_baseline(findings, read_baseline(baseline))
    findings.sort(key=Finding.sort_key)
    documents.sort(key=lambda d: d.document.path)
    return AuditResult(findings=tuple(findings), documents=tuple(documents),
                       suppressed=suppressed, baselined=baselined)


def audit_paths(
    paths: Sequence[Path | str], *, rules: Path | str | None = None,
    rates: Path | str | None = None, lang: Lang | None = None, published: date | None = None,
    baseline: Path | None = None,
) -> AuditResult:
    """Audit every document under ``paths``."""
    from factcheck.documents import iter_documents

    setup = settings(rules, rates)
    articles, claims = split_inputs(paths)
    return audit_items(iter_documents(articles, lang=lang, published=published), setup, baseline,
                       claims=claims)


def split_inputs(paths: Sequence[Path | str]) -> tuple[list[Path], list[Path]]:
    """(article inputs, claims inputs): a directory is both (each reader takes its own
    files from it); a file is claims data when it is YAML, JSON or CSV."""
    from factcheck.claims.loaders import SUFFIXES

    articles, claims = [], []
    for given in map(Path, paths):
        is_claims = given.suffix.lower() in SUFFIXES
        if given.is_dir() or not is_claims:
            articles.append(given)
        if given.is_dir() or is_claims:
            claims.append(given)
    return articles, claims


def rules_of(pack: Pack) -> list[RuleInfo]:
    """The enabled rules of a pack, for reports."""
    return [rule_info(code, None if r.severity == "auto" else r.severity)  # type: ignore[arg-type]
            for code, r in pack.rules.items() if r.enabled]
