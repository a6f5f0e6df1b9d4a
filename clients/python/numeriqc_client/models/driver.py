from enum import StrEnum


class Driver(StrEnum):
    EASE = "ease"
    EFFECTIVENESS = "effectiveness"
    EFFICIENCY = "efficiency"
    EMPLOYEE_HELPFULNESS = "employee_helpfulness"
    TRANSPARENCY = "transparency"
    TRUST = "trust"

    def __str__(self) -> str:
        return str(self.value)
