from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.notify_key import NotifyKey


T = TypeVar("T", bound="NewNotifyKey")


@_attrs_define
class NewNotifyKey:
    """The answer to a key creation: the only time the key is shown.

    Attributes:
        key (str):
        record (NotifyKey): What the platform keeps of a Notify-style key: no secret, no hash of one.
    """

    key: str
    record: NotifyKey
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        key = self.key

        record = self.record.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "key": key,
                "record": record,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.notify_key import NotifyKey  # noqa: PLC0415

        d = dict(src_dict)
        key = d.pop("key")

        record = NotifyKey.from_dict(d.pop("record"))

        new_notify_key = cls(
            key=key,
            record=record,
        )

        new_notify_key.additional_properties = d
        return new_notify_key

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
