"""The three engines (in process, ``--jobs N`` processes, Dask) give the same bytes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from factcheck.cli import app
from factcheck.engine import shards
from factcheck.engine.audit import audit_inputs
from factcheck.engine.settings import AuditJob, rules_of, settings
from factcheck.report import render

ROOT = Path(__file__).resolve().parents[2]
RIGHT = ("Perusahaan itu merugi US$ 5 miliar atau sekitar Rp 77,5 triliun, sementara "
         "pendapatannya US$ 3 miliar (Rp 46,5 triliun).")
WRONG = ("Perusahaan itu merugi US$ 5 miliar atau sekitar Rp 77,5 triliun, sementara "
         "pendapatannya US$ 3 miliar (Rp 52 triliun).")


ACCEPTED = """records:
  - {id: a-rev, source: {name: Alpha}, published: 2025-03-01, lang: en, subject: Acme,
     metric: revenue, period: "2024", kind: actual, value: "$5 billion"}
  - {id: b-rev, source: {name: Beta}, published: 2025-03-02, lang: en, subject: Acme,
     metric: revenue, period: "2024", kind: actual, value: "$5 billion"}
  - {id: c-rev, source: {name: Gamma}, published: 2025-03-03, lang: en, subject: Acme,
     metric: revenue, period: "2024", kind: actual, value: "$7 billion", ignore: [XS001]}
"""


def _archive(folder: Path) -> Path:
    path = folder / "archive.jsonl"
    lines = [json.dumps({"id": f"a{i}", "published": "2024-03-28", "lang": "id",
                         "text": WRONG if i % 7 == 3 else RIGHT}) for i in range(40)]
    lines[11] = "{not json"
    lines.append(json.dumps({"id": "a2", "text": RIGHT}))  # an id of the first block again
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture()
def inputs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    import pyarrow as pa
    import pyarrow.parquet as pq

    monkeypatch.setattr(shards, "BLOCK", 700)  # many blocks, read by several workers
    rows = pa.table({"id": [f"p{i}" for i in range(12)], "published": ["2024-03-28"] * 12,
                     "text": [WRONG if i % 5 == 1 else RIGHT for i in range(12)]})
    pq.write_table(rows, tmp_path / "archive.parquet", row_group_size=4)
    (tmp_path / "accepted.yaml").write_text(ACCEPTED, encoding="utf-8")
    return [_archive(tmp_path), tmp_path / "archive.parquet", ROOT / "claims",
            ROOT / "examples", tmp_path / "accepted.yaml"]


def _report(paths: list[Path], fmt: str = "json", rules: str | None = None,
            **engine: object) -> str:
    job = AuditJob(rules=rules, keep_documents=fmt == "markdown")
    result = audit_inputs(paths, job, **engine)  # type: ignore[arg-type]
    return render(fmt, result, rules_of(settings().pack))


def test_processes_and_dask_give_the_local_engine_s_bytes(inputs: list[Path]) -> None:
    local = _report(inputs)
    assert _report(inputs, jobs=2) == local
    assert _report(inputs, engine="dask", jobs=2) == local
    findings = json.loads(local)["findings"]
    archive = str(inputs[0])
    wrong_lines = {i + 1 for i in range(40) if i % 7 == 3 and i != 11}
    assert {f["line"] for f in findings if f["path"].startswith(archive) and
            f["code"] == "FX001"} == wrong_lines
    unreadable = {(f["line"], f["message"]) for f in findings if f["code"] == "IN001"}
    assert (12, next(m for line, m in unreadable if line == 12)) in unreadable
    assert (41, "id: duplicate id 'a2' (first on line 3)") in unreadable
    assert any(f["code"] == "XS001" for f in findings)  # the claims, on dask.dataframe too
    assert not any("accepted.yaml" in f["path"] for f in findings)  # its ignore list holds
    assert {f["line"] for f in findings if ".parquet#" in f["path"] and
            f["code"] == "FX001"} == {2, 7, 12}  # rows, from three row groups
    articles = 39 + 12 + len(list((ROOT / "examples").iterdir()))  # not the bad line, not the twin
    assert json.loads(local)["summary"]["documents"] == articles


def test_reports_that_show_the_texts_are_the_same_from_worker_processes(
        inputs: list[Path]) -> None:
    assert _report(inputs, "markdown", jobs=2) == _report(inputs, "markdown")
    from factcheck.api import audit

    in_process, in_workers = audit(inputs), audit(inputs, jobs=2)
    assert in_workers == in_process and len(in_process.documents) == in_process.audited > 50
    assert in_process.records == 3 + sum(  # every record of the claims, once
        f.read_text(encoding="utf-8").count("\n  - id: ") for f in (ROOT / "claims").iterdir())


def test_an_existing_dask_scheduler_is_used_when_given(
        inputs: list[Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from distributed import LocalCluster

    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)  # the workers start here, in another directory
    with LocalCluster(n_workers=1, threads_per_worker=1, processes=True,
                      dashboard_address=None) as cluster:
        monkeypatch.chdir(tmp_path)  # and the command runs here, naming inputs relatively
        (tmp_path / "pack.yaml").write_text("extends: default\nchecks:\n  FX001: "
                                            "{severity: info}\n", encoding="utf-8")
        given = [Path(p.name) for p in inputs[:2]]
        remote = _report(given, rules="pack.yaml", engine="dask",
                         scheduler=cluster.scheduler_address)
    assert remote == _report(given, rules="pack.yaml")
    assert "cannot read" not in remote and '"FX001"' in remote
    assert '"warning"' not in remote  # the pack the command named, read by the workers too


def test_engine_options_are_checked(tmp_path: Path) -> None:
    import dask

    article = tmp_path / "a.txt"
    article.write_text(RIGHT, encoding="utf-8")
    runner = CliRunner()
    lone = runner.invoke(app, ["audit", str(article), "--scheduler", "tcp://127.0.0.1:1"])
    assert lone.exit_code == 2 and "--scheduler needs --engine dask" in lone.output
    with dask.config.set({"distributed.comm.timeouts.connect": "1s"}):
        away = runner.invoke(app, ["audit", str(article), "--engine", "dask", "--scheduler",
                                   "tcp://127.0.0.1:9"])
    assert away.exit_code == 2, away.output
    assert "cannot reach the Dask scheduler tcp://127.0.0.1:9" in away.output
    zero = runner.invoke(app, ["audit", str(article), "--jobs", "0"])
    assert zero.exit_code == 2


def test_a_changed_pack_is_read_again(tmp_path: Path) -> None:
    from factcheck.api import audit

    article = tmp_path / "a.txt"
    article.write_text(WRONG, encoding="utf-8")
    pack = tmp_path / "pack.yaml"
    pack.write_text("extends: default\n", encoding="utf-8")
    assert any(f.code == "FX001" for f in audit([article], rules=pack).findings)
    pack.write_text("extends: default\nchecks:\n  FX001: {enabled: false}\n", encoding="utf-8")
    assert not any(f.code == "FX001" for f in audit([article], rules=pack).findings)


def test_a_path_the_system_refuses_is_an_unreadable_input(tmp_path: Path) -> None:
    long_name = str(tmp_path / ("x" * 300 + ".txt"))
    outcome = CliRunner().invoke(app, ["audit", long_name])
    assert outcome.exit_code == 2 and "IN001" in outcome.output
    assert "cannot read" in outcome.output and "Dask" not in outcome.output
