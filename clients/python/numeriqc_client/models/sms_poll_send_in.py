from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.sms_poll_send_in_language import SmsPollSendInLanguage
from ..types import UNSET, Unset

T = TypeVar("T", bound="SmsPollSendIn")


@_attrs_define
class SmsPollSendIn:
    """Send an open SMS poll to consenting numbers (at most 500 a request).

    Attributes:
        phone_numbers (list[str]):
        language (SmsPollSendInLanguage | Unset):  Default: SmsPollSendInLanguage.FR.
    """

    phone_numbers: list[str]
    language: SmsPollSendInLanguage | Unset = SmsPollSendInLanguage.FR

    def to_dict(self) -> dict[str, Any]:
        phone_numbers = self.phone_numbers

        language: str | Unset = UNSET
        if not isinstance(self.language, Unset):
            language = self.language.value

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "phone_numbers": phone_numbers,
            }
        )
        if language is not UNSET:
            field_dict["language"] = language

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        phone_numbers = cast(list[str], d.pop("phone_numbers"))

        _language = d.pop("language", UNSET)
        language: SmsPollSendInLanguage | Unset
        if isinstance(_language, Unset):
            language = UNSET
        else:
            language = SmsPollSendInLanguage(_language)

        sms_poll_send_in = cls(
            phone_numbers=phone_numbers,
            language=language,
        )

        return sms_poll_send_in
