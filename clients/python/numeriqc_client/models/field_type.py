from enum import StrEnum


class FieldType(StrEnum):
    BOOLEAN = "boolean"
    DATE = "date"
    DECIMAL = "decimal"
    INTEGER = "integer"
    STRING = "string"

    def __str__(self) -> str:
        return str(self.value)
