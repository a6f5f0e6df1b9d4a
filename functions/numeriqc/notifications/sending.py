"""Accepting one-off sends and reminders, cancelling, and reading notifications back.

A one-off send is planned right here, synchronously (validate, render, count fragments, check
consent and the daily limit), so the caller gets a problem naming the reason at once, and then goes
straight to its channel's priority queue: one-off sends never wait behind a bulk job.
"""

import base64
import json
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from numeriqc.core.auth import Caller
from numeriqc.core.ids import is_ulid, new_ulid
from numeriqc.core.problems import FieldError, NotFound, ValidationFailed
from numeriqc.notifications import addresses, consent, limits, problems, scheduling, templates
from numeriqc.notifications.adapters import dumps
from numeriqc.notifications.context import Context
from numeriqc.notifications.models import (
    Channel,
    Content,
    Notification,
    NotificationList,
    ReminderIn,
    ReminderSeries,
    SendCommon,
    Status,
    Template,
)
from numeriqc.notifications.records import ChannelMessage, Entry, content_item, notification_of, status_item
from numeriqc.notifications.store import Conflict, org_pk
from numeriqc.notifications.template_registry import TemplateRegistry, length_errors, sms_facts, usable

# Due within this long: queue now rather than through the scheduler (its rule runs every minute).
IMMEDIATE = timedelta(seconds=60)


DUE_SHARDS = 8


def due_key(moment: datetime, org_id: str, name: str) -> tuple[str, str]:
    """Where a scheduled send waits: a shard chosen by its id, sorted by due time within it."""
    shard = int.from_bytes(name.encode()[-4:], "big") % DUE_SHARDS
    return f"DUE#{shard}", f"{moment.strftime('%Y-%m-%dT%H:%M:%S')}#{org_id}#{name}"


@dataclass(frozen=True)
class Planned:
    """One validated send, ready to store and queue."""

    template: Template
    recipient: str
    recipient_hash: str
    values: dict[str, str]
    personalisation: dict[str, Any]
    fragments: int | None
    simulated: Status | None


def plan_one(
    ctx: Context,
    caller: Caller,
    channel: Channel,
    template: Template,
    *,
    recipient_raw: str,
    recipient_field: str,
    request_personalisation: dict[str, Any],
    language: str,
) -> Planned:
    """Validate one send completely; raises a problem naming every faulty field."""
    config = ctx.config
    usable(template, channel)
    errors: list[FieldError] = []
    recipient = addresses.normalise(channel, recipient_raw)
    if isinstance(recipient, addresses.Invalid):
        errors.append(
            FieldError(recipient_field, "invalid_recipient", recipient.message, reason=recipient.reason)
        )
    names = templates.placeholders(template.subject, template.body)
    errors += templates.personalisation_errors(names, request_personalisation)
    values = templates.values_of(request_personalisation)
    fragments = None
    if channel is Channel.SMS and not errors:
        _, facts = sms_facts(template, values, language, config.sms_max_length, config.sms_price_per_fragment)
        errors += length_errors(facts, "body.personalisation")
        fragments = facts.fragments
    if errors:
        raise ValidationFailed(errors=errors)
    assert isinstance(recipient, str)
    simulated = addresses.simulated_outcome(channel, recipient)
    rh = ctx.recipient_hash(addresses.hash_key(channel, recipient))
    if simulated is None:
        reason = consent.refusals(ctx.store, [(caller.org_id, channel, rh)])[
            (caller.org_id, channel.value, rh)
        ]
        if reason is not None:
            raise problems.ConsentRequired(
                problems.REASONS[reason],
                errors=[FieldError(recipient_field, reason, problems.REASONS[reason])],
            )
    return Planned(template, recipient, rh, values, request_personalisation, fragments, simulated)


def send_at(ctx: Context, channel: Channel, scheduled_for: datetime | None, now: datetime) -> datetime:
    moment = max(scheduled_for or now, now)
    if channel is Channel.SMS:
        config = ctx.config
        moment = scheduling.outside_quiet_hours(
            moment, config.sms_quiet_start, config.sms_quiet_end, config.sms_quiet_zone
        )
    return moment


def accept(
    ctx: Context,
    caller: Caller,
    planned: Planned,
    *,
    channel: Channel,
    language: str,
    reference: str | None,
    when: datetime,
    now: datetime,
    series_id: str | None = None,
) -> Notification:
    """Store one planned send, then queue it (or leave it to the scheduler)."""
    counts = caller.kind.value == "live" and planned.simulated is None
    if counts:
        limit = ctx.config.daily_limit_email if channel is Channel.EMAIL else ctx.config.daily_limit_sms
        warning = limits.reserve(ctx.store, caller.org_id, channel, 1, limit=limit, now=now)
        if warning:
            ctx.emit(warning)
    notification_id = new_ulid(lambda: now)
    scheduled = when - now > IMMEDIATE
    status = Status.SCHEDULED if scheduled else Status.QUEUED
    kid, encrypted = ctx.cipher.current_key(now)
    keys = {kid: encrypted}
    entry = Entry(
        id=notification_id,
        org=caller.org_id,
        tpl=planned.template.template_id,
        ver=planned.template.version,
        lang=language,
        to=ctx.cipher.seal(planned.recipient, now),
        p=ctx.cipher.seal(dumps(planned.personalisation), now),
        kind=caller.kind.value,
        rh=planned.recipient_hash,
        ref=reference,
    )
    item = status_item(
        org_id=caller.org_id,
        notification_id=notification_id,
        channel=channel,
        status=status,
        template_id=planned.template.template_id,
        version=planned.template.version,
        language=language,
        key_kind=caller.kind.value,
        recipient_hash=planned.recipient_hash,
        now=now,
        reference=reference,
        scheduled_for=when if scheduled else None,
        series_id=series_id,
        fragments=planned.fragments,
    )
    items = [
        item,
        content_item(
            org_id=caller.org_id,
            notification_id=notification_id,
            entry=entry,
            keys=keys,
            now=max(when, now),  # retention counts from the send, not from the request
            retention_days=ctx.config.retention_days,
        ),
    ]
    if scheduled:
        due_pk, due_sk = due_key(when, caller.org_id, notification_id)
        items.append(
            {
                "pk": due_pk,
                "sk": due_sk,
                "org": caller.org_id,
                "id": notification_id,
                "channel": channel.value,
            }
        )
    ctx.store.put_many(items)
    if not scheduled:
        message = ChannelMessage(channel=channel, keys=keys, entries=[entry])
        try:
            ctx.queues.send(ctx.config.channel_queues[channel.value]["priority"], [message.model_dump_json()])
        except Exception:
            ctx.store.update(
                org_pk(caller.org_id),
                f"N#{notification_id}",
                set_values={"status": Status.TECHNICAL_FAILURE.value, "failure_reason": "not-queued"},
            )
            raise
    return notification_of(item)


def send_one(
    ctx: Context,
    registry: TemplateRegistry,
    caller: Caller,
    channel: Channel,
    request: SendCommon,
    *,
    recipient_raw: str,
    recipient_field: str,
    now: datetime,
) -> Notification:
    errors = scheduling.schedule_errors(request.scheduled_for, now, "body.scheduled_for")
    if errors:
        raise ValidationFailed(errors=errors)
    template = registry.current(caller.org_id, request.template_id)
    planned = plan_one(
        ctx,
        caller,
        channel,
        template,
        recipient_raw=recipient_raw,
        recipient_field=recipient_field,
        request_personalisation=request.personalisation,
        language=request.language,
    )
    when = send_at(ctx, channel, request.scheduled_for, now)
    return accept(
        ctx,
        caller,
        planned,
        channel=channel,
        language=request.language,
        reference=request.reference,
        when=when,
        now=now,
    )


def remind(
    ctx: Context, registry: TemplateRegistry, caller: Caller, request: ReminderIn, now: datetime
) -> ReminderSeries:
    """A series of scheduled sends relative to a due date; those already past are skipped."""
    errors = scheduling.zone_errors(request.timezone, "body.timezone")
    if errors:
        raise ValidationFailed(errors=errors)
    template = registry.current(caller.org_id, request.template_id)
    planned = plan_one(
        ctx,
        caller,
        request.channel,
        template,
        recipient_raw=request.recipient,
        recipient_field="body.recipient",
        request_personalisation=request.personalisation,
        language=request.language,
    )
    series_id = new_ulid(lambda: now)
    created: list[Notification] = []
    skipped: list[int] = []
    for days, moment in scheduling.reminder_times(
        request.due_date, request.days_before, request.at, request.timezone
    ):
        if moment < now:
            skipped.append(days)
            continue
        if moment > now + scheduling.MAX_AHEAD:
            raise ValidationFailed(
                errors=[
                    FieldError(
                        "body.days_before",
                        "too_far",
                        scheduling._TOO_FAR,
                    )
                ]
            )
        when = send_at(ctx, request.channel, moment, now)
        created.append(
            accept(
                ctx,
                caller,
                planned,
                channel=request.channel,
                language=request.language,
                reference=request.reference,
                when=when,
                now=now,
                series_id=series_id,
            )
        )
    ctx.store.put({"pk": org_pk(caller.org_id), "sk": f"SERIES#{series_id}", "ids": [n.id for n in created]})
    return ReminderSeries(series_id=series_id, notifications=created, skipped_in_past=skipped)


def cancel(ctx: Context, org_id: str, notification_id: str, now: datetime) -> Notification:
    item = _status(ctx, org_id, notification_id)
    moved = ctx.store.transition(
        [(org_pk(org_id), f"N#{notification_id}")],
        [Status.SCHEDULED.value],
        {"status": Status.CANCELLED.value, "updated_at": now.isoformat(), "completed_at": now.isoformat()},
    )
    if not moved:
        raise ValidationFailed(
            errors=[
                FieldError(
                    "path.notification_id", "not_cancellable", problems.NOT_CANCELLABLE, status=item["status"]
                )
            ]
        )
    updated = {**item, "status": Status.CANCELLED.value, "updated_at": now.isoformat(), "org": org_id}
    from numeriqc.notifications.records import status_event

    ctx.emit(status_event(updated, now))
    return notification_of(updated)


def cancel_series(ctx: Context, org_id: str, series_id: str, now: datetime) -> list[Notification]:
    series = ctx.store.get(org_pk(org_id), f"SERIES#{series_id}") if is_ulid(series_id) else None
    if series is None:
        raise NotFound(problems.NO_SERIES, series_id=series_id)
    keys = [(org_pk(org_id), f"N#{nid}") for nid in series.get("ids", [])]
    moved = ctx.store.transition(
        keys,
        [Status.SCHEDULED.value],
        {"status": Status.CANCELLED.value, "updated_at": now.isoformat(), "completed_at": now.isoformat()},
    )
    from numeriqc.notifications.records import status_event

    found = ctx.store.get_many(keys)
    for key in moved:
        ctx.emit(status_event({**found[key], "org": org_id}, now))
    return [notification_of(found[key]) for key in keys if key in found]


def _status(ctx: Context, org_id: str, notification_id: str) -> dict[str, Any]:
    item = ctx.store.get(org_pk(org_id), f"N#{notification_id}") if is_ulid(notification_id) else None
    if item is None:
        raise NotFound(problems.NO_NOTIFICATION, notification_id=notification_id)
    return item


def read(
    ctx: Context, registry: TemplateRegistry, org_id: str, notification_id: str, now: datetime
) -> Notification:
    """The notification, with its content while the retention period lasts."""
    item = _status(ctx, org_id, notification_id)
    stored = ctx.store.get(org_pk(org_id), f"C#{notification_id}")
    content = None
    # DynamoDB deletes expired items within days, not at once: expired content is never shown.
    if stored is not None and stored.get("expires_at", 0) > now.timestamp():
        entry = Entry.model_validate(stored["entry"])
        content = _content(ctx, registry, entry, stored["keys"], Channel(item["channel"]))
    return notification_of(item, content)


def _content(
    ctx: Context, registry: TemplateRegistry, entry: Entry, keys: dict[str, str], channel: Channel
) -> Content:
    recipient = ctx.cipher.open(entry.to, keys)
    values = templates.values_of(json.loads(ctx.cipher.open(entry.p, keys)))
    template = registry.version(entry.org, entry.tpl, entry.ver)
    if channel is Channel.EMAIL:
        email = templates.render_email(template.subject or "", template.body, values, entry.lang)
        return Content(recipient=recipient, subject=email.subject, body=email.text)
    return Content(
        recipient=recipient, body=templates.render_sms(template.body, values, entry.lang, template.gsm7_safe)
    )


def listing(
    ctx: Context,
    org_id: str,
    *,
    status: str | None,
    channel: str | None,
    reference: str | None,
    job_id: str | None,
    limit: int,
    page: str | None,
) -> NotificationList:
    filters = {
        name: value
        for name, value in (
            ("status", status),
            ("channel", channel),
            ("reference", reference),
            ("job_id", job_id),
        )
        if value
    }
    start = None
    if page:
        try:
            start = json.loads(base64.urlsafe_b64decode(page.encode()))
        except ValueError:
            raise ValidationFailed(
                errors=[FieldError("query.page", "invalid", problems.NO_NOTIFICATION, notification_id=page)]
            ) from None
    items, last = ctx.store.query(
        org_pk(org_id), "N#", limit=limit, start=start, newest_first=True, filters=filters
    )
    token = base64.urlsafe_b64encode(json.dumps(last).encode()).decode() if last else None
    return NotificationList(items=[notification_of(item) for item in items[:limit]], next=token)


__all__ = ["Conflict", "accept", "cancel", "listing", "read", "remind", "send_one"]
