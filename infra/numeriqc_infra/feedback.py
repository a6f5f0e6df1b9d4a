"""The feedback service: public submission route, organizations' inbox, aggregates, events, exports.

Three functions share one table (single-table design, see numeriqc.feedback.adapters.table):
FeedbackApi (every route), FeedbackEvents (the table's stream -> event bus) and FeedbackExporter
(export jobs from a queue -> S3). Exports land in a bucket encrypted with the platform key,
private, TLS-only, emptied after 7 days; only presigned URLs reach organizations.
"""

from aws_cdk import Duration, RemovalPolicy
from aws_cdk import aws_dynamodb as dynamodb
from aws_cdk import aws_iam as iam
from aws_cdk import aws_s3 as s3
from aws_cdk import aws_sqs as sqs
from constructs import Construct

from numeriqc_infra.api import Api
from numeriqc_infra.functions import PlatformFunction
from numeriqc_infra.nag import acknowledge
from numeriqc_infra.naming import fix_logical_id
from numeriqc_infra.platform import Platform

EXPORT_RETENTION = Duration.days(7)  # matches numeriqc.feedback.export_jobs.JOB_RETENTION_DAYS
EXPORT_TIMEOUT = Duration.minutes(10)  # 300,000 rows take well under a minute in AWS
# Only new submissions become events: counters, rate limits and triage updates are filtered out
# before the function is invoked (and billed).
NEW_SUBMISSIONS = {"eventName": ["INSERT"], "dynamodb": {"NewImage": {"kind": {"S": ["feedback"]}}}}


class Feedback(Construct):
    def __init__(
        self, scope: Construct, id: str, *, platform: Platform, api: Api, platform_sms: sqs.IQueue
    ) -> None:
        super().__init__(scope, id)
        from numeriqc.feedback.handlers.api import app  # the resolver: its routes become API routes

        self.table = platform.service_table(
            self,
            "FeedbackTable",
            partition_key="pk",
            sort_key="sk",
            time_to_live="expires_at",
            stream=dynamodb.StreamViewType.NEW_IMAGE,
        )
        for index, number in (("ByOrg", 1), ("ByStatus", 2)):
            self.table.add_global_secondary_index(
                index_name=index,
                partition_key=dynamodb.Attribute(name=f"gsi{number}pk", type=dynamodb.AttributeType.STRING),
                sort_key=dynamodb.Attribute(name=f"gsi{number}sk", type=dynamodb.AttributeType.STRING),
            )
        self.bucket = self._exports_bucket(platform)
        table_env = {"FEEDBACK_TABLE": self.table.table_name}

        self.exporter = PlatformFunction(
            self,
            "FeedbackExporter",
            platform=platform,
            handler="numeriqc.feedback.handlers.export_queue.handler",
            environment={**table_env, "EXPORTS_BUCKET": self.bucket.bucket_name},
            timeout=EXPORT_TIMEOUT,
            memory_size=1024,
            description="Feedback exports: streams a Query into an S3 multipart upload",
        )
        self.exports_queue = self.exporter.consume_queue("FeedbackExports", batch_size=1)
        self.table.grant_read_write_data(self.exporter)
        platform.key.grant_encrypt_decrypt(self.exporter)  # SSE-KMS multipart upload
        self._grant_exports(self.exporter, ["s3:PutObject", "s3:AbortMultipartUpload"])
        self.exporter.acknowledge_key_grant_wildcards()
        self._acknowledge_indexes(self.exporter)

        self.events = PlatformFunction(
            self,
            "FeedbackEvents",
            platform=platform,
            handler="numeriqc.feedback.handlers.table_stream.handler",
            environment={
                "FEEDBACK_TABLE": self.table.table_name,
                "EVENT_BUS_NAME": platform.bus.event_bus_name,
            },
            description="New submissions (table stream) -> feedback.received.v1 events, in batches",
        )
        self.events.consume_stream("FeedbackStream", self.table, batch_size=100, filters=[NEW_SUBMISSIONS])
        platform.bus.grant_put_events_to(self.events)
        self.events.acknowledge_key_grant_wildcards()

        self.api_function = PlatformFunction(
            self,
            "FeedbackApi",
            platform=platform,
            handler="numeriqc.feedback.handlers.api.handler",
            environment={
                **table_env,
                "PEPPER_SECRET_ARN": platform.pepper.secret_arn,
                "PLATFORM_KEY_ARN": platform.key.key_arn,
                "IDEMPOTENCY_TABLE": platform.idempotency_table.table_name,
                "EXPORTS_BUCKET": self.bucket.bucket_name,
                "EXPORTS_QUEUE_URL": self.exports_queue.queue_url,
                # "How was your service? Reply 1 to 5" goes out through the notification service.
                "PLATFORM_SMS_QUEUE_URL": platform_sms.queue_url,
            },
            description="Feedback: public submissions, services, inbox, aggregates, exports",
        )
        platform_sms.grant_send_messages(self.api_function)
        self.table.grant_read_write_data(self.api_function)
        platform.idempotency_table.grant_read_write_data(self.api_function)
        platform.pepper.grant_read(self.api_function)
        platform.key.grant_encrypt_decrypt(self.api_function)  # contact details (feedback.adapters.vault)
        self.exports_queue.grant_send_messages(self.api_function)
        self._grant_exports(self.api_function, ["s3:GetObject"])  # presigned URLs are signed by this role
        self.api_function.acknowledge_key_grant_wildcards()
        self._acknowledge_indexes(self.api_function)
        api.add_service(self.api_function, app)
        platform.add_health_check(
            "feedback-exports-bucket", "s3", self.bucket.bucket_name, self.bucket.bucket_arn
        )

    def _grant_exports(self, function: PlatformFunction, actions: list[str]) -> None:
        """Exactly these object actions, under exports/ only (CDK's bucket grants add List and Get*)."""
        iam.Grant.add_to_principal(
            grantee=function, actions=actions, resource_arns=[self.bucket.arn_for_objects("exports/*")]
        )
        acknowledge(
            function.role or function,
            "AwsSolutions-IAM5[Resource::<FeedbackExportsBucket.Arn>/exports/*]",
            "Export files are named by job id at run time: the grant covers the exports/ prefix of the "
            "service's own bucket, with only the object actions the function needs.",
        )

    def _acknowledge_indexes(self, function: PlatformFunction) -> None:
        acknowledge(
            function.role or function,
            "AwsSolutions-IAM5[Resource::<FeedbackTable.Arn>/index/*]",
            "CDK's table grant covers the table's own indexes (ByOrg, ByStatus), nothing else.",
        )

    def _exports_bucket(self, platform: Platform) -> s3.Bucket:
        bucket = s3.Bucket(
            self,
            "FeedbackExportsBucket",
            encryption=s3.BucketEncryption.KMS,
            encryption_key=platform.key,
            bucket_key_enabled=True,  # one KMS request per object, not per part
            block_public_access=s3.BlockPublicAccess.BLOCK_ALL,
            enforce_ssl=True,
            object_ownership=s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
            lifecycle_rules=[
                s3.LifecycleRule(
                    expiration=EXPORT_RETENTION,
                    abort_incomplete_multipart_upload_after=Duration.days(1),
                )
            ],
            removal_policy=RemovalPolicy.RETAIN,
        )
        fix_logical_id(bucket, "FeedbackExportsBucket")
        acknowledge(
            bucket,
            "AwsSolutions-S1",
            "Short-lived export files (deleted after 7 days) read only through presigned URLs; the API "
            "logs each URL it issues (export id, organization, key id), and a log bucket would keep "
            "request details longer than the exports themselves.",
        )
        return bucket
