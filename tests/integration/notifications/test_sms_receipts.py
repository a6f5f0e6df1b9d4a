"""SMS delivery receipts: SNS delivery-status log lines (through the template's subscription filters)
-> statuses and status events, once each, with no phone number in the logs.

moto does not write SNS delivery-status logs and the local runtime has no Logs trigger, so each test
builds the subscription event CloudWatch Logs would hand the function and invokes the function the
template's filter names, for the message SNS (moto) really accepted."""

from datetime import UTC, datetime
from typing import Any

import pytest

from tests.support.notifications import (
    SMS_TEMPLATE,
    consent,
    create_template,
    listen,
    logs_subscription_event,
    received,
    send_sms,
    sns_sms_status_line,
)
from tests.support.platform import NewKey, bearer, log_subscriber_of

MORNING = datetime(2030, 3, 5, 15, 0, tzinfo=UTC)  # 10:00 in Montréal: outside SMS quiet hours
SUCCESS_LOGS = "sns/ca-central-1/123456789012/DirectPublishToPhoneNumber"
FAILURE_LOGS = "sns/ca-central-1/123456789012/DirectPublishToPhoneNumber/Failure"
PHONE = "+15142345678"


@pytest.fixture(autouse=True)
def _morning(platform: Any, service_clock: Any) -> None:
    """Every service reads the platform's manual clock (`service_clock`), set to MORNING."""
    platform.clock.set(MORNING)


@pytest.fixture
def sent(platform: Any, new_key: NewKey) -> tuple[str, str, str, str]:
    """(key, notification id, SNS message id, events queue URL) of one live SMS accepted by SNS."""
    key = new_key("saaq")
    events = listen(platform, key)
    template = create_template(platform, key, SMS_TEMPLATE)
    consent(platform, key, "sms", PHONE)
    response = send_sms(platform, key, template["template_id"], "514 234-5678")
    assert response.status == 201, response.text
    platform.drain()
    [sms] = [message for message in platform.outbox() if message.kind == "sms"]
    assert sms.to == [PHONE]
    assert _status(platform, key, response.json()["id"])["status"] == "sending"
    return key, response.json()["id"], sms.id, events


def _status(platform: Any, key: str, notification_id: str) -> dict[str, Any]:
    answer: dict[str, Any] = platform.http(
        "GET", f"/v1/notifications/{notification_id}", headers=bearer(key)
    ).json()
    return answer


def _deliver(platform: Any, log_group: str, lines: list[str]) -> dict[str, Any]:
    """Invoke the function the template subscribes to `log_group`, then let the events flow."""
    result: dict[str, Any] = platform.invoke(
        log_subscriber_of(platform, log_group), logs_subscription_event(log_group, lines)
    )
    platform.drain()
    return result


def test_both_log_groups_are_subscribed_by_the_sms_receipts_function(platform: Any) -> None:
    assert log_subscriber_of(platform, SUCCESS_LOGS) == "SmsReceipts"
    assert log_subscriber_of(platform, FAILURE_LOGS) == "SmsReceipts"


def test_a_success_receipt_delivers_the_sms_once_and_never_logs_the_number(
    platform: Any,
    sent: tuple[str, str, str, str],
    capsys: pytest.CaptureFixture[str],
    caplog: pytest.LogCaptureFixture,
) -> None:
    key, notification_id, message_id, events = sent
    capsys.readouterr()
    caplog.clear()
    line = sns_sms_status_line(message_id, "SUCCESS", "Message has been accepted by phone carrier", PHONE)

    assert _deliver(platform, SUCCESS_LOGS, [line]) == {"receipts": 1, "known": 1, "unreadable": 0}
    read = _status(platform, key, notification_id)
    assert (read["status"], read["failure_reason"]) == ("delivered", None)
    assert read["completed_at"] is not None
    [event] = received(events)
    assert event["type"] == "ca.qc.numeriqc.notifications.status.v1"
    assert (event["data"]["id"], event["data"]["status"]) == (notification_id, "delivered")

    # SNS may log a line twice, and a failed invocation is retried whole: nothing changes twice.
    assert _deliver(platform, SUCCESS_LOGS, [line, line])["known"] == 2
    assert _status(platform, key, notification_id)["status"] == "delivered"
    assert received(events) == []

    records = [record for record in caplog.records if record.getMessage() == "sms receipts"]
    assert len(records) == 2  # the function logged each invocation, extras included...
    captured = capsys.readouterr()
    written = captured.out + captured.err + " ".join(str(vars(record)) for record in caplog.records)
    for digits in (PHONE, "514 234", "5142345678", "514-234"):
        assert digits not in written  # ...but never the phone number


@pytest.mark.parametrize(
    ("provider_response", "status", "reason"),
    [
        ("Phone is currently unreachable/unavailable", "temporary-failure", "phone-unreachable"),
        ("Phone carrier is currently unreachable/unavailable", "temporary-failure", "carrier-unreachable"),
        ("Phone number is opted out", "permanent-failure", "opted-out"),
        ("Invalid phone number", "permanent-failure", "invalid-number"),
        ("Unknown error attempting to reach phone", "technical-failure", "unknown"),
    ],
)
def test_a_failure_receipt_sets_the_status_its_provider_response_means(
    platform: Any, sent: tuple[str, str, str, str], provider_response: str, status: str, reason: str
) -> None:
    key, notification_id, message_id, events = sent
    line = sns_sms_status_line(message_id, "FAILURE", provider_response, PHONE)
    assert _deliver(platform, FAILURE_LOGS, [line])["known"] == 1
    read = _status(platform, key, notification_id)
    assert (read["status"], read["failure_reason"]) == (status, reason)
    [event] = received(events)
    assert (event["data"]["status"], event["data"]["failure_reason"]) == (status, reason)


@pytest.mark.parametrize(
    ("provider_response", "opted_out"),
    [
        ("Phone number is opted out", True),
        ("Phone is on the opt-out list", True),
        ("Invalid phone number", False),
    ],
)
def test_an_opted_out_receipt_puts_the_number_on_the_platform_wide_opt_out(
    platform: Any, new_key: NewKey, sent: tuple[str, str, str, str], provider_response: str, opted_out: bool
) -> None:
    """Every organization's later send to that number is refused, as after the citizen's STOP; other
    permanent failures opt nobody out."""
    key, _, message_id, _ = sent
    other = new_key("ramq")
    consent(platform, other, "sms", PHONE)  # another organization, with the citizen's consent
    _deliver(platform, FAILURE_LOGS, [sns_sms_status_line(message_id, "FAILURE", provider_response, PHONE)])
    for sender in (key, other):
        template = create_template(platform, sender, SMS_TEMPLATE)
        answer = send_sms(platform, sender, template["template_id"], PHONE)
        if opted_out:
            assert answer.status == 422, answer.text
            assert answer.json()["errors"][0]["code"] == "platform-opt-out"
        else:
            assert answer.status == 201, answer.text


def test_a_late_failure_after_a_success_changes_nothing(
    platform: Any, sent: tuple[str, str, str, str]
) -> None:
    key, notification_id, message_id, events = sent
    _deliver(
        platform,
        SUCCESS_LOGS,
        [sns_sms_status_line(message_id, "SUCCESS", "Message has been accepted by phone carrier", PHONE)],
    )
    _deliver(
        platform, FAILURE_LOGS, [sns_sms_status_line(message_id, "FAILURE", "Invalid phone number", PHONE)]
    )
    assert _status(platform, key, notification_id)["status"] == "delivered"
    assert [event["data"]["status"] for event in received(events)] == ["delivered"]


def test_unreadable_lines_and_other_sms_of_the_account_do_not_stop_the_batch(
    platform: Any, sent: tuple[str, str, str, str]
) -> None:
    """A reply sent by InboundSms (or any SMS of the account) has no notification: ignored."""
    key, notification_id, message_id, events = sent
    lines = [
        "not json",
        '{"notification": {}, "status": "SUCCESS"}',
        sns_sms_status_line(
            "f3e1c0de-0000-4000-8000-000000000000",
            "SUCCESS",
            "Message has been accepted by phone carrier",
            "+15145550100",
        ),
        sns_sms_status_line(message_id, "SUCCESS", "Message has been accepted by phone carrier", PHONE),
    ]
    assert _deliver(platform, SUCCESS_LOGS, lines) == {"receipts": 2, "known": 1, "unreadable": 2}
    assert _status(platform, key, notification_id)["status"] == "delivered"
    assert len(received(events)) == 1


def test_a_control_message_is_answered_without_reading_anything(platform: Any) -> None:
    event = logs_subscription_event(SUCCESS_LOGS, [], message_type="CONTROL_MESSAGE")
    assert platform.invoke("SmsReceipts", event) == {"receipts": 0, "known": 0, "unreadable": 0}
