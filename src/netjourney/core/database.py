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
    AlteredSchemaError,
    DamagedRecordError,
    MissingRecordError,
    NewerRecordError,
    NotARecordError,
    RecordBusyError,
    RecordError,
    RecordMovedError,
    StorageError,
)
from netjourney.core.output_files import fsync_path, register_record, replace_atomically
from netjourney.core.places import is_writable_place, process_runs, refuse_odd_place
from netjourney.core.schema_check import MIGRATIONS_DIR, run_migrations, schema_differences
from netjourney.core.search_erasure import erase_edited_words_at_commit
from netjourney.core.sqlite_file import (
    APPLICATION_ID,
    Access,
    access_for_reading,
    connect_sqlite,
    reading_access,
    sidecars,
)

SQLITE_MAGIC = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 5000
READ_ONLY_OPTION = "netjourney_read_only"


def schema_revisions() -> list[str]:
    """Revision ids in upgrade order; each migration file is named after its revision."""
    return sorted(p.stem for p in (MIGRATIONS_DIR / "versions").glob("[0-9]*.py"))


def head_revision() -> str:
    return schema_revisions()[-1]


def _set_connection_pragmas(foreign_keys: bool, access: Access) -> Any:
    def on_connect(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
        # Let SQLAlchemy's begin event issue BEGIN itself: the pysqlite driver
        # otherwise defers it, and PRAGMA foreign_keys must run outside one.
        dbapi_connection.isolation_level = None
        with closing(dbapi_connection.cursor()) as cursor:
            cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            cursor.execute(f"PRAGMA foreign_keys = {'ON' if foreign_keys else 'OFF'}")
            if access is Access.QUERY_ONLY:
                cursor.execute("PRAGMA query_only = ON")
            elif access is Access.WRITE:
                cursor.execute("PRAGMA journal_mode = WAL")
                cursor.execute("PRAGMA synchronous = FULL")
                cursor.execute("PRAGMA secure_delete = ON")

    return on_connect


def connect_engine(
    path: Path, access: Access = Access.WRITE, *, foreign_keys: bool = True
) -> Engine:
    """An engine whose every connection has WAL, FULL sync, foreign keys and a busy timeout."""
    # A creator, not a URL: SQLAlchemy would unquote the path before SQLite saw it.
    engine = create_engine(
        "sqlite://", creator=lambda: connect_sqlite(path, access), poolclass=QueuePool
    )
    event.listen(engine, "connect", _set_connection_pragmas(foreign_keys, access))
    if access is Access.WRITE:
        erase_edited_words_at_commit(engine)
    opened = file_identity(path)

    @event.listens_for(engine, "begin")
    def begin(connection: Any) -> None:
        # A unit of work that may write takes the write lock up front, so it
        # waits for the busy timeout instead of failing half way through.
        reads_only = access.reads_only or connection.get_execution_options().get(READ_ONLY_OPTION)
        if not reads_only:
            require_same_file(path, opened)
        connection.exec_driver_sql("BEGIN" if reads_only else "BEGIN IMMEDIATE")

    return engine


def file_identity(path: Path) -> tuple[int, int] | None:
    """The device and inode of the file now at `path` (None when there is none)."""
    try:
        found = path.stat()
    except OSError:
        return None
    return found.st_dev, found.st_ino


def require_same_file(path: Path, opened: tuple[int, int] | None) -> None:
    """Refuse to write when the file at `path` is no longer the one that was opened.

    SQLite keeps writing to a deleted or replaced file through its open descriptor,
    so every save would report success and be lost with it.
    """
    now = file_identity(path)
    if now != opened:
        happened = "was removed (or its folder was)" if now is None else "was replaced"
        raise RecordMovedError(
            f"The record {path} {happened} while NET Journey had it open, so this change "
            "was not saved; it stays on screen. Copy it somewhere safe, then restart "
            "NET Journey to open the record where it is now."
        )


@contextmanager
def plain_sqlite(path: Path, *, read_only: bool = True) -> Iterator[sqlite3.Connection]:
    """A bare sqlite3 connection for inspection and checks (never creates the file)."""
    try:
        connection = connect_sqlite(path, reading_access(path) if read_only else Access.WRITE)
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


def require_record_file(path: Path) -> None:
    """Refuse a path that does not name an existing regular file, and create nothing."""
    refuse_odd_place(path)
    if not path.exists():
        raise MissingRecordError(
            f"There is no record at {path}; nothing was created. Check the name "
            "(and --db or $NETJOURNEY_DB), or open the app once to start a new record."
        )


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


def inspect_record(path: Path, *, check_schema: bool = True) -> str:
    """Check an existing file is a record this version can open; return its revision.

    `check_schema` also compares its schema with ours (see core/schema_check.py); the
    damage check at start leaves that to the opening that follows it.
    """
    require_record_file(path)
    _check_header(path)
    try:
        with plain_sqlite(path) as connection:
            application_id, revision = read_marks(connection)
    except sqlite3.DatabaseError as error:
        raise translate_sqlite_error(error, path) from error
    except UnicodeDecodeError as error:  # a damaged schema's error message is not UTF-8
        raise DamagedRecordError(
            f"The record {path} is damaged: its list of tables cannot be read. "
            "Restore a backup, or choose another file."
        ) from error
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
    if check_schema:
        _refuse_foreign_schema(path, revision)
    return revision


def _refuse_foreign_schema(path: Path, revision: str) -> None:
    """Refuse a file whose tables, indexes, triggers or views are not exactly ours."""
    try:
        with plain_sqlite(path) as connection:
            differences = schema_differences(connection, revision)
    except sqlite3.DatabaseError as error:
        raise translate_sqlite_error(error, path) from error
    if differences:
        raise AlteredSchemaError(
            f"{path} was changed outside NET Journey and is refused, so that nothing in it "
            f"runs: {'; '.join(differences[:5])}. Nothing was changed. Use an untouched "
            "backup, or ask for help with this file."
        )


def create_empty_file(path: Path) -> None:
    """Create the record file readable by the user only (its -wal and -shm follow its mode)."""
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

    The copy is renamed into place only once it passed its checks, so a failure never
    leaves a partial file nor harms an older copy.
    """

    def copy_and_check(partial: Path) -> None:
        _copy_with_backup_api(source, partial)
        problems = integrity_problems(partial)
        if problems:
            raise DamagedRecordError(
                f"The copy of {source} failed its check ({problems[0]}); no backup was made."
            )

    try:
        paths.make_private_folder(destination.parent)
        replace_atomically(destination, copy_and_check)
    except OSError as error:
        raise StorageError(
            f"Could not write the copy {destination}: {error.strerror or error}. "
            "Check the folder is writable and has free space, then try again."
        ) from error
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


def _upgrade(path: Path, from_revision: str | None) -> None:
    """Run the migrations in one transaction; roll back if any foreign key breaks."""
    if from_revision is not None:
        from netjourney.core.backups import next_backup_name  # backups builds on this module

        kind = f"before-upgrade-from-{from_revision}"
        backup_copy(path, next_backup_name(backup_folder(path), kind, datetime.now(UTC)))
    # Foreign keys stay off while tables are rebuilt, or dropping an old copy
    # would cascade deletes into its children; the check below replaces them.
    engine = connect_engine(path, foreign_keys=False)
    try:
        with engine.connect() as connection, connection.begin():
            run_migrations(connection, "head")
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
    register_record(path)
    refuse_odd_place(path)
    _remove_abandoned_builds(path)
    if not path.exists():
        with new_record_file(path, adopt_a_twin=True):
            pass  # an empty record, moved into place whole
    revision = inspect_record(path)
    if revision != head_revision():
        _upgrade(path, revision)
    return connect_engine(path)


NEW_RECORD_MARK = ".new-"


@contextmanager
def new_record_file(path: Path, *, adopt_a_twin: bool = False) -> Iterator[Path]:
    """A new empty record under a temporary name beside `path`, to fill; when the block ends
    well, the closed file is moved to `path` (and never over a file that appeared there
    meanwhile). On any error, or a kill, nothing appears at `path`.

    `adopt_a_twin`: when another start made an empty record there at the same moment,
    use it rather than fail (only for an empty record: a filled one must not be lost).
    """
    refuse_odd_place(path)
    _make_record_folder(path.parent)
    if not os.access(path.parent, os.W_OK | os.X_OK):
        raise StorageError(
            f"NET Journey cannot create {path}: its folder is read-only or you may not write "
            "to it. Check its permissions, or choose another file."
        )
    _remove_abandoned_builds(path)
    _set_aside_orphan_sidecars(path)
    building = path.with_name(f".{path.name}{NEW_RECORD_MARK}{os.getpid()}")
    _remove_with_sidecars(building)
    try:
        create_empty_file(building)
        _upgrade(building, None)
        yield building
        _fold_into_one_file(building)
        fsync_path(building)
        try:
            _move_without_replacing(building, path)
        except FileExistsError:
            if not (adopt_a_twin and _is_created_record(path)):
                raise RecordBusyError(
                    f"Another program created {path} at the same moment, so it already holds "
                    "records; nothing was changed here."
                ) from None
        fsync_path(path.parent)
    finally:
        _remove_with_sidecars(building)


def _move_without_replacing(source: Path, destination: Path) -> None:
    """A hard link never replaces a file; where the disk has none (FAT), a checked rename."""
    try:
        os.link(source, destination)
    except FileExistsError:
        raise
    except OSError:
        if destination.exists():
            raise FileExistsError(destination) from None
        os.rename(source, destination)


def _make_record_folder(folder: Path) -> None:
    try:
        paths.make_private_folder(folder)
    except OSError as error:
        raise StorageError(
            f"NET Journey cannot create the folder {folder}: {error.strerror}. "
            "Check the folder above it exists and you may write to it, or choose another file."
        ) from error


def _is_created_record(path: Path) -> bool:
    """Another start made the same new record at the same moment: use theirs."""
    try:
        return inspect_record(path) == head_revision()
    except RecordError:
        return False


def _fold_into_one_file(path: Path) -> None:
    """Leave the closed record one self-contained file (its -wal checkpointed and gone)."""
    with plain_sqlite(path, read_only=False) as connection:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    for leftover in sidecars(path):
        if leftover.exists() and leftover.stat().st_size:
            raise StorageError(f"Could not finish writing {path}: its -wal is still in use.")


def _remove_with_sidecars(path: Path) -> None:
    for leftover in (path, *sidecars(path)):
        if leftover.exists():
            leftover.unlink()


def _remove_abandoned_builds(path: Path) -> None:
    """Remove new records left half-built by a process that no longer runs."""
    for leftover in path.parent.glob(f".{glob_escape(path.name)}{NEW_RECORD_MARK}*"):
        pid = leftover.name.rsplit(NEW_RECORD_MARK, 1)[1].split("-")[0]
        if pid.isdigit() and not process_runs(int(pid)):
            with suppress(OSError):  # a read-only folder keeps it; it is never read
                leftover.unlink(missing_ok=True)


def _set_aside_orphan_sidecars(path: Path) -> None:
    """A -wal without its file would be replayed into the new record: keep it aside instead."""
    for orphan in sidecars(path):
        if orphan.exists():
            os.replace(orphan, orphan.with_name(f"{orphan.name}.orphan-{os.getpid()}"))


def glob_escape(name: str) -> str:
    return "".join(f"[{c}]" if c in "*?[" else c for c in name)


def open_record_for_reading(path: Path) -> Engine:
    """Open an existing record for commands that only read; never create nor change it.

    On a writable disk the connection may write (to tidy its -wal away on close) but is
    `query_only`; a file that may not be written is opened `mode=ro`, and `immutable`
    when its folder is read-only too (SQLite could not make the -shm it needs).
    """
    register_record(path)
    revision = inspect_record(path)
    writable = is_writable_place(path)
    if revision != head_revision():
        if not writable:
            raise StorageError(
                f"The record {path} was saved by an older version of NET Journey and must be "
                "upgraded before it is read, but it is on a read-only disk or folder. Copy it "
                "to a writable folder, then try again."
            )
        open_record_engine(path).dispose()
    return connect_engine(path, access_for_reading(path))
