from enum import StrEnum


class ExportContent(StrEnum):
    ANALYSIS = "analysis"
    ANSWERS = "answers"
    STATEMENTS = "statements"
    VOTES = "votes"

    def __str__(self) -> str:
        return str(self.value)
