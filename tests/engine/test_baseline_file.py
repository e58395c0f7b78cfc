"""A baseline is read like the other configuration files: a bounded regular file, and any
problem with it is a ConfigError naming the file (exit 2), never a hang or a crash."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from factcheck.claims.loaders import load_claims
from factcheck.cli import app
from factcheck.engine.suppress import read_baseline
from factcheck.errors import ConfigError


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes")
def test_a_baseline_that_is_a_pipe_is_refused_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "baseline.json"
    os.mkfifo(fifo)
    with pytest.raises(ConfigError, match=r"not a regular file \(a named pipe\)"):
        read_baseline(fifo)


@pytest.mark.parametrize(("text", "message", "line"), [
    ("[" * 100_000 + "]" * 100_000, "nested too deeply", None),
    ('{"version": 1,\n "findings": [\n  {"path": "a"\n', "not valid JSON", 4),
    ('{"version": 1, "findings": [{"path": ["x"], "code": "FX001", "fingerprint": "f"}]}',
     "unhashable", None),
])
def test_a_broken_baseline_is_a_config_error(tmp_path: Path, text: str, message: str,
                                             line: int | None) -> None:
    path = tmp_path / "baseline.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError, match=message) as caught:
        read_baseline(path)
    assert caught.value.path == str(path) and caught.value.line == line


def test_claims_json_nested_too_deeply_is_an_input_error(tmp_path: Path) -> None:
    path = tmp_path / "deep.json"
    path.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    records, errors = load_claims(path)
    assert records == [] and [e.message for e in errors] == ["not valid JSON: nested too deeply"]


def test_a_configured_baseline_not_yet_written_says_how_to_write_it(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    Path("pyproject.toml").write_text('[tool.factcheck]\nbaseline = "accepted.json"\n',
                                      encoding="utf-8")
    Path("draft.md").write_text("Nilai US$ 5 miliar (sekitar Rp 81 triliun).\n",
                                encoding="utf-8")
    missing = CliRunner().invoke(app, ["audit", "draft.md"])
    assert missing.exit_code == 2
    assert "--write-baseline accepted.json" in missing.stderr
    written = CliRunner().invoke(app, ["audit", "draft.md", "--write-baseline", "accepted.json"])
    assert written.exit_code == 0 and Path("accepted.json").is_file()
    assert CliRunner().invoke(app, ["audit", "draft.md"]).exit_code == 0
