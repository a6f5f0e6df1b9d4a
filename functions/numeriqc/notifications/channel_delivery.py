"""Senders: one channel message (many recipients) -> the provider, at most once per recipient, and
every recipient accounted for whatever fails.

An attempt at a message has a token. It first decides what needs no provider (consent withdrawn
since acceptance: one BatchGetItem; test keys; the simulated recipients; a missing template) and
writes those outcomes, together with the claim of the first recipient to send. Then, one recipient
at a time: the provider call, then ONE transaction that writes its result and claims the next
(`queued -> sending`, conditional, marked with the token). So an attempt holds at most one claim,
and that claim is exactly the recipient whose call may be in flight:

* a recipient sent is recorded before the next call is made: it is never sent again;
* a recipient not yet attempted is still `queued` (never claimed), so the message's SQS retry (or
  a redrive of its dead-letter queue) sends it;
* the one claim held when the attempt stops is closed by the attempt when it can (an error it
  catches: `technical-failure` with the reason when the provider may have sent it, back to
  `queued` when it surely did not), and by the sweeper when it cannot (the Lambda died or timed
  out: `technical-failure`, `sender-interrupted`). Never re-sent: SES and SNS have no idempotency
  token, a second try could reach the citizen twice.

A claim refused (a duplicate of the message got there first) makes the sender read the rest of
its recipients once and skip those no longer `queued`. Throttling is retried with backoff; what is
still throttled goes back to `queued` and the message is retried. Every outcome the attempt wrote
is counted in its job once (`Claims.settle`) and announced (final statuses' events), also when the
attempt ends on an error.
Test keys and simulated recipients never reach a provider.
"""

import json
import random
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from numeriqc.core import clock
from numeriqc.core.clock import epoch_seconds
from numeriqc.core.ids import new_ulid, ulid_time
from numeriqc.core.observability import logger
from numeriqc.core.postponement import Postponed
from numeriqc.notifications import addresses, consent, send_times, unsubscribe
from numeriqc.notifications import template_language as templates
from numeriqc.notifications.models import Channel, Status
from numeriqc.notifications.ports import (
    Cipher,
    Claims,
    ClaimState,
    ConsentRecords,
    EmailProvider,
    EventSink,
    NotificationRef,
    ProviderRejected,
    ProviderThrottled,
    ProviderUnavailable,
    ProviderUncertain,
    RecipientHasher,
    SendResult,
    SmsProvider,
    Templates,
)
from numeriqc.notifications.records import ChannelMessage, Entry, status_event
from numeriqc.notifications.settings import NotificationsSettings

THROTTLE_RETRIES = 4
# The provider id of a send that never reached a provider (test keys, simulated recipients).
SIMULATED = "simulated"
# Why a recipient whose provider call failed is `technical-failure`: it may have been sent.
PROVIDER_ERROR = "provider-error"
# Stop before Lambda's timeout kills the invocation: one more call and its write must fit.
TIME_MARGIN_MS = 20_000
SETTLED_DAYS = 30  # how long an attempt's "settled" marker is kept (beyond any SQS retry or redrive)
# No invocation of a sender lives longer (its timeout is 2 minutes, infra's SENDER_TIMEOUT): an
# attempt older than this that left results unsettled died, and a later attempt settles them.
ATTEMPT_LIFETIME = timedelta(minutes=5)


class Interrupted(Exception):
    """The attempt stopped before the end of its message: the recipients it did not attempt are
    `queued` again and the message is retried (SQS), so nothing is lost."""


class StillThrottled(Interrupted):
    """The provider kept throttling after the backoff retries."""


class OutOfTime(Interrupted):
    """The invocation is about to time out."""


class QuietHours(Interrupted, Postponed):
    """The SMS quiet hours began while the message was being sent (a bulk started at 20:30): the
    rest waits, `queued`, for their end, when the message comes back (`core.batch`)."""


class ProviderDown(Interrupted):
    """The provider did not take the message (it was not sent)."""


class SendFailed(Interrupted):
    """The provider call failed and may have sent the message: that recipient is `technical-failure`."""


@dataclass
class Outcome:
    entry: Entry
    status: Status
    provider_id: str | None = None
    reason: str | None = None


def _simulation(entry: Entry, asked: Status | None) -> Outcome:
    """What a test key's send, or a simulated recipient, ends as: the status the recipient asks for
    (delivered for any other), and a failure says why, as every failure does: `simulated`."""
    status = asked or Status.DELIVERED
    reason = None if status is Status.DELIVERED else SIMULATED
    return Outcome(entry, status, provider_id=SIMULATED, reason=reason)


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


def ref(entry: Entry) -> NotificationRef:
    return entry.org, entry.id


@dataclass
class Attempt:
    """One attempt at one channel message: its token, what it wrote, where its events go."""

    message: ChannelMessage
    token: str
    now: datetime
    written: list[Outcome] = field(default_factory=list)
    # What earlier attempts that died wrote and never settled, by their token (settled with ours).
    dead: dict[str, dict[NotificationRef, Outcome]] = field(default_factory=dict)


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
        hash_recipient: RecipientHasher | None = None,
    ) -> None:
        self._claims = claims
        self._consents = consents
        self._templates = templates
        self._cipher = cipher
        self._email = email
        self._sms = sms
        self._pepper = pepper
        self._config = config
        self._hash_recipient = hash_recipient
        self._exempt_hashes: dict[Channel, set[str]] = {}

    def deliver(
        self, message: ChannelMessage, events: EventSink, time_left: Callable[[], int] | None = None
    ) -> None:
        """Send one channel message. What the attempt wrote is counted and announced in `events`
        even when it stops early (`Interrupted`, or any error it can catch); `time_left` answers
        the invocation's remaining milliseconds."""
        now = clock.now()
        attempt = Attempt(message, new_ulid(lambda: now), now)
        try:
            self._send_all(attempt, time_left)
        except Exception:
            try:
                self._settle_all(attempt, events)
            except Exception as error:  # the first error is the one to report; a retry settles
                logger.warning("outcomes not settled", extra={"error_type": type(error).__name__})
            raise
        self._settle_all(attempt, events)

    # -- the attempt ------------------------------------------------------------------------------
    def _send_all(self, attempt: Attempt, time_left: Callable[[], int] | None) -> None:
        message = attempt.message
        decided, sendable = self._decide(message)
        waiting = deque(sendable)
        current = self._advance(attempt, [], decided, waiting)
        config = self._config
        rate = (
            config.email_rate_per_second if message.channel is Channel.EMAIL else config.sms_rate_per_second
        )
        pacer = Pacer(rate / max(1, config.sender_concurrency))
        while current is not None:
            if message.channel is Channel.SMS and not current.ah:
                self._wait_for_the_morning(attempt, current, len(waiting) + 1)
            if time_left is not None and time_left() < TIME_MARGIN_MS:
                self._release(attempt, current)
                raise OutOfTime(f"{len(waiting) + 1} recipient(s) left queued")
            outcome = self._attempt(attempt, current, pacer, len(waiting))
            current = self._advance(attempt, [outcome], [], waiting)

    def _wait_for_the_morning(self, attempt: Attempt, current: Entry, left: int) -> None:
        """Checked before each SMS (acceptance only checked the start): inside the quiet hours,
        the claimed recipient goes back to `queued` with the rest, until their end."""
        now = clock.now()
        config = self._config
        until = send_times.outside_quiet_hours(
            now, config.sms_quiet_start, config.sms_quiet_end, config.sms_quiet_zone
        )
        if until > now:
            self._release(attempt, current)
            raise QuietHours((until - now).total_seconds(), f"{left} recipient(s) left queued until {until}")

    def _decide(self, message: ChannelMessage) -> tuple[list[Outcome], list[Entry]]:
        """Outcomes that need no provider call, and the entries to send (in the message's order).
        Consent may have been withdrawn (STOP) since the send was accepted: checked again, in one read."""
        channel = message.channel
        real = [entry for entry in message.entries if entry.kind == "live"]
        once = list({ref(entry): entry for entry in message.entries}.values())  # a duplicate entry: once
        # The same consent rule as at acceptance, for both worlds (consent.applies)
        exempt = self._exempt(message, once)
        asked = [entry for entry in once if ref(entry) not in exempt]
        reasons = (
            consent.refusals(self._consents, [(entry.org, channel, entry.rh, entry.pu) for entry in asked])
            if asked
            else {}
        )
        sns_opted_out = self._sms.opted_out() if channel is Channel.SMS and real else set()
        self._templates.preload({(entry.org, entry.tpl, entry.ver) for entry in real})
        decided: list[Outcome] = []
        sendable: list[Entry] = []
        for entry in once:
            reason = reasons.get((entry.org, channel.value, entry.rh, entry.pu))
            if reason is not None:
                decided.append(Outcome(entry, Status.OPTED_OUT, reason=reason))
                continue
            recipient = self._cipher.open(entry.to, message.keys)
            if entry.kind != "live":
                decided.append(_simulation(entry, addresses.simulated_outcome(channel, recipient)))
                continue
            if sns_opted_out and recipient in sns_opted_out:
                decided.append(Outcome(entry, Status.OPTED_OUT, reason="sns-opt-out"))
                continue
            simulated = addresses.simulated_outcome(channel, recipient)
            if simulated is not None:
                decided.append(_simulation(entry, simulated))
                continue
            try:
                self._templates.version(entry.org, entry.tpl, entry.ver)
            except LookupError:
                decided.append(Outcome(entry, Status.TECHNICAL_FAILURE, reason="template-missing"))
                continue
            sendable.append(entry)
        return decided, sendable

    def _exempt(self, message: ChannelMessage, entries: list[Entry]) -> set[NotificationRef]:
        """The entries consent does not apply to (`consent.exempt`), known by their keyed hash, so
        no recipient is decrypted before its consent is read (a message already sent needs none)."""
        channel = message.channel
        if self._hash_recipient is None:  # no hasher given: decrypt each recipient instead
            keys = message.keys
            return {ref(e) for e in entries if not consent.applies(channel, self._cipher.open(e.to, keys))}
        if channel not in self._exempt_hashes:
            hashes = {self._hash_recipient(addresses.hash_key(channel, r)) for r in consent.exempt(channel)}
            self._exempt_hashes[channel] = hashes
        return {ref(entry) for entry in entries if entry.rh in self._exempt_hashes[channel]}

    def _advance(
        self, attempt: Attempt, results: list[Outcome], decided: list[Outcome], waiting: deque[Entry]
    ) -> Entry | None:
        """Write `results` (of the claim held) and `decided`, and claim the next of `waiting` still
        `queued`, in one transaction; answers the recipient claimed (None: nothing left to send)."""
        claims = self._claims
        claim = waiting.popleft() if waiting else None
        moved = claims.advance(
            attempt.token,
            attempt.now,
            results=[self._result(attempt, outcome) for outcome in results],
            decided=[self._result(attempt, outcome) for outcome in decided],
            claim=self._claim(attempt, claim) if claim else None,
        )
        taken = [outcome for outcome in decided if ref(outcome.entry) not in moved]
        attempt.written += results + [outcome for outcome in decided if ref(outcome.entry) in moved]
        if claim is not None and ref(claim) in moved and not taken:
            return claim
        if claim is not None and ref(claim) in moved:
            self._catch_up(attempt, waiting, holding=claim)
            return claim
        if claim is None and not taken:
            return None
        # Another attempt at this message got there first (a duplicate, or the retry of an attempt
        # that stopped): read the rest once, skip what is no longer `queued`.
        logger.info("already claimed", extra={"taken": len(taken) + (claim is not None)})
        self._catch_up(attempt, waiting, holding=None)
        while waiting:
            claim = waiting.popleft()
            if ref(claim) in claims.advance(attempt.token, attempt.now, claim=self._claim(attempt, claim)):
                return claim
        return None

    def _catch_up(self, attempt: Attempt, waiting: deque[Entry], holding: Entry | None) -> None:
        """One strongly consistent read of the message's recipients this attempt has not written:
        `waiting` keeps those still `queued`; what an attempt that died wrote is settled for it."""
        mine = {ref(outcome.entry) for outcome in attempt.written}
        if holding is not None:
            mine.add(ref(holding))
        states = self._claims.states([ref(e) for e in attempt.message.entries if ref(e) not in mine])
        still = [e for e in waiting if (state := states.get(ref(e))) and state.status == Status.QUEUED.value]
        waiting.clear()
        waiting.extend(still)
        self._settle_dead(attempt, states)

    def _settle_dead(self, attempt: Attempt, states: dict[NotificationRef, ClaimState]) -> None:
        """An earlier attempt that died (its token is older than any invocation can live) may have
        written results it never counted nor announced: they are settled with this attempt's own."""
        entries = {ref(entry): entry for entry in attempt.message.entries}
        for key, state in states.items():
            token = state.token
            if not token or token == attempt.token or state.in_flight:
                continue
            if ulid_time(token) + ATTEMPT_LIFETIME > attempt.now:
                continue  # maybe still running (a duplicate of this message): it settles its own
            item = state.item
            sent = item.get("provider_id") not in (None, SIMULATED)  # receipts may have moved it since
            status = Status.SENDING if sent else Status(item["status"])
            outcome = Outcome(entries[key], status, item.get("provider_id"), item.get("failure_reason"))
            attempt.dead.setdefault(token, {})[key] = outcome

    def _attempt(self, attempt: Attempt, entry: Entry, pacer: Pacer, left: int) -> Outcome:
        """Send the claimed `entry`. An error before the provider call gives the claim back; one
        during the call records the recipient as `technical-failure` (it may have been sent);
        either way the attempt stops (the rest of the message is still `queued`)."""
        message = attempt.message
        try:
            send = self._prepare(message, entry)
        except Exception:
            self._release(attempt, entry)
            raise
        try:
            return self._call(entry, send, pacer)
        except (StillThrottled, ProviderUnavailable) as error:
            self._release(attempt, entry)
            if isinstance(error, StillThrottled):
                raise StillThrottled(f"{left + 1} recipient(s) throttled, left queued") from None
            raise ProviderDown(f"{left + 1} recipient(s) left queued") from error
        except Exception as error:
            reason = error.reason if isinstance(error, ProviderUncertain) else PROVIDER_ERROR
            logger.warning(
                "provider call failed", extra={"notification": entry.id, "error_type": type(error).__name__}
            )
            uncertain = Outcome(entry, Status.TECHNICAL_FAILURE, reason=reason)
            self._advance(attempt, [uncertain], [], deque())
            raise SendFailed(f"{left} recipient(s) left queued") from error

    def _prepare(self, message: ChannelMessage, entry: Entry) -> Callable[[], str]:
        """Everything before the provider call (open, render): answers the call itself."""
        recipient = self._cipher.open(entry.to, message.keys)
        template = self._templates.version(entry.org, entry.tpl, entry.ver)
        values = templates.values_of(json.loads(self._cipher.open(entry.p, message.keys)))
        tags = {"notification": entry.id, "org": entry.org}
        if message.channel is Channel.EMAIL:
            email = templates.render_email(template.subject or "", template.body, values, entry.lang)
            token = unsubscribe.make_token(self._pepper(), entry.org, "email", entry.rh)
            unsubscribe_url = f"{self._config.public_base_url}/v1/unsubscribe/{token}"
            return lambda: self._email.send(
                to=recipient,
                subject=email.subject,
                text=email.text,
                html=email.html,
                unsubscribe_url=unsubscribe_url,
                tags=tags,
            )
        text = templates.render_sms(template.body, values, entry.lang, template.gsm7_safe)
        return lambda: self._sms.send(to=recipient, text=text, tags=tags)

    def _call(self, entry: Entry, send: Callable[[], str], pacer: Pacer) -> Outcome:
        for attempt in range(THROTTLE_RETRIES + 1):
            pacer.wait()
            try:
                return Outcome(entry, Status.SENDING, provider_id=send())
            except ProviderThrottled:
                if attempt == THROTTLE_RETRIES:
                    raise StillThrottled() from None
                # Full jitter (AWS Architecture Blog): concurrent senders do not retry in lockstep.
                clock.sleep(random.uniform(0, min(8.0, 0.25 * 2**attempt)))  # noqa: S311 - jitter
            except ProviderRejected as error:
                status = Status.OPTED_OUT if error.opted_out else Status.PERMANENT_FAILURE
                return Outcome(entry, status, reason=error.code)
        raise StillThrottled()  # pragma: no cover - the loop returns or raises

    def _release(self, attempt: Attempt, entry: Entry) -> None:
        values = {"status": Status.QUEUED.value, "updated_at": attempt.now.isoformat()}
        self._claims.release(attempt.token, ref(entry), values)

    # -- what is written ----------------------------------------------------------------------------
    def _claim(self, attempt: Attempt, entry: Entry) -> SendResult:
        values = {"status": Status.SENDING.value, "updated_at": attempt.now.isoformat()}
        return SendResult(entry.org, entry.id, values)

    def _result(self, attempt: Attempt, outcome: Outcome) -> SendResult:
        """A recipient's outcome as written. An SMS accepted by SNS also gets its lookup by SNS
        message id, in the same transaction: its delivery receipt names only that id."""
        now = clock.now().isoformat()
        values: dict[str, Any] = {"status": outcome.status.value, "updated_at": now}
        if outcome.provider_id:
            values["provider_id"] = outcome.provider_id
            values["sent_at"] = now
        if outcome.reason:
            values["failure_reason"] = outcome.reason
        if outcome.status is not Status.SENDING:
            values["completed_at"] = now
        entry = outcome.entry
        sms = attempt.message.channel is Channel.SMS
        if sms and outcome.status is Status.SENDING and outcome.provider_id:
            expires_at = epoch_seconds(attempt.now + timedelta(days=self._config.retention_days))
            return SendResult(entry.org, entry.id, values, outcome.provider_id, expires_at)
        return SendResult(entry.org, entry.id, values)

    def _settle_all(self, attempt: Attempt, events: EventSink) -> None:
        self._settle(attempt, events)
        for token, outcomes in sorted(attempt.dead.items()):
            self._settle(Attempt(attempt.message, token, attempt.now, list(outcomes.values())), events)

    def _settle(self, attempt: Attempt, events: EventSink) -> None:
        """Count what the attempt wrote in its jobs and announce its final statuses, once per attempt
        (its marker: the attempt itself, or a later one if it died before)."""
        written = attempt.written
        final = [outcome for outcome in written if outcome.status is not Status.SENDING]
        counts: dict[tuple[str, str], dict[str, int]] = {}
        for outcome in written:
            if outcome.entry.job:
                job = counts.setdefault((outcome.entry.org, outcome.entry.job), {})
                job[outcome.status.value] = job.get(outcome.status.value, 0) + 1
                job["queued"] = job.get("queued", 0) - 1
        if not counts and not final:
            return
        expires_at = epoch_seconds(attempt.now + timedelta(days=SETTLED_DAYS))
        if not self._claims.settle(attempt.token, counts, expires_at):
            return
        channel = attempt.message.channel
        now = clock.now()
        for outcome in final:
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
