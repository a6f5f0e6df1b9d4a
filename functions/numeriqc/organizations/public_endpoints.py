"""Whether an HTTPS subscription endpoint is on the public Internet. Pure logic (the resolver is a port).

The platform's events must only ever go to the organization's public web hooks, never to an address
inside a network: loopback, link-local (169.254.169.254 is the cloud metadata service, fe80::/10),
private ranges (RFC 1918, fc00::/7, CGNAT 100.64/10), "this network" (0.0.0.0/8), multicast and
reserved space. Filters of this kind are usually bypassed by writing the address another way, so:

- the host is normalized first the way URL parsers of clients do it (NFKC, every Unicode full stop,
  IDNA), so `１２７.０.０.１` is 127.0.0.1;
- an address hidden in IPv6 (IPv4-mapped `::ffff:127.0.0.1`, 6to4, NAT64) is judged by the IPv4
  address inside it;
- a host whose last label is a number is an IPv4 address, and only its canonical dotted-quad form is
  accepted: decimal (`2130706433`), octal (`0177.0.0.1`), hex (`0x7f.1`) and short (`127.1`) forms
  are refused, whatever they point to;
- a name is resolved (through `HostResolver`) and refused when ANY of its addresses is not public,
  or when it does not resolve.

The check runs when the subscription is made. SNS resolves the name again at each delivery, from
AWS's public side, so a name re-pointed later cannot reach the platform's own network through it.
"""

import ipaddress
import re
import unicodedata
from urllib.parse import urlsplit

from numeriqc.organizations.ports import HostResolver

IpAddress = ipaddress.IPv4Address | ipaddress.IPv6Address

# Every character IDNA (UTS 46) reads as a label separator.
_FULL_STOPS = str.maketrans({"\u3002": ".", "\uff0e": ".", "\uff61": "."})
_NUMERIC_LABEL = re.compile(r"^(0x[0-9a-f]*|[0-9]+)$")
_HOST_LABEL = re.compile(r"^(?!-)[a-z0-9-]{1,63}(?<!-)$")
_NOT_PUBLIC_V4 = [
    ipaddress.IPv4Network(net)
    for net in ("0.0.0.0/8", "100.64.0.0/10", "192.0.0.0/24", "198.18.0.0/15", "255.255.255.255/32")
]
_NAT64 = [ipaddress.IPv6Network("64:ff9b::/96"), ipaddress.IPv6Network("64:ff9b:1::/48")]
_LOCAL_NAMES = ("localhost", "localhost.localdomain")
_LOCAL_SUFFIXES = (".localhost", ".local", ".internal", ".home.arpa")


def refusal(url: str, resolver: HostResolver) -> str | None:
    """Why `url` is not a public HTTPS endpoint, or None when it is one. The reasons: `malformed`,
    `not_https`, `credentials` (user info in the URL), `bad_host`, `numeric_form` (an IPv4 address
    not written as a canonical dotted quad), `not_public`, `unresolvable`."""
    if any(char.isspace() or char == "\\" or unicodedata.category(char) == "Cc" for char in url):
        return "malformed"
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises ValueError on a port that is not a number in range
        raw_host = parts.hostname
    except ValueError:
        return "malformed"
    if parts.scheme.lower() != "https":
        return "not_https"
    if "@" in parts.netloc:
        return "credentials"
    if not raw_host:
        return "bad_host"
    host = normalized_host(raw_host)
    if host is None:
        return "bad_host"
    if ":" in host:  # an IPv6 literal (brackets already removed)
        try:
            address = ipaddress.IPv6Address(host)
        except ValueError:
            return "bad_host"
        return None if is_public(address) else "not_public"
    labels = host.split(".")
    if _NUMERIC_LABEL.match(labels[-1]):
        try:
            address4 = ipaddress.IPv4Address(host)  # strict: refuses leading zeros and short forms
        except ValueError:
            return "numeric_form"
        return None if is_public(address4) else "not_public"
    if host in _LOCAL_NAMES or host.endswith(_LOCAL_SUFFIXES):
        return "not_public"
    if len(labels) < 2 or not all(_HOST_LABEL.match(label) for label in labels):
        return "bad_host"
    return _resolved_refusal(host, resolver)


LOOPBACK_HOSTS = ("127.0.0.1", "localhost", "::1")


def is_loopback_http(url: str) -> bool:
    """Plain HTTP to this machine (`http://127.0.0.1:<port>`, `localhost`, `[::1]`): what the local
    runtime lets through for a test's receiver, never a deployed function (callers hold that switch)."""
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises ValueError on a port that is not a number in range
    except ValueError:
        return False
    return parts.scheme == "http" and "@" not in parts.netloc and (parts.hostname or "") in LOOPBACK_HOSTS


def normalized_host(raw: str) -> str | None:
    """The host as a client would connect to it: NFKC, full stops unified, IDNA (punycode),
    lower case, without the root's trailing dot. None when it cannot be encoded."""
    host = unicodedata.normalize("NFKC", raw.translate(_FULL_STOPS)).translate(_FULL_STOPS).lower()
    host = host.removesuffix(".")
    if "%" in host:  # an IPv6 zone (`fe80::1%eth0`): only link-local addresses have one
        host = host.split("%", 1)[0]
    if not host.isascii():
        try:
            host = host.encode("idna").decode("ascii")
        except UnicodeError:
            return None
    return host or None


def is_public(address: IpAddress) -> bool:
    """True only for a globally routable unicast address, judging an embedded IPv4 by itself."""
    if isinstance(address, ipaddress.IPv6Address):
        embedded = address.ipv4_mapped or address.sixtofour
        if embedded is None and any(address in net for net in _NAT64):
            embedded = ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)
        if embedded is not None:
            return is_public(embedded)
    elif any(address in net for net in _NOT_PUBLIC_V4):
        return False
    return address.is_global and not (
        address.is_private
        or address.is_loopback
        or address.is_link_local
        or address.is_multicast
        or address.is_reserved
        or address.is_unspecified
    )


def _resolved_refusal(host: str, resolver: HostResolver) -> str | None:
    try:
        found = resolver.addresses(host)
    except LookupError:
        return "unresolvable"
    if not found:
        return "unresolvable"
    for text in found:
        try:
            address = ipaddress.ip_address(text.split("%", 1)[0])
        except ValueError:
            return "unresolvable"
        if not is_public(address):
            return "not_public"
    return None
