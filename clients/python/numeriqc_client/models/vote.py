from enum import StrEnum


class Vote(StrEnum):
    AGREE = "agree"
    DISAGREE = "disagree"
    PASS = "pass"

    def __str__(self) -> str:
        return str(self.value)
