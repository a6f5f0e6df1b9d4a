"""Unit tests of the kernel every service shares: `numeriqc.core`."""
