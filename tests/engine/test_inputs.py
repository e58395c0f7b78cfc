"""Which files an audit reads: the project's globs and exclusions, in a repository that
holds much besides articles and claims."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from factcheck.cli import app
from factcheck.engine.inputs import InputSelection, glob_regex

RECORD = ("- id: {id}\n  source: {{name: {source}}}\n  published: 2024-07-30\n"
          "  subject: Acme\n  metric: net_loss\n  period: '2024'\n  kind: projection\n"
          "  lang: id\n  value: {value}\n")
ARTICLE = "Acme merugi US$ 5 miliar (sekitar Rp 81 triliun) tahun ini.\n"


def repository(root: Path) -> None:
    """A newsroom's repository: claims, articles, and the files every repository has."""
    files = {
        "claims/acme.yaml": RECORD.format(id="a", source="a.example", value="US$ 5 miliar"),
        "claims/baseline.json": json.dumps({"version": 1, "findings": []}),
        "articles/acme.md": ARTICLE,
        "drafts/acme.md": ARTICLE,
        "node_modules/pkg/readme.md": "not an article\n",
        "package.json": json.dumps({"name": "site", "version": "1.0.0"}),
        ".pre-commit-config.yaml": "repos: []\n",
        ".github/workflows/ci.yml": "on: push\n",
        "data/prices.csv": "date,price\n2024-01-01,3\n",
        "mkdocs.yml": "site_name: x\n",
    }
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")


def selection(root: Path, **changes: object) -> InputSelection:
    from factcheck.config.fields import DEFAULT_ARTICLES, DEFAULT_CLAIMS, DEFAULT_EXCLUDE

    base = InputSelection(root, DEFAULT_ARTICLES, DEFAULT_CLAIMS, DEFAULT_EXCLUDE,
                          frozenset({str((root / "claims/baseline.json").resolve())}))
    return InputSelection(**{**base.__dict__, **changes})  # type: ignore[arg-type]


def names(paths: list[Path], root: Path) -> list[str]:
    return [p.resolve().relative_to(root.resolve()).as_posix() for p in paths]


def test_the_root_walk_reads_articles_and_claims_and_nothing_else(tmp_path: Path) -> None:
    repository(tmp_path)
    articles, claims = selection(tmp_path).split([tmp_path])
    assert names(articles, tmp_path) == ["articles/acme.md", "drafts/acme.md"]
    assert names(claims, tmp_path) == ["claims/acme.yaml"]  # not the baseline
    articles, claims = selection(tmp_path, exclude=("drafts", "node_modules")).split([])
    assert (names(articles, tmp_path), names(claims, tmp_path)) == (
        ["articles/acme.md"], ["claims/acme.yaml"])


def test_named_files_are_read_as_given_unless_held_to_the_globs(tmp_path: Path) -> None:
    repository(tmp_path)
    given = [tmp_path / "package.json", tmp_path / "drafts/acme.md",
             tmp_path / "claims/baseline.json", tmp_path / "claims/acme.yaml"]
    articles, claims = selection(tmp_path).split(given)
    assert names(articles, tmp_path) == ["drafts/acme.md"]
    assert names(claims, tmp_path) == ["package.json", "claims/acme.yaml"]
    held = selection(tmp_path, exclude=("drafts",), force_exclude=True)
    articles, claims = held.split(given)
    assert (names(articles, tmp_path), names(claims, tmp_path)) == ([], ["claims/acme.yaml"])
    assert held.split([tmp_path / "drafts/acme.md"]) == ([], [])
    only = selection(tmp_path, only="claims")
    assert names(only.split([tmp_path])[0], tmp_path) == []


def test_the_command_audits_the_configured_project_from_a_subfolder(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    repository(tmp_path)
    (tmp_path / "claims" / "more.yaml").write_text(
        RECORD.format(id="b", source="b.example", value="US$ 2 miliar"), encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text(
        '[tool.factcheck]\narticles = ["articles/**/*.md"]\nbaseline = "claims/baseline.json"\n'
        'exclude = ["drafts"]\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path / "articles")
    run = CliRunner().invoke(app, ["audit", "--format", "json", "--fail-on", "never"])
    assert run.exit_code == 0, run.stderr
    data = json.loads(run.stdout)
    assert data["summary"]["documents"] == 1
    found = {(f["code"], f["path"]) for f in data["findings"]}
    assert ("XS001", "../claims/more.yaml") in found  # across the two claims files
    assert {path for _, path in found} == {"../articles/acme.md", "../claims/more.yaml"}
    run = CliRunner().invoke(app, ["audit", "--only", "articles", "--format", "json",
                                   "--fail-on", "never"])
    data = json.loads(run.stdout)
    assert data["summary"]["documents"] == 1
    assert {f["path"] for f in data["findings"]} == {"../articles/acme.md"}


@pytest.mark.parametrize(("pattern", "path", "expected"), [
    ("*.md", "a/b/c.md", True), ("*.md", "c.mdx", False), ("claims/*.csv", "claims/a.csv", True),
    ("claims/*.csv", "x/claims/a.csv", False), ("claims/*.csv", "claims/x/a.csv", False),
    ("**/claims/**/*.yaml", "claims/a.yaml", True), ("**/claims/**/*.yaml", "d/claims/e/a.yaml",
                                                     True),
    ("**/claims/**/*.yaml", "claimsx/a.yaml", False), ("drafts/", "drafts", True),
    ("/top.md", "top.md", True), ("/top.md", "a/top.md", False), ("a?.md", "ab.md", True),
    ("a?.md", "a/.md", False), ("[!x]y.md", "zy.md", True), ("[!x]y.md", "xy.md", False),
    ("[a-c].md", "b.md", True), ("[a-c].md", "-.md", False),
])
def test_globs_read_like_gitignore(pattern: str, path: str, expected: bool) -> None:
    assert bool(glob_regex(pattern).match(path)) is expected


SEGMENT = st.text(st.characters(blacklist_characters="/\\\0", blacklist_categories=("Cs",)),
                  min_size=1, max_size=8).filter(lambda s: s.strip() == s and s not in (".", ".."))


@given(st.lists(SEGMENT, min_size=1, max_size=5))
def test_a_literal_path_matches_itself_and_a_star_stays_in_its_folder(
        parts: list[str]) -> None:
    escaped = [re.sub(r"([*?\[])", r"[\1]", p) for p in parts]
    path = "/".join(parts)
    assert glob_regex("/" + "/".join(escaped)).match(path)
    assert glob_regex("**/" + escaped[-1]).match(path)
    assert glob_regex("*").match(parts[-1])
    assert bool(glob_regex("/*").match(path)) is (len(parts) == 1)
