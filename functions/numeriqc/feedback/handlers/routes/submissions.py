"""The public route: a citizen's submission (rules in intake.py)."""

from aws_lambda_powertools.event_handler import Response
from aws_lambda_powertools.event_handler.router import APIGatewayHttpRouter
from aws_lambda_powertools.metrics import MetricUnit, single_metric

from numeriqc.core.http import json_response
from numeriqc.core.observability import logger
from numeriqc.feedback import deps
from numeriqc.feedback.handlers.routes.parameters import PUBLIC, problem
from numeriqc.feedback.models import FeedbackIn, Receipt

router = APIGatewayHttpRouter()  # type: ignore[no-untyped-call]  # Powertools leaves __init__ untyped


@router.post(
    "/v1/feedback",
    tags=[PUBLIC],
    summary="Donner son avis sur un service / rate a service",
    description=(
        "Public, sans clé. Les renseignements personnels du commentaire sont retirés avant tout "
        "enregistrement; au plus 10 envois par minute; un envoi identique dans les 5 minutes reçoit "
        "le même reçu. / Public, no key. Personal information is removed from the comment before "
        "anything is stored; at most 10 submissions a minute; the same submission within 5 minutes "
        "gets the same receipt."
    ),
    responses={201: {"description": "Reçu / receipt"}, 429: problem("Trop de requêtes / too many requests")},
)
def submit(request: FeedbackIn) -> Response[Receipt]:
    source_ip = router.current_event.request_context.http.source_ip or "unknown"
    outcome = deps.intake().submit(request, source_ip)
    # One EMF line with the namespace from this function's settings (the shared Metrics object may
    # have been built before the environment was, when several functions share a process locally).
    namespace = deps.config().powertools_metrics_namespace
    with single_metric(
        name=f"Feedback_{outcome.result}", unit=MetricUnit.Count, value=1, namespace=namespace
    ):
        pass
    # Never the comment, the page address or the client's address: ids, rating and what was removed.
    logger.info(
        "feedback submission",
        extra={
            "outcome": outcome.result,
            "receipt_id": outcome.receipt.receipt_id,
            "service_id": request.service_id,
            "rating": request.rating,
            "removed": outcome.receipt.removed,
        },
    )
    return json_response(outcome.receipt.model_dump(mode="json"), status=201)
