"""The local runtime against moto, in-process: template wiring, resources, HTTP gateway, triggers."""
