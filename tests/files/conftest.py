"""Fixtures of the file and process tests; the reliability tests' read-only folder too."""

from pathlib import Path

import pytest

from tests.reliability.conftest import make_read_only

__all__ = ["make_read_only", "runtime"]


@pytest.fixture
def runtime(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A runtime folder of the test's own (locks, print copies), for it and its children;
    returns the app's folder inside it."""
    folder = tmp_path / "runtime"
    folder.mkdir(mode=0o700)
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(folder))
    return folder / "NETJourney"
