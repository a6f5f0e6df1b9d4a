"""The one composition root of the notification service: settings, adapters and rules, built on use.

Nothing is built at import time. Adapters that keep state worth keeping (the cipher's data key, the
template versions, SNS's opt-out list, clients) are cached per settings object, that is per
environment: functions served in one process with different environments (the local runtime, the
tests) never share one. A fresh moto in tests means fresh clients, so a cached adapter built on a
client the kernel has since forgotten is rebuilt. Rules are cheap and built per call from these.
Time comes from `core.clock` (handlers pass `clock.now()`), events go to the invocation's buffer.
"""

from collections.abc import Callable
from typing import Any, TypeVar

from numeriqc.core import aws, settings
from numeriqc.core import clock as clocks
from numeriqc.core.events import EventPublisher
from numeriqc.core.host_names import SystemResolver
from numeriqc.core.secrets import pepper as read_pepper
from numeriqc.notifications.acceptance import Acceptance
from numeriqc.notifications.adapters.callbacks import HttpCallbackPoster
from numeriqc.notifications.adapters.cipher import Cipher
from numeriqc.notifications.adapters.providers import SesEmail, SnsSms
from numeriqc.notifications.adapters.queues import AnswerQueues, Queues
from numeriqc.notifications.adapters.recipients import AnswerKeyer, PepperedHasher
from numeriqc.notifications.adapters.table import NotificationsTable
from numeriqc.notifications.adapters.uploads import Uploads
from numeriqc.notifications.bulk_jobs import BulkJobs
from numeriqc.notifications.bulk_planning import SlicePlanner
from numeriqc.notifications.cancellation import Cancellation
from numeriqc.notifications.channel_delivery import ChannelDelivery
from numeriqc.notifications.citizens import Citizens
from numeriqc.notifications.coming_due import ComingDue
from numeriqc.notifications.consent_imports import ConsentImporter
from numeriqc.notifications.delivery_outcomes import DeliveryOutcomes
from numeriqc.notifications.platform_sms import PlatformSms
from numeriqc.notifications.reading import Reading
from numeriqc.notifications.settings import NotificationsSettings
from numeriqc.notifications.sms_questions import SmsQuestions
from numeriqc.notifications.sms_replies import SmsReplies
from numeriqc.notifications.status_callbacks import StatusCallbacks
from numeriqc.notifications.template_registry import TemplateRegistry
from numeriqc.organizations import public_endpoints
from numeriqc.organizations.ports import HostResolver

T = TypeVar("T")
_built: dict[tuple[int, str], tuple[NotificationsSettings, Any, Any]] = {}


def config() -> NotificationsSettings:
    return settings.load(NotificationsSettings)


def _cached(name: str, build: Callable[[NotificationsSettings], T]) -> T:
    """`build(config)` once per settings object, again when the AWS clients were reset."""
    current = config()
    key = (id(current), name)  # settings are cached per environment: identity is the environment
    sentinel = aws.client("dynamodb")  # every notification function uses it; reset with the others
    found = _built.get(key)
    if found is None or found[0] is not current or found[1] is not sentinel:
        found = _built[key] = (current, sentinel, build(current))
    built: T = found[2]
    return built


# -- adapters --------------------------------------------------------------------------------------


def table() -> NotificationsTable:
    """The one table adapter: it implements every record port of `ports.py`, so each rule below is
    handed it once per port it uses."""
    return _cached("table", lambda c: NotificationsTable(aws.client("dynamodb"), c.notifications_table))


def registry() -> TemplateRegistry:
    """The container's template registry (immutable versions are cached in it)."""
    return _cached("registry", lambda c: TemplateRegistry(table()))


def cipher() -> Cipher:
    return _cached("cipher", lambda c: Cipher(aws.client("kms"), c.platform_key_arn))


def queues() -> Queues:
    return _cached("queues", lambda c: Queues(aws.client("sqs")))


def email() -> SesEmail:
    return _cached(
        "email", lambda c: SesEmail(aws.client("sesv2"), c.email_sender, c.email_configuration_set)
    )


def sms() -> SnsSms:
    return _cached("sms", lambda c: SnsSms(aws.client("sns")))


def uploads() -> Uploads:
    return _cached("uploads", lambda c: Uploads(aws.client("s3"), c.uploads_bucket))


def publisher() -> EventPublisher:
    """What `publishes_events` publishes an invocation's events with (built only when there are some)."""
    return EventPublisher(aws.client("events"), config().event_bus_name)


def pepper() -> bytes:
    return read_pepper(config().pepper_secret_arn)


def hasher() -> PepperedHasher:
    return PepperedHasher(pepper)


# -- rules -----------------------------------------------------------------------------------------


def acceptance() -> Acceptance:
    return Acceptance(table(), table(), table(), registry(), cipher(), queues(), hasher(), config())


def platform_sms() -> PlatformSms:
    return PlatformSms(acceptance(), table(), hasher())


def sms_questions() -> SmsQuestions:
    return SmsQuestions(
        table(), AnswerQueues(aws.client("sqs"), config().sms_answer_queues), AnswerKeyer(pepper)
    )


def cancellation() -> Cancellation:
    return Cancellation(table())


def reading() -> Reading:
    return Reading(table(), registry(), cipher(), pepper)


def bulk_jobs() -> BulkJobs:
    return BulkJobs(table(), table(), table(), registry(), uploads(), queues(), config())


def slice_planner() -> SlicePlanner:
    return SlicePlanner(table(), table(), table(), uploads(), cipher(), queues(), hasher(), config())


def channel_delivery() -> ChannelDelivery:
    return ChannelDelivery(
        table(), table(), registry(), cipher(), email(), sms(), pepper, config(), hash_recipient=hasher()
    )


def coming_due() -> ComingDue:
    c = config()
    return ComingDue(table(), table(), table(), queues(), c.channel_queues, c.plan_queue_url)


def consent_importer() -> ConsentImporter:
    return ConsentImporter(table(), table(), uploads(), hasher())


def citizens() -> Citizens:
    return Citizens(table(), table(), hasher(), pepper)


def sms_replies() -> SmsReplies:
    return SmsReplies(table(), table(), sms(), hasher(), sms_questions())


def delivery_outcomes() -> DeliveryOutcomes:
    return DeliveryOutcomes(table(), table())


def status_callbacks() -> StatusCallbacks:
    return StatusCallbacks(
        table(),
        cipher(),
        HttpCallbackPoster(),
        reading().read_in_its_world,
        sleep=clocks.sleep,
        allow_loopback_http=config().numeriqc_local_runtime,
        endpoint_refusal=lambda url: public_endpoints.refusal(url, resolver()),
    )


def resolver() -> HostResolver:
    """The name resolver callback URLs are checked with. Tests replace this function, so that no
    test ever asks a real DNS."""
    return SystemResolver()
