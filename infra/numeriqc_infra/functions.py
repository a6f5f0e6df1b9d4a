"""`PlatformFunction`: the one place that decides what every numeriQc Lambda function looks like.

Runtime, architecture, code asset, dependency layer, JSON logs in an encrypted log group with a
retention, tracing (Lambda's active tracing; OpenTelemetry with the `tracing=otel` context),
timeouts, Powertools settings, the errors alarm, and the SQS consumer wiring
(queue, receive count, partial batch failures) are decided here and nowhere else, so a service only
says what is specific to it: its handler, its environment, its grants. The dead-letter queues
themselves are the platform's (`Platform.dead_letter_queue`): this module uses the platform, the
platform never imports this module.
"""

from pathlib import Path
from typing import Any, cast

from aws_cdk import Duration, Stack
from aws_cdk import aws_dynamodb as dynamodb
from aws_cdk import aws_iam as iam
from aws_cdk import aws_lambda as lambda_
from aws_cdk import aws_lambda_event_sources as sources
from aws_cdk import aws_logs as logs
from aws_cdk import aws_sqs as sqs
from constructs import Construct

from numeriqc_infra.nag import acknowledge
from numeriqc_infra.naming import fix_logical_id
from numeriqc_infra.platform import Platform

ROOT = Path(__file__).resolve().parents[2]
FUNCTIONS_DIR = ROOT / "functions"
LAYER_DIR = ROOT / "layers" / "build"

RUNTIME = lambda_.Runtime.PYTHON_3_12
ARCHITECTURE = lambda_.Architecture.ARM_64
DEFAULT_TIMEOUT = Duration.seconds(10)
DEFAULT_MEMORY_MB = 512  # Lambda CPU scales with memory: pydantic + Powertools cold starts need it
LOG_RETENTION = logs.RetentionDays.THREE_MONTHS
METRICS_NAMESPACE = "numeriqc"
# Files that change without the code changing: they would make the asset hash, so deploys, unstable.
ASSET_EXCLUDE = ["**/__pycache__", "**/*.pyc", ".built-*"]

# `-c tracing=otel`: the AWS Distro for OpenTelemetry's Python layer (its public ARN for the stack's
# region and the functions' architecture, which CDK maps) and its wrapper, which instruments the
# handler and botocore from outside the code. Without it, Lambda's active tracing alone records the
# function's segments: no X-Ray SDK is imported at cold start (docs/decisions/0002-cold-start.md).
TRACING_CONTEXT = "tracing"
ADOT_PYTHON_LAYER = lambda_.AdotLambdaLayerPythonSdkVersion.LATEST


def adot_instrumentation(scope: Construct) -> lambda_.AdotInstrumentationConfig | None:
    """The OpenTelemetry layer and wrapper when the app's context asks for them, else None."""
    tracing = str(scope.node.try_get_context(TRACING_CONTEXT) or "xray")
    if tracing not in ("xray", "otel"):
        raise ValueError(f"context {TRACING_CONTEXT}={tracing!r}: expected 'xray' (default) or 'otel'")
    if tracing == "xray":
        return None
    return lambda_.AdotInstrumentationConfig(
        layer_version=lambda_.AdotLayerVersion.from_python_sdk_layer_version(ADOT_PYTHON_LAYER),
        exec_wrapper=lambda_.AdotLambdaExecWrapper.INSTRUMENT_HANDLER,
    )


# A function gets another try at a message this many times before it goes to the dead-letter queue.
MAX_RECEIVE_COUNT = 5
# A stream batch is retried (bisected) this many times before it goes to its on-failure queue.
MAX_STREAM_RETRIES = 10


def dependency_layer(scope: Construct) -> lambda_.ILayerVersion:
    """The stack's single layer of runtime dependencies, built by `make layer`."""
    stack = Stack.of(scope)
    existing = stack.node.try_find_child("DependencyLayer")
    if existing is not None:
        return existing  # type: ignore[return-value]
    if not (LAYER_DIR / "python").is_dir():
        raise FileNotFoundError(f"{LAYER_DIR}/python is missing: run `make layer` before synthesizing")
    layer = lambda_.LayerVersion(
        stack,
        "DependencyLayer",
        code=lambda_.Code.from_asset(str(LAYER_DIR), exclude=ASSET_EXCLUDE),
        compatible_runtimes=[RUNTIME],
        compatible_architectures=[ARCHITECTURE],
        description="numeriQc runtime dependencies (pyproject [project.dependencies])",
    )
    fix_logical_id(layer, "DependencyLayer")
    return layer


class PlatformFunction(lambda_.Function):
    """A Lambda function with the platform's defaults; its logical id is its construct id.

    `handler` is `numeriqc.<service>.<module>.handler`: the local runtime imports exactly that
    string, and `<service>` becomes the Powertools service name.
    """

    def __init__(
        self,
        scope: Construct,
        id: str,
        *,
        platform: Platform,
        handler: str,
        environment: dict[str, str] | None = None,
        timeout: Duration = DEFAULT_TIMEOUT,
        memory_size: int = DEFAULT_MEMORY_MB,
        description: str | None = None,
    ) -> None:
        service = handler.split(".")[1]
        # The role and log group are siblings (a construct has no children before it exists):
        # an explicit role carries no AWS managed policy, only what grants add to it.
        role = iam.Role(scope, f"{id}Role", assumed_by=iam.ServicePrincipal("lambda.amazonaws.com"))
        log_group = logs.LogGroup(scope, f"{id}Logs", retention=LOG_RETENTION, encryption_key=platform.key)
        super().__init__(
            scope,
            id,
            runtime=RUNTIME,
            architecture=ARCHITECTURE,
            code=lambda_.Code.from_asset(str(FUNCTIONS_DIR), exclude=ASSET_EXCLUDE),
            handler=handler,
            layers=[dependency_layer(scope)],
            role=role,
            log_group=log_group,
            logging_format=lambda_.LoggingFormat.JSON,
            tracing=lambda_.Tracing.ACTIVE,
            adot_instrumentation=adot_instrumentation(scope),
            timeout=timeout,
            memory_size=memory_size,
            description=description,
            environment={
                "POWERTOOLS_SERVICE_NAME": service,
                "POWERTOOLS_METRICS_NAMESPACE": METRICS_NAMESPACE,
                "POWERTOOLS_LOG_LEVEL": platform.log_level,
                **(environment or {}),
            },
        )
        fix_logical_id(self, id)
        log_group.grant_write(role)
        self.platform = platform
        self.handler_name = handler
        self.function_timeout = timeout
        platform.monitoring.watch_function(self, id)
        acknowledge(
            self,
            "AwsSolutions-L1",
            "Python 3.12 is the platform's pinned runtime: the dependency layer is built for it "
            "(layers/build_layer.py), so moving runtime is one deliberate change of both.",
        )
        acknowledge(
            role,
            "AwsSolutions-IAM5[Resource::*]",
            "X-Ray PutTraceSegments / PutTelemetryRecords (active tracing), and dynamodb:ListStreams for "
            "stream consumers, have no resource-level permissions; tests/infra checks that no other "
            "action is granted on `*`.",
        )

    def acknowledge_key_grant_wildcards(self) -> None:
        """Call after granting access to data encrypted with the platform key (tables, queues)."""
        for action in ("kms:GenerateDataKey*", "kms:ReEncrypt*"):
            acknowledge(
                self.role or self,
                f"AwsSolutions-IAM5[Action::{action}]",
                "Added by CDK's grant on data encrypted with the platform key: a family of KMS data-key "
                "actions, on the platform key's ARN only (tests/infra checks the resource).",
            )

    def consume_queue(
        self,
        id: str,
        *,
        batch_size: int = 10,
        max_batching_window: Duration | None = None,
        max_receive_count: int = MAX_RECEIVE_COUNT,
    ) -> sqs.Queue:
        """A queue this function consumes, with a dead-letter queue and an alarm on it.

        The function reports partial batch failures (`BatchProcessor`), so only the failed
        messages come back; after `max_receive_count` receives a message moves to the dead-letter
        queue, whose first message alarms. Logical ids: `<id>` and `<id>DeadLetters`.
        """
        scope = cast(Construct, self.node.scope)  # a function always has a parent
        key = self.platform.key
        dead_letters = self.platform.dead_letter_queue(
            scope, f"{id}DeadLetters", watched_as=f"{id} (consumed by {self.node.id})"
        )
        queue = sqs.Queue(
            scope,
            id,
            encryption=sqs.QueueEncryption.KMS,
            encryption_master_key=key,
            enforce_ssl=True,
            # AWS's advice for Lambda consumers: six times the function timeout, so a message is
            # not handed to a second invocation while the first one is still retrying it.
            visibility_timeout=Duration.seconds(6 * self.function_timeout.to_seconds()),
            dead_letter_queue=sqs.DeadLetterQueue(queue=dead_letters, max_receive_count=max_receive_count),
        )
        fix_logical_id(queue, id)
        self.add_event_source(
            sources.SqsEventSource(
                queue,
                batch_size=batch_size,
                max_batching_window=max_batching_window,
                report_batch_item_failures=True,
            )
        )
        return queue

    def consume_stream(
        self,
        id: str,
        table: dynamodb.ITable,
        *,
        starting_position: lambda_.StartingPosition = lambda_.StartingPosition.TRIM_HORIZON,
        batch_size: int = 100,
        max_batching_window: Duration | None = None,
        retry_attempts: int = MAX_STREAM_RETRIES,
        filters: list[dict[str, Any]] | None = None,
    ) -> sqs.Queue:
        """A DynamoDB stream this function consumes, with an on-failure queue and an alarm on it.

        Partial batch failures are reported (`BatchProcessor`), a failing batch is bisected to
        isolate the bad record, and after `retry_attempts` the failed records' stream coordinates
        go to the on-failure queue (encrypted with the platform key), whose first message alarms:
        stream records expire after 24 hours, so waiting forever would lose them. `filters` are
        Lambda filter criteria patterns (`{"eventName": ["INSERT"]}`), applied before invoking.
        Logical id of the queue: `<id>Failures`. CDK grants `dynamodb:ListStreams` on `*` (it has
        no resource-level permission), covered by the role's `Resource::*` acknowledgment.
        """
        scope = cast(Construct, self.node.scope)
        failures = self.platform.dead_letter_queue(
            scope,
            f"{id}Failures",
            watched_as=f"{id} (stream records {self.node.id} gave up on)",
            destination_of=f"the stream consumer {self.node.id}",
        )
        self.add_event_source(
            sources.DynamoEventSource(
                table,
                starting_position=starting_position,
                batch_size=batch_size,
                max_batching_window=max_batching_window,
                bisect_batch_on_error=True,
                report_batch_item_failures=True,
                retry_attempts=retry_attempts,
                on_failure=sources.SqsDlq(failures),
                filters=[lambda_.FilterCriteria.filter(pattern) for pattern in filters or []],
            )
        )
        return failures
