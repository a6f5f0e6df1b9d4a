"""What infra tells the notification functions, read as they need it."""

import pytest

from numeriqc.notifications.settings import NotificationsSettings


@pytest.mark.parametrize(
    "given",
    [
        "https://abc.execute-api.ca-central-1.amazonaws.com/",
        "https://abc.execute-api.ca-central-1.amazonaws.com",
    ],
)
def test_the_public_base_url_never_ends_with_a_slash(given: str) -> None:
    """API Gateway's URL ends with "/", and links are built as base + "/v1/unsubscribe/...": a
    doubled slash is another path to API Gateway's routes."""
    settings = NotificationsSettings(notifications_table="t", public_base_url=given)
    assert settings.public_base_url == "https://abc.execute-api.ca-central-1.amazonaws.com"
    assert f"{settings.public_base_url}/v1/unsubscribe/x".count("//") == 1
