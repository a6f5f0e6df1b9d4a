"""The barometer's adapters: its table and the public site's bucket."""
