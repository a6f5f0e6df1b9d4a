"""The exchange entry points: the HTTP API, the log stream and the signing schedule."""
