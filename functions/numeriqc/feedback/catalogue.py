"""The services an organization collects feedback about. Pure logic over the `ServiceRecords` port.

A service id is `<org_id>.<slug>`: the owner is part of the id, so the public submission route
needs no lookup to know whose feedback it is, and ownership checks cost no read.
"""

from numeriqc.core.clock import Clock
from numeriqc.core.clock import now as installed_clock
from numeriqc.core.i18n import Message
from numeriqc.core.problems import Conflict, NotFound
from numeriqc.feedback.models import Service, ServiceIn
from numeriqc.feedback.ports import AlreadyExists, ServiceRecords

_TAKEN = Message("Le service {service_id} existe déjà.", "Service {service_id} already exists.")
_NO_SERVICE = Message("Aucun service {service_id}.", "No service {service_id}.")


def owns(org_id: str, service_id: str) -> bool:
    return service_id.split(".", 1)[0] == org_id


class Catalogue:
    def __init__(self, store: ServiceRecords, clock: Clock = installed_clock) -> None:
        self._store = store
        self._clock = clock

    def register(self, org_id: str, request: ServiceIn) -> Service:
        service = Service(
            service_id=f"{org_id}.{request.slug}",
            org_id=org_id,
            name_fr=request.name_fr,
            name_en=request.name_en,
            created_at=self._clock(),
        )
        try:
            self._store.add_service(service.model_dump(mode="json"))
        except AlreadyExists as error:
            raise Conflict(_TAKEN, service_id=service.service_id) from error
        return service

    def list(self, org_id: str) -> list[Service]:
        return [Service.model_validate(item) for item in self._store.services(org_id)]

    def get(self, org_id: str, service_id: str) -> Service:
        """Another organization's service is 'not found': its existence is not ours to reveal."""
        item = self._store.service(service_id) if owns(org_id, service_id) else None
        if item is None:
            raise NotFound(_NO_SERVICE, service_id=service_id)
        return Service.model_validate(item)
