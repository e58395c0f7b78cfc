"""The collector paused while claims are read and audited, and what it finds afterwards."""

from __future__ import annotations

import gc
import weakref

from factcheck.claims.collector import paused_gc


class _Node:
    def __init__(self) -> None:
        self.other: _Node | None = None


def test_the_survivors_go_to_the_oldest_generation_and_garbage_cycles_are_still_collected(
) -> None:
    assert gc.isenabled()
    with paused_gc():
        assert not gc.isenabled()
        kept = [_Node() for _ in range(3)]
        a, b = _Node(), _Node()
        a.other, b.other = b, a  # a cycle, dropped below
        gone = weakref.ref(a)
        del a, b
    assert gc.isenabled()
    oldest = {id(o) for o in gc.get_objects(generation=2)}
    assert all(id(node) in oldest for node in kept)
    assert gone() is not None  # no collection walked them on the way out
    gc.collect()
    assert gone() is None  # nothing frozen for good: the cycle is collected


def test_an_inner_pause_leaves_the_collector_off_and_a_disabled_one_stays_off() -> None:
    with paused_gc():
        with paused_gc():
            pass
        assert not gc.isenabled()
    assert gc.isenabled()
    gc.disable()
    try:
        with paused_gc():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()
