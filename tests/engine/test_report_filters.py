"""The findings a gate reports, a step after the audit: --select/--ignore by code, and
--diff-base's lines changed since a git revision (claims findings by the records they
name), in a real git repository."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner

from factcheck.api import filter_findings
from factcheck.cli import app
from factcheck.engine.code_filter import reported
from factcheck.engine.diff_filter import parse_diff
from factcheck.errors import ConfigError
from factcheck.model import AuditResult, Finding

RECORD = ("- id: {id}\n  source: {{name: {source}}}\n  published: 2024-07-0{day}\n"
          "  subject: Acme\n  metric: net_loss\n  period: '2024'\n  kind: projection\n"
          "  lang: {lang}\n  value: {value}\n")
ODD = (
    "Proyek pertama bernilai US$ 5 miliar atau setara Rp 81 triliun.\n"
    "Proyek kedua bernilai US$ 7 miliar atau setara Rp 114 triliun.\n"
    "Proyek ketiga bernilai US$ 2 miliar atau setara Rp 36 triliun.\n"
)


@pytest.mark.parametrize(("select", "ignore", "code", "expected"), [
    (["ALL"], [], "FX001", True), (["FX"], [], "AR001", False), (["FX"], ["FX001"], "FX001",
                                                                  False),
    (["FX"], ["FX001"], "FX002", True), (["FX001"], ["FX"], "FX001", True),
    (["ALL"], ["FX"], "FX003", False), (["FX00"], ["FX00"], "FX001", False),
])
def test_the_most_specific_entry_decides(select: list[str], ignore: list[str], code: str,
                                         expected: bool) -> None:
    assert reported(code, select, ignore) is expected


def test_a_code_that_names_no_check_is_an_error() -> None:
    with pytest.raises(ConfigError, match="'XX' matches no check"):
        filter_findings(AuditResult(findings=()), ignore=["XX"])
    run = CliRunner().invoke(app, ["audit", "--select", "FX01", "--isolated", "examples"])
    assert run.exit_code == 2 and "select: 'FX01' matches no check" in run.stderr


def git(repo: Path, *args: str) -> str:
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org"}
    return subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True,
                          text=True, env=env).stdout


def audit(repo: Path, monkeypatch: pytest.MonkeyPatch, *args: str) -> list[tuple[str, str, int]]:
    monkeypatch.chdir(repo)
    run = CliRunner().invoke(app, ["audit", "--format", "json", "--fail-on", "never",
                                   "--lang", "id", *args])
    assert run.exit_code == 0, run.stderr
    return [(f["code"], f["path"], f["line"]) for f in json.loads(run.stdout)["findings"]]


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    git(tmp_path, "init", "-q", "-b", "main")
    (tmp_path / "claims").mkdir()
    (tmp_path / "claims" / "alpha.yaml").write_text(
        RECORD.format(id="alpha", source="alpha.example", day=1, lang="id",
                      value="US$ 5 miliar"), encoding="utf-8")
    (tmp_path / "claims" / "beta.yaml").write_text(
        "# beta's figures\n" + RECORD.format(id="beta", source="beta.example", day=2,
                                             lang="en", value="$5 billion"),
        encoding="utf-8")
    (tmp_path / "old.txt").write_text(ODD, encoding="utf-8")
    git(tmp_path, "add", "-A")
    git(tmp_path, "commit", "-q", "-m", "data")
    return tmp_path


def test_only_findings_on_changed_lines_and_new_files(
        repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert audit(repo, monkeypatch, "--select", "FX001") == [("FX001", "old.txt", 3)]
    assert audit(repo, monkeypatch, "--diff-base", "main") == []
    (repo / "new.txt").write_text(ODD, encoding="utf-8")  # untracked: wholly new
    (repo / "old.txt").write_text(ODD.replace("Rp 114 triliun", "Rp 113 triliun") + "\n",
                                  encoding="utf-8")  # line 2 changed, the finding is on 3
    found = audit(repo, monkeypatch, "--diff-base", "main", "--select", "FX001")
    assert found == [("FX001", "new.txt", 3)]
    git(repo, "checkout", "-q", "-b", "topic")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "topic")
    (repo / "old.txt").write_text(ODD.replace("Rp 36", "Rp 37"), encoding="utf-8")
    found = audit(repo, monkeypatch, "--diff-base", "main", "--select", "FX001")
    assert found == [("FX001", "new.txt", 3), ("FX001", "old.txt", 3)]


def test_a_claims_finding_counts_when_a_record_it_names_changed(
        repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    alpha = repo / "claims" / "alpha.yaml"
    alpha.write_text(alpha.read_text(encoding="utf-8").replace("US$ 5", "US$ 3"),
                     encoding="utf-8")
    # No majority: the later record (beta, untouched) is named, against alpha.
    assert audit(repo, monkeypatch, "--select", "XS") == [("XS001", "claims/beta.yaml", 2)]
    assert audit(repo, monkeypatch, "--diff-base", "HEAD") == [
        ("XS001", "claims/beta.yaml", 2)]
    git(repo, "commit", "-q", "-am", "alpha changed")
    assert audit(repo, monkeypatch, "--diff-base", "HEAD") == []
    beta = repo / "claims" / "beta.yaml"  # a change inside beta's record, not on its line
    beta.write_text(beta.read_text(encoding="utf-8").replace("kind: projection",
                                                             "kind:  projection"),
                    encoding="utf-8")
    assert audit(repo, monkeypatch, "--diff-base", "HEAD") == [
        ("XS001", "claims/beta.yaml", 2)]


def test_a_bad_revision_or_no_repository_is_exit_2(
        repo: Path, tmp_path_factory: pytest.TempPathFactory,
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(repo)
    run = CliRunner().invoke(app, ["audit", "--diff-base", "no-such-ref"])
    assert run.exit_code == 2 and "--diff-base: git rev-parse failed" in run.stderr
    monkeypatch.chdir(tmp_path_factory.mktemp("bare"))
    run = CliRunner().invoke(app, ["audit", "--diff-base", "HEAD", str(repo / "old.txt")])
    assert run.exit_code == 2 and "not a git repository" in run.stderr


def test_the_diff_is_read_with_quoted_names_binaries_and_deletions(tmp_path: Path) -> None:
    text = (
        'diff --git "a/n\\303\\251ws.md" "b/n\\303\\251ws.md"\n'
        '--- "a/n\\303\\251ws.md"\n+++ "b/n\\303\\251ws.md"\n'
        "@@ -3 +3,2 @@ x\n-a\n+b\n+c\n@@ -9,2 +10,0 @@\n-d\n-e\n"
        "diff --git a/x.parquet b/x.parquet\nBinary files a/x.parquet and b/x.parquet differ\n"
        "diff --git a/gone.md b/gone.md\n--- a/gone.md\n+++ /dev/null\n@@ -1 +0,0 @@\n-z\n")
    changes = parse_diff(text, tmp_path)
    assert changes.lines == {os.path.realpath(tmp_path / "néws.md"): {3, 4, 10, 11}}
    assert changes.whole == {os.path.realpath(tmp_path / "x.parquet")}
    finding = Finding(code="FX001", name="n", severity="error", message="m",
                      path=str(tmp_path / "néws.md"), line=11, column=1)
    assert finding.line in changes.lines[os.path.realpath(finding.path)]
