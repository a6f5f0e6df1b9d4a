"""Feedback service (measure 9): citizens rate public services and comment."""
