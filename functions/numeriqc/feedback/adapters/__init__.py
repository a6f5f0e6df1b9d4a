"""Feedback adapters: the table, the exports bucket and queue, the contact cipher; each implements a port."""
