"""Everything a notification entry point needs, built once per container from its settings.

Logic receives this object (or the parts it needs) instead of reaching for boto3 or the
environment itself; tests build it against moto through the real environment of each function.
"""

from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Any

from numeriqc.core import aws, settings
from numeriqc.core.events import CloudEvent, EventPublisher
from numeriqc.core.pii import keyed_hash
from numeriqc.core.secrets import pepper
from numeriqc.notifications.adapters import Queues, SesEmail, SnsSms, Uploads
from numeriqc.notifications.crypto import Cipher
from numeriqc.notifications.settings import NotificationsSettings
from numeriqc.notifications.store import NotificationsStore

if TYPE_CHECKING:
    from numeriqc.notifications.template_registry import TemplateRegistry

RECIPIENT_PURPOSE = "notifications-recipient"


@dataclass
class Context:
    config: NotificationsSettings
    _events: list[CloudEvent] = field(default_factory=list)

    @cached_property
    def store(self) -> NotificationsStore:
        return NotificationsStore(aws.client("dynamodb"), self.config.notifications_table)

    @cached_property
    def cipher(self) -> Cipher:
        return Cipher(aws.client("kms"), self.config.platform_key_arn)

    @cached_property
    def pepper(self) -> bytes:
        return pepper(self.config.pepper_secret_arn)

    @cached_property
    def queues(self) -> Queues:
        return Queues(aws.client("sqs"))

    @cached_property
    def email(self) -> SesEmail:
        return SesEmail(aws.client("sesv2"), self.config.email_sender, self.config.email_configuration_set)

    @cached_property
    def sms(self) -> SnsSms:
        return SnsSms(aws.client("sns"))

    @cached_property
    def uploads(self) -> Uploads:
        return Uploads(aws.client("s3"), self.config.uploads_bucket)

    @cached_property
    def publisher(self) -> EventPublisher:
        return EventPublisher(aws.client("events"), self.config.event_bus_name)

    def recipient_hash(self, key: str) -> str:
        return keyed_hash(key, self.pepper, RECIPIENT_PURPOSE)

    def emit(self, *events: CloudEvent) -> None:
        """Collect events; `flush()` publishes them in PutEvents batches of 10."""
        self._events.extend(events)

    def flush(self) -> None:
        if self._events:
            pending, self._events = self._events, []
            self.publisher.publish(pending)


_contexts: dict[Any, Context] = {}
_registries: dict[int, tuple["Context", Any]] = {}


def context() -> Context:
    """The container's context for the current function's settings (cached per environment)."""
    config = settings.load(NotificationsSettings)
    key = id(config)  # settings objects are cached per environment, so identity is the environment
    if key not in _contexts or _stale(_contexts[key]):
        _contexts[key] = Context(config)
    return _contexts[key]


def _stale(ctx: Context) -> bool:
    # A fresh moto in tests means fresh clients: rebuild when the kernel forgot its clients.
    store = ctx.__dict__.get("store")
    return store is not None and store._client is not aws.client("dynamodb")


def registry() -> "TemplateRegistry":
    """The container's template registry (immutable versions are cached in it)."""
    from numeriqc.notifications.template_registry import TemplateRegistry

    ctx = context()
    cached = _registries.get(id(ctx))
    if cached is None or cached[0] is not ctx:
        cached = _registries[id(ctx)] = (ctx, TemplateRegistry(ctx.store))
    registry: TemplateRegistry = cached[1]
    return registry
