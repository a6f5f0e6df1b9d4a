"""SNS adapter for event-topic subscriptions (implements `ports.TopicGateway`)."""

import contextlib
import json
from typing import Any

from numeriqc.organizations.ports import EndpointRefused, SubscriptionExists

# What real SNS answers when (topic, protocol, endpoint) is subscribed already with other attributes
# (another filter policy, another delivery setting): InvalidParameter, "Invalid parameter:
# Attributes Reason: Subscription already exists with different attributes".
_ALREADY_EXISTS = "already exists with different attributes"


class SnsTopics:
    def __init__(self, client: Any) -> None:
        self._client = client

    def subscribe(self, topic_arn: str, protocol: str, endpoint: str, filter_policy: dict[str, Any]) -> str:
        attributes = {"FilterPolicyScope": "MessageBody", "FilterPolicy": json.dumps(filter_policy)}
        if protocol in ("sqs", "https"):
            attributes["RawMessageDelivery"] = "true"  # subscribers get the bare CloudEvent
        try:
            answer = self._client.subscribe(
                TopicArn=topic_arn,
                Protocol=protocol,
                Endpoint=endpoint,
                Attributes=attributes,
                ReturnSubscriptionArn=True,
            )
        except self._client.exceptions.InvalidParameterException as error:
            message = str(error.response.get("Error", {}).get("Message", ""))
            if _ALREADY_EXISTS in message.lower():
                raise SubscriptionExists() from error
            raise EndpointRefused() from error
        return str(answer["SubscriptionArn"])

    def unsubscribe(self, subscription_arn: str) -> None:
        # Already gone is fine: unsubscribing is idempotent.
        with contextlib.suppress(self._client.exceptions.NotFoundException):
            self._client.unsubscribe(SubscriptionArn=subscription_arn)

    def pending(self, subscription_arn: str) -> bool:
        attributes = self._client.get_subscription_attributes(SubscriptionArn=subscription_arn)["Attributes"]
        return str(attributes.get("PendingConfirmation", "false")).lower() == "true"
