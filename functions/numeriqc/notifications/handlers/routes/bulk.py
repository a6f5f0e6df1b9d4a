"""Bulk routes: submit a job (JSON rows or an upload), read its progress, start an uploaded CSV."""

from aws_lambda_powertools.event_handler import Response

from numeriqc.core import clock, events
from numeriqc.core.auth import Scope, current_caller
from numeriqc.core.http import KEY_REQUIRED, IdempotencyKey, json_response
from numeriqc.notifications import deps
from numeriqc.notifications.handlers.routes.resolver import CREATED, SENDING, JobId, app, once
from numeriqc.notifications.models import BulkIn, Job


@app.post(
    "/v1/notifications/bulk",
    tags=[SENDING],
    security=KEY_REQUIRED,
    summary="Envoi en lot : lignes JSON ou CSV téléversé / bulk: JSON rows or uploaded CSV",
    responses=CREATED,
)
def send_bulk(request: BulkIn, idempotency_key: IdempotencyKey = None) -> Response[Job]:
    caller = current_caller(app, Scope.NOTIFICATIONS_SEND)
    created = once(
        caller,
        idempotency_key,
        request,
        lambda: deps.bulk_jobs().submit(caller, request, clock.now(), events.current()),
    )
    return json_response(created, 201, {"Location": f"/v1/jobs/{created['job_id']}"})


@app.get("/v1/jobs/<job_id>", tags=[SENDING], security=KEY_REQUIRED, summary="Un envoi en lot / one bulk job")
def get_job(job_id: JobId) -> Job:
    caller = current_caller(app, Scope.NOTIFICATIONS_SEND)
    return deps.bulk_jobs().read_job(caller.org_id, job_id, caller.kind.value)


@app.post(
    "/v1/jobs/<job_id>/start",
    tags=[SENDING],
    security=KEY_REQUIRED,
    summary="Valider le CSV téléversé et lancer / validate the uploaded CSV and start",
)
def start_job(job_id: JobId) -> Job:
    caller = current_caller(app, Scope.NOTIFICATIONS_SEND)
    return deps.bulk_jobs().start_upload(caller, job_id, clock.now(), events.current())
