"""When a notification goes out: scheduled sends, SMS quiet hours, reminders relative to a due date.

Pure logic with an injected `now`. Quiet hours are local time (America/Toronto by default, the
zone of Québec and Ontario): an SMS due inside them waits for the end of the quiet period, the next
morning, rather than waking someone at 23:00. Daylight saving is handled by zoneinfo.
"""

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from numeriqc.core.i18n import Message
from numeriqc.core.problems import FieldError

MAX_AHEAD = timedelta(days=30)
# A scheduled time up to this far in the past (clock skew, a slow client) means "now".
PAST_SLACK = timedelta(minutes=5)
DEFAULT_ZONE = "America/Toronto"

TOO_FAR = Message(
    "L'envoi peut être planifié au plus 30 jours à l'avance.",
    "A send can be scheduled at most 30 days ahead.",
)
_PAST = Message("Cette date est passée.", "This time is in the past.")
_NAIVE = Message(
    "Indiquez un fuseau horaire (ex. 2026-03-01T09:00:00-05:00).",
    "Give a time zone offset (e.g. 2026-03-01T09:00:00-05:00).",
)
_ZONE = Message("Fuseau horaire inconnu : {zone}.", "Unknown time zone: {zone}.")


def schedule_errors(scheduled_for: datetime | None, now: datetime, field: str) -> list[FieldError]:
    if scheduled_for is None:
        return []
    if scheduled_for.tzinfo is None:
        return [FieldError(field, "timezone_required", _NAIVE)]
    if scheduled_for < now - PAST_SLACK:
        return [FieldError(field, "in_the_past", _PAST)]
    if scheduled_for > now + MAX_AHEAD:
        return [FieldError(field, "too_far", TOO_FAR)]
    return []


def zone(name: str) -> ZoneInfo | None:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return None


def zone_errors(name: str, field: str) -> list[FieldError]:
    return [] if zone(name) else [FieldError(field, "unknown_timezone", _ZONE, zone=name)]


def outside_quiet_hours(
    moment: datetime, start: time = time(21, 0), end: time = time(8, 0), zone_name: str = DEFAULT_ZONE
) -> datetime:
    """`moment`, or the end of the quiet period it falls in (UTC)."""
    tz = zone(zone_name) or ZoneInfo(DEFAULT_ZONE)
    local = moment.astimezone(tz)
    clock = local.time()
    quiet = (start <= clock or clock < end) if start > end else (start <= clock < end)
    if not quiet:
        return moment.astimezone(UTC)
    day = local.date() if clock < end else local.date() + timedelta(days=1)
    return datetime.combine(day, end, tzinfo=tz).astimezone(UTC)


def reminder_times(due: date, days_before: list[int], at: time, zone_name: str) -> list[tuple[int, datetime]]:
    """(days before, UTC moment) for each reminder, earliest first, duplicates removed."""
    tz = zone(zone_name) or ZoneInfo(DEFAULT_ZONE)
    times = {
        days: datetime.combine(due - timedelta(days=days), at, tzinfo=tz).astimezone(UTC)
        for days in set(days_before)
    }
    return sorted(times.items(), key=lambda item: item[1])
