"""SNS SMS delivery-status logs: decoding the subscription event, reading a line, mapping a status."""

import base64
import gzip
import json
from typing import Any

import pytest

from numeriqc.notifications.models import Status
from numeriqc.notifications.sms_receipts import Unreadable, log_lines, receipt, status_of


def _event(payload: dict[str, Any]) -> dict[str, Any]:
    return {"awslogs": {"data": base64.b64encode(gzip.compress(json.dumps(payload).encode())).decode()}}


def _line(status: str, response: str, message_id: str = "a1b2") -> str:
    return json.dumps(
        {
            "notification": {"messageId": message_id, "timestamp": "2030-03-05 15:00:01.234"},
            "delivery": {
                "destination": "+15145550100",
                "providerResponse": response,
                "smsType": "Transactional",
            },
            "status": status,
        }
    )


def test_a_data_message_gives_its_lines_in_order() -> None:
    event = _event(
        {
            "messageType": "DATA_MESSAGE",
            "logGroup": "sns/ca-central-1/123456789012/DirectPublishToPhoneNumber",
            "logEvents": [
                {"id": "1", "timestamp": 1, "message": "un"},
                {"id": "2", "timestamp": 2, "message": "deux"},
            ],
        }
    )
    assert log_lines(event) == ["un", "deux"]


def test_a_control_message_gives_no_line() -> None:
    event = _event(
        {"messageType": "CONTROL_MESSAGE", "logEvents": [{"id": "1", "message": "CWL CONTROL MESSAGE"}]}
    )
    assert log_lines(event) == []


def test_a_success_is_delivered() -> None:
    assert receipt(_line("SUCCESS", "Message has been accepted by phone carrier")) == (
        "a1b2",
        Status.DELIVERED,
        None,
    )


@pytest.mark.parametrize(
    ("response", "expected"),
    [
        ("Phone is currently unreachable/unavailable", (Status.TEMPORARY_FAILURE, "phone-unreachable")),
        (
            "Phone carrier is currently unreachable/unavailable",
            (Status.TEMPORARY_FAILURE, "carrier-unreachable"),
        ),
        ("Phone number is opted out", (Status.PERMANENT_FAILURE, "opted-out")),
        ("Invalid phone number", (Status.PERMANENT_FAILURE, "invalid-number")),
        ("Phone has blocked SMS", (Status.PERMANENT_FAILURE, "blocked")),
        ("Phone carrier has blocked this message", (Status.TECHNICAL_FAILURE, "carrier-blocked")),
        ("This delivery would exceed max price", (Status.TECHNICAL_FAILURE, "price-limit")),
        ("Unknown error attempting to reach phone", (Status.TECHNICAL_FAILURE, "unknown")),
        ("  invalid PHONE number. ", (Status.PERMANENT_FAILURE, "invalid-number")),  # case, spaces, period
        ("Something SNS never said before", (Status.TECHNICAL_FAILURE, "unknown")),
        ("", (Status.TECHNICAL_FAILURE, "unknown")),
    ],
)
def test_a_failure_maps_its_provider_response(response: str, expected: tuple[Status, str]) -> None:
    assert status_of(response) == expected
    assert receipt(_line("FAILURE", response)) == ("a1b2", *expected)


@pytest.mark.parametrize(
    "line",
    [
        "not json",
        "[]",
        '{"status": "SUCCESS"}',
        '{"notification": {}, "status": "SUCCESS"}',
        '{"notification": {"messageId": ""}, "status": "SUCCESS"}',
        '{"notification": {"messageId": 12}, "status": "SUCCESS"}',
        '{"notification": {"messageId": "a1b2"}, "status": "PENDING"}',
        '{"notification": {"messageId": "a1b2"}, "status": "FAILURE", "delivery": "?"}',
    ],
)
def test_a_line_that_is_not_a_delivery_status_is_unreadable(line: str) -> None:
    with pytest.raises(Unreadable) as raised:
        receipt(line)
    assert "5550100" not in str(raised.value)
