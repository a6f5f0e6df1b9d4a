"""The one composition root of the barometer: the adapters and rules each entry point is built from.

Built on use (lazy clients, cached settings), never at import time; rules get `clock.now`.
"""

from numeriqc.barometer.adapters.site_bucket import S3Site
from numeriqc.barometer.adapters.table import BarometerStore
from numeriqc.barometer.indicators import Catalogue
from numeriqc.barometer.register import Register
from numeriqc.barometer.reporting import Reporting
from numeriqc.barometer.series import SeriesReading
from numeriqc.barometer.settings import BarometerSettings
from numeriqc.barometer.site_publication import SitePublisher
from numeriqc.barometer.site_schedule import SiteSchedule
from numeriqc.core import aws, clock, settings
from numeriqc.core.events import EventPublisher, EventSink


def config() -> BarometerSettings:
    return settings.load(BarometerSettings)


def store() -> BarometerStore:
    return BarometerStore(aws.client("dynamodb"), config().barometer_table)


def catalogue() -> Catalogue:
    return Catalogue(store(), clock.now)


def reporting() -> Reporting:
    return Reporting(catalogue(), store(), clock.now)


def register() -> Register:
    moderators = frozenset(org.strip() for org in config().moderator_orgs.split(",") if org.strip())
    return Register(store(), moderators, clock.now)


def series() -> SeriesReading:
    return SeriesReading(store(), clock.now)


def site_publisher() -> SitePublisher:
    table = store()
    site = S3Site(aws.client("s3"), config().site_bucket)
    return SitePublisher(
        catalogue=Catalogue(table, clock.now),
        series=SeriesReading(table, clock.now),
        register=Register(table, clock=clock.now),
        manifest=table,
        writer=site,
        clock=clock.now,
    )


def site_schedule(sink: EventSink) -> SiteSchedule:
    publisher = site_publisher()
    return SiteSchedule(store(), lambda: publisher.publish(sink), clock.now)


def publisher() -> EventPublisher:
    return EventPublisher(aws.client("events"), config().event_bus_name)
