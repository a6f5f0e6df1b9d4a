"""The garbage collector's full collections in `numeriqc dev`, kept in proportion to what is new.

CPython collects its oldest generation when the objects promoted since the last full collection
reach a quarter of those that survived it, and a full collection walks every tracked object while
holding the GIL: every request waits meanwhile. The dev server's heap is mostly moto's stored
state, which only grows during a bulk, so the walks grew with it: during a 3,000-SMS bulk, 0.08 s
for 116,000 objects up to 0.45 s for 515,000 (ten of them in 72 s), one `/health` in a hundred
waiting behind one; the 100,000-SMS bulk ends with a heap six times that.

After each full collection its survivors are frozen (`gc.freeze`): later collections walk only
what was created since. The price is that a reference cycle among frozen objects is never
collected; moto's items, messages and records hold none, and anything acyclic is still freed by
its reference count the moment it is dropped.
"""

from __future__ import annotations

import gc
from typing import Any


def _freeze_survivors(phase: str, info: dict[str, Any]) -> None:
    if phase == "stop" and info.get("generation") == 2:
        gc.freeze()  # the survivors are now all in the oldest generation, the younger ones empty


def install() -> None:
    """Freeze the survivors of every full collection from now on (idempotent)."""
    if _freeze_survivors not in gc.callbacks:
        gc.callbacks.append(_freeze_survivors)


def uninstall() -> None:
    if _freeze_survivors in gc.callbacks:
        gc.callbacks.remove(_freeze_survivors)
