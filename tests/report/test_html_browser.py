"""The HTML report in a real browser: Debian's headless Chromium driven by Playwright.

The report of `examples/` and a hostile article is opened from disk with every request
intercepted: only the page itself (and data: URLs) may load. The test checks that every
finding and every highlighted figure of the AuditResult is in the DOM, that the hostile
article's script never runs and no dialog opens, that the filters work with the page's
own (absent) scripts, and that a full-page screenshot is not blank. The screenshot is
kept in ``$FACTCHECK_SCREENSHOT_DIR`` when that is set.
"""

from __future__ import annotations

import os
import shutil
import struct
import zlib
from pathlib import Path
from typing import Any

import pytest

from factcheck.engine.audit import audit_paths
from factcheck.engine.settings import rules_of, settings
from factcheck.report.report_dir import write_report_dir

CHROMIUM = Path("/usr/bin/chromium")
ROOT = Path(__file__).resolve().parents[2]
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
HOSTILE = (
    "---\n"
    "title: \"<script>window.__pwned = 'title'</script> Judul\"\n"
    "source: \"javascript:alert('source')\"\n"
    "published: 2024-07-30\n"
    "lang: id\n"
    "---\n"
    "# Berita <script>window.__pwned = 'heading'</script>\n\n"
    "OpenAI bisa rugi hingga US$ 5 miliar (sekitar Rp 81 triliun) "
    "\"><img src=x onerror=\"window.__pwned='img';alert(1)\"> pada tahun ini.\n\n"
    "Pengeluaran mencapai US$ 7 miliar (sekitar Rp 114 triliun). Sewa server memakan "
    "US$ 4 miliar (sekitar Rp 64 triliun) <script>window.__pwned = 'body'; alert(1)</script>. "
    "Lihat [tautan](javascript:alert(1)) dan "
    "<a href=\"javascript:window.__pwned='link'\">ini</a>.\n\n"
    "Valuasi menyentuh US$ 80 miliar (sekitar Rp 1.303 triliun) "
    "<iframe src=\"https://evil.example/\"></iframe> "
    "<link rel=stylesheet href=\"https://evil.example/x.css\"> "
    "<style>body{background:url(https://evil.example/y.png)}</style>.\n"
)

pytestmark = pytest.mark.skipif(
    not CHROMIUM.is_file(),
    reason=f"{CHROMIUM} is missing: install Debian's chromium (`apt-get install chromium`)")

DOM = """() => {
  const out = {sections: {}, scripts: document.scripts.length,
               active: document.querySelectorAll('img, iframe, object, embed, link, base').length,
               handlers: [], jsLinks: document.querySelectorAll('a[href^="javascript:" i]').length};
  for (const el of document.querySelectorAll('*')) {
    for (const a of el.getAttributeNames()) if (a.startsWith('on')) out.handlers.push(a);
  }
  for (const s of document.querySelectorAll('section.file')) {
    out.sections[s.querySelector('h2').textContent] = {
      marks: [...s.querySelectorAll('mark[data-figure]')]
        .map(m => [m.dataset.figure, m.textContent]),
      cards: [...s.querySelectorAll('.card')].map(c => c.id)};
  }
  return out;
}"""


def png_pixels(data: bytes) -> tuple[int, int, list[bytes]]:
    """(width, height, rows of RGB(A) bytes) of an 8-bit, non-interlaced RGB/RGBA PNG."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat, header = 8, b"", b""
    while pos < len(data):
        (length,), kind = struct.unpack(">I", data[pos:pos + 4]), data[pos + 4:pos + 8]
        body = data[pos + 8:pos + 8 + length]
        header = body if kind == b"IHDR" else header
        idat += body if kind == b"IDAT" else b""
        pos += 12 + length
    width, height, depth, color, _, _, interlace = struct.unpack(">IIBBBBB", header)
    assert depth == 8 and color in (2, 6) and interlace == 0
    bpp = 3 if color == 2 else 4
    raw, stride, rows, prev = zlib.decompress(idat), width * bpp, [], bytearray(width * bpp)
    for y in range(height):
        at = y * (stride + 1)
        kind, line = raw[at], bytearray(raw[at + 1:at + 1 + stride])
        for i in range(stride):
            a = line[i - bpp] if i >= bpp else 0
            b, c = prev[i], prev[i - bpp] if i >= bpp else 0
            if kind == 1:
                line[i] = (line[i] + a) & 0xFF
            elif kind == 2:
                line[i] = (line[i] + b) & 0xFF
            elif kind == 3:
                line[i] = (line[i] + (a + b) // 2) & 0xFF
            elif kind == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 0xFF
        rows.append(bytes(line))
        prev = line
    return width, height, rows


def test_report_in_headless_chromium(tmp_path: Path) -> None:
    sync_api = pytest.importorskip("playwright.sync_api", reason="pip install playwright")
    hostile = tmp_path / "articles" / "hostile.md"
    hostile.parent.mkdir()
    hostile.write_text(HOSTILE, encoding="utf-8")
    result = audit_paths([ROOT / "examples", hostile])
    assert any(f.path == str(hostile) for f in result.findings)  # its FX001 card is shown too
    write_report_dir(tmp_path / "report", result, rules_of(settings().pack))
    url = (tmp_path / "report" / "report.html").as_uri()

    requests: list[str] = []
    dialogs: list[str] = []
    with sync_api.sync_playwright() as p:
        context = p.chromium.launch_persistent_context(
            str(tmp_path / "profile"), executable_path=str(CHROMIUM), headless=True, args=ARGS,
            viewport={"width": 1360, "height": 900})
        try:
            def route(r: Any) -> None:
                allowed = r.request.url == url or r.request.url.startswith("data:")
                r.continue_() if allowed else r.abort()

            context.route("**/*", route)
            page = context.new_page()
            page.on("request", lambda r: requests.append(r.url))
            page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
            page.goto(url, wait_until="load")
            page.wait_for_timeout(300)
            assert page.evaluate("typeof window.__pwned") == "undefined"
            dom = page.evaluate(DOM)
            _check_filters(page, result)
            shot = tmp_path / "report.png"
            page.screenshot(path=str(shot), full_page=True)
        finally:
            context.close()

    assert dialogs == []
    assert all(r == url or r.startswith("data:") for r in requests), requests
    assert dom["scripts"] == 0 and dom["active"] == 0 and dom["jsLinks"] == 0
    assert dom["handlers"] == []
    for doc in result.documents:
        section = dom["sections"][doc.document.path]
        assert section["marks"] == [[f.id, f.text] for f in doc.figures]
    for path in {f.path for f in result.findings}:
        expected = sum(1 for f in result.findings if f.path == path)
        assert len(dom["sections"][path]["cards"]) == expected
    _check_screenshot(shot)


def _check_filters(page: Any, result: Any) -> None:
    """Unticking "warning" hides the warning cards; ticking it again shows them."""
    warnings = page.locator("main .card.sev-warning")
    count = warnings.count()
    assert count == sum(1 for f in result.findings if f.severity == "warning") > 0
    page.click('label[for="show-warning"]')
    assert all(not warnings.nth(i).is_visible() for i in range(count))
    assert page.locator("main .card.sev-info").first.is_visible()
    page.click('label[for="show-warning"]')
    assert all(warnings.nth(i).is_visible() for i in range(count))
    page.click('label[for="show-code-FX001"]')
    assert not page.locator("main .card.code-FX001").first.is_visible()
    page.click('label[for="show-code-FX001"]')


def _check_screenshot(shot: Path) -> None:
    width, height, rows = png_pixels(shot.read_bytes())
    assert width >= 1000 and height > 1500
    sample = [row[i:i + 3] for row in rows[::7] for i in range(0, len(row), 3 * 11)]
    assert len(set(sample)) > 50  # text, highlights and charts, not a blank page
    grey = [sum(px) / 3 for px in sample]
    mean = sum(grey) / len(grey)
    assert sum((g - mean) ** 2 for g in grey) / len(grey) > 100
    keep = os.environ.get("FACTCHECK_SCREENSHOT_DIR")
    if keep:
        Path(keep).mkdir(parents=True, exist_ok=True)
        shutil.copy(shot, Path(keep) / "report.png")
