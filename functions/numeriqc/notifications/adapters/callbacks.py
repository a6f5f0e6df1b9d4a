"""POSTing a delivery-status callback to an organization's receiver (standard library HTTP).

No redirect is followed (a receiver that moved must be registered again: a redirect could carry
the bearer token elsewhere), a short timeout bounds each attempt, and a failure is reported by its
status or error type only: never the URL, the token or the payload (which names the recipient).
"""

import json
import urllib.error
import urllib.request
from typing import Any

from numeriqc.notifications.ports import CallbackFailed

TIMEOUT_SECONDS = 5.0


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: Any, **kwargs: Any) -> None:
        return None


_OPENER = urllib.request.build_opener(_NoRedirects())


class HttpCallbackPoster:
    def post(self, url: str, bearer_token: str, payload: dict[str, Any]) -> None:
        request = urllib.request.Request(  # noqa: S310 - the URL's scheme is checked at registration
            url,
            data=json.dumps(payload).encode(),
            method="POST",
            headers={
                "Content-Type": "application/json",
                "Authorization": f"Bearer {bearer_token}",
                "User-Agent": "numeriQc-callbacks",
            },
        )
        try:
            with _OPENER.open(request, timeout=TIMEOUT_SECONDS) as answer:
                status = answer.status
        except urllib.error.HTTPError as error:
            raise CallbackFailed(f"status {error.code}") from None
        except (urllib.error.URLError, TimeoutError, OSError) as error:
            raise CallbackFailed(type(error).__name__) from None
        if not 200 <= status < 300:
            raise CallbackFailed(f"status {status}")
