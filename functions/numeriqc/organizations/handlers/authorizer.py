"""HTTP API REQUEST authorizer (payload 2.0, simple responses): API key -> organization, kind, scopes.

It never denies: a bad key is reported in the context and the function answers a localized 401
(docs/decisions/0001). API Gateway caches the answer per Authorization header for 30 s, which with
no in-container cache bounds a revocation's delay to well under a minute.
"""

from typing import Any

from aws_lambda_powertools.utilities.typing import LambdaContext

from numeriqc.core import clock
from numeriqc.core.observability import logger, metrics, tracer
from numeriqc.organizations import deps, registry
from numeriqc.organizations.keys import KeyStatus


@logger.inject_lambda_context
@tracer.capture_lambda_handler
@metrics.log_metrics
def handler(event: dict[str, Any], context: LambdaContext) -> dict[str, Any]:
    authorization = (event.get("headers") or {}).get("authorization")
    key_status, record = registry.authenticate(deps.store(), deps.key_pepper(), authorization, clock.now())
    if key_status is not KeyStatus.VALID or record is None:
        logger.info("api key refused", extra={"reason": key_status.value})
        return {"isAuthorized": True, "context": {"authenticated": "false", "reason": key_status.value}}
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
