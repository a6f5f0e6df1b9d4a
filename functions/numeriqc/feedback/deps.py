"""The adapters each feedback entry point is built from: settings, clients, store, pepper, clock.

Built on use (lazy clients, cached settings and pepper), never at import time. `clock` is the one
place time comes from: integration tests set it to the local platform's manual clock.
"""

from datetime import datetime

from numeriqc.core import aws, settings
from numeriqc.core.clock import Clock, system_clock
from numeriqc.core.secrets import pepper
from numeriqc.feedback.catalogue import Catalogue
from numeriqc.feedback.exports import Exports
from numeriqc.feedback.inbox import Inbox
from numeriqc.feedback.intake import Intake, Rules
from numeriqc.feedback.reports import Reports
from numeriqc.feedback.settings import FeedbackSettings
from numeriqc.feedback.store import FeedbackStore
from numeriqc.feedback.uploads import S3Presigner, SqsJobQueue
from numeriqc.feedback.vault import KmsVault

clock: Clock = system_clock


def now() -> datetime:
    """The current time, from `clock` as it is at call time (so tests can swap it)."""
    return clock()


def config() -> FeedbackSettings:
    return settings.load(FeedbackSettings)


def store() -> FeedbackStore:
    return FeedbackStore(aws.client("dynamodb"), config().feedback_table)


def vault() -> KmsVault:
    return KmsVault(aws.client("kms"), config().platform_key_arn)


def intake() -> Intake:
    c = config()
    rules = Rules(
        client_rate_per_minute=c.client_rate_per_minute,
        service_rate_per_minute=c.service_rate_per_minute,
        duplicate_window_seconds=c.duplicate_window_seconds,
        comment_retention_days=c.comment_retention_days,
        contact_retention_days=c.contact_retention_days,
    )
    return Intake(store(), pepper(c.pepper_secret_arn), vault(), rules, now)


def catalogue() -> Catalogue:
    return Catalogue(store(), now)


def inbox() -> Inbox:
    return Inbox(store(), vault())


def reports() -> Reports:
    return Reports(store(), now)


def exports() -> Exports:
    return Exports(store(), now)


def job_queue() -> SqsJobQueue:
    return SqsJobQueue(aws.client("sqs"), config().exports_queue_url)


def presigner() -> S3Presigner:
    return S3Presigner(aws.client("s3"), config().exports_bucket)
