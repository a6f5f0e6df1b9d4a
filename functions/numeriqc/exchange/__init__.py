"""The data exchange service: classified datasets, deny-by-default grants, queued delivery, a signed log."""
