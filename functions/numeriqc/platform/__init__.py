"""numeriQc."""
