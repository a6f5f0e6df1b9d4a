"""Notification service (measure 7): email and SMS reminders with the citizen's consent."""
