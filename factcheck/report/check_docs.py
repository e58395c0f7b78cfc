"""The checks' documentation as Markdown: each check's page section, for SARIF's rule
``help`` and for ``docs/checks.md``, made from the check module's docstring.

A docstring's first line is "CODE name: summary"; its sections (What it flags, Why it
matters, Example, Options) are a heading line ending in ":" and an indented body. A body's
lines join into paragraphs (a blank line parts them); a line starting "- " starts a list
item; in Options, a line starting "name:" starts an option. ``double backquotes`` become
code spans; Markdown's own characters elsewhere are escaped, so a docstring never turns
into markup it did not mean.

``python -m factcheck.report.check_docs > docs/checks.md`` writes the page; a test holds
the committed page to it. The page has one ``## CODE`` heading per check, so each check's
anchor is its code in lower case (``docs/checks.md#fx001``), the ``helpUri`` of its SARIF
rule.
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Iterator, Sequence

from factcheck.model import RuleInfo

#: Where the project lives; the checks' page is in its docs/ folder on the main branch.
HOME = "https://github.com/factcheck-project/factcheck"
PAGE = f"{HOME}/blob/main/docs/checks.md"

_CODE_SPAN = re.compile(r"``(.+?)``")
_SPECIAL = re.compile(r"([\\`*_\[\]<])")
_BLOCK_START = re.compile(r"^([#>+-]|\d+[.)])")
_OPTION = re.compile(r"^([A-Za-z_][A-Za-z0-9_]*):\s")


def help_uri(code: str) -> str:
    """The address of a check's section of the checks' page."""
    return f"{PAGE}#{code.lower()}"


def inline(text: str) -> str:
    """One line of a docstring as Markdown: code spans kept, everything else escaped."""
    out, last = [], 0
    for m in _CODE_SPAN.finditer(text):
        out.append(_SPECIAL.sub(r"\\\1", text[last:m.start()]))
        out.append(f"`{m.group(1)}`")
        last = m.end()
    out.append(_SPECIAL.sub(r"\\\1", text[last:]))
    return "".join(out)


def _blocks(body: str, options: bool) -> Iterator[str]:
    """The Markdown blocks (paragraphs, list items) of one section's dedented body."""
    current: list[str] = []
    item = False
    for line in body.splitlines():
        starts_item = line.startswith("- ") or (options and bool(_OPTION.match(line)))
        ends_item = item and not options and not line[:1].isspace()  # back at the margin
        if not line.strip() or starts_item or ends_item:
            if current:
                yield ("- " if item else "") + " ".join(current)
            current, item = [], starts_item
            if not line.strip():
                continue
            if line.startswith("- "):
                line = line[2:]
            elif starts_item:
                name, _, rest = line.partition(":")
                line = f"``{name}``:{rest}"
        text = inline(line.strip())
        current.append(_BLOCK_START.sub(r"\\\1", text) if not current else text)
    if current:
        yield ("- " if item else "") + " ".join(current)


def _sections(doc: str) -> Iterator[tuple[str, str]]:
    """(heading, dedented body) of each section after the first line."""
    heading, lines = "", list[str]()
    for line in doc.splitlines()[1:]:
        if line and not line[0].isspace() and line.rstrip().endswith(":"):
            if heading:
                yield heading, textwrap.dedent("\n".join(lines)).strip("\n")
            heading, lines = line.rstrip()[:-1], []
        elif heading:
            lines.append(line)
    if heading:
        yield heading, textwrap.dedent("\n".join(lines)).strip("\n")


def rule_markdown(rule: RuleInfo) -> str:
    """A check's documentation as Markdown, without a heading."""
    parts = [f"**{inline(rule.name)}**: {inline(rule.summary)}"]
    for heading, body in _sections(rule.doc):
        blocks = list(_blocks(body, options=heading == "Options"))
        if blocks and not blocks[0].startswith("- "):
            parts.append(f"**{inline(heading)}.** {blocks.pop(0)}")
        else:
            parts.append(f"**{inline(heading)}.**")
        lists: list[str] = []
        for block in blocks:
            if block.startswith("- "):
                lists.append(block)
                continue
            if lists:
                parts.append("\n".join(lists))
                lists = []
            parts.append(block)
        if lists:
            parts.append("\n".join(lists))
    return "\n\n".join(parts) + "\n"


def checks_page(rules: Sequence[RuleInfo]) -> str:
    """``docs/checks.md``: every check's documentation, in code order."""
    head = ["# Checks", "",
            "Generated from each check's docstring by `python -m factcheck.report.check_docs`;"
            " `factcheck rules CODE` prints the same text. A rule pack can change a check's"
            " severity and options.", ""]
    body = []
    for rule in sorted(rules, key=lambda r: r.code):
        body.extend([f"## {rule.code}", "", f"Default severity: {rule.severity}.", "",
                     rule_markdown(rule)])
    return "\n".join(head + body)


def main() -> None:
    """Print the checks' page of every registered check."""
    import sys

    from factcheck.registry import all_checks, rule_info

    sys.stdout.write(checks_page([rule_info(code) for code in all_checks()]))


if __name__ == "__main__":
    main()
