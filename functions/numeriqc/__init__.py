"""numeriQc: shared digital services for Québec public organizations (the Lambda code asset)."""
