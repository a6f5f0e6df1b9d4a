"""The numeriQc platform stack: shared platform, HTTP API, services, outputs, cdk-nag acknowledgments."""

from aws_cdk import CfnOutput, Stack
from constructs import Construct

from numeriqc_infra.api import Api
from numeriqc_infra.barometer import Barometer
from numeriqc_infra.consultations import Consultations
from numeriqc_infra.exchange import Exchange
from numeriqc_infra.feedback import Feedback
from numeriqc_infra.notifications import Notifications
from numeriqc_infra.organizations import Organizations
from numeriqc_infra.platform import Platform, topic_id
from numeriqc_infra.platform_api import PlatformApi
from numeriqc_infra.sms_answers import SmsAnswers

STACK_ID = "NumeriqcPlatform"


class NumeriqcStack(Stack):
    def __init__(self, scope: Construct, *, stage: str, log_level: str = "INFO") -> None:
        # The construct id (so cdk.out/NumeriqcPlatform.template.json) never changes; the deployed
        # stack name carries the stage so stages can share an account.
        super().__init__(
            scope,
            STACK_ID,
            stack_name=f"{STACK_ID}-{stage}",
            description=f"numeriQc shared digital services platform ({stage})",
        )
        self.platform = Platform(self, "Platform", stage=stage, log_level=log_level)
        self.api = Api(self, "Api", platform=self.platform)
        self.organizations = Organizations(self, "Organizations", platform=self.platform, api=self.api)
        self.notifications = Notifications(self, "Notifications", platform=self.platform, api=self.api)
        self.feedback = Feedback(
            self,
            "Feedback",
            platform=self.platform,
            api=self.api,
            platform_sms=self.notifications.platform_sms_queue,
        )
        self.consultations = Consultations(
            self,
            "Consultations",
            platform=self.platform,
            api=self.api,
            platform_sms=self.notifications.platform_sms_queue,
        )
        self.sms_answers = SmsAnswers(
            self,
            "SmsAnswers",
            platform=self.platform,
            notifications=self.notifications,
            consultations=self.consultations,
            feedback=self.feedback,
        )
        self.exchange = Exchange(self, "Exchange", platform=self.platform, api=self.api)
        self.barometer = Barometer(self, "Barometer", platform=self.platform, api=self.api)
        # Last: it health-checks what the services above registered.
        self.platform_api = PlatformApi(self, "PlatformService", platform=self.platform, api=self.api)
        self._outputs()

    def _outputs(self) -> None:
        """What the CLI reads to reach a deployed platform (`aws cloudformation describe-stacks`)."""
        platform = self.platform
        values = {
            "ApiUrl": self.api.url,
            "OrganizationsTableName": self.organizations.table.table_name,
            "FeedbackTableName": self.feedback.table.table_name,
            "ConsultationsTableName": self.consultations.table.table_name,
            "ExchangeTableName": self.exchange.table.table_name,
            "BarometerTableName": self.barometer.table.table_name,
            "BarometerSiteBucketName": self.barometer.site_bucket.bucket_name,
            "BarometerSiteUrl": f"https://{self.barometer.distribution.distribution_domain_name}/",
            "IdempotencyTableName": platform.idempotency_table.table_name,
            "EventBusName": platform.bus.event_bus_name,
            "PepperSecretArn": platform.pepper.secret_arn,
            "PlatformKeyArn": platform.key.key_arn,
            "AlarmTopicArn": platform.monitoring.alarm_topic.topic_arn,
            **{f"{topic_id(family)}Arn": topic.topic_arn for family, topic in platform.topics.items()},
        }
        for name, value in values.items():
            CfnOutput(self, name, value=value)
