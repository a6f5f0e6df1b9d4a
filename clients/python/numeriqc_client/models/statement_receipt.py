from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.statement_status import StatementStatus
from ..types import UNSET, Unset

T = TypeVar("T", bound="StatementReceipt")


@_attrs_define
class StatementReceipt:
    """
    Attributes:
        statement_id (str):
        status (StatementStatus):
        removed (list[str] | Unset):
    """

    statement_id: str
    status: StatementStatus
    removed: list[str] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        statement_id = self.statement_id

        status = self.status.value

        removed: list[str] | Unset = UNSET
        if not isinstance(self.removed, Unset):
            removed = self.removed

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "statement_id": statement_id,
                "status": status,
            }
        )
        if removed is not UNSET:
            field_dict["removed"] = removed

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        statement_id = d.pop("statement_id")

        status = StatementStatus(d.pop("status"))

        removed = cast(list[str], d.pop("removed", UNSET))

        statement_receipt = cls(
            statement_id=statement_id,
            status=status,
            removed=removed,
        )

        statement_receipt.additional_properties = d
        return statement_receipt

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
