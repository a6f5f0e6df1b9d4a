"""The one composition root of consultations: the adapters and rules each entry point is built from.

Built on use (lazy clients, cached settings and pepper), never at import time. Time comes from
`core.clock` (rules are handed `clock.now`, read at call time), so tests move it by installing a
clock there, not here.
"""

from numeriqc.consultations.adapters.analysis_queue import SqsAnalysisQueue
from numeriqc.consultations.adapters.exports_bucket import S3Files
from numeriqc.consultations.adapters.exports_queue import SqsExportQueue
from numeriqc.consultations.adapters.matrix_files import S3MatrixFiles
from numeriqc.consultations.adapters.platform_sms import PlatformSmsQueue
from numeriqc.consultations.adapters.table import ConsultationStore
from numeriqc.consultations.analysis import Analyses
from numeriqc.consultations.authoring import Authoring
from numeriqc.consultations.export_jobs import ExportJobs
from numeriqc.consultations.invitations import Invitations
from numeriqc.consultations.participation import Participation, Rules
from numeriqc.consultations.results import ResultsReader
from numeriqc.consultations.settings import ConsultationSettings
from numeriqc.consultations.sms_polls import SmsPolls
from numeriqc.consultations.sms_verification import SmsVerification
from numeriqc.consultations.statements import Statements
from numeriqc.core import aws, clock, settings
from numeriqc.core.events import EventPublisher
from numeriqc.core.secrets import pepper


def config() -> ConsultationSettings:
    return settings.load(ConsultationSettings)


def store() -> ConsultationStore:
    return ConsultationStore(aws.client("dynamodb"), config().consultations_table)


def rules() -> Rules:
    c = config()
    return Rules(
        client_rate_per_minute=c.client_rate_per_minute,
        consultation_rate_per_minute=c.consultation_rate_per_minute,
    )


def authoring() -> Authoring:
    return Authoring(store(), clock.now)


def participation() -> Participation:
    return Participation(store(), pepper(config().pepper_secret_arn), rules(), clock.now, sms_verification())


def sms_polls() -> SmsPolls:
    """Answers by SMS come from one client, the notification service: its rate is the consultation's."""
    c = config()
    sms_rules = Rules(
        client_rate_per_minute=c.consultation_rate_per_minute,
        consultation_rate_per_minute=c.consultation_rate_per_minute,
    )
    participation = Participation(store(), pepper(c.pepper_secret_arn), sms_rules, clock.now)
    return SmsPolls(participation, platform_sms(), clock.now)


def sms_verification() -> SmsVerification:
    return SmsVerification(store(), platform_sms(), pepper(config().pepper_secret_arn), rules(), clock.now)


def platform_sms() -> PlatformSmsQueue:
    return PlatformSmsQueue(aws.client("sqs"), config().platform_sms_queue_url)


def statements() -> Statements:
    table = store()
    return Statements(table, table, pepper(config().pepper_secret_arn), rules(), clock.now)


def invitations() -> Invitations:
    return Invitations(store(), pepper(config().pepper_secret_arn))


def results() -> ResultsReader:
    return ResultsReader(store(), clock.now)


def analyses() -> Analyses:
    return Analyses(store(), matrix_files(), clock.now)


def matrix_files() -> S3MatrixFiles:
    return S3MatrixFiles(aws.client("s3"), config().exports_bucket)


def analysis_queue() -> SqsAnalysisQueue:
    return SqsAnalysisQueue(aws.client("sqs"), config().analysis_queue_url)


def publisher() -> EventPublisher:
    return EventPublisher(aws.client("events"), config().event_bus_name)


def export_jobs() -> ExportJobs:
    return ExportJobs(store(), clock.now)


def export_queue() -> SqsExportQueue:
    return SqsExportQueue(aws.client("sqs"), config().exports_queue_url)


def files() -> S3Files:
    return S3Files(aws.client("s3"), config().exports_bucket)
