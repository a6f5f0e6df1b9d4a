"""The exchange API routes, one module per resource."""
