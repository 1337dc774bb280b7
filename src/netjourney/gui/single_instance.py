"""One NET Journey per record: a second start on the same record hands over to its window.

The key is the record file's resolved path, so a symlink to it from another folder
is the same record, and a second record in the same folder is another one. A
QLockFile named after the key, in the user's private runtime folder (never in the
record's folder, which may be a clone or a USB stick), says which process owns the
record; QLockFile knows a lock left by a crashed process from its pid and takes it
over. A local socket of the same key lets a second start ask the first to bring its
window forward; the first listens on it once its window is painted (app.py), since the
network module costs the first paint more than the lock is worth delaying it: a second
start waits for it (HANDOVER_ATTEMPTS).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCryptographicHash, QLockFile, QObject, QThread, Signal

from netjourney.core import paths
from netjourney.core.errors import RecordBusyError, StorageError

if TYPE_CHECKING:  # imported where used: the first paint does without it
    from PySide6.QtNetwork import QLocalServer

ACTIVATE = b"activate\n"
HANDOVER_TIMEOUT_MS = 3000
HANDOVER_ATTEMPTS = 5  # the first instance may hold the lock before it listens


class SingleInstance(QObject):
    """Held by the running app; once it listens, emits activation_requested when another
    start hands over."""

    activation_requested = Signal()

    def __init__(self, lock: QLockFile, name: str) -> None:
        super().__init__()
        self._lock = lock
        self._name = name
        self._server: QLocalServer | None = None

    def listen(self) -> None:
        """Answer later starts on this record (until release())."""
        if self._server is None:
            self._server = _listen(self._name)
            self._server.setParent(self)
            self._server.newConnection.connect(self._answer)

    def _answer(self) -> None:
        # A second start writes one line at once and leaves: read it here, briefly
        # blocking, rather than keep sockets (and callbacks on them) alive.
        assert self._server is not None  # only its own signal calls this
        while (socket := self._server.nextPendingConnection()) is not None:
            while not socket.canReadLine() and socket.waitForReadyRead(HANDOVER_TIMEOUT_MS):
                pass
            asked = bytes(socket.readLine().data()) == ACTIVATE
            socket.abort()
            socket.deleteLater()
            if asked:
                self.activation_requested.emit()

    def release(self) -> None:
        if self._server is not None:
            self._server.close()
        self._lock.unlock()


def record_key(record_path: Path) -> str:
    """One name per user and record file (symlinks resolved), short enough for a socket."""
    key = f"{os.getuid() if hasattr(os, 'getuid') else ''}:{record_path.resolve()}"
    # Qt's SHA-256, not hashlib's: the same name, without loading OpenSSL before the paint.
    digest = QCryptographicHash.hash(key.encode(), QCryptographicHash.Algorithm.Sha256)
    return "netjourney-" + bytes(digest.toHex().data()).decode()[:16]


def lock_file(record_path: Path, lock_folder: Path) -> Path:
    return lock_folder / f"{record_key(record_path)}.lock"


def acquire_single_instance(
    record_path: Path, lock_folder: Path | None = None
) -> SingleInstance | None:
    """The lock on this record, or None after handing over to the instance that has it.
    The lock is held at once; call listen() on it to answer later starts.

    Raises StorageError when the lock cannot be made (a read-only or missing folder),
    and RecordBusyError when another instance holds it but does not answer.
    """
    folder = lock_folder or paths.runtime_folder()
    _make_folder(folder)
    name = record_key(record_path)
    lock = QLockFile(str(lock_file(record_path, folder)))
    lock.setStaleLockTime(0)  # stale only when its process is gone, never by age
    if lock.tryLock(0):
        return SingleInstance(lock, name)
    if lock.error() != QLockFile.LockError.LockFailedError:
        raise StorageError(
            f"NET Journey cannot create its lock file in {folder}: the folder is "
            "read-only or you may not write to it. Check its permissions."
        )
    if _hand_over(name):
        return None
    raise RecordBusyError(
        f"NET Journey is already running with the record {record_path}, but it did not "
        "answer. Close it (or wait for it to finish starting) and try again."
    )


def _make_folder(folder: Path) -> None:
    try:
        paths.make_private_folder(folder)
    except OSError as error:
        raise StorageError(
            f"NET Journey cannot create its lock folder {folder}: {error.strerror}. "
            "Check the permissions of the folder above it."
        ) from error


def _listen(name: str) -> QLocalServer:
    from PySide6.QtNetwork import QLocalServer

    server = QLocalServer()
    server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
    if not server.listen(name):
        # We hold the lock, so a socket of that name is left over from a crash.
        QLocalServer.removeServer(name)
        server.listen(name)
    return server


def _hand_over(name: str) -> bool:
    """Ask the running instance to bring its window forward; True once it has the message."""
    from PySide6.QtNetwork import QLocalSocket

    for _attempt in range(HANDOVER_ATTEMPTS):
        socket = QLocalSocket()
        socket.connectToServer(name)
        if socket.waitForConnected(HANDOVER_TIMEOUT_MS // HANDOVER_ATTEMPTS):
            socket.write(ACTIVATE)
            sent = socket.waitForBytesWritten(HANDOVER_TIMEOUT_MS)
            socket.disconnectFromServer()
            return sent
        QThread.msleep(HANDOVER_TIMEOUT_MS // HANDOVER_ATTEMPTS)
    return False
