from enum import StrEnum


class UnsubscribePageViewV1UnsubscribeTokenGetLangType0(StrEnum):
    EN = "en"
    FR = "fr"

    def __str__(self) -> str:
        return str(self.value)
