from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.question_type import QuestionType
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.condition import Condition
    from ..models.option import Option
    from ..models.text import Text


T = TypeVar("T", bound="Question")


@_attrs_define
class Question:
    """
    Attributes:
        id (str):
        type_ (QuestionType):
        text (Text): A text in both official languages; French is required, English falls back to French.
        required (bool | Unset):  Default: False.
        options (list[Option] | Unset):
        min_choices (int | None | Unset):
        max_choices (int | None | Unset):
        top_n (int | None | Unset): ranking: rank only the top N
        scale_min (int | None | Unset):
        scale_max (int | None | Unset):
        min_label (None | Text | Unset):
        max_label (None | Text | Unset):
        show_if (Condition | None | Unset):
    """

    id: str
    type_: QuestionType
    text: Text
    required: bool | Unset = False
    options: list[Option] | Unset = UNSET
    min_choices: int | None | Unset = UNSET
    max_choices: int | None | Unset = UNSET
    top_n: int | None | Unset = UNSET
    scale_min: int | None | Unset = UNSET
    scale_max: int | None | Unset = UNSET
    min_label: None | Text | Unset = UNSET
    max_label: None | Text | Unset = UNSET
    show_if: Condition | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.condition import Condition  # noqa: PLC0415
        from ..models.text import Text  # noqa: PLC0415

        id = self.id

        type_ = self.type_.value

        text = self.text.to_dict()

        required = self.required

        options: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.options, Unset):
            options = []
            for options_item_data in self.options:
                options_item = options_item_data.to_dict()
                options.append(options_item)

        min_choices: int | None | Unset
        if isinstance(self.min_choices, Unset):
            min_choices = UNSET
        else:
            min_choices = self.min_choices

        max_choices: int | None | Unset
        if isinstance(self.max_choices, Unset):
            max_choices = UNSET
        else:
            max_choices = self.max_choices

        top_n: int | None | Unset
        if isinstance(self.top_n, Unset):
            top_n = UNSET
        else:
            top_n = self.top_n

        scale_min: int | None | Unset
        if isinstance(self.scale_min, Unset):
            scale_min = UNSET
        else:
            scale_min = self.scale_min

        scale_max: int | None | Unset
        if isinstance(self.scale_max, Unset):
            scale_max = UNSET
        else:
            scale_max = self.scale_max

        min_label: dict[str, Any] | None | Unset
        if isinstance(self.min_label, Unset):
            min_label = UNSET
        elif isinstance(self.min_label, Text):
            min_label = self.min_label.to_dict()
        else:
            min_label = self.min_label

        max_label: dict[str, Any] | None | Unset
        if isinstance(self.max_label, Unset):
            max_label = UNSET
        elif isinstance(self.max_label, Text):
            max_label = self.max_label.to_dict()
        else:
            max_label = self.max_label

        show_if: dict[str, Any] | None | Unset
        if isinstance(self.show_if, Unset):
            show_if = UNSET
        elif isinstance(self.show_if, Condition):
            show_if = self.show_if.to_dict()
        else:
            show_if = self.show_if

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "id": id,
                "type": type_,
                "text": text,
            }
        )
        if required is not UNSET:
            field_dict["required"] = required
        if options is not UNSET:
            field_dict["options"] = options
        if min_choices is not UNSET:
            field_dict["min_choices"] = min_choices
        if max_choices is not UNSET:
            field_dict["max_choices"] = max_choices
        if top_n is not UNSET:
            field_dict["top_n"] = top_n
        if scale_min is not UNSET:
            field_dict["scale_min"] = scale_min
        if scale_max is not UNSET:
            field_dict["scale_max"] = scale_max
        if min_label is not UNSET:
            field_dict["min_label"] = min_label
        if max_label is not UNSET:
            field_dict["max_label"] = max_label
        if show_if is not UNSET:
            field_dict["show_if"] = show_if

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.condition import Condition  # noqa: PLC0415
        from ..models.option import Option  # noqa: PLC0415
        from ..models.text import Text  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        type_ = QuestionType(d.pop("type"))

        text = Text.from_dict(d.pop("text"))

        required = d.pop("required", UNSET)

        _options = d.pop("options", UNSET)
        options: list[Option] | Unset = UNSET
        if _options is not UNSET:
            options = []
            for options_item_data in _options:
                options_item = Option.from_dict(options_item_data)

                options.append(options_item)

        def _parse_min_choices(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        min_choices = _parse_min_choices(d.pop("min_choices", UNSET))

        def _parse_max_choices(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        max_choices = _parse_max_choices(d.pop("max_choices", UNSET))

        def _parse_top_n(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        top_n = _parse_top_n(d.pop("top_n", UNSET))

        def _parse_scale_min(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        scale_min = _parse_scale_min(d.pop("scale_min", UNSET))

        def _parse_scale_max(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        scale_max = _parse_scale_max(d.pop("scale_max", UNSET))

        def _parse_min_label(data: object) -> None | Text | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                min_label_type_0 = Text.from_dict(data)

                return min_label_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Text | Unset, data)

        min_label = _parse_min_label(d.pop("min_label", UNSET))

        def _parse_max_label(data: object) -> None | Text | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                max_label_type_0 = Text.from_dict(data)

                return max_label_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Text | Unset, data)

        max_label = _parse_max_label(d.pop("max_label", UNSET))

        def _parse_show_if(data: object) -> Condition | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                show_if_type_0 = Condition.from_dict(data)

                return show_if_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Condition | None | Unset, data)

        show_if = _parse_show_if(d.pop("show_if", UNSET))

        question = cls(
            id=id,
            type_=type_,
            text=text,
            required=required,
            options=options,
            min_choices=min_choices,
            max_choices=max_choices,
            top_n=top_n,
            scale_min=scale_min,
            scale_max=scale_max,
            min_label=min_label,
            max_label=max_label,
            show_if=show_if,
        )

        return question
