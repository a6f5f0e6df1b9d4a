from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.statement_status import StatementStatus
from ..types import UNSET, Unset

T = TypeVar("T", bound="Statement")


@_attrs_define
class Statement:
    """
    Attributes:
        statement_id (str):
        text (str):
        status (StatementStatus):
        author (str):
        created_at (datetime.datetime):
        agree (int | Unset):  Default: 0.
        disagree (int | Unset):  Default: 0.
        passed (int | Unset):  Default: 0.
        reports (int | Unset):  Default: 0.
    """

    statement_id: str
    text: str
    status: StatementStatus
    author: str
    created_at: datetime.datetime
    agree: int | Unset = 0
    disagree: int | Unset = 0
    passed: int | Unset = 0
    reports: int | Unset = 0
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        statement_id = self.statement_id

        text = self.text

        status = self.status.value

        author = self.author

        created_at = self.created_at.isoformat()

        agree = self.agree

        disagree = self.disagree

        passed = self.passed

        reports = self.reports

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "statement_id": statement_id,
                "text": text,
                "status": status,
                "author": author,
                "created_at": created_at,
            }
        )
        if agree is not UNSET:
            field_dict["agree"] = agree
        if disagree is not UNSET:
            field_dict["disagree"] = disagree
        if passed is not UNSET:
            field_dict["passed"] = passed
        if reports is not UNSET:
            field_dict["reports"] = reports

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        statement_id = d.pop("statement_id")

        text = d.pop("text")

        status = StatementStatus(d.pop("status"))

        author = d.pop("author")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        agree = d.pop("agree", UNSET)

        disagree = d.pop("disagree", UNSET)

        passed = d.pop("passed", UNSET)

        reports = d.pop("reports", UNSET)

        statement = cls(
            statement_id=statement_id,
            text=text,
            status=status,
            author=author,
            created_at=created_at,
            agree=agree,
            disagree=disagree,
            passed=passed,
            reports=reports,
        )

        statement.additional_properties = d
        return statement

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
