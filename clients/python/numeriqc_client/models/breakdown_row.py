from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.breakdown_row_cells import BreakdownRowCells


T = TypeVar("T", bound="BreakdownRow")


@_attrs_define
class BreakdownRow:
    """One group's counts per question and option; null where suppressed (see suppression.py).

    Attributes:
        group (str):
        participants (int | None):
        cells (BreakdownRowCells):
    """

    group: str
    participants: int | None
    cells: BreakdownRowCells
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        group = self.group

        participants: int | None
        participants = self.participants

        cells = self.cells.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "group": group,
                "participants": participants,
                "cells": cells,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.breakdown_row_cells import BreakdownRowCells  # noqa: PLC0415

        d = dict(src_dict)
        group = d.pop("group")

        def _parse_participants(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        participants = _parse_participants(d.pop("participants"))

        cells = BreakdownRowCells.from_dict(d.pop("cells"))

        breakdown_row = cls(
            group=group,
            participants=participants,
            cells=cells,
        )

        breakdown_row.additional_properties = d
        return breakdown_row

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
