from enum import StrEnum


class Channel(StrEnum):
    APP = "app"
    COUNTER = "counter"
    PHONE = "phone"
    SMS = "sms"
    WEB = "web"

    def __str__(self) -> str:
        return str(self.value)
