"""Every path the app uses is resolved here, and nowhere else."""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from pathlib import Path

APP_DIR_NAME = "NETJourney"
DATABASE_FILE_NAME = "journey.sqlite"
DATABASE_ENV_VAR = "NETJOURNEY_DB"
PRIVATE_FOLDER_MODE = 0o700
PRIVATE_FILE_MODE = 0o600


def resources_dir() -> Path:
    """The shipped content: inside a bundle, an installed wheel, or the source tree."""
    bundle_root = getattr(sys, "_MEIPASS", None)
    candidates = [Path(bundle_root) / "resources"] if bundle_root else []
    package_dir = Path(__file__).resolve().parent.parent
    candidates += [package_dir / "resources", package_dir.parent.parent / "resources"]
    for candidate in candidates:
        if (candidate / "guide").is_dir():
            return candidate
    raise FileNotFoundError(
        "The app's content folder 'resources' is missing; looked in: "
        + ", ".join(str(c) for c in candidates)
    )


def default_database_path() -> Path:
    folder = _linux_folder("XDG_DATA_HOME", ".local/share")
    if folder is None:
        from platformdirs import user_data_path

        folder = user_data_path(APP_DIR_NAME, appauthor=False)
    return folder / DATABASE_FILE_NAME


def resolve_database_path(flag_value: str | None, environ: Mapping[str, str] = os.environ) -> Path:
    """The record file: the --db flag, then $NETJOURNEY_DB, then the user data folder."""
    chosen = flag_value or environ.get(DATABASE_ENV_VAR)
    # os.path's expanduser, not Path's: it expands only a leading ~ of the text as typed
    # ("./~0" stays a file named ~0) and leaves ~nosuchuser as it is, as a shell does.
    path = Path(os.path.expanduser(chosen)) if chosen else default_database_path()
    return path.absolute()


def runtime_folder(environ: Mapping[str, str] = os.environ) -> Path:
    """The user's private folder for this session's passing files (locks, print copies).

    $XDG_RUNTIME_DIR (private to the user, emptied at logout) when the system gives one,
    else a folder in the user's cache; never a shared /tmp name another user could take.
    """
    session = environ.get("XDG_RUNTIME_DIR")
    if session and Path(session).is_dir():
        return Path(session) / APP_DIR_NAME
    return cache_folder(environ) / "run"


def log_folder() -> Path:
    """Where the app's log goes: the user's own state folder, never beside the record
    (a record's folder may be read-only, shared, or a USB stick the user carries)."""
    folder = _linux_folder("XDG_STATE_HOME", ".local/state")
    if folder is None:
        from platformdirs import user_log_path

        return user_log_path(APP_DIR_NAME, appauthor=False)
    return folder / "log"


def cache_folder(environ: Mapping[str, str] = os.environ) -> Path:
    """What the app can build again at any time (the schema each revision must have, the
    region's date words)."""
    folder = _linux_folder("XDG_CACHE_HOME", ".cache", environ)
    if folder is None:
        from platformdirs import user_cache_path

        return user_cache_path(APP_DIR_NAME, appauthor=False)
    return folder


def _linux_folder(
    variable: str, under_home: str, environ: Mapping[str, str] = os.environ
) -> Path | None:
    """On Linux, the app's folder in an XDG base folder by the rule platformdirs follows,
    without importing it (tests/core/test_paths.py keeps the two in step): it costs a
    fifth of `netjourney upcoming` and the window's first paint 2% of a bare window.
    None elsewhere, or when neither the variable nor $HOME is an absolute path."""
    if sys.platform != "linux":
        return None
    chosen, home = environ.get(variable, ""), environ.get("HOME", "")
    if os.path.isabs(chosen):
        return Path(chosen) / APP_DIR_NAME
    if os.path.isabs(home):
        return Path(home) / under_home / APP_DIR_NAME
    return None


def make_private_folder(folder: Path) -> None:
    """Create the folder (and parents) readable by the user only.

    The app's own data folder is tightened to 0700 even when it already existed with
    looser permissions; a folder the user chose keeps the permissions they gave it.
    """
    folder.mkdir(mode=PRIVATE_FOLDER_MODE, parents=True, exist_ok=True)
    if folder in (default_database_path().parent, runtime_folder()):
        folder.chmod(PRIVATE_FOLDER_MODE)


def restrict_new_files() -> None:
    """Files the process creates from now on are readable by the user only."""
    os.umask(0o077)
