"""Unit tests of the organizations rules."""
