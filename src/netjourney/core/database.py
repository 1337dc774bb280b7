"""The record file: opening, marking it as ours, migrating, and every connection's settings."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import closing, contextmanager, suppress
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, exc
from sqlalchemy.pool import QueuePool

from netjourney.core import paths
from netjourney.core.errors import (
    DamagedRecordError,
    NewerRecordError,
    NotARecordError,
    RecordBusyError,
    RecordError,
    StorageError,
)

APPLICATION_ID = 0x4E4A524E  # "NJRN" in the SQLite header marks the file as ours
SQLITE_MAGIC = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 5000
READ_ONLY_OPTION = "netjourney_read_only"
MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


def schema_revisions() -> list[str]:
    """Revision ids in upgrade order; each migration file is named after its revision."""
    return sorted(p.stem for p in (MIGRATIONS_DIR / "versions").glob("[0-9]*.py"))


def head_revision() -> str:
    return schema_revisions()[-1]


def _set_connection_pragmas(foreign_keys: bool, read_only: bool) -> Any:
    def on_connect(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
        # Let SQLAlchemy's begin event issue BEGIN itself: the pysqlite driver
        # otherwise defers it, and PRAGMA foreign_keys must run outside one.
        dbapi_connection.isolation_level = None
        with closing(dbapi_connection.cursor()) as cursor:
            cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            cursor.execute(f"PRAGMA foreign_keys = {'ON' if foreign_keys else 'OFF'}")
            if not read_only:
                cursor.execute("PRAGMA journal_mode = WAL")
                cursor.execute("PRAGMA synchronous = FULL")
                cursor.execute("PRAGMA secure_delete = ON")

    return on_connect


def sqlite_uri(path: Path, *, read_only: bool) -> str:
    """A `file:` URI that names exactly this file, whatever characters its path holds.

    Every character SQLite's URI parser would take for syntax (`#`, `?`, `%`, spaces...)
    is percent-encoded, so "Patient #1/journey.sqlite" never opens "Patient ".
    """
    mode = "ro" if read_only else "rw"
    return f"{path.absolute().as_uri()}?mode={mode}"


def connect_sqlite(path: Path, *, read_only: bool) -> sqlite3.Connection:
    """A driver connection to exactly this existing file (never creates one)."""
    return sqlite3.connect(
        sqlite_uri(path, read_only=read_only),
        uri=True,
        isolation_level=None,
        check_same_thread=False,
    )


def connect_engine(path: Path, *, read_only: bool = False, foreign_keys: bool = True) -> Engine:
    """An engine whose every connection has WAL, FULL sync, foreign keys and a busy timeout."""
    # A creator, not a URL: SQLAlchemy would unquote the path before SQLite saw it.
    engine = create_engine(
        "sqlite://",
        creator=lambda: connect_sqlite(path, read_only=read_only),
        poolclass=QueuePool,
    )
    event.listen(engine, "connect", _set_connection_pragmas(foreign_keys, read_only))

    @event.listens_for(engine, "begin")
    def begin(connection: Any) -> None:
        # A unit of work that may write takes the write lock up front, so it
        # waits for the busy timeout instead of failing half way through.
        reads_only = read_only or connection.get_execution_options().get(READ_ONLY_OPTION)
        connection.exec_driver_sql("BEGIN" if reads_only else "BEGIN IMMEDIATE")

    return engine


@contextmanager
def plain_sqlite(path: Path, *, read_only: bool = True) -> Iterator[sqlite3.Connection]:
    """A bare sqlite3 connection for inspection and checks (never creates the file)."""
    try:
        connection = connect_sqlite(path, read_only=read_only)
    except sqlite3.Error as error:
        raise translate_sqlite_error(error, path) from error
    try:
        connection.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        yield connection
    finally:
        connection.close()


def translate_sqlite_error(error: BaseException, path: Path) -> RecordError:
    """Turn a driver error into one whose message says what happened and what to do."""
    text = str(error).lower()
    if "locked" in text or "busy" in text:
        return RecordBusyError(
            f"The record {path} is busy: another program is writing to it. "
            "Close that program (or wait a moment) and try again; your edit is kept."
        )
    if "full" in text:
        return StorageError(
            f"The disk holding {path} is full. Free some space and try again; "
            "your edit is kept and the saved record is unchanged."
        )
    if "readonly" in text or "read-only" in text or "unable to open" in text:
        return StorageError(
            f"NET Journey cannot write to {path} (the file or its folder is read-only, "
            "or the folder does not exist). Check its permissions or choose another file."
        )
    if "malformed" in text or "not a database" in text or "corrupt" in text:
        return DamagedRecordError(
            f"The record {path} is damaged: {error}. Restore a backup, or choose another file."
        )
    if "disk i/o" in text:
        return StorageError(
            f"The disk reported an error while writing {path}. Check that there is free "
            "space and the disk is connected, then try again; your edit is kept."
        )
    return RecordError(f"Could not use the record {path}: {error}")


def _check_header(path: Path) -> None:
    with path.open("rb") as file:
        header = file.read(100)
    if not header:
        raise DamagedRecordError(
            f"The record {path} is empty (0 bytes). It may have been cut short by a crash "
            "or a full disk. Restore a backup, or choose another file."
        )
    if not header.startswith(SQLITE_MAGIC) or len(header) < 100:
        raise DamagedRecordError(
            f"{path} is not a NET Journey record, or it is damaged: its first bytes are not "
            "those of a database. Restore a backup, or choose another file."
        )


def read_marks(connection: sqlite3.Connection) -> tuple[int, str | None]:
    """The file's application id and its schema revision (None when it has none)."""
    application_id = connection.execute("PRAGMA application_id").fetchone()[0]
    has_version_table = connection.execute(
        "SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'alembic_version'"
    ).fetchone()
    if not has_version_table:
        return application_id, None
    row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
    return application_id, row[0] if row else None


def inspect_record(path: Path) -> str:
    """Check an existing file is a record this version can open; return its revision."""
    _check_header(path)
    try:
        with plain_sqlite(path) as connection:
            application_id, revision = read_marks(connection)
    except sqlite3.DatabaseError as error:
        raise translate_sqlite_error(error, path) from error
    if application_id != APPLICATION_ID:
        raise NotARecordError(
            f"{path} is a database, but not a NET Journey record. Nothing was changed; "
            "choose a NET Journey file, or a new file name to start a new record."
        )
    if revision is None:
        raise DamagedRecordError(
            f"The record {path} has lost its schema version. Restore a backup."
        )
    if revision not in schema_revisions():
        raise NewerRecordError(
            f"The record {path} was saved by a newer version of NET Journey "
            f"(schema {revision}). Nothing was changed: install the newer version to open it."
        )
    return revision


def create_empty_file(path: Path) -> None:
    """Create the record file readable by the user only (its -wal and -shm follow its mode)."""
    paths.make_private_folder(path.parent)
    try:
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, paths.PRIVATE_FILE_MODE)
    except OSError as error:
        raise StorageError(
            f"NET Journey cannot create {path}: {error.strerror}. "
            "Check the folder exists and you may write to it, or choose another file."
        ) from error
    os.close(descriptor)


def backup_folder(path: Path) -> Path:
    return path.with_name(f"{path.name}-backups")


def backup_copy(source: Path, destination: Path) -> Path:
    """Copy a live record with SQLite's backup API into a fresh 0600 file, then check it.

    The copy is made under a temporary name and renamed into place only once it passed
    its checks, so a failure never leaves a partial file nor harms an older copy.
    """
    partial = destination.with_name(destination.name + ".partial")
    try:
        paths.make_private_folder(destination.parent)
        partial.unlink(missing_ok=True)
        create_empty_file(partial)
        _copy_with_backup_api(source, partial)
        problems = integrity_problems(partial)
        if problems:
            raise DamagedRecordError(
                f"The copy of {source} failed its check ({problems[0]}); no backup was made."
            )
        fsync_path(partial)
        os.replace(partial, destination)
        fsync_path(destination.parent)
    except BaseException as error:
        with suppress(OSError):
            partial.unlink(missing_ok=True)
        if isinstance(error, OSError):
            raise StorageError(
                f"Could not write the copy {destination}: {error.strerror or error}. "
                "Check the folder is writable and has free space, then try again."
            ) from error
        raise
    return destination


def _copy_with_backup_api(source: Path, destination: Path) -> None:
    try:
        with plain_sqlite(source) as src, closing(sqlite3.connect(destination)) as dst:
            src.backup(dst)
            # The copy keeps the source's WAL mark: make it one self-contained file.
            dst.execute("PRAGMA journal_mode = DELETE")
    except sqlite3.Error as error:
        raise translate_sqlite_error(error, destination) from error


def integrity_problems(path: Path, *, thorough: bool = True) -> list[str]:
    """What SQLite's own checks find wrong with the file (nothing when healthy); never writes.

    `thorough` runs integrity_check, which also compares every index with its table;
    otherwise the faster quick_check. Both are followed by foreign_key_check, which
    neither covers. Only SQLite opens the file here: a plain open() and close() of a
    file this process holds in SQLite would silently drop SQLite's locks on it.
    """
    check = "integrity_check" if thorough else "quick_check"
    try:
        with plain_sqlite(path) as connection:
            problems = [row[0] for row in connection.execute(f"PRAGMA {check}")]
            broken = connection.execute("PRAGMA foreign_key_check").fetchall()
    except sqlite3.DatabaseError as error:
        translated = translate_sqlite_error(error, path)
        if not isinstance(translated, DamagedRecordError):
            raise translated from error
        return [str(error)]
    problems = [] if problems == ["ok"] else problems
    if broken:
        problems.append(f"{len(broken)} links point at records that do not exist")
    return problems


def fsync_path(path: Path) -> None:
    """Flush a file, or a folder's list of names after a rename, to the disk."""
    descriptor = os.open(path, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def _upgrade(path: Path, from_revision: str | None) -> None:
    """Run the migrations in one transaction; roll back if any foreign key breaks."""
    from alembic import command
    from alembic.config import Config

    if from_revision is not None:
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S")
        backup_copy(
            path, backup_folder(path) / f"before-upgrade-from-{from_revision}-{stamp}.sqlite"
        )
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    # Foreign keys stay off while tables are rebuilt, or dropping an old copy
    # would cascade deletes into its children; the check below replaces them.
    engine = connect_engine(path, foreign_keys=False)
    try:
        with engine.connect() as connection, connection.begin():
            config.attributes["connection"] = connection
            command.upgrade(config, "head")
            broken = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
            if broken:
                raise DamagedRecordError(
                    f"Upgrading {path} would break {len(broken)} links; nothing was changed."
                )
    except exc.OperationalError as error:
        raise translate_sqlite_error(error, path) from error
    finally:
        engine.dispose()


def open_record_engine(path: Path) -> Engine:
    """Open (creating or upgrading as needed) the record at `path` for reading and writing."""
    if path.exists():
        revision: str | None = inspect_record(path)
    else:
        create_empty_file(path)
        revision = None
    if revision != head_revision():
        try:
            _upgrade(path, revision)
        except BaseException:
            if revision is None:  # a file we just made holds nothing: leave no stub behind
                for leftover in (path, *sidecars(path)):
                    leftover.unlink(missing_ok=True)
            raise
    return connect_engine(path)


def sidecars(path: Path) -> tuple[Path, Path]:
    """The -wal and -shm files that belong with the record: never separate them from it."""
    return path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")
