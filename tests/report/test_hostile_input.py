"""A hostile file name and hostile text, through every output format: each output parses,
holds no raw control character and no live markup that came from the input, and a line
break in a name never fakes a line of output."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from factcheck.engine.audit import audit_paths
from factcheck.engine.settings import rules_of, settings
from factcheck.model import AuditResult
from factcheck.report import render

#: A file name that, written raw, closes a <summary>, starts a paragraph with an image and a
#: link, makes a heading, recolours a terminal, rings its bell, fakes a GitHub error command
#: and reverses the text after it.
NAME = ("a\n\n</summary>![x](https:%2F%2Fevil.example%2Fi.png) [l](javascript:alert(1))\n"
        "# Pwned\x1b[31m\x07 %0A::error file=x::fake \u202egnp.md")
NAME = NAME.replace("/", "\u2215")  # no slash in a file name: DIVISION SLASH looks alike
ARTICLE = ("OpenAI rugi US$ 4 miliar (sekitar Rp 90 triliun) \x1b]8;;https://evil.example\x07"
           "klik\x1b]8;;\x07 <script>alert(1)</script> *x* https://evil.example "
           "www.evil.example a@evil.example pada 2024.\nKurs Rp16.200 per dolar AS.\n")
CLAIM = """\
- id: one
  source: {{name: "<img src=x onerror=alert(1)> [s](https://evil.example) \\e[2J", url: "{url}"}}
  published: 2024-07-30
  lang: en
  subject: OpenAI
  metric: net_loss
  period: "2024"
  kind: projection
  value: $5 billion
- id: two
  source: {{name: "www.evil.example\\a\\nforged: line", url: "https://evil.example/b"}}
  published: 2024-07-30
  lang: en
  subject: OpenAI
  metric: net_loss
  period: "2024"
  kind: projection
  value: $9 billion
"""
#: characters no output may hold raw: C0 controls except tab and line feed, DEL, C1, the
#: line and paragraph separators and the bidirectional controls
RAW_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
#: what GitHub's Markdown turns into a link by itself (GFM extended autolinks)
AUTOLINK = re.compile(r"(?i)(?:https?|ftp)://|www\.|[\w.+-]@[\w-]+\.\w")


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> tuple[AuditResult, Path]:
    folder = tmp_path_factory.mktemp("hostile")
    article = folder / NAME
    article.write_text(ARTICLE, encoding="utf-8")
    claims = folder / ("claims " + NAME.replace(".md", ".yaml"))
    claims.write_text(CLAIM.format(url="javascript:alert(1)"), encoding="utf-8")
    result = audit_paths([folder])
    paths = {f.path for f in result.findings}
    assert str(article) in paths and str(claims) in paths  # both are reported ...
    assert {"FX004", "XS001"} <= {f.code for f in result.findings}  # ... with findings
    return result, folder


def output(result: AuditResult, fmt: str) -> str:
    text = render(fmt, result, rules_of(settings().pack))
    assert not RAW_CONTROL.findall(text), fmt
    return text


def test_text_one_line_per_finding(hostile: tuple[AuditResult, Path]) -> None:
    result, folder = hostile
    lines = output(result, "text").splitlines()
    assert len(lines) == len(result.findings) + 2
    for line in lines[:-2]:
        assert re.fullmatch(rf"{re.escape(str(folder))}/[^\n]+:\d+:\d+: (error|warning|info) "
                            r"[A-Z]{2}\d{3} .*", line)
    assert "\\x1b[31m\\x07" in lines[0] and "\\u202e" in lines[0]


@pytest.mark.parametrize("fmt", ["json", "sarif"])
def test_json_and_sarif_parse_and_keep_the_name(hostile: tuple[AuditResult, Path],
                                                fmt: str) -> None:
    result, _ = hostile
    data = json.loads(output(result, fmt))
    if fmt == "json":
        assert {f["path"] for f in data["findings"]} == {f.path for f in result.findings}
    else:
        uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
                for r in data["runs"][0]["results"]}
        assert all(re.fullmatch(r"[A-Za-z0-9\-._~%!$&'()*+,;=:@/]+", uri) for uri in uris)


class Elements(HTMLParser):
    """The start tags of an HTML text, with their attributes."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def tags(html: str) -> list[tuple[str, dict[str, str | None]]]:
    parser = Elements()
    parser.feed(html)
    parser.close()
    return parser.tags


def test_markdown_renders_no_markup_from_the_input(hostile: tuple[AuditResult, Path]) -> None:
    result, _ = hostile
    text = output(result, "markdown")
    assert not AUTOLINK.findall(text)
    html = MarkdownIt("commonmark", {"html": True}).enable("table").render(text)
    found = tags(html)
    assert [t for t, _ in found if t in ("img", "a", "script", "h1", "h3")] == []
    assert [t for t, _ in found if t == "h2"] == ["h2"]  # "## factcheck report" only
    summaries = re.findall(r"<summary>(.*?)</summary>", text)
    assert len(summaries) == text.count("<details>") == len({f.path for f in result.findings})
    assert all("\n" not in s and "<" not in re.sub(r"</?code>", "", s) for s in summaries)


def test_html_holds_no_markup_or_link_from_the_input(hostile: tuple[AuditResult, Path]) -> None:
    result, _ = hostile
    found = tags(output(result, "html"))
    assert not [t for t, _ in found if t in ("img", "script", "iframe", "object")]
    assert all((a.get("href") or "#").startswith("#") for t, a in found if t == "a")
    assert not [a for _, a in found if any(k.startswith("on") for k in a)]


def test_github_commands_one_per_line_with_escaped_properties(
        hostile: tuple[AuditResult, Path]) -> None:
    result, _ = hostile
    lines = output(result, "github").splitlines()
    assert len(lines) == len(result.findings)
    for line in lines:
        command, properties, message = re.fullmatch(r"::(\w+) ([^:]*)::(.*)", line).groups()
        assert command in ("error", "warning", "notice")
        assert [p.split("=", 1)[0] for p in properties.split(",")] in (
            ["file", "line", "col", "title"], ["file", "line", "title"], ["file", "title"])
        assert "%0A::error" not in message  # the name's "%0A" is itself escaped: %250A


def test_junit_parses_and_a_name_never_splits_its_failure_line(
        hostile: tuple[AuditResult, Path]) -> None:
    result, folder = hostile
    suite = ET.fromstring(output(result, "junit"))
    for case in suite.iter("testcase"):
        assert "\n" not in (case.get("classname") or "")
        body = case.find("failure")
        text = body.text if body is not None else case.findtext("system-out")
        assert text is not None and text.splitlines()[0].startswith(str(folder))
        assert re.match(r".*:\d+:\d+: (error|warning|info) [A-Z]{2}\d{3} ", text.splitlines()[0])


def test_the_progress_line_shows_a_hostile_name_escaped() -> None:
    import io
    from types import SimpleNamespace

    from rich.console import Console

    from factcheck.report.progress import with_progress

    console = Console(file=io.StringIO(), force_terminal=True, width=400)
    item = SimpleNamespace(path="a\x1b]0;owned\x07\n[bold]b[/bold].md")
    assert list(with_progress([item], enabled=True, console=console)) == [item]
    shown = console.file.getvalue()  # type: ignore[attr-defined]
    assert "\x07" not in shown and "\x1b]0;" not in shown
    assert "\\x1b]0;owned\\x07\\n[bold]b[/bold].md" in shown
