"""Unit tests of the exchange rules and the log arithmetic."""
