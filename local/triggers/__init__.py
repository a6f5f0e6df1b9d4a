"""The asynchronous triggers: queues, streams, rules, topics and schedules, polled and delivered."""
