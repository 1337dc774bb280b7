"""Write a file so that a failure never leaves a partial file or destroys the old one."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from netjourney.core.errors import StorageError
from netjourney.core.paths import PRIVATE_FILE_MODE


def write_atomically(destination: Path, data: bytes) -> None:
    """Write to a temporary name in the same folder, fsync, rename over, fsync the folder."""
    folder = destination.parent
    try:
        descriptor, temporary = tempfile.mkstemp(prefix=f".{destination.name}.", dir=folder)
    except OSError as error:
        raise _storage_error(destination, error) from error
    try:
        with os.fdopen(descriptor, "wb") as file:
            file.write(data)
            file.flush()
            os.fsync(file.fileno())
        os.chmod(temporary, PRIVATE_FILE_MODE)
        os.replace(temporary, destination)
        folder_descriptor = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(folder_descriptor)
        finally:
            os.close(folder_descriptor)
    except OSError as error:
        Path(temporary).unlink(missing_ok=True)
        raise _storage_error(destination, error) from error


def _storage_error(destination: Path, error: OSError) -> StorageError:
    return StorageError(
        f"Could not write {destination}: {error.strerror or error}. "
        "Nothing was changed there; check the folder exists, is writable and has free space."
    )
