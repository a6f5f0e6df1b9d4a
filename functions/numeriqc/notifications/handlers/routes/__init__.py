"""The HTTP API's routes by resource, all registered on the one resolver of `routes.resolver`."""
