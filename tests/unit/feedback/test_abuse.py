"""Abuse rules of the intake: honeypot, duplicates, rate limits, URL cleaning, what reaches the store."""

from datetime import UTC, datetime
from typing import Any

import pytest

from numeriqc.core.clock import FrozenClock
from numeriqc.core.problems import TooManyRequests, ValidationFailed
from numeriqc.feedback.intake import Intake, Rules, clean_page_url, fingerprint_source, is_honeypot
from numeriqc.feedback.models import FeedbackIn
from numeriqc.feedback.ports import Outcome, Submission


class RecordingStore:
    """Stands in for DynamoDB (unit tests have no AWS): records submissions, answers a set outcome."""

    def __init__(self, outcome: Outcome | None = None) -> None:
        self.outcome = outcome or Outcome("stored")
        self.submissions: list[Submission] = []

    def submit(self, submission: Submission) -> Outcome:
        self.submissions.append(submission)
        return self.outcome


class PlainVault:
    def seal(self, plaintext: bytes, context: dict[str, str]) -> bytes:
        return b"sealed:" + plaintext[::-1]

    def open(self, ciphertext: bytes, context: dict[str, str]) -> bytes:
        return ciphertext.removeprefix(b"sealed:")[::-1]


def _intake(store: RecordingStore, clock: Any = None) -> Intake:
    return Intake(store, b"pepper", PlainVault(), Rules(), clock or FrozenClock())  # type: ignore[arg-type]


def _request(**values: Any) -> FeedbackIn:
    return FeedbackIn.model_validate({"service_id": "saaq.permis", "rating": 4, **values})


def test_honeypot_answers_a_receipt_and_writes_nothing() -> None:
    store = RecordingStore()
    outcome = _intake(store).submit(_request(website="https://spam.example"), "203.0.113.7")
    assert outcome.result == "honeypot"
    assert outcome.receipt.receipt_id
    assert store.submissions == []
    assert not is_honeypot(_request(website="   "))


def test_what_reaches_the_store_is_redacted_and_hashed() -> None:
    store = RecordingStore()
    _intake(store).submit(_request(comment="Écrivez à a@b.ca"), "203.0.113.7")
    (submission,) = store.submissions
    assert submission.item["comment"] == "Écrivez à [courriel]"
    assert submission.item["removed"] == ["email"]
    assert "203.0.113.7" not in repr(submission)
    assert submission.org_id == "saaq"
    assert submission.minute == int(FrozenClock()().timestamp()) // 60
    assert submission.duplicate_until - submission.now_epoch == 300
    assert submission.client_limit == 10


def test_same_words_same_client_same_fingerprint_other_client_other_fingerprint() -> None:
    one = fingerprint_source(_request(comment="Très bien"), "Très bien", "client-a")
    assert one == fingerprint_source(_request(comment="  très   BIEN "), "  très   BIEN ", "client-a")
    assert one != fingerprint_source(_request(comment="Très bien"), "Très bien", "client-b")
    assert one != fingerprint_source(_request(comment="Très bien", rating=5), "Très bien", "client-a")


def test_page_url_keeps_scheme_host_and_redacted_path_only() -> None:
    assert clean_page_url("https://x.gouv.qc.ca/a/b@c.ca/?q=Tremblay#f") == (
        "https://x.gouv.qc.ca/a/[courriel]/",
        ["email"],
    )
    assert clean_page_url(None) == (None, [])


@pytest.mark.parametrize(("result", "retry"), [("client-rate", "15"), ("service-rate", "15")])
def test_rate_limits_are_429_with_retry_after_until_the_next_minute(result: str, retry: str) -> None:
    clock = FrozenClock(datetime(2026, 1, 15, 14, 0, 45, tzinfo=UTC))
    with pytest.raises(TooManyRequests) as raised:
        _intake(RecordingStore(Outcome(result)), clock).submit(_request(), "203.0.113.7")
    assert raised.value.headers == {"Retry-After": retry}


def test_a_duplicate_gets_the_first_receipt() -> None:
    first = "01JH0000000000000000000000"
    store = RecordingStore(Outcome("duplicate", first, "2026-01-15T13:58:00+00:00"))
    outcome = _intake(store).submit(_request(), "203.0.113.7")
    assert (outcome.result, outcome.receipt.receipt_id) == ("duplicate", first)


def test_unknown_service_names_the_field() -> None:
    with pytest.raises(ValidationFailed) as raised:
        _intake(RecordingStore(Outcome("unknown-service"))).submit(_request(), "203.0.113.7")
    assert [error.field for error in raised.value.errors] == ["body.service_id"]


def test_contact_is_sealed_before_it_reaches_the_store() -> None:
    store = RecordingStore()
    _intake(store).submit(_request(contact={"consent": True, "email": "marie@exemple.ca"}), "203.0.113.7")
    (submission,) = store.submissions
    assert submission.contact is not None and b"marie@exemple.ca" not in submission.contact
    assert PlainVault().open(submission.contact, {}) == b'{"email":"marie@exemple.ca"}'
    assert submission.item["has_contact"] is True
