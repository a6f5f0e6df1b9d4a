"""`make bench`: print every benchmark's figures."""

from bench import (
    cold_start,
    dev_ready,
    feedback_calls,
    feedback_redaction,
    notifications_bench,
    platform_calls,
)


def main() -> None:
    for section in (
        cold_start.report,
        platform_calls.report,
        dev_ready.report,
        feedback_redaction.report,
        feedback_calls.report,
        notifications_bench.report,
    ):
        print("\n".join(section()))
        print()


if __name__ == "__main__":
    main()
