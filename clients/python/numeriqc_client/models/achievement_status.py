from enum import StrEnum


class AchievementStatus(StrEnum):
    DELIVERED = "delivered"
    IN_PROGRESS = "in_progress"

    def __str__(self) -> str:
        return str(self.value)
