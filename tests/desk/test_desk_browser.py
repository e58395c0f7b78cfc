"""The desk in a real browser: Debian's headless Chromium driven by Playwright, against the
desk served by uvicorn on a free local port.

An editor pastes a draft whose conversion disagrees with its siblings, sees the finding,
accepts its correction and gets "Rp 65 triliun" in the corrected text; uploads a .docx and
downloads the corrected one; a hostile draft's script never runs; and the page makes no
request outside the desk (every other request is aborted, and recorded).
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.desk.conftest import DRAFT
from tests.drafts import CONVERSIONS, word_draft, word_runs

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
HOSTILE = (
    DRAFT + "\n<script>window.__pwned = 'body'; alert(1)</script>\n\n"
    "Lihat <img src=x onerror=\"window.__pwned='img'\"> dan "
    "<a href=\"javascript:window.__pwned='link'\">ini</a> "
    "<link rel=stylesheet href=\"https://evil.example/x.css\">"
    "<iframe src=\"https://evil.example/\"></iframe>.\n"
)

pytestmark = pytest.mark.skipif(
    not CHROMIUM.is_file(),
    reason=f"{CHROMIUM} is missing: install Debian's chromium (`apt-get install chromium`)")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@pytest.fixture(scope="module")
def desk_url() -> Iterator[str]:
    uvicorn = pytest.importorskip("uvicorn")
    from factcheck.desk.app import create_app

    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(), host="127.0.0.1", port=port,
                                           log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert server.started, "the desk did not start"
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


@pytest.fixture()
def browser(tmp_path: Path, desk_url: str) -> Iterator[dict[str, Any]]:
    sync_api = pytest.importorskip("playwright.sync_api", reason="pip install playwright")
    seen: dict[str, Any] = {"outside": [], "dialogs": [], "errors": []}
    with sync_api.sync_playwright() as p:
        context = p.chromium.launch_persistent_context(
            str(tmp_path / "profile"), executable_path=str(CHROMIUM), headless=True,
            args=ARGS, viewport={"width": 1360, "height": 900}, accept_downloads=True)
        try:
            def route(r: Any) -> None:
                if r.request.url.startswith(desk_url + "/"):
                    r.continue_()
                else:
                    seen["outside"].append(r.request.url)
                    r.abort()

            context.route("**/*", route)
            page = context.new_page()
            page.on("dialog", lambda d: (seen["dialogs"].append(d.message), d.dismiss()))
            page.on("pageerror", lambda e: seen["errors"].append(str(e)))
            page.on("console", lambda m: seen["errors"].append(m.text)
                    if m.type == "error" else None)
            seen["page"] = page
            yield seen
        finally:
            context.close()


def _audit(page: Any, desk_url: str, text: str) -> None:
    page.goto(desk_url + "/", wait_until="load")
    page.fill("#text", text)
    page.select_option("#lang", "id")
    page.fill("#published", "2025-06-01")
    page.click("button[value=audit]")
    page.wait_for_load_state("load")


def test_paste_accept_and_get_the_corrected_text(browser: dict[str, Any],
                                                 desk_url: str) -> None:
    page = browser["page"]
    _audit(page, desk_url, DRAFT)
    card = page.locator("article.card.code-FX001")
    assert card.count() == 1 and card.is_visible()
    assert "Rp 65 triliun" in card.locator(".fix ins").inner_text()
    assert page.locator("mark.st-finding").first.inner_text() in ("US$ 4 miliar",
                                                                  "Rp 64 triliun")
    card.locator("input[name=accept]").check()
    page.click("button[value=apply]")
    page.wait_for_load_state("load")
    corrected = page.input_value("#text")
    assert "Rp 65 triliun" in corrected and "Rp 64 triliun" not in corrected
    assert page.locator("article.card").count() == 0  # the corrected draft audits clean
    assert page.locator("#copy").is_visible()  # the script ran: the copy button shows
    assert browser["outside"] == [] and browser["errors"] == []


def test_upload_a_word_draft_and_download_it_corrected(browser: dict[str, Any],
                                                       desk_url: str, tmp_path: Path) -> None:
    page = browser["page"]
    draft = word_draft(tmp_path / "laporan.docx", CONVERSIONS)
    page.goto(desk_url + "/", wait_until="load")
    page.set_input_files("#file", str(draft))
    page.select_option("#lang", "id")
    page.click("button[value=audit]")
    page.wait_for_load_state("load")
    assert page.locator("article.card.code-FX001").count() == 1
    page.locator("input[name=accept]").check()
    with page.expect_download() as download:
        page.click("button[value=download]")
    assert download.value.suggested_filename == "laporan.fixed.docx"
    saved = tmp_path / "saved.docx"
    download.value.save_as(str(saved))
    text = "".join(t for t, _ in word_runs(saved)[-1])
    assert "Rp 65 triliun" in text and "Rp 64 triliun" not in text
    assert browser["outside"] == [] and browser["errors"] == []


def test_a_hostile_draft_never_runs(browser: dict[str, Any], desk_url: str) -> None:
    page = browser["page"]
    _audit(page, desk_url, HOSTILE)
    page.wait_for_timeout(300)
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert browser["dialogs"] == []
    counts = page.evaluate("""() => ({
        scripts: [...document.scripts].map(s => s.getAttribute('src')),
        active: document.querySelectorAll(
            'main img, main iframe, main object, main embed, main link').length,
        jsLinks: document.querySelectorAll('a[href^="javascript:" i]').length,
        handlers: [...document.querySelectorAll('*')].flatMap(
            el => el.getAttributeNames().filter(a => a.startsWith('on')))})""")
    assert counts == {"scripts": ["/static/desk.js"], "active": 0, "jsLinks": 0,
                      "handlers": []}
    assert "<script>window.__pwned" in page.input_value("#text")  # shown, as text
    assert page.locator("article.card.code-FX001").count() == 1
    assert browser["outside"] == []


def test_headings_and_numbers_read_as_the_page_s_language(browser: dict[str, Any],
                                                         desk_url: str) -> None:
    page = browser["page"]
    _audit(page, desk_url, "# Laporan belanja\n\n" + DRAFT)
    heading = page.get_by_role("heading", name="Laporan belanja")
    assert heading.count() == 1 and heading.is_visible()
    body = page.locator("p.text:not(.heading)").first
    weight, size = heading.evaluate("e => [getComputedStyle(e).fontWeight, "
                                    "parseFloat(getComputedStyle(e).fontSize)]")
    assert weight == "700" and size > body.evaluate("e => parseFloat(getComputedStyle(e)"
                                                    ".fontSize)")
    rows = page.locator("article.card.code-FX001 dl.math dd").all_inner_texts()
    assert "16.281,3 – 16.300 IDR/USD" in rows  # the page speaks Indonesian: its numbers too
    assert browser["outside"] == [] and browser["errors"] == []
