"""The pre-commit hooks in a real repository, run by real pre-commit (`try-repo` against
this checkout): a repository that also holds a .pre-commit-config.yaml, a package.json, a
workflow and an unrelated CSV, with the project's configuration.

pre-commit installs the hooks as it would for a user (`language: python`: `pip install .`
of this repository into a fresh virtualenv). Offline: the virtualenv sees the packages
already installed (VIRTUALENV_SYSTEM_SITE_PACKAGES) and pip builds without an index or an
isolated build environment.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
RECORD = ("- id: {id}\n  source: {{name: {source}}}\n  published: 2024-07-0{day}\n"
          "  subject: Acme\n  metric: net_loss\n  period: '2024'\n  kind: projection\n"
          "  lang: {lang}\n  value: {value}\n")
GOOD = ("---\npublished: 2024-07-30\nlang: id\n---\n"
        "Proyek pertama bernilai US$ 5 miliar atau setara Rp 81 triliun.\n")
ODD = GOOD + ("Proyek kedua bernilai US$ 7 miliar atau setara Rp 114 triliun.\n"
              "Proyek ketiga bernilai US$ 2 miliar atau setara Rp 36 triliun.\n")

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


def _env(home: Path) -> dict[str, str]:
    return {**os.environ, "PRE_COMMIT_HOME": str(home), "VIRTUALENV_SYSTEM_SITE_PACKAGES": "1",
            "PIP_NO_INDEX": "1", "PIP_NO_BUILD_ISOLATION": "0", "GIT_AUTHOR_NAME": "t",
            "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_NAME": "t",
            "GIT_COMMITTER_EMAIL": "t@example.org", "FORCE_COLOR": "0", "NO_COLOR": "1"}


def git(repo: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True,
                   env=_env(repo / ".home"))


def try_repo(repo: Path, hook: str, *args: str) -> subprocess.CompletedProcess[str]:
    """``pre-commit try-repo`` of this checkout's ``hook`` in ``repo``."""
    from importlib.util import find_spec

    if find_spec("pre_commit") is None:
        pytest.skip("pre-commit is not installed (it is in the dev extra)")
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", "try-repo",
         str(ROOT), hook, "--color", "never", *args],
        cwd=repo, capture_output=True, text=True, timeout=600, env=_env(repo.parent / "home"))


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A newsroom's repository, committed: claims, an article, and what every repository
    has besides."""
    repo = tmp_path / "newsroom"
    files = {
        ".pre-commit-config.yaml": "repos:\n  - repo: local\n    hooks: []\n",
        "package.json": '{"name": "site", "version": "1.0.0", "private": true}\n',
        ".github/workflows/site.yml": "on: push\njobs: {}\n",
        "data/prices.csv": "date,price\n2024-01-01,3\n",
        ".factcheck.yaml": "exclude: [drafts]\nbaseline: claims/baseline.json\n",
        "claims/baseline.json": '{"version": 1, "findings": []}\n',
        "claims/alpha.yaml": RECORD.format(id="alpha", source="alpha.example", day=1,
                                           lang="id", value="US$ 5 miliar"),
        "articles/good.md": GOOD,
        "drafts/odd.md": ODD,
    }
    for name, text in files.items():
        (repo / name).parent.mkdir(parents=True, exist_ok=True)
        (repo / name).write_text(text, encoding="utf-8")
    git(repo, "init", "-q", "-b", "main")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "newsroom")
    return repo


def test_both_hooks_pass_on_a_repository_with_other_yaml_json_and_csv(repo: Path) -> None:
    for hook in ("factcheck-claims", "factcheck-articles"):
        run = try_repo(repo, hook, "--all-files")
        assert run.returncode == 0, run.stdout + run.stderr
        assert "Passed" in run.stdout and "IN001" not in run.stdout


def test_a_new_claims_file_is_checked_against_the_records_it_did_not_touch(
        repo: Path) -> None:
    (repo / "claims" / "beta.yaml").write_text(
        RECORD.format(id="beta", source="beta.example", day=2, lang="en",
                      value="$3 billion"), encoding="utf-8")
    git(repo, "add", "claims/beta.yaml")
    alone = subprocess.run([sys.executable, "-m", "factcheck", "audit", "claims/beta.yaml"],
                           cwd=repo, capture_output=True, text=True, check=False)
    assert alone.returncode == 0, alone.stdout  # the changed file alone disagrees with nothing
    run = try_repo(repo, "factcheck-claims")
    assert run.returncode == 1 and "Failed" in run.stdout
    assert "XS001" in run.stdout and "claims/beta.yaml" in run.stdout
    assert "baseline.json" not in run.stdout  # the baseline is never read as claims


def test_the_articles_hook_audits_changed_articles_but_not_excluded_ones(repo: Path) -> None:
    (repo / "drafts" / "odd.md").write_text(ODD + "\n", encoding="utf-8")
    git(repo, "add", "-A")
    assert try_repo(repo, "factcheck-articles").returncode == 0  # drafts are excluded
    (repo / "articles" / "odd.md").write_text(ODD, encoding="utf-8")
    git(repo, "add", "-A")
    run = try_repo(repo, "factcheck-articles")
    assert run.returncode == 1 and "FX001" in run.stdout and "articles/odd.md" in run.stdout
