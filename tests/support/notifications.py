"""Helpers for the notification integration tests: templates, consent, SES events, outbox reading."""

import email
import email.policy
import json
from collections.abc import Sequence
from typing import Any

from numeriqc.core import aws
from tests.support.events import subscribe_queue, take_events
from tests.support.platform import bearer

EMAIL_TEMPLATE = {
    "channel": "email",
    "name": "Renouvellement",
    "subject": "Rappel : ((document))",
    "body": "[[fr]]Bonjour ((prénom)),\n\nVotre **((document))** expire bientôt.[[/fr]]"
    "[[en]]Hello ((prénom)), your ((document)) expires soon.[[/en]]",
}
SMS_TEMPLATE = {
    "channel": "sms",
    "name": "Rappel texto",
    "body": "Bonjour ((prénom)), votre rendez-vous est le ((date)).",
}


def create_template(platform: Any, key: str, body: dict[str, Any]) -> dict[str, Any]:
    response = platform.http("POST", "/v1/templates", headers=bearer(key), json=body)
    assert response.status == 201, response.text
    created: dict[str, Any] = response.json()
    return created


def consent(platform: Any, key: str, channel: str, recipient: str) -> None:
    response = platform.http(
        "POST",
        "/v1/consents",
        headers=bearer(key),
        json={"channel": channel, "recipient": recipient, "purpose": "rappels", "source": "formulaire-web"},
    )
    assert response.status == 201, response.text


def consented_sms_rows(platform: Any, key: str, numbers: Sequence[str]) -> list[dict[str, str]]:
    """Bulk rows for SMS_TEMPLATE, one per number, each number's consent recorded first."""
    for number in numbers:
        consent(platform, key, "sms", number)
    return [{"phone_number": n, "prénom": f"P{i}", "date": "lundi"} for i, n in enumerate(numbers)]


def post_bulk(platform: Any, key: str, template_id: str, rows: list[dict[str, str]]) -> Any:
    return platform.http(
        "POST", "/v1/notifications/bulk", headers=bearer(key), json={"template_id": template_id, "rows": rows}
    )


def send_email(platform: Any, key: str, template_id: str, to: str, **extra: Any) -> Any:
    body = {
        "template_id": template_id,
        "email_address": to,
        "personalisation": {"prénom": "Zoé", "document": "permis"},
    }
    return platform.http("POST", "/v1/notifications/email", headers=bearer(key), json={**body, **extra})


def send_sms(platform: Any, key: str, template_id: str, to: str, **extra: Any) -> Any:
    body = {
        "template_id": template_id,
        "phone_number": to,
        "personalisation": {"prénom": "Zoé", "date": "1er mars"},
    }
    return platform.http("POST", "/v1/notifications/sms", headers=bearer(key), json={**body, **extra})


def raw_emails() -> list[email.message.EmailMessage]:
    """Every raw email moto's SES received, parsed (headers included, which the outbox omits)."""
    from moto.ses.models import ses_backends

    messages = []
    for regional in ses_backends.values():
        for backend in (regional[region] for region in dict.keys(regional)):
            for sent in backend.sent_messages:
                if hasattr(sent, "raw_data"):
                    messages.append(email.message_from_string(sent.raw_data, policy=email.policy.default))
    return messages  # type: ignore[return-value]


def ses_event(platform: Any, kind: str, org: str, notification_id: str, **extra: Any) -> None:
    """What SES publishes through the configuration set's SNS topic (moto does not emit these)."""
    event = {
        "eventType": kind,
        "mail": {"messageId": "ses-1", "tags": {"org": [org], "notification": [notification_id]}},
        **extra,
    }
    topic = platform.names.arn("NotificationsEmailEvents")
    aws.client("sns").publish(TopicArn=topic, Message=json.dumps(event))


def listen(platform: Any, key: str) -> str:
    """An SQS queue subscribed to the organization's notification events; answers its URL."""
    return subscribe_queue(platform, key, "notifications", "mes-notifications")


def received(url: str) -> list[dict[str, Any]]:
    """Every CloudEvent waiting in the queue (deleted once read)."""
    return take_events(url)


def sns_sms_status_line(message_id: str, status: str, provider_response: str, phone: str) -> str:
    """One line of an SNS SMS delivery-status log, as SNS writes it (moto does not write these)."""
    return json.dumps(
        {
            "notification": {"messageId": message_id, "timestamp": "2030-03-05 15:00:01.234"},
            "delivery": {
                "mnc": 220,
                "numberOfMessageParts": 1,
                "destination": phone,
                "priceInUSD": 0.00581,
                "smsType": "Transactional",
                "mcc": 302,
                "providerResponse": provider_response,
                "dwellTimeMs": 410,
                "dwellTimeMsUntilDeviceAck": 2210,
                "phoneCarrier": "Vidéotron",
            },
            "status": status,
        },
        ensure_ascii=False,
    )


def logs_subscription_event(
    log_group: str, lines: list[str], message_type: str = "DATA_MESSAGE"
) -> dict[str, Any]:
    """What CloudWatch Logs hands a subscription filter's Lambda destination: base64 of gzip'd JSON."""
    import base64
    import gzip

    payload = {
        "messageType": message_type,
        "owner": "123456789012",
        "logGroup": log_group,
        "logStream": "e7bd4d23-b1de-4e67-8e3b-6c1c5b1cd8a5",
        "subscriptionFilters": ["NumeriqcPlatform-dev-SmsDeliveryStatusLogsSubscription"],
        "logEvents": [
            {
                "id": str(36000000000000000000000000000000000000000000000000000000 + index),
                "timestamp": 1899039601234,
                "message": line,
            }
            for index, line in enumerate(lines)
        ],
    }
    data = base64.b64encode(gzip.compress(json.dumps(payload, ensure_ascii=False).encode())).decode()
    return {"awslogs": {"data": data}}
