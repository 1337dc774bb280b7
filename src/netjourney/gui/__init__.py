"""The Qt layer: windows and widgets over the Qt-free core."""

import builtins

import PySide6  # noqa: F401 (it installs the hook undone below)

# PySide6 puts a hook of its own in front of every import statement, for its optional
# `from __feature__ import snake_case` (which this app never uses): for each module
# imported after Qt it reads the module's whole source (inspect.getsource) and keeps it
# in memory. That cost the first paint about 7 ms and the window with its record 24 MiB
# (SQLAlchemy's sources). Its lazy import of Qt's classes, behind it, stays.
builtins.__import__ = getattr(builtins, "__orig_import__", builtins.__import__)
