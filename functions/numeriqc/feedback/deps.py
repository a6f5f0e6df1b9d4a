"""The one composition root of feedback: the adapters and rules each entry point is built from.

Built on use (lazy clients, cached settings and pepper), never at import time. Time comes from
`core.clock` (rules are handed `clock.now`, read at call time), so tests move it by installing a
clock there, not here.
"""

from numeriqc.core import aws, clock, settings
from numeriqc.core.events import EventPublisher
from numeriqc.core.secrets import pepper
from numeriqc.feedback.adapters.exports_bucket import MultipartUpload, S3Presigner
from numeriqc.feedback.adapters.exports_queue import SqsJobQueue
from numeriqc.feedback.adapters.platform_sms import PlatformSmsQueue
from numeriqc.feedback.adapters.table import FeedbackStore
from numeriqc.feedback.adapters.vault import KmsVault
from numeriqc.feedback.catalogue import Catalogue
from numeriqc.feedback.export_jobs import ExportJobs
from numeriqc.feedback.inbox import Inbox
from numeriqc.feedback.intake import Intake, Rules
from numeriqc.feedback.models import ExportFormat
from numeriqc.feedback.reports import Reports
from numeriqc.feedback.settings import FeedbackSettings
from numeriqc.feedback.sms_ratings import SmsRatings


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
    return Intake(store(), pepper(c.pepper_secret_arn), vault(), rules, clock.now)


def catalogue() -> Catalogue:
    return Catalogue(store(), clock.now)


def inbox() -> Inbox:
    return Inbox(store(), vault())


def reports() -> Reports:
    return Reports(store(), clock.now)


def export_jobs() -> ExportJobs:
    return ExportJobs(store(), clock.now)


def job_queue() -> SqsJobQueue:
    return SqsJobQueue(aws.client("sqs"), config().exports_queue_url)


def presigner() -> S3Presigner:
    return S3Presigner(aws.client("s3"), config().exports_bucket)


def upload_for(key: str, export_format: ExportFormat) -> MultipartUpload:
    """A new multipart upload of one export file into the exports bucket."""
    return MultipartUpload(aws.client("s3"), config().exports_bucket, key, export_format)


def publisher() -> EventPublisher:
    return EventPublisher(aws.client("events"), config().event_bus_name)


def sms_ratings() -> SmsRatings:
    return SmsRatings(
        catalogue(), PlatformSmsQueue(aws.client("sqs"), config().platform_sms_queue_url), intake(), clock.now
    )
