"""Integration tests of the platform function and the public surface, against the local platform."""
