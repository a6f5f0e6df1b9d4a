"""Unit tests of the feedback rules."""
