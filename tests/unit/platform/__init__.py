"""Unit tests of the platform function."""
