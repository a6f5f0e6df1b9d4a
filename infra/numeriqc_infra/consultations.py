"""The consultation service: public participation routes, organizations' routes, the schedule, analysis.

Three functions share one table (single-table design, see numeriqc.consultations.adapters.table):
ConsultationsApi (every route), ConsultationsScheduler (every minute: windows that opened or
closed, and analysis requests) and ConsultationsAnalysis (the analysis queue -> opinion groups,
numpy, one full vCPU and room for 100,000 participants).
"""

from aws_cdk import Duration
from aws_cdk import aws_dynamodb as dynamodb
from aws_cdk import aws_events as events
from aws_cdk import aws_events_targets as targets
from constructs import Construct

from numeriqc_infra.api import Api
from numeriqc_infra.functions import PlatformFunction
from numeriqc_infra.nag import acknowledge
from numeriqc_infra.naming import fix_logical_id
from numeriqc_infra.platform import Platform

INDEXES = (("ByOrg", 1), ("ByDue", 2), ("Awaiting", 3))
ANALYSIS_TIMEOUT = Duration.minutes(2)  # 100,000 x 1,000 with 3 million votes: about 35 s on one core
ANALYSIS_MEMORY_MB = 3008  # peak about 0.3 GB for the model; the votes read from the table add more


class Consultations(Construct):
    def __init__(self, scope: Construct, id: str, *, platform: Platform, api: Api) -> None:
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

        self.analysis = PlatformFunction(
            self,
            "ConsultationsAnalysis",
            platform=platform,
            handler="numeriqc.consultations.handlers.analysis_queue.handler",
            environment=table_env,
            timeout=ANALYSIS_TIMEOUT,
            memory_size=ANALYSIS_MEMORY_MB,
            description="Opinion groups of a consultation's statement votes (PCA, k-means), as a snapshot",
        )
        self.analysis_queue = self.analysis.consume_queue("ConsultationsAnalysisQueue", batch_size=1)
        self.table.grant_read_write_data(self.analysis)
        self._acknowledge(self.analysis)

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
            },
            description="Consultations: public participation, statements, organizations' routes, results",
        )
        self.table.grant_read_write_data(self.api_function)
        platform.idempotency_table.grant_read_write_data(self.api_function)
        platform.pepper.grant_read(self.api_function)
        platform.bus.grant_put_events_to(self.api_function)
        self._acknowledge(self.api_function)
        api.add_service(self.api_function, app)

    def _acknowledge(self, function: PlatformFunction) -> None:
        function.acknowledge_key_grant_wildcards()
        acknowledge(
            function.role or function,
            "AwsSolutions-IAM5[Resource::<ConsultationsTable.Arn>/index/*]",
            "CDK's table grant covers the table's own indexes (ByOrg, ByDue, Awaiting), nothing else.",
        )
