from enum import StrEnum


class ConsentImportStatus(StrEnum):
    AWAITING_UPLOAD = "awaiting-upload"
    FINISHED = "finished"
    IMPORTING = "importing"

    def __str__(self) -> str:
        return str(self.value)
