"""What an editor sends the desk, read into a ``DraftRequest``, whatever the form: the page's
form (multipart), a urlencoded form, or a JSON object (the API).

The draft is pasted text (``text``: a draft named ``draft.md``, read as Markdown, when it
holds Markdown markup such as ``**bold**``, ``[a link](...)`` or a ``#`` heading; else a
plain-text draft named ``draft.txt``), or an
uploaded file (``file``) whose name's suffix chooses its reader (.md, .txt, .html, .docx,
.odt). The page carries an uploaded draft on from one request to the next in two hidden
fields (``upload_name``, ``upload``: the bytes in base64), so that accepting a correction
needs no upload again and the server keeps nothing between requests. A name given by the
client names the draft and nothing else: only its last part is kept, and no path from a
request is ever opened. Every field is checked; a bad one is a ``DraftError`` naming it.
"""

from __future__ import annotations

import base64
import binascii
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import PurePath, PurePosixPath

from factcheck.documents.given import GivenInput
from factcheck.documents.markdown import looks_like_markdown
from factcheck.escaping import one_line
from factcheck.i18n import LOCALES
from factcheck.lang import language_codes

#: The formats a draft may come in.
DRAFT_SUFFIXES = (".md", ".markdown", ".txt", ".text", ".html", ".htm", ".docx", ".odt")
#: The name of a pasted draft, and of one that holds Markdown markup.
PASTED = "draft.txt"
PASTED_MARKDOWN = "draft.md"
ACTIONS = ("audit", "apply", "all", "download", "forget")
_LONGEST_NAME = 120
_UNSAFE = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069/\\]")


class DraftError(ValueError):
    """A field of the request that cannot be used: ``field`` names it."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message


@dataclass(frozen=True)
class Upload:
    """A file the client sent: the name it gave and its bytes."""

    filename: str
    data: bytes


@dataclass(frozen=True)
class DraftRequest:
    """A request read: the draft (None when none was given), its language ("auto" or a
    code), its publication date, the locale of the messages ("auto": the draft's language),
    the corrections accepted (finding keys, ``finding_key``; None when the request names
    none), and what the page asked for."""

    draft: GivenInput | None
    lang: str = "auto"
    published: date | None = None
    locale: str = "auto"
    accept: frozenset[str] | None = None  # None: none named (the API then fixes all)
    action: str = "audit"
    #: The draft was uploaded (and is carried in the page's hidden fields), not pasted.
    uploaded: bool = False


def draft_name(filename: str) -> str:
    """The name a client gave a file, made a name for a draft: its last part, without
    control characters, no longer than a line; a ``DraftError`` when its format is not one
    of ``DRAFT_SUFFIXES``."""
    name = _UNSAFE.sub("", PurePosixPath(filename.replace("\\", "/")).name).strip()
    stem, suffix = PurePath(name).stem, PurePath(name).suffix.lower()
    if suffix not in DRAFT_SUFFIXES:
        shown = one_line(suffix) if suffix else "(no suffix)"
        raise DraftError("file", f"not a draft: {shown}; the desk reads "
                         f"{', '.join(DRAFT_SUFFIXES)}")
    return (stem[:_LONGEST_NAME - len(suffix)] or "draft") + suffix


def _one(fields: Mapping[str, object], key: str) -> str:
    value = fields.get(key, "")
    if value is None:
        return ""
    if not isinstance(value, str):
        raise DraftError(key, "must be text")
    return value


def _choice(fields: Mapping[str, object], key: str, choices: Iterable[str]) -> str:
    value = _one(fields, key).strip() or "auto"
    allowed = ("auto", *choices)
    if value not in allowed:
        raise DraftError(key, f"{one_line(value[:40])!r} is not one of {', '.join(allowed)}")
    return value


def _published(fields: Mapping[str, object]) -> date | None:
    value = _one(fields, "published").strip()
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise DraftError("published", f"{one_line(value[:40])!r} is not a date "
                         "(YYYY-MM-DD)") from None


def _accepted(values: Iterable[object] | None) -> frozenset[str] | None:
    if values is None:
        return None
    keys = []
    for value in values:
        if not isinstance(value, str):
            raise DraftError("accept", "must be a list of finding keys (CODE:LINE:COLUMN)")
        keys.append(value)
    return frozenset(keys) if keys else None


def _carried(fields: Mapping[str, object]) -> Upload | None:
    """The upload the page carries in its hidden fields, if any."""
    name, data = _one(fields, "upload_name"), _one(fields, "upload")
    if not name:
        return None
    try:
        return Upload(name, base64.b64decode(data, validate=True))
    except (binascii.Error, ValueError):
        raise DraftError("upload", "is not base64") from None


def read_request(fields: Mapping[str, object], accept: Iterable[object] | None,
                 upload: Upload | None) -> DraftRequest:
    """The request whose fields (one value each), accepted keys (None or empty when none
    were named) and uploaded file (None when none was chosen) were sent."""
    action = _choice(fields, "action", ACTIONS)
    action = "audit" if action == "auto" else action
    carried = None if action == "forget" else _carried(fields)
    chosen = upload if upload is not None and upload.filename else carried
    if chosen is not None:
        draft: GivenInput | None = GivenInput(draft_name(chosen.filename), chosen.data)
    else:
        # a browser sends a textarea's line breaks as CRLF, whatever the editor typed
        text = _one(fields, "text").replace("\r\n", "\n")
        name = PASTED_MARKDOWN if looks_like_markdown(text) else PASTED
        draft = GivenInput(name, text.encode("utf-8")) if text.strip() else None
    return DraftRequest(
        draft, _choice(fields, "lang", language_codes()), _published(fields),
        _choice(fields, "locale", LOCALES), _accepted(accept), action,
        uploaded=chosen is not None)


def carried_upload(draft: GivenInput) -> str:
    """An uploaded draft's bytes as the page's hidden field carries them."""
    return base64.b64encode(draft.data).decode("ascii")
