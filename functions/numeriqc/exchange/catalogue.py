"""The catalogue (measure 14): which datasets exist, who owns them, how they are classified, and
who may see each entry.

A dataset id is `<owner>.<slug>`, so ownership costs no read. Visibility: public and internal
datasets are listed to every organization of the platform; confidential and restricted ones only
to their owner and to organizations holding a current grant. Anyone else gets "not found", the same
answer as for a dataset that does not exist: the catalogue never hints at what the caller may not
see. Only the owner sees a dataset's consumers.
"""

from datetime import datetime
from typing import Any

from numeriqc.core.clock import Clock
from numeriqc.core.clock import now as installed_clock
from numeriqc.core.i18n import Message
from numeriqc.core.problems import Conflict, FieldError, Forbidden, NotFound, ValidationFailed
from numeriqc.exchange import schemas
from numeriqc.exchange.models import (
    Dataset,
    DatasetIn,
    Grant,
    SchemaVersion,
    SchemaVersionIn,
    Tier,
)
from numeriqc.exchange.ports import AlreadyExists, DatasetRecords, GrantRecords, StaleVersion

LISTED_TO_ALL = frozenset({Tier.PUBLIC, Tier.INTERNAL})

_TAKEN = Message("Le jeu de données {dataset_id} existe déjà.", "Dataset {dataset_id} already exists.")
NO_DATASET = Message("Aucun jeu de données {dataset_id}.", "No dataset {dataset_id}.")
_OWNER_ONLY = Message(
    "Seul l'organisme propriétaire de {dataset_id} peut faire cela.",
    "Only the organization that owns {dataset_id} may do this.",
)
_NO_VERSION = Message(
    "Le jeu de données {dataset_id} n'a pas de version {version} de schéma.",
    "Dataset {dataset_id} has no schema version {version}.",
)
_NOT_IN_SCHEMA = Message(
    "« {name} » n'est pas une propriété du schéma.", "'{name}' is not a property of the schema."
)
_RACED = Message(
    "Une autre version du schéma vient d'être publiée; relisez-la puis réessayez.",
    "Another schema version was just published; read it and try again.",
)


def owner_of(dataset_id: str) -> str:
    return dataset_id.split(".", 1)[0]


class Catalogue:
    def __init__(
        self, datasets: DatasetRecords, grants: GrantRecords, clock: Clock = installed_clock
    ) -> None:
        self._datasets = datasets
        self._grants = grants
        self._clock = clock

    def register(self, org_id: str, request: DatasetIn) -> Dataset:
        errors = schemas.check_schema(request.json_schema)
        if request.layout is not None and not errors:
            known = set(request.json_schema.get("properties") or {})
            errors = [
                FieldError(
                    f"body.layout.fields[{index}].name", "not_in_schema", _NOT_IN_SCHEMA, name=field.name
                )
                for index, field in enumerate(request.layout.fields)
                if field.name not in known
            ]
        if errors:
            raise ValidationFailed(errors=errors)
        now = self._clock()
        dataset = Dataset(
            dataset_id=f"{org_id}.{request.slug}",
            owner=org_id,
            name_fr=request.name_fr,
            name_en=request.name_en,
            description_fr=request.description_fr,
            description_en=request.description_en,
            classification=request.classification,
            tier=request.tier,
            layout=request.layout,
            schema_version=1,
            created_at=now,
        )
        version = SchemaVersion(
            dataset_id=dataset.dataset_id,
            version=1,
            breaking=False,
            json_schema=request.json_schema,
            created_at=now,
        )
        try:
            self._datasets.add_dataset(
                dataset.model_dump(mode="json", exclude={"consumers"}), version.model_dump(mode="json")
            )
        except AlreadyExists as error:
            raise Conflict(_TAKEN, dataset_id=dataset.dataset_id) from error
        return dataset

    def add_version(self, org_id: str, dataset_id: str, request: SchemaVersionIn) -> SchemaVersion:
        """A new schema version: refused when it breaks consumers, unless declared breaking."""
        dataset = self.owned(org_id, dataset_id)
        errors = schemas.check_schema(request.json_schema)
        if errors:
            raise ValidationFailed(errors=errors)
        current = self.schema(dataset, dataset.schema_version)
        if not request.breaking:
            errors = schemas.breaking_changes(current.json_schema, request.json_schema)
            if errors:
                raise ValidationFailed(errors=errors)
        version = SchemaVersion(
            dataset_id=dataset_id,
            version=dataset.schema_version + 1,
            breaking=request.breaking,
            json_schema=request.json_schema,
            created_at=self._clock(),
        )
        try:
            self._datasets.add_schema(dataset_id, version.model_dump(mode="json"), dataset.schema_version)
        except StaleVersion as error:
            raise Conflict(_RACED) from error
        return version

    def schema(self, dataset: Dataset, version: int) -> SchemaVersion:
        item = self._datasets.schema(dataset.dataset_id, version)
        if item is None:
            raise NotFound(_NO_VERSION, dataset_id=dataset.dataset_id, version=version)
        return SchemaVersion.model_validate(item)

    def listing(self, org_id: str) -> list[Dataset]:
        """The catalogue as `org_id` may see it."""
        now = self._clock()
        granted = {
            grant.dataset_id
            for grant in (Grant.model_validate(item) for item in self._grants.grants_of(org_id))
            if grant.current(now)
        }
        consumers = self._consumers_by_dataset(org_id, now)
        found = []
        for item in self._datasets.catalogue():
            dataset = Dataset.model_validate(item)
            if dataset.owner == org_id:
                found.append(dataset.model_copy(update={"consumers": consumers(dataset.dataset_id)}))
            elif dataset.tier in LISTED_TO_ALL or dataset.dataset_id in granted:
                found.append(dataset)
        return found

    def _consumers_by_dataset(self, org_id: str, now: datetime) -> Any:
        def consumers(dataset_id: str) -> list[str]:
            grants = (Grant.model_validate(item) for item in self._grants.grants(dataset_id))
            return sorted(grant.consumer for grant in grants if grant.current(now))

        return consumers

    def visible(self, org_id: str, dataset_id: str) -> Dataset:
        """The dataset if `org_id` may see its catalogue entry; 'not found' otherwise."""
        item = self._datasets.dataset(dataset_id)
        if item is None:
            raise NotFound(NO_DATASET, dataset_id=dataset_id)
        dataset = Dataset.model_validate(item)
        if dataset.owner == org_id:
            return dataset.model_copy(
                update={"consumers": self._consumers_by_dataset(org_id, self._clock())(dataset_id)}
            )
        if dataset.tier in LISTED_TO_ALL:
            return dataset
        grant = self._grants.grant(dataset_id, org_id)
        if grant is None or not Grant.model_validate(grant).current(self._clock()):
            raise NotFound(NO_DATASET, dataset_id=dataset_id)
        return dataset

    def owned(self, org_id: str, dataset_id: str) -> Dataset:
        """The dataset if `org_id` owns it: 403 when the caller may see it, 404 when it may not."""
        dataset = self.visible(org_id, dataset_id)
        if dataset.owner != org_id:
            raise Forbidden(_OWNER_ONLY, dataset_id=dataset_id)
        return dataset
