"""The organization's inbox: search, read, triage, delete, contact details (rules in inbox.py)."""

from datetime import datetime
from typing import Annotated

from aws_lambda_powertools.event_handler import Response
from aws_lambda_powertools.event_handler.openapi.params import Query
from aws_lambda_powertools.event_handler.router import APIGatewayHttpRouter

from numeriqc.core.auth import Scope, current_caller
from numeriqc.core.http import KEY_REQUIRED
from numeriqc.core.observability import logger
from numeriqc.feedback import deps
from numeriqc.feedback.handlers.routes.parameters import TAG, FeedbackIdPath
from numeriqc.feedback.models import SERVICE_ID_PATTERN, Contact, Feedback, FeedbackPage, Status, TriageIn
from numeriqc.feedback.ports import Search

router = APIGatewayHttpRouter()  # type: ignore[no-untyped-call]  # Powertools leaves __init__ untyped


@router.get(
    "/v1/feedback",
    tags=[TAG],
    security=KEY_REQUIRED,
    summary="Chercher dans la rétroaction / search feedback",
)
def search_feedback(  # every parameter is a query parameter, passed by name
    *,
    service_id: Annotated[str | None, Query(pattern=SERVICE_ID_PATTERN)] = None,
    since: Annotated[datetime | None, Query(description="Reçue à partir de / received from")] = None,
    until: Annotated[datetime | None, Query(description="Reçue avant / received before")] = None,
    rating: Annotated[int | None, Query(ge=1, le=5)] = None,
    has_comment: Annotated[bool | None, Query(description="Avec commentaire / with comment")] = None,
    status: Annotated[Status | None, Query()] = None,
    limit: Annotated[int, Query(ge=1, le=100)] = 25,
    cursor: Annotated[str | None, Query(max_length=2000)] = None,
) -> FeedbackPage:
    caller = current_caller(router, Scope.FEEDBACK_READ)
    search = Search(service_id, since, until, rating, has_comment, status)
    return deps.inbox().search(caller.org_id, search, limit, cursor)


@router.get(
    "/v1/feedback/<feedback_id>",
    tags=[TAG],
    security=KEY_REQUIRED,
    summary="Une rétroaction / one feedback",
)
def get_feedback(feedback_id: FeedbackIdPath) -> Feedback:
    caller = current_caller(router, Scope.FEEDBACK_READ)
    return deps.inbox().feedback(caller.org_id, feedback_id)


@router.patch(
    "/v1/feedback/<feedback_id>",
    tags=[TAG],
    security=KEY_REQUIRED,
    summary="Trier : nouvelle, lue, signalée, archivée / triage: new, read, flagged, archived",
)
def triage_feedback(feedback_id: FeedbackIdPath, request: TriageIn) -> Feedback:
    caller = current_caller(router, Scope.FEEDBACK_MANAGE)
    return deps.inbox().triage(caller.org_id, feedback_id, request.status)


@router.delete(
    "/v1/feedback/<feedback_id>",
    tags=[TAG],
    security=KEY_REQUIRED,
    summary="Supprimer pour de bon / delete for good",
    responses={204: {"description": "Supprimée / deleted"}},
)
def delete_feedback(feedback_id: FeedbackIdPath) -> Response[None]:
    caller = current_caller(router, Scope.FEEDBACK_MANAGE)
    deps.inbox().delete(caller.org_id, feedback_id)
    logger.info("feedback deleted", extra={"feedback_id": feedback_id, "org_id": caller.org_id})
    return Response(status_code=204, body=None)


@router.get(
    "/v1/feedback/<feedback_id>/contact",
    tags=[TAG],
    security=KEY_REQUIRED,
    summary="Coordonnées (avec consentement) / contact details (with consent)",
)
def get_contact(feedback_id: FeedbackIdPath) -> Contact:
    caller = current_caller(router, Scope.FEEDBACK_MANAGE)
    logger.info("contact read", extra={"feedback_id": feedback_id, "key_id": caller.key_id})
    return deps.inbox().contact(caller.org_id, feedback_id)
