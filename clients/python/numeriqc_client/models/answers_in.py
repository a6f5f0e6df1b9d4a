from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.age_band import AgeBand
from ..models.region import Region
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.answers_in_answers import AnswersInAnswers


T = TypeVar("T", bound="AnswersIn")


@_attrs_define
class AnswersIn:
    """
    Attributes:
        participant (str): Secret de la page, gardé par elle / the page's secret
        answers (AnswersInAnswers):
        region (None | Region | Unset):
        age_band (AgeBand | None | Unset):
        invitation_code (None | str | Unset):
        phone_number (None | str | Unset): Le numéro vérifié (eligibility sms) / the verified number
        sms_code (None | str | Unset): Le code reçu par texto / the code received by SMS
    """

    participant: str
    answers: AnswersInAnswers
    region: None | Region | Unset = UNSET
    age_band: AgeBand | None | Unset = UNSET
    invitation_code: None | str | Unset = UNSET
    phone_number: None | str | Unset = UNSET
    sms_code: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        participant = self.participant

        answers = self.answers.to_dict()

        region: None | str | Unset
        if isinstance(self.region, Unset):
            region = UNSET
        elif isinstance(self.region, Region):
            region = self.region.value
        else:
            region = self.region

        age_band: None | str | Unset
        if isinstance(self.age_band, Unset):
            age_band = UNSET
        elif isinstance(self.age_band, AgeBand):
            age_band = self.age_band.value
        else:
            age_band = self.age_band

        invitation_code: None | str | Unset
        if isinstance(self.invitation_code, Unset):
            invitation_code = UNSET
        else:
            invitation_code = self.invitation_code

        phone_number: None | str | Unset
        if isinstance(self.phone_number, Unset):
            phone_number = UNSET
        else:
            phone_number = self.phone_number

        sms_code: None | str | Unset
        if isinstance(self.sms_code, Unset):
            sms_code = UNSET
        else:
            sms_code = self.sms_code

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "participant": participant,
                "answers": answers,
            }
        )
        if region is not UNSET:
            field_dict["region"] = region
        if age_band is not UNSET:
            field_dict["age_band"] = age_band
        if invitation_code is not UNSET:
            field_dict["invitation_code"] = invitation_code
        if phone_number is not UNSET:
            field_dict["phone_number"] = phone_number
        if sms_code is not UNSET:
            field_dict["sms_code"] = sms_code

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.answers_in_answers import AnswersInAnswers  # noqa: PLC0415

        d = dict(src_dict)
        participant = d.pop("participant")

        answers = AnswersInAnswers.from_dict(d.pop("answers"))

        def _parse_region(data: object) -> None | Region | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                region_type_0 = Region(data)

                return region_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Region | Unset, data)

        region = _parse_region(d.pop("region", UNSET))

        def _parse_age_band(data: object) -> AgeBand | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                age_band_type_0 = AgeBand(data)

                return age_band_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AgeBand | None | Unset, data)

        age_band = _parse_age_band(d.pop("age_band", UNSET))

        def _parse_invitation_code(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        invitation_code = _parse_invitation_code(d.pop("invitation_code", UNSET))

        def _parse_phone_number(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        phone_number = _parse_phone_number(d.pop("phone_number", UNSET))

        def _parse_sms_code(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        sms_code = _parse_sms_code(d.pop("sms_code", UNSET))

        answers_in = cls(
            participant=participant,
            answers=answers,
            region=region,
            age_band=age_band,
            invitation_code=invitation_code,
            phone_number=phone_number,
            sms_code=sms_code,
        )

        return answers_in
