"""Running the desk: uvicorn, on this machine alone unless told otherwise.

``serve`` starts uvicorn on ``host``:``port``. Bound to anything but a loopback address,
the desk can be reached by other machines, and it has no authentication of its own: a
warning on standard error says so (docs/desk.md puts it behind a proxy that
authenticates). With ``workers`` above 1 each worker process builds the app from the
environment (``app_from_environment``: ``FACTCHECK_DESK_RULES``, ``FACTCHECK_DESK_RATES``,
``FACTCHECK_DESK_MAX_REQUEST_SIZE``), which is also how a deployment runs uvicorn itself:
``uvicorn --factory factcheck.desk.server:app_from_environment``.
"""

from __future__ import annotations

import ipaddress
import os
import sys
from typing import TYPE_CHECKING

from factcheck.desk.work import MAX_REQUEST_SIZE, DeskSettings

if TYPE_CHECKING:
    from starlette.applications import Starlette

ENVIRONMENT = {"rules": "FACTCHECK_DESK_RULES", "rates": "FACTCHECK_DESK_RATES",
               "max_request_size": "FACTCHECK_DESK_MAX_REQUEST_SIZE"}


def is_loopback(host: str) -> bool:
    """Whether ``host`` is reachable from this machine alone."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def exposure_warning(host: str, port: int) -> str | None:
    """The line on stderr for a desk others can reach, or None."""
    if is_loopback(host):
        return None
    return (f"warning: the desk listens on {host}:{port}, where other machines can reach "
            "it, and has no authentication of its own: put it behind a proxy that "
            "authenticates (docs/desk.md)")


def settings_from_environment() -> DeskSettings:
    """The desk's settings as ``serve`` hands them to its workers."""
    size = os.environ.get(ENVIRONMENT["max_request_size"], "")
    return DeskSettings(os.environ.get(ENVIRONMENT["rules"]) or None,
                        os.environ.get(ENVIRONMENT["rates"]) or None,
                        int(size) if size.isdigit() and int(size) > 0 else MAX_REQUEST_SIZE)


def app_from_environment() -> Starlette:
    """The app, with the settings in the environment (a uvicorn factory)."""
    from factcheck.desk.app import create_app

    return create_app(settings_from_environment())


def serve(settings: DeskSettings, host: str, port: int, workers: int = 1) -> None:
    """Run the desk until interrupted."""
    import uvicorn

    warning = exposure_warning(host, port)
    if warning:
        sys.stderr.write(warning + "\n")
    for key, name in ENVIRONMENT.items():
        value = getattr(settings, key)
        if value is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = os.path.abspath(value) if key != "max_request_size" else (
                str(value))
    uvicorn.run("factcheck.desk.server:app_from_environment", factory=True, host=host,
                port=port, workers=workers, log_level="info", server_header=False,
                proxy_headers=True, h11_max_incomplete_event_size=64 * 1024)
