"""HTTP API REQUEST authorizer (payload 2.0, simple responses): API key -> organization, kind, scopes.

It never denies: a bad key is reported in the context and the function answers a localized 401
(docs/decisions/0001). Two kinds of credentials, told apart by shape:

- `nqc_live_…` / `nqc_test_…` keys: API Gateway caches the answer per Authorization header for
  30 s, which with no in-container cache bounds a revocation's delay to well under a minute;
- GOV.UK Notify JWTs (`eyJ…`, two dots), on `/v2/` routes only, through the second authorizer
  on the same function that has no cache (a replayed or stale token must reach this code):
  organizations/notify_keys.py, docs/decisions/0006.
"""

from typing import Any

from aws_lambda_powertools.utilities.typing import LambdaContext

from numeriqc.core import clock
from numeriqc.core.observability import logger, metrics, tracer
from numeriqc.organizations import deps, notify_keys, registry
from numeriqc.organizations.keys import KeyStatus, bearer_token
from numeriqc.organizations.notify_keys import TokenStatus


@logger.inject_lambda_context
@tracer.capture_lambda_handler
@metrics.log_metrics
def handler(event: dict[str, Any], context: LambdaContext) -> dict[str, Any]:
    authorization = (event.get("headers") or {}).get("authorization")
    token = bearer_token(authorization)
    if token is not None and notify_keys.looks_like_jwt(token):
        return _notify(event, token)
    key_status, record = registry.authenticate(deps.store(), deps.key_pepper(), authorization, clock.now())
    if key_status is not KeyStatus.VALID or record is None:
        logger.info("api key refused", extra={"reason": key_status.value})
        return _refused(key_status.value)
    logger.append_keys(org_id=record.org_id, key_id=record.key_id)
    return {
        "isAuthorized": True,
        "context": {
            "authenticated": "true",
            "org_id": record.org_id,
            "key_id": record.key_id,
            "kind": record.kind.value,
            "scopes": " ".join(sorted(record.scopes)),
        },
    }


def _notify(event: dict[str, Any], token: str) -> dict[str, Any]:
    """A Notify JWT: only on /v2/ routes, whose authorizer is never cached."""
    route = str(event.get("routeKey") or "")
    if " /v2/" not in route:
        return _refused(KeyStatus.INVALID.value)
    status, record = notify_keys.authenticate(
        deps.notify_keys(), deps.notify_store(), deps.key_pepper(), token, clock.now()
    )
    if status is not TokenStatus.VALID or record is None:
        logger.info("notify token refused", extra={"reason": status.value})
        return _refused(status.value)
    logger.append_keys(org_id=record.org_id, key_id=record.key_id)
    context = {
        "authenticated": "true",
        "org_id": record.org_id,
        "key_id": record.key_id,
        "kind": record.key_kind().value,
        "notify_kind": record.kind,
        "scopes": " ".join(sorted(notify_keys.NOTIFY_SCOPES)),
    }
    if record.kind == "team":  # hashes only, read with the keys: no extra table read
        context["guest_list"] = " ".join(sorted(record.guest_list))
    return {"isAuthorized": True, "context": context}


def _refused(reason: str) -> dict[str, Any]:
    return {"isAuthorized": True, "context": {"authenticated": "false", "reason": reason}}
