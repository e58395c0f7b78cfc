"""`audit --report-dir`: four files written atomically, and the progress line."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from rich.console import Console
from typer.testing import CliRunner

from factcheck.cli import app
from factcheck.engine.runner import audit_paths, rules_of, settings
from factcheck.report import figures, html, render
from factcheck.report.progress import wanted, with_progress
from factcheck.report.report_dir import FILES, write_report_dir

ROOT = Path(__file__).resolve().parents[2]
RULES = rules_of(settings().pack)


def test_the_four_files_are_the_reporters_outputs(tmp_path: Path) -> None:
    result = audit_paths([ROOT / "examples"])
    written = write_report_dir(tmp_path / "out", result, RULES)
    assert [p.name for p in written] == list(FILES)
    out = tmp_path / "out"
    assert (out / "findings.json").read_text(encoding="utf-8") == render("json", result, RULES)
    assert (out / "figures.csv").read_text(encoding="utf-8") == figures.render(
        result.documents, "csv")
    assert (out / "report.md").read_text(encoding="utf-8") == render("markdown", result, RULES)
    assert (out / "report.html").read_text(encoding="utf-8") == render("html", result, RULES)
    rows = (out / "figures.csv").read_text(encoding="utf-8").splitlines()
    assert len(rows) == 1 + sum(len(d.figures) for d in result.documents)
    assert sorted(p.name for p in out.iterdir()) == sorted(FILES)  # no temporary files


def test_a_failing_render_leaves_the_previous_report_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    result = audit_paths([ROOT / "examples"])
    write_report_dir(tmp_path, result, RULES)
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir()}

    def broken(*args: object, **kwargs: object) -> str:
        raise KeyboardInterrupt

    monkeypatch.setattr(html, "render_page", broken)
    with pytest.raises(KeyboardInterrupt):
        write_report_dir(tmp_path, result.model_copy(update={"findings": ()}), RULES)
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == before


def test_cli_writes_the_reports_and_keeps_its_exit_code(tmp_path: Path) -> None:
    out = tmp_path / "reports"
    runner = CliRunner()
    result = runner.invoke(app, ["audit", str(ROOT / "examples"), "--report-dir", str(out)])
    assert result.exit_code == 1, result.output  # the FX001 warning, as without --report-dir
    assert sorted(p.name for p in out.iterdir()) == sorted(FILES)
    data = json.loads((out / "findings.json").read_text(encoding="utf-8"))
    assert [f["code"] for f in data["findings"]] == ["FX001", "DT002"]
    blocked = tmp_path / "file"
    blocked.write_text("not a directory", encoding="utf-8")
    failed = runner.invoke(app, ["audit", str(ROOT / "examples"), "--report-dir", str(blocked)])
    assert failed.exit_code == 2 and "cannot write the reports" in failed.stderr


def _counted(n: int, pulled: list[int]) -> Iterator[int]:
    for i in range(n):
        pulled.append(i)
        yield i


@pytest.mark.parametrize("enabled", [False, True])
def test_progress_passes_items_on_one_at_a_time(enabled: bool) -> None:
    pulled: list[int] = []
    console = Console(file=io.StringIO(), force_terminal=True, width=80)
    stream = with_progress(_counted(3, pulled), enabled=enabled, console=console)
    assert next(stream) == 0 and pulled == [0]  # nothing read ahead
    assert list(stream) == [1, 2] and pulled == [0, 1, 2]
    shown = console.file.getvalue()  # type: ignore[attr-defined]
    assert ("auditing" in shown) is enabled


def test_progress_is_silent_in_ci_and_off_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    class Tty(io.StringIO):
        def isatty(self) -> bool:
            return True

    monkeypatch.setattr("sys.stderr", Tty())
    monkeypatch.setenv("CI", "true")
    assert not wanted()
    monkeypatch.delenv("CI")
    assert wanted()
    monkeypatch.setattr("sys.stderr", io.StringIO())
    assert not wanted()
