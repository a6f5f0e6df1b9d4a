from enum import StrEnum


class PreviewInLanguage(StrEnum):
    BILINGUAL = "bilingual"
    EN = "en"
    FR = "fr"

    def __str__(self) -> str:
        return str(self.value)
