"""Checking a buffer as the language server does: the project's configuration decides what
is checked and which codes are reported; a bad configuration is said, not raised."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from factcheck.cli import app
from factcheck.lsp.checking import BufferChecker

ARTICLE = ("Kerugian US$ 5 miliar (sekitar Rp 81 triliun), belanja US$ 7 miliar (sekitar "
           "Rp 114 triliun), aset US$ 80 miliar (sekitar Rp 1.303 triliun) dan utang US$ 4 "
           "miliar (sekitar Rp 64 triliun).\n")


def test_the_projects_configuration_applies(tmp_path: Path) -> None:
    checker = BufferChecker(tmp_path)
    draft = tmp_path / "drafts" / "kerugian.md"
    draft.parent.mkdir()
    assert "FX001" in {f.code for f in checker.check(draft, ARTICLE).findings}
    (tmp_path / ".factcheck.yaml").write_text("ignore: [FX001]\nexclude: [archive]\n",
                                              encoding="utf-8")
    checked = checker.check(draft, ARTICLE)
    assert checked.findings and "FX001" not in {f.code for f in checked.findings}
    (tmp_path / "archive").mkdir()
    assert checker.check(tmp_path / "archive" / "old.md", ARTICLE).findings == ()
    assert checker.check(tmp_path / "workflow.yaml", "on: push\n").findings == ()


def test_a_bad_configuration_is_said_and_the_buffer_left_alone(tmp_path: Path) -> None:
    (tmp_path / ".factcheck.yaml").write_text("fail-on: sometimes\n", encoding="utf-8")
    checked = BufferChecker(tmp_path).check(tmp_path / "draft.md", ARTICLE)
    assert checked.findings == () and checked.error is not None
    assert "fail-on" in checked.error and ".factcheck.yaml" in checked.error


def test_the_hover_figures_are_the_buffers(tmp_path: Path) -> None:
    checked = BufferChecker(tmp_path).check(tmp_path / "draft.md", ARTICLE)
    ((document, figures),) = checked.documents
    assert document.path == str(tmp_path / "draft.md")
    assert [f.text for f in figures][-1] == "Rp 64 triliun"
    (conversion,) = [c for c in checked.context(0).conversions
                     if c.converted.text == "Rp 64 triliun"]
    assert (conversion.base, conversion.quote) == ("USD", "IDR")


def test_lsp_without_its_extra_says_what_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    import importlib.util

    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec",
                        lambda name, *a: None if name == "pygls" else real(name, *a))
    done = CliRunner().invoke(app, ["lsp"])
    assert done.exit_code == 2
    assert "pip install 'factcheck[lsp]'" in done.stderr
