"""Integration tests of the exchange service on the local platform."""
