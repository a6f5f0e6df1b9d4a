"""A copy of moto's in-process state, restored into each fresh mock: the pytest `platform` fixture.

Creating the real template's resources takes ~120 AWS calls through botocore and moto (about a
quarter of a second of CPU); 550+ tests start from exactly that state. `MotoImage.take()` deep-copies
every moto backend in use right after the resources were created; `restore()` puts a fresh deep
copy of it into the current mock, so each test still gets state of its own that no other test saw
or will see, in a few milliseconds. What moto answers is unchanged: the copies are moto's own
objects. Only values drawn at random during creation (key material, secret values, subscription
ids) are the same for every test of a process, as they are for every request of one `numeriqc dev`.

One copy is taken for all services at once, so objects shared between backends stay shared.
moto guards each SQS queue with a `threading.Condition`; a lock cannot be copied, so each copy
gets new, unheld locks and conditions (nothing holds or waits on one between tests: the copy is
taken between calls).
"""

from __future__ import annotations

import copy
import copyreg
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

# A Condition is made anew as a whole: it binds its lock's methods, which would still be the old lock's.
_LOCK_TYPES: dict[type, Any] = {
    type(threading.Lock()): threading.Lock,
    type(threading.RLock()): threading.RLock,
    threading.Condition: threading.Condition,
}
_copying = threading.Lock()


@contextmanager
def _fresh_locks() -> Iterator[None]:
    """While copying: a lock copies as a new, unheld lock (copyreg is what deepcopy consults)."""
    with _copying:
        saved = {kind: copyreg.dispatch_table.get(kind) for kind in _LOCK_TYPES}
        for kind, make in _LOCK_TYPES.items():
            copyreg.dispatch_table[kind] = _new_lock_of(make)
        try:
            yield
        finally:
            for kind, previous in saved.items():
                if previous is None:
                    copyreg.dispatch_table.pop(kind, None)
                else:
                    copyreg.dispatch_table[kind] = previous


def _new_lock_of(make: Any) -> Any:
    def reduce(_lock: Any) -> tuple[Any, tuple[()]]:
        return make, ()

    return reduce


def _instances() -> list[Any]:
    """moto's list of the BackendDicts in use (what its reset walks)."""
    from moto.core.base_backend import BackendDict

    return BackendDict._instances  # type: ignore[misc]


def _copy(value: Any, shared: tuple[Any, ...]) -> Any:
    """A deep copy of `value` in which the `shared` objects (moto's BackendDicts) are not copied."""
    memo: dict[int, Any] = {id(item): item for item in shared}
    with _fresh_locks():
        return copy.deepcopy(value, memo)


@dataclass(frozen=True)
class MotoImage:
    """moto's per-account backends as they were when taken, with the BackendDict each belongs to."""

    backend_dicts: tuple[Any, ...]
    accounts: tuple[tuple[int, str, Any], ...]  # (index in backend_dicts, account id, its backends)

    @classmethod
    def take(cls) -> MotoImage:
        """Copy every backend in use now (call inside a started mock, before it stops and resets)."""
        backend_dicts = tuple(_instances())
        in_use = tuple(
            (index, account_id, per_account)
            for index, backend_dict in enumerate(backend_dicts)
            for account_id, per_account in backend_dict.items()
        )
        return cls(backend_dicts, _copy(in_use, backend_dicts))

    def restore(self) -> None:
        """Replace the current mock's state by a fresh copy of the image (call right after start)."""
        from moto.core.base_backend import backend_lock

        fresh = _copy(self.accounts, self.backend_dicts)
        with backend_lock:
            for index, account_id, per_account in fresh:
                backend_dict = self.backend_dicts[index]
                dict.__setitem__(backend_dict, account_id, per_account)
                if backend_dict not in _instances():
                    _instances().append(backend_dict)
