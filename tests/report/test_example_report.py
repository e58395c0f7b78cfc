"""The committed example report (`reports/example/`) is what the documented command writes.

If this fails after a change to what the audit finds or to how reports look, regenerate
the example from the repository root and commit it:

    factcheck audit claims/ examples/ --report-dir reports/example --fail-on never
"""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from factcheck.cli import app
from factcheck.report.report_dir import FILES

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "reports" / "example"
COMMAND = "factcheck audit claims/ examples/ --report-dir reports/example --fail-on never"


def test_the_documented_command_is_the_one_in_the_readmes() -> None:
    assert COMMAND in (ROOT / "reports" / "README.md").read_text(encoding="utf-8")
    assert COMMAND in (ROOT / "README.md").read_text(encoding="utf-8")


def test_regenerating_the_example_gives_the_committed_bytes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(ROOT)  # the report names its inputs as given: claims/..., examples/...
    out = tmp_path / "example"
    args = COMMAND.split()[1:]
    args[args.index("reports/example")] = str(out)
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir()) == sorted(FILES)
    assert sorted(p.name for p in EXAMPLE.iterdir()) == sorted(FILES)
    for name in FILES:
        fresh = (out / name).read_bytes()
        committed = (EXAMPLE / name).read_bytes()
        assert fresh == committed, (
            f"reports/example/{name} is out of date; regenerate it with `{COMMAND}`")


def test_the_example_shows_articles_and_claims() -> None:
    page = (EXAMPLE / "report.html").read_text(encoding="utf-8")
    for path in ("examples/openai-kerugian.md", "examples/openai-pertes.txt",
                 "claims/ai-labs-2025.yaml"):
        assert f">{path}</h2>" in page
    assert "<svg" in page  # the exchange-rate chart and the cross-source bars
