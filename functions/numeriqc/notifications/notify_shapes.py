"""GOV.UK Notify's v2 shapes over this service's records: ids, statuses, bodies, errors. Pure.

The /v2 routes (handlers/routes/notify_v2.py) are the same service as /v1: these functions only
translate. Ids: a ULID is 128 bits, so it is written as the UUID of the same bits (what Notify's
clients expect) and read back losslessly; a notification sent through /v1 is readable through /v2
and the other way round. Statuses: Notify has no `queued` or `scheduled` (both are its `created`),
and no `opted-out` (its nearest is `permanent-failure`).
"""

import uuid
from datetime import UTC, datetime
from typing import Any

from numeriqc.notifications.models import Notification, Status, Template

NOTIFY_STATUS = {
    Status.CREATED: "created",
    Status.SCHEDULED: "created",
    Status.QUEUED: "created",
    Status.SENDING: "sending",
    Status.DELIVERED: "delivered",
    Status.PERMANENT_FAILURE: "permanent-failure",
    Status.TEMPORARY_FAILURE: "temporary-failure",
    Status.TECHNICAL_FAILURE: "technical-failure",
    Status.CANCELLED: "cancelled",
    Status.OPTED_OUT: "permanent-failure",
}
# Notify's list filter values, as this service's statuses (`failed` is every failure).
STATUS_FILTER: dict[str, list[Status]] = {
    "created": [Status.CREATED, Status.SCHEDULED, Status.QUEUED],
    "sending": [Status.SENDING],
    "pending": [Status.SENDING],
    "delivered": [Status.DELIVERED],
    "sent": [Status.DELIVERED],
    "permanent-failure": [Status.PERMANENT_FAILURE, Status.OPTED_OUT],
    "temporary-failure": [Status.TEMPORARY_FAILURE],
    "technical-failure": [Status.TECHNICAL_FAILURE],
    "failed": [
        Status.PERMANENT_FAILURE,
        Status.TEMPORARY_FAILURE,
        Status.TECHNICAL_FAILURE,
        Status.OPTED_OUT,
    ],
    "cancelled": [Status.CANCELLED],
}
_CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"  # ULIDs' alphabet (core.ids)
LETTER_LINES = ("line_1", "line_2", "line_3", "line_4", "line_5", "line_6", "line_7", "postcode")


def to_uuid(ulid: str) -> str:
    value = 0
    for char in ulid.upper():
        value = value * 32 + _CROCKFORD.index(char)
    return str(uuid.UUID(int=value))


def to_ulid(text: str) -> str | None:
    """The ULID a UUID string writes, or None when it is not a UUID (nothing can have that id)."""
    try:
        value = uuid.UUID(text).int
    except (ValueError, AttributeError, TypeError):
        return None
    chars = []
    for _ in range(26):
        value, index = divmod(value, 32)
        chars.append(_CROCKFORD[index])
    return "".join(reversed(chars))


def timestamp(moment: datetime | None) -> str | None:
    """Notify's timestamps: UTC, microseconds, `Z`."""
    if moment is None:
        return None
    aware = moment if moment.tzinfo else moment.replace(tzinfo=UTC)
    return aware.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def template_link(base_url: str, template_id: str, version: int) -> dict[str, Any]:
    tid = to_uuid(template_id)
    return {"id": tid, "version": version, "uri": f"{base_url}/v2/template/{tid}/version/{version}"}


def notification_out(
    notification: Notification, base_url: str, *, body: str | None, subject: str | None
) -> dict[str, Any]:
    """GET /v2/notifications/{id}: Notify's fields; the content while it is retained (else null)."""
    content = notification.content
    email = content.recipient if content and notification.channel == "email" else None
    phone = content.recipient if content and notification.channel == "sms" else None
    return {
        "id": to_uuid(notification.id),
        "reference": notification.reference,
        "email_address": email,
        "phone_number": phone,
        **dict.fromkeys(LETTER_LINES),
        "postage": None,
        "type": notification.channel.value,
        "status": NOTIFY_STATUS[notification.status],
        "template": template_link(base_url, notification.template_id, notification.template_version),
        "body": body,
        "subject": subject,
        "created_at": timestamp(notification.created_at),
        "created_by_name": None,
        "sent_at": timestamp(notification.sent_at),
        "completed_at": timestamp(notification.completed_at),
        "scheduled_for": timestamp(notification.scheduled_for),
        "is_cost_data_ready": False,
        "cost_in_pounds": None,
        "cost_details": {},
    }


def sent_out(
    notification: Notification,
    base_url: str,
    *,
    body: str,
    subject: str | None,
    sender: str,
    unsubscribe_url: str | None = None,
) -> dict[str, Any]:
    """The 201 of POST /v2/notifications/{sms|email}."""
    content: dict[str, Any] = {"body": body}
    if notification.channel == "email":
        content |= {"subject": subject, "from_email": sender, "one_click_unsubscribe_url": unsubscribe_url}
    else:
        content["from_number"] = sender
    nid = to_uuid(notification.id)
    return {
        "id": nid,
        "reference": notification.reference,
        "content": content,
        "uri": f"{base_url}/v2/notifications/{nid}",
        "template": template_link(base_url, notification.template_id, notification.template_version),
        "scheduled_for": timestamp(notification.scheduled_for),
    }


def template_out(template: Template) -> dict[str, Any]:
    return {
        "id": to_uuid(template.template_id),
        "name": template.name,
        "type": template.channel.value,
        "created_at": timestamp(template.created_at),
        "updated_at": timestamp(template.updated_at) if template.version > 1 else None,
        "created_by": "numeriqc",
        "version": template.version,
        "body": template.body,
        "subject": template.subject,
        "letter_contact_block": None,
        "postage": None,
    }


# -- errors ------------------------------------------------------------------------------------------

_ERROR_NAMES = {401: "AuthError", 403: "AuthError", 404: "NoResultFound", 429: "TooManyRequestsError"}
# Notify answers 400 where the platform's problems say 409, 413, 415 or 422.
_STATUS = {409: 400, 413: 400, 415: 400, 422: 400}


def envelope(status: int, problem: dict[str, Any]) -> tuple[int, dict[str, Any]]:
    """A problem+json body as Notify's `{status_code, errors: [{error, message}]}`.

    One error per faulty field (`phone_number …`, Notify's ValidationError), else one error with the
    problem's detail (or title). The messages stay in the language the problem was rendered in.
    """
    notify_status = _STATUS.get(status, status)
    fields = problem.get("errors") or []
    if fields and notify_status == 400:
        errors = [
            {
                "error": "ValidationError",
                "message": f"{_field_name(item.get('field'))} {item.get('detail')}".strip(),
            }
            for item in fields
        ]
    else:
        name = _ERROR_NAMES.get(notify_status, "BadRequestError" if notify_status < 500 else "ServerError")
        errors = [{"error": name, "message": str(problem.get("detail") or problem.get("title") or "")}]
    return notify_status, {"status_code": notify_status, "errors": errors}


def _field_name(field: Any) -> str:
    """`body.phone_number` -> `phone_number`, `query.older_than` -> `older_than`."""
    text = str(field or "")
    return text.split(".", 1)[1] if "." in text else text
