"""`make bench`: print every benchmark's figures."""

import os
import warnings

from bench import (
    barometer_bench,
    cold_start,
    consultations_analysis,
    consultations_calls,
    consultations_input,
    dev_ready,
    exchange_calls,
    exchange_legacy,
    exchange_log,
    exchange_push,
    feedback_calls,
    feedback_redaction,
    notifications_bench,
    notify_v2_bench,
    platform_calls,
)


def quiet_functions() -> None:
    """The functions run in this process: keep their INFO logs and metric lines out of the figures."""
    from numeriqc.core.observability import logger

    logger.setLevel("WARNING")
    os.environ["POWERTOOLS_METRICS_DISABLED"] = "true"
    warnings.filterwarnings("ignore", module="aws_lambda_powertools")


def main() -> None:
    quiet_functions()
    for section in (
        cold_start.report,
        platform_calls.report,
        dev_ready.report,
        feedback_redaction.report,
        feedback_calls.report,
        notifications_bench.report,
        notify_v2_bench.report,
        consultations_calls.report,
        consultations_calls.sms_report,
        consultations_analysis.report,
        consultations_input.report,
        exchange_log.report,
        exchange_legacy.report,
        exchange_calls.report,
        exchange_push.report,
        barometer_bench.report,
    ):
        print("\n".join(section()))
        print()


if __name__ == "__main__":
    main()
