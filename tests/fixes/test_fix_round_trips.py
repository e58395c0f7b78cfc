"""`factcheck fix` on every format it writes: `--diff` shows the change and writes nothing,
`fix` writes it, and the fixed file audits clean for the codes fixed."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

import factcheck
import factcheck.api
from factcheck.cli import app
from tests.drafts import CONVERSIONS, odt_draft, odt_runs, word_draft, word_runs

SENTENCES = [
    "Kerugian mereka mencapai US$ 5 miliar (sekitar Rp 81 triliun), sedangkan belanja modal "
    "US$ 7 miliar (sekitar Rp 114 triliun).",
    "Nilai asetnya US$ 80 miliar (sekitar Rp 1.303 triliun).",
    "Utang jangka pendeknya US$ 4 miliar (sekitar Rp 64 triliun) pada akhir tahun.",
]
CLAIMS_HEAD = "# Claims of one report: comments stay where they are.\nrecords:\n"
RECORD = """  - id: {id}    # {id}
    source: {{name: example.org}}
    published: 2024-07-30
    lang: id
    subject: Acme
    metric: {id}
    period: "2024"
    kind: actual
    value: US$ {value} miliar
    equivalent: {quote}sekitar Rp {equivalent} triliun{quote}   # as printed
"""


def _claims(quote: str = "") -> str:
    rows = [("debt", "5", "81"), ("capex", "7", "114"), ("assets", "80", "1.303"),
            ("loans", "4", "64")]
    return CLAIMS_HEAD + "\n".join(RECORD.format(id=i, value=v, equivalent=e, quote=quote)
                                   for i, v, e in rows)


def _text(path: Path) -> Path:
    path.write_text("\n\n".join(SENTENCES) + "\n", encoding="utf-8")
    return path


def _markdown(path: Path) -> Path:
    path.write_bytes(("---\ntitle: Laporan\nlang: id\n---\n\n# Laporan\n\n"
                      + "\r\n".join(SENTENCES) + "\r\n").encode("utf-8-sig"))
    return path


def _html(path: Path) -> Path:
    body = "".join(f"<p>{s}</p>" for s in SENTENCES).replace("US$ 5", "<b>US$ 5</b>")
    path.write_text(f'<html lang="id"><head><title>Laporan</title></head><body>{body}'
                    "</body></html>", encoding="utf-8")
    return path


def _yaml(path: Path) -> Path:
    path.parent.mkdir(exist_ok=True)
    path.write_text(_claims(), encoding="utf-8")
    return path


MAKERS: dict[str, tuple[str, Callable[[Path], Path]]] = {
    "txt": ("draft.txt", _text),
    "md": ("draft.md", _markdown),
    "html": ("draft.html", _html),
    "docx": ("draft.docx", lambda p: word_draft(p, CONVERSIONS)),
    "odt": ("draft.odt", lambda p: odt_draft(p, CONVERSIONS)),
    "yaml": ("claims/acme.yaml", _yaml),
}


def _fx001(path: Path) -> list[factcheck.model.Finding]:  # type: ignore[name-defined]
    return [f for f in factcheck.audit([path]).findings if f.code == "FX001"]


@pytest.mark.parametrize("kind", sorted(MAKERS))
def test_diff_then_fix_then_audit_clean(tmp_path: Path, kind: str,
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    name, make = MAKERS[kind]
    path = make(Path(name))
    original = path.read_bytes()
    assert len(_fx001(path)) == 1
    runner = CliRunner()
    shown = runner.invoke(app, ["fix", name, "--diff", "--isolated"])
    assert shown.exit_code == 1, shown.output
    assert path.read_bytes() == original and sorted(Path().rglob("*.fixed.*")) == []
    removed = [line for line in shown.stdout.splitlines() if line.startswith("-")]
    added = [line for line in shown.stdout.splitlines() if line.startswith("+")]
    assert len(removed) == len(added) == 2  # the file names, and the one line changed
    assert "Rp 64 triliun" in removed[1] and added[1] == removed[1].replace(
        "-", "+", 1).replace("Rp 64 triliun", "Rp 65 triliun")
    assert "would fix FX001 (" in shown.stderr
    done = runner.invoke(app, ["fix", name, "--isolated"])
    assert done.exit_code == 0, done.output
    written = path.with_name(f"{path.stem}.fixed{path.suffix}") if kind in (
        "docx", "odt") else path
    if written != path:
        assert path.read_bytes() == original and f"wrote {written}" in done.stdout
    assert _fx001(written) == []
    again = runner.invoke(app, ["fix", str(written), "--diff", "--isolated"])
    assert again.exit_code == 0 and again.stdout == ""


def test_text_files_keep_their_bytes_but_the_figure(tmp_path: Path) -> None:
    path = _markdown(tmp_path / "draft.md")
    before = path.read_bytes()
    result = factcheck.fix([path])
    assert [f.code for f in result.fixed] == ["FX001"]
    assert path.read_bytes() == before.replace(b"Rp 64 triliun", b"Rp 65 triliun")
    html = _html(tmp_path / "draft.html")
    before = html.read_bytes()
    factcheck.fix([html])
    assert html.read_bytes() == before.replace(b"Rp 64 triliun", b"Rp 65 triliun")


@pytest.mark.parametrize(("name", "template"), [
    ("draft.md", "{before}[{figure}](https://example.org/a \"kurs\")){after}\n"),
    ("draft.html", "<p>{before}<a href=\"https://example.org/a\">{figure}</a>){after}</p>"),
])
def test_a_figure_followed_by_markup_is_fixed_in_place(tmp_path: Path, name: str,
                                                       template: str) -> None:
    """The edit ends after the figure's last character, not where the text's next character
    is in the file (after the link's destination or the closing tag)."""
    sentence = SENTENCES[2]
    before, _, rest = sentence.partition("Rp 64 triliun")
    path = tmp_path / name
    path.write_text("\n\n".join(SENTENCES[:2]) + "\n\n" + template.format(
        before=before, figure="Rp 64 triliun", after=rest.removeprefix(")")), encoding="utf-8")
    original = path.read_bytes()
    result = factcheck.fix([path])
    assert [f.code for f in result.fixed] == ["FX001"]
    assert path.read_bytes() == original.replace(b"Rp 64 triliun", b"Rp 65 triliun")


def test_the_word_copy_keeps_every_run_and_its_formatting(tmp_path: Path) -> None:
    path = word_draft(tmp_path / "draft.docx", CONVERSIONS, table_last=True)
    factcheck.fix([path])
    before, after = word_runs(path), word_runs(tmp_path / "draft.fixed.docx")
    assert before[:-1] == after[:-1]
    assert before[-1] == [("Utang jangka pendeknya US$ 4 miliar (sekitar Rp ", ""), ("6", "i"),
                          ("4", "bi"), (" triliun) pada akhir tahun.", "")]
    assert after[-1] == [("Utang jangka pendeknya US$ 4 miliar (sekitar Rp ", ""), ("6", "i"),
                         ("5", "bi"), (" triliun) pada akhir tahun.", "")]
    assert after[1][1] == ("US$ 5 miliar", "b")


@pytest.mark.parametrize("kind", ["docx", "odt"])
def test_a_folder_audit_reads_the_draft_not_its_corrected_copy(tmp_path: Path, kind: str) -> None:
    name, make = MAKERS[kind]
    draft = make(tmp_path / name)
    factcheck.fix([draft])
    copy = tmp_path / f"draft.fixed.{kind}"
    assert copy.is_file()
    figures, errors = factcheck.api.extract_paths([tmp_path])
    assert [f.document.path for f in figures] == [str(draft)] and errors == []
    assert {f.path for f in _fx001(tmp_path)} == {str(draft)}
    walked = CliRunner().invoke(app, ["audit", str(tmp_path), "--isolated", "--format", "json"])
    assert walked.exit_code == 1 and json.loads(walked.stdout)["summary"]["documents"] == 1
    draft.unlink()  # a copy whose draft is gone is a document like any other
    assert {f.path for f in factcheck.audit([tmp_path]).findings} <= {str(copy)}
    figures, errors = factcheck.api.extract_paths([tmp_path])
    assert [f.document.path for f in figures] == [str(copy)] and errors == []


def test_the_opendocument_copy_keeps_its_spans(tmp_path: Path) -> None:
    path = odt_draft(tmp_path / "draft.odt", CONVERSIONS)
    factcheck.fix([path])
    before, after = odt_runs(path), odt_runs(tmp_path / "draft.fixed.odt")
    assert before[:-1] == after[:-1]
    assert after[-1] == [("Utang jangka pendeknya US$ 4 miliar (sekitar Rp ", ""), ("6", "i"),
                         ("5", "bi"), (" triliun) pada akhir tahun.", "")]


@pytest.mark.parametrize("quote", ["", "'", '"'])
def test_claims_yaml_keeps_comments_order_and_quoting(tmp_path: Path, quote: str) -> None:
    path = tmp_path / "claims" / "acme.yaml"
    path.parent.mkdir()
    path.write_text(_claims(quote), encoding="utf-8")
    result = factcheck.fix([path])
    assert [(f.code, f.record_field) for f in result.fixed] == [("FX001", "equivalent")]
    expected = _claims(quote).replace(f"{quote}sekitar Rp 64 triliun{quote}",
                                      f"{quote}sekitar Rp 65 triliun{quote}")
    assert path.read_text(encoding="utf-8") == expected


def test_an_uncertain_correction_writes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "budget.txt"
    path.write_text("Belanja negara Rp 150,40 triliun terdiri dari belanja pegawai Rp 90,10 "
                    "triliun dan belanja barang Rp 62,30 triliun.\n", encoding="utf-8")
    before = path.read_bytes()
    done = CliRunner().invoke(app, ["fix", str(path), "--isolated"])
    assert done.exit_code == 1, done.output
    assert path.read_bytes() == before
    assert "warning AR004" in done.stdout and done.stdout.endswith(
        "Nothing to fix; 1 remains.\n")
    shown = CliRunner().invoke(app, ["fix", str(path), "--diff", "--isolated"])
    assert shown.exit_code == 0 and shown.stdout == ""


def test_select_limits_what_is_fixed(tmp_path: Path) -> None:
    path = _text(tmp_path / "draft.txt")
    before = path.read_bytes()
    done = CliRunner().invoke(app, ["fix", str(path), "--select", "AR", "--isolated"])
    assert done.exit_code == 0 and path.read_bytes() == before
    assert done.stdout == "Nothing to fix.\n"


def test_standard_input_is_fixed_to_standard_output(tmp_path: Path) -> None:
    text = "\n".join(SENTENCES) + "\n"
    done = CliRunner().invoke(app, ["fix", "-", "--stdin-filename", "draft.md", "--isolated"],
                              input=text)
    assert done.exit_code == 0, done.output
    assert done.stdout == text.replace("Rp 64 triliun", "Rp 65 triliun")
    assert "draft.md:3:" in done.stderr and "wrote" not in done.stderr
    data = word_draft(tmp_path / "d.docx", CONVERSIONS).read_bytes()
    fixed = CliRunner().invoke(app, ["fix", "--stdin-filename", "draft.docx", "--isolated"],
                               input=data)
    (tmp_path / "out.docx").write_bytes(fixed.stdout_bytes)
    assert _fx001(tmp_path / "out.docx") == []


def test_a_folder_named_like_a_corrected_copy_is_still_walked(tmp_path: Path) -> None:
    (tmp_path / "issue.2024").mkdir()
    (tmp_path / "issue.fixed.2024").mkdir()  # a folder, whatever its name: walked
    inner = _text(tmp_path / "issue.fixed.2024" / "draft.txt")
    figures, errors = factcheck.api.extract_paths([tmp_path])
    assert [f.document.path for f in figures] == [str(inner)] and errors == []
