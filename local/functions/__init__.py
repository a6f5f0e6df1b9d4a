"""Invoking the template's functions in-process, as Lambda would."""
