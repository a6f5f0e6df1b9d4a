from enum import StrEnum


class NotifyKeyKind(StrEnum):
    LIVE = "live"
    TEAM = "team"
    TEST = "test"

    def __str__(self) -> str:
        return str(self.value)
