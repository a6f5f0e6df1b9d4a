from enum import StrEnum


class UploadTicketFormat(StrEnum):
    CSV = "csv"
    FIXED = "fixed"
    JSONL = "jsonl"

    def __str__(self) -> str:
        return str(self.value)
