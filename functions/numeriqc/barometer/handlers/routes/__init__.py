"""The barometer API's routes, one module per resource."""
