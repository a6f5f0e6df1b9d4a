from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.rating_request_in_language import RatingRequestInLanguage
from ..types import UNSET, Unset

T = TypeVar("T", bound="RatingRequestIn")


@_attrs_define
class RatingRequestIn:
    """Ask one consenting number, by SMS, to rate the service it just used (1 to 5).

    Attributes:
        phone_number (str):
        language (RatingRequestInLanguage | Unset):  Default: RatingRequestInLanguage.FR.
    """

    phone_number: str
    language: RatingRequestInLanguage | Unset = RatingRequestInLanguage.FR

    def to_dict(self) -> dict[str, Any]:
        phone_number = self.phone_number

        language: str | Unset = UNSET
        if not isinstance(self.language, Unset):
            language = self.language.value

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "phone_number": phone_number,
            }
        )
        if language is not UNSET:
            field_dict["language"] = language

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        phone_number = d.pop("phone_number")

        _language = d.pop("language", UNSET)
        language: RatingRequestInLanguage | Unset
        if isinstance(_language, Unset):
            language = UNSET
        else:
            language = RatingRequestInLanguage(_language)

        rating_request_in = cls(
            phone_number=phone_number,
            language=language,
        )

        return rating_request_in
