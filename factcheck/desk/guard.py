"""The desk's guard: an ASGI middleware around every request it serves.

- A body larger than the limit (``--max-request-size``, 10 MB by default) is refused with
  413, whether its ``Content-Length`` says so or its chunks add up to more: no more than
  the limit is ever read.
- Every response carries a strict Content Security Policy (``default-src 'self'``: scripts,
  styles and fonts come from the desk itself; no inline script; an inline style only with
  the request's nonce; ``frame-ancestors 'none'``; forms post to the desk alone), and
  ``X-Content-Type-Options: nosniff``, ``Referrer-Policy: no-referrer``,
  ``X-Frame-Options: DENY``, the cross-origin isolation headers, and ``Cache-Control:
  no-store`` (a draft is not for a shared cache) except for the desk's own static files.
- A bug while serving a request is one line on standard error (the traceback only with
  ``FACTCHECK_DEBUG`` set) and a 500 response, never a traceback to the client.

The nonce is fresh for each request, in ``request.state.nonce``.
"""

from __future__ import annotations

import json
import os
import secrets
import sys
import traceback
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

from factcheck.escaping import shorten

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
App = Callable[[Scope, Receive, Send], Awaitable[None]]

STATIC_PREFIX = "/static/"


def content_security_policy(nonce: str) -> str:
    return ("default-src 'self'; script-src 'self'; "
            f"style-src 'self' 'nonce-{nonce}'; img-src 'self' data:; font-src 'self'; "
            "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
            "frame-ancestors 'none'")


def security_headers(nonce: str, static: bool) -> list[tuple[bytes, bytes]]:
    headers = {
        "content-security-policy": content_security_policy(nonce),
        "x-content-type-options": "nosniff",
        "referrer-policy": "no-referrer",
        "x-frame-options": "DENY",
        "cross-origin-opener-policy": "same-origin",
        "cross-origin-resource-policy": "same-origin",
        "permissions-policy": "camera=(), microphone=(), geolocation=()",
        "cache-control": "no-cache" if static else "no-store",
    }
    return [(k.encode("latin-1"), v.encode("latin-1")) for k, v in headers.items()]


class BodyTooLarge(Exception):
    """The request's body is over the limit."""


class Guard:
    """The middleware (see the module's documentation); ``max_body`` is in bytes."""

    def __init__(self, app: App, max_body: int) -> None:
        self.app = app
        self.max_body = max_body

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        nonce = secrets.token_urlsafe(18)
        scope.setdefault("state", {})["nonce"] = nonce
        path = str(scope.get("path", ""))
        extra = security_headers(nonce, path.startswith(STATIC_PREFIX))
        started = False

        async def guarded_send(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                names = {name for name, _ in extra}
                kept = [(k, v) for k, v in message.get("headers", []) if k.lower() not in names]
                message = {**message, "headers": kept + extra}
            await send(message)

        received = 0

        async def counted_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_body:
                    raise BodyTooLarge
            return message

        try:
            if self._declared_length(scope) > self.max_body:
                raise BodyTooLarge
            await self.app(scope, counted_receive, guarded_send)
        except BodyTooLarge:
            if not started:
                await self._refuse(path, guarded_send, 413, self._too_large())
        except Exception as error:
            _log_bug(error)
            if not started:
                await self._refuse(path, guarded_send, 500, "internal error: a bug in "
                                   "factcheck; the server's log says more")

    @staticmethod
    def _declared_length(scope: Scope) -> int:
        for name, value in scope.get("headers", []):
            if name.lower() == b"content-length":
                try:
                    return int(value)
                except ValueError:
                    return 0
        return 0

    def _too_large(self) -> str:
        return (f"the request is larger than the desk's limit of {self.max_body:,} bytes "
                "(--max-request-size)")

    @staticmethod
    async def _refuse(path: str, send: Send, status: int, text: str) -> None:
        if "/api/" in path:
            body, kind = json.dumps({"error": text}, allow_nan=False).encode(), b"application/json"
        else:
            body, kind = (text + "\n").encode(), b"text/plain; charset=utf-8"
        await send({"type": "http.response.start", "status": status, "headers": [
            (b"content-type", kind), (b"content-length", str(len(body)).encode()),
            (b"connection", b"close")]})
        await send({"type": "http.response.body", "body": body})


def _log_bug(error: BaseException) -> None:
    if os.environ.get("FACTCHECK_DEBUG"):
        traceback.print_exception(error, file=sys.stderr)
    text = shorten(f"{type(error).__name__}: {error}")
    sys.stderr.write(f"factcheck desk: internal error: {text}; set FACTCHECK_DEBUG=1 for "
                     "the traceback\n")
