"""Alarms and the operations dashboard: one place decides what is watched and who is told.

Every alarm notifies the encrypted alarm topic (operators subscribe to it out of band). What is
watched follows the architecture: a 5xx is a bug, a function error is a bug, and a message in a
dead-letter queue is accepted work that was not done, so each of them alarms on the first one.

Function errors and dead-letter depths are watched in groups of ten, one metric-math alarm per
group (`SUM` of the members; CloudWatch reads at most ten metrics per alarm), whose description
names every member; the dashboard keeps one graph per function. One alarm per function and per
dead-letter queue cost 40 of CloudFormation's 500 resources per stack for the same signal: the
operator learns "one of these ten failed" and the dashboard or the alarm's reason says which.
The groups are built at synthesis (an aspect calls `close()`), once every service has registered
what it deploys, so a test stack with one function gets its alarm as the platform's does.
"""

from dataclasses import dataclass, field

import jsii
from aws_cdk import Aspects, Duration, IAspect
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
DEAD_LETTER_PERIOD = Duration.minutes(1)
METRICS_PER_ALARM = 10  # CloudWatch's limit for a metric-math alarm


@dataclass
class _Watched:
    """Members of one kind of grouped alarm: what each is called, and its metric."""

    what: str
    period: Duration
    members: list[tuple[str, cloudwatch.IMetric]] = field(default_factory=list)


class Monitoring(Construct):
    def __init__(self, scope: Construct, id: str, *, key: kms.IKey) -> None:
        super().__init__(scope, id)
        # CloudWatch publishes to this topic: the platform key's policy lets it use the key.
        self.alarm_topic = sns.Topic(self, "AlarmTopic", master_key=key, enforce_ssl=True)
        fix_logical_id(self.alarm_topic, "AlarmTopic")
        self.dashboard = cloudwatch.Dashboard(self, "Dashboard")
        fix_logical_id(self.dashboard, "Dashboard")
        self._errors = _Watched(
            "a function raised an error (a bug: expected failures are answered, not raised)", PERIOD
        )
        self._dead_letters = _Watched(
            "messages are waiting in a dead-letter queue (accepted work not done)", DEAD_LETTER_PERIOD
        )
        self._closed = False
        Aspects.of(self).add(_CloseAtSynthesis())

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
        self._watch(self._errors, name, function.metric_errors(period=PERIOD, statistic="Sum"))
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
        depth = queue.metric_approximate_number_of_messages_visible(
            period=DEAD_LETTER_PERIOD, statistic="Max"
        )
        self._watch(self._dead_letters, what, depth)

    def _watch(self, watched: _Watched, name: str, metric: cloudwatch.IMetric) -> None:
        if self._closed:
            raise RuntimeError(f"{name} is watched after Monitoring.close(): its alarm would be missing")
        watched.members.append((name, metric))

    def close(self) -> None:
        """Build the grouped alarms, once, when every service has been declared."""
        if self._closed:
            return
        self._closed = True
        for prefix, watched in (("FunctionErrors", self._errors), ("DeadLetters", self._dead_letters)):
            members = watched.members
            for n, start in enumerate(range(0, len(members), METRICS_PER_ALARM), start=1):
                group = members[start : start + METRICS_PER_ALARM]
                sum_of_group = cloudwatch.MathExpression(
                    expression="SUM(FILL(METRICS(), 0))",
                    using_metrics={f"m{i}": metric for i, (_, metric) in enumerate(group)},
                    label=f"{prefix} {n}",
                    period=watched.period,
                )
                names = "; ".join(name for name, _ in group)
                self.alarm_on_first(
                    self, f"{prefix}Alarm{n}", sum_of_group, f"{watched.what}: one of {names}"[:1024]
                )


@jsii.implements(IAspect)
class _CloseAtSynthesis:
    """Aspects run when the app synthesizes: after every construct exists, before the template."""

    def visit(self, node: Construct) -> None:
        if isinstance(node, Monitoring):
            node.close()
