from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.option_result_ranks_type_0 import OptionResultRanksType0


T = TypeVar("T", bound="OptionResult")


@_attrs_define
class OptionResult:
    """
    Attributes:
        id (str):
        count (int):
        percent (float):
        ranks (None | OptionResultRanksType0 | Unset):
    """

    id: str
    count: int
    percent: float
    ranks: None | OptionResultRanksType0 | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.option_result_ranks_type_0 import OptionResultRanksType0  # noqa: PLC0415

        id = self.id

        count = self.count

        percent = self.percent

        ranks: dict[str, Any] | None | Unset
        if isinstance(self.ranks, Unset):
            ranks = UNSET
        elif isinstance(self.ranks, OptionResultRanksType0):
            ranks = self.ranks.to_dict()
        else:
            ranks = self.ranks

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "count": count,
                "percent": percent,
            }
        )
        if ranks is not UNSET:
            field_dict["ranks"] = ranks

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.option_result_ranks_type_0 import OptionResultRanksType0  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        count = d.pop("count")

        percent = d.pop("percent")

        def _parse_ranks(data: object) -> None | OptionResultRanksType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                ranks_type_0 = OptionResultRanksType0.from_dict(data)

                return ranks_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | OptionResultRanksType0 | Unset, data)

        ranks = _parse_ranks(d.pop("ranks", UNSET))

        option_result = cls(
            id=id,
            count=count,
            percent=percent,
            ranks=ranks,
        )

        option_result.additional_properties = d
        return option_result

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
