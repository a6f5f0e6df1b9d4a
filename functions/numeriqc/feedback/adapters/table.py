"""The only module that knows the feedback table's layout (single-table design): every key and
index key is built here.

pk                              sk                  item
SVC#<service_id>                #PROFILE            the service (org, names)
ORG#<org_id>                    SVC#<service_id>    directory entry: an organization's services
SVC#<service_id>                FB#<ulid>           a submission (comment already redacted); TTL
SVC#<service_id>                CONTACT#<ulid>      its contact details, KMS-encrypted; TTL
SVC#<service_id>                AGG#D#2026-01-15    counters of a day / AGG#W#2026-W03 / AGG#M#2026-01
DUP#<keyed hash>                DUP                 duplicate marker: the receipt given, until when
RATE#<scope>#<hash>#<minute>    RATE                a rate-limit counter; TTL
ORG#<org_id>                    EXPORT#<ulid>       an export job; TTL

Index ByOrg (gsi1pk = ORG#<org_id>, gsi1sk = FB#<ulid>): an organization's inbox, newest first.
Index ByStatus (gsi2pk = ORG#<org_id>#<status>, gsi2sk = FB#<ulid>): the inbox narrowed to a status.

A submission is ONE TransactWriteItems: the service must exist, both rate counters must be under
their limit, the duplicate marker must be absent or stale; then the item, the contact and the
three aggregate counters are written, or nothing is.

Which index a search reads is decided here too: one service's feedback is its own partition; a
whole organization's is the ByOrg index; a status narrows to the ByStatus index. Date ranges are
key conditions (ULIDs sort by time), the other filters are filter expressions, and a page reads at
most a bounded number of times.
"""

import base64
import binascii
import json
from collections.abc import Iterator
from datetime import datetime
from typing import Any

from numeriqc.core.dynamo import SingleTable, from_item, to_attribute, to_item
from numeriqc.core.ids import new_ulid
from numeriqc.feedback import aggregates
from numeriqc.feedback.models import Period, Status
from numeriqc.feedback.ports import AlreadyExists, BadCursor, Outcome, Search, Submission

PROFILE = "#PROFILE"
BY_ORG = "ByOrg"
BY_STATUS = "ByStatus"
# A hot service's counters can see two transactions at once: DynamoDB cancels one, we retry it.
CONFLICT_RETRIES = 4
_PERIOD_PREFIX = {Period.DAY: "D", Period.WEEK: "W", Period.MONTH: "M"}


def service_pk(service_id: str) -> str:
    return f"SVC#{service_id}"


def org_pk(org_id: str) -> str:
    return f"ORG#{org_id}"


def status_pk(org_id: str, status: Status) -> str:
    return f"ORG#{org_id}#{status.value}"


def feedback_sk(feedback_id: str) -> str:
    return f"FB#{feedback_id}"


def contact_sk(feedback_id: str) -> str:
    return f"CONTACT#{feedback_id}"


def aggregate_sk(period: Period, label: str) -> str:
    """`AGG#W#2026-W03`: a period's counters sort together, so a range of periods is one Query."""
    return f"AGG#{_PERIOD_PREFIX[period]}#{label}"


def aggregate_label(sk: str) -> str:
    """The period label of a counter item's sort key (`AGG#D#2026-01-15` -> `2026-01-15`)."""
    return sk.split("#", 2)[2]


def inbox_keys(org_id: str, feedback_id: str, status: Status) -> dict[str, str]:
    """The index keys of a submission: the organization's inbox, and its inbox by status."""
    return {
        "gsi1pk": org_pk(org_id),
        "gsi1sk": feedback_sk(feedback_id),
        "gsi2pk": status_pk(org_id, status),
        "gsi2sk": feedback_sk(feedback_id),
    }


def _time_prefix(moment: datetime) -> str:
    return new_ulid(lambda: moment)[:10]


def sort_range(since: datetime | None, until: datetime | None) -> tuple[str, str]:
    """`FB#` sort keys bounding [since, until): ULIDs begin with their millisecond time."""
    low = "FB#" + (_time_prefix(since) if since else "")
    high = "FB#" + (_time_prefix(until) if until else "~")  # "~" sorts after every Crockford digit
    return low, high


def search_query(org_id: str, search: Search) -> tuple[dict[str, Any], tuple[str, str]]:
    """The Query (index, key condition, filters) for a search, and its partition (for cursors).

    The caller has already checked that the service is the organization's and the range is sound.
    """
    low, high = sort_range(search.since, search.until)
    filters: list[str] = []
    values: dict[str, Any] = {":low": low, ":high": high}
    names: dict[str, str] = {}
    query: dict[str, Any]
    if search.service_id is not None:
        partition = ("pk", service_pk(search.service_id))
        query = {"KeyConditionExpression": "pk = :pk AND sk BETWEEN :low AND :high"}
        if search.status is not None:
            filters.append("#status = :status")
            names["#status"] = "status"
            values[":status"] = search.status.value
    elif search.status is not None:
        partition = ("gsi2pk", status_pk(org_id, search.status))
        query = {
            "IndexName": BY_STATUS,
            "KeyConditionExpression": "gsi2pk = :pk AND gsi2sk BETWEEN :low AND :high",
        }
    else:
        partition = ("gsi1pk", org_pk(org_id))
        query = {
            "IndexName": BY_ORG,
            "KeyConditionExpression": "gsi1pk = :pk AND gsi1sk BETWEEN :low AND :high",
        }
    values[":pk"] = partition[1]
    if search.rating is not None:
        filters.append("rating = :rating")
        values[":rating"] = search.rating
    if search.has_comment is not None:
        filters.append("has_comment = :has_comment")
        values[":has_comment"] = search.has_comment
    if filters:
        query["FilterExpression"] = " AND ".join(filters)
    if names:
        query["ExpressionAttributeNames"] = names
    query["ExpressionAttributeValues"] = to_item(values)
    return query, partition


def encode_cursor(key: dict[str, Any]) -> str:
    return base64.urlsafe_b64encode(json.dumps(key, separators=(",", ":")).encode()).decode().rstrip("=")


def decode_cursor(cursor: str, partition: tuple[str, str]) -> dict[str, Any]:
    """A cursor we issued for this very partition, or BadCursor: another org's partition is refused."""
    try:
        key = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
    except (ValueError, binascii.Error) as error:
        raise BadCursor(cursor) from error
    allowed = {"pk", "sk", "gsi1pk", "gsi1sk", "gsi2pk", "gsi2sk"}
    if (
        not isinstance(key, dict)
        or not set(key) <= allowed
        or not all(isinstance(value, dict) and set(value) == {"S"} for value in key.values())
        or key.get(partition[0]) != {"S": partition[1]}
    ):
        raise BadCursor(cursor)
    return key


class FeedbackStore(SingleTable):
    # services ----------------------------------------------------------------------------------
    def add_service(self, values: dict[str, Any]) -> None:
        service_id, org_id = values["service_id"], values["org_id"]
        try:
            self._client.transact_write_items(
                TransactItems=[
                    self._put({"pk": service_pk(service_id), "sk": PROFILE, **values}, new=True),
                    self._put({"pk": org_pk(org_id), "sk": f"SVC#{service_id}", **values}, new=True),
                ]
            )
        except self._client.exceptions.TransactionCanceledException as error:
            raise AlreadyExists(service_id) from error

    def service(self, service_id: str) -> dict[str, Any] | None:
        return self._get(service_pk(service_id), PROFILE)

    def services(self, org_id: str) -> list[dict[str, Any]]:
        return list(self._query_all(org_pk(org_id), "SVC#"))

    # submissions -------------------------------------------------------------------------------
    def submit(self, submission: Submission) -> Outcome:
        items = self._submission_items(submission)
        for attempt in range(CONFLICT_RETRIES):
            try:
                self._client.transact_write_items(TransactItems=items)
                return Outcome("stored")
            except self._client.exceptions.TransactionCanceledException as error:
                reasons = error.response.get("CancellationReasons") or []
                codes = [reason.get("Code") for reason in reasons]
                if "ConditionalCheckFailed" in codes:
                    return self._refusal(reasons)
                if attempt == CONFLICT_RETRIES - 1 or "TransactionConflict" not in codes:
                    raise
        raise AssertionError("unreachable")

    def _refusal(self, reasons: list[dict[str, Any]]) -> Outcome:
        failed = {
            index for index, reason in enumerate(reasons) if reason.get("Code") == "ConditionalCheckFailed"
        }
        if 0 in failed:
            return Outcome("unknown-service")
        if 3 in failed:  # a duplicate is answered with its receipt, even when over the rate limit
            old = from_item(reasons[3].get("Item") or {})
            return Outcome("duplicate", old.get("receipt_id"), old.get("received_at"))
        return Outcome("client-rate" if 1 in failed else "service-rate")

    def _submission_items(self, s: Submission) -> list[dict[str, Any]]:
        pk = service_pk(s.service_id)
        expires = (s.minute + 1) * 60 + 120
        items: list[dict[str, Any]] = [
            {
                "ConditionCheck": {
                    "TableName": self._table,
                    "Key": to_item({"pk": pk, "sk": PROFILE}),
                    "ConditionExpression": "attribute_exists(pk)",
                }
            },
            self._rate_counter(f"RATE#C#{s.client_hash}#{s.minute}", s.client_limit, expires),
            self._rate_counter(f"RATE#S#{s.service_id}#{s.minute}", s.service_limit, expires),
            {
                "Put": {
                    "TableName": self._table,
                    "Item": to_item(
                        {
                            "pk": f"DUP#{s.fingerprint}",
                            "sk": "DUP",
                            "receipt_id": s.feedback_id,
                            "received_at": s.received_at.isoformat(),
                            "until": s.duplicate_until,
                            "expires_at": s.duplicate_until + 60,
                        }
                    ),
                    "ConditionExpression": "attribute_not_exists(pk) OR #until < :now",
                    "ExpressionAttributeNames": {"#until": "until"},
                    "ExpressionAttributeValues": {":now": to_attribute(s.now_epoch)},
                    "ReturnValuesOnConditionCheckFailure": "ALL_OLD",
                }
            },
            self._put(
                {
                    "pk": pk,
                    "sk": feedback_sk(s.feedback_id),
                    **s.item,
                    **inbox_keys(s.org_id, s.feedback_id, Status(s.item["status"])),
                },
                new=True,
            ),
        ]
        counters = aggregates.update_expression(s.rating, s.drivers, s.has_comment)
        for period, label in aggregates.counter_keys(s.received_at):
            items.append(
                {
                    "Update": {
                        "TableName": self._table,
                        "Key": to_item({"pk": pk, "sk": aggregate_sk(period, label)}),
                        "UpdateExpression": counters["UpdateExpression"],
                        "ExpressionAttributeNames": counters["ExpressionAttributeNames"],
                        "ExpressionAttributeValues": to_item(counters["values"]),
                    }
                }
            )
        if s.contact is not None:
            contact = {
                "pk": pk,
                "sk": contact_sk(s.feedback_id),
                "kind": "contact",
                "ciphertext": s.contact,
                "expires_at": s.contact_expires_at,
            }
            items.append(self._put(contact, new=True))
        return items

    def _rate_counter(self, pk: str, limit: int, expires: int) -> dict[str, Any]:
        return {
            "Update": {
                "TableName": self._table,
                "Key": to_item({"pk": pk, "sk": "RATE"}),
                "UpdateExpression": "ADD #n :one SET expires_at = :expires",
                "ConditionExpression": "attribute_not_exists(#n) OR #n < :limit",
                "ExpressionAttributeNames": {"#n": "n"},
                "ExpressionAttributeValues": to_item({":one": 1, ":limit": limit, ":expires": expires}),
            }
        }

    # reading and triage ------------------------------------------------------------------------
    def find(self, org_id: str, feedback_id: str) -> dict[str, Any] | None:
        """A submission by id, within this organization only (through its inbox index)."""
        answer = self._client.query(
            TableName=self._table,
            IndexName=BY_ORG,
            KeyConditionExpression="gsi1pk = :pk AND gsi1sk = :sk",
            ExpressionAttributeValues=to_item({":pk": org_pk(org_id), ":sk": feedback_sk(feedback_id)}),
        )
        items = answer.get("Items") or []
        return from_item(items[0]) if items else None

    def set_status(self, item: dict[str, Any], status: Status) -> None:
        self._client.update_item(
            TableName=self._table,
            Key=to_item({"pk": item["pk"], "sk": item["sk"]}),
            UpdateExpression="SET #status = :status, gsi2pk = :gsi2pk",
            ConditionExpression="attribute_exists(pk)",
            ExpressionAttributeNames={"#status": "status"},
            ExpressionAttributeValues=to_item(
                {":status": status.value, ":gsi2pk": status_pk(item["org_id"], status)}
            ),
        )

    def delete(self, item: dict[str, Any]) -> None:
        """The submission and its contact, together. Counters keep the rating: it was given."""
        feedback_id = item["feedback_id"]
        self._client.transact_write_items(
            TransactItems=[
                {"Delete": {"TableName": self._table, "Key": to_item({"pk": item["pk"], "sk": item["sk"]})}},
                {
                    "Delete": {
                        "TableName": self._table,
                        "Key": to_item({"pk": item["pk"], "sk": contact_sk(feedback_id)}),
                    }
                },
            ]
        )

    def contact(self, service_id: str, feedback_id: str) -> bytes | None:
        item = self._get(service_pk(service_id), contact_sk(feedback_id))
        return bytes(item["ciphertext"]) if item else None

    def search(
        self, org_id: str, search: Search, limit: int, cursor: str | None
    ) -> tuple[list[dict[str, Any]], str | None]:
        """One page of a search, newest first, and the cursor to the next (BadCursor: not this search's)."""
        query, partition = search_query(org_id, search)
        if cursor:
            query["ExclusiveStartKey"] = decode_cursor(cursor, partition)
        items, last_key = self.page(query, limit)
        return items, encode_cursor(last_key) if last_key else None

    def search_all(self, org_id: str, search: Search) -> Iterator[dict[str, Any]]:
        """Every submission a search finds, oldest first, page after page (for exports)."""
        query, _ = search_query(org_id, search)
        return self.iterate(query)

    def page(
        self, query: dict[str, Any], limit: int, max_reads: int = 10
    ) -> tuple[list[dict[str, Any]], Any]:
        """Up to `limit` items of a Query with filters, in at most `max_reads` reads; and the next key.

        A filtered page may hold fewer items than asked: the cursor says where to go on.
        """
        items: list[dict[str, Any]] = []
        request = {"TableName": self._table, "ScanIndexForward": False, **query}
        last_key = request.pop("ExclusiveStartKey", None)
        for _ in range(max_reads):
            if last_key:
                request["ExclusiveStartKey"] = last_key
            answer = self._client.query(**request, Limit=limit - len(items))
            items.extend(from_item(item) for item in answer.get("Items") or [])
            last_key = answer.get("LastEvaluatedKey")
            if not last_key or len(items) >= limit:
                break
        return items, last_key

    # aggregates --------------------------------------------------------------------------------
    def counters(
        self, service_id: str, period: Period, first: str, last: str
    ) -> list[tuple[str, dict[str, Any]]]:
        """One Query: the counter items of a range of periods (bounded, so always a single page),
        each with its period's label."""
        answer = self._client.query(
            TableName=self._table,
            KeyConditionExpression="pk = :pk AND sk BETWEEN :first AND :last",
            ExpressionAttributeValues=to_item(
                {
                    ":pk": service_pk(service_id),
                    ":first": aggregate_sk(period, first),
                    ":last": aggregate_sk(period, last),
                }
            ),
        )
        found = [from_item(item) for item in answer.get("Items") or []]
        return [(aggregate_label(item["sk"]), item) for item in found]

    # exports -----------------------------------------------------------------------------------
    def add_export(self, org_id: str, values: dict[str, Any]) -> None:
        self._client.put_item(
            **self._put({"pk": org_pk(org_id), "sk": f"EXPORT#{values['export_id']}", **values}, new=True)[
                "Put"
            ]
        )

    def export(self, org_id: str, export_id: str) -> dict[str, Any] | None:
        return self._get(org_pk(org_id), f"EXPORT#{export_id}")

    def update_export(self, org_id: str, export_id: str, values: dict[str, Any]) -> None:
        names = {f"#{key}": key for key in values}
        self._client.update_item(
            TableName=self._table,
            Key=to_item({"pk": org_pk(org_id), "sk": f"EXPORT#{export_id}"}),
            UpdateExpression="SET " + ", ".join(f"#{key} = :{key}" for key in values),
            ConditionExpression="attribute_exists(pk)",
            ExpressionAttributeNames=names,
            ExpressionAttributeValues=to_item({f":{key}": value for key, value in values.items()}),
        )
