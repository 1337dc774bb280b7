"""RELIABILITY 8 and issue 16.11: one instance per record. A second start on the same
record (by any name) hands over to the first window and exits 0; another record in the
same folder opens; a lock left by a killed instance is taken over; a live instance keeps
its lock however old; a lock that cannot be made is reported as that."""

from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from netjourney.core.errors import StorageError
from netjourney.gui.single_instance import (
    SingleInstance,
    acquire_single_instance,
    lock_file,
    record_key,
)
from tests.reliability.conftest import start_child


@pytest.fixture
def data_folder(tmp_path: Path) -> Path:
    """The folder the locks go in (the user's runtime folder, in the app)."""
    return tmp_path / "NETJourney"


def record_in(folder: Path) -> Path:
    return folder.parent / "records" / "journey.sqlite"


@pytest.fixture
def held(data_folder: Path, qapp: object) -> Iterator[SingleInstance]:
    instance = acquire_single_instance(record_in(data_folder), data_folder)
    assert instance is not None
    instance.listen()
    yield instance
    instance.release()


def read_line(child: subprocess.Popen[str]) -> str:
    assert child.stdout is not None
    return child.stdout.readline().strip()


@pytest.fixture
def first_elsewhere(data_folder: Path) -> Iterator[subprocess.Popen[str]]:
    """A first instance running in a process of its own."""
    child = start_child("instance", record_in(data_folder), data_folder)
    assert read_line(child) == "first"
    yield child
    if child.poll() is None:
        child.kill()
    child.wait()


@pytest.fixture
def children() -> Iterator[list[subprocess.Popen[str]]]:
    """Child processes a test starts; none outlives it, whatever the test's outcome."""
    started: list[subprocess.Popen[str]] = []
    yield started
    for child in started:
        if child.poll() is None:
            child.kill()
        child.wait()


def test_a_second_start_hands_over_to_the_first_and_exits_0(
    held: SingleInstance,
    data_folder: Path,
    qtbot: QtBot,
    children: list[subprocess.Popen[str]],
) -> None:
    with qtbot.waitSignal(held.activation_requested, timeout=20_000):
        children.append(second := start_child("instance", record_in(data_folder), data_folder))

    assert second.wait(timeout=30) == 0
    assert read_line(second) == "handed over"


def test_starting_while_another_process_runs_brings_that_one_forward(
    first_elsewhere: subprocess.Popen[str], data_folder: Path, qapp: object
) -> None:
    assert acquire_single_instance(record_in(data_folder), data_folder) is None
    assert read_line(first_elsewhere) == "activated"


def test_a_start_while_the_first_is_still_painting_its_window_waits_and_hands_over(
    data_folder: Path, qapp: object, children: list[subprocess.Popen[str]]
) -> None:
    """The first instance holds the lock at once, but answers only once its window is
    painted (app.py): a second start in between waits for it, and does not open the record."""
    children.append(first := start_child("instance", record_in(data_folder), data_folder, 1500))
    assert read_line(first) == "first"

    assert acquire_single_instance(record_in(data_folder), data_folder) is None
    assert read_line(first) == "activated"


def test_the_lock_name_stays_what_earlier_releases_used() -> None:
    """A release running beside another must agree with it on the record's lock."""
    uid = os.getuid() if hasattr(os, "getuid") else ""
    record = Path("/nowhere/journey.sqlite")
    key = f"{uid}:{record.resolve()}".encode()
    assert record_key(record) == "netjourney-" + hashlib.sha256(key).hexdigest()[:16]


def test_a_live_instance_keeps_its_lock_however_old_the_lock_file(
    first_elsewhere: subprocess.Popen[str], data_folder: Path, qapp: object
) -> None:
    an_hour_ago = time.time() - 3600
    os.utime(lock_file(record_in(data_folder), data_folder), (an_hour_ago, an_hour_ago))

    assert acquire_single_instance(record_in(data_folder), data_folder) is None


def test_a_lock_left_by_a_killed_instance_is_taken_over(
    first_elsewhere: subprocess.Popen[str],
    data_folder: Path,
    qtbot: QtBot,
    children: list[subprocess.Popen[str]],
) -> None:
    first_elsewhere.send_signal(signal.SIGKILL)
    first_elsewhere.wait()
    assert (
        lock_file(record_in(data_folder), data_folder)
    ).exists()  # the crash left its lock behind

    taken_over = acquire_single_instance(record_in(data_folder), data_folder)

    assert taken_over is not None
    taken_over.listen()
    assert (lock_file(record_in(data_folder), data_folder)).read_text().split("\n")[0] == str(
        os.getpid()
    )
    with qtbot.waitSignal(taken_over.activation_requested, timeout=20_000):
        children.append(
            third := start_child("instance", record_in(data_folder), data_folder)
        )  # it answers there too
    assert third.wait(timeout=30) == 0
    taken_over.release()


def test_a_lock_that_cannot_be_made_is_reported_as_that(
    data_folder: Path, make_read_only: Callable[[Path], None], qapp: object
) -> None:
    data_folder.mkdir(mode=0o700)
    make_read_only(data_folder)

    with pytest.raises(StorageError) as raised:
        acquire_single_instance(record_in(data_folder), data_folder)

    message = str(raised.value)
    assert "cannot create its lock file" in message and str(data_folder) in message
    assert "already running" not in message


def test_a_data_folder_that_cannot_be_made_is_reported_as_that(
    tmp_path: Path, make_read_only: Callable[[Path], None], qapp: object
) -> None:
    make_read_only(tmp_path)

    with pytest.raises(StorageError, match="cannot create its lock folder"):
        acquire_single_instance(record_in(tmp_path / "NETJourney"), tmp_path / "NETJourney")


def test_a_symlink_to_the_record_from_another_folder_is_the_same_record(
    first_elsewhere: subprocess.Popen[str], data_folder: Path, tmp_path: Path, qapp: object
) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "link.sqlite").symlink_to(record_in(data_folder))

    assert acquire_single_instance(elsewhere / "link.sqlite", data_folder) is None
    assert read_line(first_elsewhere) == "activated"


def test_a_second_record_in_the_same_folder_opens_beside_the_first(
    first_elsewhere: subprocess.Popen[str], data_folder: Path, qapp: object
) -> None:
    other = record_in(data_folder).with_name("another.sqlite")

    second = acquire_single_instance(other, data_folder)

    assert second is not None
    second.release()
