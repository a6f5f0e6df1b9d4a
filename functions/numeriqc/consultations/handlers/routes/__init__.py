"""The consultation HTTP API's routes, one module per resource, all on the one resolver of `handlers.api`."""
