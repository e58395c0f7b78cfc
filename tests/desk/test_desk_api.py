"""The desk's JSON API and its page, through Starlette's TestClient (the real app, the
real engine): audit, fix, the size limit, the security headers, and bad requests."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from factcheck.desk.app import create_app
from factcheck.desk.server import exposure_warning, is_loopback
from factcheck.desk.work import DeskSettings
from factcheck.report.json_report import FindingsOutput
from tests.desk.conftest import DRAFT, FIELDS
from tests.drafts import CONVERSIONS, word_draft, word_runs

HEADERS = {"x-content-type-options": "nosniff", "referrer-policy": "no-referrer",
           "x-frame-options": "DENY"}


def _secure(response: object) -> None:
    headers = response.headers  # type: ignore[attr-defined]
    for name, value in HEADERS.items():
        assert headers[name] == value
    policy = headers["content-security-policy"]
    assert "default-src 'self'" in policy and "frame-ancestors 'none'" in policy
    assert "script-src 'self';" in policy and "unsafe-inline" not in policy


def test_audit_returns_the_findings_contract(client: TestClient) -> None:
    response = client.post("/api/audit", json={"text": DRAFT, **FIELDS})
    assert response.status_code == 200
    _secure(response)
    output = FindingsOutput.model_validate(response.json())  # the contract, no extra key
    assert [(f.code, f.line, f.suggestion) for f in output.findings] == [
        ("FX001", 3, "Rp 65 triliun")]
    assert output.findings[0].path == "draft.txt" and output.findings[0].replacement


def test_audit_takes_a_file_as_a_form(client: TestClient) -> None:
    response = client.post("/api/audit", data=FIELDS, files={
        "file": ("notes/laporan.md", f"---\ntitle: Laporan\n---\n{DRAFT}".encode())})
    findings = response.json()["findings"]
    assert [(f["path"], f["line"]) for f in findings] == [("laporan.md", 6)]


def test_fix_returns_the_corrected_text(client: TestClient) -> None:
    response = client.post("/api/fix", json={"text": DRAFT, **FIELDS})
    assert response.status_code == 200
    assert response.text == DRAFT.replace("Rp 64 triliun", "Rp 65 triliun")
    assert response.headers["x-factcheck-fixed"] == "1"
    assert response.headers["x-factcheck-remaining"] == "0"


def test_fix_applies_only_the_findings_accepted(client: TestClient) -> None:
    other = client.post("/api/fix", json={"text": DRAFT, "accept": ["FX001:1:1"], **FIELDS})
    assert other.text == DRAFT and other.headers["x-factcheck-fixed"] == "0"
    named = client.post("/api/fix", json={"text": DRAFT, "accept": ["FX001:3:122"], **FIELDS})
    assert "Rp 65 triliun" in named.text


def test_fix_returns_a_corrected_word_draft(client: TestClient, tmp_path: Path) -> None:
    draft = word_draft(tmp_path / "laporan.docx", CONVERSIONS)
    response = client.post("/api/fix", data={"lang": "id"}, files={
        "file": ("laporan.docx", draft.read_bytes())})
    assert response.status_code == 200
    assert "laporan.docx" in response.headers["content-disposition"]
    fixed = tmp_path / "fixed.docx"
    fixed.write_bytes(response.content)
    runs = word_runs(fixed)
    assert "".join(text for text, _ in runs[-1]) == (
        "Utang jangka pendeknya US$ 4 miliar (sekitar Rp 65 triliun) pada akhir tahun.")
    assert ("6", "i") in runs[-1]  # the runs and their formatting kept


def test_an_unreadable_draft_is_422_with_its_finding(client: TestClient) -> None:
    response = client.post("/api/audit", files={"file": ("rusak.docx", b"not a zip")})
    assert response.status_code == 422
    assert [f["code"] for f in response.json()["findings"]] == ["IN001"]
    assert client.post("/api/fix", files={"file": ("rusak.docx", b"x")}).status_code == 422


@pytest.mark.parametrize(("body", "field"), [
    ({"text": DRAFT, "published": "2025-13-01"}, "published"),
    ({"text": DRAFT, "lang": "xx"}, "lang"),
    ({"text": DRAFT, "locale": "de"}, "locale"),
    ({"text": 5}, "text"),
    ({"text": DRAFT, "accept": "FX001:3:122"}, "accept"),
    ({"text": "  "}, "text"),
])
def test_a_bad_field_is_400_naming_it(client: TestClient, body: dict[str, object],
                                      field: str) -> None:
    response = client.post("/api/audit", json=body)
    assert response.status_code == 400
    assert response.json()["field"] == field
    _secure(response)


def test_a_file_that_is_no_draft_is_refused(client: TestClient) -> None:
    response = client.post("/api/audit", files={"file": ("tool.exe", b"MZ")})
    assert response.status_code == 400 and response.json()["field"] == "file"
    assert client.post("/api/audit", content=b"[1]", headers={
        "content-type": "application/json"}).status_code == 400


def test_a_client_path_names_the_draft_and_opens_nothing(client: TestClient) -> None:
    response = client.post("/api/audit", files={"file": ("../../etc/passwd.txt", DRAFT)},
                           data=FIELDS)
    paths = {f["path"] for f in response.json()["findings"]}
    assert paths == {"passwd.txt"}  # the uploaded bytes, named by the last part alone


def _small_client() -> TestClient:
    return TestClient(create_app(DeskSettings(max_request_size=1000)))


def test_a_body_over_the_limit_is_413() -> None:
    with _small_client() as small:
        response = small.post("/api/audit", json={"text": "x" * 2000})
        assert response.status_code == 413
        assert "1,000 bytes" in response.json()["error"]
        _secure(response)
        page = small.post("/", data={"text": "x" * 2000})
        assert page.status_code == 413 and "--max-request-size" in page.text
        assert small.post("/api/audit", json={"text": DRAFT[:300]}).status_code == 200


def test_a_chunked_body_is_counted_as_it_comes() -> None:
    def chunks() -> Iterator[bytes]:
        yield b'{"text": "'
        for _ in range(30):
            yield b"y" * 100
        yield b'"}'

    with _small_client() as small:
        response = small.post("/api/audit", content=chunks(),
                              headers={"content-type": "application/json"})
        assert response.status_code == 413


def test_static_files_are_a_fixed_set(client: TestClient) -> None:
    for name, kind in (("report.css", "text/css"), ("desk.css", "text/css"),
                       ("desk.js", "text/javascript")):
        response = client.get(f"/static/{name}")
        assert response.status_code == 200 and response.headers["content-type"].startswith(kind)
        _secure(response)
    for name in ("..%2Fapp.py", "app.py", "..%2F..%2F..%2Fpyproject.toml", "%2Fetc%2Fpasswd"):
        assert client.get(f"/static/{name}").status_code == 404


def test_the_page_escapes_every_piece_of_the_draft(client: TestClient) -> None:
    hostile = DRAFT + "\n<script>alert(1)</script> <img src=x onerror=alert(2)>\n"
    response = client.post("/", data={"text": hostile, "published": "2025-06-01\" onload=\""})
    assert response.status_code == 400  # a bad date is refused, and the form shown again
    response = client.post("/", data={"text": hostile, **FIELDS})
    assert response.status_code == 200
    _secure(response)
    assert "<script>alert" not in response.text and "<img src=x" not in response.text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in response.text
    nonce = response.headers["content-security-policy"].split("'nonce-")[1].split("'")[0]
    assert response.text.count("<style") == response.text.count(f'<style nonce="{nonce}"')


def test_the_page_accepts_a_correction_then_downloads(client: TestClient) -> None:
    shown = client.post("/", data={"text": DRAFT, **FIELDS})
    assert 'name="accept" value="FX001:3:122"' in shown.text
    applied = client.post("/", data={"text": DRAFT, "action": "apply",
                                     "accept": "FX001:3:122", **FIELDS})
    draft = applied.text.split('<textarea id="text" name="text"', 1)[1].split("</textarea>")[0]
    assert "Rp 65 triliun" in draft and "Rp 64 triliun" not in draft
    assert 'name="accept"' not in applied.text  # the corrected draft audits clean
    download = client.post("/", data={"text": DRAFT, "action": "download",
                                      "accept": "FX001:3:122", **FIELDS})
    assert download.headers["content-disposition"].startswith("attachment;")
    assert "draft.fixed.txt" in download.headers["content-disposition"]
    assert download.text == DRAFT.replace("Rp 64 triliun", "Rp 65 triliun")


def test_an_uploaded_draft_is_carried_by_the_page(client: TestClient, tmp_path: Path) -> None:
    draft = word_draft(tmp_path / "laporan.docx", CONVERSIONS).read_bytes()
    shown = client.post("/", data={"lang": "id"}, files={"file": ("laporan.docx", draft)})
    carried = shown.text.split('name="upload" value="', 1)[1].split('"', 1)[0]
    download = client.post("/", data={"lang": "id", "action": "all", "upload": carried,
                                      "upload_name": "laporan.docx"})
    assert "Rp 65 triliun" in download.text and "laporan.docx" in download.text


def test_the_page_speaks_the_chosen_locale(client: TestClient) -> None:
    assert "Vérifier le texte" in client.get("/?locale=fr").text
    assert "Periksa naskah" in client.get("/", headers={"accept-language": "id-ID,en;q=0.5"}
                                          ).text
    assert "Check the draft" in client.get("/").text
    page = client.post("/", data={"text": DRAFT, **FIELDS})  # the draft's language
    assert '<html lang="id">' in page.text and "Terima koreksi ini" in page.text
    assert "konversi lain di artikel ini sepakat pada" in page.text  # the finding's message
    page = client.post("/", data={"text": DRAFT, **FIELDS, "locale": "fr"})
    assert "autres conversions dans l&#39;article" in page.text


def test_the_api_writes_messages_in_the_locale_it_is_given(client: TestClient) -> None:
    english = client.post("/api/audit", json={"text": DRAFT, **FIELDS}).json()
    french = client.post("/api/audit", json={"text": DRAFT, **FIELDS, "locale": "fr"}).json()
    (en,), (fr,) = english["findings"], french["findings"]
    assert "the article's other 2 conversions agree" in en["message"]
    assert "les 2 autres conversions dans l'article" in fr["message"]
    assert {k: v for k, v in fr.items() if k != "message"} == {
        k: v for k, v in en.items() if k != "message"}


def test_a_bug_is_a_500_without_a_traceback(monkeypatch: pytest.MonkeyPatch,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    import factcheck.desk.app as desk_app

    def broken(*args: object) -> None:
        raise ZeroDivisionError("a bug")

    monkeypatch.setattr(desk_app, "audit_draft", broken)
    with TestClient(create_app(), raise_server_exceptions=False) as test_client:
        response = test_client.post("/api/audit", json={"text": DRAFT})
    assert response.status_code == 500
    assert "Traceback" not in response.text and "a bug in factcheck" in response.text
    err = capsys.readouterr().err
    assert "internal error: ZeroDivisionError: a bug" in err and "Traceback" not in err


def test_only_loopback_is_quiet() -> None:
    assert is_loopback("127.0.0.1") and is_loopback("::1") and is_loopback("localhost")
    assert exposure_warning("127.0.0.1", 8765) is None
    warning = exposure_warning("0.0.0.0", 8765)
    assert warning is not None and "no authentication" in warning


def test_json_output_has_no_nan(client: TestClient) -> None:
    text = client.post("/api/audit", json={"text": DRAFT, **FIELDS}).text
    assert "NaN" not in text and "Infinity" not in text
    json.loads(text)


def test_the_page_shows_headings_as_the_report_does(client: TestClient) -> None:
    pasted = client.post("/", data={"text": f"# Laporan tahunan\n\n{DRAFT}", **FIELDS})
    assert '<p class="text heading" role="heading" aria-level="1">' in pasted.text
    uploaded = client.post("/", data=FIELDS, files={
        "file": ("laporan.md", f"## Laporan *tahunan*\n\n{DRAFT}".encode())})
    heading = uploaded.text.split('<p class="text heading" role="heading" aria-level="2">')[1]
    assert heading.split("</p>", 1)[0].count("Laporan tahunan") == 1
    assert uploaded.text.count('role="heading"') == 1
