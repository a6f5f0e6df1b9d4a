"""Every minute (EventBridge rate rule): sign the chain heads that moved (signing.py). One KMS Sign
per run whatever the traffic; a quiet minute costs a few Queries and no signature."""

from typing import Any

from aws_lambda_powertools.utilities.typing import LambdaContext

from numeriqc.core.observability import logger, metrics, tracer
from numeriqc.exchange import deps


@logger.inject_lambda_context
@tracer.capture_lambda_handler
@metrics.log_metrics
def handler(event: dict[str, Any], lambda_context: LambdaContext) -> dict[str, Any]:
    signed = deps.signing().run()
    logger.info("log batch signed", extra={"heads": signed})
    return {"heads": signed}
