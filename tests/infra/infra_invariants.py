"""Rules every numeriQc template obeys. Each returns the violations it finds (empty: the rule holds),
so the same rule is checked on the real app and on throwaway stacks that exercise other wiring."""

from typing import Any

from infra_cfn import (
    as_list,
    enforces_ssl,
    identity_statements,
    is_platform_key,
    props,
    ref_target,
    resource_policy_statements,
    resources,
)

XRAY_ACTIONS = {"xray:PutTraceSegments", "xray:PutTelemetryRecords"}
# Stream consumers: ListStreams has no resource-level permission (CDK's stream grant adds it on `*`).
STREAM_ACTIONS = {"dynamodb:ListStreams"}
# SNS SMS has no resource ARN (a phone number is not a resource); topics are denied beside it.
SMS_ACTIONS = {
    "sns:Publish",
    "sns:ListPhoneNumbersOptedOut",
    "sns:CheckIfPhoneNumberIsOptedOut",
    "sns:OptInPhoneNumber",
}


def unencrypted_tables(template: dict[str, Any]) -> list[str]:
    bad = []
    for lid, res in resources(template, "AWS::DynamoDB::Table").items():
        sse = res["Properties"].get("SSESpecification", {})
        pitr = res["Properties"].get("PointInTimeRecoverySpecification", {})
        if not (
            sse.get("SSEEnabled") is True
            and sse.get("SSEType") == "KMS"
            and is_platform_key(sse.get("KMSMasterKeyId"))
            and pitr.get("PointInTimeRecoveryEnabled") is True
            and res["Properties"].get("BillingMode") == "PAY_PER_REQUEST"
            and res.get("DeletionPolicy") == "Retain"
        ):
            bad.append(lid)
    return bad


def unprotected_queues_and_topics(template: dict[str, Any]) -> list[str]:
    bad = []
    for lid, res in resources(template, "AWS::SQS::Queue").items():
        if not is_platform_key(res["Properties"].get("KmsMasterKeyId")):
            bad.append(f"{lid}: not encrypted with the platform key")
        if not enforces_ssl(template, "AWS::SQS::QueuePolicy", lid, "sqs:*"):
            bad.append(f"{lid}: TLS not enforced")
    for lid, res in resources(template, "AWS::SNS::Topic").items():
        if not is_platform_key(res["Properties"].get("KmsMasterKeyId")):
            bad.append(f"{lid}: not encrypted with the platform key")
        if not enforces_ssl(template, "AWS::SNS::TopicPolicy", lid, "sns:Publish"):
            bad.append(f"{lid}: TLS not enforced")
    return bad


def _every_action(action: str) -> bool:
    return action == "*" or action.endswith(":*")


def allow_every_action(template: dict[str, Any]) -> list[str]:
    """Allow statements granting `*` or `service:*`. The one accepted exception is CDK's default key
    policy statement giving `kms:*` to the account root: it delegates the key's use to IAM policies
    (which are checked here) instead of granting it to anyone, and keeps the key manageable."""
    bad = []
    for lid, statement in [*identity_statements(template), *resource_policy_statements(template)]:
        if statement["Effect"] != "Allow":
            continue
        actions = as_list(statement["Action"])
        if not any(_every_action(action) for action in actions):
            continue
        is_root_delegation = (
            template["Resources"][lid]["Type"] == "AWS::KMS::Key"
            and actions == ["kms:*"]
            and "Condition" not in statement
            and str(statement["Principal"]).count(":root") == 1
        )
        if not is_root_delegation:
            bad.append(f"{lid}: {actions}")
    return bad


def wildcard_resource_grants(template: dict[str, Any]) -> list[str]:
    """Identity statements on every resource (`*`) for anything but X-Ray, which has no resource ARNs."""
    return [
        f"{lid}: {statement['Action']}"
        for lid, statement in identity_statements(template)
        if "*" in as_list(statement["Resource"])
        and statement.get("Effect", "Allow") == "Allow"
        and not set(as_list(statement["Action"])) <= XRAY_ACTIONS | SMS_ACTIONS | STREAM_ACTIONS
    ]


def kms_wildcards_off_the_platform_key(template: dict[str, Any]) -> list[str]:
    """The acknowledged `kms:GenerateDataKey*` / `kms:ReEncrypt*` grants: only ever on the platform key."""
    return [
        f"{lid}: {statement['Resource']}"
        for lid, statement in identity_statements(template)
        if any(action.startswith("kms:") and action.endswith("*") for action in as_list(statement["Action"]))
        and not all(is_platform_key(resource) for resource in as_list(statement["Resource"]))
    ]


def functions_off_platform_defaults(template: dict[str, Any]) -> list[str]:
    bad = []
    for lid, res in resources(template, "AWS::Lambda::Function").items():
        p = res["Properties"]
        env = p.get("Environment", {}).get("Variables", {})
        problems = {
            "arm64": p.get("Architectures") == ["arm64"],
            "python3.12": p.get("Runtime") == "python3.12",
            "active tracing": p.get("TracingConfig") == {"Mode": "Active"},
            "JSON logs": p.get("LoggingConfig", {}).get("LogFormat") == "JSON",
            "own log group": "LogGroup" in p.get("LoggingConfig", {}),
            "dependency layer": [ref_target(layer) for layer in p.get("Layers", [])] == ["DependencyLayer"],
            "handler in numeriqc": str(p.get("Handler", "")).startswith("numeriqc."),
            "Powertools settings": env.get("POWERTOOLS_METRICS_NAMESPACE") == "numeriqc"
            and bool(env.get("POWERTOOLS_SERVICE_NAME"))
            and bool(env.get("POWERTOOLS_LOG_LEVEL")),
        }
        bad += [f"{lid}: not {what}" for what, ok in problems.items() if not ok]
        if "LogGroup" in p.get("LoggingConfig", {}):
            log_group = props(template, ref_target(p["LoggingConfig"]["LogGroup"]))
            if not (is_platform_key(log_group.get("KmsKeyId")) and log_group.get("RetentionInDays")):
                bad.append(f"{lid}: log group not encrypted with the platform key or kept forever")
    return bad


def _watched_metrics(alarm: dict[str, Any]) -> list[dict[str, Any]]:
    """The metrics an alarm reads: its own, or every metric of its metric-math expression."""
    if "MetricName" in alarm:
        return [alarm]
    return [query["MetricStat"]["Metric"] for query in alarm.get("Metrics", []) if "MetricStat" in query]


def alarms_on(template: dict[str, Any], metric: str, dimension: str, logical_id: str) -> list[dict[str, Any]]:
    return [
        alarm["Properties"]
        for alarm in resources(template, "AWS::CloudWatch::Alarm").values()
        if any(
            watched.get("MetricName") == metric
            and any(
                d["Name"] == dimension and ref_target(d["Value"]) == logical_id
                for d in watched.get("Dimensions", [])
            )
            for watched in _watched_metrics(alarm["Properties"])
        )
    ]


def alarms_on_first(alarm: dict[str, Any]) -> bool:
    """Fires on the first occurrence, and tells the alarm topic."""
    return (
        alarm["Threshold"] == 1
        and alarm["ComparisonOperator"] == "GreaterThanOrEqualToThreshold"
        and [ref_target(action) for action in alarm.get("AlarmActions", [])] == ["AlarmTopic"]
    )


def functions_without_error_alarm(template: dict[str, Any]) -> list[str]:
    return [
        lid
        for lid in resources(template, "AWS::Lambda::Function")
        if not any(alarms_on_first(alarm) for alarm in alarms_on(template, "Errors", "FunctionName", lid))
    ]


def unsafe_queue_consumers(template: dict[str, Any]) -> list[str]:
    """SQS and stream event sources without partial batch failures, a dead-letter (on-failure) queue,
    or an alarm on it; stream sources must also bisect failing batches and stop retrying."""
    bad = []
    for lid, res in resources(template, "AWS::Lambda::EventSourceMapping").items():
        p = res["Properties"]
        if p.get("FunctionResponseTypes") != ["ReportBatchItemFailures"]:
            bad.append(f"{lid}: does not report batch item failures")
        if p["EventSourceArn"].get("Fn::GetAtt", [None, None])[1] == "StreamArn":
            bad += _unsafe_stream_consumer(template, lid, p)
            continue
        queue = props(template, ref_target(p["EventSourceArn"]))
        redrive = queue.get("RedrivePolicy")
        if not redrive:
            bad.append(f"{lid}: its queue has no dead-letter queue")
            continue
        dead_letters = ref_target(redrive["deadLetterTargetArn"])
        alarms = alarms_on(template, "ApproximateNumberOfMessagesVisible", "QueueName", dead_letters)
        if not any(alarms_on_first(alarm) for alarm in alarms):
            bad.append(f"{lid}: no alarm on its dead-letter queue {dead_letters}")
    return bad


def _unsafe_stream_consumer(template: dict[str, Any], lid: str, p: dict[str, Any]) -> list[str]:
    bad = []
    if p.get("BisectBatchOnFunctionError") is not True:
        bad.append(f"{lid}: does not bisect failing batches")
    if not 0 <= int(p.get("MaximumRetryAttempts", -1)) <= 100:
        bad.append(f"{lid}: retries forever (stream records expire: they would be lost)")
    destination = p.get("DestinationConfig", {}).get("OnFailure", {}).get("Destination")
    if not destination:
        return [*bad, f"{lid}: no on-failure destination"]
    failures = ref_target(destination)
    alarms = alarms_on(template, "ApproximateNumberOfMessagesVisible", "QueueName", failures)
    if not any(alarms_on_first(alarm) for alarm in alarms):
        bad.append(f"{lid}: no alarm on its on-failure queue {failures}")
    return bad
