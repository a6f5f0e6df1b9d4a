"""Grouped alarms: every function and dead-letter queue is watched, by alarms CloudWatch accepts."""

from typing import Any

from infra_cfn import props, resources
from infra_invariants import alarms_on, alarms_on_first


def test_a_metric_math_alarm_reads_at_most_ten_metrics_and_names_them(template: dict[str, Any]) -> None:
    alarms = [props(template, lid) for lid in resources(template, "AWS::CloudWatch::Alarm")]
    grouped = [alarm for alarm in alarms if "Metrics" in alarm]
    assert grouped
    for alarm in grouped:
        metrics = [query for query in alarm["Metrics"] if "MetricStat" in query]
        (watched,) = [query for query in alarm["Metrics"] if "Expression" in query]
        assert 1 <= len(metrics) <= 10
        assert watched["Expression"] == "SUM(FILL(METRICS(), 0))"
        assert alarms_on_first(alarm)
        assert alarm["AlarmDescription"].count("; ") == len(metrics) - 1


def test_each_function_is_in_exactly_one_error_alarm(template: dict[str, Any]) -> None:
    for lid in resources(template, "AWS::Lambda::Function"):
        assert len(alarms_on(template, "Errors", "FunctionName", lid)) == 1, lid
