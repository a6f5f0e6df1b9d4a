"""The only module that knows the organizations table's layout (single-table design): every key
is built here.

pk               sk              item
ORG#<org_id>     PROFILE         the organization
ORGS             <org_id>        directory entry (lists organizations with a Query, never a Scan)
ORG#<org_id>     KEY#<key_id>    an API key record (keyed hash, scopes, expiry, revocation)
APIKEY#<hash>    APIKEY          the same record, found by the authorizer from the key's hash
ORG#<org_id>     SUB#<sub_id>    an event-topic subscription and its SNS subscription ARN
ORG#<org_id>     ACCOUNT#<id>    an AWS account the organization's queues live in
ENDPOINT#<h>     OWNER           the claim on an endpoint: org_id and the families it is subscribed
                                 to (a string set); h = SHA-256 of the endpoint's identity, so any
                                 URL length fits a key and no address is spelled out in a key
NOTIFY#<service> NKEY#<key_id>   Notify-style keys and JWT#<h> tokens seen: adapters/notify_keys.py
"""

import hashlib
from datetime import datetime

from numeriqc.core.dynamo import SingleTable, to_item
from numeriqc.organizations.models import ApiKey, Organization, Subscription
from numeriqc.organizations.ports import EndpointTaken

PROFILE = "PROFILE"


class AlreadyExists(Exception):
    """A conditional write found the item already there."""


class OrganizationsStore(SingleTable):
    """Implements every port of `organizations.ports` on the one table."""

    # organizations -----------------------------------------------------------------------------
    def add_organization(self, organization: Organization) -> None:
        values = organization.model_dump(mode="json")
        try:
            self._client.transact_write_items(
                TransactItems=[
                    self._put({"pk": f"ORG#{organization.org_id}", "sk": PROFILE, **values}, new=True),
                    self._put({"pk": "ORGS", "sk": organization.org_id, **values}, new=True),
                ]
            )
        except self._client.exceptions.TransactionCanceledException as error:
            raise AlreadyExists(organization.org_id) from error

    def organization(self, org_id: str) -> Organization | None:
        item = self._get(f"ORG#{org_id}", PROFILE)
        return Organization.model_validate(item) if item else None

    def organizations(self) -> list[Organization]:
        return [Organization.model_validate(item) for item in self._query_all("ORGS")]

    # API keys ----------------------------------------------------------------------------------
    def add_key(self, record: ApiKey) -> None:
        values = record.model_dump(mode="json")
        self._client.transact_write_items(
            TransactItems=[
                self._put({"pk": f"ORG#{record.org_id}", "sk": f"KEY#{record.key_id}", **values}, new=True),
                self._put({"pk": f"APIKEY#{record.key_hash}", "sk": "APIKEY", **values}, new=True),
            ]
        )

    def key_by_hash(self, key_hash: str) -> ApiKey | None:
        item = self._get(f"APIKEY#{key_hash}", "APIKEY")
        return ApiKey.model_validate(item) if item else None

    def key(self, org_id: str, key_id: str) -> ApiKey | None:
        item = self._get(f"ORG#{org_id}", f"KEY#{key_id}")
        return ApiKey.model_validate(item) if item else None

    def keys(self, org_id: str) -> list[ApiKey]:
        return [ApiKey.model_validate(item) for item in self._query_all(f"ORG#{org_id}", "KEY#")]

    def revoke_key(self, record: ApiKey, when: datetime) -> None:
        """Mark both copies revoked in one transaction, so the authorizer's copy can never lag behind."""
        update = {
            "UpdateExpression": "SET revoked_at = :when",
            "ExpressionAttributeValues": {":when": {"S": when.isoformat()}},
            "ConditionExpression": "attribute_exists(pk)",
            "TableName": self._table,
        }
        self._client.transact_write_items(
            TransactItems=[
                {
                    "Update": {
                        **update,
                        "Key": to_item({"pk": f"ORG#{record.org_id}", "sk": f"KEY#{record.key_id}"}),
                    }
                },
                {"Update": {**update, "Key": to_item({"pk": f"APIKEY#{record.key_hash}", "sk": "APIKEY"})}},
            ]
        )

    # subscriptions -----------------------------------------------------------------------------
    def claim(self, org_id: str, subscription: Subscription, identity: str) -> None:
        """The claim and the record in ONE transaction: the endpoint is free, or this organization's
        with no subscription of this family yet; otherwise EndpointTaken and nothing written."""
        claim = {
            "Update": {
                "TableName": self._table,
                "Key": to_item(_endpoint_key(identity)),
                "UpdateExpression": "SET org_id = :org ADD families :families",
                "ConditionExpression": "attribute_not_exists(families) OR "
                "(org_id = :org AND NOT contains(families, :family))",
                "ExpressionAttributeValues": {
                    ":org": {"S": org_id},
                    ":families": {"SS": [subscription.family]},
                    ":family": {"S": subscription.family},
                },
            }
        }
        record = self._put(_subscription_item(org_id, subscription, ""), new=True)
        try:
            self._client.transact_write_items(TransactItems=[claim, record])
        except self._client.exceptions.TransactionCanceledException as error:
            owner = self._get(*_endpoint_key(identity).values())
            raise EndpointTaken(owner.get("org_id") if owner else None) from error

    def attach(self, org_id: str, subscription: Subscription, subscription_arn: str) -> None:
        self._client.put_item(
            **self._put(_subscription_item(org_id, subscription, subscription_arn), new=False)["Put"]
        )

    def release(self, org_id: str, subscription: Subscription, identity: str) -> None:
        """Remove the record and this family from the claim together. A claim left with no family
        loses its `families` attribute, so any organization may claim the endpoint again."""
        self._client.transact_write_items(
            TransactItems=[
                {
                    "Update": {
                        "TableName": self._table,
                        "Key": to_item(_endpoint_key(identity)),
                        "UpdateExpression": "DELETE families :families",
                        "ConditionExpression": "attribute_not_exists(org_id) OR org_id = :org",
                        "ExpressionAttributeValues": {
                            ":org": {"S": org_id},
                            ":families": {"SS": [subscription.family]},
                        },
                    }
                },
                {
                    "Delete": {
                        "TableName": self._table,
                        "Key": to_item(_subscription_key(org_id, subscription.subscription_id)),
                    }
                },
            ]
        )

    def subscription(self, org_id: str, subscription_id: str) -> tuple[Subscription, str] | None:
        item = self._get(*_subscription_key(org_id, subscription_id).values())
        return (Subscription.model_validate(item), item["subscription_arn"]) if item else None

    def subscriptions(self, org_id: str) -> list[tuple[Subscription, str]]:
        return [
            (Subscription.model_validate(item), item["subscription_arn"])
            for item in self._query_all(f"ORG#{org_id}", "SUB#")
        ]

    # AWS accounts ------------------------------------------------------------------------------
    def add_account(self, org_id: str, account_id: str) -> None:
        self._client.put_item(
            **self._put(
                {"pk": f"ORG#{org_id}", "sk": f"ACCOUNT#{account_id}", "account_id": account_id}, new=False
            )["Put"]
        )

    def remove_account(self, org_id: str, account_id: str) -> None:
        self._client.delete_item(
            TableName=self._table, Key=to_item({"pk": f"ORG#{org_id}", "sk": f"ACCOUNT#{account_id}"})
        )

    def accounts(self, org_id: str) -> list[str]:
        return sorted(str(item["account_id"]) for item in self._query_all(f"ORG#{org_id}", "ACCOUNT#"))


def _subscription_key(org_id: str, subscription_id: str) -> dict[str, str]:
    return {"pk": f"ORG#{org_id}", "sk": f"SUB#{subscription_id}"}


def _subscription_item(org_id: str, subscription: Subscription, arn: str) -> dict[str, object]:
    return {
        **_subscription_key(org_id, subscription.subscription_id),
        **subscription.model_dump(mode="json"),
        "subscription_arn": arn,
    }


def _endpoint_key(identity: str) -> dict[str, str]:
    return {"pk": "ENDPOINT#" + hashlib.sha256(identity.encode()).hexdigest(), "sk": "OWNER"}
