"""The consultation service's entry points, one module per trigger."""
