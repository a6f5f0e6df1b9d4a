"""Consultation service (measures 10 and 5): surveys, public consultations and user tests, with analysis."""
