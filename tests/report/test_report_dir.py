"""`audit --report-dir`: four files written as one set, and the progress line."""

from __future__ import annotations

import io
import json
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from rich.console import Console
from typer.testing import CliRunner

from factcheck.cli import app
from factcheck.engine.audit import audit_paths
from factcheck.engine.settings import rules_of, settings
from factcheck.model import AuditResult
from factcheck.report import figures, html, render, report_dir
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


def _set(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.iterdir()}


def _siblings(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.parent.iterdir() if p.name != folder.name)


@pytest.fixture(scope="module")
def two_results() -> tuple[AuditResult, AuditResult]:
    result = audit_paths([ROOT / "examples"])
    return result, result.model_copy(update={"findings": ()})


@pytest.mark.parametrize("exchange", [True, False])
def test_the_set_is_replaced_whole_and_nothing_is_left_beside(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        two_results: tuple[AuditResult, AuditResult], exchange: bool) -> None:
    if not exchange:  # the two renames of systems without an atomic exchange
        monkeypatch.setattr(report_dir, "_exchange", lambda new, old: False)
    out = tmp_path / "out"
    write_report_dir(out, two_results[0], RULES)
    write_report_dir(out, two_results[1], RULES)
    assert _set(out) == {name: text.encode() for name, text in
                         report_dir.render_files(two_results[1], RULES).items()}
    assert _siblings(out) == []


def test_a_writer_failing_half_way_leaves_the_old_set_and_no_temporary_folder(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        two_results: tuple[AuditResult, AuditResult]) -> None:
    out = tmp_path / "out"
    write_report_dir(out, two_results[0], RULES)
    before = _set(out)
    opened: list[str] = []

    def failing_open(path: Path, *args: Any, **kwargs: Any) -> Any:
        opened.append(Path(path).name)
        if len(opened) == 2:  # the first file is written, the second fails
            raise OSError(28, "No space left on device")
        return open(path, *args, **kwargs)

    monkeypatch.setattr(report_dir, "open", failing_open, raising=False)
    with pytest.raises(OSError, match="No space left"):
        write_report_dir(out, two_results[1], RULES)
    assert opened == ["report.html", "report.md"]
    assert _set(out) == before and _siblings(out) == []


def test_a_folder_holding_other_files_is_refused_untouched(
        tmp_path: Path, two_results: tuple[AuditResult, AuditResult]) -> None:
    (tmp_path / "notes.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(OSError, match=r"holds files that are not reports \(notes.txt\)"):
        write_report_dir(tmp_path, two_results[0], RULES)
    assert [p.name for p in tmp_path.iterdir()] == ["notes.txt"]


def test_a_symbolic_link_keeps_pointing_at_the_new_set(
        tmp_path: Path, two_results: tuple[AuditResult, AuditResult]) -> None:
    real = tmp_path / "real"
    write_report_dir(real, two_results[0], RULES)
    link = tmp_path / "link"
    link.symlink_to(real, target_is_directory=True)
    write_report_dir(link, two_results[1], RULES)
    assert link.is_symlink() and _set(link) == _set(real)
    assert "No findings." in (real / "report.md").read_text(encoding="utf-8")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["link", "real"]


def test_a_run_killed_outright_leaves_one_whole_set(tmp_path: Path) -> None:
    """Kill a writer at random moments: the folder holds the old set or the new one, whole,
    and what a killed run leaves beside it is removed by the next run."""
    script = (
        "import sys; from pathlib import Path\n"
        "from factcheck.model import AuditResult\n"
        "from factcheck.report import report_dir\n"
        "tag = sys.argv[2]\n"
        "report_dir.render_files = lambda *a: {n: tag * 2_000_000 for n in report_dir.FILES}\n"
        "print('ready', flush=True)\n"
        "report_dir.write_report_dir(Path(sys.argv[1]), AuditResult(findings=()), [])\n")
    out = tmp_path / "out"
    subprocess.run([sys.executable, "-c", script, str(out), "a"], check=True,
                   capture_output=True)
    sets = {tag: {n: (tag * 2_000_000).encode() for n in FILES} for tag in "ab"}
    for delay in (0.0, 0.01, 0.02, 0.05, 0.1, 0.2):
        old = "a" if _set(out) == sets["a"] else "b"
        new = "b" if old == "a" else "a"
        child = subprocess.Popen([sys.executable, "-c", script, str(out), new],
                                 stdout=subprocess.PIPE)
        assert child.stdout is not None and child.stdout.readline() == b"ready\n"
        time.sleep(delay)
        child.send_signal(signal.SIGKILL)
        child.wait()
        assert _set(out) in (sets["a"], sets["b"])
    write_report_dir(out, AuditResult(findings=()), [])
    assert _siblings(out) == []
