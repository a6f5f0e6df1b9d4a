"""GOV.UK Notify's API v2 on this service: the calls the official clients make (docs/notifications.md).

The same service as /v1, not a copy: a send goes through `Acceptance.send_one` (consent, limits,
lanes, quiet hours, test keys, templates, events), reads go through `Reading` and the template
registry, and `notify_shapes` translates ids, statuses and bodies. Every /v2 answer that is a
problem becomes Notify's error envelope in `as_notify`, in English unless the caller asks for
French (Notify's clients show `message`). Routes carry `NOTIFY_TOKEN_REQUIRED`: infra puts them
behind the uncached authorizer that verifies Notify's JWTs (organizations/notify_keys.py).
"""

import json
from typing import Annotated, Any

from aws_lambda_powertools.event_handler import Response
from aws_lambda_powertools.event_handler.openapi.params import Path, Query
from pydantic import BaseModel, ConfigDict, Field

from numeriqc.core import clock, events, guest_list
from numeriqc.core.auth import Caller, Scope, authorizer_context, caller_from_context, current_caller
from numeriqc.core.http import KEY_REQUIRED, NOTIFY_TOKEN_REQUIRED, IdempotencyKey, json_response
from numeriqc.core.i18n import Message, negotiate
from numeriqc.core.idempotency import idempotent_write
from numeriqc.core.problems import CONTENT_TYPE, Forbidden, MalformedRequest, NotFound, Unauthenticated
from numeriqc.notifications import deps, notify_shapes, reading, template_registry
from numeriqc.notifications import template_language as templates
from numeriqc.notifications.handlers.routes.resolver import app
from numeriqc.notifications.models import (
    Channel,
    Personalisation,
    PreviewIn,
    Recipient,
    Reference,
    SendEmailIn,
    SendLanguage,
    SendSmsIn,
)
from numeriqc.notifications.records import notification_of
from numeriqc.notifications.status_callbacks import CallbackIn, CallbackOut

NOTIFY = "Notify v2 (GOV.UK / GC Notify)"
PAGE_SIZE = 250  # Notify's page of notifications
UuidPath = Annotated[str, Path(max_length=64, description="UUID")]

REASONS = {
    "missing": Message(
        "Non autorisé : un jeton d'authentification est requis",
        "Unauthorized: authentication token must be provided",
    ),
    "signature": Message(
        "Jeton invalide : signature, jeton d'API introuvable", "Invalid token: signature, api token not found"
    ),
    "unknown-service": Message("Jeton invalide : clé d'API introuvable", "Invalid token: API key not found"),
    "clock": Message(
        "Erreur : l'horloge de votre système doit être exacte à 30 secondes près",
        "Error: Your system clock must be accurate to within 30 seconds",
    ),
    "revoked": Message("Jeton invalide : clé d'API révoquée", "Invalid token: API key revoked"),
    "expired": Message("Jeton invalide : clé d'API expirée", "Invalid token: API key expired"),
    "replayed": Message(
        "Jeton invalide : ce jeton a déjà servi", "Invalid token: this token has already been used"
    ),
}
REASONS["malformed"] = REASONS["signature"]
REASONS["invalid"] = REASONS["unknown-service"]
TEMPLATE_NOT_FOUND = Message("Gabarit introuvable", "Template not found")
NO_RESULT = Message("Aucun résultat", "No result found")
NO_LETTERS = Message(
    "Impossible d'envoyer des lettres : numériQc envoie des courriels et des textos seulement",
    "Cannot send letters: numeriQc sends emails and text messages only",
)
# Notify's words for a team key's send to someone off the guest list (400 BadRequestError).
TEAM_ONLY = Message(
    "Impossible d'envoyer à ce destinataire avec une clé d'API d'équipe",
    "Can’t send to this recipient using a team-only API key",
)
BAD_ID = Message("{field} n'est pas un UUID valide", "{field} is not a valid UUID")


class NotifySmsIn(BaseModel):
    """Notify's POST /v2/notifications/sms body; `language` is numériQc's ([[fr]]/[[en]] blocks)."""

    model_config = ConfigDict(extra="forbid")

    phone_number: Recipient
    template_id: Annotated[str, Field(max_length=64)]
    personalisation: Personalisation = Field(default_factory=dict)
    reference: Reference | None = None
    sms_sender_id: Annotated[str, Field(max_length=64)] | None = Field(
        default=None, description="Accepté, sans effet : un seul expéditeur / accepted, one sender today"
    )
    language: SendLanguage = "fr"


class NotifyEmailIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    email_address: Recipient
    template_id: Annotated[str, Field(max_length=64)]
    personalisation: Personalisation = Field(default_factory=dict)
    reference: Reference | None = None
    email_reply_to_id: Annotated[str, Field(max_length=64)] | None = Field(
        default=None, description="Accepté, sans effet : une seule adresse / accepted, one address today"
    )
    one_click_unsubscribe_url: Annotated[str, Field(max_length=2048)] | None = Field(
        default=None,
        description="Accepté; chaque courriel porte déjà le désabonnement en un clic de numériQc "
        "(RFC 8058) / accepted; every email already carries numeriQc's one-click unsubscribe",
    )
    language: SendLanguage = "fr"


class NotifyPreviewIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    personalisation: Personalisation = Field(default_factory=dict)
    language: SendLanguage = "fr"


# -- the envelope ------------------------------------------------------------------------------------


def is_v2(event: dict[str, Any]) -> bool:
    return str(event.get("rawPath") or "").startswith("/v2/")


def english_unless_french(event: dict[str, Any]) -> dict[str, Any]:
    """Notify answers in English: /v2 speaks French only to a caller whose Accept-Language asks."""
    headers = dict(event.get("headers") or {})
    asked = headers.get("accept-language")
    french = bool(asked) and "fr" in str(asked).lower() and negotiate(asked) == "fr"
    headers["accept-language"] = "fr" if french else "en"
    return {**event, "headers": headers}


def as_notify(response: dict[str, Any]) -> dict[str, Any]:
    """A problem+json answer as Notify's `{status_code, errors}` (same status family, never a 5xx
    that was not one already)."""
    headers = dict(response.get("headers") or {})
    if not str(headers.get("Content-Type", "")).startswith(CONTENT_TYPE):
        return response
    status, body = notify_shapes.envelope(
        int(response["statusCode"]), json.loads(response.get("body") or "{}")
    )
    headers["Content-Type"] = "application/json"
    return {
        **response,
        "statusCode": status,
        "headers": headers,
        "body": json.dumps(body, ensure_ascii=False),
    }


def notify_caller(scope: Scope) -> Caller:
    """The caller, refused in Notify's words: 401 without a token, 403 for a bad one."""
    context = authorizer_context(app)
    if str(context.get("authenticated")).lower() != "true":
        reason = str(context.get("reason") or "missing")
        if reason == "missing":
            raise Unauthenticated(REASONS["missing"])
        raise Forbidden(REASONS.get(reason, REASONS["invalid"]))
    return caller_from_context(context).require(scope)


def _ulid(value: str, field: str) -> str:
    ulid = notify_shapes.to_ulid(value)
    if ulid is None:
        raise MalformedRequest(BAD_ID, field=field)
    return ulid


def _base_url() -> str:
    return deps.config().public_base_url


# -- sending -----------------------------------------------------------------------------------------


@app.post(
    "/v2/notifications/sms",
    tags=[NOTIFY],
    security=NOTIFY_TOKEN_REQUIRED,
    summary="Notify : un texto / Notify: send an SMS",
    responses={201: {"description": "Créé / created"}},
)
def notify_send_sms(request: NotifySmsIn, idempotency_key: IdempotencyKey = None) -> Response[dict[str, Any]]:
    caller = notify_caller(Scope.NOTIFICATIONS_SEND)
    send = SendSmsIn(
        template_id=_ulid(request.template_id, "template_id"),
        phone_number=request.phone_number,
        personalisation=request.personalisation,
        reference=request.reference,
        language=request.language,
    )
    return _send(
        caller, Channel.SMS, send, request, idempotency_key, request.phone_number, "body.phone_number"
    )


@app.post(
    "/v2/notifications/email",
    tags=[NOTIFY],
    security=NOTIFY_TOKEN_REQUIRED,
    summary="Notify : un courriel / Notify: send an email",
    responses={201: {"description": "Créé / created"}},
)
def notify_send_email(
    request: NotifyEmailIn, idempotency_key: IdempotencyKey = None
) -> Response[dict[str, Any]]:
    caller = notify_caller(Scope.NOTIFICATIONS_SEND)
    send = SendEmailIn(
        template_id=_ulid(request.template_id, "template_id"),
        email_address=request.email_address,
        personalisation=request.personalisation,
        reference=request.reference,
        language=request.language,
    )
    return _send(
        caller, Channel.EMAIL, send, request, idempotency_key, request.email_address, "body.email_address"
    )


@app.post(
    "/v2/notifications/letter",
    tags=[NOTIFY],
    security=NOTIFY_TOKEN_REQUIRED,
    summary="Notify : lettres non offertes / Notify: letters are not offered",
    responses={400: {"description": "Toujours / always"}},
)
def notify_send_letter() -> Response[dict[str, Any]]:
    notify_caller(Scope.NOTIFICATIONS_SEND)
    raise MalformedRequest(NO_LETTERS)


def _send(  # noqa: PLR0917 - the two send routes differ by these only
    caller: Caller,
    channel: Channel,
    send: SendSmsIn | SendEmailIn,
    request: BaseModel,
    idempotency_key: str | None,
    recipient: str,
    field: str,
) -> Response[dict[str, Any]]:
    _team_key_may_send_to(recipient)

    def work() -> dict[str, Any]:
        try:
            notification = deps.acceptance().send_one(
                caller,
                channel,
                send,
                recipient_raw=recipient,
                recipient_field=field,
                now=clock.now(),
                events=events.current(),
            )
        except NotFound:
            raise MalformedRequest(TEMPLATE_NOT_FOUND) from None
        template = deps.registry().version(
            caller.org_id, notification.template_id, notification.template_version
        )
        values = templates.values_of(send.personalisation)
        config = deps.config()
        if channel is Channel.EMAIL:
            email = templates.render_email(template.subject or "", template.body, values, send.language)
            body, subject, sender = email.text, email.subject, config.email_sender
        else:
            body = templates.render_sms(template.body, values, send.language, template.gsm7_safe)
            subject, sender = None, "numeriQc"
        return notify_shapes.sent_out(notification, _base_url(), body=body, subject=subject, sender=sender)

    created = idempotent_write(
        app,
        org_id=caller.org_id,
        table_name=deps.config().idempotency_table,
        key=idempotency_key,
        request=request,
        work=work,
    )
    return json_response(created, 201)


def _team_key_may_send_to(recipient: str) -> None:
    """A team key sends only to the guest list its authorizer read with it (hashes, in the
    context); refused before anything is written, as Notify does, and fails closed."""
    context = authorizer_context(app)
    if context.get("notify_kind") != "team":
        return
    hashes = frozenset(str(context.get("guest_list") or "").split())
    if not guest_list.allowed(recipient, hashes, deps.pepper()):
        raise MalformedRequest(TEAM_ONLY)


# -- reading -----------------------------------------------------------------------------------------


@app.get(
    "/v2/notifications/<notification_id>",
    tags=[NOTIFY],
    security=NOTIFY_TOKEN_REQUIRED,
    summary="Notify : une notification / Notify: get a notification",
)
def notify_get_notification(notification_id: UuidPath) -> dict[str, Any]:
    caller = notify_caller(Scope.NOTIFICATIONS_SEND)
    ulid = _ulid(notification_id, "notification_id")
    try:
        notification = deps.reading().read(caller.org_id, ulid, clock.now(), caller.kind.value)
    except NotFound:
        raise NotFound(NO_RESULT) from None
    body = subject = None
    if notification.content is not None:
        body, subject = notification.content.body, notification.content.subject
    return notify_shapes.notification_out(notification, _base_url(), body=body, subject=subject)


@app.get(
    "/v2/notifications",
    tags=[NOTIFY],
    security=NOTIFY_TOKEN_REQUIRED,
    summary="Notify : lister / Notify: list notifications",
)
def notify_list_notifications(
    template_type: Annotated[Channel | None, Query()] = None,
    status: Annotated[str | None, Query(max_length=40)] = None,
    reference: Annotated[str | None, Query(max_length=200)] = None,
    older_than: Annotated[str | None, Query(max_length=64)] = None,
    include_jobs: Annotated[str | None, Query(max_length=10)] = None,
) -> dict[str, Any]:
    caller = notify_caller(Scope.NOTIFICATIONS_SEND)
    wanted = None
    if status is not None:
        wanted = notify_shapes.STATUS_FILTER.get(status)
        if wanted is None:
            raise MalformedRequest(
                Message(
                    "status {status} n'est pas un statut valide", "status {status} is not a valid status"
                ),
                status=status,
            )
    # Test and live are two worlds, as on /v1 (reading.py): a test key lists what test keys sent.
    filters = reading.world_filter(caller.kind.value)
    if template_type is not None:
        filters["channel"] = template_type.value
    if reference:
        filters["reference"] = reference
    records = deps.table()
    if older_than:
        items = records.notifications_older_than(
            caller.org_id, _ulid(older_than, "older_than"), limit=PAGE_SIZE, filters=filters
        )
    else:
        items, _ = records.notification_page(caller.org_id, limit=PAGE_SIZE, start=None, filters=filters)
    found = [notification_of(item) for item in items[:PAGE_SIZE]]
    if include_jobs is None or include_jobs.lower() not in {"true", "1"}:
        found = [item for item in found if item.job_id is None]
    if wanted is not None:
        found = [item for item in found if item.status in wanted]
    base = _base_url()
    links = {"current": f"{base}/v2/notifications"}
    if found and len(items) >= PAGE_SIZE:
        links["next"] = f"{base}/v2/notifications?older_than={notify_shapes.to_uuid(found[-1].id)}"
    return {
        "notifications": [
            notify_shapes.notification_out(item, base, body=None, subject=None) for item in found
        ],
        "links": links,
    }


@app.get(
    "/v2/received-text-messages",
    tags=[NOTIFY],
    security=NOTIFY_TOKEN_REQUIRED,
    summary="Notify : textos reçus / Notify: received text messages",
)
def notify_received_text_messages(
    older_than: Annotated[str | None, Query(max_length=64)] = None,
) -> dict[str, Any]:
    """Always empty: replies reach the platform (STOP, ARRÊT, AIDE…), never one organization, because
    a reply does not say which organization it answers (docs/notifications.md)."""
    notify_caller(Scope.NOTIFICATIONS_SEND)
    if older_than:
        _ulid(older_than, "older_than")
    return {"received_text_messages": [], "links": {"current": f"{_base_url()}/v2/received-text-messages"}}


# -- templates ---------------------------------------------------------------------------------------


def _template(caller: Caller, template_id: str, version: int | None = None) -> Any:
    ulid = _ulid(template_id, "template_id")
    try:
        if version is None:
            return deps.registry().current(caller.org_id, ulid)
        return deps.registry().existing_version(caller.org_id, ulid, version)
    except NotFound:
        raise NotFound(NO_RESULT) from None


@app.get(
    "/v2/template/<template_id>",
    tags=[NOTIFY],
    security=NOTIFY_TOKEN_REQUIRED,
    summary="Notify : un gabarit / Notify: get a template",
)
def notify_get_template(template_id: UuidPath) -> dict[str, Any]:
    caller = notify_caller(Scope.NOTIFICATIONS_SEND)
    return notify_shapes.template_out(_template(caller, template_id))


@app.get(
    "/v2/template/<template_id>/version/<version>",
    tags=[NOTIFY],
    security=NOTIFY_TOKEN_REQUIRED,
    summary="Notify : une version / Notify: get a template version",
)
def notify_get_template_version(template_id: UuidPath, version: Annotated[int, Path(ge=1)]) -> dict[str, Any]:
    caller = notify_caller(Scope.NOTIFICATIONS_SEND)
    return notify_shapes.template_out(_template(caller, template_id, version))


@app.get(
    "/v2/templates",
    tags=[NOTIFY],
    security=NOTIFY_TOKEN_REQUIRED,
    summary="Notify : tous les gabarits / Notify: all templates",
)
def notify_list_templates(type: Annotated[Channel | None, Query()] = None) -> dict[str, Any]:
    caller = notify_caller(Scope.NOTIFICATIONS_SEND)
    found = [
        template
        for template in deps.registry().list(caller.org_id)
        if not template.archived and (type is None or template.channel is type)
    ]
    return {"templates": [notify_shapes.template_out(template) for template in found]}


@app.post(
    "/v2/template/<template_id>/preview",
    tags=[NOTIFY],
    security=NOTIFY_TOKEN_REQUIRED,
    summary="Notify : aperçu / Notify: preview a template",
)
def notify_preview_template(template_id: UuidPath, request: NotifyPreviewIn) -> dict[str, Any]:
    caller = notify_caller(Scope.NOTIFICATIONS_SEND)
    template = _template(caller, template_id)
    config = deps.config()
    preview = template_registry.preview(
        template,
        PreviewIn(personalisation=request.personalisation, language=request.language),
        config.sms_max_length,
        config.sms_price_per_fragment,
    )
    return {
        "id": notify_shapes.to_uuid(template.template_id),
        "type": template.channel.value,
        "version": template.version,
        "body": preview.text,
        "subject": preview.subject,
        "html": preview.html,
    }


# -- delivery-status callbacks (registered through numériQc's own API: Notify does it in its admin) ---


@app.put(
    "/v1/notify/callback",
    tags=[NOTIFY],
    security=KEY_REQUIRED,
    summary="Rappel de statut à la Notify (HTTPS + jeton) / Notify-style status callback (HTTPS + token)",
)
def set_status_callback(request: CallbackIn) -> CallbackOut:
    caller = current_caller(app, Scope.NOTIFICATIONS_MANAGE)
    return deps.status_callbacks().register(caller.org_id, request, clock.now())
