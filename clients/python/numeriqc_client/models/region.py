from enum import StrEnum


class Region(StrEnum):
    VALUE_0 = "01"
    VALUE_1 = "02"
    VALUE_10 = "11"
    VALUE_11 = "12"
    VALUE_12 = "13"
    VALUE_13 = "14"
    VALUE_14 = "15"
    VALUE_15 = "16"
    VALUE_16 = "17"
    VALUE_2 = "03"
    VALUE_3 = "04"
    VALUE_4 = "05"
    VALUE_5 = "06"
    VALUE_6 = "07"
    VALUE_7 = "08"
    VALUE_8 = "09"
    VALUE_9 = "10"

    def __str__(self) -> str:
        return str(self.value)
