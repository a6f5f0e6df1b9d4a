from enum import StrEnum


class StatementStatus(StrEnum):
    APPROVED = "approved"
    HIDDEN = "hidden"
    PENDING = "pending"
    REJECTED = "rejected"

    def __str__(self) -> str:
        return str(self.value)
