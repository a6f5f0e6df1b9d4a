from enum import StrEnum


class Status(StrEnum):
    ARCHIVED = "archived"
    CLOSED = "closed"
    DRAFT = "draft"
    OPEN = "open"
    RESULTS_PUBLISHED = "results_published"
    SCHEDULED = "scheduled"

    def __str__(self) -> str:
        return str(self.value)
