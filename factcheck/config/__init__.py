"""A project's configuration: discovered like ruff's and Vale's, overridden by the command
line, and able to say where each value came from.

``load_config()`` finds the file that applies in the working directory
(``config.files``), checks its settings (``config.fields``) and lays the command line's
values over them; every value keeps its origin ("default", "pyproject.toml:12",
"command line"). The file's directory is the project's root: the configured paths are
relative to it, the globs are matched against paths relative to it, and an audit with no
path named walks it. Without a file, the working directory is the root and the defaults
apply.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from factcheck.config.fields import DEFAULT_EXCLUDE, DEFAULTS, FIELDS, PATH_FIELDS, validate
from factcheck.config.files import find_config, read_config, relative
from factcheck.errors import ConfigError

__all__ = ["ProjectConfig", "Setting", "find_config", "load_config"]

COMMAND_LINE = "command line"


@dataclass(frozen=True)
class Setting:
    """A resolved value and where it came from."""

    value: Any
    origin: str


@dataclass(frozen=True)
class ProjectConfig:
    """The resolved configuration: the file it was read from (None: defaults only), the
    project's root and every setting."""

    file: Path | None
    root: Path
    settings: dict[str, Setting]

    def value(self, key: str) -> Any:
        return self.settings[key].value

    def path(self, key: str) -> Path | None:
        """A path setting, resolved: a file's value from the root, the command line's from
        the working directory (as given)."""
        setting = self.settings[key]
        if setting.value is None:
            return None
        given = Path(setting.value)
        if setting.origin == COMMAND_LINE or given.is_absolute():
            return given
        return relative(self.root / given)

    def never_inputs(self) -> frozenset[str]:
        """Real paths of the files that are never read as inputs: the configuration file
        and the baseline."""
        files = [self.file, self.path("baseline")]
        return frozenset(os.path.realpath(f) for f in files if f is not None)

    def exclude(self) -> tuple[str, ...]:
        """The default excluded folders and the configured and given patterns."""
        return DEFAULT_EXCLUDE + tuple(self.value("exclude"))

    def as_data(self) -> dict[str, Any]:
        """JSON-ready: the file, the root, and each setting's value and origin."""
        return {"file": str(self.file) if self.file else None, "root": str(self.root),
                "settings": {key: {"value": list(s.value) if isinstance(s.value, tuple)
                                   else s.value, "origin": s.origin}
                             for key, s in self.settings.items()}}

    def describe(self) -> str:
        """The configuration as ``factcheck config`` prints it."""
        if self.file is None:
            head = f"# no configuration file found from {self.root} up: defaults apply"
        else:
            head = f"# configuration: {self.file}"
        lines = [head, f"# root: {self.root}"]
        for key, setting in self.settings.items():
            value = list(setting.value) if isinstance(setting.value, tuple) else setting.value
            shown = f"{key} = {json.dumps(value, ensure_ascii=False, allow_nan=False)}"
            if key == "exclude":
                shown += f"  # also always: {', '.join(DEFAULT_EXCLUDE)}"
            lines.append(f"{shown}  # from {setting.origin}")
        return "\n".join(lines) + "\n"


def load_config(start: Path | None = None, *, file: Path | None = None,
                overrides: dict[str, Any] | None = None, isolated: bool = False
                ) -> ProjectConfig:
    """The configuration that applies in ``start`` (the working directory), or read from
    ``file``; none at all when ``isolated``. ``overrides`` are the command line's values
    (None: not given); ``exclude`` adds to the file's, the others replace. Raises
    ``ConfigError`` naming the file, line and key of a bad setting."""
    here = Path(start or Path.cwd()).absolute()
    found = None if isolated else (file.absolute() if file else find_config(here))
    if file is not None and not file.is_file():
        raise ConfigError("no such configuration file", path=str(file))
    settings = {key: Setting(value, "default") for key, value in DEFAULTS.items()}
    root = here
    if found is not None:
        root = found.parent
        name = relative(found)
        for key, (value, line) in validate(read_config(found, str(name)), str(name)).items():
            settings[key] = Setting(value, f"{name}:{line}" if line else str(name))
    for key, value in (overrides or {}).items():
        if value is None or key not in FIELDS:
            continue
        try:
            checked = FIELDS[key](value) if key not in PATH_FIELDS else str(value)
        except ValueError as error:
            raise ConfigError(str(error), field=f"--{key}") from None
        if key == "exclude":
            before = settings[key]
            merged = tuple(before.value) + tuple(checked)
            origin = COMMAND_LINE if before.origin == "default" else (
                f"{before.origin} and the {COMMAND_LINE}")
            settings[key] = Setting(merged, origin)
        else:
            settings[key] = Setting(checked, COMMAND_LINE)
    return ProjectConfig(found, root, settings)
