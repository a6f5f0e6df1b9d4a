"""HTTPS subscription endpoints must be public: the whole class of addresses that are not, in every
form they can be written in, directly or behind a name. The resolver is a stand-in: no real DNS."""

import ipaddress

import pytest

from numeriqc.organizations.public_endpoints import is_public, normalized_host, refusal


class Names:
    """A stand-in for the `HostResolver` port: a fixed table of names."""

    def __init__(self, table: dict[str, list[str]]) -> None:
        self.table = table
        self.asked: list[str] = []

    def addresses(self, host: str) -> list[str]:
        self.asked.append(host)
        if host not in self.table:
            raise LookupError(host)
        return self.table[host]


NAMES = Names(
    {
        "hooks.exemple.gouv.qc.ca": ["142.213.1.10", "2620:0:ccc::2"],
        "xn--ministre-60a.exemple.ca": ["142.213.1.11"],
        "metadata.evil.example": ["169.254.169.254"],
        "mixed.evil.example": ["142.213.1.10", "10.0.0.5"],
        "v6-local.evil.example": ["fd00::1"],
        "mapped.evil.example": ["::ffff:127.0.0.1"],
        "cgnat.evil.example": ["100.64.0.1"],
        "empty.evil.example": [],
    }
)

NOT_PUBLIC_ADDRESSES = [
    "127.0.0.1",
    "127.255.255.254",
    "10.0.0.1",
    "172.16.0.1",
    "172.31.255.255",
    "192.168.1.1",
    "169.254.169.254",  # the metadata service
    "169.254.0.1",
    "100.64.0.1",  # CGNAT
    "100.127.255.255",
    "0.0.0.0",
    "0.1.2.3",
    "224.0.0.1",  # multicast
    "240.0.0.1",  # reserved
    "255.255.255.255",
    "192.0.0.8",
    "198.18.0.1",  # benchmarking
    "192.0.2.1",  # documentation
    "::1",
    "::",
    "fe80::1",
    "fc00::1",
    "fd12:3456::1",
    "ff02::1",
    "::ffff:127.0.0.1",  # IPv4-mapped
    "::ffff:169.254.169.254",
    "::ffff:10.0.0.1",
    "::127.0.0.1",  # IPv4-compatible (deprecated)
    "64:ff9b::7f00:1",  # NAT64 of 127.0.0.1
    "64:ff9b::a9fe:a9fe",  # NAT64 of the metadata service
    "2002:7f00:1::1",  # 6to4 of 127.0.0.1
    "2002:a9fe:a9fe::1",  # 6to4 of the metadata service
    "2001:db8::1",  # documentation
]


@pytest.mark.parametrize("address", NOT_PUBLIC_ADDRESSES)
def test_no_address_of_the_class_is_public(address: str) -> None:
    assert not is_public(ipaddress.ip_address(address))


@pytest.mark.parametrize("address", ["142.213.1.10", "8.8.8.8", "2620:0:ccc::2", "64:ff9b::808:808"])
def test_public_addresses_are(address: str) -> None:
    assert is_public(ipaddress.ip_address(address))


@pytest.mark.parametrize("address", NOT_PUBLIC_ADDRESSES)
def test_a_url_naming_a_non_public_address_is_refused(address: str) -> None:
    host = f"[{address}]" if ":" in address else address
    assert refusal(f"https://{host}/hook", NAMES) == "not_public"


@pytest.mark.parametrize(
    "host",
    [
        "2130706433",  # decimal 127.0.0.1
        "0x7f000001",  # hex
        "0177.0.0.1",  # octal
        "0x7f.0.0.1",
        "127.1",  # short form
        "127.0.1",
        "0251.0376.0251.0376",  # octal 169.254.169.254
        "2852039166",  # decimal 169.254.169.254
        "010.0.0.1",
        "1.2.3.04",
        "00000000000000000000177.0.0.1",
        "142.213.1.0x0a",  # even a public address, written another way
    ],
)
def test_an_ipv4_address_written_other_than_dotted_quad_is_refused(host: str) -> None:
    assert refusal(f"https://{host}/hook", NAMES) == "numeric_form"


@pytest.mark.parametrize(
    "url",
    [
        "https://１２７.０.０.１/hook",  # full-width digits and dots: NFKC makes them 127.0.0.1
        "https://127。0。0。1/hook",  # ideographic full stops
        "https://127.0.0.1./hook",  # the root's trailing dot
        "https://[::ffff:7f00:1]/hook",
        "https://[fe80::1%25eth0]/hook",  # a zone id
        "https://LOCALHOST/hook",
        "https://localhost./hook",
        "https://api.localhost/hook",
        "https://printer.local/hook",
        "https://metadata.google.internal/hook",
        "https://metadata.evil.example/hook",  # a name that resolves to the metadata service
        "https://mixed.evil.example/hook",  # one private address among public ones is enough
        "https://v6-local.evil.example/hook",
        "https://mapped.evil.example/hook",
        "https://cgnat.evil.example/hook",
        "https://METADATA.evil.example:8443/hook",
    ],
)
def test_other_spellings_and_names_of_non_public_addresses_are_refused(url: str) -> None:
    assert refusal(url, NAMES) == "not_public"


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("http://hooks.exemple.gouv.qc.ca/x", "not_https"),
        ("https://user:pw@hooks.exemple.gouv.qc.ca/x", "credentials"),
        ("https://:pw@hooks.exemple.gouv.qc.ca/x", "credentials"),
        ("https://hooks.exemple.gouv.qc.ca@127.0.0.1/x", "credentials"),
        ("https://hooks.exemple.gouv.qc.ca\\@127.0.0.1/x", "malformed"),
        ("https://hooks.exemple.gouv.qc.ca /x", "malformed"),
        ("https://hooks.exemple.gouv.qc.ca\t/x", "malformed"),
        ("https://hooks.exemple.gouv.qc.ca:99999/x", "malformed"),
        ("https://[::1/x", "malformed"),
        ("https:///x", "bad_host"),
        ("https://intranet/x", "bad_host"),
        ("https://-bad-.exemple.ca/x", "bad_host"),
        ("https://under_score.exemple.ca/x", "bad_host"),
        ("https://unknown.exemple.ca/x", "unresolvable"),
        ("https://empty.evil.example/x", "unresolvable"),
    ],
)
def test_what_is_not_a_public_https_url_says_why(url: str, reason: str) -> None:
    assert refusal(url, NAMES) == reason


@pytest.mark.parametrize(
    "url",
    [
        "https://hooks.exemple.gouv.qc.ca/numeriqc",
        "https://HOOKS.exemple.gouv.qc.ca:443/numeriqc?x=1",
        "https://hooks.exemple.gouv.qc.ca./numeriqc",
        "https://ministère.exemple.ca/hook",  # IDN, resolved as its punycode
        "https://142.213.1.10/hook",
        "https://[2620:0:ccc::2]/hook",
    ],
)
def test_public_endpoints_are_accepted(url: str) -> None:
    assert refusal(url, NAMES) is None


def test_names_are_resolved_in_their_normalized_form() -> None:
    names = Names({"xn--ministre-60a.exemple.ca": ["142.213.1.11"]})
    assert refusal("https://MINISTÈRE.exemple.ca./hook", names) is None
    assert names.asked == ["xn--ministre-60a.exemple.ca"]


def test_hosts_normalize_like_a_client_would() -> None:
    assert normalized_host("１２７．０．０．１") == "127.0.0.1"
    assert normalized_host("Hooks.Exemple.CA.") == "hooks.exemple.ca"
