from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.grant_status import GrantStatus
from ..models.tier import Tier
from ..types import UNSET, Unset

T = TypeVar("T", bound="Grant")


@_attrs_define
class Grant:
    """A consumer's access to a dataset. `periods` keep every span it was active (for replay).

    Attributes:
        dataset_id (str):
        consumer (str):
        max_tier (Tier):
        expires_at (datetime.datetime):
        status (GrantStatus):
        granted_at (datetime.datetime):
        revoked_at (datetime.datetime | None | Unset):
        periods (list[list[datetime.datetime | None]] | Unset):
    """

    dataset_id: str
    consumer: str
    max_tier: Tier
    expires_at: datetime.datetime
    status: GrantStatus
    granted_at: datetime.datetime
    revoked_at: datetime.datetime | None | Unset = UNSET
    periods: list[list[datetime.datetime | None]] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        dataset_id = self.dataset_id

        consumer = self.consumer

        max_tier = self.max_tier.value

        expires_at = self.expires_at.isoformat()

        status = self.status.value

        granted_at = self.granted_at.isoformat()

        revoked_at: None | str | Unset
        if isinstance(self.revoked_at, Unset):
            revoked_at = UNSET
        elif isinstance(self.revoked_at, datetime.datetime):
            revoked_at = self.revoked_at.isoformat()
        else:
            revoked_at = self.revoked_at

        periods: list[list[None | str]] | Unset = UNSET
        if not isinstance(self.periods, Unset):
            periods = []
            for periods_item_data in self.periods:
                periods_item = []
                for periods_item_item_data in periods_item_data:
                    periods_item_item: None | str
                    if isinstance(periods_item_item_data, datetime.datetime):
                        periods_item_item = periods_item_item_data.isoformat()
                    else:
                        periods_item_item = periods_item_item_data
                    periods_item.append(periods_item_item)

                periods.append(periods_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "dataset_id": dataset_id,
                "consumer": consumer,
                "max_tier": max_tier,
                "expires_at": expires_at,
                "status": status,
                "granted_at": granted_at,
            }
        )
        if revoked_at is not UNSET:
            field_dict["revoked_at"] = revoked_at
        if periods is not UNSET:
            field_dict["periods"] = periods

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        dataset_id = d.pop("dataset_id")

        consumer = d.pop("consumer")

        max_tier = Tier(d.pop("max_tier"))

        expires_at = datetime.datetime.fromisoformat(d.pop("expires_at"))

        status = GrantStatus(d.pop("status"))

        granted_at = datetime.datetime.fromisoformat(d.pop("granted_at"))

        def _parse_revoked_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                revoked_at_type_0 = datetime.datetime.fromisoformat(data)

                return revoked_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        revoked_at = _parse_revoked_at(d.pop("revoked_at", UNSET))

        _periods = d.pop("periods", UNSET)
        periods: list[list[datetime.datetime | None]] | Unset = UNSET
        if _periods is not UNSET:
            periods = []
            for periods_item_data in _periods:
                periods_item = []
                _periods_item = periods_item_data
                for periods_item_item_data in _periods_item:

                    def _parse_periods_item_item(data: object) -> datetime.datetime | None:
                        if data is None:
                            return data
                        try:
                            if not isinstance(data, str):
                                raise TypeError()
                            periods_item_item_type_0 = datetime.datetime.fromisoformat(data)

                            return periods_item_item_type_0
                        except (TypeError, ValueError, AttributeError, KeyError):
                            pass
                        return cast(datetime.datetime | None, data)

                    periods_item_item = _parse_periods_item_item(periods_item_item_data)

                    periods_item.append(periods_item_item)

                periods.append(periods_item)

        grant = cls(
            dataset_id=dataset_id,
            consumer=consumer,
            max_tier=max_tier,
            expires_at=expires_at,
            status=status,
            granted_at=granted_at,
            revoked_at=revoked_at,
            periods=periods,
        )

        grant.additional_properties = d
        return grant

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
