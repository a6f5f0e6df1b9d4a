"""The developer's platform: `numeriqc dev` (server, dev.env, demo organization) and the admin commands."""
