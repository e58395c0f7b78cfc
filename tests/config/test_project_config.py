"""The project's configuration: found from the working directory up, checked with the file,
line and key of a mistake, overridden by the command line, and printed with its origins."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from factcheck.cli import app
from factcheck.config import find_config, load_config
from factcheck.errors import ConfigError

PYPROJECT = """\
[project]
name = "newsroom"

[tool.factcheck]
articles = ["articles/**/*.md"]
fail-on = "error"
baseline = "checks/baseline.json"

[tool.other]
x = 1
"""


def run(cwd: Path, monkeypatch: pytest.MonkeyPatch, *args: str) -> tuple[int, str, str]:
    monkeypatch.chdir(cwd)
    result = CliRunner().invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_found_from_a_subfolder_and_paths_are_the_files_own(tmp_path: Path,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "pyproject.toml").write_text(PYPROJECT, encoding="utf-8")
    below = tmp_path / "articles" / "2024"
    below.mkdir(parents=True)
    monkeypatch.chdir(below)
    config = load_config()
    assert config.file == tmp_path / "pyproject.toml" and config.root == tmp_path
    assert config.value("fail-on") == "error"
    assert config.settings["fail-on"].origin == "../../pyproject.toml:6"
    assert config.path("baseline") == Path("../../checks/baseline.json")
    assert config.settings["lang"].origin == "default"


def test_yaml_comes_first_and_a_pyproject_without_the_table_is_passed_over(
        tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(PYPROJECT, encoding="utf-8")
    inner = tmp_path / "inner"
    inner.mkdir()
    (inner / "pyproject.toml").write_text('[project]\nname = "x"\n', encoding="utf-8")
    assert find_config(inner) == tmp_path / "pyproject.toml"
    (tmp_path / ".factcheck.yaml").write_text("lang: fr\n", encoding="utf-8")
    assert find_config(inner) == tmp_path / ".factcheck.yaml"
    (inner / ".factcheck.yml").write_text("lang: id\n", encoding="utf-8")
    assert find_config(inner) == inner / ".factcheck.yml"
    assert load_config(inner).value("lang") == "id"


@pytest.mark.parametrize(("name", "text", "where", "message"), [
    (".factcheck.yaml", "lang: id\nfail_on: error\n", ":2: fail_on:",
     "unknown setting (did you mean 'fail-on'?)"),
    (".factcheck.yaml", "articles: 3\n", ":1: articles:", "must be a list of glob patterns"),
    (".factcheck.yaml", "fail-on: sometimes\n", ":1: fail-on:", "must be one of error"),
    (".factcheck.yaml", "select: [FX001, fx-1]\n", ":1: select:", "'FX-1' is not a check"),
    (".factcheck.yaml", "lang: [id\n", ":2:", "not valid YAML"),
    (".factcheck.yaml", "- lang\n", ":1:", "must be a mapping"),
    ("pyproject.toml", PYPROJECT.replace('fail-on = "error"', "fail-on = 1"),
     ":6: fail-on:", "must be one of"),
    ("pyproject.toml", PYPROJECT.replace("[tool.other]", "[tool.other"), ":9:",
     "not valid TOML"),
])
def test_a_bad_setting_names_file_line_and_key(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str, text: str, where: str,
        message: str) -> None:
    (tmp_path / name).write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_config(tmp_path)
    assert where in f"{caught.value}" and message in str(caught.value)
    code, out, _ = run(tmp_path, monkeypatch, "config", "--isolated")
    assert code == 0 and "defaults apply" in out  # --isolated reads no file
    code, _, err = run(tmp_path, monkeypatch, "config")
    assert code == 2 and f"error: {name}{where}" in err and message in err
    code, _, err = run(tmp_path, monkeypatch, "audit")
    assert code == 2 and f"{name}{where}" in err and "Traceback" not in err


def test_the_command_line_overrides_and_config_says_where_values_came_from(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / ".factcheck.yaml").write_text(
        "# the newsroom's gate\nfail-on: never\nexclude: [drafts]\nlang: id\n",
        encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    config = load_config(tmp_path, overrides={"fail-on": "warning", "exclude": ["old/*"]})
    assert config.settings["fail-on"].value == "warning"
    assert config.settings["fail-on"].origin == "command line"
    assert config.settings["exclude"].value == ("drafts", "old/*")
    assert config.settings["exclude"].origin == ".factcheck.yaml:3 and the command line"
    code, out, _ = run(tmp_path, monkeypatch, "config")
    assert code == 0
    assert 'fail-on = "never"  # from .factcheck.yaml:2' in out
    assert 'lang = "id"  # from .factcheck.yaml:4' in out
    assert 'rules = null  # from default' in out
    code, out, _ = run(tmp_path, monkeypatch, "config", "--format", "json")
    data = json.loads(out)
    assert data["file"] == str(tmp_path / ".factcheck.yaml")
    assert data["settings"]["exclude"] == {"value": ["drafts"], "origin": ".factcheck.yaml:3"}
    with pytest.raises(ConfigError, match="--select"):
        load_config(tmp_path, overrides={"select": "F-X"})


def test_fail_on_from_the_file_and_from_the_command_line(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "a.txt").write_text(
        "Proyek pertama bernilai US$ 5 miliar atau setara Rp 81 triliun.\n"
        "Proyek kedua bernilai US$ 7 miliar atau setara Rp 114 triliun.\n"
        "Proyek ketiga bernilai US$ 2 miliar atau setara Rp 36 triliun.\n", encoding="utf-8")
    (tmp_path / ".factcheck.yaml").write_text("fail-on: never\nlang: id\n", encoding="utf-8")
    assert run(tmp_path, monkeypatch, "audit", "a.txt")[0] == 0
    assert run(tmp_path, monkeypatch, "audit", "a.txt", "--fail-on", "info")[0] == 1
    assert run(tmp_path, monkeypatch, "audit", "a.txt", "--isolated")[0] == 1
