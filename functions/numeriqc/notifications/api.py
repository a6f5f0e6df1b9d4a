"""Notifications HTTP API: templates, sends, bulk jobs, reminders, consent, unsubscribe, erasure.

Thin: every rule lives in the logic modules; this file maps routes to them, checks scopes and
applies Idempotency-Key to writes.
"""

from collections.abc import Callable
from typing import Annotated, Any

from aws_lambda_powertools.event_handler import Response
from aws_lambda_powertools.event_handler.openapi.params import Header, Path, Query
from aws_lambda_powertools.logging import correlation_paths
from aws_lambda_powertools.utilities.typing import LambdaContext
from pydantic import BaseModel

from numeriqc.core.auth import Caller, Scope, current_caller
from numeriqc.core.http import KEY_REQUIRED, build_resolver, json_response
from numeriqc.core.idempotency import idempotent_write
from numeriqc.core.observability import logger, metrics, tracer
from numeriqc.notifications import bulk, citizens, sending, template_registry, timing
from numeriqc.notifications.context import context, registry
from numeriqc.notifications.models import (
    BulkIn,
    Channel,
    Consent,
    ConsentIn,
    ConsentLookup,
    ErasureIn,
    ErasureOut,
    Job,
    Notification,
    NotificationList,
    Preview,
    PreviewIn,
    ReminderIn,
    ReminderSeries,
    SendEmailIn,
    SendSmsIn,
    Template,
    TemplateEdit,
    TemplateIn,
    TemplateList,
)

app = build_resolver()
TEMPLATES = "Gabarits / Templates"
SENDING = "Notifications"
CONSENT = "Consentement / Consent"
TemplateId = Annotated[str, Path(description="Identifiant du gabarit / template id")]
NotificationId = Annotated[str, Path(description="Identifiant de la notification / notification id")]
JobId = Annotated[str, Path(description="Identifiant de l'envoi en lot / bulk job id")]
SeriesId = Annotated[str, Path(description="Identifiant de la série / series id")]
IdempotencyKey = Annotated[
    str | None,
    Header(alias="idempotency-key", description="Rejouer sans doublon / retry without duplicates"),
]
CREATED: dict[int, Any] = {201: {"description": "Créé / created"}}


def _once(caller: Caller, key: str | None, request: BaseModel, work: Callable[[], BaseModel]) -> Any:
    def run() -> dict[str, Any]:
        result = work().model_dump(mode="json")
        context().flush()
        return result

    return idempotent_write(
        app,
        org_id=caller.org_id,
        table_name=context().config.idempotency_table,
        key=key,
        request=request,
        work=run,
    )


# -- templates -------------------------------------------------------------------------------------


@app.post(
    "/v1/templates", tags=[TEMPLATES], security=KEY_REQUIRED, summary="Créer / create", responses=CREATED
)
def create_template(request: TemplateIn, idempotency_key: IdempotencyKey = None) -> Response[Template]:
    caller = current_caller(app, Scope.NOTIFICATIONS_MANAGE)
    created = _once(
        caller,
        idempotency_key,
        request,
        lambda: registry().create(caller.org_id, request, timing.now()),
    )
    return json_response(created, 201, {"Location": f"/v1/templates/{created['template_id']}"})


@app.get("/v1/templates", tags=[TEMPLATES], security=KEY_REQUIRED, summary="Lister / list")
def list_templates() -> TemplateList:
    caller = current_caller(app, Scope.NOTIFICATIONS_MANAGE)
    return TemplateList(items=registry().list(caller.org_id))


@app.get("/v1/templates/<template_id>", tags=[TEMPLATES], security=KEY_REQUIRED, summary="Lire / read")
def get_template(template_id: TemplateId) -> Template:
    caller = current_caller(app, Scope.NOTIFICATIONS_MANAGE)
    return registry().current(caller.org_id, template_id)


@app.get(
    "/v1/templates/<template_id>/versions/<version>",
    tags=[TEMPLATES],
    security=KEY_REQUIRED,
    summary="Une version / one version",
)
def get_template_version(template_id: TemplateId, version: Annotated[int, Path(ge=1)]) -> Template:
    caller = current_caller(app, Scope.NOTIFICATIONS_MANAGE)
    return registry().existing_version(caller.org_id, template_id, version)


@app.put(
    "/v1/templates/<template_id>",
    tags=[TEMPLATES],
    security=KEY_REQUIRED,
    summary="Modifier : nouvelle version / edit: a new version",
)
def edit_template(template_id: TemplateId, request: TemplateEdit) -> Template:
    caller = current_caller(app, Scope.NOTIFICATIONS_MANAGE)
    return registry().edit(caller.org_id, template_id, request, timing.now())


@app.post(
    "/v1/templates/<template_id>/archive",
    tags=[TEMPLATES],
    security=KEY_REQUIRED,
    summary="Archiver / archive",
)
def archive_template(template_id: TemplateId) -> Template:
    caller = current_caller(app, Scope.NOTIFICATIONS_MANAGE)
    return registry().archive(caller.org_id, template_id, timing.now())


@app.post(
    "/v1/templates/<template_id>/preview",
    tags=[TEMPLATES],
    security=KEY_REQUIRED,
    summary="Aperçu : rendu, jeu de caractères, fragments, coût / preview",
)
def preview_template(template_id: TemplateId, request: PreviewIn) -> Preview:
    caller = current_caller(app, Scope.NOTIFICATIONS_MANAGE)
    config = context().config
    template = registry().current(caller.org_id, template_id)
    return template_registry.preview(template, request, config.sms_max_length, config.sms_price_per_fragment)


# -- sending ---------------------------------------------------------------------------------------


@app.post(
    "/v1/notifications/email",
    tags=[SENDING],
    security=KEY_REQUIRED,
    summary="Un courriel / one email",
    responses=CREATED,
)
def send_email(request: SendEmailIn, idempotency_key: IdempotencyKey = None) -> Response[Notification]:
    return _send_one(Channel.EMAIL, request, idempotency_key, request.email_address, "body.email_address")


@app.post(
    "/v1/notifications/sms",
    tags=[SENDING],
    security=KEY_REQUIRED,
    summary="Un texto / one SMS",
    responses=CREATED,
)
def send_sms(request: SendSmsIn, idempotency_key: IdempotencyKey = None) -> Response[Notification]:
    return _send_one(Channel.SMS, request, idempotency_key, request.phone_number, "body.phone_number")


def _send_one(
    channel: Channel,
    request: SendEmailIn | SendSmsIn,
    idempotency_key: str | None,
    recipient: str,
    field: str,
) -> Response[Notification]:
    """The two one-off routes differ only by channel and by where the recipient is."""
    caller = current_caller(app, Scope.NOTIFICATIONS_SEND)
    created = _once(
        caller,
        idempotency_key,
        request,
        lambda: sending.send_one(
            context(),
            registry(),
            caller,
            channel,
            request,
            recipient_raw=recipient,
            recipient_field=field,
            now=timing.now(),
        ),
    )
    return json_response(created, 201, {"Location": f"/v1/notifications/{created['id']}"})


@app.get("/v1/notifications", tags=[SENDING], security=KEY_REQUIRED, summary="Lister, filtrer / list, filter")
def list_notifications(  # noqa: PLR0917 - query parameters
    status: Annotated[str | None, Query(max_length=40)] = None,
    channel: Annotated[Channel | None, Query()] = None,
    reference: Annotated[str | None, Query(max_length=200)] = None,
    job_id: Annotated[str | None, Query(max_length=26)] = None,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
    page: Annotated[str | None, Query(max_length=2000)] = None,
) -> NotificationList:
    caller = current_caller(app, Scope.NOTIFICATIONS_SEND)
    return sending.listing(
        context(),
        caller.org_id,
        status=status,
        channel=channel.value if channel else None,
        reference=reference,
        job_id=job_id,
        limit=limit,
        page=page,
    )


@app.get("/v1/notifications/<notification_id>", tags=[SENDING], security=KEY_REQUIRED, summary="Lire / read")
def get_notification(notification_id: NotificationId) -> Notification:
    caller = current_caller(app, Scope.NOTIFICATIONS_SEND)
    return sending.read(context(), registry(), caller.org_id, notification_id, timing.now())


@app.post(
    "/v1/notifications/<notification_id>/cancel",
    tags=[SENDING],
    security=KEY_REQUIRED,
    summary="Annuler un envoi planifié / cancel a scheduled send",
)
def cancel_notification(notification_id: NotificationId) -> Notification:
    caller = current_caller(app, Scope.NOTIFICATIONS_SEND)
    ctx = context()
    cancelled = sending.cancel(ctx, caller.org_id, notification_id, timing.now())
    ctx.flush()
    return cancelled


@app.post(
    "/v1/reminders",
    tags=[SENDING],
    security=KEY_REQUIRED,
    summary="Rappels avant une échéance / reminders before a due date",
    responses=CREATED,
)
def create_reminders(request: ReminderIn, idempotency_key: IdempotencyKey = None) -> Response[ReminderSeries]:
    caller = current_caller(app, Scope.NOTIFICATIONS_SEND)
    created = _once(
        caller,
        idempotency_key,
        request,
        lambda: sending.remind(context(), registry(), caller, request, timing.now()),
    )
    return json_response(created, 201, {"Location": f"/v1/reminders/{created['series_id']}"})


@app.post(
    "/v1/reminders/<series_id>/cancel",
    tags=[SENDING],
    security=KEY_REQUIRED,
    summary="Annuler la série / cancel the series",
)
def cancel_reminders(series_id: SeriesId) -> NotificationList:
    caller = current_caller(app, Scope.NOTIFICATIONS_SEND)
    ctx = context()
    items = sending.cancel_series(ctx, caller.org_id, series_id, timing.now())
    ctx.flush()
    return NotificationList(items=items)


# -- bulk ------------------------------------------------------------------------------------------


@app.post(
    "/v1/notifications/bulk",
    tags=[SENDING],
    security=KEY_REQUIRED,
    summary="Envoi en lot : lignes JSON ou CSV téléversé / bulk: JSON rows or uploaded CSV",
    responses=CREATED,
)
def send_bulk(request: BulkIn, idempotency_key: IdempotencyKey = None) -> Response[Job]:
    caller = current_caller(app, Scope.NOTIFICATIONS_SEND)
    created = _once(
        caller,
        idempotency_key,
        request,
        lambda: bulk.submit(context(), registry(), caller, request, timing.now()),
    )
    return json_response(created, 201, {"Location": f"/v1/jobs/{created['job_id']}"})


@app.get("/v1/jobs/<job_id>", tags=[SENDING], security=KEY_REQUIRED, summary="Un envoi en lot / one bulk job")
def get_job(job_id: JobId) -> Job:
    caller = current_caller(app, Scope.NOTIFICATIONS_SEND)
    return bulk.read_job(context(), caller.org_id, job_id)


@app.post(
    "/v1/jobs/<job_id>/start",
    tags=[SENDING],
    security=KEY_REQUIRED,
    summary="Valider le CSV téléversé et lancer / validate the uploaded CSV and start",
)
def start_job(job_id: JobId) -> Job:
    caller = current_caller(app, Scope.NOTIFICATIONS_SEND)
    ctx = context()
    job = bulk.start_upload(ctx, registry(), caller, job_id, timing.now())
    ctx.flush()
    return job


# -- consent and citizens --------------------------------------------------------------------------


@app.post(
    "/v1/consents", tags=[CONSENT], security=KEY_REQUIRED, summary="Enregistrer / record", responses=CREATED
)
def record_consent(request: ConsentIn) -> Response[Consent]:
    caller = current_caller(app, Scope.NOTIFICATIONS_SEND)
    recorded = citizens.record_consent(context(), caller.org_id, request, timing.now())
    return json_response(recorded.model_dump(mode="json"), 201)


@app.post("/v1/consents/lookup", tags=[CONSENT], security=KEY_REQUIRED, summary="Consulter / look up")
def lookup_consent(request: ConsentLookup) -> Consent:
    caller = current_caller(app, Scope.NOTIFICATIONS_SEND)
    return citizens.lookup_consent(context(), caller.org_id, request)


@app.post("/v1/consents/withdraw", tags=[CONSENT], security=KEY_REQUIRED, summary="Retirer / withdraw")
def withdraw_consent(request: ConsentLookup) -> Consent:
    caller = current_caller(app, Scope.NOTIFICATIONS_SEND)
    return citizens.withdraw_consent(context(), caller.org_id, request, timing.now())


@app.post(
    "/v1/unsubscribe/<token>",
    tags=[CONSENT],
    summary="Désabonnement en un clic (RFC 8058) / one-click unsubscribe",
)
def one_click_unsubscribe(token: Annotated[str, Path(max_length=400)]) -> Response[Any]:
    # Public: mail clients POST `List-Unsubscribe=One-Click` here; the signed token is the authority.
    citizens.unsubscribe(context(), token, timing.now())
    return json_response({"unsubscribed": True}, 200)


@app.post(
    "/v1/citizens/erasure",
    tags=[CONSENT],
    security=KEY_REQUIRED,
    summary="Effacer ce que la plateforme détient sur un citoyen / erase a citizen's data",
)
def erase(request: ErasureIn) -> ErasureOut:
    caller = current_caller(app, Scope.NOTIFICATIONS_MANAGE)
    return citizens.erase(context(), caller.org_id, request)


@logger.inject_lambda_context(correlation_id_path=correlation_paths.API_GATEWAY_HTTP)
@tracer.capture_lambda_handler
@metrics.log_metrics
def handler(event: dict[str, Any], lambda_context: LambdaContext) -> dict[str, Any]:
    return app.resolve(event, lambda_context)
