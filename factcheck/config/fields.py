"""The settings a configuration file may hold, their defaults and their validation.

Keys are written in kebab case (``fail-on``), in ``[tool.factcheck]`` and in
``.factcheck.yaml`` alike. Paths (``baseline``, ``rules``, ``rates``) are relative to the
file's directory; globs are matched against paths relative to it (see ``engine.inputs``).
An unknown key, or a value of the wrong type or outside its choices, is a ``ConfigError``
naming the file, the line and the key.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable
from typing import Any

from factcheck.errors import ConfigError
from factcheck.lang import language_codes

#: Every readable article format, at any depth.
DEFAULT_ARTICLES = ("*.md", "*.markdown", "*.txt", "*.text", "*.html", "*.htm", "*.jsonl",
                    "*.parquet", "*.docx", "*.odt")
#: Claims files are those in a folder named ``claims`` (at any depth), not every YAML,
#: JSON or CSV file: a repository holds many that are no claims (package.json, workflows).
DEFAULT_CLAIMS = ("**/claims/**/*.yaml", "**/claims/**/*.yml", "**/claims/**/*.json",
                  "**/claims/**/*.csv")
#: Folders that never hold inputs; ``exclude`` adds to them. Hidden files and folders
#: (a name starting with ".") are never walked either.
DEFAULT_EXCLUDE = ("node_modules", "venv", "build", "dist", "site-packages", "__pycache__")
FAIL_ON = ("error", "warning", "info", "never")
LANGS = ("auto", *language_codes())  # a language folder each, found without reading them
CODE_PATTERN = re.compile(r"^(ALL|[A-Z]{2}\d{0,3})$")

Validator = Callable[[Any], Any]


def _globs(value: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise ValueError("must be a list of glob patterns (strings)")
    return tuple(v.strip() for v in value)


def _path(value: Any) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ValueError("must be a path (a string)")
    return value.strip()


def _choice(choices: tuple[str, ...]) -> Validator:
    def check(value: Any) -> str:
        if not isinstance(value, str) or value not in choices:
            raise ValueError(f"must be one of {', '.join(choices)} (not {value!r})")
        return value
    return check


def codes(value: Any) -> tuple[str, ...]:
    """Check codes or prefixes ("FX", "FX00", "FX001", "ALL"), upper-cased."""
    if isinstance(value, str):
        value = [v for v in re.split(r"[,\s]+", value) if v]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ValueError("must be a list of check codes or prefixes (strings)")
    out = tuple(v.strip().upper() for v in value)
    bad = [v for v in out if not CODE_PATTERN.match(v)]
    if bad:
        raise ValueError(f"{bad[0]!r} is not a check code or prefix (FX001, FX, ALL)")
    return out


FIELDS: dict[str, Validator] = {
    "articles": _globs,
    "claims": _globs,
    "exclude": _globs,
    "baseline": _path,
    "rules": _path,
    "rates": _path,
    "fail-on": _choice(FAIL_ON),
    "lang": _choice(LANGS),
    "select": codes,
    "ignore": codes,
}
DEFAULTS: dict[str, Any] = {
    "articles": DEFAULT_ARTICLES,
    "claims": DEFAULT_CLAIMS,
    "exclude": (),
    "baseline": None,
    "rules": None,
    "rates": None,
    "fail-on": "warning",
    "lang": "auto",
    "select": ("ALL",),
    "ignore": (),
}
PATH_FIELDS = ("baseline", "rules", "rates")


def validate(entries: dict[str, tuple[Any, int | None]], path: str
             ) -> dict[str, tuple[Any, int | None]]:
    """The entries of a file checked and normalised, with their lines."""
    out: dict[str, tuple[Any, int | None]] = {}
    for key, (value, line) in entries.items():
        check = FIELDS.get(key)
        if check is None:
            close = difflib.get_close_matches(key.replace("_", "-"), FIELDS, n=1)
            hint = f" (did you mean {close[0]!r}?)" if close else ""
            raise ConfigError(f"unknown setting{hint}; the settings are "
                              f"{', '.join(FIELDS)}", path=path, line=line, field=key)
        try:
            out[key] = (check(value), line)
        except ValueError as error:
            raise ConfigError(str(error), path=path, line=line, field=key) from None
    return out
