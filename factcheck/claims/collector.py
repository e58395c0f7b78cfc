"""The cyclic garbage collector held off while millions of objects are made.

Reading and auditing 10^6 claims rows makes millions of objects, almost none in a cycle (a
few hundred in a whole audit). With the collector running, it walks the growing heap over
and over (a quarter of the time). Held off, the objects pile up in its youngest
generation, and the first collections after it resumes would walk them all: about two
full walks, some 5 s at 10^6 records. So when it resumes, the objects still alive (the
findings, the caches) are moved to the oldest generation in one step (``gc.freeze`` then
``gc.unfreeze``, no walk): the garbage cycles among them are collected with that
generation, when the process has made enough new long-lived objects to walk it.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused_gc() -> Iterator[None]:
    """The cyclic collector off inside; on leaving, the survivors moved to the oldest
    generation unwalked (see the module's docstring) and the collector back as it was."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:  # the outermost pause: an inner one leaves it to this
            gc.freeze()
            gc.unfreeze()
            gc.enable()
