"""Senders: one channel message (many recipients) -> the provider, exactly once per recipient.

For each message: claim its notifications (`queued` -> `sending`, conditional, 100 per transaction;
a message delivered twice finds them claimed and sends nothing), re-check consent (BatchGetItem),
send, then record every outcome in one transaction per 100 and emit the final statuses' events
(published by the handler, in PutEvents batches). Throttling is retried with backoff; what is still
throttled goes back to `queued` and the message is retried by SQS, so nothing is lost and nothing
already sent is resent.
Test keys and simulated recipients never reach a provider.
"""

import json
import random
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from numeriqc.core import clock
from numeriqc.core.clock import epoch_seconds
from numeriqc.core.observability import logger
from numeriqc.notifications import addresses, consent, unsubscribe
from numeriqc.notifications import template_language as templates
from numeriqc.notifications.models import Channel, Status
from numeriqc.notifications.ports import (
    Cipher,
    Claims,
    ConsentRecords,
    EmailProvider,
    EventSink,
    ProviderRejected,
    ProviderThrottled,
    SendResult,
    SmsProvider,
    Templates,
)
from numeriqc.notifications.records import ChannelMessage, Entry, status_event
from numeriqc.notifications.settings import NotificationsSettings

THROTTLE_RETRIES = 4
# The provider id of a send that never reached a provider (test keys, simulated recipients).
SIMULATED = "simulated"


class StillThrottled(Exception):
    """Some recipients could not be sent yet; they are `queued` again and the message will come back."""


@dataclass
class Outcome:
    entry: Entry
    status: Status
    provider_id: str | None = None
    reason: str | None = None


@dataclass
class Pacer:
    """Keeps one invocation under its share of the account's sending rate."""

    per_second: float
    last: datetime | None = None
    waited: float = field(default=0.0)

    def wait(self) -> None:
        if self.per_second <= 0:
            return
        now = clock.now()
        if self.last is not None:
            gap = 1 / self.per_second - (now - self.last).total_seconds()
            if gap > 0:
                clock.sleep(gap)
                self.waited += gap
        self.last = clock.now()


class ChannelDelivery:
    """The sender of one channel (email or SMS functions share it)."""

    def __init__(  # noqa: PLR0917 - the ports this rule uses, each narrow
        self,
        claims: Claims,
        consents: ConsentRecords,
        templates: Templates,
        cipher: Cipher,
        email: EmailProvider,
        sms: SmsProvider,
        pepper: Callable[[], bytes],
        config: NotificationsSettings,
    ) -> None:
        self._claims = claims
        self._consents = consents
        self._templates = templates
        self._cipher = cipher
        self._email = email
        self._sms = sms
        self._pepper = pepper
        self._config = config

    def deliver(self, message: ChannelMessage, events: EventSink) -> None:
        """Send one channel message; outcomes are recorded (and announced in `events`) even when some
        recipients were throttled and the message is to be retried (StillThrottled)."""
        now = clock.now()
        claims = self._claims
        refs = {entry.id: (entry.org, entry.id) for entry in message.entries}
        # A claim stays in flight until its result is written: what a crashed sender leaves behind
        # is found and closed by the sweeper (sweeper.py).
        claimed = claims.claim(
            list(refs.values()),
            [Status.QUEUED.value],
            {"status": Status.SENDING.value, "updated_at": now.isoformat()},
            claimed_at=now,
        )
        entries = [entry for entry in message.entries if refs[entry.id] in claimed]
        if len(entries) < len(message.entries):
            logger.info("already claimed", extra={"skipped": len(message.entries) - len(entries)})
        if not entries:
            return
        outcomes: list[Outcome] = []
        pending = self._consent_filter(message, entries, outcomes)
        self._templates.preload({(entry.org, entry.tpl, entry.ver) for entry in pending})
        config = self._config
        rate = (
            config.email_rate_per_second if message.channel is Channel.EMAIL else config.sms_rate_per_second
        )
        pacer = Pacer(rate / max(1, config.sender_concurrency))
        unsent: list[Entry] = []
        for index, entry in enumerate(pending):
            try:
                outcomes.append(self._send(message, entry, pacer))
            except StillThrottled:
                unsent = pending[index:]
                break
        self._record(message.channel, outcomes, now, events)
        if unsent:
            claims.release(
                [refs[entry.id] for entry in unsent], [Status.SENDING.value], {"status": Status.QUEUED.value}
            )
            raise StillThrottled(f"{len(unsent)} recipient(s) throttled; the message will be retried")

    def _consent_filter(
        self, message: ChannelMessage, entries: list[Entry], outcomes: list[Outcome]
    ) -> list[Entry]:
        """Consent may have been withdrawn (STOP) since the send was accepted: check again, in one read."""
        channel = message.channel
        real = []
        for entry in entries:
            if entry.kind == "live":
                real.append(entry)
        reasons = (
            consent.refusals(self._consents, [(entry.org, channel, entry.rh) for entry in real])
            if real
            else {}
        )
        sns_opted_out = self._sms.opted_out() if channel is Channel.SMS and real else set()
        kept = []
        for entry in entries:
            reason = reasons.get((entry.org, channel.value, entry.rh))
            if reason is not None and entry.kind == "live":
                outcomes.append(Outcome(entry, Status.OPTED_OUT, reason=reason))
                continue
            if (
                sns_opted_out
                and entry.kind == "live"
                and self._cipher.open(entry.to, message.keys) in sns_opted_out
            ):
                outcomes.append(Outcome(entry, Status.OPTED_OUT, reason="sns-opt-out"))
                continue
            kept.append(entry)
        return kept

    def _send(self, message: ChannelMessage, entry: Entry, pacer: Pacer) -> Outcome:
        recipient = self._cipher.open(entry.to, message.keys)
        simulated = addresses.simulated_outcome(message.channel, recipient)
        if entry.kind != "live" or simulated is not None:
            return Outcome(entry, simulated or Status.DELIVERED, provider_id=SIMULATED)
        try:
            template = self._templates.version(entry.org, entry.tpl, entry.ver)
        except LookupError:
            return Outcome(entry, Status.TECHNICAL_FAILURE, reason="template-missing")
        values = templates.values_of(json.loads(self._cipher.open(entry.p, message.keys)))
        tags = {"notification": entry.id, "org": entry.org}
        for attempt in range(THROTTLE_RETRIES + 1):
            pacer.wait()
            try:
                if message.channel is Channel.EMAIL:
                    email = templates.render_email(template.subject or "", template.body, values, entry.lang)
                    token = unsubscribe.make_token(self._pepper(), entry.org, "email", entry.rh)
                    provider_id = self._email.send(
                        to=recipient,
                        subject=email.subject,
                        text=email.text,
                        html=email.html,
                        unsubscribe_url=f"{self._config.public_base_url}/v1/unsubscribe/{token}",
                        tags=tags,
                    )
                else:
                    text = templates.render_sms(template.body, values, entry.lang, template.gsm7_safe)
                    provider_id = self._sms.send(to=recipient, text=text, tags=tags)
                return Outcome(entry, Status.SENDING, provider_id=provider_id)
            except ProviderThrottled:
                if attempt == THROTTLE_RETRIES:
                    raise StillThrottled() from None
                # Full jitter (AWS Architecture Blog): concurrent senders do not retry in lockstep.
                clock.sleep(random.uniform(0, min(8.0, 0.25 * 2**attempt)))  # noqa: S311 - jitter
            except ProviderRejected as error:
                status = Status.OPTED_OUT if error.opted_out else Status.PERMANENT_FAILURE
                return Outcome(entry, status, reason=error.code)
        raise StillThrottled()  # pragma: no cover - the loop returns or raises

    def _record(self, channel: Channel, outcomes: list[Outcome], now: datetime, events: EventSink) -> None:
        """All outcomes in transactions of 100, job counters, and the final statuses' events.

        Each outcome ends its claim (its result is written). An SMS accepted by SNS also gets its
        lookup by SNS message id, in the same transaction calls: its delivery receipt names only
        that id."""
        if not outcomes:
            return
        results = []
        job_counts: dict[tuple[str, str], dict[str, int]] = {}
        for outcome in outcomes:
            values: dict[str, Any] = {"status": outcome.status.value, "updated_at": now.isoformat()}
            if outcome.provider_id:
                values["provider_id"] = outcome.provider_id
                values["sent_at"] = now.isoformat()
            if outcome.reason:
                values["failure_reason"] = outcome.reason
            if outcome.status is not Status.SENDING:
                values["completed_at"] = now.isoformat()
            entry = outcome.entry
            if channel is Channel.SMS and outcome.status is Status.SENDING and outcome.provider_id:
                expires_at = epoch_seconds(now + timedelta(days=self._config.retention_days))
                results.append(SendResult(entry.org, entry.id, values, outcome.provider_id, expires_at))
            else:
                results.append(SendResult(entry.org, entry.id, values))
            if outcome.entry.job:
                counts = job_counts.setdefault((outcome.entry.org, outcome.entry.job), {})
                counts[outcome.status.value] = counts.get(outcome.status.value, 0) + 1
                counts["queued"] = counts.get("queued", 0) - 1
        self._claims.record_results(results)
        for (org_id, job_id), counts in job_counts.items():
            self._claims.count_in_job(org_id, job_id, counts)
        for outcome in outcomes:
            if outcome.status is not Status.SENDING:
                entry = outcome.entry
                events.emit(
                    status_event(
                        {
                            "org": entry.org,
                            "id": entry.id,
                            "channel": channel.value,
                            "status": outcome.status.value,
                            "reference": entry.ref,
                            "template_id": entry.tpl,
                            "template_version": entry.ver,
                            "job_id": entry.job,
                            "failure_reason": outcome.reason,
                        },
                        now,
                    )
                )
