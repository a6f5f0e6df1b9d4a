"""The guest list of Notify team keys (core/guest_list.py): one spelling per recipient, by class."""

import unicodedata

import pytest

from numeriqc.core import guest_list
from numeriqc.organizations.models import NotifyKey

PEPPER = b"p" * 32
PHONE = "+15142345678"

PHONE_SPELLINGS = [
    "+15142345678",
    "15142345678",
    "5142345678",
    "514 234 5678",
    "514-234-5678",
    "(514) 234-5678",
    "+1 514.234.5678",
    " +1-514-234-5678 ",
    "５１４２３４５６７８",  # full-width digits
    "＋１ ５１４ ２３４ ５６７８",
]
EMAIL = "zoé.tremblay@example.qc.ca"
EMAIL_SPELLINGS = [
    EMAIL,
    "Zoé.Tremblay@Example.QC.ca",
    "ZOÉ.TREMBLAY@EXAMPLE.QC.CA",
    unicodedata.normalize("NFD", EMAIL),  # e + combining acute in the local part
    unicodedata.normalize("NFD", "ZOÉ.tremblay@example.qc.ca"),
    "  zoé.tremblay@example.qc.ca ",
    "ｚｏé.tremblay@example.qc.ca",  # full-width letters
]


@pytest.mark.parametrize("spelling", PHONE_SPELLINGS)
def test_every_spelling_of_a_phone_number_is_one_entry(spelling: str) -> None:
    assert guest_list.normal_form(spelling) == PHONE
    assert guest_list.allowed(spelling, frozenset(guest_list.hashes([PHONE], PEPPER)[0]), PEPPER)


@pytest.mark.parametrize("spelling", EMAIL_SPELLINGS)
def test_every_spelling_of_an_email_is_one_entry(spelling: str) -> None:
    listed = frozenset(guest_list.hashes([EMAIL], PEPPER)[0])
    assert guest_list.allowed(spelling, listed, PEPPER)
    assert guest_list.normal_form(spelling) == guest_list.normal_form(EMAIL)


@pytest.mark.parametrize(
    "other",
    ["+15142345679", "514 234 5670", "zoe.tremblay@example.qc.ca", "zoé.tremblay@example.qc.com", ""],
)
def test_anyone_else_is_refused(other: str) -> None:
    listed = frozenset(guest_list.hashes([EMAIL, PHONE], PEPPER)[0])
    assert not guest_list.allowed(other, listed, PEPPER)


@pytest.mark.parametrize(
    "unreadable", ["", "   ", "pas un numéro", "123", "@example.com", "a b@example.com", "x@y"]
)
def test_what_is_neither_an_email_nor_a_phone_is_refused_and_fails_closed(unreadable: str) -> None:
    assert guest_list.normal_form(unreadable) is None
    hashes, bad = guest_list.hashes([EMAIL, unreadable], PEPPER)
    assert bad == [1]
    assert not guest_list.allowed(unreadable, frozenset(hashes), PEPPER)


def test_the_list_is_deduplicated_hashes_never_the_entries() -> None:
    hashes, bad = guest_list.hashes([*PHONE_SPELLINGS, *EMAIL_SPELLINGS], PEPPER)
    assert bad == []
    assert len(hashes) == 2
    assert all(len(h) == guest_list.HASH_CHARS for h in hashes)
    assert "514" not in "".join(hashes) and "zo" not in "".join(hashes)


def test_the_hash_depends_on_the_pepper() -> None:
    assert guest_list.hashes([PHONE], PEPPER)[0] != guest_list.hashes([PHONE], b"q" * 32)[0]


def test_team_keys_belong_to_the_live_world_and_never_store_their_list() -> None:
    fields = {
        "key_id": "k",
        "org_id": "o",
        "service_id": "s",
        "name": "n",
        "created_at": "2030-01-01T00:00:00Z",
    }
    team = NotifyKey.model_validate({**fields, "kind": "team", "guest_list": frozenset({"ab"})})
    assert team.key_kind().value == "live"
    assert NotifyKey.model_validate({**fields, "kind": "test"}).key_kind().value == "test"
    assert "guest_list" not in team.model_dump(mode="json")
