"""`numeriqc org add-account / remove-account / accounts`: the operator's path to the same records the
API's /v1/organization/aws-accounts routes write (the table of the local platform)."""

import json
from typing import Any

import pytest

from numeriqc_local.cli import build_parser
from numeriqc_local.dev import admin
from tests.support.platform import NewKey, bearer


def _run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> Any:
    args = build_parser().parse_args(argv)
    assert admin.run(args) == 0
    return json.loads(capsys.readouterr().out)


def test_the_cli_registers_what_the_api_then_lists(
    platform: Any, new_key: NewKey, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    key = new_key("saaq")
    tables = {"OrganizationsTableName": platform.names["OrganizationsTable"]}
    monkeypatch.setattr(admin, "stack_outputs", lambda stack: tables)
    added = _run(["org", "add-account", "saaq", "111122223333"], capsys)
    assert "111122223333" in added["aws_accounts"]
    listed = platform.http("GET", "/v1/organization/aws-accounts", headers=bearer(key)).json()["items"]
    assert "111122223333" in listed
    removed = _run(["org", "remove-account", "saaq", "111122223333"], capsys)
    assert "111122223333" not in removed["aws_accounts"]
    assert _run(["org", "accounts", "saaq"], capsys)["aws_accounts"] == removed["aws_accounts"]

    args = build_parser().parse_args(["org", "add-account", "inconnu", "111122223333"])
    assert admin.run(args) == 2  # an unknown organization is one clear line, nothing written
    assert "no organization inconnu" in capsys.readouterr().err


@pytest.mark.parametrize(
    "account", ["11112222333", "1111222233334", "11112222333x", "１１１１２２２２３３３３"]
)
def test_the_cli_refuses_an_account_id_that_is_not_twelve_digits(
    account: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exited:
        build_parser().parse_args(["org", "add-account", "saaq", account])
    assert exited.value.code == 2
    assert "12 digits" in capsys.readouterr().err
