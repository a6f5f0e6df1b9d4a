"""HTTP API route selection, as API Gateway does it.

A route key is `METHOD /path` (or `ANY /path`, or `$default`). Path segments are literals,
`{name}` (one segment) or a final greedy `{name+}` (one or more segments). Among matching routes
the most specific wins, segment by segment from the left: a literal beats a variable, a variable
beats a greedy variable; on a tie a named method beats ANY. `$default` only catches what nothing
else matches.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import unquote

DEFAULT_ROUTE = "$default"
_LITERAL, _VARIABLE, _GREEDY = 3, 2, 1


@dataclass(frozen=True)
class RouteMatch:
    route_key: str
    path_parameters: dict[str, str]


@dataclass(frozen=True)
class _Pattern:
    route_key: str
    method: str
    segments: tuple[str, ...]

    @classmethod
    def parse(cls, route_key: str) -> _Pattern:
        method, _, path = route_key.partition(" ")
        if not path.startswith("/"):
            raise ValueError(f"route key {route_key!r} is not 'METHOD /path'")
        segments = tuple(path[1:].split("/")) if path != "/" else ()
        for index, segment in enumerate(segments):
            if segment.endswith("+}") and index != len(segments) - 1:
                raise ValueError(f"route key {route_key!r}: a greedy variable must be last")
        return cls(route_key, method.upper(), segments)

    def match(self, method: str, parts: tuple[str, ...]) -> tuple[tuple[int, ...], dict[str, str]] | None:
        if self.method not in ("ANY", method):
            return None
        scores: list[int] = []
        parameters: dict[str, str] = {}
        for index, segment in enumerate(self.segments):
            if segment.startswith("{") and segment.endswith("+}"):
                rest = parts[index:]
                if not rest or rest == ("",):
                    return None
                parameters[segment[1:-2]] = unquote("/".join(rest))
                scores.append(_GREEDY)
                return tuple(scores), parameters
            if index >= len(parts):
                return None
            if segment.startswith("{") and segment.endswith("}"):
                if parts[index] == "":
                    return None
                parameters[segment[1:-1]] = unquote(parts[index])
                scores.append(_VARIABLE)
            elif segment == parts[index]:
                scores.append(_LITERAL)
            else:
                return None
        if len(parts) != len(self.segments):
            return None
        return tuple(scores), parameters


def split_path(path: str) -> tuple[str, ...]:
    return tuple(path[1:].split("/")) if path not in ("", "/") else ()


def match_route(route_keys: Iterable[str], method: str, path: str) -> RouteMatch | None:
    """The route API Gateway would pick for `method path` (raw, still percent-encoded), or None."""
    parts = split_path(path)
    best: tuple[tuple[tuple[int, ...], int], RouteMatch] | None = None
    has_default = False
    for route_key in route_keys:
        if route_key == DEFAULT_ROUTE:
            has_default = True
            continue
        pattern = _Pattern.parse(route_key)
        found = pattern.match(method.upper(), parts)
        if found is None:
            continue
        scores, parameters = found
        rank = (scores, 0 if pattern.method == "ANY" else 1)
        if best is None or rank > best[0]:
            best = (rank, RouteMatch(route_key, parameters))
    if best is not None:
        return best[1]
    return RouteMatch(DEFAULT_ROUTE, {}) if has_default else None
