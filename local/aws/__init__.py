"""The local AWS: the template's resources created in moto (with the shims bridging its gaps), the outbox."""
