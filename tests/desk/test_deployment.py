"""The deployment recipe of docs/desk.md stays true to the desk it deploys: the container
runs an entry point that exists, and the proxies refuse no less and no more than the desk.
(The container itself is not built here: there is no container runtime.)"""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from factcheck.cli import app
from factcheck.desk.server import ENVIRONMENT, app_from_environment, settings_from_environment
from factcheck.desk.work import MAX_REQUEST_SIZE

DEPLOY = Path(__file__).resolve().parents[2] / "deploy" / "desk"


def test_the_container_runs_the_factory_with_its_settings() -> None:
    text = (DEPLOY / "Containerfile").read_text(encoding="utf-8")
    assert '"factcheck.desk.server:app_from_environment"' in text and '"--factory"' in text
    assert app_from_environment().routes  # the factory builds the app
    size = re.search(r"FACTCHECK_DESK_MAX_REQUEST_SIZE=(\d+)", text)
    assert size is not None and int(size.group(1)) == MAX_REQUEST_SIZE
    assert ENVIRONMENT["max_request_size"] == "FACTCHECK_DESK_MAX_REQUEST_SIZE"
    assert "USER desk" in text and "[desk,office]" in text


def test_the_environment_sets_the_workers(monkeypatch: pytest.MonkeyPatch) -> None:
    patch = monkeypatch
    patch.setenv("FACTCHECK_DESK_MAX_REQUEST_SIZE", "2048")
    patch.setenv("FACTCHECK_DESK_RULES", "/srv/rules.yaml")
    settings = settings_from_environment()
    assert settings.max_request_size == 2048 and settings.rules == "/srv/rules.yaml"
    patch.setenv("FACTCHECK_DESK_MAX_REQUEST_SIZE", "lots")
    assert settings_from_environment().max_request_size == MAX_REQUEST_SIZE


def test_the_proxies_limit_bodies_as_the_desk_does() -> None:
    nginx = (DEPLOY / "nginx.conf").read_text(encoding="utf-8")
    caddy = (DEPLOY / "Caddyfile").read_text(encoding="utf-8")
    assert "client_max_body_size 10m;" in nginx and "max_size 10MB" in caddy
    assert MAX_REQUEST_SIZE == 10 * 1024 * 1024
    assert "auth_basic_user_file" in nginx and "basic_auth" in caddy
    assert "proxy_pass http://factcheck_desk;" in nginx and "reverse_proxy 127.0.0.1:8765" in caddy


@pytest.mark.parametrize(("hidden", "said"), [
    (("uvicorn",), "needs uvicorn, which is not installed"),
    (("starlette", "multipart"), "needs starlette, multipart, which are not installed"),
])
def test_serve_without_the_desk_extra_names_what_is_missing(
        monkeypatch: pytest.MonkeyPatch, hidden: tuple[str, ...], said: str) -> None:
    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec",
                        lambda name, *a: None if name in hidden else real(name, *a))
    result = CliRunner().invoke(app, ["serve"])
    assert result.exit_code == 2 and said in result.stderr
    assert "pip install 'factcheck[desk]'" in result.stderr
