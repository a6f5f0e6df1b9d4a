"""Powertools Logger, Tracer and Metrics shared by every handler of a service.

Service name comes from POWERTOOLS_SERVICE_NAME, which infra sets once for every function. The
metrics namespace has a default here because Metrics reads it once, when this module is imported:
the local runtime and pytest may import it before any function's environment is applied, and a
Metrics object without a namespace fails every handler that publishes a metric.
"""

import os

from aws_lambda_powertools import Logger, Metrics, Tracer

METRICS_NAMESPACE = "numeriqc"

logger = Logger()
tracer = Tracer()
metrics = Metrics(namespace=os.environ.get("POWERTOOLS_METRICS_NAMESPACE") or METRICS_NAMESPACE)
