"""The consultation service's adapters: its table and its analysis queue."""
