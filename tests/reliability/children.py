"""Programs the reliability tests run in a process of their own: `children.py ROLE ARGS...`.

Each reports on stdout, one line per event, flushed at once; some wait for a line on
stdin before going on.
"""

from __future__ import annotations

import itertools
import json
import os
import random
import resource
import socket
import sqlite3
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

COUNTER_ID = 1  # the care-team member whose notes field holds the last note number
LINKS_PER_NOTE = 3
DELETE_EVERY = 10  # every tenth note, the note five back is deleted and its text erased


def say(line: str) -> None:
    print(line, flush=True)


def forbid_network(set_attribute: Callable[[Any, str, Any], None]) -> list[str]:
    """Make every way Python code reaches the network raise; return the list of attempts."""
    attempts: list[str] = []

    class NoSocket(socket.socket):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            attempts.append(f"socket.socket{args}")
            raise OSError("no network here")

    def refuse(name: str) -> Callable[..., Any]:
        def refused(*args: Any, **kwargs: Any) -> Any:
            attempts.append(f"socket.{name}{args}")
            raise OSError("no network here")

        return refused

    set_attribute(socket, "socket", NoSocket)
    for name in ("create_connection", "create_server", "getaddrinfo", "gethostbyname"):
        set_attribute(socket, name, refuse(name))
    return attempts


def writer(path: str, seed: str) -> None:
    """Write notes forever, each with its links and the counter in one transaction;
    report each one only after its commit returned."""
    from sqlalchemy import select

    from netjourney.core import repository
    from netjourney.core.guide import load_guide
    from netjourney.core.models import CareTeamMember, Note
    from netjourney.core.privacy import erase_deleted_text
    from netjourney.core.record import JourneyRecord

    record = JourneyRecord.open(Path(path), load_guide())
    rng = random.Random(int(seed))
    sections = list(record.guide.section_ids)
    say("ready")
    for number in itertools.count(1):
        with record.writing() as session:
            body = f"note {number} " + "words " * rng.randint(0, 3000)
            session.add(
                Note(
                    title=f"seq {number}",
                    body=body,
                    section_ids=rng.sample(sections, LINKS_PER_NOTE),
                )
            )
            counter = session.get(CareTeamMember, COUNTER_ID)
            assert counter is not None
            counter.notes = str(number)
        say(f"+{number}")
        if number % DELETE_EVERY == 0:
            victim = number - DELETE_EVERY // 2
            with record.reading() as session:
                note_id = session.scalar(select(Note.id).where(Note.title == f"seq {victim}"))
            assert note_id is not None
            repository.delete(record, Note, note_id)
            erase_deleted_text(record)  # FTS merge and a TRUNCATE checkpoint: more to cut short
            say(f"-{victim}")


def lock_holder(path: str) -> None:
    """Hold the write lock, with a change not yet committed, until told to let go."""
    connection = sqlite3.connect(path, isolation_level=None)
    connection.execute("BEGIN IMMEDIATE")
    connection.execute(
        "INSERT INTO notes (title, body, private, created_at, updated_at) VALUES "
        "('not committed', '', 0, '2025-01-01 00:00:00.000000', '2025-01-01 00:00:00.000000')"
    )
    say("holding")
    sys.stdin.readline()
    connection.execute("ROLLBACK")
    connection.close()
    say("released")


def record_holder(path: str) -> None:
    """Keep the record open, as a running app does, until told to close it."""
    from netjourney.core.guide import load_guide
    from netjourney.core.record import JourneyRecord

    record = JourneyRecord.open(Path(path), load_guide())
    record.counts()
    say("open")
    sys.stdin.readline()
    record.close()
    say("closed")


def size_limited(path: str, limit: str) -> None:
    """Save a big note while files may not grow past `limit` bytes (a disk that fails
    writes), then lift the limit and save the very same note again."""
    from netjourney.core.errors import RecordError
    from netjourney.core.guide import load_guide
    from netjourney.core.models import Note
    from netjourney.core.record import JourneyRecord

    record = JourneyRecord.open(Path(path), load_guide())
    outcome: dict[str, object] = {"before": record.counts()}
    _soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    resource.setrlimit(resource.RLIMIT_FSIZE, (int(limit), hard))  # Python ignores SIGXFSZ
    note = Note(title="Scan results", body="The scan showed " + "x" * 2_000_000)
    try:
        with record.writing() as session:
            session.add(note)
        outcome["error"] = None
    except RecordError as error:
        outcome["error"] = [type(error).__name__, str(error)]
    outcome["kept_body_length"] = len(note.body)
    outcome["after_failure"] = record.counts()
    resource.setrlimit(resource.RLIMIT_FSIZE, (hard, hard))
    with record.writing() as session:
        session.add(note)
    outcome["after_retry"] = record.counts()
    record.close()
    say(json.dumps(outcome))


def unclean_exit(path: str) -> None:
    """Change the record and leave without closing: the -wal stays, as after a crash."""
    connection = sqlite3.connect(path, isolation_level=None)
    connection.execute("PRAGMA journal_mode = WAL")
    connection.execute("UPDATE care_team_members SET phone = phone || ' '")
    os._exit(0)


def app_without_network(path: str) -> None:
    """Start the whole app as a user does, with the network made to raise."""
    attempts = forbid_network(setattr)
    from netjourney.cli import main

    code = main(["--db", path, "--exit-after-start"])
    say(json.dumps({"code": code, "attempts": attempts}))


def instance(record: str, lock_folder: str, listen_after_ms: str = "0") -> None:
    """Start as the app does: take the single-instance lock, or hand over and leave; with
    the lock, answer later starts once the window would be painted (`listen_after_ms`)."""
    from PySide6.QtCore import QCoreApplication, QTimer

    from netjourney.core.errors import RecordError
    from netjourney.gui.single_instance import acquire_single_instance

    app = QCoreApplication([])
    try:
        held = acquire_single_instance(Path(record), Path(lock_folder))
    except RecordError as error:
        say(f"error: {error}")
        sys.exit(1)
    if held is None:
        say("handed over")
        sys.exit(0)
    held.activation_requested.connect(lambda: say("activated"))
    QTimer.singleShot(int(listen_after_ms), held.listen)
    say("first")
    app.exec()


if __name__ == "__main__":
    role, *arguments = sys.argv[1:]
    {
        "writer": writer,
        "lock_holder": lock_holder,
        "record_holder": record_holder,
        "size_limited": size_limited,
        "unclean_exit": unclean_exit,
        "instance": instance,
        "app_without_network": app_without_network,
    }[role](*arguments)
