"""Shared fixtures. Qt must be told to draw offscreen before it is first imported."""

from __future__ import annotations

import gc
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Locks and print copies go to the user's runtime folder: a private one for the tests.
os.environ["XDG_RUNTIME_DIR"] = tempfile.mkdtemp(prefix="netjourney-tests-runtime-")
os.environ["XDG_STATE_HOME"] = tempfile.mkdtemp(prefix="netjourney-tests-state-")  # the log
os.environ["XDG_CACHE_HOME"] = tempfile.mkdtemp(prefix="netjourney-tests-cache-")  # schemas
os.umask(0o077)  # as the app does at start

from netjourney.core.guide import Guide, load_guide  # noqa: E402
from netjourney.core.record import JourneyRecord  # noqa: E402


@pytest.fixture(scope="session")
def guide() -> Guide:
    return load_guide()


@pytest.fixture
def record_path(tmp_path: Path) -> Path:
    return tmp_path / "journey.sqlite"


@pytest.fixture
def record(record_path: Path, guide: Guide) -> Iterator[JourneyRecord]:
    opened = JourneyRecord.open(record_path, guide)
    yield opened
    opened.close()


@pytest.fixture
def british_dates(monkeypatch: pytest.MonkeyPatch) -> None:
    """Dates as a British computer shows them ('2 Mar 1958'), for tests that spell dates out;
    the date style itself follows the region (tests/core/test_dates.py)."""
    monkeypatch.setenv("LC_ALL", "en_GB.UTF-8")


@pytest.fixture(autouse=True)
def collectable_leftovers() -> Iterator[None]:
    """The app freezes the cycle collector once, when its record is open (MainWindow.open_record);
    a test process opens hundreds of windows, whose leftovers must stay collectable."""
    yield
    gc.unfreeze()
