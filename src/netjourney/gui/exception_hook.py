"""Nothing unexpected is lost: every uncaught error and every Qt warning goes to a log
file, and errors are shown in the window's message bar instead of vanishing."""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QMessageLogContext, QtMsgType, qInstallMessageHandler

LOG_FILE_NAME = "netjourney.log"
log = logging.getLogger("netjourney")


def install_exception_hook(show: Callable[[str], None], log_folder: Path) -> Path:
    """Log to `log_folder` and show unexpected errors with `show`; return the log's path."""
    log_path = log_folder / LOG_FILE_NAME
    handler = logging.FileHandler(log_path, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    log.addHandler(handler)
    log.setLevel(logging.INFO)

    def on_exception(
        kind: type[BaseException], error: BaseException, trace: TracebackType | None
    ) -> None:
        log.error("Unexpected error", exc_info=(kind, error, trace))
        if issubclass(kind, KeyboardInterrupt):
            return
        show(
            f"Something unexpected went wrong ({kind.__name__}: {error}). Your record keeps "
            f"every change saved so far. The details are in {log_path}; please send them "
            "to the NET Journey team."
        )

    def on_qt_message(kind: QtMsgType, _context: QMessageLogContext, message: str) -> None:
        level = {
            QtMsgType.QtDebugMsg: logging.DEBUG,
            QtMsgType.QtInfoMsg: logging.INFO,
            QtMsgType.QtWarningMsg: logging.WARNING,
        }.get(kind, logging.ERROR)
        log.log(level, "Qt: %s", message)
        if level >= logging.ERROR:
            show(f"Something went wrong inside the window toolkit: {message}")

    sys.excepthook = on_exception
    qInstallMessageHandler(on_qt_message)
    return log_path
