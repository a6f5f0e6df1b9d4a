"""Push endpoints over HTTPS (implements `ports.EndpointPolicy` and `ports.PushTransport`).

An endpoint is judged by the organizations service's `public_endpoints` rule when it is registered
AND at each POST: the name is resolved once per POST, every address it gives must be public, and
the connection goes to the address that was checked (the TLS handshake still names the host), so a
name re-pointed at a private or metadata address after registration (DNS rebinding) reaches
nothing. Redirects are not followed (a 3xx is a failure): a redirect could point anywhere.

`allow_loopback_http` lets plain `http://127.0.0.1:<port>` (and `localhost`, `[::1]`) through, for
the local runtime's tests only: the deployed stack never sets it (tests/infra checks).
"""

import http.client
import ipaddress
import socket
import ssl
from urllib.parse import urlsplit

from numeriqc.core.host_names import SystemResolver
from numeriqc.exchange.ports import PushUnreachable
from numeriqc.organizations import public_endpoints
from numeriqc.organizations.ports import HostResolver

MAX_ANSWER_BYTES = 65536


SystemNames = SystemResolver  # what the function's own DNS answers (the kernel's resolver)


class _Remembered:
    """A resolver that keeps what it answered, so the POST connects to the address just checked."""

    def __init__(self, names: HostResolver) -> None:
        self._names = names
        self.found: list[str] = []

    def addresses(self, host: str) -> list[str]:
        self.found = list(self._names.addresses(host))
        return self.found


class _PinnedHTTPSConnection(http.client.HTTPSConnection):
    def __init__(self, host: str, port: int, address: str, timeout: float) -> None:
        super().__init__(host, port, timeout=timeout, context=ssl.create_default_context())
        self._address = address

    def connect(self) -> None:
        sock = socket.create_connection((self._address, self.port), self.timeout)
        self.sock = self._context.wrap_socket(sock, server_hostname=self.host)  # type: ignore[attr-defined]


class HttpsPush:
    def __init__(
        self, names: HostResolver, *, allow_loopback_http: bool = False, timeout: float = 10
    ) -> None:
        self._names = names
        self._loopback = allow_loopback_http
        self._timeout = timeout

    def refusal(self, url: str) -> str | None:
        if self._loopback and public_endpoints.is_loopback_http(url):
            return None
        return public_endpoints.refusal(url, self._names)

    def post(self, url: str, body: bytes, headers: dict[str, str]) -> None:
        parts = urlsplit(url)
        host = parts.hostname or ""
        path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
        if self._loopback and public_endpoints.is_loopback_http(url):
            connection: http.client.HTTPConnection = http.client.HTTPConnection(
                host, parts.port or 80, timeout=self._timeout
            )
        else:
            remembered = _Remembered(self._names)
            reason = public_endpoints.refusal(url, remembered)
            if reason is not None:
                raise PushUnreachable(f"endpoint_{reason}")
            address = remembered.found[0] if remembered.found else _literal(host)
            connection = _PinnedHTTPSConnection(host, parts.port or 443, address, self._timeout)
        sent = {**headers, "content-type": "application/cloudevents-batch+json; charset=utf-8"}
        sent["user-agent"] = "numeriQc-exchange/1"
        try:
            connection.request("POST", path, body=body, headers=sent)
            answer = connection.getresponse()
            answer.read(MAX_ANSWER_BYTES)
            status = answer.status
        except TimeoutError as error:
            raise PushUnreachable("timeout") from error
        except ConnectionRefusedError as error:
            raise PushUnreachable("connection_refused") from error
        except ssl.SSLError as error:
            raise PushUnreachable("tls") from error
        except (OSError, http.client.HTTPException) as error:
            raise PushUnreachable("network") from error
        finally:
            connection.close()
        if not 200 <= status < 300:
            raise PushUnreachable(f"http_{status}")


def _literal(host: str) -> str:
    """An IP literal host as a connectable address (the rule already judged it)."""
    return str(ipaddress.ip_address(public_endpoints.normalized_host(host) or host))
