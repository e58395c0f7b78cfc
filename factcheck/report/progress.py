"""A progress bar on standard error while documents are audited, for people at a terminal.

:func:`with_progress` wraps the lazy stream of blocks the runner consumes: it passes
each item on as it comes (nothing is read ahead, the total is not known) and shows how
many have been audited and which one is being read (its name escaped: rich markup and
control characters are shown, never acted on). It is silent (the items pass through
untouched) unless standard error is a terminal and ``CI`` is not set in the environment.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, TypeVar

from factcheck.escaping import one_line

if TYPE_CHECKING:
    from rich.console import Console

T = TypeVar("T")


def wanted() -> bool:
    """Whether a person is watching: standard error is a terminal and this is not CI."""
    return sys.stderr.isatty() and not os.environ.get("CI")


def _name(item: object) -> str:
    path = getattr(item, "path", None)
    return one_line(str(path)) if path is not None else ""


def with_progress(items: Iterable[T], *, enabled: bool | None = None,
                  console: Console | None = None, label: str = "auditing") -> Iterator[T]:
    """``items``, one at a time, with a transient progress line while they are consumed
    (when ``enabled``, by default when :func:`wanted`)."""
    if not (wanted() if enabled is None else enabled):
        yield from items
        return
    from rich.console import Console
    from rich.markup import escape
    from rich.progress import MofNCompleteColumn, Progress, SpinnerColumn, TextColumn

    out = console or Console(stderr=True)
    columns = (SpinnerColumn(), TextColumn("{task.description}"), MofNCompleteColumn(),
               TextColumn("[dim]{task.fields[current]}"))
    with Progress(*columns, console=out, transient=True) as bar:
        task = bar.add_task(label, total=None, current="")
        for item in items:
            bar.update(task, current=escape(_name(item)))
            yield item
            bar.advance(task)
