"""The dev server's own AWS calls answered by its moto in-process: no socket, no thread per call.

Under `numeriqc dev` every function runs in the dev server's process, and every AWS call it made
went over loopback HTTP to the moto server thread of that same process. werkzeug's server closes
the connection after each answer, so each call paid a TCP connection, a new server thread, and
HTTP written and parsed on both sides; py-spy showed that plumbing beside moto's own work in every
call of a bulk send.

`answer_in_process` makes botocore hand a request for moto's URL straight to the same WSGI
application the server runs (`SerializedMotoServer.app`: same backends, same `EMULATOR_LOCK`),
built the way moto's own `mock_aws` builds its requests (`Request.from_primitives`), and gives
botocore back a response it reads like one from the wire. So moto answers the same way, a call from
a function and one from an outside tool (the AWS CLI, a script) still serialize on the one lock,
and the HTTP server stays for those outside tools. Calls to any other URL (another emulator, a
receiver of status callbacks) go over the network as before.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterable
from typing import Any
from urllib.parse import urlsplit

from botocore.awsrequest import AWSPreparedRequest, AWSResponse
from botocore.httpsession import URLLib3Session
from moto.core.request import Request
from urllib3 import HTTPResponse
from urllib3._collections import HTTPHeaderDict

Wsgi = Callable[[dict[str, Any], Callable[..., Any]], Iterable[bytes]]


_APPS: dict[tuple[str, str], Wsgi] = {}  # origin (scheme, host:port) -> the moto app answering there


def answer_in_process(app: Wsgi, endpoint_url: str) -> None:
    """Send botocore's requests for `endpoint_url` to `app` in the calling thread (install before
    any other wrapper of `URLLib3Session.send`, which then wraps this one). A later call for the
    same URL (a dev server started again in one process) replaces the app."""
    _APPS[_origin(endpoint_url)] = app
    send = URLLib3Session.send
    if getattr(send, "_numeriqc_in_process", False):
        return

    def send_in_process(self: URLLib3Session, request: AWSPreparedRequest) -> AWSResponse:
        target = _APPS.get(_origin(request.url))
        if target is None:
            return send(self, request)
        return answer(target, request)

    send_in_process._numeriqc_in_process = True  # type: ignore[attr-defined]
    URLLib3Session.send = send_in_process


def stop_answering_in_process(endpoint_url: str) -> None:
    """Calls for `endpoint_url` go over the network again (the dev server stopped)."""
    _APPS.pop(_origin(endpoint_url), None)


def answer(app: Wsgi, request: AWSPreparedRequest) -> AWSResponse:
    """`app`'s answer to one botocore request, as botocore's HTTP session would return it."""
    body = request.body
    if hasattr(body, "read"):  # a file or a stream: what the wire would have carried
        body = body.read()
    wsgi_request = Request.from_primitives(request.method, request.url, request.headers, body)
    environ = wsgi_request.environ
    # What werkzeug's server puts there: the path as sent, before percent-decoding (S3 keys).
    parts = urlsplit(request.url)
    environ["RAW_URI"] = parts.path + (f"?{parts.query}" if parts.query else "")
    started: list[Any] = []

    def start_response(status: str, headers: list[tuple[str, str]], exc_info: Any = None) -> None:
        started[:] = [status, headers]

    content = b"".join(app(environ, start_response))
    status, header_items = started
    headers = HTTPHeaderDict()
    for name, value in header_items:
        headers.add(name, value)
    if request.method == "HEAD":
        content = b""
    raw = HTTPResponse(
        body=io.BytesIO(content),
        headers=headers,
        status=int(status.split(" ", 1)[0]),
        preload_content=False,
        decode_content=False,
        request_method=request.method,  # a HEAD's Content-Length announces no body
    )
    response = AWSResponse(request.url, raw.status, headers, raw)
    if not request.stream_output:
        response.content  # noqa: B018 - read now, as botocore's session does
    return response


def _origin(url: str) -> tuple[str, str]:
    parts = urlsplit(url)
    return parts.scheme, parts.netloc.lower()
