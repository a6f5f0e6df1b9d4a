from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.notify_key_in_kind import NotifyKeyInKind

T = TypeVar("T", bound="NotifyKeyIn")


@_attrs_define
class NotifyKeyIn:
    """A Notify-style key for the calling organization (organizations/notify_keys.py).

    Attributes:
        name (str):
        kind (NotifyKeyInKind): live; test (jamais livré); team (livré à la liste d'invités seulement) / live; test
            (never delivered); team (delivered to the guest list only)
    """

    name: str
    kind: NotifyKeyInKind

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        kind = self.kind.value

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "name": name,
                "kind": kind,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name")

        kind = NotifyKeyInKind(d.pop("kind"))

        notify_key_in = cls(
            name=name,
            kind=kind,
        )

        return notify_key_in
