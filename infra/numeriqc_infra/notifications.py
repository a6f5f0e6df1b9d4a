"""The notification service: templates, sends (one-off and bulk), reminders, consent, receipts.

Pipeline (docs/notifications.md): API -> table + channel priority queues (one-off sends, planned in
the API) or the planning queue (bulk) -> planner -> channel bulk queues -> senders (SES v2 with a
configuration set, SNS SMS) -> SES events (SNS -> SQS) -> receipts; SNS SMS delivery-status logs
(CloudWatch Logs subscription filters) -> SMS receipts. Inbound SMS arrive on an SNS topic (two-way
SMS) and are handled by their own function. A rate(1 minute) rule queues what has come due and
closes the claims a crashed sender left behind. Every queue has a dead-letter queue and an alarm
(PlatformFunction.consume_queue); the asynchronously invoked SMS receipts function has an
on-failure queue and an alarm.
"""

from aws_cdk import Aws, CfnOutput, Duration, RemovalPolicy, Stack
from aws_cdk import aws_dynamodb as dynamodb
from aws_cdk import aws_events as events
from aws_cdk import aws_events_targets as targets
from aws_cdk import aws_iam as iam
from aws_cdk import aws_lambda_destinations as destinations
from aws_cdk import aws_logs as logs
from aws_cdk import aws_logs_destinations as log_destinations
from aws_cdk import aws_s3 as s3
from aws_cdk import aws_ses as ses
from aws_cdk import aws_sns as sns
from aws_cdk import aws_sqs as sqs
from constructs import Construct

from numeriqc_infra.api import Api
from numeriqc_infra.functions import PlatformFunction
from numeriqc_infra.nag import acknowledge
from numeriqc_infra.naming import fix_logical_id
from numeriqc_infra.platform import Platform

SENDING_DOMAIN = "numeriqc.quebec"
SENDER = f"notification@{SENDING_DOMAIN}"
SENDER_TIMEOUT = Duration.seconds(120)  # 100 recipients per message at the paced rate
# Sender invocations per channel at once: with SENDER_CONCURRENCY in the environment, each paces
# itself to rate / concurrency, so the account's SES and SMS rates are never exceeded.
SENDER_CONCURRENCY = 2
# SNS's own names for its SMS delivery-status log groups (successes, failures): fixed by SNS.
SMS_STATUS_LOG_GROUPS = {
    "SmsDeliveryStatusLogs": f"sns/{Aws.REGION}/{Aws.ACCOUNT_ID}/DirectPublishToPhoneNumber",
    "SmsDeliveryFailureLogs": f"sns/{Aws.REGION}/{Aws.ACCOUNT_ID}/DirectPublishToPhoneNumber/Failure",
}
# The lines hold phone numbers in clear: kept only as long as a one-off send's content.
SMS_STATUS_LOG_RETENTION = logs.RetentionDays.ONE_WEEK


def public_base_url(scope: Construct, api: Api) -> str:
    """Context `public_base_url` (a custom domain in front of the API), else the API's own URL.
    Before this was set, deployed emails linked to the settings' local default (127.0.0.1:3000)."""
    given = scope.node.try_get_context("public_base_url")
    return str(given) if given else api.url


class Notifications(Construct):
    """The service's table, bucket, queues and functions; one helper per function, built in the
    order the queues they write to require (senders first)."""

    def __init__(self, scope: Construct, id: str, *, platform: Platform, api: Api) -> None:
        super().__init__(scope, id)
        from numeriqc.notifications.handlers.api import app

        self.table = self._table(platform)
        self.bucket = self._uploads_bucket(platform)

        configuration_set, email_events = self._ses(platform)
        inbound_topic = sns.Topic(self, "InboundSmsTopic", master_key=platform.key, enforce_ssl=True)
        fix_logical_id(inbound_topic, "NotificationsInboundSmsTopic")

        base_env = {
            "NOTIFICATIONS_TABLE": self.table.table_name,
            "PLATFORM_KEY_ARN": platform.key.key_arn,
            "PEPPER_SECRET_ARN": platform.pepper.secret_arn,
            "EVENT_BUS_NAME": platform.bus.event_bus_name,
            # Where citizens follow the links in what we send (unsubscribe) and where Notify's
            # API v2 names its resources: the API, or the custom domain given as context.
            "PUBLIC_BASE_URL": public_base_url(self, api),
        }

        # Senders first: the queues they consume are what the others write to.
        self.email_sender = self._email_sender(platform, base_env, configuration_set)
        self.sms_sender = self._sender(platform, "SmsSender", "sms", base_env)
        self._sms_publish(self.sms_sender)
        email_priority, email_bulk = self.email_sender.lanes  # type: ignore[attr-defined]
        sms_priority, sms_bulk = self.sms_sender.lanes  # type: ignore[attr-defined]
        channel_queues = Stack.of(self).to_json_string(
            {
                "email": {"priority": email_priority.queue_url, "bulk": email_bulk.queue_url},
                "sms": {"priority": sms_priority.queue_url, "bulk": sms_bulk.queue_url},
            }
        )

        self.planner, plan_queue = self._planner(platform, base_env, channel_queues, (email_bulk, sms_bulk))
        lanes = (email_priority, sms_priority, plan_queue)
        self.api_function = self._api_function(platform, base_env, channel_queues, plan_queue, lanes)
        self.scheduler = self._scheduler(platform, base_env, channel_queues, plan_queue, lanes)
        self.inbound = self._inbound(platform, base_env, inbound_topic)
        self._answer_queues: dict[str, str] = {}
        self.platform_sms, self.platform_sms_queue = self._platform_sms(
            platform, base_env, channel_queues, sms_priority
        )
        self.receipts = self._receipts(platform, base_env, email_events)
        self.sms_receipts = self._sms_receipts(platform, base_env)
        self.callbacks = self._callbacks(platform, base_env)

        for function in (
            self.api_function,
            self.planner,
            self.scheduler,
            self.inbound,
            self.platform_sms,
            self.receipts,
            self.sms_receipts,
            self.callbacks,
        ):
            self._common_grants(platform, function)
        for function in (self.email_sender, self.sms_sender):
            self._common_grants(platform, function)
        api.add_service(self.api_function, app)

    def _table(self, platform: Platform) -> dynamodb.TableV2:
        """The service's single table and its two keys-only indexes (docs in adapters/table.py)."""
        table = platform.service_table(
            self, "NotificationsTable", partition_key="pk", sort_key="sk", time_to_live="expires_at"
        )
        # Erasure finds a citizen's items by keyed hash (keys only: no content in the index).
        table.add_global_secondary_index(
            index_name="by-recipient",
            partition_key=dynamodb.Attribute(name="rh", type=dynamodb.AttributeType.STRING),
            projection_type=dynamodb.ProjectionType.KEYS_ONLY,
        )
        # Sparse: only claims in flight carry `cs`/`ca`, so the sweeper reads what is stuck, no Scan.
        table.add_global_secondary_index(
            index_name="by-claim",
            partition_key=dynamodb.Attribute(name="cs", type=dynamodb.AttributeType.STRING),
            sort_key=dynamodb.Attribute(name="ca", type=dynamodb.AttributeType.STRING),
            projection_type=dynamodb.ProjectionType.KEYS_ONLY,
        )
        return table

    def _email_sender(
        self, platform: Platform, env: dict[str, str], configuration_set: ses.CfnConfigurationSet
    ) -> PlatformFunction:
        """The email sender: SES v2 through the sending identity and the configuration set only."""
        function = self._sender(platform, "EmailSender", "email", env)
        function.add_environment("EMAIL_SENDER", SENDER)
        function.add_environment("EMAIL_CONFIGURATION_SET", configuration_set.ref)
        iam.Grant.add_to_principal(
            grantee=function,
            actions=["ses:SendEmail", "ses:SendRawEmail"],
            resource_arns=[
                f"arn:{Aws.PARTITION}:ses:{Aws.REGION}:{Aws.ACCOUNT_ID}:identity/{SENDING_DOMAIN}",
                f"arn:{Aws.PARTITION}:ses:{Aws.REGION}:{Aws.ACCOUNT_ID}:configuration-set/{configuration_set.ref}",
            ],
        )
        return function

    def _planner(
        self,
        platform: Platform,
        env: dict[str, str],
        channel_queues: str,
        bulk_lanes: tuple[sqs.Queue, sqs.Queue],
    ) -> tuple[PlatformFunction, sqs.Queue]:
        """The bulk lane: the planning queue (one message per slice) -> the channels' bulk queues."""
        function = PlatformFunction(
            self,
            "NotificationsPlanner",
            platform=platform,
            handler="numeriqc.notifications.handlers.bulk_slice_queue.handler",
            environment={
                **env,
                "UPLOADS_BUCKET": self.bucket.bucket_name,
                "CHANNEL_QUEUES": channel_queues,
            },
            timeout=Duration.seconds(120),
            memory_size=1024,
            description="Bulk lane: one slice of a job -> notifications and channel messages",
        )
        plan_queue = function.consume_queue("NotificationsPlanQueue", batch_size=1)
        self._objects(function, ["s3:GetObject"], "jobs/*")
        for queue in bulk_lanes:
            queue.grant_send_messages(function)
        return function, plan_queue

    def _api_function(
        self,
        platform: Platform,
        env: dict[str, str],
        channel_queues: str,
        plan_queue: sqs.Queue,
        lanes: tuple[sqs.Queue, ...],
    ) -> PlatformFunction:
        function = PlatformFunction(
            self,
            "NotificationsApi",
            platform=platform,
            handler="numeriqc.notifications.handlers.api.handler",
            environment={
                **env,
                "IDEMPOTENCY_TABLE": platform.idempotency_table.table_name,
                "UPLOADS_BUCKET": self.bucket.bucket_name,
                "CHANNEL_QUEUES": channel_queues,
                "PLAN_QUEUE_URL": plan_queue.queue_url,
            },
            timeout=Duration.seconds(29),  # API Gateway's own limit; 100,000 rows validate in seconds
            memory_size=1769,  # one full vCPU
            description="Notifications API: templates, sends, bulk jobs, reminders, consent",
        )
        platform.idempotency_table.grant_read_write_data(function)
        self._objects(function, ["s3:GetObject", "s3:PutObject"], "*")
        for queue in lanes:
            queue.grant_send_messages(function)
        return function

    def _scheduler(
        self,
        platform: Platform,
        env: dict[str, str],
        channel_queues: str,
        plan_queue: sqs.Queue,
        lanes: tuple[sqs.Queue, ...],
    ) -> PlatformFunction:
        """Every minute: what has come due, and the claims a crashed sender left behind."""
        function = PlatformFunction(
            self,
            "NotificationsScheduler",
            platform=platform,
            handler="numeriqc.notifications.handlers.every_minute.handler",
            environment={
                **env,
                "CHANNEL_QUEUES": channel_queues,
                "PLAN_QUEUE_URL": plan_queue.queue_url,
            },
            timeout=Duration.seconds(60),
            description="Every minute: sends that have come due; claims a crashed sender left behind",
        )
        for queue in lanes:
            queue.grant_send_messages(function)
        rule = events.Rule(
            self,
            "SchedulerRule",
            schedule=events.Schedule.rate(Duration.minutes(1)),
            description="Queue the scheduled notifications that have come due",
            targets=[targets.LambdaFunction(function, retry_attempts=2)],
        )
        fix_logical_id(rule, "NotificationsSchedulerRule")
        return function

    def _inbound(self, platform: Platform, env: dict[str, str], topic: sns.Topic) -> PlatformFunction:
        """Two-way SMS: the inbound topic -> its queue -> keywords (and SNS opt-in for START)."""
        function = PlatformFunction(
            self,
            "InboundSms",
            platform=platform,
            handler="numeriqc.notifications.handlers.inbound_sms_queue.handler",
            environment=env,
            description="SMS replies: STOP / ARRÊT, AIDE / HELP, START / ABONNER",
        )
        queue = function.consume_queue("InboundSmsQueue")
        assert queue.dead_letter_queue is not None  # consume_queue always gives one
        self.inbound_dead_letters = queue.dead_letter_queue.queue  # SmsAnswers' too (sms_answers.py)
        _subscribe_queue(self, "InboundSmsSubscription", topic, queue)
        self._sms_publish(function, opt_in=True)
        return function

    def answer_to(self, sender: str, queue: sqs.IQueue) -> None:
        """Replies to the questions `sender` asks by SMS go to its `queue` (sms_questions.py): the
        inbound function is told the queue (`SMS_ANSWER_QUEUES`) and may send to it, nothing more."""
        self._answer_queues[sender] = queue.queue_url
        self.inbound.add_environment("SMS_ANSWER_QUEUES", Stack.of(self).to_json_string(self._answer_queues))
        queue.grant_send_messages(self.inbound)

    def _platform_sms(
        self, platform: Platform, env: dict[str, str], channel_queues: str, sms_priority: sqs.Queue
    ) -> tuple[PlatformFunction, sqs.Queue]:
        """Transactional SMS other platform services ask for (a consultation's verification code):
        their queue -> planned like a one-off send -> the SMS priority lane (docs/notifications.md).
        Other services get `platform_sms_queue` to send to, and nothing else of this service."""
        function = PlatformFunction(
            self,
            "PlatformSms",
            platform=platform,
            handler="numeriqc.notifications.handlers.platform_sms_queue.handler",
            environment={**env, "CHANNEL_QUEUES": channel_queues},
            description="Platform SMS (verification codes) through the notification pipeline",
        )
        queue = function.consume_queue("NotificationsPlatformSmsQueue", batch_size=5)
        sms_priority.grant_send_messages(function)
        return function, queue

    def _receipts(self, platform: Platform, env: dict[str, str], email_events: sns.Topic) -> PlatformFunction:
        """SES events: the configuration set's topic -> a queue, read 100 at a time."""
        function = PlatformFunction(
            self,
            "DeliveryReceipts",
            platform=platform,
            handler="numeriqc.notifications.handlers.email_events_queue.handler",
            environment=env,
            timeout=Duration.seconds(30),
            description="SES delivery events -> statuses and notification.status.v1 events",
        )
        queue = function.consume_queue(
            "EmailEventsQueue", batch_size=100, max_batching_window=Duration.seconds(5)
        )
        _subscribe_queue(self, "EmailEventsSubscription", email_events, queue)
        return function

    def _callbacks(self, platform: Platform, env: dict[str, str]) -> PlatformFunction:
        """GOV.UK Notify-style delivery-status callbacks: the notifications topic's status events ->
        a queue -> POST to each organization's registered HTTPS URL (status_callbacks.py). Fed by
        the same events subscribers get, so nothing in the senders or receipts knows of it."""
        function = PlatformFunction(
            self,
            "StatusCallbacks",
            platform=platform,
            handler="numeriqc.notifications.handlers.status_events_queue.handler",
            environment=env,
            timeout=Duration.seconds(60),
            description="notification.status.v1 -> Notify-style callbacks (POST, bearer token, retries)",
        )
        queue = function.consume_queue("StatusCallbacksQueue", batch_size=10)
        _subscribe_queue(
            self,
            "StatusCallbacksSubscription",
            platform.topics["notifications"],
            queue,
            types=["ca.qc.numeriqc.notifications.status.v1"],
        )
        return function

    def _sms_receipts(self, platform: Platform, env: dict[str, str]) -> PlatformFunction:
        """SNS SMS delivery-status logs -> a subscription filter on each group -> SmsReceipts.

        SNS writes these logs only once the account's SMS attributes name `DeliveryStatusIAMRole`
        (the role below) and a success sampling rate: an account-wide setting that is not a
        CloudFormation resource, done once per account and region (docs/notifications.md). The
        log groups are declared here so that they are encrypted and expire; SNS then only writes
        streams into them, which is all its role may do.
        """
        function = PlatformFunction(
            self,
            "SmsReceipts",
            platform=platform,
            handler="numeriqc.notifications.handlers.sms_status_logs.handler",
            environment=env,
            timeout=Duration.seconds(30),
            description="SNS SMS delivery-status logs -> statuses and notification.status.v1 events",
        )
        # CloudWatch Logs invokes asynchronously: two retries, then the event goes to this queue.
        failures = platform.dead_letter_queue(
            self,
            "SmsReceiptsFailures",
            watched_as="SmsReceiptsFailures (events SmsReceipts gave up on)",
            destination_of="SmsReceipts (its on-failure destination)",
        )
        function.configure_async_invoke(retry_attempts=2, on_failure=destinations.SqsDestination(failures))

        role = iam.Role(
            self,
            "SmsDeliveryStatusRole",
            assumed_by=iam.ServicePrincipal(
                "sns.amazonaws.com", conditions={"StringEquals": {"aws:SourceAccount": Aws.ACCOUNT_ID}}
            ),
            description="SNS writes SMS delivery-status logs (set-sms-attributes DeliveryStatusIAMRole)",
        )
        fix_logical_id(role, "SmsDeliveryStatusRole")
        for id, name in SMS_STATUS_LOG_GROUPS.items():
            log_group = logs.LogGroup(
                self,
                id,
                log_group_name=name,
                retention=SMS_STATUS_LOG_RETENTION,
                encryption_key=platform.key,
                # Named by SNS: a retained group would block the next deployment of the stack.
                removal_policy=RemovalPolicy.DESTROY,
            )
            fix_logical_id(log_group, id)
            log_group.grant_write(role)  # CreateLogStream and PutLogEvents, on this group only
            subscription = logs.SubscriptionFilter(
                self,
                f"{id}Subscription",
                log_group=log_group,
                destination=log_destinations.LambdaDestination(function),
                filter_pattern=logs.FilterPattern.all_events(),
            )
            fix_logical_id(subscription, f"{id}Subscription")
        output = CfnOutput(self, "SmsDeliveryStatusRoleArn", value=role.role_arn)
        output.override_logical_id("SmsDeliveryStatusRoleArn")
        return function

    def _common_grants(self, platform: Platform, function: PlatformFunction) -> None:
        """The table, the pepper, the bus, and the platform key for envelope encryption."""
        self.table.grant_read_write_data(function)
        platform.pepper.grant_read(function)
        platform.bus.grant_put_events_to(function)
        platform.key.grant_encrypt_decrypt(function)
        iam.Grant.add_to_principal(
            grantee=function, actions=["kms:GenerateDataKey"], resource_arns=[platform.key.key_arn]
        )
        function.acknowledge_key_grant_wildcards()
        acknowledge(
            function.role or function,
            "AwsSolutions-IAM5[Resource::<NotificationsTable.Arn>/index/*]",
            "CDK's table grant covers the table's indexes (by-recipient): this table only.",
        )

    def _ses(self, platform: Platform) -> tuple[ses.CfnConfigurationSet, sns.Topic]:
        """The sending identity, and a configuration set whose events come back through SNS."""
        stage = platform.stage
        identity = ses.CfnEmailIdentity(self, "SendingIdentity", email_identity=SENDING_DOMAIN)
        fix_logical_id(identity, "NotificationsSendingIdentity")
        configuration_set = ses.CfnConfigurationSet(
            self, "ConfigurationSet", name=f"numeriqc-{stage}-notifications"
        )
        fix_logical_id(configuration_set, "NotificationsConfigurationSet")
        email_events = sns.Topic(self, "EmailEvents", master_key=platform.key, enforce_ssl=True)
        fix_logical_id(email_events, "NotificationsEmailEvents")
        destination = ses.CfnConfigurationSetEventDestination(
            self,
            "EmailEventsDestination",
            configuration_set_name=configuration_set.ref,
            event_destination=ses.CfnConfigurationSetEventDestination.EventDestinationProperty(
                enabled=True,
                matching_event_types=["delivery", "bounce", "complaint", "reject", "renderingFailure"],
                sns_destination=ses.CfnConfigurationSetEventDestination.SnsDestinationProperty(
                    topic_arn=email_events.topic_arn
                ),
            ),
        )
        destination.node.add_dependency(configuration_set)
        # SES publishes into the encrypted topic: it needs the platform key, for this account only.
        platform.key.add_to_resource_policy(
            iam.PolicyStatement(
                sid="SesPublishesEmailEventsFromThisAccount",
                principals=[iam.ServicePrincipal("ses.amazonaws.com")],
                actions=["kms:Decrypt", "kms:GenerateDataKey*"],
                resources=["*"],
                conditions={"StringEquals": {"aws:SourceAccount": Aws.ACCOUNT_ID}},
            )
        )
        email_events.add_to_resource_policy(
            iam.PolicyStatement(
                principals=[iam.ServicePrincipal("ses.amazonaws.com")],
                actions=["sns:Publish"],
                resources=[email_events.topic_arn],
                conditions={"StringEquals": {"aws:SourceAccount": Aws.ACCOUNT_ID}},
            )
        )
        return configuration_set, email_events

    def _sender(self, platform: Platform, id: str, channel: str, env: dict[str, str]) -> PlatformFunction:
        function = PlatformFunction(
            self,
            id,
            platform=platform,
            handler="numeriqc.notifications.handlers.channel_queue.handler",
            environment={**env, "SENDER_CONCURRENCY": str(SENDER_CONCURRENCY)},
            timeout=SENDER_TIMEOUT,
            description=f"{channel} sender: channel messages of many recipients -> provider, once each",
        )
        prefix = "Email" if channel == "email" else "Sms"
        priority = function.consume_queue(f"{prefix}PriorityQueue", batch_size=5)
        bulk = function.consume_queue(f"{prefix}BulkQueue", batch_size=5)
        function.lanes = (priority, bulk)  # type: ignore[attr-defined]
        return function

    def _objects(self, function: PlatformFunction, actions: list[str], pattern: str) -> None:
        """Object actions only (no listing, no deleting): objects are named by the service itself."""
        iam.Grant.add_to_principal(
            grantee=function, actions=actions, resource_arns=[self.bucket.arn_for_objects(pattern)]
        )
        acknowledge(
            function.role or function,
            f"AwsSolutions-IAM5[Resource::<NotificationsUploads.Arn>/{pattern}]",
            "Objects are per job (uploads/<org>/<job>.csv, jobs/<org>/<job>/rows.jsonl): the function "
            "needs them all, in this bucket only, for the object actions listed.",
        )

    def _sms_publish(self, function: PlatformFunction, opt_in: bool = False) -> None:
        actions = ["sns:Publish", "sns:ListPhoneNumbersOptedOut", "sns:CheckIfPhoneNumberIsOptedOut"]
        if opt_in:
            actions.append("sns:OptInPhoneNumber")
        function.add_to_role_policy(iam.PolicyStatement(actions=actions, resources=["*"]))
        # Phone numbers only: publishing to any topic is denied beside the grant on `*`.
        function.add_to_role_policy(
            iam.PolicyStatement(
                effect=iam.Effect.DENY,
                actions=["sns:Publish"],
                resources=[f"arn:{Aws.PARTITION}:sns:*:*:*"],
            )
        )
        acknowledge(
            function.role or function,
            "AwsSolutions-IAM5[Resource::*]",
            "SNS Publish to a phone number and the SMS opt-out actions have no resource ARN (SNS SMS is "
            "account-wide); X-Ray's actions likewise. The statement grants nothing else on `*`.",
        )

    def _uploads_bucket(self, platform: Platform) -> s3.Bucket:
        bucket = s3.Bucket(
            self,
            "Uploads",
            encryption=s3.BucketEncryption.KMS,
            encryption_key=platform.key,
            bucket_key_enabled=True,
            block_public_access=s3.BlockPublicAccess.BLOCK_ALL,
            enforce_ssl=True,
            object_ownership=s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
            removal_policy=RemovalPolicy.RETAIN,
            lifecycle_rules=[
                # Uploaded CSVs: the retention period. Job rows: the latest a job can be scheduled
                # (30 days) plus the retention period.
                s3.LifecycleRule(prefix="uploads/", expiration=Duration.days(7)),
                s3.LifecycleRule(prefix="jobs/", expiration=Duration.days(37)),
                s3.LifecycleRule(abort_incomplete_multipart_upload_after=Duration.days(1)),
            ],
            cors=[
                s3.CorsRule(
                    allowed_methods=[s3.HttpMethods.PUT],
                    allowed_origins=["*"],
                    allowed_headers=["content-type"],
                )
            ],
        )
        fix_logical_id(bucket, "NotificationsUploads")
        acknowledge(
            bucket,
            "AwsSolutions-S1",
            "Staging bucket for bulk uploads and job rows, deleted by lifecycle within days; access is "
            "by presigned URL for one object or by the service's functions, audited with CloudTrail.",
        )
        platform.add_health_check("notifications-uploads", "s3", bucket.bucket_name, bucket.bucket_arn)
        return bucket


def _subscribe_queue(
    scope: Construct, id: str, topic: sns.Topic, queue: sqs.Queue, types: list[str] | None = None
) -> None:
    """Topic -> encrypted queue, raw delivery. Not `SqsSubscription`: on a queue encrypted with the
    platform key it adds a key-policy statement naming the topic, a cycle (key -> topic -> key); the
    platform key already lets SNS from this account use it."""
    queue.add_to_resource_policy(
        iam.PolicyStatement(
            principals=[iam.ServicePrincipal("sns.amazonaws.com")],
            actions=["sqs:SendMessage"],
            resources=[queue.queue_arn],
            conditions={"ArnEquals": {"aws:SourceArn": topic.topic_arn}},
        )
    )
    sns.Subscription(
        scope,
        id,
        topic=topic,
        endpoint=queue.queue_arn,
        protocol=sns.SubscriptionProtocol.SQS,
        raw_message_delivery=True,
        filter_policy_with_message_body=(
            {"type": sns.FilterOrPolicy.filter(sns.SubscriptionFilter.string_filter(allowlist=types))}
            if types
            else None
        ),
    )
