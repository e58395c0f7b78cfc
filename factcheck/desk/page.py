"""The desk's page: the form, and the draft audited, shown as ``report.html`` shows an
article (the same templates: ``report/templates/macros.html.j2`` and ``page.html.j2``),
with a box to accept each correction that can be applied.

The page's language is the locale the editor chose, else the draft's language, else the
first of the browser's languages (``Accept-Language``) that the messages exist in, else
English. Findings are numbered, marked and placed as in the report; the draft's own text
is only ever escaped.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from factcheck.desk.drafts import DraftRequest, carried_upload
from factcheck.desk.work import fixable_keys
from factcheck.documents.given import GivenInput
from factcheck.i18n import LOCALES, SOURCE_LOCALE
from factcheck.i18n.messages import localised_result
from factcheck.lang import language_codes
from factcheck.model import AuditResult, RuleInfo
from factcheck.report.html import context, environment


@dataclass(frozen=True)
class Shown:
    """What a page shows beyond the form: the draft in the form (None for a blank form),
    its audit, and a line for the editor: a field that could not be used, no draft
    given, or how many corrections were applied."""

    draft: GivenInput | None = None
    result: AuditResult | None = None
    error: str | None = None
    missing: bool = False
    applied: int | None = None


@cache
def _autonyms(codes: tuple[str, ...]) -> list[tuple[str, str]]:
    """Each language named in itself ("français", "Indonesia")."""
    from babel import Locale

    names = []
    for code in codes:
        try:
            name = str(Locale.parse(code).get_display_name(code))
        except (ValueError, LookupError):
            name = code
        names.append((code, name[:1].upper() + name[1:]))
    return names


def browser_locale(accept_language: str) -> str:
    """The first language of an ``Accept-Language`` header (by weight) that the messages
    exist in, else English."""
    weighted = []
    for index, part in enumerate(accept_language.split(",")):
        tag, _, params = part.strip().partition(";")
        weight = 1.0
        if params.strip().startswith("q="):
            try:
                weight = float(params.strip()[2:])
            except ValueError:
                weight = 0.0
        weighted.append((-weight, index, tag.strip().split("-")[0].lower()))
    return next((tag for _, _, tag in sorted(weighted) if tag in LOCALES), SOURCE_LOCALE)


def page_locale(request: DraftRequest | None, result: AuditResult | None,
                accept_language: str) -> str:
    """The locale of a page (see the module's documentation)."""
    if request is not None and request.locale != "auto":
        return request.locale
    langs = [d.document.lang for d in result.documents] if result is not None else []
    if langs and langs[0] in LOCALES:
        return langs[0]
    return browser_locale(accept_language)


def render_desk(shown: Shown, request: DraftRequest | None, rules: Sequence[RuleInfo], *,
                locale: str, nonce: str, root: str) -> str:
    """The page, in ``locale``; ``nonce`` is the request's style nonce, ``root`` the path
    the desk is served under."""
    result = shown.result
    values: dict[str, Any] = (context(localised_result(result, locale), rules, locale)
                              if result is not None
                              else {"locale": locale, "rules": [], "rules_in_english": [],
                                    "severities": ()})
    files = values.get("files") or []
    draft = shown.draft
    uploaded = draft is not None and request is not None and request.uploaded
    accepted = (request.accept if request is not None else None) or frozenset()
    values.update({
        "nonce": nonce, "root": root, "static": f"{root}/static",
        "file": files[0] if files else None,
        "fixable": {key: key in accepted for key in fixable_keys(result)} if result else {},
        "draft_text": draft.data.decode("utf-8", "replace") if draft and not uploaded else "",
        "upload_name": draft.name if draft and uploaded else None,
        "upload_data": carried_upload(draft) if draft and uploaded else "",
        "lang": request.lang if request else "auto",
        "published": request.published.isoformat() if request and request.published else "",
        "chosen_locale": request.locale if request else "auto",
        "languages": _autonyms(language_codes()), "locales": _autonyms(LOCALES),
        "error": shown.error, "missing": shown.missing, "applied": shown.applied,
    })
    return environment(locale).get_template("desk.html.j2").render(values)
