"""The notification service's entry points: the only modules infra's `handler=` strings name."""
