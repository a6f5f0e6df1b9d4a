"""Sending routes: one email or SMS, reading and listing notifications, cancelling, reminders."""

from typing import Annotated

from aws_lambda_powertools.event_handler import Response
from aws_lambda_powertools.event_handler.openapi.params import Query

from numeriqc.core import clock, events
from numeriqc.core.auth import Scope, current_caller
from numeriqc.core.http import KEY_REQUIRED, IdempotencyKey, json_response
from numeriqc.notifications import deps
from numeriqc.notifications.handlers.routes.resolver import (
    CREATED,
    SENDING,
    NotificationId,
    SeriesId,
    app,
    once,
)
from numeriqc.notifications.models import (
    Channel,
    Notification,
    NotificationList,
    ReminderIn,
    ReminderSeries,
    SendEmailIn,
    SendSmsIn,
)


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
    created = once(
        caller,
        idempotency_key,
        request,
        lambda: deps.acceptance().send_one(
            caller,
            channel,
            request,
            recipient_raw=recipient,
            recipient_field=field,
            now=clock.now(),
            events=events.current(),
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
    return deps.reading().listing(
        caller.org_id,
        world=caller.kind.value,
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
    return deps.reading().read(caller.org_id, notification_id, clock.now(), caller.kind.value)


@app.post(
    "/v1/notifications/<notification_id>/cancel",
    tags=[SENDING],
    security=KEY_REQUIRED,
    summary="Annuler un envoi planifié / cancel a scheduled send",
)
def cancel_notification(notification_id: NotificationId) -> Notification:
    caller = current_caller(app, Scope.NOTIFICATIONS_SEND)
    return deps.cancellation().cancel(
        caller.org_id, notification_id, clock.now(), events.current(), caller.kind.value
    )


@app.post(
    "/v1/reminders",
    tags=[SENDING],
    security=KEY_REQUIRED,
    summary="Rappels avant une échéance / reminders before a due date",
    responses=CREATED,
)
def create_reminders(request: ReminderIn, idempotency_key: IdempotencyKey = None) -> Response[ReminderSeries]:
    caller = current_caller(app, Scope.NOTIFICATIONS_SEND)
    created = once(
        caller,
        idempotency_key,
        request,
        lambda: deps.acceptance().remind(caller, request, clock.now(), events.current()),
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
    items = deps.cancellation().cancel_series(
        caller.org_id, series_id, clock.now(), events.current(), caller.kind.value
    )
    return NotificationList(items=items)
