from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

from ..models.notify_preview_in_language import NotifyPreviewInLanguage
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.notify_preview_in_personalisation import NotifyPreviewInPersonalisation


T = TypeVar("T", bound="NotifyPreviewIn")


@_attrs_define
class NotifyPreviewIn:
    """
    Attributes:
        personalisation (NotifyPreviewInPersonalisation | Unset):
        language (NotifyPreviewInLanguage | Unset):  Default: NotifyPreviewInLanguage.FR.
    """

    personalisation: NotifyPreviewInPersonalisation | Unset = UNSET
    language: NotifyPreviewInLanguage | Unset = NotifyPreviewInLanguage.FR

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
        from ..models.notify_preview_in_personalisation import NotifyPreviewInPersonalisation  # noqa: PLC0415

        d = dict(src_dict)
        _personalisation = d.pop("personalisation", UNSET)
        personalisation: NotifyPreviewInPersonalisation | Unset
        if isinstance(_personalisation, Unset):
            personalisation = UNSET
        else:
            personalisation = NotifyPreviewInPersonalisation.from_dict(_personalisation)

        _language = d.pop("language", UNSET)
        language: NotifyPreviewInLanguage | Unset
        if isinstance(_language, Unset):
            language = UNSET
        else:
            language = NotifyPreviewInLanguage(_language)

        notify_preview_in = cls(
            personalisation=personalisation,
            language=language,
        )

        return notify_preview_in
