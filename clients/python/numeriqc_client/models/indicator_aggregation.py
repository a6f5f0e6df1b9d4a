from enum import StrEnum


class IndicatorAggregation(StrEnum):
    LATEST = "latest"
    SUM = "sum"
    WEIGHTED_MEAN = "weighted_mean"

    def __str__(self) -> str:
        return str(self.value)
