"""The barometer's entry points: one module per trigger, as infra names them."""
