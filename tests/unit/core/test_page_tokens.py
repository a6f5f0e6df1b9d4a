"""`core.page_tokens`: a position handed out, accepted back only from the scope it was sealed for."""

import base64

import pytest

from numeriqc.core.page_tokens import BadPageToken, open_token, seal

KEY = b"pepper"
POSITION = {"pk": "ORG#saaq", "sk": "N#01J00000000000000000000000"}


def test_a_token_opens_in_its_own_scope() -> None:
    token = seal(POSITION, key=KEY, scope="notifications/saaq")
    assert open_token(token, key=KEY, scope="notifications/saaq") == POSITION


@pytest.mark.parametrize(
    ("key", "scope"),
    [(KEY, "notifications/ramq"), (KEY, "feedback/saaq"), (b"another pepper", "notifications/saaq")],
)
def test_another_organization_listing_or_pepper_is_refused(key: bytes, scope: str) -> None:
    token = seal(POSITION, key=KEY, scope="notifications/saaq")
    with pytest.raises(BadPageToken):
        open_token(token, key=key, scope=scope)


def test_an_edited_position_is_refused_even_with_the_original_mac() -> None:
    token = seal(POSITION, key=KEY, scope="s")
    _, mac = token.split(".")
    forged = base64.urlsafe_b64encode(b'{"pk":"ORG#ramq","sk":"N#"}').decode().rstrip("=")
    with pytest.raises(BadPageToken):
        open_token(f"{forged}.{mac}", key=KEY, scope="s")


@pytest.mark.parametrize("token", ["", ".", "abc", "abc.def", "!!!.???", "é.é", "a" * 5000, "\ud800.x"])
def test_garbage_is_refused(token: str) -> None:
    with pytest.raises(BadPageToken):
        open_token(token, key=KEY, scope="s")
