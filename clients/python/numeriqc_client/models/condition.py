from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

T = TypeVar("T", bound="Condition")


@_attrs_define
class Condition:
    """Show this question only when `question` was answered with one of `any_of`.

    Attributes:
        question (str):
        any_of (list[str]):
    """

    question: str
    any_of: list[str]

    def to_dict(self) -> dict[str, Any]:
        question = self.question

        any_of = self.any_of

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "question": question,
                "any_of": any_of,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        question = d.pop("question")

        any_of = cast(list[str], d.pop("any_of"))

        condition = cls(
            question=question,
            any_of=any_of,
        )

        return condition
