"""The desk's web application (Starlette): the page and its JSON API.

Routes:

- ``GET /``: the form. ``POST /``: the form sent, by its ``action``: ``audit`` shows the
  draft audited; ``apply`` applies the accepted corrections (``accept``: finding keys) and
  ``all`` every correction that can be applied, then shows the corrected draft audited
  again; ``download`` returns the draft with the accepted corrections as a file (a
  corrected .docx for a .docx); ``forget`` drops an uploaded draft for the pasted text.
- ``POST /api/audit``: the draft (``text`` or ``file``, with ``lang``, ``published`` and
  ``locale``, as a form or a JSON object) audited, as the findings contract
  (``audit --format json``): 200, or 422 when the draft cannot be read (its IN001
  finding), 500 when the tool failed on it (IN002).
- ``POST /api/fix``: the draft with the corrections applied (``accept``: the keys of the
  findings to fix, ``CODE:LINE:COLUMN``; all when absent): the corrected text as
  ``text/plain``, or the corrected file for a .docx or .odt; ``X-Factcheck-Fixed`` and
  ``X-Factcheck-Remaining`` count the findings fixed and left.
- ``GET /static/NAME``: the page's stylesheets and script, from the package (a fixed set
  of names: no path from a request is opened). ``GET /health``: "ok", for a proxy;
  ``GET /favicon.ico``: nothing (204).

A bad field is 400 (JSON ``{"error", "field"}`` for the API; the page says it beside the
form). Everything the desk serves passes through ``desk.guard``.
"""

from __future__ import annotations

import json
from importlib.resources import files
from pathlib import PurePath
from urllib.parse import quote

from starlette.applications import Starlette
from starlette.datastructures import UploadFile
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, PlainTextResponse, Response
from starlette.routing import Route

from factcheck.codes import BAD_INPUT_CODES, INTERNAL_ERROR_CODES
from factcheck.desk.drafts import DraftError, DraftRequest, Upload, read_request
from factcheck.desk.guard import Guard
from factcheck.desk.page import Shown, page_locale, render_desk
from factcheck.desk.work import DeskSettings, audit_draft, correct_draft
from factcheck.fixes.writing import copy_path
from factcheck.model import AuditResult

_MEDIA = {".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
          ".odt": "application/vnd.oasis.opendocument.text"}
_STATIC = {"report.css": ("factcheck.report.templates", "text/css; charset=utf-8"),
           "desk.css": ("factcheck.desk.static", "text/css; charset=utf-8"),
           "desk.js": ("factcheck.desk.static", "text/javascript; charset=utf-8")}


async def _read(request: Request, limit: int) -> DraftRequest:
    """The request's fields, from a form or a JSON object."""
    if request.headers.get("content-type", "").startswith("application/json"):
        try:
            data = json.loads(await request.body())
        except (ValueError, UnicodeDecodeError):
            raise DraftError("body", "is not a JSON object") from None
        if not isinstance(data, dict):
            raise DraftError("body", "is not a JSON object")
        accept = data.get("accept")
        if accept is not None and not isinstance(accept, list):
            raise DraftError("accept", "must be a list of finding keys (CODE:LINE:COLUMN)")
        return read_request(data, accept, None)
    async with request.form(max_files=2, max_fields=200, max_part_size=limit) as form:
        fields = {k: v for k, v in form.multi_items() if isinstance(v, str) and k != "accept"}
        chosen = form.get("file")
        upload = None
        if isinstance(chosen, UploadFile) and chosen.filename:
            upload = Upload(chosen.filename, await chosen.read())
        return read_request(fields, form.getlist("accept"), upload)


def _attachment(name: str) -> str:
    ascii_name = "".join(c if c.isascii() and (c.isalnum() or c in "._-") else "_"
                         for c in name)
    return f"attachment; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(name)}"


def create_app(settings: DeskSettings | None = None) -> Starlette:
    """The desk, with ``settings`` (the defaults when None)."""
    from factcheck.engine.settings import rules_of
    from factcheck.engine.settings import settings as audit_settings

    config = settings or DeskSettings()
    rules = rules_of(audit_settings(config.rules, config.rates).pack)
    limit = config.max_request_size
    static = {name: (files(package).joinpath(name).read_bytes(), kind)
              for name, (package, kind) in _STATIC.items()}

    def page(request: Request, shown: Shown, draft: DraftRequest | None,
             status: int = 200) -> HTMLResponse:
        locale = page_locale(draft, shown.result, request.headers.get("accept-language", ""))
        html = render_desk(shown, draft, rules, locale=locale,
                           nonce=request.state.nonce, root=request.scope.get("root_path", ""))
        return HTMLResponse(html, status_code=status)

    async def form_page(request: Request) -> Response:
        try:
            chosen = read_request({"locale": request.query_params.get("locale", "")}, None,
                                  None)
        except DraftError:
            chosen = None
        return page(request, Shown(), chosen)

    async def form_sent(request: Request) -> Response:
        try:
            sent = await _read(request, limit)
        except DraftError as error:
            return page(request, Shown(error=str(error)), None, status=400)
        draft = sent.draft
        if draft is None:
            return page(request, Shown(missing=True), sent, status=400)
        if sent.action in ("apply", "all", "download"):
            corrected = correct_draft(draft, sent, config, None if sent.action == "all"
                                      else sent.accept or frozenset())
            fixed = len(corrected.fix.fixed)
            if sent.action == "download":
                return _file(corrected.draft.name if not fixed else copy_path(draft.name),
                             corrected.draft.data)
            draft = corrected.draft
            sent = DraftRequest(draft, sent.lang, sent.published, sent.locale, None,
                                "audit", sent.uploaded)
            return page(request, Shown(draft, audit_draft(draft, sent, config),
                                       applied=fixed), sent)
        return page(request, Shown(draft, audit_draft(draft, sent, config)), sent)

    async def api_audit(request: Request) -> Response:
        sent, refused = await _api_request(request, limit)
        if sent is None or sent.draft is None:
            return refused
        result = audit_draft(sent.draft, sent, config)
        from factcheck.report import render

        locale = "en" if sent.locale == "auto" else sent.locale
        text = render("json", result, rules, locale=locale)
        return Response(text, status_code=_status(result),
                        media_type="application/json; charset=utf-8")

    async def api_fix(request: Request) -> Response:
        sent, refused = await _api_request(request, limit)
        if sent is None or sent.draft is None:
            return refused
        corrected = correct_draft(sent.draft, sent, config, sent.accept)
        status = _status(corrected.fix.audit)
        if status != 200:
            return JSONResponse({"error": "the draft cannot be read; POST /api/audit says "
                                 "why"}, status_code=status)
        name = corrected.draft.name
        response = _file(name, corrected.draft.data,
                         inline=PurePath(name).suffix.lower() not in _MEDIA)
        response.headers["x-factcheck-fixed"] = str(len(corrected.fix.fixed))
        response.headers["x-factcheck-remaining"] = str(len(corrected.fix.remaining))
        return response

    async def static_file(request: Request) -> Response:
        found = static.get(request.path_params["name"])
        if found is None:
            return PlainTextResponse("not found\n", status_code=404)
        return Response(found[0], media_type=found[1])

    async def health(request: Request) -> Response:
        return PlainTextResponse("ok\n")

    async def no_icon(request: Request) -> Response:
        return Response(status_code=204)

    return Starlette(routes=[
        Route("/", form_page, methods=["GET"]),
        Route("/", form_sent, methods=["POST"]),
        Route("/api/audit", api_audit, methods=["POST"]),
        Route("/api/fix", api_fix, methods=["POST"]),
        Route("/static/{name}", static_file, methods=["GET"]),
        Route("/health", health, methods=["GET"]),
        Route("/favicon.ico", no_icon, methods=["GET"]),
    ], middleware=[Middleware(Guard, max_body=limit)])


async def _api_request(request: Request, limit: int) -> tuple[DraftRequest | None, Response]:
    try:
        sent = await _read(request, limit)
    except DraftError as error:
        return None, JSONResponse({"error": error.message, "field": error.field}, 400)
    if sent.draft is None:
        return None, JSONResponse({"error": "paste a text or send a file", "field": "text"},
                                  400)
    return sent, Response()


def _status(result: AuditResult) -> int:
    codes = {f.code for f in result.findings}
    return 500 if codes & INTERNAL_ERROR_CODES else 422 if codes & BAD_INPUT_CODES else 200


def _file(name: str, data: bytes, *, inline: bool = False) -> Response:
    """A draft's bytes: as text, or as a file to save (``inline`` False)."""
    suffix = PurePath(name).suffix.lower()
    if inline:
        return Response(data, media_type="text/plain; charset=utf-8")
    response = Response(data, media_type=_MEDIA.get(suffix, "text/plain; charset=utf-8"))
    response.headers["content-disposition"] = _attachment(name)
    return response
