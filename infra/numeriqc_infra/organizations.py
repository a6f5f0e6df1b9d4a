"""The organizations service: registry, API keys (and the authorizer checking them), subscriptions."""

from aws_cdk import Stack
from aws_cdk import aws_iam as iam
from constructs import Construct

from numeriqc_infra.api import Api
from numeriqc_infra.functions import PlatformFunction
from numeriqc_infra.platform import Platform

# What an organization may do with its subscriptions to the family topics (topics are the resource).
SUBSCRIPTION_ACTIONS = [
    "sns:Subscribe",
    "sns:Unsubscribe",
    "sns:GetSubscriptionAttributes",
    "sns:SetSubscriptionAttributes",
]


class Organizations(Construct):
    def __init__(self, scope: Construct, id: str, *, platform: Platform, api: Api) -> None:
        super().__init__(scope, id)
        from numeriqc.organizations.handlers.api import app  # the resolver: its routes become API routes

        self.table = platform.service_table(
            self, "OrganizationsTable", partition_key="pk", sort_key="sk", time_to_live="expires_at"
        )
        common = {
            "ORGANIZATIONS_TABLE": self.table.table_name,
            "PEPPER_SECRET_ARN": platform.pepper.secret_arn,
        }

        self.authorizer = PlatformFunction(
            self,
            "Authorizer",
            platform=platform,
            handler="numeriqc.organizations.handlers.authorizer.handler",
            environment=common,
            description="API key authorizer: never denies, tells the function who is calling",
        )
        self.table.grant_read_data(self.authorizer)
        # Its one write: the first sighting of each Notify JWT (replay refusal: notify_keys.py).
        self.table.grant(self.authorizer, "dynamodb:UpdateItem")
        platform.key.grant_encrypt(self.authorizer)
        self.authorizer.acknowledge_key_grant_wildcards()
        platform.pepper.grant_read(self.authorizer)
        api.protect_with(self.authorizer)

        self.api_function = PlatformFunction(
            self,
            "OrganizationsApi",
            platform=platform,
            handler="numeriqc.organizations.handlers.api.handler",
            environment={
                **common,
                "EVENT_TOPICS": Stack.of(self).to_json_string(
                    {family: topic.topic_arn for family, topic in platform.topics.items()}
                ),
                "IDEMPOTENCY_TABLE": platform.idempotency_table.table_name,
                "EVENT_BUS_NAME": platform.bus.event_bus_name,
            },
            description="Organizations registry, API keys and event-topic subscriptions",
        )
        self.table.grant_read_write_data(self.api_function)
        platform.idempotency_table.grant_read_write_data(self.api_function)
        platform.pepper.grant_read(self.api_function)
        platform.bus.grant_put_events_to(self.api_function)
        iam.Grant.add_to_principal(
            grantee=self.api_function,
            actions=SUBSCRIPTION_ACTIONS,
            resource_arns=[topic.topic_arn for topic in platform.topics.values()],
        )
        self.api_function.acknowledge_key_grant_wildcards()
        api.add_service(self.api_function, app)
