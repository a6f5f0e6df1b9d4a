from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="PushEndpoint")


@_attrs_define
class PushEndpoint:
    """A consumer's push endpoint for one dataset; `secret` is answered once, at registration.

    Attributes:
        dataset_id (str):
        consumer (str):
        url (str):
        endpoint_id (str):
        since (datetime.datetime):
        secret (None | str | Unset): Secret de signature (whsec_…), donné une seule fois / signing secret, shown once
    """

    dataset_id: str
    consumer: str
    url: str
    endpoint_id: str
    since: datetime.datetime
    secret: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        dataset_id = self.dataset_id

        consumer = self.consumer

        url = self.url

        endpoint_id = self.endpoint_id

        since = self.since.isoformat()

        secret: None | str | Unset
        if isinstance(self.secret, Unset):
            secret = UNSET
        else:
            secret = self.secret

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "dataset_id": dataset_id,
                "consumer": consumer,
                "url": url,
                "endpoint_id": endpoint_id,
                "since": since,
            }
        )
        if secret is not UNSET:
            field_dict["secret"] = secret

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        dataset_id = d.pop("dataset_id")

        consumer = d.pop("consumer")

        url = d.pop("url")

        endpoint_id = d.pop("endpoint_id")

        since = datetime.datetime.fromisoformat(d.pop("since"))

        def _parse_secret(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        secret = _parse_secret(d.pop("secret", UNSET))

        push_endpoint = cls(
            dataset_id=dataset_id,
            consumer=consumer,
            url=url,
            endpoint_id=endpoint_id,
            since=since,
            secret=secret,
        )

        push_endpoint.additional_properties = d
        return push_endpoint

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
