"""Reports of an audit, one module per output format, registered by name.

``render("sarif", result, rules)`` formats an :class:`~factcheck.model.AuditResult` with
the reporter registered as ``"sarif"``; an unknown name is a ``ValueError`` (the command
line maps it to exit code 2). A reporter is any callable
``(result, rules, color, fail_on="warning") -> str``; it only formats what the engine
computed, keeps the engine's order of findings, and gives the same bytes for the same input.

Importing this package is cheap (``factcheck.report.figures`` and ``.files`` import it
too): the built-in reporters are registered lazily and their modules are imported on
first use.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from importlib import import_module
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from factcheck.model import AuditResult, RuleInfo

__all__ = ["REPORTERS", "Reporter", "register", "render", "render_chunks"]


class Reporter(Protocol):
    """Formats an audit result; ``color`` asks for terminal colours where the format has any;
    ``fail_on`` is the gate's threshold (error, warning, info or never), for the formats
    that tell failures from passes (JUnit)."""

    def __call__(self, result: AuditResult, rules: Sequence[RuleInfo], color: bool,
                 fail_on: str = "warning") -> str: ...


class _Lazy:
    """A reporter that imports ``module`` and calls its ``render`` on first use."""

    def __init__(self, module: str) -> None:
        self.module = module

    def __call__(self, result: AuditResult, rules: Sequence[RuleInfo], color: bool,
                 fail_on: str = "warning") -> str:
        reporter: Reporter = import_module(self.module).render
        return reporter(result, rules, color, fail_on)

    def __repr__(self) -> str:
        return f"<reporter {self.module}.render>"


class _LocalisedReporter(Protocol):
    def __call__(self, result: AuditResult, rules: Sequence[RuleInfo], locale: str) -> str: ...


REPORTERS: dict[str, Reporter] = {}
#: The built-in formats that write their labels in the locale, by the function that does.
_LOCALISED = {"html": "render_page", "markdown": "render_localised"}


def register(name: str, reporter: Reporter) -> Reporter:
    """Add ``reporter`` under ``name``; a name that is already taken is a ``ValueError``."""
    if name in REPORTERS:
        raise ValueError(f"a reporter named {name!r} is already registered")
    REPORTERS[name] = reporter
    return reporter


for _name, _module in (
    ("text", "factcheck.report.text"),
    ("json", "factcheck.report.json_report"),
    ("sarif", "factcheck.report.sarif"),
    ("junit", "factcheck.report.junit"),
    ("github", "factcheck.report.github"),
    ("html", "factcheck.report.html"),
    ("markdown", "factcheck.report.markdown"),
):
    register(_name, _Lazy(_module))


def render(fmt: str, result: AuditResult, rules: Sequence[RuleInfo], *,
           color: bool = False, fail_on: str = "warning", locale: str = "en") -> str:
    """``result`` in the format registered as ``fmt``; ``rules`` describe the checks,
    ``fail_on`` the gate's threshold. In another ``locale`` than English the findings'
    messages are translated (``factcheck.i18n``) in every format, and the HTML page's and
    the Markdown report's labels, numbers and dates too; codes, names and fields stay as
    they are."""
    try:
        reporter = REPORTERS[fmt]
    except KeyError:
        choices = ", ".join(sorted(REPORTERS))
        raise ValueError(f"unknown report format {fmt!r}; choose one of {choices}") from None
    if locale != "en":
        from factcheck.i18n.messages import localised_result

        result = localised_result(result, locale)
        if fmt in _LOCALISED and isinstance(reporter, _Lazy):
            localised: _LocalisedReporter = getattr(import_module(reporter.module),
                                                    _LOCALISED[fmt])
            return localised(result, rules, locale)
        if fmt == "text":
            from factcheck.report.text import render as render_text

            return render_text(result, rules, color, fail_on, locale)
    return reporter(result, rules, color, fail_on)


def render_chunks(fmt: str, result: AuditResult, rules: Sequence[RuleInfo], *,
                  color: bool = False, fail_on: str = "warning",
                  locale: str = "en") -> Iterable[str]:
    """``render``'s text in pieces to write as they come: a built-in reporter whose module
    has ``chunks`` (the JSON one) gives a large result piece by piece, others in one."""
    reporter = REPORTERS.get(fmt)
    if isinstance(reporter, _Lazy) and locale == "en":
        chunks = getattr(import_module(reporter.module), "chunks", None)
        if chunks is not None:
            pieces: Iterable[str] = chunks(result, rules, color, fail_on)
            return pieces
    return [render(fmt, result, rules, color=color, fail_on=fail_on, locale=locale)]
