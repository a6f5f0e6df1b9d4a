"""What every service shares: the platform key, event bus and topics, pepper, idempotency table.

It also decides what a service table is (`service_table`) and keeps the list of dependencies the
platform health check probes (`health_checks`), so that a resource added here or by a service is
checked without anyone writing a second list.
"""

from dataclasses import dataclass

from aws_cdk import Aws, Duration, RemovalPolicy, Stack
from aws_cdk import aws_dynamodb as dynamodb
from aws_cdk import aws_events as events
from aws_cdk import aws_events_targets as targets
from aws_cdk import aws_iam as iam
from aws_cdk import aws_kms as kms
from aws_cdk import aws_secretsmanager as secretsmanager
from aws_cdk import aws_sns as sns
from aws_cdk import aws_sqs as sqs
from constructs import Construct

from numeriqc.core.events import EVENT_FAMILIES
from numeriqc_infra.monitoring import Monitoring
from numeriqc_infra.nag import acknowledge
from numeriqc_infra.naming import fix_logical_id

# How long a failed message or event waits in a dead-letter queue for someone to look at it.
DEAD_LETTER_RETENTION = Duration.days(14)

# What the health check may call on each kind of dependency: describe, never read data.
HEALTH_ACTIONS = {
    "dynamodb": "dynamodb:DescribeTable",
    "sns": "sns:GetTopicAttributes",
    "events": "events:DescribeEventBus",
    "kms": "kms:DescribeKey",
    "secret": "secretsmanager:DescribeSecret",
    "sqs": "sqs:GetQueueAttributes",
    "s3": "s3:ListBucket",
}


@dataclass(frozen=True)
class HealthCheck:
    name: str
    kind: str  # a key of HEALTH_ACTIONS, as read by numeriqc.platform
    target: str  # table / bus / bucket name, topic / key / secret / queue ARN or URL
    resource_arn: str  # what the describe permission is granted on

    def as_json(self) -> dict[str, str]:
        return {"name": self.name, "kind": self.kind, "target": self.target}


def topic_id(family: str) -> str:
    return f"{family.capitalize()}Topic"


class Platform(Construct):
    def __init__(self, scope: Construct, id: str, *, stage: str, log_level: str = "INFO") -> None:
        super().__init__(scope, id)
        self.stage = stage
        self.log_level = log_level
        self.health_checks: list[HealthCheck] = []
        self._health_checks_frozen = False

        self.key = self._platform_key()
        self.monitoring = Monitoring(self, "Monitoring", key=self.key)

        # Named after the stage, so two stages can share an account.
        self.bus = events.EventBus(self, "EventBus", event_bus_name=f"numeriqc-{stage}")
        fix_logical_id(self.bus, "EventBus")
        self.topics = self._event_topics()

        self.pepper = secretsmanager.Secret(
            self,
            "Pepper",
            description="HMAC pepper for keyed hashes: API keys, contact details (numeriqc.core.pii)",
            encryption_key=self.key,
            generate_secret_string=secretsmanager.SecretStringGenerator(
                password_length=64, exclude_punctuation=True
            ),
            removal_policy=RemovalPolicy.RETAIN,
        )
        fix_logical_id(self.pepper, "Pepper")
        acknowledge(
            self.pepper,
            "AwsSolutions-SMG4",
            "Rotating the pepper would invalidate every stored keyed hash (API keys, contact details); "
            "versioned peppers, where a hash records the pepper version it was made with, are planned.",
        )

        # Powertools idempotency persistence: the key and TTL attribute names are Powertools' defaults.
        self.idempotency_table = self.service_table(
            self, "IdempotencyTable", partition_key="id", time_to_live="expiration"
        )

        self.add_health_check("event-bus", "events", self.bus.event_bus_name, self.bus.event_bus_arn)
        for family, topic in self.topics.items():
            self.add_health_check(f"{family}-topic", "sns", topic.topic_arn, topic.topic_arn)
        self.add_health_check("platform-key", "kms", self.key.key_arn, self.key.key_arn)
        self.add_health_check("pepper", "secret", self.pepper.secret_arn, self.pepper.secret_arn)

    def _platform_key(self) -> kms.Key:
        key = kms.Key(
            self,
            "Key",
            description="numeriQc platform key: tables, queues, topics, log groups, secrets",
            enable_key_rotation=True,
            removal_policy=RemovalPolicy.RETAIN,
        )
        fix_logical_id(key, "PlatformKey")
        # Services that write into our encrypted topics and queues on our behalf need the key too:
        # EventBridge (rules -> family topics, rule dead letters), SNS (topics -> encrypted queues),
        # CloudWatch (alarms -> alarm topic). EventBridge's KMS requests carry no source keys, so
        # only the other two can be pinned to this account. (CDK's SNS rule target adds the same
        # EventBridge statement; it has no Sid, so CDK merges the two into one.)
        key.add_to_resource_policy(
            iam.PolicyStatement(
                principals=[iam.ServicePrincipal("events.amazonaws.com")],
                actions=["kms:Decrypt", "kms:GenerateDataKey*"],
                resources=["*"],
            )
        )
        key.add_to_resource_policy(
            iam.PolicyStatement(
                sid="SnsAndCloudWatchDeliverFromThisAccount",
                principals=[
                    iam.ServicePrincipal("sns.amazonaws.com"),
                    iam.ServicePrincipal("cloudwatch.amazonaws.com"),
                ],
                actions=["kms:Decrypt", "kms:GenerateDataKey*"],
                resources=["*"],
                conditions={"StringEquals": {"aws:SourceAccount": Aws.ACCOUNT_ID}},
            )
        )
        # CloudWatch Logs encrypts log groups itself, only for log groups of this account and region.
        key.add_to_resource_policy(
            iam.PolicyStatement(
                sid="CloudWatchLogsEncryptsThisAccountsLogGroups",
                principals=[iam.ServicePrincipal(f"logs.{Aws.REGION}.amazonaws.com")],
                actions=[
                    "kms:Encrypt*",
                    "kms:Decrypt*",
                    "kms:ReEncrypt*",
                    "kms:GenerateDataKey*",
                    "kms:Describe*",
                ],
                resources=["*"],
                conditions={
                    "ArnLike": {
                        "kms:EncryptionContext:aws:logs:arn": (
                            f"arn:{Aws.PARTITION}:logs:{Aws.REGION}:{Aws.ACCOUNT_ID}:log-group:*"
                        )
                    }
                },
            )
        )
        return key

    def _event_topics(self) -> dict[str, sns.Topic]:
        """One topic per event family, fed by one rule on the bus, delivering the bare CloudEvent."""
        # If EventBridge cannot deliver (after its retries), the event waits here instead of being lost.
        undelivered = self.dead_letter_queue(
            self,
            "UndeliveredEvents",
            watched_as="events EventBridge could not deliver to a topic",
            destination_of="every event-family rule target",
        )
        topics: dict[str, sns.Topic] = {}
        for family in EVENT_FAMILIES:
            topic = sns.Topic(self, topic_id(family), master_key=self.key, enforce_ssl=True)
            fix_logical_id(topic, topic_id(family))
            rule = events.Rule(
                self,
                f"{family.capitalize()}Rule",
                event_bus=self.bus,
                description=f"numeriqc.{family} events to the {family} topic",
                event_pattern=events.EventPattern(source=[f"numeriqc.{family}"]),
            )
            fix_logical_id(rule, f"{family.capitalize()}Rule")
            # InputPath $.detail: subscribers receive the CloudEvent, not EventBridge's envelope.
            rule.add_target(
                targets.SnsTopic(
                    topic,
                    message=events.RuleTargetInput.from_event_path("$.detail"),
                    dead_letter_queue=undelivered,
                )
            )
            topics[family] = topic
        return topics

    def dead_letter_queue(
        self, scope: Construct, id: str, *, watched_as: str, destination_of: str | None = None
    ) -> sqs.Queue:
        """Where failed messages or events wait instead of being lost: encrypted, kept 14 days, and
        alarmed on its first message. `destination_of` names what sends to it when that is not an
        SQS redrive policy (cdk-nag then cannot see it is a dead-letter queue: SQS3 acknowledged)."""
        queue = sqs.Queue(
            scope,
            id,
            encryption=sqs.QueueEncryption.KMS,
            encryption_master_key=self.key,
            enforce_ssl=True,
            retention_period=DEAD_LETTER_RETENTION,
        )
        fix_logical_id(queue, id)
        if destination_of:
            acknowledge(
                queue,
                "AwsSolutions-SQS3",
                f"This queue is itself a dead-letter queue: the one of {destination_of}.",
            )
        self.monitoring.watch_dead_letters(queue, watched_as)
        return queue

    def service_table(
        self,
        scope: Construct,
        id: str,
        *,
        partition_key: str,
        sort_key: str | None = None,
        time_to_live: str,
        stream: dynamodb.StreamViewType | None = None,
    ) -> dynamodb.Table:
        """A service's table: on demand, PITR, the platform key, retained, health-checked.

        Keys are strings (single-table design); the logical id is `id`, and the health check is
        named after it (`OrganizationsTable` -> `organizations-table`). `stream` turns on the
        table's stream (for `PlatformFunction.consume_stream`).
        """
        table = dynamodb.Table(
            scope,
            id,
            partition_key=dynamodb.Attribute(name=partition_key, type=dynamodb.AttributeType.STRING),
            sort_key=(
                dynamodb.Attribute(name=sort_key, type=dynamodb.AttributeType.STRING) if sort_key else None
            ),
            billing_mode=dynamodb.BillingMode.PAY_PER_REQUEST,
            point_in_time_recovery_specification=dynamodb.PointInTimeRecoverySpecification(
                point_in_time_recovery_enabled=True
            ),
            encryption=dynamodb.TableEncryption.CUSTOMER_MANAGED,
            encryption_key=self.key,
            time_to_live_attribute=time_to_live,
            removal_policy=RemovalPolicy.RETAIN,
            stream=stream,
        )
        fix_logical_id(table, id)
        name = "-".join(_words(id))
        self.add_health_check(name, "dynamodb", table.table_name, table.table_arn)
        return table

    def add_health_check(self, name: str, kind: str, target: str, resource_arn: str) -> None:
        if self._health_checks_frozen:
            raise RuntimeError(f"health check {name!r} added after the health function was built")
        if kind not in HEALTH_ACTIONS:
            raise ValueError(f"unknown health check kind {kind!r}")
        self.health_checks.append(HealthCheck(name, kind, target, resource_arn))

    def health_check_environment(self, grantee: iam.IGrantable) -> str:
        """HEALTH_CHECKS for the health function, granting it exactly the describe calls it makes.

        After this, the list is closed: a check added later would be neither probed nor permitted.
        """
        self._health_checks_frozen = True
        for kind, action in HEALTH_ACTIONS.items():
            arns = [check.resource_arn for check in self.health_checks if check.kind == kind]
            if arns:
                iam.Grant.add_to_principal(grantee=grantee, actions=[action], resource_arns=arns)
        return Stack.of(self).to_json_string([check.as_json() for check in self.health_checks])


def _words(identifier: str) -> list[str]:
    """`OrganizationsTable` -> ["organizations", "table"]."""
    words: list[str] = []
    for char in identifier:
        if char.isupper() or not words:
            words.append(char.lower())
        else:
            words[-1] += char
    return words
