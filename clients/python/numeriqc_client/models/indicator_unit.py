from enum import StrEnum


class IndicatorUnit(StrEnum):
    COUNT = "count"
    DAYS = "days"
    DOLLARS = "dollars"
    HOURS = "hours"
    PERCENT = "percent"
    SCORE = "score"

    def __str__(self) -> str:
        return str(self.value)
