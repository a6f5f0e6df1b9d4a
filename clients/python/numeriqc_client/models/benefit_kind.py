from enum import StrEnum


class BenefitKind(StrEnum):
    DELAY_REDUCED = "delay_reduced"
    DOLLARS_SAVED = "dollars_saved"
    HOURS_SAVED = "hours_saved"
    SATISFACTION = "satisfaction"

    def __str__(self) -> str:
        return str(self.value)
