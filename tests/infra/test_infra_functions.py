"""The Lambda functions of the real template: platform defaults, handlers, environment, grants."""

import importlib
import json
from typing import Any

import infra_invariants as inv
from infra_cfn import identity_statements, props, ref_target, render, render_json, resources

from numeriqc.core.events import EVENT_FAMILIES

POWERTOOLS = {"POWERTOOLS_SERVICE_NAME", "POWERTOOLS_METRICS_NAMESPACE", "POWERTOOLS_LOG_LEVEL"}
HANDLERS = {
    "Authorizer": "numeriqc.organizations.handlers.authorizer.handler",
    "OrganizationsApi": "numeriqc.organizations.handlers.api.handler",
    "PlatformApi": "numeriqc.platform.handlers.api.handler",
    "FeedbackApi": "numeriqc.feedback.handlers.api.handler",
    "FeedbackEvents": "numeriqc.feedback.handlers.table_stream.handler",
    "FeedbackExporter": "numeriqc.feedback.handlers.export_queue.handler",
    "NotificationsApi": "numeriqc.notifications.handlers.api.handler",
    "NotificationsPlanner": "numeriqc.notifications.handlers.bulk_slice_queue.handler",
    "NotificationsScheduler": "numeriqc.notifications.handlers.every_minute.handler",
    "EmailSender": "numeriqc.notifications.handlers.channel_queue.handler",
    "SmsSender": "numeriqc.notifications.handlers.channel_queue.handler",
    "InboundSms": "numeriqc.notifications.handlers.inbound_sms_queue.handler",
    "PlatformSms": "numeriqc.notifications.handlers.platform_sms_queue.handler",
    "SmsAnswers": "numeriqc.platform.handlers.sms_answers_queue.handler",
    "DeliveryReceipts": "numeriqc.notifications.handlers.email_events_queue.handler",
    "SmsReceipts": "numeriqc.notifications.handlers.sms_status_logs.handler",
    "StatusCallbacks": "numeriqc.notifications.handlers.status_events_queue.handler",
    "ConsultationsApi": "numeriqc.consultations.handlers.api.handler",
    "ConsultationsScheduler": "numeriqc.consultations.handlers.every_minute.handler",
    "ConsultationsAnalysis": "numeriqc.consultations.handlers.analysis_queue.handler",
    "ConsultationsExporter": "numeriqc.consultations.handlers.export_queue.handler",
    "ExchangeApi": "numeriqc.exchange.handlers.api.handler",
    "ExchangeDelivery": "numeriqc.exchange.handlers.log_stream.handler",
    "ExchangeSigner": "numeriqc.exchange.handlers.every_minute.handler",
    "ExchangeWorker": "numeriqc.exchange.handlers.work_queue.handler",
    "BarometerApi": "numeriqc.barometer.handlers.api.handler",
    "BarometerFigures": "numeriqc.barometer.handlers.platform_events_queue.handler",
    "BarometerSite": "numeriqc.barometer.handlers.site_changes_queue.handler",
    "BarometerDailySite": "numeriqc.barometer.handlers.every_day.handler",
}
EXCHANGE_KEYS = ("Public", "Internal", "Confidential", "Restricted", "Signing")


def environment(template: dict[str, Any], function: str) -> dict[str, Any]:
    return props(template, function)["Environment"]["Variables"]  # type: ignore[no-any-return]


def grants(template: dict[str, Any], function: str) -> dict[str, set[str]]:
    """action -> rendered resources, over the function role's policies."""
    role = ref_target(props(template, function)["Role"])
    granted: dict[str, set[str]] = {}
    for lid, statement in identity_statements(template):
        policy = template["Resources"][lid]["Properties"]
        if lid != role and role not in [ref_target(r) for r in policy.get("Roles", [])]:
            continue
        resources_ = (
            statement["Resource"] if isinstance(statement["Resource"], list) else [statement["Resource"]]
        )
        actions = statement["Action"] if isinstance(statement["Action"], list) else [statement["Action"]]
        for action in actions:
            granted.setdefault(action, set()).update(render(r) for r in resources_)
    return granted


def test_every_function_has_the_platform_defaults(template: dict[str, Any]) -> None:
    assert inv.functions_off_platform_defaults(template) == []


def test_every_function_alarms_on_its_first_error(template: dict[str, Any]) -> None:
    assert inv.functions_without_error_alarm(template) == []


def test_functions_have_the_contract_ids_and_handlers_that_exist(template: dict[str, Any]) -> None:
    functions = resources(template, "AWS::Lambda::Function")
    assert {lid: f["Properties"]["Handler"] for lid, f in functions.items()} == HANDLERS
    for handler in HANDLERS.values():
        module, name = handler.rsplit(".", 1)
        assert callable(getattr(importlib.import_module(module), name)), handler


def test_authorizer_environment(template: dict[str, Any]) -> None:
    env = environment(template, "Authorizer")
    assert set(env) - POWERTOOLS == {"ORGANIZATIONS_TABLE", "PEPPER_SECRET_ARN"}
    assert env["ORGANIZATIONS_TABLE"] == {"Ref": "OrganizationsTable"}
    assert env["PEPPER_SECRET_ARN"] == {"Ref": "Pepper"}
    assert env["POWERTOOLS_SERVICE_NAME"] == "organizations"


def test_organizations_api_environment(template: dict[str, Any]) -> None:
    env = environment(template, "OrganizationsApi")
    assert set(env) - POWERTOOLS == {
        "ORGANIZATIONS_TABLE",
        "PEPPER_SECRET_ARN",
        "EVENT_TOPICS",
        "IDEMPOTENCY_TABLE",
        "EVENT_BUS_NAME",
    }
    assert env["IDEMPOTENCY_TABLE"] == {"Ref": "IdempotencyTable"}
    assert env["EVENT_BUS_NAME"] == {"Ref": "EventBus"}
    assert render_json(env["EVENT_TOPICS"]) == {
        family: f"${{{family.capitalize()}Topic}}" for family in EVENT_FAMILIES
    }


def test_platform_api_health_checks_every_shared_dependency(template: dict[str, Any]) -> None:
    env = environment(template, "PlatformApi")
    assert set(env) - POWERTOOLS == {"HEALTH_CHECKS", "PLATFORM_KEY_ARN", "API_MODULES"}
    assert env["PLATFORM_KEY_ARN"] == {"Fn::GetAtt": ["PlatformKey", "Arn"]}
    # Every routed resolver, the platform's own last (it is routed last): what /openapi.json documents.
    modules = json.loads(env["API_MODULES"])
    assert modules[-1] == "numeriqc.platform.handlers.api" and len(modules) == len(set(modules))
    assert {"numeriqc.notifications.handlers.api", "numeriqc.feedback.handlers.api"} <= set(modules)
    checks = {check["name"]: (check["kind"], check["target"]) for check in render_json(env["HEALTH_CHECKS"])}
    assert checks == {
        "organizations-table": ("dynamodb", "${OrganizationsTable}"),
        "idempotency-table": ("dynamodb", "${IdempotencyTable}"),
        "feedback-table": ("dynamodb", "${FeedbackTable}"),
        "feedback-exports-bucket": ("s3", "${FeedbackExportsBucket}"),
        "notifications-table": ("dynamodb", "${NotificationsTable}"),
        "notifications-uploads": ("s3", "${NotificationsUploads}"),
        "consultations-table": ("dynamodb", "${ConsultationsTable}"),
        "consultations-exports-bucket": ("s3", "${ConsultationsExportsBucket}"),
        "barometer-table": ("dynamodb", "${BarometerTable}"),
        "barometer-site-bucket": ("s3", "${BarometerSiteBucket}"),
        "event-bus": ("events", "${EventBus}"),
        "platform-key": ("kms", "${PlatformKey.Arn}"),
        "pepper": ("secret", "${Pepper}"),
        "exchange-table": ("dynamodb", "${ExchangeTable}"),
        "exchange-log-bucket": ("s3", "${ExchangeLogBucket}"),
        "exchange-payload-bucket": ("s3", "${ExchangePayloadBucket}"),
        **{f"exchange-{key.lower()}-key": ("kms", f"${{Exchange{key}Key.Arn}}") for key in EXCHANGE_KEYS},
        **{f"{family}-topic": ("sns", f"${{{family.capitalize()}Topic}}") for family in EVENT_FAMILIES},
    }


def test_platform_api_may_describe_exactly_what_it_checks(template: dict[str, Any]) -> None:
    topics = {f"${{{family.capitalize()}Topic}}" for family in EVENT_FAMILIES}
    log_group = f"${{{ref_target(props(template, 'PlatformApi')['LoggingConfig']['LogGroup'])}.Arn}}"
    assert grants(template, "PlatformApi") == {
        "xray:PutTraceSegments": {"*"},
        "xray:PutTelemetryRecords": {"*"},
        "logs:CreateLogStream": {log_group},
        "logs:PutLogEvents": {log_group},
        "dynamodb:DescribeTable": {
            "${OrganizationsTable.Arn}",
            "${IdempotencyTable.Arn}",
            "${FeedbackTable.Arn}",
            "${NotificationsTable.Arn}",
            "${ConsultationsTable.Arn}",
            "${ExchangeTable.Arn}",
            "${BarometerTable.Arn}",
        },
        "s3:ListBucket": {
            "${FeedbackExportsBucket.Arn}",
            "${NotificationsUploads.Arn}",
            "${ConsultationsExportsBucket.Arn}",
            "${ExchangeLogBucket.Arn}",
            "${ExchangePayloadBucket.Arn}",
            "${BarometerSiteBucket.Arn}",
        },
        "sns:GetTopicAttributes": topics,
        "events:DescribeEventBus": {"${EventBus.Arn}"},
        "kms:DescribeKey": {"${PlatformKey.Arn}", *(f"${{Exchange{key}Key.Arn}}" for key in EXCHANGE_KEYS)},
        "secretsmanager:DescribeSecret": {"${Pepper}"},
    }


def test_authorizer_reads_keys_and_pepper_and_writes_only_token_sightings(template: dict[str, Any]) -> None:
    granted = grants(template, "Authorizer")
    assert "${OrganizationsTable.Arn}" in granted["dynamodb:GetItem"]
    assert "${OrganizationsTable.Arn}" in granted["dynamodb:Query"]
    assert granted["secretsmanager:GetSecretValue"] == {"${Pepper}"}
    # UpdateItem records a Notify JWT's first sighting (replay refusal); nothing else is written.
    assert granted["dynamodb:UpdateItem"] == {"${OrganizationsTable.Arn}"}
    writes = {"dynamodb:PutItem", "dynamodb:DeleteItem", "dynamodb:BatchWriteItem"}
    assert not writes & set(granted)
    assert not any(action.startswith(("sns:", "events:")) for action in granted)


def test_organizations_api_grants(template: dict[str, Any]) -> None:
    granted = grants(template, "OrganizationsApi")
    for table in ("${OrganizationsTable.Arn}", "${IdempotencyTable.Arn}"):
        for action in ("dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem"):
            assert table in granted[action], (action, table)
    assert granted["secretsmanager:GetSecretValue"] == {"${Pepper}"}
    assert granted["events:PutEvents"] == {"${EventBus.Arn}"}
    topics = {f"${{{family.capitalize()}Topic}}" for family in EVENT_FAMILIES}
    sns = {action: arns for action, arns in granted.items() if action.startswith("sns:")}
    assert sns == {
        action: topics
        for action in (
            "sns:Subscribe",
            "sns:Unsubscribe",
            "sns:GetSubscriptionAttributes",
            "sns:SetSubscriptionAttributes",
        )
    }


def test_links_in_what_is_sent_lead_to_the_deployed_api(template: dict[str, Any]) -> None:
    """The unsubscribe link of every email and the URLs of Notify's API v2 are built on
    PUBLIC_BASE_URL: the API's own URL (before, deployed emails linked to 127.0.0.1:3000)."""
    api_url = render(template["Outputs"]["ApiUrl"]["Value"])
    assert "execute-api" in api_url
    for function in ("EmailSender", "SmsSender", "NotificationsApi", "NotificationsScheduler"):
        assert render(environment(template, function)["PUBLIC_BASE_URL"]) == api_url, function


def test_a_custom_domain_given_as_context_is_the_base_of_the_links() -> None:
    from types import SimpleNamespace

    from aws_cdk import App, Stack

    from numeriqc_infra.notifications import public_base_url

    api: Any = SimpleNamespace(url="https://abc.execute-api.ca-central-1.amazonaws.com/")
    given = Stack(App(context={"public_base_url": "https://api.numeriqc.quebec"}), "Given")
    assert public_base_url(given, api) == "https://api.numeriqc.quebec"
    assert public_base_url(Stack(App(), "Default"), api) == api.url
