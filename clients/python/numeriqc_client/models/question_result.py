from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.question_type import QuestionType
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.option_result import OptionResult
    from ..models.question_result_average_points_type_0 import QuestionResultAveragePointsType0


T = TypeVar("T", bound="QuestionResult")


@_attrs_define
class QuestionResult:
    """
    Attributes:
        id (str):
        type_ (QuestionType):
        answered (int):
        blank (int):
        options (list[OptionResult] | Unset):
        average_points (None | QuestionResultAveragePointsType0 | Unset):
    """

    id: str
    type_: QuestionType
    answered: int
    blank: int
    options: list[OptionResult] | Unset = UNSET
    average_points: None | QuestionResultAveragePointsType0 | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.question_result_average_points_type_0 import QuestionResultAveragePointsType0  # noqa: PLC0415

        id = self.id

        type_ = self.type_.value

        answered = self.answered

        blank = self.blank

        options: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.options, Unset):
            options = []
            for options_item_data in self.options:
                options_item = options_item_data.to_dict()
                options.append(options_item)

        average_points: dict[str, Any] | None | Unset
        if isinstance(self.average_points, Unset):
            average_points = UNSET
        elif isinstance(self.average_points, QuestionResultAveragePointsType0):
            average_points = self.average_points.to_dict()
        else:
            average_points = self.average_points

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "type": type_,
                "answered": answered,
                "blank": blank,
            }
        )
        if options is not UNSET:
            field_dict["options"] = options
        if average_points is not UNSET:
            field_dict["average_points"] = average_points

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.option_result import OptionResult  # noqa: PLC0415
        from ..models.question_result_average_points_type_0 import QuestionResultAveragePointsType0  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        type_ = QuestionType(d.pop("type"))

        answered = d.pop("answered")

        blank = d.pop("blank")

        _options = d.pop("options", UNSET)
        options: list[OptionResult] | Unset = UNSET
        if _options is not UNSET:
            options = []
            for options_item_data in _options:
                options_item = OptionResult.from_dict(options_item_data)

                options.append(options_item)

        def _parse_average_points(data: object) -> None | QuestionResultAveragePointsType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                average_points_type_0 = QuestionResultAveragePointsType0.from_dict(data)

                return average_points_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | QuestionResultAveragePointsType0 | Unset, data)

        average_points = _parse_average_points(d.pop("average_points", UNSET))

        question_result = cls(
            id=id,
            type_=type_,
            answered=answered,
            blank=blank,
            options=options,
            average_points=average_points,
        )

        question_result.additional_properties = d
        return question_result

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
