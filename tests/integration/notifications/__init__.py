"""Integration tests of the notification service, on the local platform (moto)."""
