from enum import StrEnum


class IndicatorStatus(StrEnum):
    FUTURE = "future"
    MET = "met"
    NOT_AVAILABLE = "not_available"
    NOT_MET = "not_met"
    ON_TRACK = "on_track"

    def __str__(self) -> str:
        return str(self.value)
