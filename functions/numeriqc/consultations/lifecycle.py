"""Where a consultation stands in its lifecycle, decided from what the organization did and the clock.

draft → scheduled → open → closed → results_published → archived. `open` and `closed` are not
acts: they follow the window (`opens_at` <= now < `closes_at`). The every-minute schedule records
them and announces them, but every write decides from the window itself (`status_at`), so no
answer is accepted outside it even when the schedule runs late. Pure logic.
"""

from datetime import datetime
from typing import Any

from numeriqc.consultations.models import Status
from numeriqc.core.i18n import Message
from numeriqc.core.problems import Conflict, FieldError, ValidationFailed

WINDOW_STATES = (Status.SCHEDULED, Status.OPEN, Status.CLOSED)

_NOT_OPEN = Message(
    "Cette consultation n'accepte pas de réponses : elle est à l'état « {status} ».",
    "This consultation does not accept answers: it is '{status}'.",
)
_TRANSITION = Message(
    "Impossible de passer de « {current} » à « {wanted} ».", "Cannot go from '{current}' to '{wanted}'."
)
_WINDOW = Message(
    "La fermeture doit suivre l'ouverture, et l'ouverture ne peut pas être passée de plus d'une minute.",
    "Closing must follow opening, and opening cannot be more than a minute in the past.",
)
_ZONE = Message("Une date avec fuseau horaire est attendue.", "A date-time with a time zone is expected.")


def status_at(item: dict[str, Any], now: datetime) -> Status:
    """The consultation's status at `now`: the window decides between scheduled, open and closed."""
    stored = Status(item["status"])
    if stored not in WINDOW_STATES:
        return stored
    if now < datetime.fromisoformat(item["opens_at"]):
        return Status.SCHEDULED
    if now < datetime.fromisoformat(item["closes_at"]):
        return Status.OPEN
    return Status.CLOSED


def require_open(item: dict[str, Any], now: datetime, field: str = "path.consultation_id") -> None:
    """A 422 naming the consultation unless it accepts writes from participants at `now`."""
    status = status_at(item, now)
    if status != Status.OPEN:
        raise ValidationFailed(errors=[FieldError(field, "not_open", _NOT_OPEN, status=status.value)])


def require(current: Status, wanted: Status, allowed_from: tuple[Status, ...]) -> None:
    if current not in allowed_from:
        raise Conflict(_TRANSITION, current=current.value, wanted=wanted.value)


def check_window(opens_at: datetime, closes_at: datetime, now: datetime) -> None:
    errors = []
    for name, moment in (("opens_at", opens_at), ("closes_at", closes_at)):
        if moment.tzinfo is None:
            errors.append(FieldError(f"body.{name}", "timezone", _ZONE))
    if errors:
        raise ValidationFailed(errors=errors)
    if closes_at <= opens_at or (now - opens_at).total_seconds() > 60:
        field = "body.closes_at" if closes_at <= opens_at else "body.opens_at"
        raise ValidationFailed(errors=[FieldError(field, "window", _WINDOW)])


def results_visible(item: dict[str, Any], now: datetime, *, organization: bool) -> bool:
    """Live results only when chosen; otherwise after closing (organization) or publication (public)."""
    status = status_at(item, now)
    if status == Status.OPEN:
        return bool(item.get("live_results"))
    if status in (Status.RESULTS_PUBLISHED, Status.ARCHIVED):
        return True
    return organization and status == Status.CLOSED
