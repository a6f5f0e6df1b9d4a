"""A record that cannot be processed yet, and says until when: `core.batch` gives it back to its
queue then. Apart from `core.batch` so that rules may raise it without importing Powertools."""


class Postponed(Exception):
    """A record that cannot be processed for `seconds` yet (an SMS in the quiet hours)."""

    def __init__(self, seconds: float, detail: str = "") -> None:
        super().__init__(detail or f"postponed by {seconds:.0f} s")
        self.seconds = seconds
