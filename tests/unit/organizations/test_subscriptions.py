import pytest

from numeriqc.organizations.models import SubscriptionIn
from numeriqc.organizations.subscriptions import endpoint_errors, filter_policy


def test_filter_policy_always_pins_the_organization() -> None:
    assert filter_policy("saaq", []) == {"orgid": ["saaq"]}
    assert filter_policy("saaq", ["b", "a", "a"]) == {"orgid": ["saaq"], "type": ["a", "b"]}


@pytest.mark.parametrize(
    ("protocol", "endpoint", "ok"),
    [
        ("sqs", "arn:aws:sqs:ca-central-1:111122223333:mes-evenements", True),
        ("sqs", "arn:aws:sqs:ca-central-1:111122223333:file.fifo", False),
        ("sqs", "https://sqs.ca-central-1.amazonaws.com/1111/x", False),
        ("https", "https://hooks.exemple.gouv.qc.ca/numeriqc", True),
        ("https", "http://hooks.exemple.gouv.qc.ca/numeriqc", False),
        ("https", "ftp://hooks.exemple.gouv.qc.ca/numeriqc", False),
        ("email", "equipe.ti@exemple.gouv.qc.ca", True),
        ("email", "pas une adresse", False),
    ],
)
def test_endpoint_must_match_its_protocol(protocol: str, endpoint: str, ok: bool) -> None:
    request = SubscriptionIn.model_validate(
        {"family": "feedback", "protocol": protocol, "endpoint": endpoint}
    )
    errors = endpoint_errors(request)
    assert (errors == []) is ok
    if not ok:
        assert errors[0].field == "body.endpoint"


def test_event_types_must_belong_to_the_family() -> None:
    request = SubscriptionIn.model_validate(
        {
            "family": "feedback",
            "protocol": "email",
            "endpoint": "ti@exemple.gouv.qc.ca",
            "event_types": ["ca.qc.numeriqc.feedback.received.v1", "ca.qc.numeriqc.notifications.status.v1"],
        }
    )
    errors = endpoint_errors(request)
    assert [error.field for error in errors] == ["body.event_types[1]"]
    assert "notifications" in errors[0].render("fr")["detail"]
