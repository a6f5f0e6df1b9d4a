"""The `/docs` page: Swagger UI from the API's own origin, under a strict content security policy.

No inline script and no third-party origin: the page loads Swagger UI's files from `/docs/<file>`
(the `swagger-ui-py` package, see `adapters/swagger_assets.py`) and starts it with `/docs/init.js`,
so the policy can say `script-src 'self'` and the page works without internet.
"""

# Swagger UI (React) sets styles through the DOM, which CSP does not govern; its stylesheet is a file.
CONTENT_SECURITY_POLICY = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; font-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
)

PAGE = """<!doctype html>
<html lang="fr">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>API numériQc — documentation</title>
  <link rel="icon" type="image/png" href="docs/favicon-32x32.png">
  <link rel="stylesheet" href="docs/swagger-ui.css">
</head>
<body>
  <main id="swagger-ui" aria-label="Documentation de l'API numériQc / numeriQc API documentation"></main>
  <script src="docs/swagger-ui-bundle.js"></script>
  <script src="docs/init.js"></script>
</body>
</html>
"""

INIT_SCRIPT = """window.ui = SwaggerUIBundle({
  url: "openapi.json", dom_id: "#swagger-ui", persistAuthorization: true, deepLinking: true
});
"""
