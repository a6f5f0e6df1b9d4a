from enum import StrEnum


class Eligibility(StrEnum):
    INVITATION = "invitation"
    OPEN = "open"
    SMS = "sms"
    SMS_POLL = "sms-poll"

    def __str__(self) -> str:
        return str(self.value)
