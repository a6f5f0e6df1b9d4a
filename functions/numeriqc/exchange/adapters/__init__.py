"""The exchange adapters: the table, the consumers' queues, the signing key, the log bucket."""
