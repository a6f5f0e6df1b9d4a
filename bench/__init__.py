"""Benchmarks: figures measured side by side in one run (`make bench`), never pass/fail assertions."""
