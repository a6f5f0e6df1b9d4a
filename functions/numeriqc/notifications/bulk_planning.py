"""Planning (bulk lane): one slice of an accepted bulk job -> notifications and channel messages.

A slice is the SLICE_ROWS rows `bulk_jobs` queued one planning message for. Planning reads its rows
from S3 by byte range, checks consent for all of them at once, writes their status items
(BatchWriteItem) and queues channel messages of up to ENTRIES_PER_MESSAGE recipients each (one claim
transaction per message in the senders). A marker per slice makes planning it twice harmless: a
replay recreates the same ids (`derived_id`) and queues only what is still `queued`.
"""

import json
from datetime import datetime
from typing import Any

from numeriqc.notifications import addresses, consent
from numeriqc.notifications.bulk_jobs import rows_key
from numeriqc.notifications.models import Channel, Status
from numeriqc.notifications.ports import (
    Cipher,
    Conflict,
    ConsentRecords,
    EventSink,
    JobRecords,
    NotificationRecords,
    Queues,
    RecipientHasher,
    Uploads,
)
from numeriqc.notifications.records import ChannelMessage, Entry, derived_id, dumps, status_event, status_item
from numeriqc.notifications.settings import NotificationsSettings

ENTRIES_PER_MESSAGE = 100  # one claim transaction per message (TransactWriteItems takes 100)


class SlicePlanner:
    def __init__(  # noqa: PLR0917 - the ports this rule uses, each narrow
        self,
        jobs: JobRecords,
        records: NotificationRecords,
        consents: ConsentRecords,
        uploads: Uploads,
        cipher: Cipher,
        queues: Queues,
        hash_recipient: RecipientHasher,
        config: NotificationsSettings,
    ) -> None:
        self._jobs = jobs
        self._records = records
        self._consents = consents
        self._uploads = uploads
        self._cipher = cipher
        self._queues = queues
        self._hash_recipient = hash_recipient
        self._config = config

    def plan_slice(self, plan: dict[str, Any], now: datetime, events: EventSink) -> bool:
        """Turn one slice of a job into notifications and channel messages; safe to run twice.

        Answers False when there was nothing to plan (the job does not exist, or the slice is done)."""
        org_id, job_id, index = plan["org"], plan["job"], int(plan["slice"])
        jobs = self._jobs
        if jobs.job(org_id, job_id) is None:
            return False  # nothing to plan; retrying would not make the job appear
        replay = False
        try:
            jobs.start_slice(org_id, job_id, index)
        except Conflict:
            if jobs.slice_state(org_id, job_id, index) == "done":
                return False
            replay = True
        job = jobs.job(org_id, job_id, consistent=True) or {}
        channel = Channel(job["channel"])
        start, end = plan["range"]
        rows = [
            json.loads(line)
            for line in self._uploads.read(rows_key(org_id, job_id), (start, end)).splitlines()
        ]
        kind = job["key_kind"]
        rhs = {row["r"]: self._hash_recipient(addresses.hash_key(channel, row["to"])) for row in rows}
        real = [row for row in rows if consent.applies(channel, row["to"])]  # test keys too
        purpose = job.get("purpose")
        reasons = (
            consent.refusals(self._consents, [(org_id, channel, rhs[row["r"]], purpose) for row in real])
            if real
            else {}
        )
        existing: dict[tuple[str, str], dict[str, Any]] = {}
        if replay:
            existing = self._records.notifications([(org_id, derived_id(job_id, row["r"])) for row in rows])
        kid, encrypted = self._cipher.current_key(now)
        items, entries, refused = [], [], []
        for row in rows:
            notification_id = derived_id(job_id, row["r"])
            rh = rhs[row["r"]]
            reason = reasons.get((org_id, channel.value, rh, purpose))
            status = Status.OPTED_OUT if reason else Status.QUEUED
            item = status_item(
                notification_id=notification_id,
                channel=channel,
                status=status,
                template_id=job["template_id"],
                version=int(job["template_version"]),
                language=job["language"],
                key_kind=kind,
                recipient_hash=rh,
                now=now,
                reference=job.get("reference"),
                job_id=job_id,
                job_row=row["r"],  # how the organization finds a row's status (the rows hold no id)
                fragments=row.get("f"),
                failure_reason=reason,
            )
            previous = existing.get((org_id, notification_id))
            if previous is None:
                items.append(item)
            if reason:
                if previous is None:
                    refused.append(item)
                continue
            if previous is None or previous.get("status") == Status.QUEUED.value:
                entries.append(
                    Entry(
                        id=notification_id,
                        org=org_id,
                        tpl=job["template_id"],
                        ver=int(job["template_version"]),
                        lang=job["language"],
                        to=self._cipher.seal(row["to"], now),
                        p=self._cipher.seal(dumps(row["p"]), now),
                        kind=kind,
                        rh=rh,
                        job=job_id,
                        ref=job.get("reference"),
                        pu=purpose,
                    )
                )
        self._records.add_notifications(org_id, items)
        bodies = [
            ChannelMessage(
                channel=channel, keys={kid: encrypted}, entries=entries[i : i + ENTRIES_PER_MESSAGE]
            ).model_dump_json()
            for i in range(0, len(entries), ENTRIES_PER_MESSAGE)
        ]
        if bodies:
            self._queues.send(self._config.channel_queues[channel.value]["bulk"], bodies)
        if not replay:
            jobs.add_to_job(
                org_id, job_id, {"n_queued": len(entries), "n_opted-out": len(refused), "planned": len(rows)}
            )
        for item in refused:
            events.emit(status_event({**item, "org": org_id}, now))
        jobs.finish_slice(org_id, job_id, index)
        return True
