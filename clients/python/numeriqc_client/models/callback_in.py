from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="CallbackIn")


@_attrs_define
class CallbackIn:
    """
    Attributes:
        url (str):
        bearer_token (str): Envoyé dans Authorization: Bearer / sent as a bearer token
    """

    url: str
    bearer_token: str

    def to_dict(self) -> dict[str, Any]:
        url = self.url

        bearer_token = self.bearer_token

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "url": url,
                "bearer_token": bearer_token,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        url = d.pop("url")

        bearer_token = d.pop("bearer_token")

        callback_in = cls(
            url=url,
            bearer_token=bearer_token,
        )

        return callback_in
