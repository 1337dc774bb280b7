"""Where the record lives, and who may read it."""

from __future__ import annotations

import os
import stat
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from netjourney.cli import main
from netjourney.core import paths
from netjourney.core.guide import Guide
from netjourney.core.record import JourneyRecord


def test_the_flag_beats_the_environment_variable(tmp_path: Path) -> None:
    environ = {paths.DATABASE_ENV_VAR: str(tmp_path / "from-env.sqlite")}

    chosen = paths.resolve_database_path(str(tmp_path / "from-flag.sqlite"), environ)

    assert chosen == tmp_path / "from-flag.sqlite"


def test_the_environment_variable_beats_the_data_folder(tmp_path: Path) -> None:
    environ = {paths.DATABASE_ENV_VAR: str(tmp_path / "from-env.sqlite")}

    assert paths.resolve_database_path(None, environ) == tmp_path / "from-env.sqlite"


def test_without_flag_or_variable_the_platform_data_folder_is_used() -> None:
    chosen = paths.resolve_database_path(None, {})

    assert chosen == paths.default_database_path()
    assert chosen.name == paths.DATABASE_FILE_NAME
    assert chosen.parent.name == paths.APP_DIR_NAME


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="XDG data folder is Linux's")
def test_on_linux_the_data_folder_follows_xdg_data_home(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))

    chosen = paths.resolve_database_path(None, {})

    assert chosen == tmp_path / "xdg" / paths.APP_DIR_NAME / paths.DATABASE_FILE_NAME


def test_a_relative_or_home_path_is_made_absolute(tmp_path: Path) -> None:
    assert paths.resolve_database_path("~/x.sqlite", {}) == Path.home() / "x.sqlite"
    assert paths.resolve_database_path("x.sqlite", {}).is_absolute()


def test_only_a_leading_tilde_means_home_and_an_unknown_user_stays_as_typed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)

    assert paths.resolve_database_path("./~0", {}) == tmp_path / "~0"
    assert paths.resolve_database_path("~nosuchuser/x", {}) == tmp_path / "~nosuchuser" / "x"


def test_the_command_line_honours_flag_over_variable(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(paths.DATABASE_ENV_VAR, str(tmp_path / "from-env.sqlite"))

    out = str(tmp_path / "out.json")

    # demo creates the record it is pointed at (export-json refuses a missing one).
    assert main(["--db", str(tmp_path / "from-flag.sqlite"), "demo"]) == 0
    assert (tmp_path / "from-flag.sqlite").exists()
    assert not (tmp_path / "from-env.sqlite").exists()

    assert main(["demo"]) == 0
    assert (tmp_path / "from-env.sqlite").exists()
    assert main(["export-json", out]) == 0


@pytest.fixture
def permissive_umask() -> Iterator[None]:
    """The modes must not depend on the umask the user happens to have."""
    previous = os.umask(0o022)
    yield
    os.umask(previous)


def mode_of(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.mark.usefixtures("permissive_umask")
def test_a_new_record_is_private_to_its_user(tmp_path: Path, guide: Guide) -> None:
    record_path = tmp_path / "data" / "NETJourney" / "journey.sqlite"

    record = JourneyRecord.open(record_path, guide)
    try:
        # The sidecars exist while a connection is open (the engine keeps one pooled).
        sidecars = [record_path.with_name(record_path.name + s) for s in ("-wal", "-shm")]
        assert all(sidecar.exists() for sidecar in sidecars)

        assert mode_of(record_path.parent) == 0o700
        assert mode_of(record_path) == 0o600
        assert [mode_of(sidecar) for sidecar in sidecars] == [0o600, 0o600]
    finally:
        record.close()


def _platformdirs_folders() -> dict[str, Path]:
    import platformdirs

    return {
        "XDG_CACHE_HOME": platformdirs.user_cache_path(paths.APP_DIR_NAME, appauthor=False),
        "XDG_DATA_HOME": platformdirs.user_data_path(paths.APP_DIR_NAME, appauthor=False),
        "XDG_STATE_HOME": platformdirs.user_log_path(paths.APP_DIR_NAME, appauthor=False),
    }


def _our_folders() -> dict[str, Path]:
    return {
        "XDG_CACHE_HOME": paths.cache_folder(),
        "XDG_DATA_HOME": paths.default_database_path().parent,
        "XDG_STATE_HOME": paths.log_folder(),
    }


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="XDG is Linux's")
@pytest.mark.parametrize("variable", ["XDG_CACHE_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME"])
@pytest.mark.parametrize(
    "values",
    [
        {"chosen": "/somewhere/else", "HOME": "/home/ana"},
        {"chosen": "", "HOME": "/home/ana/"},
        {"chosen": "relative/folder", "HOME": "/home/ana"},
        {"HOME": "/home/ana"},
    ],
)
def test_on_linux_the_cache_data_and_log_folders_are_the_ones_platformdirs_names(
    monkeypatch: pytest.MonkeyPatch, variable: str, values: dict[str, str]
) -> None:
    """Read without importing platformdirs (it costs the first paint), by its rule."""
    monkeypatch.setattr(sys, "platform", "linux")
    monkeypatch.delenv(variable, raising=False)
    for name, value in values.items():
        monkeypatch.setenv(variable if name == "chosen" else name, value)
    assert _our_folders()[variable] == _platformdirs_folders()[variable]
