"""Events of new submissions, grouped for PutEvents: what the table stream consumer publishes."""

from typing import Any

from numeriqc.core.dynamo import to_item
from numeriqc.feedback.announcements import Unreadable, announce, new_image


def _record(sequence: int, rating: int, event_name: str = "INSERT", kind: str = "feedback") -> dict[str, Any]:
    feedback_id = f"01KF{sequence:022d}"
    image = {
        "kind": kind,
        "feedback_id": feedback_id,
        "org_id": "saaq",
        "service_id": "saaq.permis",
        "rating": rating,
        "received_at": "2026-01-15T14:00:00+00:00",
    }
    stream = {"SequenceNumber": str(sequence), "NewImage": to_item(image)}
    return {"eventName": event_name, "dynamodb": stream}


def test_groups_never_hold_more_than_ten_events_and_keep_the_records_order() -> None:
    records = [_record(number, rating=1) for number in range(1, 7)]  # received + low-rating: 2 each
    found, unreadable = announce(records, low_rating_max=2)
    assert unreadable == []
    assert [[sequence for sequence, _ in group] for group in found] == [["1", "2", "3", "4", "5"], ["6"]]
    assert [sum(len(events) for _, events in group) for group in found] == [10, 2]
    first_events = found[0][0][1]
    assert [event.type for event in first_events] == [
        "ca.qc.numeriqc.feedback.received.v1",
        "ca.qc.numeriqc.feedback.low-rating.v1",
    ]
    assert first_events[0].id == "01KF0000000000000000000001.received"


def test_only_inserted_submissions_are_announced() -> None:
    assert new_image(_record(1, rating=5, event_name="MODIFY")) is None
    assert new_image(_record(2, rating=5, kind="contact")) is None
    assert announce([_record(1, 5, "MODIFY"), _record(2, 5, kind="contact")], low_rating_max=2) == ([], [])
    ((only,),), _ = announce([_record(3, rating=5)], low_rating_max=2)
    assert only[0] == "3"
    assert [event.type for event in only[1]] == ["ca.qc.numeriqc.feedback.received.v1"]


def _broken(sequence: int) -> list[dict[str, Any]]:
    """Every way a record claiming to insert a submission can fail to be read, at `sequence`."""
    missing = _record(sequence, rating=4)
    del missing["dynamodb"]["NewImage"]["received_at"]
    not_a_number = _record(sequence, rating=4)
    not_a_number["dynamodb"]["NewImage"]["rating"] = {"S": "quatre"}
    unknown_type = _record(sequence, rating=4)
    unknown_type["dynamodb"]["NewImage"]["comment"] = {"XX": "Marie Tremblay"}
    bad_date = _record(sequence, rating=4)
    bad_date["dynamodb"]["NewImage"]["received_at"] = {"S": "hier"}
    return [missing, not_a_number, unknown_type, bad_date]


def test_an_unreadable_record_is_set_aside_named_and_the_others_are_announced() -> None:
    for broken in _broken(2):
        found, unreadable = announce([_record(1, 5), broken, _record(3, 5)], low_rating_max=2)
        assert [sequence for group in found for sequence, _ in group] == ["1", "3"]
        assert unreadable == [Unreadable("2", "INSERT", unreadable[0].error_type)]
        assert "Tremblay" not in repr(unreadable) and "quatre" not in repr(unreadable)


def test_a_record_without_a_sequence_number_is_unreadable_too() -> None:
    record = _record(1, 5)
    del record["dynamodb"]["SequenceNumber"]
    assert announce([record], low_rating_max=2) == ([], [Unreadable("unknown", "INSERT", "KeyError")])
