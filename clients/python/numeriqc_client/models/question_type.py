from enum import StrEnum


class QuestionType(StrEnum):
    LONG_TEXT = "long_text"
    MULTIPLE = "multiple"
    RANKING = "ranking"
    SCALE = "scale"
    SHORT_TEXT = "short_text"
    SINGLE = "single"
    STATEMENTS = "statements"

    def __str__(self) -> str:
        return str(self.value)
