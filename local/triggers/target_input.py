"""What an EventBridge target receives: the event itself, `Input`, `InputPath` or `InputTransformer`.

moto only applies transformations for SQS targets, and the runtime delivers to every real target
itself (through the rule's shim queue), so the transformation rules live here, pure and tested:

* no option: the whole event as JSON;
* `Input`: that constant JSON text;
* `InputPath`: the JSON value at that path (`$.detail` gives the bare detail);
* `InputTransformer`: `<name>` placeholders of `InputTemplate` replaced by the values of
  `InputPathsMap`. In a JSON template a placeholder inside a string is replaced by the raw text,
  one outside a string by the JSON value; in a template that is not JSON every value is raw text.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from typing import Any

_PLACEHOLDER = re.compile(r"<([A-Za-z0-9_.\-]+)>")
_PATH_TOKEN = re.compile(r"\.([^.\[\]]+)|\[(\d+)\]|\['([^']*)'\]|\[\"([^\"]*)\"\]")


class TransformError(ValueError):
    """A path or template EventBridge would reject."""


def compact(value: Any) -> str:
    """EventBridge's own JSON shape: compact separators, non-ASCII kept as is."""
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False)


def json_path(document: Any, path: str) -> tuple[bool, Any]:
    """The value at a simple JSONPath (`$`, `$.a.b`, `$.a[0]`, `$['a.b']`): (found, value)."""
    if not path.startswith("$"):
        raise TransformError(f"{path!r}: a path starts with $")
    rest, value = path[1:], document
    while rest:
        match = _PATH_TOKEN.match(rest)
        if match is None:
            raise TransformError(f"unsupported JSONPath {path!r}")
        key, index, quoted, double_quoted = match.groups()
        rest = rest[match.end() :]
        if index is not None:
            if not isinstance(value, list) or int(index) >= len(value):
                return False, None
            value = value[int(index)]
            continue
        name = key if key is not None else (quoted if quoted is not None else double_quoted)
        if not isinstance(value, dict) or name not in value:
            return False, None
        value = value[name]
    return True, value


def target_input(
    event: Mapping[str, Any],
    *,
    input: str | None = None,
    input_path: str | None = None,
    input_paths_map: Mapping[str, str] | None = None,
    input_template: str | None = None,
    rule_name: str = "",
    rule_arn: str = "",
) -> str:
    """The text delivered to the target (SQS body, SNS message, or Lambda payload)."""
    if input is not None:
        return input
    if input_path is not None:
        found, value = json_path(event, input_path)
        return compact(value if found else None)
    if input_template is not None:
        values = {name: json_path(event, path) for name, path in (input_paths_map or {}).items()}
        values.update(
            {
                "aws.events.rule-arn": (True, rule_arn),
                "aws.events.rule-name": (True, rule_name),
                "aws.events.event.ingestion-time": (True, event.get("time")),
                "aws.events.event": (True, dict(event)),
                "aws.events.event.json": (True, dict(event)),
            }
        )
        return render_template(input_template, values)
    return compact(dict(event))


def render_template(template: str, values: Mapping[str, tuple[bool, Any]]) -> str:
    """Replace `<name>` placeholders, JSON-aware (see the module docstring)."""
    as_json = _is_json_template(template)
    out: list[str] = []
    in_string = False
    position = 0
    while position < len(template):
        char = template[position]
        match = _PLACEHOLDER.match(template, position)
        if match and match.group(1) in values:
            found, value = values[match.group(1)]
            out.append(
                _in_string(found, value) if (in_string or not as_json) else compact(value if found else None)
            )
            position = match.end()
            continue
        if char == "\\" and in_string:
            out.append(template[position : position + 2])
            position += 2
            continue
        if char == '"':
            in_string = not in_string
        out.append(char)
        position += 1
    return "".join(out)


def _in_string(found: bool, value: Any) -> str:
    if not found or value is None:
        return ""
    text = value if isinstance(value, str) else compact(value)
    return json.dumps(text, ensure_ascii=False)[1:-1]


def _is_json_template(template: str) -> bool:
    probe = _PLACEHOLDER.sub("null", template)
    try:
        json.loads(probe)
    except ValueError:
        return False
    return True
