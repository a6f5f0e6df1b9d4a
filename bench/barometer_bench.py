"""Barometer: AWS calls per report and per counted platform event, pages written per publication,
and the public site's weight and generation time at full scale.

Calls go through the real template wiring under moto (bench.calls): what a deployed function pays
for. The site at scale (16 measures x 10 indicators x 5 years of monthly values) is rendered from
memory, so the figure is the generator's own time, not moto's.
"""

import time
from datetime import UTC, datetime
from typing import Any

from bench.calls import local_platform, org_key
from numeriqc.barometer.models import IndicatorStatus, SeriesPoint
from numeriqc.barometer.series import IndicatorView
from numeriqc.barometer.site_publication import render
from numeriqc.barometer.site_schedule import CATCH_UP
from numeriqc.barometer.strategy import AUTOMATIC_BY_ID, MEASURES
from numeriqc.core import aws, clock
from numeriqc.core.auth import Scope
from numeriqc.core.events import EventPublisher, cloud_event

INDICATORS_PER_MEASURE = 10
MONTHS = 60


def _month(months_back: int) -> str:
    today = clock.now().date()
    index = today.year * 12 + today.month - 1 - months_back
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def _settled(runtime: Any) -> None:
    """Every queue drained, then the site's catch-up rule run (as it does within
    site_schedule.INTERVAL): a change is shown whether it was published at once or left pending."""
    runtime.drain()
    runtime.invoke("BarometerDailySite", CATCH_UP)


def _calls_per_report() -> list[str]:
    with local_platform() as (runtime, counter):
        clock.use(runtime.clock, runtime.clock.advance)
        try:
            key = org_key(runtime, "bench", {Scope.BAROMETER_REPORT})
            headers = {"Authorization": f"Bearer {key}"}
            target = f"{clock.now().year + 2}-12-31"
            body = {
                "indicator_id": "bench-taux",
                "measure": 15,
                "name_fr": "Taux",
                "name_en": "Rate",
                "unit": "percent",
                "aggregation": "weighted_mean",
                "targets": [{"value": 80, "date": target}],
            }
            assert runtime.http("POST", "/v1/barometer/indicators", headers=headers, json=body).status == 201
            runtime.drain()
            lines = []

            def measure(label: str, payload: dict[str, Any], status: int) -> None:
                counter.reset()
                answer = runtime.http("POST", "/v1/barometer/reports", headers=headers, json=payload)
                assert answer.status == status, answer.text
                writes = counter.calls["dynamodb.TransactWriteItems"]
                lines.append(
                    f"  {label}: {counter.total} calls, {writes} write round trip ({counter.describe()})"
                )

            report = {"indicator_id": "bench-taux", "period": _month(1), "value": 50, "base": 10}
            runtime.http(
                "POST", "/v1/barometer/reports", headers=headers, json={**report, "period": _month(2)}
            )
            measure("first report", report, 201)
            measure("same report again", report, 200)
            measure("correction", {**report, "value": 60, "correction": True}, 201)

            runtime.drain()
            counter.reset()
            assert (
                runtime.http(
                    "POST", "/v1/barometer/reports", headers=headers, json={**report, "period": _month(0)}
                ).status
                == 201
            )
            api_calls = counter.total
            counter.reset()
            _settled(runtime)
            puts, others, described = counter.calls["s3.PutObject"], counter.total, counter.describe()
            files = len(
                aws.client("s3").list_objects_v2(Bucket=runtime.names["BarometerSiteBucket"])["Contents"]
            )
            lines.append(
                f"  publication after one report: {puts} of {files} files written; "
                f"{others - puts} other calls ({described}); the report itself {api_calls} calls"
            )

            publisher = EventPublisher(aws.client("events"), runtime.names["EventBus"])
            events = [
                cloud_event("feedback", "received", "bench", {"rating": 1 + n % 5}, clock=clock.now)
                for n in range(10)
            ]
            publisher.publish(events)
            counter.reset()
            _settled(runtime)
            writes = counter.calls["dynamodb.TransactWriteItems"]
            lines.append(
                "  10 feedback events counted (then the site republished, with its catch-up): "
                f"{writes} transactions "
                f"(1 per event, 3 indicators each), {counter.calls['events.PutEvents']} PutEvents"
            )
            # One event of each other counted type, as the services publish them.
            families = [
                (
                    "notifications",
                    "status",
                    {"id": "01JB0000000000000000000000", "status": "delivered", "channel": "email"},
                ),
                ("consultations", "closed", {"consultation_id": "c1", "participants": 40}),
                ("exchange", "message.delivered", {"consumer": "rq", "count": 25}),
                ("exchange", "grant.changed", {"consumer": "rq", "decision": "granted"}),
                ("organizations", "onboarded", {"org_id": "bench2"}),
            ]
            publisher.publish(
                cloud_event(family, name, "bench", data, clock=clock.now) for family, name, data in families
            )
            counter.reset()
            _settled(runtime)
            lines.append(
                f"  one event of each other counted type ({len(families)}): "
                f"{counter.calls['dynamodb.TransactWriteItems']} transactions, "
                f"{counter.calls['events.PutEvents']} PutEvents, "
                f"{counter.calls['s3.PutObject']} files written"
            )
            return lines
        finally:
            clock.use(None)


def indicator(**changes: Any) -> Any:
    """An indicator like the platform's CSAT one, renamed: the site's cost does not depend on which."""
    return AUTOMATIC_BY_ID["feedback-csat"].model_copy(update=changes)


def _site_at_scale() -> list[str]:
    points = [
        SeriesPoint(period=f"{2021 + i // 12}-{i % 12 + 1:02d}", value=40 + i / 3, reports=12)
        for i in range(MONTHS)
    ]
    views = [
        IndicatorView(
            indicator(
                indicator_id=f"indicateur-{measure.number:02d}-{n}",
                measure=measure.number,
                name_fr=f"Indicateur {n} de la mesure {measure.number}",
            ),
            points,
            IndicatorStatus.ON_TRACK,
        )
        for measure in MEASURES
        for n in range(INDICATORS_PER_MEASURE)
    ]
    started = time.perf_counter()
    site = render(MEASURES, views)
    elapsed = time.perf_counter() - started
    pages = {path: len(content) for path, (content, kind) in site.items() if kind.startswith("text/html")}
    heaviest = max(pages, key=lambda path: pages[path])
    total = sum(len(content) for content, _ in site.values())
    return [
        f"  site for {len(MEASURES)} measures x {INDICATORS_PER_MEASURE} indicators x {MONTHS} months: "
        f"{len(site)} files ({len(pages)} pages), {total / 1024 / 1024:.1f} MB, rendered in {elapsed:.2f} s",
        f"  heaviest page {heaviest}: {pages[heaviest] / 1024:.1f} KB (limit 100 KB); "
        f"median page {sorted(pages.values())[len(pages) // 2] / 1024:.1f} KB; no script",
    ]


def report() -> list[str]:
    started = datetime.now(UTC)
    lines = ["barometer", *_calls_per_report(), *_site_at_scale()]
    lines.append(f"  (measured in {(datetime.now(UTC) - started).total_seconds():.0f} s)")
    return lines


if __name__ == "__main__":
    print("\n".join(report()))
