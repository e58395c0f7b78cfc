"""docs/ci.md, followed step by step in a scratch git repository: the configuration, the
baseline, a gate that passes, then fails once a record that does not add up is added; its
workflow and pre-commit snippets name what action.yml and .pre-commit-hooks.yaml provide.
The action's script runs as the action runs it."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from factcheck.report.check_docs import HOME

ROOT = Path(__file__).resolve().parents[1]
DOC = ROOT / "docs" / "ci.md"
STEP = re.compile(r"<!-- step: (.+?) -->\n```(\w+)\n(.*?)```", re.S)
RECORD = ("- id: {source}-acme-net-loss-2024\n  source: {{name: {source}.example}}\n"
          "  published: 2024-07-0{day}\n  subject: Acme\n  metric: net_loss\n"
          "  period: \"2024\"\n  kind: projection\n  lang: {lang}\n  value: {value}\n\n")


def steps() -> list[tuple[str, str, str]]:
    return STEP.findall(DOC.read_text(encoding="utf-8"))


def _env(repo: Path) -> dict[str, str]:
    return {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}"
            f"{os.environ.get('PATH', '')}", "GIT_AUTHOR_NAME": "t",
            "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_NAME": "t",
            "GIT_COMMITTER_EMAIL": "t@example.org", "HOME": str(repo.parent)}


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A newsroom's repository before the gate: claims with one real disagreement between
    sources, an article, a draft that does not add up, and what repositories hold besides."""
    repo = tmp_path / "newsroom"
    files = {
        "claims/acme.yaml": (RECORD.format(source="alpha", day=1, lang="id",
                                           value="US$ 5 miliar")
                             + RECORD.format(source="beta", day=2, lang="en", value="$5 billion")
                             + RECORD.format(source="delta", day=3, lang="en",
                                             value="$3 billion")),
        "articles/acme.md": ("---\npublished: 2024-07-30\nlang: id\n---\n"
                             "Acme merugi US$ 5 miliar atau setara Rp 81 triliun pada 2024.\n"),
        "articles/drafts/acme.md": "Acme merugi US$ 5 miliar atau setara Rp 8 triliun.\n",
        "package.json": '{"name": "site", "private": true}\n',
        ".github/workflows/site.yml": "on: push\njobs: {}\n",
        ".pre-commit-config.yaml": "repos: []\n",
        "data/visits.csv": "day,visits\n2024-07-01,3\n",
        "pyproject.toml": '[project]\nname = "newsroom"\nversion = "1"\n\n',
    }
    for name, text in files.items():
        (repo / name).parent.mkdir(parents=True, exist_ok=True)
        (repo / name).write_text(text, encoding="utf-8")
    for args in (["init", "-q", "-b", "main"], ["add", "-A"], ["commit", "-q", "-m", "data"]):
        subprocess.run(["git", *args], cwd=repo, check=True, env=_env(repo))
    return repo


def test_following_the_ci_guide_gives_a_gate_that_passes_then_fails(repo: Path) -> None:
    done: list[str] = []
    codes: list[int] = []
    for kind, _, block in steps():
        if kind.startswith("append "):
            target = repo / kind.removeprefix("append ")
            with target.open("a", encoding="utf-8") as handle:
                handle.write(block)
        elif kind.startswith("run, exit "):
            run = subprocess.run(["bash", "-e", "-c", block], cwd=repo, env=_env(repo),
                                 capture_output=True, text=True, timeout=300, check=False)
            expected = int(kind.removeprefix("run, exit "))
            assert run.returncode == expected, (block, run.stdout, run.stderr)
            codes.append(run.returncode)
            if expected == 1:
                assert "XS001" in run.stdout and "gamma.example" in run.stdout
                assert "delta.example" not in run.stdout  # accepted in the baseline
        done.append(kind.split(" ")[0].rstrip(","))
    assert codes[-2:] == [0, 1]  # the gate passed, then failed on the bad record
    assert {"append", "run", "workflow", "pre-commit"} <= set(done)


def test_the_workflow_uses_the_action_with_its_own_inputs() -> None:
    (workflow,) = [yaml.safe_load(block) for kind, _, block in steps() if kind == "workflow"]
    action = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
    uses = [s for s in workflow["jobs"]["audit"]["steps"] if "factcheck" in s.get("uses", "")]
    assert len(uses) == 1 and uses[0]["uses"].split("@")[0] == HOME.removeprefix(
        "https://github.com/")
    assert set(uses[0].get("with", {})) <= set(action["inputs"])
    assert workflow["permissions"]["security-events"] == "write"
    audit = next(s for s in action["runs"]["steps"] if s.get("id") == "audit")
    assert audit["run"] == "python -m factcheck.github_action"
    assert set(audit["env"]) == {"FACTCHECK_PATHS", "FACTCHECK_ARGS", "FACTCHECK_SARIF"}


def test_the_pre_commit_snippet_names_the_hooks_there_are() -> None:
    (config,) = [yaml.safe_load(block) for kind, _, block in steps() if kind == "pre-commit"]
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    (entry,) = config["repos"]
    assert entry["repo"] == HOME
    assert {h["id"] for h in entry["hooks"]} == {h["id"] for h in hooks}
    claims = next(h for h in hooks if h["id"] == "factcheck-claims")
    assert claims["pass_filenames"] is False


def test_the_action_script_writes_sarif_annotations_and_its_outputs(
        repo: Path, tmp_path: Path) -> None:
    (repo / "pyproject.toml").write_text(
        '[tool.factcheck]\nexclude = ["articles/drafts"]\n', encoding="utf-8")
    output, summary = tmp_path / "output", tmp_path / "summary"
    env = {**_env(repo), "FACTCHECK_ARGS": "--select XS,FX --fail-on warning",
           "FACTCHECK_SARIF": "out/f.sarif", "GITHUB_OUTPUT": str(output),
           "GITHUB_STEP_SUMMARY": str(summary)}
    (repo / "out").mkdir()
    run = subprocess.run([sys.executable, "-m", "factcheck.github_action"], cwd=repo, env=env,
                         capture_output=True, text=True, timeout=300, check=False)
    assert run.returncode == 1, run.stderr
    assert run.stdout.startswith("::error file=claims/acme.yaml,line=21,")
    assert "delta.example" in run.stdout and len(run.stdout.splitlines()) == 1
    assert output.read_text(encoding="utf-8") == "exit-code=1\nsarif-file=out/f.sarif\n"
    assert summary.read_text(encoding="utf-8") == "factcheck: 1 errors, 0 warnings, 0 notes\n"
    log: dict[str, Any] = json.loads((repo / "out" / "f.sarif").read_text(encoding="utf-8"))
    (result,) = log["runs"][0]["results"]
    assert result["ruleId"] == "XS001"
    assert result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == (
        "claims/acme.yaml")
    env["FACTCHECK_PATHS"] = "articles\n"
    run = subprocess.run([sys.executable, "-m", "factcheck.github_action"], cwd=repo, env=env,
                         capture_output=True, text=True, timeout=300, check=False)
    assert (run.returncode, run.stdout) == (0, "")
    assert output.read_text(encoding="utf-8").endswith("exit-code=0\nsarif-file=out/f.sarif\n")
