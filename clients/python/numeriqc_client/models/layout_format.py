from enum import StrEnum


class LayoutFormat(StrEnum):
    CSV = "csv"
    FIXED = "fixed"

    def __str__(self) -> str:
        return str(self.value)
