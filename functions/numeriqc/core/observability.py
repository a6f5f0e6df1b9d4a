"""Powertools Logger, Tracer and Metrics shared by every handler of a service.

Service name and metrics namespace come from POWERTOOLS_* variables that infra sets once for
every function; nothing here touches AWS at import time.
"""

from aws_lambda_powertools import Logger, Metrics, Tracer

logger = Logger()
tracer = Tracer()
metrics = Metrics()
