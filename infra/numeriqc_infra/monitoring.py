"""Alarms and the operations dashboard: one place decides what is watched and who is told.

Every alarm notifies the encrypted alarm topic (operators subscribe to it out of band). What is
watched follows the architecture: a 5xx is a bug, a function error is a bug, and a message in a
dead-letter queue is accepted work that was not done, so each of them alarms on the first one.
"""

from aws_cdk import Duration
from aws_cdk import aws_apigatewayv2 as apigwv2
from aws_cdk import aws_cloudwatch as cloudwatch
from aws_cdk import aws_cloudwatch_actions as actions
from aws_cdk import aws_kms as kms
from aws_cdk import aws_lambda as lambda_
from aws_cdk import aws_sns as sns
from aws_cdk import aws_sqs as sqs
from constructs import Construct

from numeriqc_infra.naming import fix_logical_id

PERIOD = Duration.minutes(5)


class Monitoring(Construct):
    def __init__(self, scope: Construct, id: str, *, key: kms.IKey) -> None:
        super().__init__(scope, id)
        # CloudWatch publishes to this topic: the platform key's policy lets it use the key.
        self.alarm_topic = sns.Topic(self, "AlarmTopic", master_key=key, enforce_ssl=True)
        fix_logical_id(self.alarm_topic, "AlarmTopic")
        self.dashboard = cloudwatch.Dashboard(self, "Dashboard")
        fix_logical_id(self.dashboard, "Dashboard")

    def alarm_on_first(self, scope: Construct, id: str, metric: cloudwatch.IMetric, what: str) -> None:
        """Alarm as soon as `metric` reaches 1 in a period; no data means nothing happened."""
        alarm = cloudwatch.Alarm(
            scope,
            id,
            metric=metric,
            threshold=1,
            evaluation_periods=1,
            comparison_operator=cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
            treat_missing_data=cloudwatch.TreatMissingData.NOT_BREACHING,
            alarm_description=what,
        )
        alarm.add_alarm_action(actions.SnsAction(self.alarm_topic))

    def watch_function(self, function: lambda_.Function, name: str) -> None:
        self.alarm_on_first(
            function,
            "ErrorsAlarm",
            function.metric_errors(period=PERIOD, statistic="Sum"),
            f"{name} raised an error (a bug: expected failures are answered, not raised)",
        )
        self.dashboard.add_widgets(
            cloudwatch.GraphWidget(
                title=f"{name}: invocations and errors",
                left=[function.metric_invocations(period=PERIOD), function.metric_errors(period=PERIOD)],
                width=12,
            ),
            cloudwatch.GraphWidget(
                title=f"{name}: duration p50 / p99",
                left=[
                    function.metric_duration(period=PERIOD, statistic="p50"),
                    function.metric_duration(period=PERIOD, statistic="p99"),
                ],
                width=12,
            ),
        )

    def watch_api(self, api: apigwv2.HttpApi) -> None:
        self.alarm_on_first(
            api,
            "ServerErrorsAlarm",
            api.metric_server_error(period=PERIOD, statistic="Sum"),
            "the HTTP API answered 5xx (a bug: bad input gets a 4xx)",
        )
        self.dashboard.add_widgets(
            cloudwatch.GraphWidget(
                title="API: requests, 4xx, 5xx",
                left=[
                    api.metric_count(period=PERIOD, statistic="Sum"),
                    api.metric_client_error(period=PERIOD, statistic="Sum"),
                    api.metric_server_error(period=PERIOD, statistic="Sum"),
                ],
                width=12,
            ),
            cloudwatch.GraphWidget(
                title="API: latency p50 / p99",
                left=[
                    api.metric_latency(period=PERIOD, statistic="p50"),
                    api.metric_latency(period=PERIOD, statistic="p99"),
                ],
                width=12,
            ),
        )

    def watch_dead_letters(self, queue: sqs.Queue, what: str) -> None:
        self.alarm_on_first(
            queue,
            "DepthAlarm",
            queue.metric_approximate_number_of_messages_visible(period=Duration.minutes(1), statistic="Max"),
            f"messages are waiting in a dead-letter queue: {what}",
        )
