from enum import StrEnum


class LayoutEncoding(StrEnum):
    CP1252 = "cp1252"
    LATIN_1 = "latin-1"
    UTF_8 = "utf-8"

    def __str__(self) -> str:
        return str(self.value)
