"""The barometer service (measures 15, 16, 8): indicators and reports, the platform's own figures,
and the public static site.

Three functions share one table (see numeriqc.barometer.adapters.table): BarometerApi (every
route), BarometerFigures (the other services' events, from their family topics through one queue,
filtered to the types platform_figures.FIGURES counts) and BarometerSite (barometer events, from the
barometer topic through a queue, publish the site at most once per site_schedule.INTERVAL); a fourth,
BarometerDailySite, runs the site's two rules (daily, and the catch-up of pending changes).

The site is static, in a private bucket read only by CloudFront (origin access control), served
with a strict content security policy: no script at all, styles and images from the site only.
"""

from aws_cdk import Duration, RemovalPolicy
from aws_cdk import aws_cloudfront as cloudfront
from aws_cdk import aws_cloudfront_origins as origins
from aws_cdk import aws_events as events
from aws_cdk import aws_events_targets as targets
from aws_cdk import aws_iam as iam
from aws_cdk import aws_s3 as s3
from aws_cdk import aws_sns as sns
from aws_cdk import aws_sqs as sqs
from constructs import Construct

from numeriqc.barometer.platform_figures import counted_families, counted_types
from numeriqc.barometer.site_schedule import CATCH_UP, INTERVAL
from numeriqc.core.events import TYPE_PREFIX
from numeriqc_infra.api import Api
from numeriqc_infra.functions import PlatformFunction
from numeriqc_infra.nag import acknowledge
from numeriqc_infra.naming import fix_logical_id
from numeriqc_infra.platform import Platform

# The barometer's own events that change what the site shows (not site.published: no loop).
SITE_CHANGES = [
    f"{TYPE_PREFIX}barometer.{name}.v1"
    for name in (
        "report.recorded",
        "indicator.defined",
        "figures.recorded",
        "benefit.measured",
        "benefit.moderated",
        "achievement.moderated",
    )
]
# A burst of reports within this window is one invocation; site_schedule.INTERVAL bounds the
# publications whatever the invocations.
SITE_DEBOUNCE = Duration.seconds(60)
FIGURES_BATCH = 50
FIGURES_WINDOW = Duration.seconds(5)  # SQS mappings above 10 messages need a batching window
CONTENT_SECURITY_POLICY = (
    "default-src 'none'; style-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'; "
    "frame-ancestors 'none'; upgrade-insecure-requests"
)


class Barometer(Construct):
    def __init__(self, scope: Construct, id: str, *, platform: Platform, api: Api) -> None:
        super().__init__(scope, id)
        from numeriqc.barometer.handlers.api import app  # the resolver: its routes become API routes

        self.table = platform.service_table(
            self, "BarometerTable", partition_key="pk", sort_key="sk", time_to_live="expires_at"
        )
        table_env = {"BAROMETER_TABLE": self.table.table_name, "EVENT_BUS_NAME": platform.bus.event_bus_name}

        self.api_function = PlatformFunction(
            self,
            "BarometerApi",
            platform=platform,
            handler="numeriqc.barometer.handlers.api.handler",
            environment={**table_env, "IDEMPOTENCY_TABLE": platform.idempotency_table.table_name},
            description="Barometer: measures, indicators, organizations' reports",
        )
        self.table.grant_read_write_data(self.api_function)
        platform.idempotency_table.grant_read_write_data(self.api_function)
        platform.bus.grant_put_events_to(self.api_function)
        self.api_function.acknowledge_key_grant_wildcards()
        api.add_service(self.api_function, app)

        self.figures = PlatformFunction(
            self,
            "BarometerFigures",
            platform=platform,
            handler="numeriqc.barometer.handlers.platform_events_queue.handler",
            environment=table_env,
            description="The platform measures itself: services' events -> automatic indicators",
        )
        # A batch is counted in one transaction (one claim per event and one update per indicator's
        # period): 50 events and their periods stay within a transaction's 100 actions.
        figures_queue = self.figures.consume_queue(
            "BarometerPlatformEvents", batch_size=FIGURES_BATCH, max_batching_window=FIGURES_WINDOW
        )
        for family in counted_families():
            types = [name for name in counted_types() if name.startswith(f"{TYPE_PREFIX}{family}.")]
            _subscribe_queue(
                self, f"Barometer{family.capitalize()}Events", platform.topics[family], figures_queue, types
            )
        self.table.grant_read_write_data(self.figures)
        platform.bus.grant_put_events_to(self.figures)
        self.figures.acknowledge_key_grant_wildcards()

        self.site_bucket = self._site_bucket()
        self.site = PlatformFunction(
            self,
            "BarometerSite",
            platform=platform,
            handler="numeriqc.barometer.handlers.site_changes_queue.handler",
            environment={**table_env, "SITE_BUCKET": self.site_bucket.bucket_name},
            timeout=Duration.minutes(2),
            memory_size=1024,
            description="The public site: regenerated on change, only changed files written",
        )
        site_queue = self.site.consume_queue(
            "BarometerSiteChanges", batch_size=100, max_batching_window=SITE_DEBOUNCE
        )
        _subscribe_queue(
            self, "BarometerSiteSubscription", platform.topics["barometer"], site_queue, SITE_CHANGES
        )
        self.table.grant_read_write_data(self.site)
        platform.bus.grant_put_events_to(self.site)
        self._grant_site_writes(self.site)
        self.site.acknowledge_key_grant_wildcards()
        self.daily_site = self._daily_site(
            platform, {**table_env, "SITE_BUCKET": self.site_bucket.bucket_name}
        )
        self.distribution = self._distribution()
        platform.add_health_check(
            "barometer-site-bucket", "s3", self.site_bucket.bucket_name, self.site_bucket.bucket_arn
        )

    def _daily_site(self, platform: Platform, env: dict[str, str]) -> PlatformFunction:
        """Every day at 05:00 UTC (after midnight in Québec): statuses move with the calendar; and
        every site_schedule.INTERVAL, the changes the site's queue left pending."""
        function = PlatformFunction(
            self,
            "BarometerDailySite",
            platform=platform,
            handler="numeriqc.barometer.handlers.every_day.handler",
            environment=env,
            timeout=Duration.minutes(2),
            memory_size=1024,
            description="Every day: the public site again, as statuses move with the calendar",
        )
        self.table.grant_read_write_data(function)
        platform.bus.grant_put_events_to(function)
        self._grant_site_writes(function)
        function.acknowledge_key_grant_wildcards()
        rule = events.Rule(
            self,
            "BarometerDailyRule",
            schedule=events.Schedule.cron(minute="0", hour="5"),
            description="Publish the barometer's site again: statuses move with the calendar",
            targets=[targets.LambdaFunction(function, retry_attempts=2)],
        )
        fix_logical_id(rule, "BarometerDailyRule")
        catch_up = events.Rule(
            self,
            "BarometerSiteCatchUpRule",
            schedule=events.Schedule.rate(Duration.seconds(INTERVAL.total_seconds())),
            description="Publish the barometer's site if changes wait (at most one publication per interval)",
            targets=[
                targets.LambdaFunction(
                    function, event=events.RuleTargetInput.from_object(CATCH_UP), retry_attempts=2
                )
            ],
        )
        fix_logical_id(catch_up, "BarometerSiteCatchUpRule")
        return function

    def _grant_site_writes(self, function: PlatformFunction) -> None:
        """PutObject only, in the site's own bucket (CDK's bucket grants would add reads and deletes)."""
        iam.Grant.add_to_principal(
            grantee=function, actions=["s3:PutObject"], resource_arns=[self.site_bucket.arn_for_objects("*")]
        )
        acknowledge(
            function.role or function,
            "AwsSolutions-IAM5[Resource::<BarometerSiteBucket.Arn>/*]",
            "The site's pages are named by indicator at run time: PutObject only, in the site's own bucket.",
        )

    def _site_bucket(self) -> s3.Bucket:
        bucket = s3.Bucket(
            self,
            "BarometerSiteBucket",
            encryption=s3.BucketEncryption.S3_MANAGED,  # public data; CloudFront reads it without KMS grants
            block_public_access=s3.BlockPublicAccess.BLOCK_ALL,
            enforce_ssl=True,
            object_ownership=s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
            removal_policy=RemovalPolicy.RETAIN,
        )
        fix_logical_id(bucket, "BarometerSiteBucket")
        acknowledge(
            bucket,
            "AwsSolutions-S1",
            "Public, regenerated content read only by CloudFront; the function logs every publication "
            "(files written), and nothing in the bucket is personal or confidential.",
        )
        return bucket

    def _distribution(self) -> cloudfront.Distribution:
        headers = cloudfront.ResponseHeadersPolicy(
            self,
            "BarometerSiteHeaders",
            comment="Baromètre numériQc: strict CSP, no script",
            security_headers_behavior=cloudfront.ResponseSecurityHeadersBehavior(
                content_security_policy=cloudfront.ResponseHeadersContentSecurityPolicy(
                    content_security_policy=CONTENT_SECURITY_POLICY, override=True
                ),
                content_type_options=cloudfront.ResponseHeadersContentTypeOptions(override=True),
                frame_options=cloudfront.ResponseHeadersFrameOptions(
                    frame_option=cloudfront.HeadersFrameOption.DENY, override=True
                ),
                referrer_policy=cloudfront.ResponseHeadersReferrerPolicy(
                    referrer_policy=cloudfront.HeadersReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN,
                    override=True,
                ),
                strict_transport_security=cloudfront.ResponseHeadersStrictTransportSecurity(
                    access_control_max_age=Duration.days(365), include_subdomains=True, override=True
                ),
            ),
        )
        distribution = cloudfront.Distribution(
            self,
            "BarometerSiteDistribution",
            comment="Baromètre numériQc (public site)",
            default_root_object="index.html",
            default_behavior=cloudfront.BehaviorOptions(
                origin=origins.S3BucketOrigin.with_origin_access_control(self.site_bucket),
                viewer_protocol_policy=cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
                allowed_methods=cloudfront.AllowedMethods.ALLOW_GET_HEAD,
                response_headers_policy=headers,
                cache_policy=cloudfront.CachePolicy.CACHING_OPTIMIZED,
            ),
            price_class=cloudfront.PriceClass.PRICE_CLASS_100,
        )
        for finding, reason in (
            ("AwsSolutions-CFR1", "A public government site for everyone, wherever they read it from."),
            (
                "AwsSolutions-CFR2",
                "Static files only, GET and HEAD, no form, no input, no origin logic: nothing a WAF rule "
                "would protect; CloudFront's own DDoS protection applies.",
            ),
            (
                "AwsSolutions-CFR3",
                "Public pages with no personal data; access logs would hold readers' IP addresses "
                "(Loi 25) for no operational need.",
            ),
            (
                "AwsSolutions-CFR4",
                "No custom domain yet: the default CloudFront certificate's TLS policy is fixed; the "
                "minimum (TLSv1.2_2021) is set with the domain's certificate when one is attached.",
            ),
        ):
            acknowledge(distribution, finding, reason)
        return distribution


def _subscribe_queue(scope: Construct, id: str, topic: sns.Topic, queue: sqs.Queue, types: list[str]) -> None:
    """Topic -> encrypted queue, raw delivery, only the listed event types (a body filter on `type`).
    Not `SqsSubscription`: see notifications' `_subscribe_queue` (a key-policy cycle)."""
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
        filter_policy_with_message_body={
            "type": sns.FilterOrPolicy.filter(sns.SubscriptionFilter.string_filter(allowlist=types))
        },
    )
