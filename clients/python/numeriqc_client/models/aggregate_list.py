from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.period import Period

if TYPE_CHECKING:
    from ..models.aggregate import Aggregate


T = TypeVar("T", bound="AggregateList")


@_attrs_define
class AggregateList:
    """
    Attributes:
        service_id (str):
        period (Period):
        items (list[Aggregate]):
        total (Aggregate): One period's figures, computed from counters: as cheap to read for 10 ratings as for 10
            million.
    """

    service_id: str
    period: Period
    items: list[Aggregate]
    total: Aggregate
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        service_id = self.service_id

        period = self.period.value

        items = []
        for items_item_data in self.items:
            items_item = items_item_data.to_dict()
            items.append(items_item)

        total = self.total.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "service_id": service_id,
                "period": period,
                "items": items,
                "total": total,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.aggregate import Aggregate  # noqa: PLC0415

        d = dict(src_dict)
        service_id = d.pop("service_id")

        period = Period(d.pop("period"))

        items = []
        _items = d.pop("items")
        for items_item_data in _items:
            items_item = Aggregate.from_dict(items_item_data)

            items.append(items_item)

        total = Aggregate.from_dict(d.pop("total"))

        aggregate_list = cls(
            service_id=service_id,
            period=period,
            items=items,
            total=total,
        )

        aggregate_list.additional_properties = d
        return aggregate_list

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
