"""A consumer's choice of push over pull, per dataset: an HTTPS endpoint its messages are POSTed to.

Only a consumer whose grant is current registers one, only a public HTTPS endpoint is accepted (the
`EndpointPolicy` port: the organizations service's `public_endpoints` rule, SSRF class by class),
and registering again replaces it (a new endpoint id, so a new secret). The endpoint lives on the
grant: delivery reads the grants once per block and learns there where each consumer's messages go;
a revocation ends it with the grant, and a grant given again starts in pull mode.

The secret is derived (`push_signatures.secret_for`: pepper and endpoint id), never stored: the
answer of `register` carries it once, and the route adds it after the idempotent write, so the
idempotency record does not hold it either.
"""

from numeriqc.core.clock import Clock
from numeriqc.core.clock import now as installed_clock
from numeriqc.core.i18n import Message
from numeriqc.core.ids import new_ulid
from numeriqc.core.problems import FieldError, NotFound, ValidationFailed
from numeriqc.exchange.access import Access
from numeriqc.exchange.catalogue import NO_DATASET
from numeriqc.exchange.models import Grant, PushEndpoint, PushIn
from numeriqc.exchange.ports import EndpointPolicy, GrantRecords, NotActive

_REFUSED = {
    "malformed": Message("Cette URL est mal formée.", "This URL is malformed."),
    "not_https": Message("L'adresse doit être en HTTPS.", "The endpoint must use HTTPS."),
    "credentials": Message(
        "L'URL ne doit pas contenir d'identifiants.", "The URL must not contain credentials."
    ),
    "bad_host": Message("Le nom d'hôte n'est pas valide.", "The host name is not valid."),
    "numeric_form": Message(
        "Une adresse IPv4 s'écrit en notation décimale pointée.",
        "An IPv4 address must be written as a dotted quad.",
    ),
    "not_public": Message(
        "L'adresse doit être publique sur Internet (pas de réseau privé, local ni de métadonnées).",
        "The endpoint must be on the public Internet (no private, local or metadata address).",
    ),
    "unresolvable": Message("Ce nom d'hôte ne se résout pas.", "This host name does not resolve."),
}
_NONE = Message("Aucune adresse de livraison pour {dataset_id}.", "No push endpoint for {dataset_id}.")


class PushEndpoints:
    def __init__(
        self, access: Access, grants: GrantRecords, policy: EndpointPolicy, clock: Clock = installed_clock
    ) -> None:
        self._access = access
        self._grants = grants
        self._policy = policy
        self._clock = clock

    def register(self, org_id: str, dataset_id: str, request: PushIn) -> PushEndpoint:
        """The endpoint, without its secret (the caller derives it: see the module's docstring)."""
        self._access.current(org_id, dataset_id)  # 404 without a current grant
        reason = self._policy.refusal(request.url)
        if reason is not None:
            message = _REFUSED.get(reason, _REFUSED["not_public"])
            raise ValidationFailed(errors=[FieldError("body.url", reason, message)])
        now = self._clock()
        endpoint_id = new_ulid(self._clock)
        push = {"push_url": request.url, "push_id": endpoint_id, "push_since": now.isoformat()}
        try:
            self._grants.set_push(dataset_id, org_id, push)
        except NotActive as error:
            raise NotFound(NO_DATASET, dataset_id=dataset_id) from error
        return PushEndpoint(
            dataset_id=dataset_id, consumer=org_id, url=request.url, endpoint_id=endpoint_id, since=now
        )

    def read(self, org_id: str, dataset_id: str) -> PushEndpoint:
        return _endpoint(self._access.current(org_id, dataset_id))

    def remove(self, org_id: str, dataset_id: str) -> PushEndpoint:
        """Back to pull: the next block goes to the consumer's queue."""
        endpoint = _endpoint(self._access.current(org_id, dataset_id))
        try:
            self._grants.set_push(dataset_id, org_id, None)
        except NotActive as error:
            raise NotFound(NO_DATASET, dataset_id=dataset_id) from error
        return endpoint


def _endpoint(grant: Grant) -> PushEndpoint:
    if not grant.push_id or grant.push_since is None:
        raise NotFound(_NONE, dataset_id=grant.dataset_id)
    return PushEndpoint(
        dataset_id=grant.dataset_id,
        consumer=grant.consumer,
        url=grant.push_url,
        endpoint_id=grant.push_id,
        since=grant.push_since,
    )
