"""SMS questions' wiring: replies routed by InboundSms to the SmsAnswers queue and function, which
hold exactly what they need; the queue's TLS and dead letters reuse the inbound queue's; the SMS
code budget's alarm."""

from typing import Any

from infra_cfn import enforces_ssl, identity_statements, props, ref_target, render, render_json, resources


def _granted(template: dict[str, Any], role: str, action: str) -> set[str]:
    """Resources (rendered) the role's policies allow `action` on."""
    found: set[str] = set()
    for lid, statement in identity_statements(template):
        roles = {ref_target(r) for r in props(template, lid).get("Roles", [])}
        actions = statement["Action"] if isinstance(statement["Action"], list) else [statement["Action"]]
        if role in roles and statement["Effect"] == "Allow" and action in actions:
            targets = (
                statement["Resource"] if isinstance(statement["Resource"], list) else [statement["Resource"]]
            )
            found |= {render(target) for target in targets}
    return found


def _role(template: dict[str, Any], function: str) -> str:
    return ref_target(props(template, function)["Role"])


def test_inbound_sms_sends_answers_to_the_answers_queue_and_nowhere_else(template: dict[str, Any]) -> None:
    env = props(template, "InboundSms")["Environment"]["Variables"]
    assert render_json(env["SMS_ANSWER_QUEUES"]) == {
        "consultations": "${SmsAnswersQueue}",
        "feedback": "${SmsAnswersQueue}",
    }
    assert _granted(template, _role(template, "InboundSms"), "sqs:SendMessage") == {"${SmsAnswersQueue.Arn}"}


def test_the_answers_queue_is_consumed_by_sms_answers_with_partial_failures_and_dead_letters(
    template: dict[str, Any],
) -> None:
    (mapping,) = [
        m["Properties"]
        for m in resources(template, "AWS::Lambda::EventSourceMapping").values()
        if ref_target(m["Properties"]["EventSourceArn"]) == "SmsAnswersQueue"
    ]
    assert ref_target(mapping["FunctionName"]) == "SmsAnswers"
    assert mapping["FunctionResponseTypes"] == ["ReportBatchItemFailures"]
    queue = props(template, "SmsAnswersQueue")
    assert ref_target(queue["RedrivePolicy"]["deadLetterTargetArn"]) == "InboundSmsQueueDeadLetters"
    assert ref_target(queue["KmsMasterKeyId"]) == "PlatformKey"
    assert enforces_ssl(template, "AWS::SQS::QueuePolicy", "SmsAnswersQueue", "sqs:*")


def test_sms_answers_may_write_the_asking_services_tables_and_read_the_pepper(
    template: dict[str, Any],
) -> None:
    role = _role(template, "SmsAnswers")
    assert _granted(template, role, "dynamodb:UpdateItem") >= {
        "${ConsultationsTable.Arn}",
        "${FeedbackTable.Arn}",
    }
    assert _granted(template, role, "secretsmanager:GetSecretValue") == {"${Pepper}"}
    env = props(template, "SmsAnswers")["Environment"]["Variables"]
    assert {"CONSULTATIONS_TABLE", "FEEDBACK_TABLE", "PEPPER_SECRET_ARN"} <= set(env)


def test_feedback_may_ask_for_ratings_through_the_platform_sms_queue(template: dict[str, Any]) -> None:
    env = props(template, "FeedbackApi")["Environment"]["Variables"]
    assert ref_target(env["PLATFORM_SMS_QUEUE_URL"]) == "NotificationsPlatformSmsQueue"
    granted = _granted(template, _role(template, "FeedbackApi"), "sqs:SendMessage")
    assert "${NotificationsPlatformSmsQueue.Arn}" in granted


def test_the_sms_code_budget_alarms_on_its_first_alert(template: dict[str, Any]) -> None:
    (alarm,) = [
        a["Properties"]
        for a in resources(template, "AWS::CloudWatch::Alarm").values()
        if a["Properties"].get("MetricName") == "SmsCodeBudgetAlerts"
    ]
    assert alarm["Namespace"] == "numeriqc"
    assert alarm["Dimensions"] == [{"Name": "service", "Value": "consultations"}]
    assert (alarm["Threshold"], alarm["ComparisonOperator"]) == (1, "GreaterThanOrEqualToThreshold")
    assert alarm["AlarmActions"]
