"""The exchange service in the real template: its keys, the Object Lock log bucket, and roles that
reach the consumers' run-time queues only under the exchange's own prefix, with only their actions."""

from typing import Any

from infra_cfn import as_list, identity_statements, props, ref_target, render

FUNCTIONS = {
    "ExchangeApi": "numeriqc.exchange.handlers.api.handler",
    "ExchangeDelivery": "numeriqc.exchange.handlers.log_stream.handler",
    "ExchangeSigner": "numeriqc.exchange.handlers.every_minute.handler",
    "ExchangeWorker": "numeriqc.exchange.handlers.work_queue.handler",
}
TIER_KEYS = ("ExchangePublicKey", "ExchangeInternalKey", "ExchangeConfidentialKey", "ExchangeRestrictedKey")


def _policies_of(template: dict[str, Any], function: str) -> list[dict[str, Any]]:
    role = ref_target(props(template, function)["Role"])
    return [
        statement
        for lid, statement in identity_statements(template)
        if any(ref_target(item) == role for item in props(template, lid).get("Roles", []))
    ]


def _resources(statement: dict[str, Any]) -> list[str]:
    return [render(r) for r in as_list(statement["Resource"]) if _renderable(r)]


def _actions(statements: list[dict[str, Any]], prefix: str) -> set[str]:
    return {action for s in statements for action in as_list(s["Action"]) if action.startswith(prefix)}


def test_each_function_has_its_handler(template: dict[str, Any]) -> None:
    for function, handler in FUNCTIONS.items():
        assert props(template, function)["Handler"] == handler


def test_one_rotating_key_per_tier_and_an_asymmetric_signing_key(template: dict[str, Any]) -> None:
    for key in TIER_KEYS:
        assert props(template, key)["EnableKeyRotation"] is True
        assert template["Resources"][key]["DeletionPolicy"] == "Retain"
    signing = props(template, "ExchangeSigningKey")
    assert signing["KeySpec"] == "ECC_NIST_P256"
    assert signing["KeyUsage"] == "SIGN_VERIFY"


def test_the_log_bucket_keeps_batches_under_governance_object_lock(template: dict[str, Any]) -> None:
    bucket = props(template, "ExchangeLogBucket")
    assert bucket["ObjectLockEnabled"] is True
    assert bucket["ObjectLockConfiguration"]["Rule"]["DefaultRetention"] == {
        "Mode": "GOVERNANCE",
        "Days": 365,
    }
    assert bucket["VersioningConfiguration"]["Status"] == "Enabled"
    assert template["Resources"]["ExchangeLogBucket"]["DeletionPolicy"] == "Retain"


def test_roles_reach_consumer_queues_only_under_the_prefix_with_their_own_actions(
    template: dict[str, Any],
) -> None:
    expected = {
        "ExchangeApi": {
            "sqs:CreateQueue",
            "sqs:DeleteQueue",
            "sqs:GetQueueAttributes",
            "sqs:SetQueueAttributes",
            "sqs:ReceiveMessage",
            "sqs:DeleteMessage",
            "sqs:ChangeMessageVisibility",
        },
        "ExchangeDelivery": {"sqs:SendMessage"},
        "ExchangeWorker": {"sqs:SendMessage"},  # a push that failed every attempt goes to pull
    }
    for function, actions in expected.items():
        statements = _policies_of(template, function)
        runtime_queues = [s for s in statements if any(r.endswith(":nqc-dev-xchg-*") for r in _resources(s))]
        assert runtime_queues, function
        assert {a for s in runtime_queues for a in as_list(s["Action"])} == actions
    signer = _policies_of(template, "ExchangeSigner")
    assert not [r for s in signer for r in _resources(s) if "xchg" in r]


def _renderable(value: Any) -> bool:
    try:
        render(value)
    except ValueError:
        return False
    return True


def test_only_the_signer_signs(template: dict[str, Any]) -> None:
    assert "kms:Sign" in _actions(_policies_of(template, "ExchangeSigner"), "kms:")
    assert "kms:Sign" not in _actions(_policies_of(template, "ExchangeApi"), "kms:")
    assert "kms:Sign" not in _actions(_policies_of(template, "ExchangeDelivery"), "kms:")
    assert "kms:GetPublicKey" in _actions(_policies_of(template, "ExchangeApi"), "kms:")


def test_the_deployed_stack_never_allows_plain_http_push(template: dict[str, Any]) -> None:
    functions = [lid for lid, r in template["Resources"].items() if r["Type"] == "AWS::Lambda::Function"]
    assert functions
    for function in functions:
        variables = props(template, function).get("Environment", {}).get("Variables", {})
        assert "EXCHANGE_PUSH_LOOPBACK_HTTP" not in variables, function


def test_the_worker_queue_outlasts_every_push_attempt(template: dict[str, Any]) -> None:
    from numeriqc.exchange import push_retries

    queue = props(template, "ExchangeWorkQueue")
    assert queue["RedrivePolicy"]["maxReceiveCount"] > push_retries.MAX_ATTEMPTS
    assert queue["VisibilityTimeout"] >= 900  # the worker's 15 minutes, so a file is not read twice at once
    worker = props(template, "ExchangeWorker")
    assert worker["Environment"]["Variables"]["PEPPER_SECRET_ARN"] == {"Ref": "Pepper"}
    for function in ("ExchangeApi", "ExchangeDelivery", "ExchangeWorker"):
        assert "WORK_QUEUE_URL" in props(template, function)["Environment"]["Variables"], function
