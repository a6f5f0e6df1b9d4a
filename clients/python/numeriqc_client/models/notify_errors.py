from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.notify_errors_errors_item import NotifyErrorsErrorsItem


T = TypeVar("T", bound="NotifyErrors")


@_attrs_define
class NotifyErrors:
    """GOV.UK Notify's error envelope (/v2), in English or French (Accept-Language: fr)

    Attributes:
        status_code (int):
        errors (list[NotifyErrorsErrorsItem]):
    """

    status_code: int
    errors: list[NotifyErrorsErrorsItem]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        status_code = self.status_code

        errors = []
        for errors_item_data in self.errors:
            errors_item = errors_item_data.to_dict()
            errors.append(errors_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "status_code": status_code,
                "errors": errors,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.notify_errors_errors_item import NotifyErrorsErrorsItem  # noqa: PLC0415

        d = dict(src_dict)
        status_code = d.pop("status_code")

        errors = []
        _errors = d.pop("errors")
        for errors_item_data in _errors:
            errors_item = NotifyErrorsErrorsItem.from_dict(errors_item_data)

            errors.append(errors_item)

        notify_errors = cls(
            status_code=status_code,
            errors=errors,
        )

        notify_errors.additional_properties = d
        return notify_errors

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
