from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

from ..models.preview_in_language import PreviewInLanguage
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.preview_in_personalisation import PreviewInPersonalisation


T = TypeVar("T", bound="PreviewIn")


@_attrs_define
class PreviewIn:
    """
    Attributes:
        personalisation (PreviewInPersonalisation | Unset):
        language (PreviewInLanguage | Unset):  Default: PreviewInLanguage.FR.
    """

    personalisation: PreviewInPersonalisation | Unset = UNSET
    language: PreviewInLanguage | Unset = PreviewInLanguage.FR

    def to_dict(self) -> dict[str, Any]:
        personalisation: dict[str, Any] | Unset = UNSET
        if not isinstance(self.personalisation, Unset):
            personalisation = self.personalisation.to_dict()

        language: str | Unset = UNSET
        if not isinstance(self.language, Unset):
            language = self.language.value

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if personalisation is not UNSET:
            field_dict["personalisation"] = personalisation
        if language is not UNSET:
            field_dict["language"] = language

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.preview_in_personalisation import PreviewInPersonalisation  # noqa: PLC0415

        d = dict(src_dict)
        _personalisation = d.pop("personalisation", UNSET)
        personalisation: PreviewInPersonalisation | Unset
        if isinstance(_personalisation, Unset):
            personalisation = UNSET
        else:
            personalisation = PreviewInPersonalisation.from_dict(_personalisation)

        _language = d.pop("language", UNSET)
        language: PreviewInLanguage | Unset
        if isinstance(_language, Unset):
            language = UNSET
        else:
            language = PreviewInLanguage(_language)

        preview_in = cls(
            personalisation=personalisation,
            language=language,
        )

        return preview_in
