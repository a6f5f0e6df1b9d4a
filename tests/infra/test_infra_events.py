"""Event fan-out: one rule per family on the platform bus, to that family's topic, bare CloudEvent."""

from typing import Any

from infra_cfn import props, ref_target, resources
from infra_invariants import alarms_on, alarms_on_first

from numeriqc.core.events import EVENT_FAMILIES


def test_one_topic_per_family_plus_the_alarm_topic(template: dict[str, Any]) -> None:
    expected = {f"{family.capitalize()}Topic" for family in EVENT_FAMILIES} | {"AlarmTopic"}
    # The notification service's own topics: SES delivery events and inbound SMS (not event families).
    expected |= {"NotificationsEmailEvents", "NotificationsInboundSmsTopic"}
    assert set(resources(template, "AWS::SNS::Topic")) == expected


def test_one_rule_per_family_on_the_platform_bus_to_its_topic_with_the_bare_cloudevent(
    template: dict[str, Any],
) -> None:
    rules = {
        lid: rule
        for lid, rule in resources(template, "AWS::Events::Rule").items()
        if "ScheduleExpression" not in rule["Properties"]  # schedules run on the default bus
    }
    assert len(rules) == len(EVENT_FAMILIES)
    for family in EVENT_FAMILIES:
        rule = props(template, f"{family.capitalize()}Rule")
        assert ref_target(rule["EventBusName"]) == "EventBus"
        assert rule["EventPattern"] == {"source": [f"numeriqc.{family}"]}
        (target,) = rule["Targets"]
        assert ref_target(target["Arn"]) == f"{family.capitalize()}Topic"
        assert target["InputPath"] == "$.detail"
        assert "Input" not in target and "InputTransformer" not in target
        # EventBridge's undeliverable events wait in a dead-letter queue, watched by an alarm.
        assert ref_target(target["DeadLetterConfig"]["Arn"]) == "UndeliveredEvents"


def test_eventbridge_may_publish_to_each_family_topic(template: dict[str, Any]) -> None:
    allowed = set()
    for policy in resources(template, "AWS::SNS::TopicPolicy").values():
        for statement in policy["Properties"]["PolicyDocument"]["Statement"]:
            if statement["Effect"] == "Allow" and statement.get("Principal") == {
                "Service": "events.amazonaws.com"
            }:
                allowed |= {ref_target(topic) for topic in policy["Properties"]["Topics"]}
    assert allowed == {f"{family.capitalize()}Topic" for family in EVENT_FAMILIES}


def test_undelivered_events_alarm_on_the_first_one(template: dict[str, Any]) -> None:
    alarms = alarms_on(template, "ApproximateNumberOfMessagesVisible", "QueueName", "UndeliveredEvents")
    assert len(alarms) == 1
    assert alarms_on_first(alarms[0])
