"""`python -m numeriqc_local.dev.openapi`: the OpenAPI document, as the platform function renders it.

The resolvers to document are those infra routed: the synthesized template gives the platform
function their modules in `API_MODULES` (`Api.api_modules()`). This reads that variable from the
template, so `make openapi` writes exactly what `GET /openapi.json` answers.
"""

from __future__ import annotations

import json
import sys

from numeriqc.platform.openapi import render

from ..template.assembly import Template, load_template
from ..template.resource_reader import read_wiring

VARIABLE = "API_MODULES"


def documented_modules(template: Template) -> list[str]:
    """The API modules the template tells the platform function to document."""
    values = [
        function.environment[VARIABLE]
        for function in read_wiring(template).functions.values()
        if VARIABLE in function.environment
    ]
    if len(values) != 1:
        raise LookupError(f"expected one function with {VARIABLE} in the template, found {len(values)}")
    modules = json.loads(values[0])
    return [str(module) for module in modules]


def main() -> int:
    sys.stdout.write(render(documented_modules(load_template())))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
