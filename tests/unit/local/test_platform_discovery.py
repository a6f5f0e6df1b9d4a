"""Every `numeriqc` command finds the running platform the same way, from any directory."""

from pathlib import Path

import pytest

from numeriqc_local.dev import admin, env_file


def test_admin_commands_find_the_platform_where_every_other_command_does(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("NUMERIQC_DEV_ENV", raising=False)
    monkeypatch.delenv("NUMERIQC_ROOT", raising=False)
    elsewhere = tmp_path / "ailleurs"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)  # not the repository: `.numeriqc/` relative to here is not it
    assert admin._state_dir() == env_file.dev_env_path().parent
    assert admin._state_dir().parent / "infra" / "app.py" == env_file.find_root() / "infra" / "app.py"


def test_an_explicit_dev_env_or_root_is_honoured_by_both(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("NUMERIQC_DEV_ENV", str(tmp_path / "state" / "dev.env"))
    assert admin._state_dir() == env_file.dev_env_path().parent == tmp_path / "state"
    monkeypatch.delenv("NUMERIQC_DEV_ENV")
    root = tmp_path / "checkout"
    (root / "infra").mkdir(parents=True)
    (root / "infra" / "app.py").write_text("")
    monkeypatch.setenv("NUMERIQC_ROOT", str(root))
    assert admin._state_dir() == env_file.dev_env_path().parent == root / ".numeriqc"


def test_no_platform_is_one_clear_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NUMERIQC_DEV_ENV", str(tmp_path / "dev.env"))
    with pytest.raises(admin.AdminError, match="no local platform found"):
        admin.stack_outputs(None)
