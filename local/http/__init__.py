"""The HTTP API, emulated as API Gateway answers it: routes, events, authorizer, CORS, errors."""
