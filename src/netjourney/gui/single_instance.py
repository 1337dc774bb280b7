"""One NET Journey per data folder: a second start hands over to the first window.

A QLockFile in the data folder says which process owns it; QLockFile knows a lock
left by a crashed process from its pid and takes it over. A local socket, named
after the folder, lets a second start ask the first to bring its window forward.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from PySide6.QtCore import QLockFile, QObject, QThread, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

from netjourney.core import paths
from netjourney.core.errors import RecordBusyError, StorageError

LOCK_FILE_NAME = "netjourney.lock"
ACTIVATE = b"activate\n"
HANDOVER_TIMEOUT_MS = 3000
HANDOVER_ATTEMPTS = 5  # the first instance may hold the lock before it listens


class SingleInstance(QObject):
    """Held by the running app; emits activation_requested when another start hands over."""

    activation_requested = Signal()

    def __init__(self, lock: QLockFile, server: QLocalServer) -> None:
        super().__init__()
        self._lock = lock
        self._server = server
        server.setParent(self)
        server.newConnection.connect(self._answer)

    def _answer(self) -> None:
        # A second start writes one line at once and leaves: read it here, briefly
        # blocking, rather than keep sockets (and callbacks on them) alive.
        while (socket := self._server.nextPendingConnection()) is not None:
            while not socket.canReadLine() and socket.waitForReadyRead(HANDOVER_TIMEOUT_MS):
                pass
            asked = bytes(socket.readLine().data()) == ACTIVATE
            socket.abort()
            socket.deleteLater()
            if asked:
                self.activation_requested.emit()

    def release(self) -> None:
        self._server.close()
        self._lock.unlock()


def server_name(data_folder: Path) -> str:
    """One name per user and data folder, short enough for a Unix socket path."""
    key = f"{os.getuid() if hasattr(os, 'getuid') else ''}:{data_folder.resolve()}"
    return "netjourney-" + hashlib.sha256(key.encode()).hexdigest()[:16]


def acquire_single_instance(data_folder: Path) -> SingleInstance | None:
    """The lock on the data folder, or None after handing over to the instance that has it.

    Raises StorageError when the lock cannot be made (a read-only or missing folder),
    and RecordBusyError when another instance holds it but does not answer.
    """
    _make_folder(data_folder)
    lock = QLockFile(str(data_folder / LOCK_FILE_NAME))
    lock.setStaleLockTime(0)  # stale only when its process is gone, never by age
    if lock.tryLock(0):
        return SingleInstance(lock, _listen(server_name(data_folder)))
    if lock.error() != QLockFile.LockError.LockFailedError:
        raise StorageError(
            f"NET Journey cannot create its lock file in {data_folder}: the folder is "
            "read-only or you may not write to it. Check its permissions, or choose "
            "another record with --db."
        )
    if _hand_over(server_name(data_folder)):
        return None
    raise RecordBusyError(
        f"NET Journey is already running with the record in {data_folder}, but it did not "
        "answer. Close it (or wait for it to finish starting) and try again."
    )


def _make_folder(data_folder: Path) -> None:
    try:
        paths.make_private_folder(data_folder)
    except OSError as error:
        raise StorageError(
            f"NET Journey cannot create its data folder {data_folder}: {error.strerror}. "
            "Check the permissions of the folder above it, or choose another record with --db."
        ) from error


def _listen(name: str) -> QLocalServer:
    server = QLocalServer()
    server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
    if not server.listen(name):
        # We hold the lock, so a socket of that name is left over from a crash.
        QLocalServer.removeServer(name)
        server.listen(name)
    return server


def _hand_over(name: str) -> bool:
    """Ask the running instance to bring its window forward; True once it has the message."""
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
