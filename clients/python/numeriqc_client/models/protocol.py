from enum import StrEnum


class Protocol(StrEnum):
    EMAIL = "email"
    HTTPS = "https"
    SQS = "sqs"

    def __str__(self) -> str:
        return str(self.value)
