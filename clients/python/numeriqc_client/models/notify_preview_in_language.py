from enum import StrEnum


class NotifyPreviewInLanguage(StrEnum):
    BILINGUAL = "bilingual"
    EN = "en"
    FR = "fr"

    def __str__(self) -> str:
        return str(self.value)
