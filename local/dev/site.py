"""The barometer's public site as `numeriqc dev` serves it, under /barometre/: the files the site
function wrote into the site bucket, with the security headers the template's CloudFront response
headers policy gives them when deployed (read from the template, not repeated here).

A fresh platform has no site until the first change or the daily run: the first visit to an empty
bucket runs the daily publication once, as its schedule would, so `make dev` shows the site at once.
"""

from __future__ import annotations

import json
from typing import Any

from ..http.events import HttpResponse
from ..runtime import LocalRuntime

SITE_PREFIX = "/barometre/"
SITE_BUCKET = "BarometerSiteBucket"
DAILY_FUNCTION = "BarometerDailySite"
HEADERS_POLICY = "AWS::CloudFront::ResponseHeadersPolicy"


def site_file(runtime: LocalRuntime, path: str) -> HttpResponse:
    """GET /barometre/<key>: the object `<key>` of the site bucket (`index.html` for a folder)."""
    key = path.removeprefix(SITE_PREFIX)
    if key == "" or key.endswith("/"):
        key += "index.html"
    try:
        bucket = runtime.names[SITE_BUCKET]
        s3 = runtime.clients("s3")
        if not s3.list_objects_v2(Bucket=bucket, MaxKeys=1).get("KeyCount"):
            runtime.invoke(DAILY_FUNCTION, {"detail-type": "Scheduled Event", "source": "aws.events"})
        found = s3.get_object(Bucket=bucket, Key=key)
    except Exception:  # no such bucket or function in this template, or no such page
        return _not_found()
    headers = {"content-type": str(found.get("ContentType") or "application/octet-stream")}
    headers.update(security_headers(runtime))
    return HttpResponse(200, headers, found["Body"].read())


def security_headers(runtime: LocalRuntime) -> dict[str, str]:
    """The content security policy and nosniff of the template's response headers policy."""
    for resource in runtime.wiring.template.resources.values():
        if resource.type != HEADERS_POLICY:
            continue
        config: dict[str, Any] = runtime.wiring.resolver.properties(resource)["ResponseHeadersPolicyConfig"]
        security = config.get("SecurityHeadersConfig") or {}
        policy = (security.get("ContentSecurityPolicy") or {}).get("ContentSecurityPolicy")
        headers = {"x-content-type-options": "nosniff"}
        if policy:
            headers["content-security-policy"] = str(policy)
        return headers
    return {}


def _not_found() -> HttpResponse:
    return HttpResponse(
        404, {"content-type": "application/json"}, json.dumps({"message": "Not Found"}).encode()
    )
