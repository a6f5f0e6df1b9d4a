"""What the send pipeline concludes from a failure, without AWS: which provider errors mean "not sent"
(retry later) or "maybe sent" (never retried), what botocore may retry of a send, which table
failures are read back rather than raised, and the conditions a conditional change checks."""

from typing import Any

import pytest
from botocore.exceptions import (
    ClientError,
    ConnectionClosedError,
    ConnectTimeoutError,
    EndpointConnectionError,
    ReadTimeoutError,
)

from numeriqc.notifications.adapters.items import Change, _unknown_or_refused
from numeriqc.notifications.adapters.providers import _no_resend, _provider_error
from numeriqc.notifications.ports import ProviderUnavailable, ProviderUncertain


def _client_error(status: int, code: str) -> ClientError:
    return ClientError({"Error": {"Code": code}, "ResponseMetadata": {"HTTPStatusCode": status}}, "SendEmail")


class _Http:
    def __init__(self, status: int) -> None:
        self.status_code = status


@pytest.mark.parametrize(
    ("error", "kind", "reason"),
    [
        (EndpointConnectionError(endpoint_url="https://x"), ProviderUnavailable, None),
        (ConnectTimeoutError(endpoint_url="https://x"), ProviderUnavailable, None),
        (_client_error(403, "AccessDeniedException"), ProviderUnavailable, None),
        (_client_error(400, "AccountSuspendedException"), ProviderUnavailable, None),
        (ReadTimeoutError(endpoint_url="https://x"), ProviderUncertain, "provider-timeout"),
        (ConnectionClosedError(endpoint_url="https://x"), ProviderUncertain, "provider-timeout"),
        (_client_error(500, "InternalFailure"), ProviderUncertain, "provider-error"),
        (_client_error(503, "ServiceUnavailable"), ProviderUncertain, "provider-error"),
        (RuntimeError("unknown"), ProviderUncertain, "provider-error"),
    ],
)
def test_a_provider_error_is_either_not_sent_or_uncertain(
    error: Exception, kind: type, reason: str | None
) -> None:
    told = _provider_error(error)
    assert isinstance(told, kind)
    if reason:
        assert isinstance(told, ProviderUncertain) and told.reason == reason


def test_botocore_retries_a_send_only_when_it_surely_was_not_sent() -> None:
    assert _no_resend(caught_exception=EndpointConnectionError(endpoint_url="https://x")) is None
    assert _no_resend(caught_exception=ConnectTimeoutError(endpoint_url="https://x")) is None
    throttled = (_Http(400), {"Error": {"Code": "TooManyRequestsException"}})
    assert _no_resend(response=throttled) is None  # refused before anything was sent: retried
    assert _no_resend(response=(_Http(200), {"MessageId": "m"})) is None
    timeout = ReadTimeoutError(endpoint_url="https://x")
    with pytest.raises(ReadTimeoutError):
        _no_resend(caught_exception=timeout)
    with pytest.raises(ClientError) as raised:
        _no_resend(response=(_Http(500), {"Error": {"Code": "InternalFailure"}}))
    assert raised.value.response["Error"]["Code"] == "InternalFailure"
    with pytest.raises(ClientError):
        _no_resend(response=(_Http(400), {"Error": {"Code": "RequestTimeout"}}))


@pytest.mark.parametrize(
    ("error", "read_back"),
    [
        (_client_error(400, "TransactionCanceledException"), True),
        (_client_error(400, "TransactionConflictException"), True),
        (_client_error(500, "InternalServerError"), True),
        (_client_error(400, "ThrottlingException"), True),
        (ReadTimeoutError(endpoint_url="https://x"), True),
        (ConnectionClosedError(endpoint_url="https://x"), True),
        (_client_error(400, "ValidationException"), False),
        (_client_error(400, "ResourceNotFoundException"), False),
        (KeyError("bug"), False),
    ],
)
def test_a_table_write_is_read_back_when_refused_or_unknown(error: Exception, read_back: bool) -> None:
    assert _unknown_or_refused(error) is read_back


@pytest.mark.parametrize(
    ("change", "item", "holds"),
    [
        (Change(("p", "s"), {}, when_status=("queued",)), {"status": "queued"}, True),
        (Change(("p", "s"), {}, when_status=("queued",)), {"status": "sending"}, False),
        (Change(("p", "s"), {}, when_status=("queued",)), None, False),
        (
            Change(("p", "s"), {}, when_status=("sending",), holding=(("ct", "A"),)),
            {"status": "sending", "ct": "B"},
            False,
        ),
        (
            Change(("p", "s"), {}, when_status=("sending",), absent=("provider_id",)),
            {"status": "sending", "provider_id": "x"},
            False,
        ),
        (Change(("p", "s"), {}, put=True, new=True), None, True),
        (Change(("p", "s"), {}, put=True, new=True), {"pk": "p"}, False),
    ],
)
def test_a_conditional_change_is_judged_on_the_item_as_read(
    change: Change, item: dict[str, Any] | None, holds: bool
) -> None:
    assert change.matches(item) is holds
