"""The organization's inbox: list and search its feedback, triage it, delete it, read a contact.

Pure logic over the `FeedbackRecords` port. What a search may ask is decided here (its own
services only, a sound date range, a cursor from this very search); which index answers it is the
table's business (`adapters/table.py`).
"""

import json
from typing import Any

from numeriqc.core.i18n import Message
from numeriqc.core.ids import is_ulid
from numeriqc.core.problems import FieldError, NotFound, ValidationFailed
from numeriqc.feedback.catalogue import owns
from numeriqc.feedback.intake import contact_context
from numeriqc.feedback.models import Contact, Feedback, FeedbackPage, Status
from numeriqc.feedback.ports import BadCursor, ContactVault, FeedbackRecords, Search

_NO_FEEDBACK = Message("Aucune rétroaction {feedback_id}.", "No feedback {feedback_id}.")
_NO_SERVICE = Message("Aucun service {service_id}.", "No service {service_id}.")
_NO_CONTACT = Message(
    "Cette personne n'a pas consenti à être jointe.", "This person did not consent to be contacted."
)
_BAD_CURSOR = Message(
    "Ce curseur ne vient pas de cette recherche.", "This cursor does not come from this search."
)
_BAD_RANGE = Message("« since » doit précéder « until ».", "'since' must come before 'until'.")


def check_search(org_id: str, search: Search) -> None:
    """Refuse a search the organization may not run: a bad range, or another organization's service."""
    if search.since and search.until and search.since >= search.until:
        raise ValidationFailed(errors=[FieldError("query.since", "range", _BAD_RANGE)])
    if search.service_id is not None and not owns(org_id, search.service_id):
        raise NotFound(_NO_SERVICE, service_id=search.service_id)


def to_feedback(item: dict[str, Any]) -> Feedback:
    return Feedback.model_validate(item)


class Inbox:
    def __init__(self, store: FeedbackRecords, vault: ContactVault | None = None) -> None:
        self._store = store
        self._vault = vault

    def search(self, org_id: str, search: Search, limit: int, cursor: str | None) -> FeedbackPage:
        check_search(org_id, search)
        try:
            items, next_cursor = self._store.search(org_id, search, limit, cursor)
        except BadCursor as error:
            raise ValidationFailed(errors=[FieldError("query.cursor", "invalid", _BAD_CURSOR)]) from error
        return FeedbackPage(items=[to_feedback(item) for item in items], next_cursor=next_cursor)

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
