"""The one composition root of exchange: the adapters and rules each entry point is built from.

Built on use (lazy clients, cached settings), never at import time; rules are handed `clock.now`.
"""

from typing import Any

from numeriqc.core import aws, clock, settings
from numeriqc.core.events import EventPublisher
from numeriqc.exchange.access import Access
from numeriqc.exchange.adapters import table
from numeriqc.exchange.adapters.log_bucket import S3BatchArchive
from numeriqc.exchange.adapters.payloads import S3Payloads, S3UploadArea
from numeriqc.exchange.adapters.queues import SqsConsumerQueues
from numeriqc.exchange.adapters.signer import KmsSigner
from numeriqc.exchange.adapters.table import ExchangeStore
from numeriqc.exchange.catalogue import Catalogue
from numeriqc.exchange.chain import Entry
from numeriqc.exchange.claim_checks import Payloads
from numeriqc.exchange.delivery import Delivery
from numeriqc.exchange.figures import Figures
from numeriqc.exchange.file_publishing import FilePublishing
from numeriqc.exchange.log_audit import LogAudit
from numeriqc.exchange.mailbox import Mailbox
from numeriqc.exchange.publishing import Publishing
from numeriqc.exchange.replay import Replaying
from numeriqc.exchange.settings import ExchangeSettings
from numeriqc.exchange.signing import Signing


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


def file_publishing() -> FilePublishing:
    area = S3UploadArea(aws.client("s3"), config().payload_bucket, config().tier_keys())
    return FilePublishing(catalogue(), publishing(), area, store(), clock.now)


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
    return Delivery(s, queues(), s, clock.now)


def signing() -> Signing:
    return Signing(store(), signer(), S3BatchArchive(aws.client("s3"), config().log_bucket), clock.now)


def block_entries(image: dict[str, Any]) -> list[Entry]:
    """The entries of a block item as the table stream shows it (already converted from attributes)."""
    return table.block_entries(image)


def publisher() -> EventPublisher:
    return EventPublisher(aws.client("events"), config().event_bus_name)
