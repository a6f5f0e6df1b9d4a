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


def test_the_cli_finds_the_platform_that_numeriqc_dev_env_names(
    tmp_path: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A platform started with NUMERIQC_DEV_ENV (a test's, in a temporary folder) writes its files
    there: the admin commands read them there too, not `.numeriqc/` of the current folder."""
    (tmp_path / "outputs.json").write_text(json.dumps({"OrganizationsTableName": "elsewhere"}))
    (tmp_path / "dev.env").write_text("NUMERIQC_API_URL=http://127.0.0.1:1\n")
    monkeypatch.setenv("NUMERIQC_DEV_ENV", str(tmp_path / "dev.env"))
    monkeypatch.chdir(tmp_path.parent)
    assert admin.stack_outputs(None) == {"OrganizationsTableName": "elsewhere"}
    monkeypatch.delenv("NUMERIQC_DEV_ENV")
    (tmp_path / "infra").mkdir()
    (tmp_path / "infra" / "app.py").write_text("")
    monkeypatch.setenv("NUMERIQC_ROOT", str(tmp_path))  # a checkout where no platform ever ran
    with pytest.raises(admin.AdminError):
        admin.stack_outputs(None)  # no `.numeriqc/` under that root, wherever the command runs
