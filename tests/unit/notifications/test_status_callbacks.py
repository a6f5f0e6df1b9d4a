"""Notify-style callbacks: URL rules, the payload, retries with backoff (status_callbacks.py)."""

from datetime import UTC, datetime
from typing import Any

import pytest

from numeriqc.core.problems import ValidationFailed
from numeriqc.notifications.models import Channel, Content, Notification, Status
from numeriqc.notifications.ports import CallbackFailed
from numeriqc.notifications.status_callbacks import CallbackIn, StatusCallbacks, url_errors
from numeriqc.organizations import public_endpoints

NOW = datetime(2030, 1, 1, tzinfo=UTC)
NOTIFICATION = Notification(
    id="01JAAAAAAAAAAAAAAAAAAAAAAA",
    channel=Channel.SMS,
    status=Status.DELIVERED,
    template_id="01JBBBBBBBBBBBBBBBBBBBBBBB",
    template_version=2,
    language="fr",
    key_kind="live",
    created_at=NOW,
    updated_at=NOW,
    completed_at=NOW,
    content=Content(recipient="+15145550100", body="x"),
)


class Records:
    def __init__(self) -> None:
        self.dns: dict[str, list[str]] = {}  # names re-pointed since registration (Names)
        self.saved: dict[str, dict[str, Any]] = {}

    def callback(self, org_id: str) -> dict[str, Any] | None:
        return self.saved.get(org_id)

    def save_callback(self, org_id: str, values: dict[str, Any]) -> None:
        self.saved[org_id] = values

    def remove_callback(self, org_id: str) -> None:
        self.saved.pop(org_id, None)


class Clear:
    def current_key(self, now: datetime) -> tuple[str, str]:
        return "k", "e"

    def seal(self, value: str, now: datetime) -> str:
        return "sealed:" + value[::-1]

    def open(self, sealed: str, keys: dict[str, str]) -> str:
        return sealed.removeprefix("sealed:")[::-1]


class Poster:
    def __init__(self, failures: int) -> None:
        self.failures = failures
        self.calls: list[tuple[str, str, dict[str, Any]]] = []

    def post(self, url: str, bearer_token: str, payload: dict[str, Any]) -> None:
        self.calls.append((url, bearer_token, payload))
        if len(self.calls) <= self.failures:
            raise CallbackFailed("status 503")


def _callbacks(poster: Poster, slept: list[float], records: Records | None = None) -> StatusCallbacks:
    return StatusCallbacks(
        records or Records(),
        Clear(),
        poster,
        lambda org, nid, now: NOTIFICATION,
        sleep=slept.append,
        allow_loopback_http=False,
        endpoint_refusal=lambda url: public_endpoints.refusal(url, Names(records)),
    )


class Names:
    """A DNS where exemple.quebec is public and interne.exemple.quebec points inside; a test can
    re-point a name (`records.dns`)."""

    def __init__(self, records: Records | None = None) -> None:
        self._records = records

    @property
    def _dns(self) -> dict[str, list[str]]:
        return self._records.dns if self._records is not None else {}

    def addresses(self, host: str) -> list[str]:
        found = {"exemple.quebec": ["8.8.4.4"], "interne.exemple.quebec": ["10.0.0.5"], **self._dns}
        if host not in found:
            raise LookupError(host)
        return found[host]


def _refusal(url: str) -> str | None:
    return public_endpoints.refusal(url, Names())


def test_only_public_https_and_loopback_http_when_allowed() -> None:
    assert url_errors("https://exemple.quebec/x", False, _refusal) == []
    assert url_errors("http://127.0.0.1:8080/x", True, _refusal) == []
    for url, allowed in (("http://127.0.0.1/x", False), ("http://exemple.quebec/x", True), ("x", True)):
        assert url_errors(url, allowed, _refusal), url


@pytest.mark.parametrize(
    ("url", "code"),
    [
        ("https://127.0.0.1/s", "not_public"),
        ("https://169.254.169.254/latest/meta-data", "not_public"),
        ("https://10.1.2.3/s", "not_public"),
        ("https://[::ffff:10.0.0.1]/s", "not_public"),
        ("https://2130706433/s", "numeric_form"),
        ("https://interne.exemple.quebec/s", "not_public"),
        ("https://user:pw@exemple.quebec/s", "credentials"),
        ("https://inconnu.exemple.quebec/s", "unresolvable"),
        ("http://exemple.quebec/s", "https_required"),
    ],
)
def test_a_callback_url_is_a_public_https_endpoint_like_every_other_endpoint(url: str, code: str) -> None:
    """The class of event subscriptions' and exchange pushes' endpoints (organizations'
    public_endpoints), refused at registration with the field named."""
    callbacks = _callbacks(Poster(0), [])
    with pytest.raises(ValidationFailed) as refused:
        callbacks.register("saaq", CallbackIn(url=url, bearer_token="secret-123456"), NOW)
    assert [(error.field, error.code) for error in refused.value.errors] == [("body.url", code)]


def test_a_name_re_pointed_inside_after_registration_is_never_posted_to() -> None:
    records = Records()
    poster = Poster(0)
    callbacks = _callbacks(poster, [], records)
    callbacks.register("saaq", CallbackIn(url="https://exemple.quebec/s", bearer_token="secret-123456"), NOW)
    records.dns = {"exemple.quebec": ["192.168.1.1"]}
    with pytest.raises(CallbackFailed, match="not_public"):
        callbacks.deliver("saaq", "01JAAAAAAAAAAAAAAAAAAAAAAA", NOW)
    assert poster.calls == []


def test_the_token_is_sealed_and_posted_with_notify_payload_after_retries() -> None:
    records, slept, poster = Records(), [], Poster(failures=2)
    callbacks = _callbacks(poster, slept, records)
    callbacks.register("saaq", CallbackIn(url="https://exemple.quebec/s", bearer_token="secret-123456"), NOW)
    assert "secret-123456" not in str(records.saved)
    assert callbacks.current("saaq").url == "https://exemple.quebec/s"
    assert callbacks.deliver("saaq", NOTIFICATION.id, NOW) is True
    assert slept == [1.0, 4.0]
    _, token, payload = poster.calls[-1]
    assert token == "secret-123456"
    assert (payload["status"], payload["to"], payload["template_version"]) == ("delivered", "+15145550100", 2)


def test_a_receiver_failing_every_attempt_raises_for_the_queue_to_retry() -> None:
    records, slept, poster = Records(), [], Poster(failures=99)
    callbacks = _callbacks(poster, slept, records)
    callbacks.register("saaq", CallbackIn(url="https://exemple.quebec/s", bearer_token="secret-123456"), NOW)
    with pytest.raises(CallbackFailed) as raised:
        callbacks.deliver("saaq", NOTIFICATION.id, NOW)
    assert "secret" not in str(raised.value) and len(poster.calls) == 3


def test_no_callback_registered_posts_nothing_and_bad_urls_are_refused() -> None:
    poster = Poster(failures=0)
    callbacks = _callbacks(poster, [])
    assert callbacks.deliver("saaq", NOTIFICATION.id, NOW) is False and poster.calls == []
    with pytest.raises(ValidationFailed):
        callbacks.register(
            "saaq", CallbackIn(url="http://exemple.quebec/s", bearer_token="secret-123456"), NOW
        )


class CountedRecords(Records):
    def __init__(self) -> None:
        super().__init__()
        self.reads = 0

    def callback(self, org_id: str) -> dict[str, Any] | None:
        self.reads += 1
        return super().callback(org_id)


def test_a_batch_reads_each_organizations_registration_once_and_sees_its_own_changes() -> None:
    """One instance per batch: a bulk's ten events are one read, not ten; a registration or a
    removal made through the same instance is seen at once."""
    records, poster = CountedRecords(), Poster(failures=0)
    callbacks = _callbacks(poster, [], records)
    assert [callbacks.deliver("saaq", NOTIFICATION.id, NOW) for _ in range(10)] == [False] * 10
    assert callbacks.deliver("mtq", NOTIFICATION.id, NOW) is False
    assert records.reads == 2

    callbacks.register("saaq", CallbackIn(url="https://exemple.quebec/s", bearer_token="secret-123456"), NOW)
    assert callbacks.deliver("saaq", NOTIFICATION.id, NOW) is True
    callbacks.remove("saaq")
    assert callbacks.deliver("saaq", NOTIFICATION.id, NOW) is False
    assert len(poster.calls) == 1
