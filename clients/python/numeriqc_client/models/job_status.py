from enum import StrEnum


class JobStatus(StrEnum):
    AWAITING_UPLOAD = "awaiting-upload"
    FAILED = "failed"
    FINISHED = "finished"
    IN_PROGRESS = "in-progress"
    PLANNING = "planning"
    SCHEDULED = "scheduled"

    def __str__(self) -> str:
        return str(self.value)
