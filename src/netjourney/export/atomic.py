"""Exports are written whole or not at all, never onto the record (see core.output_files)."""

from __future__ import annotations

from pathlib import Path

from netjourney.core.output_files import write_bytes


def write_atomically(destination: Path, data: bytes) -> None:
    """Write an export atomically ("-" writes to standard output); refuse the record's files."""
    write_bytes(destination, data)
