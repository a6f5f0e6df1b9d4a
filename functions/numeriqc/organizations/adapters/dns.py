"""The system's name resolver (implements `ports.HostResolver`): what the Lambda's own DNS answers."""

import socket


class SystemResolver:
    def addresses(self, host: str) -> list[str]:
        try:
            found = socket.getaddrinfo(host, 443, proto=socket.IPPROTO_TCP)
        except (OSError, UnicodeError) as error:
            raise LookupError(host) from error
        return sorted({str(info[4][0]) for info in found})
