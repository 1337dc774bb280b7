"""Nothing unexpected is lost: every uncaught error and every Qt warning goes to a log
file, and errors are shown in the window's message bar instead of vanishing."""

from __future__ import annotations

import logging
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import (
    QCoreApplication,
    QMessageLogContext,
    QObject,
    QtMsgType,
    Signal,
    qInstallMessageHandler,
)

from netjourney.core.paths import make_private_folder

LOG_FILE_NAME = "netjourney.log"
log = logging.getLogger("netjourney")


class _Teller(QObject):
    """Carries a message to the window's thread, whichever thread the error was in."""

    tell = Signal(str)


def install_exception_hook(show: Callable[[str], None], log_folder: Path) -> Path:
    """Log to `log_folder` and show unexpected errors with `show` (a slot of a widget);
    return the log's path. Errors in background threads are shown too."""
    log_path = log_folder / LOG_FILE_NAME
    teller = _Teller(QCoreApplication.instance())
    teller.tell.connect(show)  # queued when told from another thread
    try:
        make_private_folder(log_folder)
        handler: logging.Handler = logging.FileHandler(log_path, encoding="utf-8")
    except OSError:  # no place for a log (a read-only home): errors are still shown
        handler = logging.NullHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    log.addHandler(handler)
    log.setLevel(logging.INFO)

    def on_exception(
        kind: type[BaseException], error: BaseException, trace: TracebackType | None
    ) -> None:
        log.error("Unexpected error", exc_info=(kind, error, trace))
        if issubclass(kind, KeyboardInterrupt):
            return
        teller.tell.emit(
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
            teller.tell.emit(f"Something went wrong inside the window toolkit: {message}")

    sys.excepthook = on_exception
    threading.excepthook = lambda args: on_exception(
        args.exc_type, args.exc_value or args.exc_type(), args.exc_traceback
    )
    qInstallMessageHandler(on_qt_message)
    return log_path
