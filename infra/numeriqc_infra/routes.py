"""The routes of an HTTP API, read from its Powertools resolver: the one list of routes there is.

Infra never lists routes by hand. It asks each service's resolver for its OpenAPI document and
wires one API Gateway route per operation; an operation that declares a security requirement
(directly, or through the document's global `security`) gets the API key authorizer.
"""

from dataclasses import dataclass
from typing import Any

from aws_lambda_powertools.event_handler import APIGatewayHttpResolver

from numeriqc.core.http import NOTIFY_SCHEME

# The operation fields of an OpenAPI path item, in the order routes are reported.
_METHODS = ("get", "put", "post", "delete", "options", "head", "patch")


@dataclass(frozen=True, order=True)
class Route:
    method: str  # upper case, as in an API Gateway route key
    path: str  # OpenAPI template syntax, which is also API Gateway's: /organizations/{org_id}
    needs_key: bool
    notify_token: bool = False  # behind the Notify JWT authorizer (uncached) rather than the key one

    @property
    def key(self) -> str:
        """The API Gateway route key, e.g. `GET /health`."""
        return f"{self.method} {self.path}"


def routes_of(app: APIGatewayHttpResolver) -> list[Route]:
    """Every operation of `app`'s OpenAPI document, sorted so the synthesized template is stable."""
    schema = app.get_openapi_schema()
    default_security = schema.security
    routes: list[Route] = []
    for path, item in (schema.paths or {}).items():
        for method in _METHODS:
            operation: Any = getattr(item, method, None)
            if operation is None:
                continue
            # OpenAPI: an operation's own `security` (even an empty list) overrides the global one.
            security = operation.security if operation.security is not None else default_security
            notify = any(NOTIFY_SCHEME in requirement for requirement in security or [])
            routes.append(Route(method.upper(), path, needs_key=bool(security), notify_token=notify))
    return sorted(routes)
