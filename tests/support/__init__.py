"""Shared test helpers: imported by tests as `tests.support.<module>`, never from a conftest file."""
