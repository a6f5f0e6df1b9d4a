"""The organization's inbox: list and search its feedback, triage it, delete it, read a contact.

Pure logic over the store. Which index a listing reads is decided here: one service's feedback is
its own partition; a whole organization's is the ByOrg index; a status narrows to the ByStatus
index. Date ranges are key conditions (ULIDs sort by time), the other filters are filter
expressions, and a page reads at most a bounded number of times.
"""

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from numeriqc.core.dynamo import to_item
from numeriqc.core.i18n import Message
from numeriqc.core.ids import is_ulid, new_ulid
from numeriqc.core.problems import FieldError, NotFound, ValidationFailed
from numeriqc.feedback.catalogue import owns
from numeriqc.feedback.intake import ContactVault, contact_context
from numeriqc.feedback.models import Contact, Feedback, FeedbackPage, Status
from numeriqc.feedback.store import BY_ORG, BY_STATUS, BadCursor, FeedbackStore, decode_cursor, encode_cursor

_NO_FEEDBACK = Message("Aucune rétroaction {feedback_id}.", "No feedback {feedback_id}.")
_NO_SERVICE = Message("Aucun service {service_id}.", "No service {service_id}.")
_NO_CONTACT = Message(
    "Cette personne n'a pas consenti à être jointe.", "This person did not consent to be contacted."
)
_BAD_CURSOR = Message(
    "Ce curseur ne vient pas de cette recherche.", "This cursor does not come from this search."
)
_BAD_RANGE = Message("« since » doit précéder « until ».", "'since' must come before 'until'.")


@dataclass(frozen=True)
class Search:
    service_id: str | None = None
    since: datetime | None = None
    until: datetime | None = None
    rating: int | None = None
    has_comment: bool | None = None
    status: Status | None = None


def _time_prefix(moment: datetime) -> str:
    return new_ulid(lambda: moment)[:10]


def sort_range(since: datetime | None, until: datetime | None) -> tuple[str, str]:
    """`FB#` sort keys bounding [since, until): ULIDs begin with their millisecond time."""
    low = "FB#" + (_time_prefix(since) if since else "")
    high = "FB#" + (_time_prefix(until) if until else "~")  # "~" sorts after every Crockford digit
    return low, high


def build_query(org_id: str, search: Search) -> tuple[dict[str, Any], tuple[str, str]]:
    """The Query (index, key condition, filters) for a search, and its partition (for cursors)."""
    if search.since and search.until and search.since >= search.until:
        raise ValidationFailed(errors=[FieldError("query.since", "range", _BAD_RANGE)])
    low, high = sort_range(search.since, search.until)
    filters: list[str] = []
    values: dict[str, Any] = {":low": low, ":high": high}
    names: dict[str, str] = {}
    query: dict[str, Any]
    if search.service_id is not None:
        if not owns(org_id, search.service_id):
            raise NotFound(_NO_SERVICE, service_id=search.service_id)
        partition = ("pk", f"SVC#{search.service_id}")
        query = {"KeyConditionExpression": "pk = :pk AND sk BETWEEN :low AND :high"}
        if search.status is not None:
            filters.append("#status = :status")
            names["#status"] = "status"
            values[":status"] = search.status.value
    elif search.status is not None:
        partition = ("gsi2pk", f"ORG#{org_id}#{search.status.value}")
        query = {
            "IndexName": BY_STATUS,
            "KeyConditionExpression": "gsi2pk = :pk AND gsi2sk BETWEEN :low AND :high",
        }
    else:
        partition = ("gsi1pk", f"ORG#{org_id}")
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


def to_feedback(item: dict[str, Any]) -> Feedback:
    return Feedback.model_validate(item)


class Inbox:
    def __init__(self, store: FeedbackStore, vault: ContactVault | None = None) -> None:
        self._store = store
        self._vault = vault

    def search(self, org_id: str, search: Search, limit: int, cursor: str | None) -> FeedbackPage:
        query, partition = build_query(org_id, search)
        if cursor:
            try:
                query["ExclusiveStartKey"] = decode_cursor(cursor, partition)
            except BadCursor as error:
                raise ValidationFailed(errors=[FieldError("query.cursor", "invalid", _BAD_CURSOR)]) from error
        items, last_key = self._store.page(query, limit)
        return FeedbackPage(
            items=[to_feedback(item) for item in items],
            next_cursor=encode_cursor(last_key) if last_key else None,
        )

    def get(self, org_id: str, feedback_id: str) -> dict[str, Any]:
        item = self._store.find(org_id, feedback_id) if is_ulid(feedback_id) else None
        if item is None:
            raise NotFound(_NO_FEEDBACK, feedback_id=feedback_id)
        return item

    def feedback(self, org_id: str, feedback_id: str) -> Feedback:
        """One submission as an organization sees it."""
        return to_feedback(self.get(org_id, feedback_id))

    def triage(self, org_id: str, feedback_id: str, status: Status) -> Feedback:
        item = self.get(org_id, feedback_id)
        if item["status"] != status.value:
            self._store.set_status(item, status)
        return to_feedback({**item, "status": status.value})

    def delete(self, org_id: str, feedback_id: str) -> None:
        self._store.delete(self.get(org_id, feedback_id))

    def contact(self, org_id: str, feedback_id: str) -> Contact:
        item = self.get(org_id, feedback_id)
        blob = self._store.contact(item["service_id"], feedback_id) if item.get("has_contact") else None
        if blob is None or self._vault is None:
            raise NotFound(_NO_CONTACT)
        plaintext = self._vault.open(blob, contact_context(item["service_id"], feedback_id))
        return Contact.model_validate(json.loads(plaintext))
