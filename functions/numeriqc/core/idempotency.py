"""Idempotent HTTP writes: a retried request with the same `Idempotency-Key` gets the first answer.

Built on Powertools idempotency with DynamoDB persistence. The persistence layer is built on first
use, never at import time, from the table name the function was given; the key is scoped to the
organization, the kind of API key (test or live) and the route, so two organizations, two routes,
or a test key and a live key can never get each other's answer: a test key's result is never a real
send, and a live request must never be answered with one.
"""

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from numeriqc.core import aws, clock
from numeriqc.core.auth import authorizer_context
from numeriqc.core.i18n import Message
from numeriqc.core.problems import Conflict, FieldError, ValidationFailed

MAX_KEY_LENGTH = 128
RETENTION_SECONDS = 24 * 3600

if TYPE_CHECKING:
    from aws_lambda_powertools.utilities.idempotency import DynamoDBPersistenceLayer

_layers: dict[str, "DynamoDBPersistenceLayer"] = {}
_REUSED = Message(
    "Cette clé d'idempotence a déjà servi pour une requête différente.",
    "This idempotency key was already used for a different request.",
)
_IN_PROGRESS = Message(
    "Une requête avec cette clé d'idempotence est déjà en cours.",
    "A request with this idempotency key is already in progress.",
)
_BAD_KEY = Message(
    "La clé d'idempotence doit compter de 1 à {max} caractères imprimables.",
    "The idempotency key must be 1 to {max} printable characters.",
)


def _persistence(table_name: str) -> "DynamoDBPersistenceLayer":
    # Imported here: it loads boto3, which only write routes with an Idempotency-Key need.
    from aws_lambda_powertools.utilities.idempotency import DynamoDBPersistenceLayer

    class ClockedPersistence(DynamoDBPersistenceLayer):
        """A record's expiry read on the kernel's clock, not Powertools' own `datetime.now()`: under
        the local platform's moved clock a key lasts 24 h of that clock, as its TTL deletion does."""

        def _get_expiry_timestamp(self) -> int:
            return clock.epoch_seconds(clock.now()) + self.expires_after_seconds

    if table_name not in _layers:
        _layers[table_name] = ClockedPersistence(table_name=table_name, boto3_client=aws.client("dynamodb"))
    return _layers[table_name]


def forget_persistence() -> None:
    _layers.clear()


def run_once(
    *,
    table_name: str,
    scope: str,
    key: str | None,
    payload: dict[str, Any],
    work: Callable[[], dict[str, Any]],
    lambda_context: Any = None,
) -> dict[str, Any]:
    """Run `work` once per (scope, key); later calls with the same key and payload get its result.

    Without a key, `work` just runs. The same key with another payload is a 422 problem, a
    concurrent duplicate a 409: the client learns what happened instead of getting a second write.
    """
    if key is None:
        return work()
    from aws_lambda_powertools.utilities.idempotency import IdempotencyConfig, idempotent_function
    from aws_lambda_powertools.utilities.idempotency.exceptions import (
        IdempotencyAlreadyInProgressError,
        IdempotencyValidationError,
    )

    if not 0 < len(key) <= MAX_KEY_LENGTH or not key.isprintable():
        raise ValidationFailed(
            errors=[FieldError("header.idempotency-key", "invalid", _BAD_KEY, max=MAX_KEY_LENGTH)]
        )
    config = IdempotencyConfig(
        event_key_jmespath="key",
        payload_validation_jmespath="payload",
        expires_after_seconds=RETENTION_SECONDS,
        use_local_cache=False,
    )
    if lambda_context is not None:  # lets Powertools expire an in-progress record with the invocation
        config.register_lambda_context(lambda_context)

    @idempotent_function(
        data_keyword_argument="request", persistence_store=_persistence(table_name), config=config
    )
    def once(request: dict[str, Any]) -> dict[str, Any]:
        return work()

    try:
        result: dict[str, Any] = once(request={"key": f"{scope}#{key}", "payload": payload})
    except IdempotencyValidationError as error:
        raise ValidationFailed(_REUSED) from error
    except IdempotencyAlreadyInProgressError as error:
        raise Conflict(_IN_PROGRESS) from error
    return result


def idempotent_write(
    app: Any,
    *,
    org_id: str,
    table_name: str | None,
    key: str | None,
    request: Any,
    work: Callable[[], dict[str, Any]],
) -> dict[str, Any]:
    """`run_once` for an HTTP write: scoped to the organization, the key kind and the route being
    served, with the request body as the payload a replay must match. Every write route of every
    service calls this, so the scope is built here once, for all of them."""
    return run_once(
        table_name=table_name or "",
        scope=write_scope(app, org_id),
        key=key,
        payload=request.model_dump(mode="json"),
        work=work,
        lambda_context=app.lambda_context,
    )


def write_scope(app: Any, org_id: str) -> str:
    """`<org>#<key kind>#<route>`. The kind comes from the authorizer's context, the same place the
    caller does: a write route has already refused a request without a valid key, so an unknown kind
    only happens on a route without a key, and stays apart from both."""
    kind = str(authorizer_context(app).get("kind") or "no-key")
    return f"{org_id}#{kind}#{app.current_event.request_context.route_key}"
