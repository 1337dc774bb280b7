"""PDFs made to print live in the user's private runtime folder, one folder per process.

A viewer may still be reading one after it was handed over, so a process keeps its
own until it quits. At start, folders left by processes that no longer run (killed,
or the machine lost power) are removed; $XDG_RUNTIME_DIR itself is emptied at logout.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from netjourney.core import paths
from netjourney.core.places import process_runs

PREFIX = "print-"


def print_folder() -> Path:
    """This process's folder for print copies (0700), made when first needed."""
    folder = paths.runtime_folder() / f"{PREFIX}{os.getpid()}"
    paths.make_private_folder(folder)
    return folder


def remove_own_print_copies() -> None:
    shutil.rmtree(paths.runtime_folder() / f"{PREFIX}{os.getpid()}", ignore_errors=True)


def remove_abandoned_print_copies() -> list[Path]:
    """Remove the print folders of processes that no longer run; return them."""
    root = paths.runtime_folder()
    abandoned = [
        folder
        for folder in (root.glob(f"{PREFIX}*") if root.is_dir() else ())
        if not (pid := folder.name.removeprefix(PREFIX)).isdigit() or not process_runs(int(pid))
    ]
    for folder in abandoned:
        shutil.rmtree(folder, ignore_errors=True)
    return abandoned
