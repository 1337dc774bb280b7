"""Helpers for the reliability tests: child processes, read-only folders, a tiny disk."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Callable, Iterator
from contextlib import closing
from pathlib import Path

import pytest

from netjourney.core.guide import Guide
from netjourney.core.record import JourneyRecord
from tests.core.sample_records import add_sample_records

CHILDREN = Path(__file__).with_name("children.py")


def start_child(role: str, *args: object) -> subprocess.Popen[str]:
    """Run a role of children.py in its own process, talking over its stdin and stdout."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.Popen(
        [sys.executable, str(CHILDREN), role, *map(str, args)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env=env,
    )


def raw_bytes(path: Path) -> bytes:
    """The bytes of the record and its -wal, read by another process.

    Opening and closing a file this process holds in SQLite would silently drop
    SQLite's locks on it (POSIX locks belong to the process), so `cat` reads it.
    """
    files = [path, path.with_name(path.name + "-wal")]
    return b"".join(
        subprocess.run(["cat", str(f)], capture_output=True, check=True).stdout
        for f in files
        if f.exists()
    )


def closed_single_file(record_path: Path) -> None:
    """Leave a closed record as one file (no -wal), as a record looks after a clean exit."""
    with closing(sqlite3.connect(record_path)) as connection:
        connection.execute("PRAGMA journal_mode = DELETE")


@pytest.fixture
def sample_record_path(record_path: Path, guide: Guide) -> Path:
    """A closed record holding every kind of record, linked to the guide."""
    record = JourneyRecord.open(record_path, guide)
    add_sample_records(record)
    record.close()
    return record_path


@pytest.fixture
def permissive_umask() -> Iterator[None]:
    """The umask most systems start programs with: files 0644 unless the app says otherwise."""
    previous = os.umask(0o022)
    yield
    os.umask(previous)


def _run(*command: str) -> bool:
    return subprocess.run(command, capture_output=True).returncode == 0


@pytest.fixture
def make_read_only() -> Iterator[Callable[[Path], None]]:
    """Make a folder read-only for this process: chmod for a user, a read-only bind mount
    for root (whom permissions do not stop)."""
    undo: list[Callable[[], object]] = []

    def make(folder: Path) -> None:
        if os.geteuid() != 0:
            folder.chmod(0o500)
            undo.append(lambda: folder.chmod(0o700))
            return
        if not (_run("mount", "--bind", str(folder), str(folder))):
            pytest.skip("root without permission to mount: cannot make a folder read-only")
        undo.append(lambda: _run("umount", "-l", str(folder)))
        if not _run("mount", "-o", "remount,ro,bind", str(folder)):
            pytest.skip("cannot remount read-only here")

    yield make
    for step in reversed(undo):
        step()


@pytest.fixture
def tiny_disk(tmp_path: Path) -> Iterator[Path]:
    """A 3 MB file system of its own (tmpfs), so that it can really be filled up."""
    mount_point = tmp_path / "tiny-disk"
    mount_point.mkdir(mode=0o700)
    if not shutil.which("mount") or not _run(
        "mount", "-t", "tmpfs", "-o", "size=3m,mode=0700", "tmpfs", str(mount_point)
    ):
        pytest.skip("mounting a tmpfs needs root; the RLIMIT_FSIZE tests cover disk errors")
    yield mount_point
    _run("umount", "-l", str(mount_point))


def fill_up(folder: Path) -> Path:
    """Write a filler file until the disk refuses; return it (delete it to free the space)."""
    filler = folder / "filler"
    descriptor = os.open(filler, os.O_WRONLY | os.O_CREAT, 0o600)
    try:
        while os.write(descriptor, b"\0" * 4096):
            pass
    except OSError:
        pass
    finally:
        os.close(descriptor)
    return filler
