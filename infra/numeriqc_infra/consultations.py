"""The consultation service: public participation routes, organizations' routes, the schedule, analysis.

Four functions share one table (single-table design, see numeriqc.consultations.adapters.table):
ConsultationsApi (every route), ConsultationsScheduler (every minute: windows that opened or
closed, and analysis requests), ConsultationsAnalysis (the analysis queue -> opinion groups,
numpy, one full vCPU and room for 100,000 participants; it keeps each consultation's vote matrix
file under analysis/ in the service's bucket) and ConsultationsExporter (the exports queue ->
open-data files under exports/ in that bucket, encrypted with the platform key, private, TLS-only,
deleted after 7 days; only presigned URLs reach organizations). SMS poll
replies are counted by the platform's `SmsAnswers` function (sms_answers.py). An alarm watches the SMS
code budgets.
"""

from aws_cdk import Duration, RemovalPolicy
from aws_cdk import aws_cloudwatch as cloudwatch
from aws_cdk import aws_dynamodb as dynamodb
from aws_cdk import aws_events as events
from aws_cdk import aws_events_targets as targets
from aws_cdk import aws_iam as iam
from aws_cdk import aws_s3 as s3
from aws_cdk import aws_sqs as sqs
from constructs import Construct

from numeriqc_infra.api import Api
from numeriqc_infra.functions import METRICS_NAMESPACE, PlatformFunction
from numeriqc_infra.nag import acknowledge
from numeriqc_infra.naming import fix_logical_id
from numeriqc_infra.platform import Platform

INDEXES = (("ByOrg", 1), ("ByDue", 2), ("Awaiting", 3))
ANALYSIS_TIMEOUT = Duration.minutes(2)  # 100,000 x 1,000 with 3 million votes: about 35 s on one core
ANALYSIS_MEMORY_MB = 3008  # peak about 0.7 GB for the model at 3 million votes, the matrix file included
EXPORT_RETENTION = Duration.days(7)  # matches numeriqc.consultations.export_jobs.JOB_RETENTION_DAYS - 1
MATRIX_RETENTION = Duration.days(
    90
)  # the analysis's vote matrix files (analysis/), see docs/consultations.md


class Consultations(Construct):
    def __init__(
        self, scope: Construct, id: str, *, platform: Platform, api: Api, platform_sms: sqs.IQueue
    ) -> None:
        super().__init__(scope, id)
        from numeriqc.consultations.handlers.api import app  # the resolver: its routes become API routes

        self.table = platform.service_table(
            self, "ConsultationsTable", partition_key="pk", sort_key="sk", time_to_live="expires_at"
        )
        for index, number in INDEXES:
            self.table.add_global_secondary_index(
                index_name=index,
                partition_key=dynamodb.Attribute(name=f"gsi{number}pk", type=dynamodb.AttributeType.STRING),
                sort_key=dynamodb.Attribute(name=f"gsi{number}sk", type=dynamodb.AttributeType.STRING),
            )
        table_env = {"CONSULTATIONS_TABLE": self.table.table_name}
        self.bucket = self._exports_bucket(platform)

        self.analysis = PlatformFunction(
            self,
            "ConsultationsAnalysis",
            platform=platform,
            handler="numeriqc.consultations.handlers.analysis_queue.handler",
            # The bucket also keeps each consultation's vote matrix file, under analysis/.
            environment={**table_env, "EXPORTS_BUCKET": self.bucket.bucket_name},
            timeout=ANALYSIS_TIMEOUT,
            memory_size=ANALYSIS_MEMORY_MB,
            description="Opinion groups of a consultation's statement votes (PCA, k-means), as a snapshot",
        )
        self.analysis_queue = self.analysis.consume_queue("ConsultationsAnalysisQueue", batch_size=1)
        self.table.grant_read_write_data(self.analysis)
        platform.key.grant_encrypt_decrypt(self.analysis)  # SSE-KMS matrix files
        self._grant_objects(
            self.analysis,
            ["s3:GetObject", "s3:PutObject", "s3:DeleteObject"],
            "analysis",
            "vote matrix files",
        )
        self._acknowledge(self.analysis)
        self.exporter = PlatformFunction(
            self,
            "ConsultationsExporter",
            platform=platform,
            handler="numeriqc.consultations.handlers.export_queue.handler",
            environment={**table_env, "EXPORTS_BUCKET": self.bucket.bucket_name},
            timeout=Duration.minutes(5),
            memory_size=1024,
            description="Consultation exports: answers, votes, statements, analysis -> S3 (open data)",
        )
        self.exports_queue = self.exporter.consume_queue("ConsultationsExports", batch_size=1)
        self.table.grant_read_write_data(self.exporter)
        platform.key.grant_encrypt_decrypt(self.exporter)  # SSE-KMS objects
        self._grant_exports(self.exporter, ["s3:PutObject"])
        self._acknowledge(self.exporter)

        self.scheduler = PlatformFunction(
            self,
            "ConsultationsScheduler",
            platform=platform,
            handler="numeriqc.consultations.handlers.every_minute.handler",
            environment={
                **table_env,
                "EVENT_BUS_NAME": platform.bus.event_bus_name,
                "ANALYSIS_QUEUE_URL": self.analysis_queue.queue_url,
            },
            timeout=Duration.seconds(60),
            description="Every minute: consultation windows that opened or closed; analyses to recompute",
        )
        self.table.grant_read_write_data(self.scheduler)
        self.analysis_queue.grant_send_messages(self.scheduler)
        platform.bus.grant_put_events_to(self.scheduler)
        self._acknowledge(self.scheduler)
        rule = events.Rule(
            self,
            "ScheduleRule",
            schedule=events.Schedule.rate(Duration.minutes(1)),
            description="Record consultation windows that opened or closed; request analyses",
            targets=[targets.LambdaFunction(self.scheduler, retry_attempts=2)],
        )
        fix_logical_id(rule, "ConsultationsScheduleRule")

        platform.monitoring.alarm_on_first(
            self,
            "SmsCodeBudgetAlarm",
            cloudwatch.Metric(
                namespace=METRICS_NAMESPACE,
                metric_name="SmsCodeBudgetAlerts",
                dimensions_map={"service": "consultations"},
                statistic="Sum",
                period=Duration.minutes(5),
            ),
            "A consultation spent 80 % or more of its SMS verification code budget, or refused a code "
            "for it (the ConsultationsApi log names the consultation)",
        )

        self.api_function = PlatformFunction(
            self,
            "ConsultationsApi",
            platform=platform,
            handler="numeriqc.consultations.handlers.api.handler",
            environment={
                **table_env,
                "PEPPER_SECRET_ARN": platform.pepper.secret_arn,
                "IDEMPOTENCY_TABLE": platform.idempotency_table.table_name,
                "EVENT_BUS_NAME": platform.bus.event_bus_name,
                "EXPORTS_BUCKET": self.bucket.bucket_name,
                "EXPORTS_QUEUE_URL": self.exports_queue.queue_url,
                # Verification codes go out through the notification service's own path (its queue).
                "PLATFORM_SMS_QUEUE_URL": platform_sms.queue_url,
            },
            description="Consultations: public participation, statements, organizations' routes, results",
        )
        self.table.grant_read_write_data(self.api_function)
        platform.idempotency_table.grant_read_write_data(self.api_function)
        platform.pepper.grant_read(self.api_function)
        platform.bus.grant_put_events_to(self.api_function)
        self.exports_queue.grant_send_messages(self.api_function)
        platform_sms.grant_send_messages(self.api_function)
        platform.key.grant_decrypt(self.api_function)  # presigned downloads of SSE-KMS objects
        self._grant_exports(self.api_function, ["s3:GetObject"])  # presigned URLs are signed by this role
        self._acknowledge(self.api_function)
        api.add_service(self.api_function, app)
        platform.add_health_check(
            "consultations-exports-bucket", "s3", self.bucket.bucket_name, self.bucket.bucket_arn
        )

    def _acknowledge(self, function: PlatformFunction) -> None:
        function.acknowledge_key_grant_wildcards()
        acknowledge(
            function.role or function,
            "AwsSolutions-IAM5[Resource::<ConsultationsTable.Arn>/index/*]",
            "CDK's table grant covers the table's own indexes (ByOrg, ByDue, Awaiting), nothing else.",
        )

    def _grant_exports(self, function: PlatformFunction, actions: list[str]) -> None:
        self._grant_objects(function, actions, "exports", "export files")

    def _grant_objects(self, function: PlatformFunction, actions: list[str], prefix: str, what: str) -> None:
        """Exactly these object actions, under one prefix only (CDK's bucket grants add List and Get*)."""
        iam.Grant.add_to_principal(
            grantee=function, actions=actions, resource_arns=[self.bucket.arn_for_objects(f"{prefix}/*")]
        )
        acknowledge(
            function.role or function,
            f"AwsSolutions-IAM5[Resource::<ConsultationsExportsBucket.Arn>/{prefix}/*]",
            f"The {what} are named by consultation at run time: the grant covers the {prefix}/ prefix "
            "of the service's own bucket, with only the object actions the function needs.",
        )

    def _exports_bucket(self, platform: Platform) -> s3.Bucket:
        bucket = s3.Bucket(
            self,
            "ConsultationsExportsBucket",
            encryption=s3.BucketEncryption.KMS,
            encryption_key=platform.key,
            bucket_key_enabled=True,
            block_public_access=s3.BlockPublicAccess.BLOCK_ALL,
            enforce_ssl=True,
            object_ownership=s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
            lifecycle_rules=[
                s3.LifecycleRule(id="Exports", prefix="exports/", expiration=EXPORT_RETENTION),
                # Each analysis writes a new matrix generation and deletes the previous one; this only
                # sweeps files of failed runs, and a consultation without a vote for 90 days.
                s3.LifecycleRule(id="VoteMatrices", prefix="analysis/", expiration=MATRIX_RETENTION),
            ],
            removal_policy=RemovalPolicy.RETAIN,
        )
        fix_logical_id(bucket, "ConsultationsExportsBucket")
        acknowledge(
            bucket,
            "AwsSolutions-S1",
            "Short-lived open-data export files (deleted after 7 days) read only through presigned URLs; "
            "the API logs each URL it issues (export id, key id), and a log bucket would keep request "
            "details longer than the exports themselves.",
        )
        return bucket
