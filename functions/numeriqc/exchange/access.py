"""Deny by default: which organization may receive a dataset's messages, until when, up to which tier.

Only the owner grants and revokes. A grant is checked on every delivery and every pull, so a
revocation is effective on the next message; revoking also deletes the consumer's queue and what
was waiting in it. Every decision is an entry of the dataset's chain (tamper-evident, signed with
the rest) and a `exchange.grant.changed.v1` event. A grant's active periods are kept: a consumer
may replay what was published while it held the grant, never anything else.
"""

import hashlib
from datetime import datetime

from numeriqc.core.clock import Clock
from numeriqc.core.clock import now as installed_clock
from numeriqc.core.events import EventSink, cloud_event
from numeriqc.core.i18n import Message
from numeriqc.core.observability import logger
from numeriqc.core.problems import FieldError, NotFound, ValidationFailed
from numeriqc.exchange import chain, chain_append
from numeriqc.exchange.catalogue import NO_DATASET, Catalogue
from numeriqc.exchange.models import Dataset, Grant, GrantIn, GrantStatus
from numeriqc.exchange.ports import ChainLog, ConsumerQueues, GrantRecords

_SELF = Message(
    "Le propriétaire reçoit déjà ses propres données.", "The owner already receives its own data."
)
_PAST = Message("L'échéance doit être dans le futur.", "The expiry must be in the future.")
_BELOW = Message(
    "Le jeu de données est de niveau « {tier} »; un accès plafonné plus bas ne recevrait rien.",
    "The dataset is tier '{tier}'; a grant capped lower would receive nothing.",
)
_NO_GRANT = Message(
    "Aucun accès actif de {consumer} à {dataset_id}.", "No active grant of {dataset_id} to {consumer}."
)


def queue_name(prefix: str, dataset_id: str, consumer: str, period: int) -> str:
    """Deterministic per grant period, so a retried grant finds the queue it already made."""
    digest = hashlib.sha256(f"{dataset_id}\n{consumer}\n{period}".encode()).hexdigest()[:24]
    return f"{prefix}-{digest}"


def decision_text(grant: Grant, decision: str, by: str, time: datetime) -> str:
    return chain.canonical(
        {
            "kind": "decision",
            "decision": decision,
            "dataset_id": grant.dataset_id,
            "consumer": grant.consumer,
            "max_tier": grant.max_tier.value,
            "expires_at": grant.expires_at.isoformat(),
            "by": by,
            "time": time.isoformat(),
        }
    )


class Access:
    def __init__(
        self,
        catalogue: Catalogue,
        grants: GrantRecords,
        log: ChainLog,
        queues: ConsumerQueues,
        queue_prefix: str,
        *,
        clock: Clock = installed_clock,
    ) -> None:
        self._catalogue = catalogue
        self._grants = grants
        self._log = log
        self._queues = queues
        self._prefix = queue_prefix
        self._clock = clock

    def grant(self, org_id: str, dataset_id: str, consumer: str, request: GrantIn, sink: EventSink) -> Grant:
        dataset = self._catalogue.owned(org_id, dataset_id)
        now = self._clock()
        self._check(dataset, consumer, request, now)
        existing = self._grants.grant(dataset_id, consumer)
        previous = Grant.model_validate(existing) if existing else None
        if previous is not None and previous.status is GrantStatus.ACTIVE:
            grant = previous.model_copy(
                update={"expires_at": request.expires_at, "max_tier": request.max_tier}
            )
        else:
            periods = previous.periods if previous else []
            name = queue_name(self._prefix, dataset_id, consumer, len(periods))
            url = self._queues.create(name, dataset.tier.value)
            grant = Grant(
                dataset_id=dataset_id,
                consumer=consumer,
                max_tier=request.max_tier,
                expires_at=request.expires_at,
                status=GrantStatus.ACTIVE,
                granted_at=now,
                periods=[*periods, (now, None)],
                queue_url=url,
            )
        self._decide(grant, "granted", org_id, now, sink)
        return grant

    def revoke(self, org_id: str, dataset_id: str, consumer: str, sink: EventSink) -> Grant:
        self._catalogue.owned(org_id, dataset_id)
        existing = self._grants.grant(dataset_id, consumer)
        grant = Grant.model_validate(existing) if existing else None
        if grant is None or grant.status is not GrantStatus.ACTIVE:
            raise NotFound(_NO_GRANT, consumer=consumer, dataset_id=dataset_id)
        now = self._clock()
        periods = [*grant.periods[:-1], (grant.periods[-1][0], now)] if grant.periods else []
        revoked = grant.model_copy(
            update={"status": GrantStatus.REVOKED, "revoked_at": now, "periods": periods}
        )
        self._decide(revoked, "revoked", org_id, now, sink)
        self._queues.delete(grant.queue_url)
        return revoked

    def grants(self, org_id: str, dataset_id: str) -> list[Grant]:
        self._catalogue.owned(org_id, dataset_id)
        return [Grant.model_validate(item) for item in self._grants.grants(dataset_id)]

    def current(self, org_id: str, dataset_id: str) -> Grant:
        """The caller's current grant on the dataset; 'no such dataset' otherwise (deny by default)."""
        item = self._grants.grant(dataset_id, org_id)
        grant = Grant.model_validate(item) if item else None
        if grant is None or not grant.current(self._clock()):
            logger.info("access denied", extra={"dataset_id": dataset_id, "org_id": org_id})
            raise NotFound(NO_DATASET, dataset_id=dataset_id)
        return grant

    def held(self, org_id: str, dataset_id: str) -> Grant:
        """The caller's grant, current or past (replay); 'no such dataset' when it never had one."""
        item = self._grants.grant(dataset_id, org_id)
        if item is None:
            raise NotFound(NO_DATASET, dataset_id=dataset_id)
        return Grant.model_validate(item)

    def _check(self, dataset: Dataset, consumer: str, request: GrantIn, now: datetime) -> None:
        errors = []
        if consumer == dataset.owner:
            errors.append(FieldError("path.consumer", "owner", _SELF))
        if request.expires_at <= now:
            errors.append(FieldError("body.expires_at", "in_the_past", _PAST))
        if request.max_tier.rank < dataset.tier.rank:
            errors.append(FieldError("body.max_tier", "below_dataset_tier", _BELOW, tier=dataset.tier.value))
        if errors:
            raise ValidationFailed(errors=errors)

    def _decide(self, grant: Grant, decision: str, by: str, now: datetime, sink: EventSink) -> None:
        """Log the decision in the chain first: a grant in force is always one the log shows."""
        text = decision_text(grant, decision, by, now)
        chain_append.append(self._log, grant.dataset_id, [text], now, 0)
        hidden = {"queue_url": grant.queue_url}
        if grant.push_id and grant.push_since:  # the consumer's choice of push outlives a change of terms
            since = grant.push_since.isoformat()
            hidden |= {"push_url": grant.push_url, "push_id": grant.push_id, "push_since": since}
        self._grants.put_grant(grant.model_dump(mode="json") | hidden)
        sink.emit(
            cloud_event(
                "exchange",
                "grant.changed",
                by,
                {
                    "dataset_id": grant.dataset_id,
                    "consumer": grant.consumer,
                    "decision": decision,
                    "max_tier": grant.max_tier.value,
                    "expires_at": grant.expires_at.isoformat(),
                },
                clock=self._clock,
            )
        )
