"""Integration tests of the organizations service, against the local platform."""
