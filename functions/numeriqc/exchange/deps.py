"""The one composition root of exchange: the adapters and rules each entry point is built from.

Built on use (lazy clients, cached settings), never at import time; rules are handed `clock.now`.
"""

from typing import Any

from numeriqc.core import aws, clock, secrets, settings
from numeriqc.core.events import EventPublisher
from numeriqc.exchange.access import Access
from numeriqc.exchange.adapters import table
from numeriqc.exchange.adapters.log_bucket import S3BatchArchive
from numeriqc.exchange.adapters.payloads import S3Payloads, S3UploadArea
from numeriqc.exchange.adapters.push_http import HttpsPush, SystemNames
from numeriqc.exchange.adapters.queues import SqsConsumerQueues
from numeriqc.exchange.adapters.signer import KmsSigner
from numeriqc.exchange.adapters.table import ExchangeStore
from numeriqc.exchange.adapters.work_queue import SqsWorkQueue
from numeriqc.exchange.catalogue import Catalogue
from numeriqc.exchange.chain import Entry
from numeriqc.exchange.claim_checks import Payloads
from numeriqc.exchange.delivery import Delivery
from numeriqc.exchange.figures import Figures
from numeriqc.exchange.file_publishing import FilePublishing
from numeriqc.exchange.log_audit import LogAudit
from numeriqc.exchange.mailbox import Mailbox
from numeriqc.exchange.publishing import Publishing
from numeriqc.exchange.push_endpoints import PushEndpoints
from numeriqc.exchange.push_signatures import secret_for
from numeriqc.exchange.pushing import Pushing
from numeriqc.exchange.replay import Replaying
from numeriqc.exchange.settings import ExchangeSettings
from numeriqc.exchange.signing import Signing
from numeriqc.organizations.ports import HostResolver


def config() -> ExchangeSettings:
    return settings.load(ExchangeSettings)


def store() -> ExchangeStore:
    return ExchangeStore(aws.client("dynamodb"), config().exchange_table)


def queues() -> SqsConsumerQueues:
    return SqsConsumerQueues(aws.client("sqs"), config().tier_keys())


def signer() -> KmsSigner:
    return KmsSigner(aws.client("kms"), config().signing_key_id)


def catalogue() -> Catalogue:
    s = store()
    return Catalogue(s, s, clock.now)


def access() -> Access:
    s = store()
    return Access(catalogue(), s, s, queues(), config().queue_prefix, clock=clock.now)


def payload_store() -> S3Payloads:
    return S3Payloads(aws.client("s3"), config().payload_bucket, config().tier_keys())


def payloads() -> Payloads:
    return Payloads(access(), payload_store(), clock.now)


def publishing() -> Publishing:
    return Publishing(catalogue(), store(), payload_store(), clock.now)


def work_queue() -> SqsWorkQueue:
    return SqsWorkQueue(aws.client("sqs"), config().work_queue_url)


def file_publishing() -> FilePublishing:
    area = S3UploadArea(aws.client("s3"), config().payload_bucket, config().tier_keys())
    return FilePublishing(catalogue(), publishing(), area, store(), work_queue(), clock=clock.now)


def resolver() -> HostResolver:
    """The name resolver push endpoints are checked with. Tests replace this function, so that no
    test ever asks a real DNS."""
    return SystemNames()


def push_transport() -> HttpsPush:
    return HttpsPush(resolver(), allow_loopback_http=config().exchange_push_loopback_http)


def push_endpoints() -> PushEndpoints:
    return PushEndpoints(access(), store(), push_transport(), clock.now)


def push_secret(endpoint_id: str) -> str:
    """An endpoint's signing secret, derived (the pepper is read once per container)."""
    return secret_for(secrets.pepper(config().pepper_secret_arn), endpoint_id)


def pushing() -> Pushing:
    s = store()
    return Pushing(s, push_transport(), queues(), s, push_secret, clock=clock.now)


def mailbox() -> Mailbox:
    return Mailbox(access(), queues(), payloads())


def replaying() -> Replaying:
    s = store()
    return Replaying(access(), s, s, config().log_retention_days, payloads(), clock=clock.now)


def log_audit() -> LogAudit:
    return LogAudit(catalogue(), access(), store(), signer())


def figures() -> Figures:
    return Figures(catalogue(), store())


def delivery() -> Delivery:
    s = store()
    return Delivery(s, queues(), s, work_queue(), clock.now)


def signing() -> Signing:
    return Signing(store(), signer(), S3BatchArchive(aws.client("s3"), config().log_bucket), clock.now)


def block_entries(image: dict[str, Any]) -> list[Entry]:
    """The entries of a block item as the table stream shows it (already converted from attributes)."""
    return table.block_entries(image)


def publisher() -> EventPublisher:
    return EventPublisher(aws.client("events"), config().event_bus_name)
