"""The system's name resolver (the `HostResolver` shape of organizations' ports): what the Lambda's
own DNS answers. One for every service that judges an endpoint with `public_endpoints` (event
subscriptions, exchange pushes, Notify callbacks), so they all resolve a name the same way."""

import socket


class SystemResolver:
    def addresses(self, host: str) -> list[str]:
        try:
            found = socket.getaddrinfo(host, 443, proto=socket.IPPROTO_TCP)
        except (OSError, UnicodeError) as error:
            raise LookupError(host) from error
        return sorted({str(info[4][0]) for info in found})
