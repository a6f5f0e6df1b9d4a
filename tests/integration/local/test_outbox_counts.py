"""`/_local/outbox/counts` counts what the outbox holds, per kind and receipt, without building the
messages: the same tally as counting `outbox()` itself, restored messages included."""

from collections import Counter
from collections.abc import Callable
from typing import Any

import boto3

from numeriqc_local.aws.outbox import OutboxMessage
from numeriqc_local.runtime import LocalRuntime


def _tally(messages: list[OutboxMessage]) -> dict[str, dict[str, int]]:
    tally: dict[str, dict[str, int]] = {"email": {"sent": 0}, "sms": {"sent": 0}}
    for kind, receipt in Counter(
        (message.kind, message.receipt or "none yet") for message in messages
    ).items():
        tally[kind[0]][kind[1]] = receipt
    for kind in tally.values():
        kind["sent"] = sum(value for name, value in kind.items() if name != "sent")
    return tally


def test_the_counts_are_the_outboxs_own_tally_restored_messages_included(
    make_platform: Callable[..., LocalRuntime],
) -> None:
    platform = make_platform({"Resources": {}})
    ses, sns = boto3.client("ses"), boto3.client("sns")
    ses.verify_email_identity(EmailAddress="avis@numeriqc.quebec")
    for i in range(3):
        ses.send_email(
            Source="avis@numeriqc.quebec",
            Destination={"ToAddresses": [f"citoyen{i}@example.com"]},
            Message={"Subject": {"Data": "Rappel"}, "Body": {"Text": {"Data": "Bonjour"}}},
        )
    for i in range(4):
        sns.publish(PhoneNumber=f"+1514555010{i}", Message="Rappel: rendez-vous demain")
    restored: list[Any] = [
        OutboxMessage("sms", "before-restart-1", ["+15145550199"], "x", receipt="SUCCESS"),
        OutboxMessage("email", "before-restart-2", ["a@example.com"], "x", receipt="Delivery"),
    ]
    platform.restored_outbox = restored

    counted = platform.outbox_counts()

    assert counted == _tally(platform.outbox())
    assert counted == {
        "email": {"sent": 4, "none yet": 3, "Delivery": 1},
        "sms": {"sent": 5, "none yet": 4, "SUCCESS": 1},
    }
