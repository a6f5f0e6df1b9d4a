"""Platform adapters: the probes that prove each kind of dependency answers."""
