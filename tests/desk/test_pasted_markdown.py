"""A draft pasted into the desk in Markdown is read as Markdown: its bold and its links are
markup, not text between a figure and its conversion, and a correction keeps them."""

from __future__ import annotations

import pytest
from starlette.testclient import TestClient

from factcheck.documents.markdown import looks_like_markdown
from tests.desk.conftest import DRAFT, FIELDS

#: The desk's draft with its figures in bold and the wrong conversion behind a link.
MARKDOWN = (DRAFT.replace("US$ 5 miliar", "**US$ 5 miliar**")
            .replace("Rp 64 triliun", "[Rp 64 triliun](https://example.org/kurs \"kurs\")"))


def test_a_pasted_markdown_draft_is_audited_as_markdown(client: TestClient) -> None:
    response = client.post("/api/audit", json={"text": MARKDOWN, **FIELDS})
    findings = response.json()["findings"]
    assert [(f["code"], f["path"], f["line"], f["suggestion"]) for f in findings] == [
        ("FX001", "draft.md", 3, "Rp 65 triliun")]
    line = MARKDOWN.splitlines()[2]
    start = line.index("Rp 64 triliun")
    assert (findings[0]["column"], findings[0]["end_column"]) == (
        start + 1, start + 1 + len("Rp 64 triliun"))


def test_its_correction_keeps_the_markup(client: TestClient) -> None:
    response = client.post("/api/fix", json={"text": MARKDOWN, **FIELDS})
    assert response.status_code == 200
    assert response.text == MARKDOWN.replace("Rp 64 triliun", "Rp 65 triliun")


def test_a_plain_draft_stays_plain_text(client: TestClient) -> None:
    findings = client.post("/api/audit", json={"text": DRAFT, **FIELDS}).json()["findings"]
    assert [f["path"] for f in findings] == ["draft.txt"]


@pytest.mark.parametrize(("text", "markdown"), [
    ("Laba **US$ 5 miliar** tahun ini.", True),
    ("Setara [Rp 81 triliun](https://example.org/a).", True),
    ("# Judul\n\nIsi naskah.", True),
    ("Grafik: ![kurs](kurs.png)", True),
    ("```\nkode\n```", True),
    ("Il a dit __non__ deux fois.", True),
    ("Harga naik 5*3 persen, kata nama_berkas_baru.", False),
    ("Lihat catatan [1] dan [sumber].", False),
    ("1. pertama\n- kedua\n#3 di daftar", False),
    ("variabel snake__case__name", False),
])
def test_markdown_is_recognised_by_its_markup(text: str, markdown: bool) -> None:
    assert looks_like_markdown(text) is markdown
