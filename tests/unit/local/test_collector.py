"""`collector`: the survivors of a full collection are frozen, so the next full collection walks
only what was created since; dropped objects are still freed."""

from __future__ import annotations

import gc
import weakref
from collections.abc import Iterator

import pytest

from numeriqc_local.dev import collector


class _Stored:
    """A stand-in for one of moto's items: tracked by the collector, no cycle."""

    def __init__(self, value: int) -> None:
        self.attributes = {"pk": value}


@pytest.fixture
def freezing() -> Iterator[None]:
    gc.collect()
    collector.install()
    try:
        yield
    finally:
        collector.uninstall()
        gc.unfreeze()


@pytest.mark.usefixtures("freezing")
def test_a_full_collection_freezes_its_survivors_and_the_next_walks_only_the_new() -> None:
    stored = [_Stored(i) for i in range(5_000)]
    frozen_before = gc.get_freeze_count()

    gc.collect()

    assert gc.get_freeze_count() >= frozen_before + len(stored)
    walked: list[int] = []

    def count_the_walk(phase: str, info: dict[str, object]) -> None:
        if phase == "start":
            walked.append(len(gc.get_objects(2)))  # what a full collection walks: the unfrozen

    gc.callbacks.insert(0, count_the_walk)
    try:
        gc.collect()
    finally:
        gc.callbacks.remove(count_the_walk)
    assert walked and walked[0] < len(stored)


@pytest.mark.usefixtures("freezing")
def test_a_frozen_object_dropped_is_still_freed() -> None:
    stored = _Stored(1)
    alive = weakref.ref(stored)
    gc.collect()
    assert gc.get_freeze_count() > 0

    del stored

    assert alive() is None


def test_nothing_is_frozen_once_uninstalled() -> None:
    gc.collect()
    collector.install()
    collector.install()  # idempotent: one callback
    assert gc.callbacks.count(collector._freeze_survivors) == 1
    collector.uninstall()
    gc.unfreeze()

    gc.collect()

    assert gc.get_freeze_count() == 0
