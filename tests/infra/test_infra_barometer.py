"""The barometer's wiring in the synthesized template: its subscriptions' filters, the site's
bucket and CDN with a strict content security policy."""

import json
from typing import Any

import pytest
from infra_cfn import props, ref_target, resources

from numeriqc.barometer.platform_figures import FIGURES, TRANSACTION_ITEMS, counted_types
from numeriqc.barometer.site_schedule import CATCH_UP
from numeriqc_infra.barometer import SITE_CHANGES


def _subscriptions_to(template: dict[str, Any], queue: str) -> list[dict[str, Any]]:
    found = []
    for subscription in resources(template, "AWS::SNS::Subscription").values():
        properties = subscription["Properties"]
        endpoint = properties["Endpoint"]
        if isinstance(endpoint, dict) and ref_target(endpoint) == queue:
            found.append(properties)
    return found


def test_the_figures_queue_hears_exactly_the_types_the_mapping_counts(template: dict[str, Any]) -> None:
    subscriptions = _subscriptions_to(template, "BarometerPlatformEvents")
    heard = []
    for properties in subscriptions:
        assert properties["FilterPolicyScope"] == "MessageBody"
        assert properties["RawMessageDelivery"] is True
        heard += properties["FilterPolicy"]["type"]
    assert sorted(heard) == counted_types()


def test_a_figures_batch_fits_one_transaction(template: dict[str, Any]) -> None:
    """One claim per event and one update per indicator's period, over at most two months (an
    event may come back up to 14 days late): count_together's transaction, within DynamoDB's limit."""
    (mapping,) = [
        m["Properties"]
        for m in resources(template, "AWS::Lambda::EventSourceMapping").values()
        if "BarometerPlatformEvents" in json.dumps(m["Properties"]["EventSourceArn"])
    ]
    assert mapping["BatchSize"] > 10 and mapping["MaximumBatchingWindowInSeconds"] >= 1
    assert mapping["BatchSize"] + 2 * len(FIGURES) <= TRANSACTION_ITEMS


def test_the_site_queue_never_hears_its_own_publication(template: dict[str, Any]) -> None:
    (properties,) = _subscriptions_to(template, "BarometerSiteChanges")
    assert properties["FilterPolicy"]["type"] == SITE_CHANGES
    assert not any("site.published" in name for name in SITE_CHANGES)
    (mapping,) = [
        m["Properties"]
        for m in resources(template, "AWS::Lambda::EventSourceMapping").values()
        if "BarometerSiteChanges" in json.dumps(m["Properties"]["EventSourceArn"])
    ]
    assert mapping["MaximumBatchingWindowInSeconds"] == 60  # the debounce


def test_the_site_is_private_behind_cloudfront_with_a_strict_csp(template: dict[str, Any]) -> None:
    bucket = props(template, "BarometerSiteBucket")
    assert all(bucket["PublicAccessBlockConfiguration"].values())
    (distribution,) = resources(template, "AWS::CloudFront::Distribution").values()
    config = distribution["Properties"]["DistributionConfig"]
    assert config["DefaultCacheBehavior"]["ViewerProtocolPolicy"] == "redirect-to-https"
    assert config["DefaultCacheBehavior"]["AllowedMethods"] == ["GET", "HEAD"]
    assert "OriginAccessControlId" in json.dumps(config["Origins"])
    (policy,) = resources(template, "AWS::CloudFront::ResponseHeadersPolicy").values()
    security = policy["Properties"]["ResponseHeadersPolicyConfig"]["SecurityHeadersConfig"]
    csp = security["ContentSecurityPolicy"]["ContentSecurityPolicy"]
    directives = dict(part.strip().split(" ", 1) for part in csp.split(";") if " " in part.strip())
    assert directives["default-src"] == "'none'"
    assert "script-src" not in directives and "unsafe" not in csp
    assert security["StrictTransportSecurity"]["AccessControlMaxAgeSec"] >= 31536000


@pytest.mark.parametrize("role", ["BarometerSiteRole", "BarometerDailySiteRole"])
def test_the_site_functions_may_only_put_objects_in_the_site_bucket(
    template: dict[str, Any], role: str
) -> None:
    s3_actions = set()
    for policy in resources(template, "AWS::IAM::Policy").values():
        roles = json.dumps(policy["Properties"]["Roles"])
        if role not in roles:
            continue
        for statement in policy["Properties"]["PolicyDocument"]["Statement"]:
            actions = statement["Action"] if isinstance(statement["Action"], list) else [statement["Action"]]
            s3_actions |= {action for action in actions if action.startswith("s3:")}
    assert s3_actions == {"s3:PutObject"}


def test_the_site_catch_up_runs_every_interval_with_its_input_and_the_daily_run_without(
    template: dict[str, Any],
) -> None:
    rules = {
        name: rule["Properties"]
        for name, rule in resources(template, "AWS::Events::Rule").items()
        if name in ("BarometerDailyRule", "BarometerSiteCatchUpRule")
    }
    assert rules["BarometerSiteCatchUpRule"]["ScheduleExpression"] == "rate(5 minutes)"
    (target,) = rules["BarometerSiteCatchUpRule"]["Targets"]
    assert ref_target(target["Arn"]) == "BarometerDailySite"
    assert json.loads(target["Input"]) == CATCH_UP
    (daily,) = rules["BarometerDailyRule"]["Targets"]
    assert "Input" not in daily  # the scheduled event itself: a daily publication
