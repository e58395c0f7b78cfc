"""Exit codes a CI gate can trust, through the installed command (a subprocess, so that
the console entry point and its error handling are what is tested): 0 clean, 1 findings,
2 bad usage or input or nothing to audit, 3 a bug in the tool, never a traceback."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from factcheck.cli.exits import audit_exit_code
from factcheck.model import AuditResult, Finding

ODD = (
    "Proyek pertama bernilai US$ 5 miliar atau setara Rp 81 triliun.\n"
    "Proyek kedua bernilai US$ 7 miliar atau setara Rp 114 triliun.\n"
    "Proyek ketiga bernilai US$ 2 miliar atau setara Rp 36 triliun.\n"
)
DATED = ("--published", "2024-07-30", "--lang", "id")
#: The command line with one check broken on purpose: its run raises as a bug would.
BROKEN_CHECK = textwrap.dedent("""
    import sys
    from factcheck.registry import all_checks

    def broken(*args, **kwargs):
        raise TypeError("a bug in the check")

    all_checks()["FX001"].run = broken
    from factcheck.cli import main
    sys.argv[0] = "factcheck"
    main()
""")


def factcheck(*args: str, env: dict[str, str] | None = None, script: str | None = None,
              prefix: tuple[str, ...] = ()) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-c", script] if script else [sys.executable, "-m", "factcheck"]
    return subprocess.run([*prefix, *command, *args], capture_output=True, text=True,
                          check=False, env={**os.environ, **(env or {})}, timeout=300)


def article(folder: Path, name: str = "a.txt", text: str = ODD) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def finding(code: str, severity: str = "error") -> Finding:
    return Finding(code=code, name="x", severity=severity, message="m", path="a.txt", line=1,
                   column=1)  # type: ignore[arg-type]


@pytest.mark.parametrize(("codes", "fail_on", "recording", "expected"), [
    ((), "warning", False, 0),
    (("FX002:warning",), "error", False, 0),
    (("FX002:warning",), "warning", False, 1),
    (("DT002:info",), "info", False, 1),
    (("FX001:error",), "never", False, 0),
    (("FX001:error",), "error", True, 0),       # --write-baseline records them: success
    (("FX001:error", "IN001:error"), "never", False, 2),
    (("CL001:error",), "never", True, 2),        # bad input fails a recording run too
    (("IN001:error", "IN002:error"), "never", False, 3),  # a bug outranks bad input
    (("IN002:error",), "warning", True, 3),
])
def test_audit_exit_code(codes: tuple[str, ...], fail_on: str, recording: bool,
                         expected: int) -> None:
    found = tuple(finding(*code.split(":")) for code in codes)
    result = AuditResult(findings=found, audited=1)
    assert audit_exit_code(result, fail_on, recording=recording) == expected


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_bug_is_exit_3_after_the_report_naming_the_input(tmp_path: Path, jobs: str) -> None:
    path = article(tmp_path)
    done = factcheck("audit", str(path), *DATED, "--jobs", jobs, script=BROKEN_CHECK)
    assert done.returncode == 3, done.stderr
    assert done.stdout.startswith(f"{path}:1:1: error IN002 internal error while auditing: "
                                  "TypeError: a bug in the check\n")
    assert done.stderr == ("factcheck: internal error on an input (IN002 in the report); the "
                           "others were audited; set FACTCHECK_DEBUG=1 for the traceback\n")
    debug = factcheck("audit", str(path), *DATED, env={"FACTCHECK_DEBUG": "1"},
                      script=BROKEN_CHECK)
    assert debug.returncode == 3
    assert "Traceback" in debug.stderr and "in broken" in debug.stderr  # the frame that raised
    assert debug.stderr.endswith("set FACTCHECK_DEBUG=1 for the traceback\n")


def test_a_bug_outside_any_input_is_exit_3_in_one_line(tmp_path: Path) -> None:
    script = BROKEN_CHECK.replace(
        'all_checks()["FX001"].run = broken',
        "import factcheck.report\nfactcheck.report.render_chunks = broken")
    done = factcheck("audit", str(article(tmp_path)), *DATED, script=script)
    assert done.returncode == 3 and done.stdout == ""
    assert done.stderr == ("factcheck: internal error: TypeError: a bug in the check; set "
                           "FACTCHECK_DEBUG=1 for the traceback\n")


def test_bad_input_is_exit_2_and_findings_exit_1(tmp_path: Path) -> None:
    path = article(tmp_path)
    assert factcheck("audit", str(path), *DATED).returncode == 1
    assert factcheck("audit", str(path), *DATED, "--fail-on", "never").returncode == 0
    pack = article(tmp_path, "pack.yaml", "checks:\n  FX001: {severity: loud}\n")
    done = factcheck("audit", str(path), *DATED, "--rules", str(pack))
    assert done.returncode == 2 and "pack.yaml:2" in done.stderr
    assert "internal error" not in done.stderr and "Traceback" not in done.stderr


def test_nothing_to_audit_is_exit_2_unless_allowed(tmp_path: Path) -> None:
    empty, other = tmp_path / "empty", tmp_path / "other"
    empty.mkdir()
    other.mkdir()
    (other / "photo.png").write_bytes(b"\x89PNG\r\n")  # a file no reader takes
    done = factcheck("audit", str(empty), str(other))
    assert done.returncode == 2
    assert f"no inputs found in {empty}, {other}" in done.stderr
    allowed = factcheck("audit", str(empty), "--allow-empty", "--format", "json")
    assert allowed.returncode == 0 and '"documents": 0' in allowed.stdout


def test_write_baseline_exits_0_and_records_the_findings(tmp_path: Path) -> None:
    path = article(tmp_path)
    baseline = tmp_path / "baseline.json"
    done = factcheck("audit", str(path), *DATED, "--write-baseline", str(baseline))
    assert done.returncode == 0 and "FX001" in done.stdout
    assert factcheck("audit", str(path), *DATED, "--baseline", str(baseline)).returncode == 0
    (tmp_path / "bad.txt").write_bytes(b"baris\nRp 5 triliun \xff\n")
    unreadable = factcheck("audit", str(tmp_path), *DATED, "--write-baseline", str(baseline))
    assert unreadable.returncode == 2 and "IN001" in unreadable.stdout


@pytest.mark.parametrize("command", ["audit", "extract"])
def test_an_output_that_cannot_be_written_is_exit_2_before_any_work(
    tmp_path: Path, command: str
) -> None:
    path = article(tmp_path)
    folder = tmp_path / "out"
    folder.mkdir()
    done = factcheck(command, str(path), "--output", str(folder))
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr == f"error: cannot write --output {folder}: it is a directory\n"
    hostile = tmp_path / "out\n\x1b[31mfake: error"
    hostile.mkdir()
    done = factcheck(command, str(path), "--output", str(hostile))
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1 and "\x1b" not in done.stderr  # one line, escaped
    assert "out\\n\\x1b[31mfake: error: it is a directory" in done.stderr
    under_a_file = path / "report.json"
    done = factcheck(command, str(path), "--output", str(under_a_file))
    assert done.returncode == 2
    assert done.stderr == (f"error: cannot write --output {under_a_file}: {path} is not a "
                           "directory\n")


def test_a_write_that_fails_is_exit_2_naming_the_file(tmp_path: Path) -> None:
    path = article(tmp_path)
    target = Path("/proc/factcheck-report.json")  # a file system that takes no new files
    done = factcheck("audit", str(path), "--output", str(target), "--fail-on", "never")
    assert done.returncode == 2, done.stderr
    assert done.stderr.startswith(f"error: cannot write --output {target}: ")
    assert "internal error" not in done.stderr
    baseline = factcheck("audit", str(path), "--write-baseline", str(tmp_path))
    assert baseline.returncode == 2
    assert f"cannot write --write-baseline {tmp_path}: it is a directory" in baseline.stderr


def without_root_privileges() -> tuple[str, ...]:
    """A prefix that runs a command without the privilege of reading any file (root
    reads files whatever their mode): setpriv drops it from the capability bounding set."""
    if os.geteuid() != 0:
        return ()
    if shutil.which("setpriv") is None:
        pytest.skip("running as root without setpriv: no file is unreadable")
    return ("setpriv", "--bounding-set=-dac_override,-dac_read_search")


@pytest.mark.parametrize("command", ["audit", "extract"])
def test_an_unreadable_file_on_the_command_line_is_one_finding_not_a_refusal(
    tmp_path: Path, command: str
) -> None:
    good = article(tmp_path, "good.txt")
    secret = article(tmp_path, "secret.txt")
    secret.chmod(0)
    done = factcheck(command, str(secret), str(good), *DATED, prefix=without_root_privileges())
    assert done.returncode == 2, done.stderr
    if command == "audit":
        assert f"{secret}:1:1: error IN001 cannot read: Permission denied" in done.stdout
        assert f"{good}:3:" in done.stdout and "FX001" in done.stdout  # still audited
    else:
        assert f"error: {secret}: cannot read: Permission denied" in done.stderr
        assert '"text": "Rp 36 triliun"' in done.stdout  # still extracted
    assert "Usage:" not in done.stderr and "Traceback" not in done.stderr
