"""Integration tests of the feedback service, against the local platform."""
