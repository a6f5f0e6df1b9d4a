"""Baromètre numériQc (measures 15, 16, 8): indicators against the strategy's targets, and its public site."""
