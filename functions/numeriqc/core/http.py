"""HTTP kernel: the resolver every service API is built on, and problem+json for every failure.

Each service builds its resolver with `build_resolver()`: request validation on, the OpenAPI
metadata shared by the whole platform, and one exception handler per kind of failure, so a handler
never formats an error itself and a 5xx only ever comes from a bug.
"""

import json
from typing import Annotated, Any

from aws_lambda_powertools.event_handler import APIGatewayHttpResolver, Response
from aws_lambda_powertools.event_handler.exceptions import NotFoundError
from aws_lambda_powertools.event_handler.middlewares import NextMiddleware
from aws_lambda_powertools.event_handler.middlewares.openapi_validation import (
    OpenAPIRequestValidationMiddleware,
)
from aws_lambda_powertools.event_handler.openapi.exceptions import RequestValidationError
from aws_lambda_powertools.event_handler.openapi.models import HTTPBearer
from aws_lambda_powertools.event_handler.openapi.params import Header

from numeriqc.core.i18n import Language, Message, negotiate
from numeriqc.core.observability import logger
from numeriqc.core.problems import (
    CONTENT_TYPE,
    InternalError,
    MalformedRequest,
    NotFound,
    Problem,
    UnsupportedMediaType,
    ValidationFailed,
)
from numeriqc.core.request_body import check_content_type, parse_json
from numeriqc.core.validation import field_errors

API_TITLE = "numeriQc API"
API_VERSION = "1.0.0"
API_DESCRIPTION = (
    "Plateforme numériQc : services numériques partagés des organismes publics du Québec. "
    "/ numeriQc platform: shared digital services for Québec public organizations."
)
BEARER_SCHEME = "cleApi"
# Put `security=KEY_REQUIRED` on a route to make infra attach the API key authorizer to it.
KEY_REQUIRED: list[dict[str, list[str]]] = [{BEARER_SCHEME: []}]
# GOV.UK Notify's v2 surface: a JWT signed with a Notify-style key, checked by an uncached
# authorizer (organizations/notify_keys.py); infra attaches that one to routes carrying this.
NOTIFY_SCHEME = "jetonNotify"
NOTIFY_TOKEN_REQUIRED: list[dict[str, list[str]]] = [{NOTIFY_SCHEME: []}]
# The header every write route accepts (`core.idempotency.idempotent_write` applies it).
IdempotencyKey = Annotated[
    str | None,
    Header(alias="idempotency-key", description="Rejouer sans doublon / retry without duplicates"),
]
SECURITY_SCHEMES = {
    BEARER_SCHEME: HTTPBearer(
        bearerFormat="nqc_live_… / nqc_test_…",
        description="Clé d'API de l'organisme / Organization API key: `Authorization: Bearer <key>`",
    ),
    NOTIFY_SCHEME: HTTPBearer(
        bearerFormat="JWT",
        description="Jeton GOV.UK Notify (HS256, iss = identifiant de service) signé par une clé Notify / "
        "GOV.UK Notify JWT signed with a Notify-style key: what Notify's official clients send",
    ),
}

_ROUTE_NOT_FOUND = Message(
    "Aucune ressource ne correspond à {method} {path}.", "No resource matches {method} {path}."
)
_INTERNAL = Message(
    "Une erreur imprévue est survenue; elle a été journalisée sous l'identifiant {request_id}.",
    "An unexpected error occurred; it was logged under id {request_id}.",
)


def build_resolver() -> APIGatewayHttpResolver:
    """A validating HTTP API resolver whose every failure is an RFC 9457 problem in the caller's language."""
    app = APIGatewayHttpResolver(enable_validation=True, json_body_deserializer=parse_json)
    # Powertools runs its request validation before every other middleware: the content type is
    # checked in front of it, so a form or multipart body never reaches a model (core.request_body).
    app._request_validation_middleware = _JsonRequestValidation()
    app.configure_openapi(
        title=API_TITLE,
        version=API_VERSION,
        description=API_DESCRIPTION,
        security_schemes=SECURITY_SCHEMES,  # type: ignore[arg-type]
    )

    @app.exception_handler(Problem)
    def _problem(problem: Problem) -> Response[Any]:
        return problem_response(app, problem)

    @app.exception_handler(RequestValidationError)
    def _invalid(error: RequestValidationError) -> Response[Any]:
        errors = list(error.errors())
        kind = {str(item.get("type")) for item in errors}
        problem: Problem
        if "json_invalid" in kind:
            problem = MalformedRequest(errors=field_errors(errors))
        elif "unsupported_content_type" in kind:
            problem = UnsupportedMediaType(errors=field_errors(errors))
        else:
            problem = ValidationFailed(errors=field_errors(errors))
        return problem_response(app, problem)

    @app.not_found
    def _not_found(_: NotFoundError) -> Response[Any]:
        event = app.current_event
        return problem_response(app, NotFound(_ROUTE_NOT_FOUND, method=event.http_method, path=event.path))

    @app.exception_handler(Exception)
    def _bug(error: Exception) -> Response[Any]:
        request_id = app.current_event.request_context.request_id
        logger.exception("unhandled error", extra={"error_type": type(error).__name__})
        return problem_response(app, InternalError(_INTERNAL, request_id=request_id))

    return app


class _JsonRequestValidation(OpenAPIRequestValidationMiddleware):
    """Powertools' request validation, behind `check_content_type` (a 415 problem otherwise) on
    every route that takes a body."""

    def __init__(self) -> None:
        super().__init__()  # type: ignore[no-untyped-call]

    def handler(self, app: Any, next_middleware: NextMiddleware) -> Response[Any]:
        # Only routes that read a body model care: RFC 8058's one-click unsubscribe, for one,
        # is a form POST whose body the route never reads.
        if app.context["_route"].dependant.body_params:
            event = app.current_event
            check_content_type(event.http_method, event.headers.get("content-type"), event.body)
        return super().handler(app, next_middleware)


def language_of(app: APIGatewayHttpResolver) -> Language:
    """The caller's language, from Accept-Language (French when absent or unsupported)."""
    return negotiate(app.current_event.headers.get("accept-language"))


def problem_response(app: APIGatewayHttpResolver, problem: Problem) -> Response[Any]:
    language = language_of(app)
    return Response(
        status_code=problem.status,
        content_type=CONTENT_TYPE,
        body=json.dumps(problem.body(language, instance=app.current_event.path), ensure_ascii=False),
        headers={"Content-Language": language, **problem.headers},
    )


def json_response(body: Any, status: int = 200, headers: dict[str, str] | None = None) -> Response[Any]:
    """A JSON response with an explicit status (for 201/202 answers that also carry a body)."""
    return Response(status_code=status, content_type="application/json", body=body, headers=headers or {})
