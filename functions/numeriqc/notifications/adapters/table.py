"""The only module that knows the notifications table's layout (single-table design).

`NotificationsTable` implements every record port of `ports.py` on this layout: rules name a
notification by (organization, id) and hand over attributes; keys, index marks and item kinds are
built and read here, and nowhere else. The generic item operations it builds on are `items.py`'s.

pk                      sk                          item
ORG#<org>               TPL#<tid>                   a template's current version (and archived flag)
ORG#<org>               TPL#<tid>#V#<00001>         an immutable template version
ORG#<org>               N#<nid>                     a notification's status (anonymized: no content)
ORG#<org>               C#<nid>                     its content (sealed recipient, personalisation),
                                                    TTL = retention; bulk rows live in S3 instead
ORG#<org>               JOB#<jid>                   a bulk job and its counters
ORG#<org>               CONSENT#<channel>#<hash>    consent of one recipient (keyed hash)
OPTOUT#<channel>#<hash> OPTOUT                      platform-wide opt-out (STOP reply, SNS opt-out)
ORG#<org>               LIMIT#<channel>#<day>       sends counted against the daily limit
DUE#<shard>             <due time>#<org>#<nid>      a scheduled send (shard 0-7 by id: no hot key)
DUE#<shard>             <due time>#<org>#JOB#<jid>  a scheduled bulk job's planning messages
ORG#<org>               JOB#<jid>#S#<00001>         the planning marker of one slice of a job
ORG#<org>               SERIES#<sid>                a reminder series (the ids of its notifications)
ORG#<org>               CALLBACK                    the delivery-status callback (Notify's): URL,
                                                    sealed bearer token and its data key
INBOUND#<message id>    INBOUND                     an inbound SMS already handled (TTL 7 days)
ASK#<recipient hash>    <sender>                    the last question that service asked the number
                                                    by SMS (ref, range, language, asked, closes;
                                                    unreadable count, closed-told mark), TTL: closes
                                                    + 7 days; never an answer (sms_questions.py)
SMSID#<SNS message id>  SMSID                       which notification an SMS is (org, id), TTL:
                                                    how SMS delivery receipts find their notification

RUN#<token>             RUN                         an attempt at a channel message has counted its
                                                    outcomes in their jobs (TTL 30 days)

A notification claimed by a sender (`sending`) carries `cs` (CLAIM#<shard>) and `ca` (claim time)
until the sender writes its result: the sparse `by-claim` index (keys only) holds exactly the claims
in flight, so the sweeper finds those a crashed sender left behind with one Query per shard. `ct`
is the token of the sender's attempt that claimed it (or decided it without a provider), kept with
its result; `mv` is the token of the item's last conditional change (`items.py`).

Items carrying `rh` (recipient keyed hash) are in the `by-recipient` index (keys only), which is
how a citizen's erasure request finds everything about them without a Scan.
"""

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from numeriqc.core.dynamo import to_item
from numeriqc.notifications.adapters import chunks
from numeriqc.notifications.adapters.items import Change, ItemTable
from numeriqc.notifications.ports import (
    Asked,
    ClaimState,
    Conflict,
    ConsentRef,
    HeldRecords,
    NewSend,
    NotificationRef,
    SendResult,
)

RECIPIENT_INDEX = "by-recipient"
CLAIM_INDEX = "by-claim"
CLAIM_SHARDS = 4
CLAIM_MARKS = ("cs", "ca")  # the `by-claim` index's keys: present while the claim is in flight
CLAIM_TOKEN = "ct"  # noqa: S105 - an attribute name, not a secret
CLAIM_ATTRIBUTES = (*CLAIM_MARKS, CLAIM_TOKEN)
DUE_SHARDS = 8

Key = tuple[str, str]

# -- the layout: every key and index key of the table is built here, and only here ---------------


def org_pk(org_id: str) -> str:
    return f"ORG#{org_id}"


def org_of(pk: str) -> str:
    """The organization of an `ORG#` partition key."""
    return pk.removeprefix("ORG#")


def notification_key(org_id: str, notification_id: str) -> Key:
    return org_pk(org_id), f"N#{notification_id}"


def content_key(org_id: str, notification_id: str) -> Key:
    return org_pk(org_id), f"C#{notification_id}"


def job_key(org_id: str, job_id: str) -> Key:
    return org_pk(org_id), f"JOB#{job_id}"


def slice_key(org_id: str, job_id: str, index: int) -> Key:
    """The marker that a slice of a job is being (or was) planned: planning it twice changes nothing."""
    return org_pk(org_id), f"JOB#{job_id}#S#{index:05d}"


def series_key(org_id: str, series_id: str) -> Key:
    return org_pk(org_id), f"SERIES#{series_id}"


def template_key(org_id: str, template_id: str) -> Key:
    return org_pk(org_id), f"TPL#{template_id}"


def template_version_key(org_id: str, template_id: str, version: int) -> Key:
    return org_pk(org_id), f"TPL#{template_id}#V#{version:05d}"


def limit_key(org_id: str, channel: str, day: str) -> Key:
    return org_pk(org_id), f"LIMIT#{channel}#{day}"


def consent_import_key(org_id: str, import_id: str) -> Key:
    return org_pk(org_id), f"CONSENTIMPORT#{import_id}"


def consent_key(org_id: str, channel: str, recipient_hash: str) -> Key:
    return org_pk(org_id), f"CONSENT#{channel}#{recipient_hash}"


def optout_key(channel: str, recipient_hash: str) -> Key:
    return f"OPTOUT#{channel}#{recipient_hash}", "OPTOUT"


def ask_pk(recipient_hash: str) -> str:
    return f"ASK#{recipient_hash}"


def inbound_key(message_id: str) -> Key:
    return f"INBOUND#{message_id}", "INBOUND"


def sms_lookup_key(message_id: str) -> Key:
    """The `SMSID#` item by which an SNS delivery receipt (naming only its message id) finds its
    notification."""
    return f"SMSID#{message_id}", "SMSID"


def claim_partition(shard: int) -> str:
    return f"CLAIM#{shard}"


def claim_partition_of(notification_id: str) -> str:
    """The `by-claim` partition of a claim, by the notification's id (no hot key)."""
    return claim_partition(int.from_bytes(notification_id.encode()[-4:], "big") % CLAIM_SHARDS)


def run_key(token: str) -> Key:
    """The marker that a sender's attempt (its token) has counted its outcomes in their jobs."""
    return f"RUN#{token}", "RUN"


def due_partition(shard: int) -> str:
    return f"DUE#{shard}"


def job_due_name(job_id: str) -> str:
    """What a scheduled bulk job is called in the due entries (a notification goes by its id)."""
    return f"JOB#{job_id}"


def due_key(moment: datetime, org_id: str, name: str) -> Key:
    """Where a scheduled send waits: a shard chosen by its id, sorted by due time within it."""
    shard = int.from_bytes(name.encode()[-4:], "big") % DUE_SHARDS
    return due_partition(shard), f"{moment.strftime('%Y-%m-%dT%H:%M:%S')}#{org_id}#{name}"


def due_upper(now: datetime) -> str:
    """The greatest due sort key of `now`: every entry due at `now` or before sorts below it."""
    return now.strftime("%Y-%m-%dT%H:%M:%S") + "~"


def is_consent(key: Key) -> bool:
    return key[1].startswith("CONSENT#")


def is_content(key: Key) -> bool:
    return key[1].startswith("C#")


def is_notification(key: Key) -> bool:
    return key[1].startswith("N#")


def ref_of(key: Key) -> NotificationRef:
    """The (organization, notification id) of a notification's status or content key."""
    return org_of(key[0]), key[1].partition("#")[2]


def channel_of_consent(key: Key) -> str:
    """The channel of a consent key (`CONSENT#<channel>#<hash>`)."""
    return key[1].split("#")[1]


class NotificationsTable(ItemTable):
    """The notifications table: every port of the rules' records (`ports.py`), on the layout above."""

    # -- notifications (NotificationRecords, SendWriter) ------------------------------------------
    def notification(self, org_id: str, notification_id: str) -> dict[str, Any] | None:
        return self.get(*notification_key(org_id, notification_id))

    def notifications(self, refs: Sequence[NotificationRef]) -> dict[NotificationRef, dict[str, Any]]:
        found = self.get_many([notification_key(*ref) for ref in refs])
        return {ref_of(key): item for key, item in found.items()}

    def content(self, org_id: str, notification_id: str) -> dict[str, Any] | None:
        return self.get(*content_key(org_id, notification_id))

    def contents(self, refs: Sequence[NotificationRef]) -> dict[NotificationRef, dict[str, Any]]:
        found = self.get_many([content_key(*ref) for ref in refs])
        return {ref_of(key): item for key, item in found.items()}

    def series(self, org_id: str, series_id: str) -> dict[str, Any] | None:
        return self.get(*series_key(org_id, series_id))

    def notification_page(
        self, org_id: str, *, limit: int, start: dict[str, Any] | None, filters: dict[str, Any]
    ) -> tuple[list[dict[str, Any]], dict[str, Any] | None]:
        """One page of the organization's notifications, newest first."""
        return self.query(org_pk(org_id), "N#", limit=limit, start=start, newest_first=True, filters=filters)

    def callback(self, org_id: str) -> dict[str, Any] | None:
        return self.get(org_pk(org_id), "CALLBACK")

    def save_callback(self, org_id: str, values: dict[str, Any]) -> None:
        self.put({"pk": org_pk(org_id), "sk": "CALLBACK", **values})

    def remove_callback(self, org_id: str) -> None:
        self.delete_many([(org_pk(org_id), "CALLBACK")])

    def notifications_older_than(
        self, org_id: str, notification_id: str, *, limit: int, filters: dict[str, Any]
    ) -> list[dict[str, Any]]:
        """Notify's `older_than`: the page after a notification, newest first (ids are ULIDs)."""
        pk, sk = notification_key(org_id, notification_id)
        items, _ = self.notification_page(org_id, limit=limit, start={"pk": pk, "sk": sk}, filters=filters)
        return items

    def add_notifications(self, org_id: str, items: Sequence[dict[str, Any]]) -> None:
        """Status items of one organization (a bulk slice's), BatchWriteItem by 25."""
        self.put_many([_keyed(notification_key(org_id, item["id"]), item) for item in items])

    def add_sends(self, sends: Sequence[NewSend]) -> None:
        self.put_many([item for send in sends for item in _send_items(send)])

    def add_series(self, org_id: str, series_id: str, sends: Sequence[NewSend]) -> None:
        """The sends and the series item (their ids) in one transaction: all of them, or none."""
        series = _keyed(series_key(org_id, series_id), {"ids": [send.notification_id for send in sends]})
        self.write_all([item for send in sends for item in _send_items(send)] + [series])

    def mark(self, org_id: str, notification_id: str, values: dict[str, Any]) -> None:
        self.update(*notification_key(org_id, notification_id), set_values=values)

    def transition(
        self, refs: Sequence[NotificationRef], from_statuses: Sequence[str], values: dict[str, Any]
    ) -> set[NotificationRef]:
        moved = self.transition_items([notification_key(*ref) for ref in refs], from_statuses, values)
        return {ref_of(key) for key in moved}

    # -- claims (Claims) --------------------------------------------------------------------------
    def advance(
        self,
        token: str,
        claimed_at: datetime,
        *,
        results: Sequence[SendResult] = (),
        decided: Sequence[SendResult] = (),
        claim: SendResult | None = None,
        waiting: str = "queued",
    ) -> set[NotificationRef]:
        """One transaction: `results` (unconditional, idempotent: they drop the claim marks and keep
        the token; an SMS's lookup item rides along), `decided` and `claim` (conditional on
        `waiting`, marked with the token; the claim also gets the claim marks). When they do not fit
        in one transaction (100 actions), `decided` go first, by 100: they need no atomicity."""
        head: list[Change] = []
        for result in results:
            head.append(
                Change(notification_key(result.org_id, result.notification_id), result.values, CLAIM_MARKS)
            )
            if result.sms_message_id:
                lookup = {"org": result.org_id, "id": result.notification_id, "expires_at": result.expires_at}
                head.append(Change(sms_lookup_key(result.sms_message_id), lookup, put=True))
        if claim is not None:
            marks = {
                "cs": claim_partition_of(claim.notification_id),
                "ca": claimed_at.isoformat(),
                CLAIM_TOKEN: token,
            }
            key = notification_key(claim.org_id, claim.notification_id)
            head.append(Change(key, {**claim.values, **marks}, when_status=(waiting,)))
        moves = [
            Change(
                notification_key(one.org_id, one.notification_id),
                {**one.values, CLAIM_TOKEN: token},
                when_status=(waiting,),
            )
            for one in decided
        ]
        moved: set[Key] = set()
        if len(head) + len(moves) > 100:
            for batch in chunks(moves, 100):
                moved |= self.transact(batch)
            moves = []
        moved |= self.transact(moves + head)
        return {ref_of(key) for key in moved}

    def release(self, token: str, ref: NotificationRef, values: dict[str, Any]) -> bool:
        """`sending` -> `queued` (with `values`), conditional on the token holding the claim."""
        change = Change(
            notification_key(*ref),
            values,
            CLAIM_ATTRIBUTES,
            when_status=("sending",),
            holding=((CLAIM_TOKEN, token),),
            absent=("provider_id",),
        )
        return bool(self.transact([change]))

    def states(self, refs: Sequence[NotificationRef]) -> dict[NotificationRef, ClaimState]:
        found = self.get_many([notification_key(*ref) for ref in refs], consistent=True)
        return {
            ref_of(key): ClaimState(item, item.get(CLAIM_TOKEN), all(mark in item for mark in CLAIM_MARKS))
            for key, item in found.items()
        }

    def settle(self, token: str, counts: dict[tuple[str, str], dict[str, int]], expires_at: int) -> bool:
        """The attempt's marker (new) and its jobs' counters, in one transaction: counted once."""
        marker = Change(run_key(token), {"expires_at": expires_at}, put=True, new=True)
        adds = [
            Change(job_key(org_id, job_id), {}, add={f"n_{name}": value for name, value in amounts.items()})
            for (org_id, job_id), amounts in sorted(counts.items())
            if amounts
        ]
        return bool(self.transact([marker, *adds], all_or_nothing=True))

    def claim_shards(self) -> int:
        return CLAIM_SHARDS

    def claims_before(self, shard: int, upper: str, limit: int) -> list[NotificationRef]:
        """The claims of `shard` made at `upper` or before, oldest first (sparse index, one page)."""
        keys = self.query_index(
            CLAIM_INDEX, "cs = :cs AND ca <= :upper", {":cs": claim_partition(shard), ":upper": upper}, limit
        )
        return [ref_of(key) for key in keys]

    def close(
        self,
        refs: Sequence[NotificationRef],
        from_statuses: Sequence[str],
        values: dict[str, Any],
        absent: Sequence[str],
    ) -> dict[NotificationRef, dict[str, Any]]:
        keys = [notification_key(*ref) for ref in refs]
        moved = self.transition_items(keys, from_statuses, values, remove=CLAIM_ATTRIBUTES, absent=absent)
        return self.notifications(sorted(ref_of(key) for key in moved)) if moved else {}

    # -- jobs (JobRecords, JobCounters) -----------------------------------------------------------
    def job(self, org_id: str, job_id: str, consistent: bool = False) -> dict[str, Any] | None:
        return self.get(*job_key(org_id, job_id), consistent=consistent)

    def save_job(self, org_id: str, values: dict[str, Any], *, new: bool = False) -> None:
        self.put(_keyed(job_key(org_id, values["job_id"]), values), new=new)

    def update_job(self, org_id: str, job_id: str, values: dict[str, Any]) -> None:
        self.update(*job_key(org_id, job_id), set_values=values)

    def add_to_job(self, org_id: str, job_id: str, amounts: dict[str, int]) -> None:
        self.update(*job_key(org_id, job_id), add=amounts)

    def count_in_job(self, org_id: str, job_id: str, counts: dict[str, int]) -> None:
        """Add to a job's status counters (`n_<status>`)."""
        self.add_to_job(org_id, job_id, {f"n_{name}": value for name, value in counts.items()})

    def start_slice(self, org_id: str, job_id: str, index: int) -> None:
        self.put(_keyed(slice_key(org_id, job_id, index), {"state": "planning"}), new=True)

    def slice_state(self, org_id: str, job_id: str, index: int) -> str | None:
        state = (self.get(*slice_key(org_id, job_id, index), consistent=True) or {}).get("state")
        return str(state) if state is not None else None

    def finish_slice(self, org_id: str, job_id: str, index: int) -> None:
        self.put(_keyed(slice_key(org_id, job_id, index), {"state": "done"}))

    # -- the schedule (Schedule) ------------------------------------------------------------------
    def due_shards(self) -> int:
        return DUE_SHARDS

    def due_entries(self, shard: int, now: datetime, limit: int) -> list[dict[str, Any]]:
        """Due entries of a shard whose time has come at `now`, oldest first."""
        return self.query_until(due_partition(shard), due_upper(now), limit)

    def schedule_job(self, moment: datetime, org_id: str, job_id: str, values: dict[str, Any]) -> None:
        self.put(_keyed(due_key(moment, org_id, job_due_name(job_id)), values))

    def remove_due(self, entries: Sequence[dict[str, Any]]) -> None:
        self.delete_many([(entry["pk"], entry["sk"]) for entry in entries])

    # -- consent (ConsentRecords, RecipientRecords) -----------------------------------------------
    def consent_states(
        self, wanted: Sequence[ConsentRef]
    ) -> dict[ConsentRef, tuple[dict[str, Any] | None, dict[str, Any] | None]]:
        keys: list[Key] = []
        for org_id, channel, rh in wanted:
            keys += [consent_key(org_id, channel, rh), optout_key(channel, rh)]
        found = self.get_many(keys)
        return {
            (org_id, channel, rh): (
                found.get(consent_key(org_id, channel, rh)),
                found.get(optout_key(channel, rh)),
            )
            for org_id, channel, rh in wanted
        }

    def consent_import(self, org_id: str, import_id: str) -> dict[str, Any] | None:
        return self.get(*consent_import_key(org_id, import_id), consistent=True)

    def save_consent_import(self, org_id: str, values: dict[str, Any], *, new: bool = False) -> None:
        self.put(_keyed(consent_import_key(org_id, values["import_id"]), values), new=new)

    def save_consent(
        self,
        org_id: str,
        channel: str,
        recipient_hash: str,
        values: dict[str, Any],
        *,
        withdrawn_at: str | None = None,
    ) -> None:
        request: dict[str, Any] = {
            "TableName": self._table,
            "Item": to_item(_keyed(consent_key(org_id, channel, recipient_hash), values)),
            "ConditionExpression": "attribute_not_exists(withdrawn_at)",
        }
        if withdrawn_at is not None:
            request["ConditionExpression"] = "withdrawn_at = :seen"
            request["ExpressionAttributeValues"] = {":seen": {"S": withdrawn_at}}
        try:
            self._client.put_item(**request)
        except self._client.exceptions.ConditionalCheckFailedException as error:
            raise Conflict(consent_key(org_id, channel, recipient_hash)[1]) from error

    def update_consent(self, org_id: str, channel: str, recipient_hash: str, values: dict[str, Any]) -> None:
        self.update(
            *consent_key(org_id, channel, recipient_hash),
            set_values=values,
            condition="attribute_exists(pk)",
        )

    def platform_opt_out(self, channel: str, recipient_hash: str) -> dict[str, Any] | None:
        return self.get(*optout_key(channel, recipient_hash))

    def save_opt_out(self, channel: str, recipient_hash: str, values: dict[str, Any]) -> None:
        self.put(_keyed(optout_key(channel, recipient_hash), values))

    def remove_opt_out(self, channel: str, recipient_hash: str) -> None:
        self.delete_many([optout_key(channel, recipient_hash)])

    def held_on(self, org_id: str, recipient_hash: str) -> HeldRecords:
        """What this organization holds on one recipient (the `by-recipient` index), by kind."""
        pk = org_pk(org_id)
        keys = [
            key
            for key in self.query_index(RECIPIENT_INDEX, "rh = :rh", {":rh": recipient_hash})
            if key[0] == pk
        ]
        return HeldRecords(
            consents=[channel_of_consent(key) for key in keys if is_consent(key)],
            contents=[ref_of(key)[1] for key in keys if is_content(key)],
            notifications=[ref_of(key)[1] for key in keys if is_notification(key)],
        )

    def delete_held(self, org_id: str, recipient_hash: str, held: HeldRecords) -> None:
        self.delete_many(
            [consent_key(org_id, channel, recipient_hash) for channel in held.consents]
            + [content_key(org_id, notification_id) for notification_id in held.contents]
        )

    def anonymize(self, org_id: str, notification_id: str, values: dict[str, Any]) -> None:
        self.update(*notification_key(org_id, notification_id), set_values=values, remove=["rh"])

    # -- daily limits (DailyCounters) -------------------------------------------------------------
    def reserve_daily(
        self, org_id: str, channel: str, day: str, count: int, *, limit: int, expires_at: int
    ) -> int:
        """Count `count` sends against the day's limit; answers the new total, Conflict when full."""
        counted = self.update(
            *limit_key(org_id, channel, day),
            add={"used": count},
            set_values={"expires_at": expires_at},
            condition="attribute_not_exists(used) OR used <= :room",
            condition_values={":room": limit - count},
            returns="UPDATED_NEW",
        )
        return int(counted["used"])

    def daily_used(self, org_id: str, channel: str, day: str) -> int:
        return int((self.get(*limit_key(org_id, channel, day)) or {}).get("used", 0))

    def release_daily(self, org_id: str, channel: str, day: str, count: int) -> None:
        self.update(*limit_key(org_id, channel, day), add={"used": -count})

    # -- templates (TemplateRecords) --------------------------------------------------------------
    def template(self, org_id: str, template_id: str) -> dict[str, Any] | None:
        return self.get(*template_key(org_id, template_id))

    def templates(self, org_id: str) -> list[dict[str, Any]]:
        """The current version item of each of the organization's templates (not the versions)."""
        pk, _ = template_key(org_id, "")
        return [item for item in self.query_all(pk, "TPL#") if "#V#" not in item["sk"]]

    def template_version(self, org_id: str, template_id: str, version: int) -> dict[str, Any] | None:
        return self.get(*template_version_key(org_id, template_id, version))

    def template_versions(
        self, wanted: Sequence[tuple[str, str, int]]
    ) -> dict[tuple[str, str, int], dict[str, Any]]:
        found = self.get_many([template_version_key(*one) for one in wanted])
        return {one: found[key] for one in wanted if (key := template_version_key(*one)) in found}

    def add_template(self, org_id: str, values: dict[str, Any]) -> None:
        self.put(_keyed(template_key(org_id, values["template_id"]), values), new=True)

    def replace_template(self, org_id: str, values: dict[str, Any], previous: int) -> None:
        """The version number is the optimistic lock: two concurrent edits cannot both win."""
        self.update(
            *template_key(org_id, values["template_id"]),
            set_values={k: v for k, v in values.items() if k not in ("pk", "sk")},
            condition="version = :previous",
            condition_values={":previous": previous},
        )

    def save_version(self, org_id: str, values: dict[str, Any]) -> None:
        self.put(_keyed(template_version_key(org_id, values["template_id"], values["version"]), values))

    def update_template(self, org_id: str, template_id: str, values: dict[str, Any]) -> None:
        self.update(*template_key(org_id, template_id), set_values=values)

    # -- SMS replies and receipts (InboundMarkers, SmsLookups) ------------------------------------
    def mark_inbound_handled(self, message_id: str, expires_at: int) -> None:
        self.put(_keyed(inbound_key(message_id), {"expires_at": expires_at}), new=True)

    # -- questions asked by SMS (AskedQuestions) ------------------------------------------------
    def ask(self, recipient_hash: str, asked: Asked, *, expires_epoch: int) -> None:
        """Replaces the sender's previous question for the number (and its counts) whole."""
        self.put(
            _keyed(
                (ask_pk(recipient_hash), asked.sender),
                {
                    "ref": asked.ref,
                    "low": asked.low,
                    "high": asked.high,
                    "lang": asked.language,
                    "asked": asked.asked_at.isoformat(),
                    "closes": asked.closes_at.isoformat(),
                    "expires_at": expires_epoch,
                },
            )
        )

    def asked(self, recipient_hash: str) -> list[Asked]:
        """One Query: every sender's last question to the number (a handful at most)."""
        return [
            Asked(
                sender=item["sk"],
                ref=item["ref"],
                low=int(item["low"]),
                high=int(item["high"]),
                language=item["lang"],
                asked_at=datetime.fromisoformat(item["asked"]),
                closes_at=datetime.fromisoformat(item["closes"]),
            )
            for item in self.query_all(ask_pk(recipient_hash), "")
        ]

    def count_unreadable(self, recipient_hash: str, sender: str, asked_at: datetime) -> int:
        """ADD on the question read (conditional on it being that question, not a newer one)."""
        try:
            before = self.update(
                ask_pk(recipient_hash),
                sender,
                add={"bad": 1},
                condition="asked = :asked",
                condition_values={":asked": asked_at.isoformat()},
                returns="UPDATED_OLD",
            )
        except Conflict:
            return 1  # replaced meanwhile: the new question's routing decides, no help from this one
        return int(before.get("bad", 0))

    def tell_closed(self, recipient_hash: str, sender: str, asked_at: datetime) -> None:
        self.update(
            ask_pk(recipient_hash),
            sender,
            set_values={"told": True},
            condition="asked = :asked AND attribute_not_exists(told)",
            condition_values={":asked": asked_at.isoformat()},
        )

    def sms_notifications(self, message_ids: Sequence[str]) -> dict[str, NotificationRef]:
        """One BatchGetItem per 100 ids of the `SMSID#` lookups the senders wrote."""
        found = self.get_many([sms_lookup_key(message_id) for message_id in message_ids])
        return {
            message_id: (item["org"], item["id"])
            for message_id in message_ids
            if (item := found.get(sms_lookup_key(message_id))) is not None
        }


def _keyed(key: Key, values: dict[str, Any]) -> dict[str, Any]:
    """An item: its key first, then its attributes."""
    return {"pk": key[0], "sk": key[1], **values}


def _send_items(send: NewSend) -> list[dict[str, Any]]:
    """A send's status item, its content and, when scheduled, its due entry."""
    items = [
        _keyed(notification_key(send.org_id, send.notification_id), send.status),
        _keyed(content_key(send.org_id, send.notification_id), send.content),
    ]
    if send.due_at is not None:
        items.append(_keyed(due_key(send.due_at, send.org_id, send.notification_id), send.due or {}))
    return items
