"""What a request body must be before any service reads it: JSON, shallow, and valid Unicode.

Every refusal here is a 4xx problem raised before validation, before any rule runs: nothing is
written and no limit is counted. `core.http.build_resolver()` installs both checks on every
resolver, so a new service gets them without asking.

- Content type: a route that takes a body model reads it as JSON only; any other media type is
  a 415 (a form or multipart body would otherwise reach the models as lists of strings). A
  route without a body model never reads the body, whatever its type (RFC 8058's form POST).
- Depth: JSON nested deeper than `MAX_DEPTH` is a 400 (Python's parser and pydantic recurse, and
  the recursion limit answers a 500); no model of the platform goes near that depth.
- Unicode: a lone surrogate (`"\\ud800"`) is valid JSON but not a character: it cannot be
  encoded as UTF-8, so boto3, the logger or a provider would fail on it later. A 400 naming
  the field, for keys and values alike.
"""

import json
import re
from typing import Any

from numeriqc.core.i18n import Message
from numeriqc.core.problems import FieldError, MalformedRequest, UnsupportedMediaType
from numeriqc.core.validation import field_path

MAX_DEPTH = 32
JSON_MEDIA_TYPES = ("application/json",)
BODY_METHODS = frozenset({"POST", "PUT", "PATCH"})
_SURROGATES = re.compile("[\ud800-\udfff]")

TOO_DEEP = Message(
    "Le JSON est imbriqué sur plus de {max} niveaux.", "The JSON is nested more than {max} levels deep."
)
NOT_UNICODE = Message(
    "Le texte contient un caractère de substitution isolé (surrogate), qui n'est pas du Unicode valide.",
    "The text contains a lone surrogate, which is not valid Unicode.",
)
NOT_JSON = Message(
    "Le corps doit être envoyé en application/json (reçu : {received}).",
    "The body must be sent as application/json (received: {received}).",
)


def check_content_type(method: str, content_type: str | None, body: str | None) -> None:
    """A body on a write must be JSON; no body, or no content type (read as JSON), is fine."""
    if method.upper() not in BODY_METHODS or not body or not content_type:
        return
    media_type = content_type.split(";", 1)[0].strip().lower()
    if media_type in JSON_MEDIA_TYPES or (
        media_type.startswith("application/") and media_type.endswith("+json")
    ):
        return
    shown = media_type[:60].encode("ascii", "replace").decode("ascii")  # echo nothing unprintable
    raise UnsupportedMediaType(
        errors=[FieldError("header.content-type", "unsupported_content_type", NOT_JSON, received=shown)]
    )


def parse_json(text: str) -> Any:
    """`json.loads` that refuses what would fail later: too deep, or not Unicode (raises a problem).

    A syntax error stays a `json.JSONDecodeError`, which the resolver answers as its own 400.
    """
    try:
        value = json.loads(text)
    except RecursionError:
        raise _too_deep() from None
    _check_tree(value)
    return value


def _check_tree(root: Any) -> None:
    """Walk the parsed body without recursion: depth first, with each node's path and depth."""
    stack: list[tuple[Any, tuple[str | int, ...]]] = [(root, ("body",))]
    while stack:
        value, path = stack.pop()
        if isinstance(value, dict | list) and len(path) > MAX_DEPTH:  # `path` counts its containers
            raise _too_deep()
        if isinstance(value, str):
            _check_text(value, path)
        elif isinstance(value, dict):
            for key, child in value.items():
                _check_text(key, (*path, key))
                stack.append((child, (*path, key)))
        elif isinstance(value, list):
            stack.extend((child, (*path, index)) for index, child in enumerate(value))


def _check_text(text: str, path: tuple[str | int, ...]) -> None:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        # The field's name is echoed: its surrogates become U+FFFD so the answer is valid UTF-8.
        safe = tuple(_SURROGATES.sub("\ufffd", part) if isinstance(part, str) else part for part in path)
        raise MalformedRequest(
            errors=[FieldError(field_path(safe), "invalid_unicode", NOT_UNICODE)]
        ) from None


def _too_deep() -> MalformedRequest:
    return MalformedRequest(errors=[FieldError("body", "too_deep", TOO_DEEP, max=MAX_DEPTH)])
