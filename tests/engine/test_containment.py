"""One input the tool fails on never costs the others: it becomes an IN002 finding naming
it, the other inputs are audited and reported as if it were not there, and the command
exits 3 after writing its report, in every engine."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from factcheck.api import audit, extract_paths
from factcheck.engine import claims as claims_engine
from factcheck.engine import runner, shards
from factcheck.errors import InternalError
from factcheck.model import AuditResult
from factcheck.registry import all_checks

ODD = (
    "Proyek pertama bernilai US$ 5 miliar atau setara Rp 81 triliun.\n"
    "Proyek kedua bernilai US$ 7 miliar atau setara Rp 114 triliun.\n"
    "Proyek ketiga bernilai US$ 2 miliar atau setara Rp 36 triliun.\n"
)
OTHER = "Pendapatan perusahaan tahun lalu US$ 4 miliar atau sekitar Rp 62 triliun.\n"
DAY = date(2024, 7, 30)
RECORDS = """records:
  - {id: a-rev, source: {name: Alpha}, published: 2025-03-01, lang: en, subject: Acme,
     metric: revenue, period: "2024", kind: actual, value: "$5 billion"}
  - {id: b-rev, source: {name: Beta}, published: 2025-03-02, lang: en, subject: Acme,
     metric: revenue, period: "2024", kind: actual, value: "$7 billion"}
"""


def broken(code: str, on: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Check ``code`` raises, as a bug would, on the documents whose path holds ``on``."""
    check = all_checks()[code]
    works = check.run

    def run(self: Any, subject: Any, options: Any) -> Any:
        if on in subject.document.path:
            raise ZeroDivisionError("a bug in the check")
        return works(self, subject, options)

    monkeypatch.setattr(check, "run", run)


@pytest.fixture()
def articles(tmp_path: Path) -> tuple[Path, Path]:
    good, bad = tmp_path / "good.txt", tmp_path / "bad.txt"
    good.write_text(ODD, encoding="utf-8")
    bad.write_text(OTHER, encoding="utf-8")
    return good, bad


@pytest.fixture()
def scheduler() -> Iterator[str]:
    """A Dask cluster whose workers are threads of this process, so that they run the
    check broken here."""
    from distributed import LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=False,
                      dashboard_address=None) as cluster:
        yield cluster.scheduler_address


def _codes(result: AuditResult, path: Path) -> list[str]:
    return [f.code for f in result.findings if f.path == str(path)]


@pytest.mark.parametrize("engine", ["local", "jobs", "dask"])
def test_a_check_that_raises_on_one_article_costs_that_article_only(
        articles: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch, engine: str,
        request: pytest.FixtureRequest) -> None:
    good, bad = articles
    alone = audit([good], lang="id", published=DAY)
    broken("FX002", "bad.txt", monkeypatch)
    options: dict[str, Any] = {"jobs": 2} if engine == "jobs" else {}
    if engine == "dask":
        options = {"engine": "dask", "scheduler": request.getfixturevalue("scheduler")}
    result = audit([bad, good], lang="id", published=DAY, **options)
    assert [f for f in result.findings if f.path == str(good)] == list(alone.findings)
    assert _codes(result, bad) == ["IN002"]
    failure = next(f for f in result.findings if f.code == "IN002")
    assert failure.message == "internal error while auditing: ZeroDivisionError: a bug in " \
                              "the check"
    assert (failure.line, failure.severity) == (1, "error")
    assert failure.evidence["exception"] == "ZeroDivisionError"
    assert failure.evidence["raised_at"].startswith("factcheck/engine/dispatch.py:")
    assert result.document_count == 2  # the failed one is in the report, with no figures


def test_a_bug_in_extraction_or_reading_is_contained_too(
        articles: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch) -> None:
    good, bad = articles
    extract = runner.extract_document

    def failing_extract(doc: Any, options: Any = None) -> Any:
        if doc.path.endswith("bad.txt"):
            raise RecursionError("deep")
        return extract(doc, options)

    monkeypatch.setattr(runner, "extract_document", failing_extract)
    result = audit([bad, good], lang="id", published=DAY)
    assert _codes(result, bad) == ["IN002"] and "FX001" in _codes(result, good)
    assert "while auditing: RecursionError: deep" in result.findings[0].message
    read = shards.read_path

    def failing_read(path: str, **options: Any) -> Any:
        if path.endswith("bad.txt"):
            raise TypeError("a bug in a reader")
        return read(path, **options)

    monkeypatch.setattr(shards, "read_path", failing_read)
    result = audit([bad, good], lang="id", published=DAY)
    assert _codes(result, bad) == ["IN002"] and "FX001" in _codes(result, good)
    assert result.findings[0].message == ("internal error while reading: TypeError: a bug in a "
                                          "reader")


def test_extract_paths_returns_the_failure_beside_the_other_documents(
        articles: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch) -> None:
    import factcheck.api as api

    good, bad = articles
    extract = api.extract_document

    def failing_extract(doc: Any, options: Any = None) -> Any:
        if doc.path.endswith("bad.txt"):
            raise OverflowError("too big")
        return extract(doc, options)

    monkeypatch.setattr(api, "extract_document", failing_extract)
    results, errors = extract_paths([bad, good], lang="id")
    assert [r.document.path for r in results] == [str(good)] and len(results[0].figures) == 6
    assert len(errors) == 1 and isinstance(errors[0], InternalError)
    assert str(errors[0]) == f"{bad}: internal error while extracting: OverflowError: too big"


def test_a_bug_in_a_claims_step_is_every_claims_file_s_and_the_articles_are_audited(
        tmp_path: Path, articles: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch) -> None:
    good, _ = articles
    first, second = tmp_path / "claims-a.yaml", tmp_path / "claims-b.yaml"
    first.write_text(RECORDS, encoding="utf-8")
    second.write_text(RECORDS.replace("a-rev", "c-rev").replace("b-rev", "d-rev"),
                      encoding="utf-8")
    clean = audit([good, first, second], lang="id", published=DAY)
    assert {f.code for f in clean.findings} == {"FX001", "XS001"}

    def failing(*args: Any, **kwargs: Any) -> Any:
        raise KeyError("column")

    monkeypatch.setattr(claims_engine, "table_findings", failing)
    result = audit([good, first, second], lang="id", published=DAY)
    assert [(f.code, Path(f.path).name) for f in result.findings if f.code != "FX001"] == [

        ("IN002", "claims-a.yaml"), ("IN002", "claims-b.yaml")]
    assert "while comparing the sources: KeyError: 'column'" in result.findings[0].message
    assert [f for f in result.findings if f.code == "FX001"] == [
        f for f in clean.findings if f.code == "FX001"]


def test_the_command_writes_its_report_and_exits_3(
        articles: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch) -> None:
    from typer.testing import CliRunner

    from factcheck.cli import app

    good, bad = articles
    broken("FX002", "bad.txt", monkeypatch)
    runner_ = CliRunner()
    args = ["audit", str(bad), str(good), "--published", "2024-07-30", "--lang", "id"]
    done = runner_.invoke(app, [*args, "--format", "json"])
    assert done.exit_code == 3
    findings = json.loads(done.stdout)["findings"]
    assert [(f["code"], Path(f["path"]).name) for f in findings] == [
        ("IN002", "bad.txt"), ("FX001", "good.txt")]
    assert done.stderr == ("factcheck: internal error on an input (IN002 in the report); the "
                           "others were audited; set FACTCHECK_DEBUG=1 for the traceback\n")
    selected = runner_.invoke(app, [*args, "--select", "FX001", "--format", "json"])
    assert selected.exit_code == 3 and '"IN002"' in selected.stdout  # no filter hides it
    junit = runner_.invoke(app, [*args, "--format", "junit"])
    assert junit.exit_code == 3 and '<error type="IN002"' in junit.stdout


def test_a_pack_cannot_disable_in002_and_a_baseline_never_holds_it(
        tmp_path: Path, articles: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch) -> None:
    from factcheck.engine.packs import load_pack
    from factcheck.engine.suppress import apply_baseline, baseline_text, read_baseline
    from factcheck.errors import ConfigError

    pack = tmp_path / "pack.yaml"
    pack.write_text("extends: default\nchecks:\n  IN002: {enabled: false}\n", encoding="utf-8")
    with pytest.raises(ConfigError) as refused:
        load_pack(pack)
    assert str(refused.value).startswith(f"{pack}:3: checks.IN002.enabled: IN002 cannot be "
                                         "disabled")
    good, bad = articles
    broken("FX002", "bad.txt", monkeypatch)
    result = audit([bad, good], lang="id", published=DAY)
    text = baseline_text(result.findings)
    assert '"FX001"' in text and "IN002" not in text
    failure = next(f for f in result.findings if f.code == "IN002")
    forged = tmp_path / "baseline.json"
    forged.write_text(json.dumps({"version": 1, "findings": [
        {"path": failure.path, "code": "IN002", "fingerprint": failure.fingerprint}]}))
    kept, covered = apply_baseline(result.findings, read_baseline(forged))
    assert covered == 0 and failure in kept

