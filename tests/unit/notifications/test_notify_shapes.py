"""Notify's shapes over this service's records: ids, statuses, the error envelope (notify_shapes.py)."""

import uuid

from numeriqc.core.ids import new_ulid
from numeriqc.notifications import notify_shapes
from numeriqc.notifications.models import Status


def test_ulids_and_uuids_are_the_same_bits_both_ways() -> None:
    for _ in range(50):
        ulid = new_ulid()
        written = notify_shapes.to_uuid(ulid)
        assert uuid.UUID(written)
        assert notify_shapes.to_ulid(written) == ulid
    assert notify_shapes.to_ulid("pas-un-uuid") is None


def test_every_status_has_a_notify_name_and_every_filter_is_a_status() -> None:
    assert set(notify_shapes.NOTIFY_STATUS) == set(Status)
    names = set(notify_shapes.NOTIFY_STATUS.values())
    assert names <= set(notify_shapes.STATUS_FILTER)


def test_problems_become_notify_envelopes_and_keep_their_status_family() -> None:
    field = {"status": 422, "errors": [{"field": "body.phone_number", "code": "x", "detail": "Not valid"}]}
    assert notify_shapes.envelope(422, field) == (
        400,
        {"status_code": 400, "errors": [{"error": "ValidationError", "message": "phone_number Not valid"}]},
    )
    for status, name, expected in (
        (401, "AuthError", 401),
        (403, "AuthError", 403),
        (404, "NoResultFound", 404),
        (409, "BadRequestError", 400),
        (415, "BadRequestError", 400),
        (429, "TooManyRequestsError", 429),
        (400, "BadRequestError", 400),
    ):
        answered, body = notify_shapes.envelope(status, {"detail": "d"})
        assert (answered, body["errors"][0]["error"], body["errors"][0]["message"]) == (expected, name, "d")
