"""Creating the template's resources in moto, through the ordinary AWS APIs.

moto's CloudFormation is not used: it knows neither our wiring tricks nor every property, and a
failed stack would hide which resource broke. Each type is created by a small function in
dependency order (keys, then stores, then queues before the queues whose redrive policy names
them, topics before subscriptions, buses before rules). Creation is idempotent.

Two moto gaps are bridged with hidden "shim" SQS queues (names start with SHIM_PREFIX):
every event-pattern rule gets one shim target (moto's EventBridge only delivers to SQS), and every
SNS -> Lambda subscription becomes an SNS -> shim-queue subscription; the runtime polls the shims
and delivers to the real targets itself. Lambda functions are never registered in moto.
"""

from __future__ import annotations

import json
import logging
import secrets
import string
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from ..account import REGION, Clients
from ..template import naming
from ..template.wiring import QueueDef, RuleDef, SimpleDef, SubscriptionDef, Wiring
from . import moto_costs, moto_kms_keys, moto_transactions, stream_fidelity

log = logging.getLogger("numeriqc_local")

SHIM_PREFIX = "numeriqc-local-shim-"
_EXISTS = frozenset(
    {
        "ResourceInUseException",
        "ResourceAlreadyExistsException",
        "ResourceExistsException",
        "BucketAlreadyOwnedByYou",
        "AlreadyExistsException",
        "AlreadyExists",
        "ConflictException",
        "ParameterAlreadyExists",
    }
)


@dataclass(frozen=True)
class Shim:
    """A hidden queue standing in for a target moto cannot deliver to."""

    kind: str  # "rule" or "sns"
    owner: str  # the rule's or the subscription's logical id
    queue_url: str
    queue_arn: str
    function: str | None = None
    subscription_arn: str | None = None


@dataclass
class Created:
    """What creation learned that the template alone does not say."""

    shims: list[Shim] = field(default_factory=list)
    queue_urls: dict[str, str] = field(default_factory=dict)
    skipped: list[str] = field(default_factory=list)


def shim_name(kind: str, owner: str, fifo: bool = False) -> str:
    return f"{SHIM_PREFIX}{kind}-{naming.digest(owner, 12)}" + (".fifo" if fifo else "")


def create_resources(wiring: Wiring, clients: Clients) -> Created:
    moto_transactions.install()  # journaled transactions (refuses an unpinned moto), then
    moto_costs.install()
    moto_kms_keys.install()  # before the keys: no unused RSA key per symmetric key
    stream_fidelity.install()  # before any table exists: streams as DynamoDB streams them
    created = Created()
    steps: list[Callable[[], None]] = [
        lambda: _keys(wiring, clients),
        lambda: _others(wiring, clients),
        lambda: _tables(wiring, clients),
        lambda: _queues(wiring, clients, created),
        lambda: _topics(wiring, clients, created),
        lambda: _buses(wiring, clients),
        lambda: _rules(wiring, clients, created),
    ]
    for step in steps:
        step()
    return created


def _ignore_exists(call: Callable[..., Any], **kwargs: Any) -> Any:
    from botocore.exceptions import ClientError

    try:
        return call(**kwargs)
    except ClientError as error:
        if error.response.get("Error", {}).get("Code") in _EXISTS:
            return None
        raise


def _keys(wiring: Wiring, clients: Clients) -> None:
    kms = clients("kms")
    for key in (item for item in wiring.others.values() if item.type == "AWS::KMS::Key"):
        try:
            kms.describe_key(KeyId=key.name)
            continue
        except kms.exceptions.NotFoundException:
            pass
        props = key.properties
        args = {
            "Description": str(props.get("Description", "")),
            "KeyUsage": str(props.get("KeyUsage", "ENCRYPT_DECRYPT")),
        }
        if props.get("KeySpec"):
            args["KeySpec"] = str(props["KeySpec"])
        with _deterministic_key_id(key.name):
            answer = kms.create_key(**args)
        actual = answer["KeyMetadata"]["KeyId"]
        if actual != key.name:
            log.warning("moto ignored the local key id of %s (%s != %s)", key.logical_id, actual, key.name)
    for alias in (item for item in wiring.others.values() if item.type == "AWS::KMS::Alias"):
        _ignore_exists(
            kms.create_alias, AliasName=alias.name, TargetKeyId=str(alias.properties["TargetKeyId"])
        )


class _deterministic_key_id:
    """moto draws key ids at random; for one create_key call, make it draw the template's id.

    Patching is possible because moto always runs in this process (mock or threaded server).
    """

    def __init__(self, key_id: str) -> None:
        self.key_id = key_id
        self.saved: Any = None

    def __enter__(self) -> None:
        import moto.kms.models as kms_models

        self.saved = getattr(kms_models, "generate_key_id", None)
        if self.saved is not None:
            kms_models.generate_key_id = lambda multi_region=False: self.key_id  # type: ignore[attr-defined]

    def __exit__(self, *_: object) -> None:
        import moto.kms.models as kms_models

        if self.saved is not None:
            kms_models.generate_key_id = self.saved  # type: ignore[attr-defined]


def _others(wiring: Wiring, clients: Clients) -> None:
    creators: dict[str, Callable[[SimpleDef, Clients], None]] = {
        "AWS::S3::Bucket": _bucket,
        "AWS::SecretsManager::Secret": _secret,
        "AWS::SSM::Parameter": _parameter,
        "AWS::SES::EmailIdentity": lambda item, c: _ignore_exists(
            c("sesv2").create_email_identity, EmailIdentity=item.name
        ),
        "AWS::SES::ConfigurationSet": lambda item, c: _ignore_exists(
            c("sesv2").create_configuration_set, ConfigurationSetName=item.name
        ),
        "AWS::Scheduler::ScheduleGroup": lambda item, c: _ignore_exists(
            c("scheduler").create_schedule_group, Name=item.name
        ),
    }
    for item in wiring.others.values():
        if item.type in creators:
            creators[item.type](item, clients)
    for item in wiring.others.values():  # after their groups
        if item.type == "AWS::Scheduler::Schedule":
            _schedule(item, clients)


def _bucket(item: SimpleDef, clients: Clients) -> None:
    s3 = clients("s3")
    lock = naming.truthy(item.properties.get("ObjectLockEnabled"))
    _ignore_exists(
        s3.create_bucket,
        Bucket=item.name,
        CreateBucketConfiguration={"LocationConstraint": REGION},
        **({"ObjectLockEnabledForBucket": True} if lock else {}),
    )
    if lock and item.properties.get("ObjectLockConfiguration"):
        s3.put_object_lock_configuration(
            Bucket=item.name, ObjectLockConfiguration=item.properties["ObjectLockConfiguration"]
        )
    status = (item.properties.get("VersioningConfiguration") or {}).get("Status")
    if status:
        s3.put_bucket_versioning(Bucket=item.name, VersioningConfiguration={"Status": status})
    rules = (item.properties.get("CorsConfiguration") or {}).get("CorsRules")
    if rules:
        s3.put_bucket_cors(
            Bucket=item.name, CORSConfiguration={"CORSRules": [_cors_rule(rule) for rule in rules]}
        )
    if item.properties.get("NotificationConfiguration"):
        log.warning("bucket %s: S3 notifications are not emulated locally", item.logical_id)


def _cors_rule(rule: Mapping[str, Any]) -> dict[str, Any]:
    renames = {"ExposedHeaders": "ExposeHeaders", "MaxAge": "MaxAgeSeconds", "Id": "ID"}
    return {renames.get(key, key): value for key, value in rule.items()}


def _secret(item: SimpleDef, clients: Clients) -> None:
    props = item.properties
    value = props.get("SecretString")
    if value is None:
        value = generate_secret_string(props.get("GenerateSecretString") or {})
    _ignore_exists(
        clients("secretsmanager").create_secret,
        Name=item.name,
        SecretString=str(value),
        Description=str(props.get("Description", "")),
    )


def generate_secret_string(spec: Mapping[str, Any]) -> str:
    """A random value following GenerateSecretString (a JSON document when a template is given)."""
    alphabet = ""
    if not naming.truthy(spec.get("ExcludeLowercase")):
        alphabet += string.ascii_lowercase
    if not naming.truthy(spec.get("ExcludeUppercase")):
        alphabet += string.ascii_uppercase
    if not naming.truthy(spec.get("ExcludeNumbers")):
        alphabet += string.digits
    if not naming.truthy(spec.get("ExcludePunctuation")):
        alphabet += "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~"
    if naming.truthy(spec.get("IncludeSpace")):
        alphabet += " "
    excluded = str(spec.get("ExcludeCharacters") or "")
    alphabet = "".join(char for char in alphabet if char not in excluded) or string.ascii_letters
    length = int(spec.get("PasswordLength") or 32)
    password = "".join(secrets.choice(alphabet) for _ in range(length))
    template = spec.get("SecretStringTemplate")
    if template:
        document = json.loads(str(template))
        document[str(spec.get("GenerateStringKey") or "password")] = password
        return json.dumps(document)
    return password


def _schedule(item: SimpleDef, clients: Clients) -> None:
    """A template schedule; the runtime's Scheduler poller fires it like one a function created."""
    props = item.properties
    args: dict[str, Any] = {
        "Name": item.name,
        "ScheduleExpression": str(props["ScheduleExpression"]),
        "FlexibleTimeWindow": props.get("FlexibleTimeWindow") or {"Mode": "OFF"},
        "Target": props["Target"],
        "State": str(props.get("State", "ENABLED")),
    }
    for key in ("GroupName", "ScheduleExpressionTimezone", "Description", "StartDate", "EndDate"):
        if props.get(key):
            args[key] = props[key]
    _ignore_exists(clients("scheduler").create_schedule, **args)


def _parameter(item: SimpleDef, clients: Clients) -> None:
    props = item.properties
    clients("ssm").put_parameter(
        Name=item.name,
        Value=str(props.get("Value", "")),
        Type=str(props.get("Type", "String")),
        Overwrite=True,
    )


def _tables(wiring: Wiring, clients: Clients) -> None:
    dynamodb = clients("dynamodb")
    for table in wiring.tables.values():
        _ignore_exists(dynamodb.create_table, **dict(table.create_args))
        if table.ttl_attribute:
            dynamodb.update_time_to_live(
                TableName=table.name,
                TimeToLiveSpecification={"Enabled": True, "AttributeName": table.ttl_attribute},
            )


def _queue_order(queues: list[QueueDef]) -> list[QueueDef]:
    """Dead-letter queues before the queues that name them (SQS checks the target exists)."""
    by_arn = {queue.arn: queue for queue in queues}
    ordered: list[QueueDef] = []
    seen: set[str] = set()

    def visit(queue: QueueDef, depth: int = 0) -> None:
        if queue.arn in seen or depth > len(queues):
            return
        target = by_arn.get(queue.dead_letter_arn or "")
        if target is not None:
            visit(target, depth + 1)
        seen.add(queue.arn)
        ordered.append(queue)

    for queue in queues:
        visit(queue)
    return ordered


def _queues(wiring: Wiring, clients: Clients, created: Created) -> None:
    sqs = clients("sqs")
    for queue in _queue_order(list(wiring.queues.values())):
        answer = sqs.create_queue(QueueName=queue.name, Attributes=dict(queue.attributes))
        created.queue_urls[queue.logical_id] = answer["QueueUrl"]


def _shim_queue(clients: Clients, name: str) -> tuple[str, str]:
    sqs = clients("sqs")
    attributes = {"FifoQueue": "true", "ContentBasedDeduplication": "true"} if name.endswith(".fifo") else {}
    url = sqs.create_queue(QueueName=name, Attributes=attributes)["QueueUrl"]
    return url, naming.arn("sqs", name)


def _topics(wiring: Wiring, clients: Clients, created: Created) -> None:
    sns = clients("sns")
    for topic in wiring.topics.values():
        sns.create_topic(Name=topic.name, Attributes=dict(topic.attributes))
    for subscription in wiring.subscriptions.values():
        _subscribe(wiring, clients, created, subscription)


def _subscribe(wiring: Wiring, clients: Clients, created: Created, subscription: SubscriptionDef) -> None:
    sns = clients("sns")
    protocol = subscription.protocol.lower()
    if protocol == "lambda":
        fifo = subscription.topic_arn.endswith(".fifo")
        url, arn = _shim_queue(clients, shim_name("sns", subscription.logical_id, fifo))
        attributes = {
            key: value for key, value in subscription.attributes.items() if key != "RawMessageDelivery"
        }
        answer = sns.subscribe(
            TopicArn=subscription.topic_arn,
            Protocol="sqs",
            Endpoint=arn,
            Attributes=attributes,
            ReturnSubscriptionArn=True,
        )
        function = wiring.function(subscription.endpoint).logical_id
        created.shims.append(
            Shim("sns", subscription.logical_id, url, arn, function, answer["SubscriptionArn"])
        )
    elif protocol in ("sqs", "email", "email-json", "sms"):
        sns.subscribe(
            TopicArn=subscription.topic_arn,
            Protocol=protocol,
            Endpoint=subscription.endpoint,
            Attributes=dict(subscription.attributes),
            ReturnSubscriptionArn=True,
        )
    else:
        created.skipped.append(subscription.logical_id)
        log.warning("subscription %s (%s) is not emulated locally", subscription.logical_id, protocol)


def _buses(wiring: Wiring, clients: Clients) -> None:
    events = clients("events")
    for bus in (item for item in wiring.others.values() if item.type == "AWS::Events::EventBus"):
        if bus.name != "default":
            _ignore_exists(events.create_event_bus, Name=bus.name)


def _rules(wiring: Wiring, clients: Clients, created: Created) -> None:
    events = clients("events")
    for rule in wiring.rules.values():
        state = "ENABLED" if rule.enabled else "DISABLED"
        if rule.pattern is not None:
            events.put_rule(
                Name=rule.name, EventBusName=rule.bus, EventPattern=json.dumps(rule.pattern), State=state
            )
            url, arn = _shim_queue(clients, shim_name("rule", rule.logical_id))
            events.put_targets(
                Rule=rule.name, EventBusName=rule.bus, Targets=[{"Id": "numeriqc-local-shim", "Arn": arn}]
            )
            created.shims.append(Shim("rule", rule.logical_id, url, arn))
        elif rule.schedule is not None:
            events.put_rule(
                Name=rule.name, EventBusName=rule.bus, ScheduleExpression=rule.schedule, State=state
            )


def is_shim(name_or_url: str) -> bool:
    return name_or_url.rstrip("/").split("/")[-1].startswith(SHIM_PREFIX)


def pattern_rules(wiring: Wiring) -> list[RuleDef]:
    return [rule for rule in wiring.rules.values() if rule.pattern is not None]
