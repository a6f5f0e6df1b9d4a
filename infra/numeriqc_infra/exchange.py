"""The data exchange service: catalogue, grants, messages, and the signed tamper-evident log.

Four functions share one table (see numeriqc.exchange.adapters.table): ExchangeApi (every route),
ExchangeDelivery (new log blocks from the table's stream -> the consumers' queues, or push jobs),
ExchangeSigner (every minute: one KMS signature over the chain heads that moved, to the Object Lock
bucket) and ExchangeWorker (the work queue: signed HTTPS pushes with their retries, files over 1 MB).

Keys: one symmetric KMS key per confidentiality tier (the consumers' queues of a dataset are
encrypted with its tier's key) and one asymmetric ECC P-256 key that signs the log. The consumers'
queues are made at run time, one per grant, under a name prefix the functions' roles are limited to
(docs/decisions/0003-exchange-log.md says why they are not in this template).
"""

from aws_cdk import Aws, Duration, RemovalPolicy
from aws_cdk import aws_dynamodb as dynamodb
from aws_cdk import aws_events as events
from aws_cdk import aws_events_targets as targets
from aws_cdk import aws_iam as iam
from aws_cdk import aws_kms as kms
from aws_cdk import aws_s3 as s3
from constructs import Construct

from numeriqc.exchange import push_retries
from numeriqc_infra.api import Api
from numeriqc_infra.functions import PlatformFunction
from numeriqc_infra.nag import acknowledge
from numeriqc_infra.naming import fix_logical_id
from numeriqc_infra.platform import Platform

# The work queue's dead-letter queue takes only what the worker keeps failing on: more receives
# than a push has attempts (after its last, the worker itself moves it to the pull queue).
DEAD_LETTER_AFTER = push_retries.MAX_ATTEMPTS + 2
WORKER_TIMEOUT = Duration.minutes(15)  # a 20 MB file; a worker cut short resumes at its next chunk

TIERS = ("public", "internal", "confidential", "restricted")
LOG_RETENTION = Duration.days(365)  # matches numeriqc.exchange.settings.log_retention_days
# Only new log blocks are delivered: grants, counters and receipts are filtered out before invoking.
NEW_BLOCKS = {"eventName": ["INSERT"], "dynamodb": {"NewImage": {"kind": {"S": ["block"]}}}}
QUEUE_ACTIONS = {
    "api": [
        "sqs:CreateQueue",
        "sqs:DeleteQueue",
        "sqs:GetQueueAttributes",
        "sqs:SetQueueAttributes",
        "sqs:ReceiveMessage",
        "sqs:DeleteMessage",
        "sqs:ChangeMessageVisibility",
    ],
    "delivery": ["sqs:SendMessage"],
}


class Exchange(Construct):
    def __init__(self, scope: Construct, id: str, *, platform: Platform, api: Api) -> None:
        super().__init__(scope, id)
        from numeriqc.exchange.handlers.api import app  # the resolver: its routes become API routes

        self.table = platform.service_table(
            self,
            "ExchangeTable",
            partition_key="pk",
            sort_key="sk",
            time_to_live="expires_at",
            stream=dynamodb.StreamViewType.NEW_IMAGE,
        )
        for index, number in (("ByKey1", 1), ("ByKey2", 2)):
            self.table.add_global_secondary_index(
                index_name=index,
                partition_key=dynamodb.Attribute(name=f"gsi{number}pk", type=dynamodb.AttributeType.STRING),
                sort_key=dynamodb.Attribute(name=f"gsi{number}sk", type=dynamodb.AttributeType.STRING),
            )
        self.tier_keys = {tier: self._tier_key(tier) for tier in TIERS}
        self.signing_key = self._signing_key()
        self.log_bucket = self._log_bucket(platform)
        self.payload_bucket = self._payload_bucket(platform)
        self.queue_prefix = f"nqc-{platform.stage}-xchg"
        queue_arns = f"arn:{Aws.PARTITION}:sqs:{Aws.REGION}:{Aws.ACCOUNT_ID}:{self.queue_prefix}-*"
        base_env = {
            "EXCHANGE_TABLE": self.table.table_name,
            "EVENT_BUS_NAME": platform.bus.event_bus_name,
            "QUEUE_PREFIX": self.queue_prefix,
            **{f"KEY_{tier.upper()}": key.key_arn for tier, key in self.tier_keys.items()},
        }

        self.api_function = PlatformFunction(
            self,
            "ExchangeApi",
            platform=platform,
            handler="numeriqc.exchange.handlers.api.handler",
            environment={
                **base_env,
                "IDEMPOTENCY_TABLE": platform.idempotency_table.table_name,
                "SIGNING_KEY_ID": self.signing_key.key_arn,
                "PAYLOAD_BUCKET": self.payload_bucket.bucket_name,
            },
            description="Exchange: catalogue, grants, publish, pull, acknowledge, replay, log verification",
        )
        self.table.grant_read_write_data(self.api_function)
        platform.idempotency_table.grant_read_write_data(self.api_function)
        platform.bus.grant_put_events_to(self.api_function)
        self.signing_key.grant(self.api_function, "kms:GetPublicKey")
        self._grant_queues(self.api_function, QUEUE_ACTIONS["api"], queue_arns)
        self._acknowledge(self.api_function)
        # Claim checks: written by publish, read by replay as a file and through presigned URLs signed
        # by this role (the tier keys' GenerateDataKey and Decrypt come with the queues' grant above).
        iam.Grant.add_to_principal(
            grantee=self.api_function,
            actions=["s3:PutObject", "s3:GetObject"],
            resource_arns=[self.payload_bucket.arn_for_objects("payloads/*")],
        )
        acknowledge(
            self.api_function.role or self.api_function,
            "AwsSolutions-IAM5[Resource::<ExchangePayloadBucket.Arn>/payloads/*]",
            "Claim-checked payloads are named by dataset and event id at run time: put and get only, "
            "under payloads/ only.",
        )
        # Producers' files: PUT through URLs presigned by this role, read back once on "complete".
        iam.Grant.add_to_principal(
            grantee=self.api_function,
            actions=["s3:PutObject", "s3:GetObject"],
            resource_arns=[self.payload_bucket.arn_for_objects("uploads/*")],
        )
        acknowledge(
            self.api_function.role or self.api_function,
            "AwsSolutions-IAM5[Resource::<ExchangePayloadBucket.Arn>/uploads/*]",
            "Producers' files are named by dataset and upload id at run time: put (presigned) and get only, "
            "under uploads/ only.",
        )
        api.add_service(self.api_function, app)

        self.delivery = PlatformFunction(
            self,
            "ExchangeDelivery",
            platform=platform,
            handler="numeriqc.exchange.handlers.log_stream.handler",
            environment=base_env,
            description="New log blocks (table stream) -> every current grantee's queue, in bundles",
        )
        self.delivery.consume_stream("ExchangeLogStream", self.table, batch_size=10, filters=[NEW_BLOCKS])
        self.table.grant_read_write_data(self.delivery)
        platform.bus.grant_put_events_to(self.delivery)
        self._grant_queues(self.delivery, QUEUE_ACTIONS["delivery"], queue_arns)
        self._acknowledge(self.delivery)

        self._worker(platform, base_env, queue_arns)

        self.signer = PlatformFunction(
            self,
            "ExchangeSigner",
            platform=platform,
            handler="numeriqc.exchange.handlers.every_minute.handler",
            environment={
                "EXCHANGE_TABLE": self.table.table_name,
                "SIGNING_KEY_ID": self.signing_key.key_arn,
                "LOG_BUCKET": self.log_bucket.bucket_name,
            },
            timeout=Duration.seconds(60),
            description="Every minute: one signature over the log's chain heads that moved, to Object Lock",
        )
        self.table.grant_read_write_data(self.signer)
        self.signing_key.grant(self.signer, "kms:Sign")
        platform.key.grant_encrypt_decrypt(self.signer)  # the log bucket's SSE-KMS
        iam.Grant.add_to_principal(
            grantee=self.signer,
            actions=["s3:PutObject"],
            resource_arns=[self.log_bucket.arn_for_objects("batches/*")],
        )
        acknowledge(
            self.signer.role or self.signer,
            "AwsSolutions-IAM5[Resource::<ExchangeLogBucket.Arn>/batches/*]",
            "Signed batches are named by batch id at run time: PutObject only, under batches/ only.",
        )
        self._acknowledge(self.signer)
        rule = events.Rule(
            self,
            "SignerRule",
            schedule=events.Schedule.rate(Duration.minutes(1)),
            description="Sign the exchange log's chain heads that moved",
            targets=[targets.LambdaFunction(self.signer, retry_attempts=2)],
        )
        fix_logical_id(rule, "ExchangeSignerRule")

        for tier, key in self.tier_keys.items():
            platform.add_health_check(f"exchange-{tier}-key", "kms", key.key_arn, key.key_arn)
        platform.add_health_check(
            "exchange-signing-key", "kms", self.signing_key.key_arn, self.signing_key.key_arn
        )
        platform.add_health_check(
            "exchange-log-bucket", "s3", self.log_bucket.bucket_name, self.log_bucket.bucket_arn
        )
        platform.add_health_check(
            "exchange-payload-bucket", "s3", self.payload_bucket.bucket_name, self.payload_bucket.bucket_arn
        )

    def _worker(self, platform: Platform, base_env: dict[str, str], queue_arns: str) -> None:
        """ExchangeWorker and its work queue, fed by delivery (push jobs) and the API (large files).

        Push secrets are derived from the pepper, so the API (which answers the secret once) and the
        worker (which signs) read it; no KMS call per push."""
        self.worker = PlatformFunction(
            self,
            "ExchangeWorker",
            platform=platform,
            handler="numeriqc.exchange.handlers.work_queue.handler",
            environment={
                **base_env,
                "PEPPER_SECRET_ARN": platform.pepper.secret_arn,
                "PAYLOAD_BUCKET": self.payload_bucket.bucket_name,
            },
            timeout=WORKER_TIMEOUT,
            memory_size=1024,
            description="Exchange work queue: signed HTTPS pushes with retries; files over 1 MB",
        )
        self.work_queue = self.worker.consume_queue(
            "ExchangeWorkQueue", batch_size=10, max_receive_count=DEAD_LETTER_AFTER
        )
        self.worker.add_environment("WORK_QUEUE_URL", self.work_queue.queue_url)
        self.table.grant_read_write_data(self.worker)
        platform.bus.grant_put_events_to(self.worker)
        platform.pepper.grant_read(self.worker)
        self._grant_queues(self.worker, QUEUE_ACTIONS["delivery"], queue_arns)  # a failed push -> pull
        iam.Grant.add_to_principal(
            grantee=self.worker,
            actions=["s3:GetObject"],
            resource_arns=[self.payload_bucket.arn_for_objects("uploads/*")],
        )
        iam.Grant.add_to_principal(
            grantee=self.worker,
            actions=["s3:PutObject"],
            resource_arns=[self.payload_bucket.arn_for_objects("payloads/*")],
        )
        for prefix, why in (
            ("uploads", "reads producers' files"),
            ("payloads", "writes a row's claim check"),
        ):
            acknowledge(
                self.worker.role or self.worker,
                f"AwsSolutions-IAM5[Resource::<ExchangePayloadBucket.Arn>/{prefix}/*]",
                f"Objects are named by dataset and id at run time: the worker only {why}.",
            )
        self._acknowledge(self.worker)
        for function in (self.api_function, self.delivery):
            function.add_environment("WORK_QUEUE_URL", self.work_queue.queue_url)
            self.work_queue.grant_send_messages(function)
        self.api_function.add_environment("PEPPER_SECRET_ARN", platform.pepper.secret_arn)
        platform.pepper.grant_read(self.api_function)

    def _tier_key(self, tier: str) -> kms.Key:
        key = kms.Key(
            self,
            f"Exchange{tier.capitalize()}Key",
            description=f"numeriQc exchange: queues and payloads of {tier} datasets",
            enable_key_rotation=True,
            removal_policy=RemovalPolicy.RETAIN,
        )
        fix_logical_id(key, f"Exchange{tier.capitalize()}Key")
        return key

    def _signing_key(self) -> kms.Key:
        key = kms.Key(
            self,
            "ExchangeSigningKey",
            description="numeriQc exchange: signs the log's batches (ECDSA P-256); the public key verifies",
            key_spec=kms.KeySpec.ECC_NIST_P256,
            key_usage=kms.KeyUsage.SIGN_VERIFY,
            removal_policy=RemovalPolicy.RETAIN,
        )
        fix_logical_id(key, "ExchangeSigningKey")
        return key

    def _log_bucket(self, platform: Platform) -> s3.Bucket:
        bucket = s3.Bucket(
            self,
            "ExchangeLogBucket",
            encryption=s3.BucketEncryption.KMS,
            encryption_key=platform.key,
            bucket_key_enabled=True,
            block_public_access=s3.BlockPublicAccess.BLOCK_ALL,
            enforce_ssl=True,
            versioned=True,  # Object Lock requires it
            object_lock_enabled=True,
            object_lock_default_retention=s3.ObjectLockRetention.governance(LOG_RETENTION),
            object_ownership=s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
            removal_policy=RemovalPolicy.RETAIN,
        )
        fix_logical_id(bucket, "ExchangeLogBucket")
        acknowledge(
            bucket,
            "AwsSolutions-S1",
            "Write-once signed batches under Object Lock, written by one role and read by auditors: the "
            "batches themselves are the audit trail, and each names the batch before it.",
        )
        return bucket

    def _payload_bucket(self, platform: Platform) -> s3.Bucket:
        bucket = s3.Bucket(
            self,
            "ExchangePayloadBucket",
            encryption=s3.BucketEncryption.KMS,
            encryption_key=platform.key,  # each object is written under its tier's key instead
            bucket_key_enabled=True,
            block_public_access=s3.BlockPublicAccess.BLOCK_ALL,
            enforce_ssl=True,
            object_ownership=s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
            lifecycle_rules=[s3.LifecycleRule(expiration=LOG_RETENTION)],  # as long as the log
            removal_policy=RemovalPolicy.RETAIN,
        )
        fix_logical_id(bucket, "ExchangePayloadBucket")
        acknowledge(
            bucket,
            "AwsSolutions-S1",
            "Claim-checked payloads read only by the exchange role and through its presigned URLs: the API "
            "logs each link it issues (dataset, event id) and the hash chain covers each payload's digest.",
        )
        return bucket

    def _grant_queues(self, function: PlatformFunction, actions: list[str], queue_arns: str) -> None:
        iam.Grant.add_to_principal(grantee=function, actions=actions, resource_arns=[queue_arns])
        for key in self.tier_keys.values():  # SQS encrypts and decrypts with the caller's permissions
            key.grant(function, "kms:GenerateDataKey", "kms:Decrypt")
        acknowledge(
            function.role or function,
            f"AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:sqs:<AWS::Region>:<AWS::AccountId>:{self.queue_prefix}-*]",
            "Consumers' queues are made per grant at run time (data, not wiring): the role reaches only "
            "queues under the exchange's own name prefix, with only the actions this function needs.",
        )

    def _acknowledge(self, function: PlatformFunction) -> None:
        function.acknowledge_key_grant_wildcards()
        acknowledge(
            function.role or function,
            "AwsSolutions-IAM5[Resource::<ExchangeTable.Arn>/index/*]",
            "CDK's table grant covers the table's own indexes (ByKey1, ByKey2), nothing else.",
        )
