"""Accepting one-off sends and reminder series: validated whole, counted, stored, then queued.

A one-off send is planned right here, synchronously (validate, render, count fragments, check
consent and the daily limit), so the caller gets a problem naming the reason at once, and then goes
straight to its channel's priority queue: one-off sends never wait behind a bulk job.

A reminder series is validated whole before anything is written (every reminder's time, then the
daily limit for all of them at once), and its notifications, contents, due entries and series item
are written in one transaction: a refused series leaves nothing behind.
"""

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from numeriqc.core.auth import Caller, KeyKind
from numeriqc.core.ids import new_ulid
from numeriqc.core.problems import FieldError, ValidationFailed
from numeriqc.notifications import addresses, consent, daily_limits, platform_templates, problems, send_times
from numeriqc.notifications import template_language as templates
from numeriqc.notifications.models import (
    Channel,
    Notification,
    PlatformSmsIn,
    ReminderIn,
    ReminderSeries,
    SendCommon,
    Status,
    Template,
)
from numeriqc.notifications.ports import (
    Cipher,
    ConsentRecords,
    DailyCounters,
    EventSink,
    NewSend,
    Queues,
    RecipientHasher,
    SendWriter,
    Templates,
)
from numeriqc.notifications.records import (
    ChannelMessage,
    Entry,
    content_item,
    dumps,
    notification_of,
    status_item,
)
from numeriqc.notifications.settings import NotificationsSettings
from numeriqc.notifications.template_registry import length_errors, sms_facts, usable

# Due within this long: queue now rather than through the scheduler (its rule runs every minute).
IMMEDIATE = timedelta(seconds=60)


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
    purpose: str | None = None  # the consent purpose required (None: the default purpose)


@dataclass(frozen=True)
class Prepared:
    """One accepted send as it will be written (`send`) and, unless scheduled, queued (`message`)."""

    item: dict[str, Any]
    send: NewSend
    message: ChannelMessage | None


class Acceptance:
    """One-off sends and reminder series, from request to stored and queued notifications."""

    def __init__(  # noqa: PLR0917 - the ports this rule uses, each narrow
        self,
        sends: SendWriter,
        consents: ConsentRecords,
        counters: DailyCounters,
        templates: Templates,
        cipher: Cipher,
        queues: Queues,
        hash_recipient: RecipientHasher,
        config: NotificationsSettings,
    ) -> None:
        self._sends = sends
        self._consents = consents
        self._counters = counters
        self._templates = templates
        self._cipher = cipher
        self._queues = queues
        self._hash_recipient = hash_recipient
        self._config = config

    def send_one(
        self,
        caller: Caller,
        channel: Channel,
        request: SendCommon,
        *,
        recipient_raw: str,
        recipient_field: str,
        now: datetime,
        events: EventSink,
    ) -> Notification:
        errors = send_times.schedule_errors(request.scheduled_for, now, "body.scheduled_for")
        if errors:
            raise ValidationFailed(errors=errors)
        template = self._templates.current(caller.org_id, request.template_id)
        planned = self.plan_one(
            caller,
            channel,
            template,
            recipient_raw=recipient_raw,
            recipient_field=recipient_field,
            request_personalisation=request.personalisation,
            language=request.language,
            purpose=request.purpose,
        )
        when = self.send_at(channel, request.scheduled_for, now)
        with self._reserved(caller, planned, channel, 1, now=now, events=events):
            prepared = self._prepare(
                caller,
                planned,
                channel=channel,
                language=request.language,
                reference=request.reference,
                when=when,
                now=now,
            )
            self._sends.add_sends([prepared.send])
            self._queue(caller.org_id, channel, prepared)
        return notification_of(prepared.item)

    def send_platform(self, request: PlatformSmsIn, now: datetime) -> Notification:
        """A transactional SMS the platform sends for another of its services (platform_sms.py):
        the same plan, record and priority lane as `send_one`, under the platform's own template
        and organization, with no daily limit and no quiet hours (the citizen is waiting for it)."""
        caller = asker = platform_templates.CALLER
        when = now
        if request.org_id is not None:
            # Asked for an organization (an SMS poll, a rating request): the citizen did not ask for
            # this text, so the organization's consent record is required, the quiet hours apply and
            # its key kind decides (a test key's send is simulated by the senders). It is still
            # recorded under the platform, with the platform's template, as every platform SMS.
            asker = Caller(
                org_id=request.org_id, key_id="platform", kind=KeyKind(request.key_kind), scopes=frozenset()
            )
            caller = Caller(org_id=caller.org_id, key_id=caller.key_id, kind=asker.kind, scopes=frozenset())
            when = self.send_at(Channel.SMS, None, now)
        planned = self.plan_one(
            asker,
            Channel.SMS,
            platform_templates.template(request.template),
            recipient_raw=request.phone_number,
            recipient_field="phone_number",
            request_personalisation=request.personalisation,
            language=request.language,
        )
        prepared = self._prepare(
            caller,
            planned,
            channel=Channel.SMS,
            language=request.language,
            reference=None,
            when=when,
            now=now,
            any_hour=request.org_id is None,  # a code: the citizen is waiting for it, even at night
        )
        self._sends.add_sends([prepared.send])
        self._queue(caller.org_id, Channel.SMS, prepared)
        return notification_of(prepared.item)

    def remind(self, caller: Caller, request: ReminderIn, now: datetime, events: EventSink) -> ReminderSeries:
        """A series of scheduled sends relative to a due date; those already past are skipped.

        Every reminder is checked before anything is counted or written: one too far ahead refuses
        the series whole, never after its earlier reminders were stored, queued and counted."""
        errors = send_times.zone_errors(request.timezone, "body.timezone")
        if errors:
            raise ValidationFailed(errors=errors)
        template = self._templates.current(caller.org_id, request.template_id)
        planned = self.plan_one(
            caller,
            request.channel,
            template,
            recipient_raw=request.recipient,
            recipient_field="body.recipient",
            request_personalisation=request.personalisation,
            language=request.language,
            purpose=request.purpose,
        )
        series_id = new_ulid(lambda: now)
        moments: list[datetime] = []
        skipped: list[int] = []
        for days, moment in send_times.reminder_times(
            request.due_date, request.days_before, request.at, request.timezone
        ):
            if moment < now:
                skipped.append(days)
                continue
            if moment > now + send_times.MAX_AHEAD:
                raise ValidationFailed(errors=[FieldError("body.days_before", "too_far", send_times.TOO_FAR)])
            moments.append(self.send_at(request.channel, moment, now))
        with self._reserved(caller, planned, request.channel, len(moments), now=now, events=events):
            prepared = [
                self._prepare(
                    caller,
                    planned,
                    channel=request.channel,
                    language=request.language,
                    reference=request.reference,
                    when=when,
                    now=now,
                    series_id=series_id,
                )
                for when in moments
            ]
            # At most 10 reminders of 3 items each, and the series: one transaction, all or nothing.
            self._sends.add_series(caller.org_id, series_id, [one.send for one in prepared])
            for one in prepared:
                self._queue(caller.org_id, request.channel, one)
        return ReminderSeries(
            series_id=series_id,
            notifications=[notification_of(one.item) for one in prepared],
            skipped_in_past=skipped,
        )

    def plan_one(
        self,
        caller: Caller,
        channel: Channel,
        template: Template,
        *,
        recipient_raw: str,
        recipient_field: str,
        request_personalisation: dict[str, Any],
        language: str,
        purpose: str | None = None,
    ) -> Planned:
        """Validate one send completely; raises a problem naming every faulty field. The consent
        purpose is the send's, else its template's, else the default purpose (consent.py)."""
        purpose = purpose or template.purpose
        config = self._config
        usable(template, channel)
        errors: list[FieldError] = []
        recipient = addresses.normalise(channel, recipient_raw)
        if isinstance(recipient, addresses.Invalid):
            errors.append(FieldError(recipient_field, "invalid_recipient", recipient.message))
        names = templates.placeholders(template.subject, template.body)
        errors += templates.personalisation_errors(names, request_personalisation)
        values = templates.values_of(request_personalisation)
        fragments = None
        if channel is Channel.SMS and not errors:
            _, facts = sms_facts(
                template, values, language, config.sms_max_length, config.sms_price_per_fragment
            )
            errors += length_errors(facts, "body.personalisation")
            fragments = facts.fragments
        if errors:
            raise ValidationFailed(errors=errors)
        assert isinstance(recipient, str)
        simulated = addresses.simulated_outcome(channel, recipient)
        rh = self._hash_recipient(addresses.hash_key(channel, recipient))
        if consent.applies(channel, recipient):
            reason = consent.refusals(self._consents, [(caller.org_id, channel, rh, purpose)])[
                (caller.org_id, channel.value, rh, purpose)
            ]
            if reason is not None:
                raise problems.ConsentRequired(
                    problems.REASONS[reason],
                    errors=[FieldError(recipient_field, reason, problems.REASONS[reason], purpose=purpose)],
                    purpose=purpose,
                )
        return Planned(
            template, recipient, rh, values, request_personalisation, fragments, simulated, purpose
        )

    def send_at(self, channel: Channel, scheduled_for: datetime | None, now: datetime) -> datetime:
        """When a send goes out: asked for (or now), and never an SMS inside quiet hours."""
        return send_at(self._config, channel, scheduled_for, now)

    @contextmanager
    def _reserved(
        self,
        caller: Caller,
        planned: Planned,
        channel: Channel,
        count: int,
        *,
        now: datetime,
        events: EventSink,
    ) -> Iterator[None]:
        """Count live sends to real recipients against the daily limit (raises a 429 when full)
        while the block writes and queues them; a block that fails gives the count back."""
        if caller.kind.value != "live" or planned.simulated is not None:
            yield
            return
        limit = self._config.daily_limit_email if channel is Channel.EMAIL else self._config.daily_limit_sms
        with daily_limits.held(
            self._counters, caller.org_id, channel, count, limit=limit, now=now
        ) as warning:
            yield
        if warning:
            events.emit(warning)

    def _prepare(
        self,
        caller: Caller,
        planned: Planned,
        *,
        channel: Channel,
        language: str,
        reference: str | None,
        when: datetime,
        now: datetime,
        series_id: str | None = None,
        any_hour: bool = False,
    ) -> Prepared:
        """The items of one accepted send, and its channel message unless the scheduler queues it."""
        notification_id = new_ulid(lambda: now)
        scheduled = when - now > IMMEDIATE
        status = Status.SCHEDULED if scheduled else Status.QUEUED
        kid, encrypted = self._cipher.current_key(now)
        keys = {kid: encrypted}
        entry = Entry(
            id=notification_id,
            org=caller.org_id,
            tpl=planned.template.template_id,
            ver=planned.template.version,
            lang=language,
            to=self._cipher.seal(planned.recipient, now),
            p=self._cipher.seal(dumps(planned.personalisation), now),
            kind=caller.kind.value,
            rh=planned.recipient_hash,
            ref=reference,
            pu=planned.purpose,
            ah=any_hour,
        )
        item = status_item(
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
        content = content_item(
            entry=entry,
            keys=keys,
            now=max(when, now),  # retention counts from the send, not from the request
            retention_days=self._config.retention_days,
        )
        if scheduled:  # the scheduler queues it when it comes due (`coming_due`)
            due = {"org": caller.org_id, "id": notification_id, "channel": channel.value}
            send = NewSend(caller.org_id, notification_id, item, content, due_at=when, due=due)
            return Prepared(item, send, None)
        send = NewSend(caller.org_id, notification_id, item, content)
        return Prepared(item, send, ChannelMessage(channel=channel, keys=keys, entries=[entry]))

    def _queue(self, org_id: str, channel: Channel, prepared: Prepared) -> None:
        """Queue a send due now on its channel's priority lane; a send that cannot be queued is
        marked `technical-failure` rather than left `queued` forever."""
        if prepared.message is None:
            return
        try:
            self._queues.send(
                self._config.channel_queues[channel.value]["priority"], [prepared.message.model_dump_json()]
            )
        except Exception:
            self._sends.mark(
                org_id,
                prepared.item["id"],
                {"status": Status.TECHNICAL_FAILURE.value, "failure_reason": "not-queued"},
            )
            raise


def send_at(
    config: NotificationsSettings, channel: Channel, scheduled_for: datetime | None, now: datetime
) -> datetime:
    """When a send goes out: asked for (or now), and never an SMS inside the quiet hours."""
    moment = max(scheduled_for or now, now)
    if channel is Channel.SMS:
        moment = send_times.outside_quiet_hours(
            moment, config.sms_quiet_start, config.sms_quiet_end, config.sms_quiet_zone
        )
    return moment
