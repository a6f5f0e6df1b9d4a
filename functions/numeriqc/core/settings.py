"""Settings: one validated pydantic object per function, read from the environment at cold start.

The cache key includes the values of the variables a model reads, not only the model: the local
runtime runs many functions in one process, each with its own environment, and they must never
share a settings object built from another function's variables.
"""

import os
from typing import Any, TypeVar

from pydantic import BaseModel, ConfigDict

SettingsT = TypeVar("SettingsT", bound="BaseSettings")

_cache: dict[tuple[Any, ...], Any] = {}


class BaseSettings(BaseModel):
    """Base for every settings model: field names are the upper-cased environment variable names."""

    model_config = ConfigDict(frozen=True, extra="ignore")


def _variables(model: type[BaseSettings]) -> tuple[str, ...]:
    return tuple(name.upper() for name in model.model_fields)


def load(model: type[SettingsT], environ: dict[str, str] | None = None) -> SettingsT:
    """Build (once per distinct environment) and validate the settings `model` from `environ`."""
    source = os.environ if environ is None else environ
    values = {name.lower(): source[name] for name in _variables(model) if name in source}
    key = (model, tuple(sorted(values.items())))
    cached = _cache.get(key)
    if cached is None:
        cached = model.model_validate(values)
        _cache[key] = cached
    return cached
