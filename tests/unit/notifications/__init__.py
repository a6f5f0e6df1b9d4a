"""Unit tests of the notification service: its pure rules."""
